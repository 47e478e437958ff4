import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type MainIO } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import { SCHEMA_ID } from '../src/schema/index.ts';
import { CSV_COLUMNS, CSV_TABLES } from '../src/writers/csv.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { SAMPLE_TEXT } from './fixtures/sample-document.ts';
import { FAIL_MARKER, stubExtractor } from './fixtures/stub-extractor.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => tree.remove());

interface Result {
  code: number;
  stdout: string;
  stderr: string[];
}

async function run(argv: string[], io: MainIO = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: tree.root,
    extractor: stubExtractor(),
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdin: (async function* () {})(),
    ...io,
  });
  return { code, stdout, stderr: stderr.split('\n').filter((l) => l !== '') };
}

const articleIds = (rel = 'out'): string[] => csvRecords(tree.read(`${rel}/csv/articles.csv`)).map((r) => r['id']!);
const SUMMARY = /^conflict-events: \d+ articles ok, \d+ failed; records: \d+ actors, .*; [\d.]+ s, [\d.-]+ articles\/s$/u;

describe('extract: success', () => {
  it('writes json, yaml and csv for every article and exits 0', async () => {
    tree.write({ 'in/a.txt': 'نص أ', 'in/b.json': JSON.stringify({ id: 'bee', text: 'نص ب', title: 'عنوان' }) });
    const r = await run(['extract', 'in', '--out', 'out']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(SUMMARY);
    expect(r.stderr[0]).toContain('2 articles ok, 0 failed');
    expect(readdirSync(tree.path('out')).sort()).toEqual(['.conflict-events-files', 'csv', 'json', 'review', 'yaml']);
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(['a.json', 'bee.json']);
    expect(readdirSync(tree.path('out/yaml')).sort()).toEqual(['a.yaml', 'bee.yaml']);
    expect(readdirSync(tree.path('out/csv')).sort()).toEqual([...CSV_TABLES.map((t) => `${t}.csv`), 'acled_view.csv', 'datapackage.json'].sort());
    expect(readdirSync(tree.path('out/review')).sort()).toEqual(['a.html', 'bee.html', 'index.html']);
    const bee = JSON.parse(tree.read('out/json/bee.json'));
    expect(bee.article).toMatchObject({ id: 'bee', source: 'in/b.json', title: 'عنوان', text: 'نص ب' });
    expect(articleIds()).toEqual(['a', 'bee']);
  });

  it('treats a first argument that is not a subcommand as an input', async () => {
    tree.write({ 'a.txt': 'x' });
    const r = await run(['a.txt', '-o', 'out', '--quiet']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: [] });
    expect(existsSync(tree.path('out/json/a.json'))).toBe(true);
  });

  it('reads data/articles into output/ when given no input', async () => {
    tree.write({ 'data/articles/x.txt': 'x' });
    expect((await run([])).code).toBe(0);
    expect(existsSync(tree.path('output/json/x.json'))).toBe(true);
  });

  it('reads JSON Lines from stdin', async () => {
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('{"id":"s1","text":"one"}\n{"text":"two"}\n');
    }
    const r = await run(['-', '-o', 'out', '-q'], { stdin: stdin() });
    expect(r.code).toBe(0);
    expect(articleIds()).toEqual(['s1', 'stdin-2']);
    expect(JSON.parse(tree.read('out/json/stdin-2.json')).article.source).toBe('<stdin>#2');
  });

  it('writes CSV with a BOM by default and without it for --no-bom; --format limits the outputs', async () => {
    tree.write({ 'a.txt': 'x' });
    await run(['a.txt', '-o', 'bom', '-q']);
    await run(['a.txt', '-o', 'plain', '-q', '--no-bom', '--format', 'csv']);
    expect(tree.read('bom/csv/articles.csv').startsWith('\uFEFFarticle_id,')).toBe(true);
    expect(tree.read('plain/csv/articles.csv').startsWith('article_id,')).toBe(true);
    expect(readdirSync(tree.path('plain')).sort()).toEqual(['.conflict-events-files', 'csv']);
  });

  it('puts every record of the sample document into its table', async () => {
    tree.write({ 'sample.txt': SAMPLE_TEXT });
    expect((await run(['sample.txt', '-o', 'out', '-q'])).code).toBe(0);
    for (const t of CSV_TABLES.filter((t) => t !== 'dates')) {
      const rows = csvRecords(tree.read(`out/csv/${t}.csv`));
      expect(rows.map((r) => r['article_id']), t).toEqual(['sample']);
      expect(Object.keys(rows[0]!), t).toEqual(CSV_COLUMNS[t]);
    }
  });
});

describe('extract with the real pipeline', () => {
  // The one test that runs the extraction stages: it asserts the documented shape, not what they find.
  it('writes documents of the codebook shape', async () => {
    tree.write({ 'in/ar-sample.txt': SAMPLE_TEXT });
    const r = await run(['in', '-o', 'out'], { extractor: createExtractor() });
    expect(r.stderr.slice(0, -1)).toEqual([]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(tree.read('out/json/ar-sample.json'));
    expect(Object.keys(doc)).toEqual([
      'schema', 'article', 'actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires', 'diagnostics',
    ]);
    expect(doc.schema).toBe(SCHEMA_ID);
    expect(doc.article).toMatchObject({ id: 'ar-sample', source: 'in/ar-sample.txt', language: 'ar', text: SAMPLE_TEXT });
    expect(doc.article.text_sha256).toMatch(/^[0-9a-f]{64}$/u);
    for (const table of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires', 'diagnostics']) {
      expect(Array.isArray(doc[table]), table).toBe(true);
    }
    expect(articleIds()).toEqual(['ar-sample']);
  });
});

describe('extract: failures', () => {
  it('exits 1, names file and line on stderr, lists errors.jsonl, writes the rest', async () => {
    tree.write({
      'in/good.txt': 'x',
      'in/feed.jsonl': '{"text":"ok"}\n{broken\n',
      'in/empty.txt': '',
      'in/page.html': '<p>',
    });
    const r = await run(['in', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.slice(0, -1)).toEqual([
      'conflict-events: in/empty.txt: file is empty',
      "conflict-events: in/feed.jsonl:2: invalid JSON at column 2: Expected property name or '}'",
      'conflict-events: in/page.html: no article text found in the page',
    ]);
    expect(r.stderr.at(-1)).toContain('2 articles ok, 3 failed');
    const errors = tree.read('out/errors.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([
      { source: 'in/empty.txt', line: null, code: 'empty_file', message: 'file is empty' },
      { source: 'in/feed.jsonl', line: 2, code: 'invalid_json', message: "invalid JSON at column 2: Expected property name or '}'" },
      { source: 'in/page.html', line: null, code: 'empty_text', message: 'no article text found in the page' },
    ]);
    expect(articleIds()).toEqual(['feed-1', 'good']);
  });

  it('turns an exception in extract() into that article\'s error, one line, no stack', async () => {
    tree.write({ 'a.txt': 'first', 'b.txt': `boom ${FAIL_MARKER}`, 'c.txt': 'third' });
    const r = await run(['a.txt', 'b.txt', 'c.txt', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toBe('conflict-events: b.txt: extraction failed: stub extractor failed on purpose');
    expect(r.stderr).toHaveLength(2);
    expect(r.stderr.join('\n')).not.toMatch(/^\s+at /mu);
    expect(JSON.parse(tree.read('out/errors.jsonl'))).toEqual({
      source: 'b.txt', line: null, code: 'extraction_failed', message: 'extraction failed: stub extractor failed on purpose',
    });
    expect(articleIds()).toEqual(['a', 'c']);
  });

  it('adds the stack trace with --debug', async () => {
    tree.write({ 'b.txt': FAIL_MARKER });
    const r = await run(['b.txt', '-o', 'out', '--debug', '-q']);
    expect(r.stderr[0]).toBe('conflict-events: b.txt: extraction failed: stub extractor failed on purpose');
    expect(r.stderr.some((l) => /^\s+at /u.test(l))).toBe(true);
  });
});

describe('usage errors', () => {
  const cases: Array<[string[], string]> = [
    [['--bogus'], "conflict-events: Unknown option '--bogus' (see 'conflict-events --help')"],
    [['extract', '--format', 'json,xml'], "conflict-events: unknown format 'xml' for --format (expected json, yaml, csv, jsonl or review) (see 'conflict-events --help')"],
    [['--format', ''], "conflict-events: --format needs at least one of json,yaml,csv,jsonl,review (see 'conflict-events --help')"],
    [['extrct', 'a.txt'], "conflict-events: unknown command 'extrct' (see 'conflict-events --help')"],
    [['--lang', 'fr'], "conflict-events: unknown language 'fr' for --lang (expected ar or en) (see 'conflict-events --help')"],
    [['--max-bytes', '1e6'], "conflict-events: --max-bytes needs a positive whole number of bytes, got '1e6' (see 'conflict-events --help')"],
    [['--out'], "conflict-events: Option '-o, --out <value>' argument missing (see 'conflict-events --help')"],
    [['-', '-'], "conflict-events: stdin (-) can be read only once (see 'conflict-events --help')"],
  ];
  it.each(cases)('%j exits 2 with one line and writes nothing', async (argv, line) => {
    const r = await run(argv);
    expect(r).toEqual({ code: 2, stdout: '', stderr: [line] });
    expect(readdirSync(tree.root)).toEqual([]);
  });

  it('prints help and version on stdout', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: conflict-events \[extract\] \[INPUT\.\.\.\] \[options\]\n/u);
    expect(help.stdout).toContain('--no-bom');
    expect((await run(['extract', '-h'])).stdout).toBe(help.stdout);
    expect((await run(['help'])).stdout).toBe(help.stdout);
    expect((await run(['--version'])).stdout).toMatch(/^conflict-events \d+\.\d+\.\d+\n$/u);
  });
});

describe('ids and files', () => {
  it('keeps both articles with one id: the second becomes <id>-2 with a warning', async () => {
    tree.write({ 'one.json': '{"id":"same","text":"first"}', 'two.json': '{"id":"same","text":"second"}' });
    const r = await run(['one.json', 'two.json', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe("conflict-events: two.json: warning: article id 'same' is already used by one.json; written as 'same-2'");
    expect(JSON.parse(tree.read('out/json/same.json')).article.text).toBe('first');
    expect(JSON.parse(tree.read('out/json/same-2.json')).article).toMatchObject({ id: 'same-2', text: 'second' });
    expect(articleIds()).toEqual(['same', 'same-2']);
  });

  it('never writes outside --out, whatever the ids look like', async () => {
    const ids = ['../../evil', '..', '.', '/etc/passwd', 'a/b', '..\\..\\win', '.hidden', ''];
    tree.write({ 'in/list.json': JSON.stringify(ids.map((id) => ({ id, text: 'x' }))) });
    const r = await run(['in/list.json', '-o', 'deep/out', '-q']);
    expect(r.code).toBe(0);
    expect(readdirSync(tree.root).sort()).toEqual(['deep', 'in']);
    expect(readdirSync(tree.path('deep'))).toEqual(['out']);
    const files = readdirSync(tree.path('deep/out/json')).sort();
    expect(files).toHaveLength(ids.length);
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/u);
  });

  it('does not read its own output when --out is inside the input directory', async () => {
    tree.write({ 'a.txt': 'x' });
    expect((await run(['.', '-o', 'out', '-q'])).code).toBe(0);
    const second = await run(['.', '-o', 'out', '-q']);
    expect(second).toEqual({ code: 0, stdout: '', stderr: [] });
    expect(articleIds()).toEqual(['a']);
  });
});

describe('reruns', () => {
  it('replace the CSV rows and drop a stale errors.jsonl', async () => {
    tree.write({ 'in/a.txt': 'a', 'in/b.txt': 'b', 'in/bad.json': '{' });
    expect((await run(['in', '-o', 'out', '-q'])).code).toBe(1);
    expect(articleIds()).toEqual(['a', 'b']);
    expect(existsSync(tree.path('out/errors.jsonl'))).toBe(true);
    expect((await run(['in/a.txt', '-o', 'out', '-q'])).code).toBe(0);
    expect(articleIds()).toEqual(['a']);
    expect(existsSync(tree.path('out/errors.jsonl'))).toBe(false);
    expect(readdirSync(tree.path('out/csv')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('give byte-identical trees for the same input', async () => {
    tree.write({
      'in/sample.txt': SAMPLE_TEXT,
      'in/list.json': JSON.stringify([{ text: 'واحد' }, { id: 'dup', text: 'اثنان' }, { id: 'dup', text: 'ثلاثة' }]),
      'in/feed.jsonl': '{"text":"x"}\n{bad\n',
    });
    await run(['in', '-o', 'out', '-q']);
    const first = tree.snapshot('out');
    await run(['in', '-o', 'out', '-q']);
    await run(['in', '-o', 'again', '-q']);
    expect(tree.snapshot('out')).toEqual(first);
    expect(tree.snapshot('again')).toEqual(first);
    expect([...first.keys()]).toContain(path.join('json', 'dup-2.json'));
  });
});

describe('extract: language', () => {
  it('says on stderr which article has no language pack, and still writes it', async () => {
    tree.write({
      'in/fr.json': JSON.stringify({ id: 'fr', text: 'Le président a déclaré que les forces de sécurité ont été déployées dans la ville.' }),
      'in/en.json': JSON.stringify({ id: 'en', text: 'Police said at least 37 people were killed in London on Thursday.' }),
    });
    const r = await run(['extract', 'in', '--out', 'out', '--format', 'json', '--jobs', '1'], { extractor: createExtractor() });
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe("conflict-events: in/fr.json: warning: no language pack for 'fr' (packs: ar, en): only numeric dates and the article's own fields are read; give lang or --lang if the language is wrong");
    expect(r.stderr).toHaveLength(2);
    expect(JSON.parse(tree.read('out/json/fr.json')).article.language).toBe('fr');
    expect(JSON.parse(tree.read('out/json/en.json')).article.language).toBe('en');
  });

  it('--quiet leaves the warning out', async () => {
    tree.write({ 'in/fr.json': JSON.stringify({ id: 'fr', text: 'Le président a déclaré que les forces de sécurité ont été déployées.' }) });
    const r = await run(['extract', 'in', '--out', 'out', '--format', 'json', '--quiet'], { extractor: createExtractor() });
    expect(r.stderr).toEqual([]);
  });
});
