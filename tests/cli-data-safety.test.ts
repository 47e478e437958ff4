/**
 * Issue 15: the CLI never corrupts or loses a user's data without saying so — input decoding, the
 * output directory, ids, publication dates, the progress bar and the small things around them.
 * (Interrupts, with a real child process and a real signal, are in cli-interrupt.test.ts.)
 */
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../src/cli/args.ts';
import { main, type MainIO } from '../src/cli/main.ts';
import { readPublished } from '../src/pipeline.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { stubExtractor } from './fixtures/stub-extractor.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => tree.remove());

interface Result {
  code: number;
  stderr: string[];
}

/** Runs the CLI in this process, with the stub extractor unless `pipeline` asks for the real one. */
async function run(argv: string[], io: MainIO = {}, pipeline = false): Promise<Result> {
  let stderr = '';
  const code = await main(argv, {
    cwd: tree.root,
    ...(pipeline ? {} : { extractor: stubExtractor() }),
    stdout: () => undefined,
    stderr: (s) => void (stderr += s),
    stdin: (async function* () {})(),
    ...io,
  });
  return { code, stderr: stderr.split('\n').filter((l) => l !== '') };
}

const json = (rel: string): { article: { id: string; text: string; source: string } } => JSON.parse(tree.read(rel));
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const ARABIC = 'هدوء حذر في المدينة بعد ليلة من القصف';

describe('1. a UTF-8 file with a flaw stays UTF-8', () => {
  it('reports a JSONL line that is one invalid byte and keeps the other lines, as on stdin', async () => {
    const lines = [utf8(`${JSON.stringify({ id: 'a', text: ARABIC })}\n`), Buffer.from([0xff, 0x0a]), utf8(`${JSON.stringify({ id: 'b', text: `${ARABIC}.` })}\n`)];
    tree.write({ 'feed.jsonl': Buffer.concat(lines) });
    const r = await run(['feed.jsonl', '-o', 'out', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toBe('conflict-events: feed.jsonl:2: is not valid UTF-8 (save it as UTF-8)');
    expect(r.stderr.at(-1)).toContain('2 articles ok, 1 failed');
    expect(json('out/json/a.json').article.text).toBe(ARABIC);
    expect(json('out/json/b.json').article.text).toBe(`${ARABIC}.`);
  });

  it('refuses a .txt article with an invalid byte inside, naming its line, instead of reading it as Windows-1256', async () => {
    tree.write({ 'a.txt': Buffer.concat([utf8(`${ARABIC}\n${ARABIC}\n`), Buffer.from([0xff]), utf8(`\n${ARABIC}\n`)]) });
    const r = await run(['a.txt', 'ok.txt', '-o', 'out', '-f', 'json'], {});
    expect(r.code).toBe(2); // ok.txt does not exist: a usage error, found before anything is read
    tree.write({ 'ok.txt': ARABIC });
    const r2 = await run(['a.txt', 'ok.txt', '-o', 'out', '-f', 'json']);
    expect(r2.code).toBe(1);
    expect(r2.stderr[0]).toBe('conflict-events: a.txt:3: is UTF-8 but has an invalid byte on this line (fix or remove it, then save as UTF-8)');
    expect(readdirSync(tree.path('out/json'))).toEqual(['ok.json']);
  });

  it('reads a .txt article cut in the middle of a character up to the cut, and says so', async () => {
    const whole = utf8(`${ARABIC}\n${ARABIC}`);
    tree.write({ 'cut.txt': whole.subarray(0, whole.length - 1) }); // the last letter's second byte is gone
    const r = await run(['cut.txt', '-o', 'out', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe('conflict-events: cut.txt: warning: ends in the middle of a UTF-8 character (the file was cut short?): its last 1 byte is left out');
    expect(json('out/json/cut.json').article.text).toBe(`${ARABIC}\n${ARABIC.slice(0, -1)}`);
  });

  it('still reads a real Windows-1256 file as Windows-1256', async () => {
    tree.write({ 'legacy.txt': iconv.encode(`${ARABIC}\n${ARABIC}، وقال الرئيس؟`, 'windows-1256') });
    const r = await run(['legacy.txt', '-o', 'out', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(json('out/json/legacy.json').article.text).toBe(`${ARABIC}\n${ARABIC}، وقال الرئيس؟`);
  });
});

describe('8. the progress bar', () => {
  it('is drawn when the process stderr is a terminal and nothing is injected', async () => {
    tree.write({ 'a.txt': ARABIC });
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const isTTY = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    const columns = Object.getOwnPropertyDescriptor(process.stderr, 'columns');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    // a terminal that reports no size (`script`, some CI ptys): the bar is drawn 80 columns wide, not cut to nothing
    Object.defineProperty(process.stderr, 'columns', { value: 0, configurable: true });
    try {
      const code = await main(['a.txt', '-o', 'out', '-f', 'json'], { cwd: tree.root, extractor: stubExtractor() });
      expect(code).toBe(0);
    } finally {
      write.mockRestore();
      if (isTTY) Object.defineProperty(process.stderr, 'isTTY', isTTY);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
      if (columns) Object.defineProperty(process.stderr, 'columns', columns);
      else delete (process.stderr as { columns?: number }).columns;
    }
    expect(written.join('')).toMatch(/\r\u001b\[Kconflict-events: [^\n]*1\/1 article · /u);
  });
});

describe('9. the smaller ones', () => {
  it('caps --jobs at 4 per core, with a warning, instead of starting a thousand threads', async () => {
    const parsed = parseCommand(['a.txt', '--jobs', '1000'], () => true);
    const most = 4 * availableParallelism();
    expect(parsed.kind === 'extract' && parsed.options.jobs).toBe(most);
    expect(parsed.kind === 'extract' && parsed.options.warnings).toEqual([`--jobs 1000 is more than 4 per core; using ${most}`]);
    tree.write({ 'a.txt': ARABIC });
    const r = await run(['a.txt', '-o', 'out', '-f', 'json', '--jobs', '1000']);
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe(`conflict-events: warning: --jobs 1000 is more than 4 per core; using ${most}`);
    const small = parseCommand(['a.txt', '--jobs', '2'], () => true);
    expect(small.kind === 'extract' && [small.options.jobs, small.options.warnings]).toEqual([2, []]);
  });

  it('applies --max-bytes to each article of a JSON array, not to the whole file', async () => {
    const small = { id: 'small', text: 'قصير' };
    const big = { id: 'big', text: 'ط'.repeat(400) };
    tree.write({ 'arr.json': JSON.stringify([small, big, { ...small, id: 'small2' }]) });
    const r = await run(['arr.json', '-o', 'out', '-f', 'json', '--max-bytes', '300']);
    expect(r.code).toBe(1);
    const size = Buffer.byteLength(JSON.stringify(big));
    expect(size).toBe(822);
    expect(r.stderr[0]).toBe(`conflict-events: arr.json#2: article is ${size} bytes, over the --max-bytes limit of 300 bytes`);
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(['small.json', 'small2.json']);
    // one object is one article: the file is measured
    tree.write({ 'one.json': JSON.stringify(big) });
    expect((await run(['one.json', '-o', 'out2', '-f', 'json', '--max-bytes', '300'])).stderr[0]).toBe(
      `conflict-events: one.json: file is ${size} bytes, over the --max-bytes limit of 300 bytes`,
    );
  });

  it('says at which column a JSON line or file stops being JSON', async () => {
    tree.write({ 'feed.jsonl': `{"text":"ok"}\n{"text": "نص", oops}\n`, 'bad.json': '{\n  "text": "x",\n  "id": tru\n}' });
    const r = await run(['feed.jsonl', 'bad.json', '-o', 'out', '-f', 'json']);
    expect(r.stderr.slice(0, 2)).toEqual([
      "conflict-events: feed.jsonl:2: invalid JSON at column 16: Expected double-quoted property name",
      expect.stringMatching(/^conflict-events: bad\.json:3: invalid JSON at column 9: /u),
    ]);
  });

  it('says "1 article", not "1 articles"', async () => {
    tree.write({ 'a.txt': ARABIC });
    const r = await run(['a.txt', '-o', 'out', '-f', 'json']);
    expect(r.stderr.at(-1)).toMatch(/^conflict-events: 1 article ok, 0 failed; /u);
  });

  it('makes a missing path a usage error (exit 2) that touches nothing, not a failed article with a rate', async () => {
    tree.write({ 'a.txt': ARABIC });
    const r = await run(['a.txt', 'articlez', '-o', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(["conflict-events: no such file or directory: articlez (see 'conflict-events --help')"]);
    expect(existsSync(tree.path('out'))).toBe(false);
  });
});


describe('6. publication dates: exactly one day, or refused with the reason', () => {
  const ACCEPTED: Array<[string, string]> = [
    ['01/11/2020', '2020-11-01'], // day first, as Arabic and most of the world write it
    ['13/11/2020', '2020-11-13'],
    ['1.11.2020', '2020-11-01'],
    ['01-11-2020', '2020-11-01'],
    ['2020-11-01', '2020-11-01'],
    ['2020-11-01T23:30:00+03:00', '2020-11-01'], // the day as written, whatever the zone
    ['2020-11-01 08:00:00Z', '2020-11-01'],
    ['2020/11/01', '2020-11-01'],
    ['2020-02-29', '2020-02-29'],
    ['Sun, 01 Nov 2020 08:00:00 GMT', '2020-11-01'],
    ['November 1, 2020', '2020-11-01'],
    ['1 Nov 2020', '2020-11-01'],
    ['1 نوفمبر 2020', '2020-11-01'],
    ['الأحد 1 نوفمبر 2020', '2020-11-01'],
    ['الأحد 1 نوفمبر 2020 10:30', '2020-11-01'],
  ];
  const REFUSED: Array<[string, string]> = [
    ['2020-02-30', '2020-02 has no day 30 (it has 29 days)'],
    ['2020-11-31', '2020-11 has no day 31 (it has 30 days)'],
    ['31/11/2020', '2020-11 has no day 31 (it has 30 days)'],
    ['11/13/2020', '13 is not a month (read as DD/MM/YYYY, day first)'],
    ['2020-11-01 garbage', 'it holds more than a date ("garbage")'],
    ['Nov 2020', 'it names a month, not a day: give the day (YYYY-MM-DD), or leave "published" out'],
    ['2020-11', 'it names a month, not a day: give the day (YYYY-MM-DD), or leave "published" out'],
    ['نوفمبر 2020', 'it names a month, not a day: give the day (YYYY-MM-DD), or leave "published" out'],
    ['2020', 'it names a year, not a day: give the day (YYYY-MM-DD), or leave "published" out'],
    ['1 نوفمبر 2020 في مدينة غزة', 'it holds more than a date ("في مدينه غزه")'],
    ['next Tuesday-ish', 'it names no date (use YYYY-MM-DD, or DD/MM/YYYY)'],
  ];
  it.each(ACCEPTED)('reads %s as %s', (value, day) => {
    expect(readPublished(value, 'ar')).toEqual({ date: day });
  });
  it.each(REFUSED)('refuses %s: %s', (value, reason) => {
    expect(readPublished(value, 'ar')).toEqual({ date: null, reason });
  });

  it('refuses such an article at input with the reason, and writes the others', async () => {
    tree.write({ 'feed.jsonl': [
      JSON.stringify({ id: 'dayfirst', text: ARABIC, published: '01/11/2020' }),
      JSON.stringify({ id: 'impossible', text: ARABIC, published: '2020-02-30' }),
    ].join('\n') });
    const r = await run(['feed.jsonl', '-o', 'out', '-f', 'json', '--jobs', '1'], {}, true);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toBe('conflict-events: feed.jsonl:2: "published" "2020-02-30" is not a date: 2020-02 has no day 30 (it has 29 days)');
    expect(JSON.parse(tree.read('out/json/dayfirst.json')).article.published).toBe('2020-11-01');
  });
});

describe('2. a run that reads no article leaves --out as it was', () => {
  it('an empty pipe changes nothing in --out', async () => {
    tree.write({ 'a.txt': ARABIC });
    expect((await run(['a.txt', '-o', 'out'])).code).toBe(0);
    const before = tree.snapshot('out');
    const r = await run(['-', '-o', 'out'], { stdin: (async function* () {})() });
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      'conflict-events: <stdin>: no JSON lines in the input',
      'conflict-events: no article read (1 input failed); out is left as it was',
    ]);
    expect(tree.snapshot('out')).toEqual(before);
  });

  it('a mistyped path is a usage error found before --out is touched', async () => {
    tree.write({ 'articles/a.txt': ARABIC });
    expect((await run(['articles', '-o', 'out'])).code).toBe(0);
    const before = tree.snapshot('out');
    const r = await run(['extract', 'articlez', '-o', 'out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toEqual(["conflict-events: no such file or directory: articlez (see 'conflict-events --help')"]);
    expect(tree.snapshot('out')).toEqual(before);
  });
});

describe('4. one run at a time in --out, and a rerun replaces what it does not write', () => {
  it('a second run into an --out that a live run holds fails fast, and touches nothing', async () => {
    tree.write({ 'a.txt': ARABIC, 'out/.conflict-events-lock': `${process.ppid}\n` }); // a live process
    const r = await run(['a.txt', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      `conflict-events: cannot write to out: another conflict-events run (process ${process.ppid}) is writing there; wait for it to finish or choose another --out`,
    ]);
    expect(readdirSync(tree.path('out'))).toEqual(['.conflict-events-lock']);
  });

  it('takes over the lock of a run that died, removes its temporary files, and releases the lock', async () => {
    tree.write({
      'a.txt': ARABIC,
      'out/.conflict-events-lock': '999999999\n', // no such process
      'out/json/a.json.tmp-999999999': 'half a document',
      'out/csv/articles.csv.tmp-999999999': 'half a table',
      'out/review/index.html.tmp-999999999-whole': 'half a page',
      'out/json/notes.tmp-backup': 'not ours: kept',
    });
    const r = await run(['a.txt', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe('conflict-events: note: removed 3 temporary files left in out by a run that did not finish');
    const left = readdirSync(tree.path('out'), { recursive: true }).map(String).sort();
    expect(left.filter((f) => f.includes('.tmp-'))).toEqual(['json/notes.tmp-backup']);
    expect(left).not.toContain('.conflict-events-lock');
  });

  it('two runs started together into one --out: one writes, the other fails fast', async () => {
    tree.write({ 'a.txt': ARABIC, 'b.txt': `${ARABIC}.` });
    const [one, two] = await Promise.all([run(['a.txt', '-o', 'out']), run(['b.txt', '-o', 'out'])]);
    expect([one.code, two.code].sort()).toEqual([0, 1]);
    const loser = one.code === 1 ? one : two;
    expect(loser.stderr[0]).toMatch(/^conflict-events: cannot write to out: another conflict-events run \(process \d+\) is writing there/u);
    expect(readdirSync(tree.path('out/json'))).toEqual([one.code === 0 ? 'a.json' : 'b.json']);
  });

  it('a rerun with other --format values removes the index, dataset and tables it no longer writes', async () => {
    tree.write({ 'a.txt': ARABIC });
    expect((await run(['a.txt', '-o', 'out', '-f', 'json,csv,review,jsonl'])).code).toBe(0);
    expect(existsSync(tree.path('out/review/index.html'))).toBe(true);
    expect(existsSync(tree.path('out/dataset.jsonl'))).toBe(true);
    expect((await run(['a.txt', '-o', 'out', '-f', 'json'])).code).toBe(0);
    expect(readdirSync(tree.path('out')).sort()).toEqual(['.conflict-events-files', 'csv', 'json', 'review']);
    expect(readdirSync(tree.path('out/review'))).toEqual([]);
    expect(readdirSync(tree.path('out/csv'))).toEqual([]);
    expect(readdirSync(tree.path('out/json'))).toEqual(['a.json']);
  });
});

describe('5. the output directory is not read back as input', () => {
  it('skips an earlier run\'s output tree (it carries a marker file) and says so', async () => {
    tree.write({ 'proj/articles/a.txt': ARABIC });
    expect((await run(['proj', '-o', 'proj/output', '-f', 'json,yaml,csv,review,jsonl'])).code).toBe(0);
    const r = await run(['proj', '-o', 'out2', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toBe(
      'conflict-events: note: not reading proj/output/csv, proj/output/dataset.jsonl, proj/output/json, proj/output/review, proj/output/yaml: output of an earlier conflict-events run',
    );
    expect(r.stderr.at(-1)).toMatch(/^conflict-events: 1 article ok, 0 failed; /u);
    expect(readdirSync(tree.path('out2/json'))).toEqual(['a.json']);
  });

  it('extract . -o . reads the articles beside the output, not the output', async () => {
    tree.write({ 'proj/a.txt': ARABIC });
    const here = { cwd: tree.path('proj') };
    expect((await run(['.', '-o', '.', '-f', 'json,jsonl'], here)).code).toBe(0);
    const again = await run(['.', '-o', '.', '-f', 'json,jsonl'], here);
    expect(again.code).toBe(0);
    expect(again.stderr.at(-1)).toMatch(/^conflict-events: 1 article ok, 0 failed; /u);
    expect(readdirSync(tree.path('proj/json'))).toEqual(['a.json']);
  });
});

describe('7. ids are kept as given; only file names are made safe', () => {
  it('keeps the id verbatim in the document and every CSV, names the files safely (Arabic kept), and warns', async () => {
    tree.write({
      'feed.jsonl': [
        JSON.stringify({ id: '2020/11/01-0042', text: ARABIC }),
        JSON.stringify({ id: 42, text: ARABIC }),
      ].join('\n'),
      'مقال-1.txt': ARABIC,
    });
    const r = await run(['feed.jsonl', 'مقال-1.txt', '-o', 'out', '-f', 'json,csv,review']);
    expect(r.code).toBe(0);
    expect(r.stderr.slice(0, -1)).toEqual([
      "conflict-events: feed.jsonl#1: warning: article id '2020/11/01-0042' is kept in the documents and tables; its files are named '2020_11_01-0042-7be0aee8'",
    ]);
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(['2020_11_01-0042-7be0aee8.json', '42.json', 'مقال-1.json']);
    expect(json('out/json/2020_11_01-0042-7be0aee8.json').article.id).toBe('2020/11/01-0042');
    expect(json('out/json/مقال-1.json').article.id).toBe('مقال-1');
    expect(json('out/json/42.json').article.id).toBe('42');
    expect(csvRecords(tree.read('out/csv/articles.csv')).map((row) => row['id'])).toEqual(['2020/11/01-0042', '42', 'مقال-1']);
    const index = tree.read('out/review/index.html');
    expect(index).toContain('href="2020_11_01-0042-7be0aee8.html">2020/11/01-0042</a>');
    expect(index).toContain(`href="${encodeURIComponent('مقال-1')}.html">مقال-1</a>`);
  });

  it('never writes outside --out, whatever the id', async () => {
    tree.write({ 'feed.jsonl': ['../../escape', '..', '.hidden', 'a\\b', 'index'].map((id) => JSON.stringify({ id, text: ARABIC })).join('\n') });
    const r = await run(['feed.jsonl', '-o', 'out', '-f', 'json']);
    expect(r.code).toBe(0);
    const files = readdirSync(tree.path('out/json')).sort();
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatch(/^[^./\\][^/\\]*\.json$/u);
    expect(files.map((f) => json(`out/json/${f}`).article.id).sort()).toEqual(['..', '../../escape', '.hidden', 'a\\b', 'index']);
  });
});

describe('3. an interrupted run (in-process: the signal comes from an emitter)', () => {
  it('keeps the earlier run\'s files and lists them, writes errors.jsonl and INCOMPLETE, exits 130; a complete rerun cleans up', async () => {
    tree.write({ 'old.txt': ARABIC });
    expect((await run(['old.txt', '-o', 'out', '-f', 'json'])).code).toBe(0);
    tree.write({ 'feed.jsonl': [JSON.stringify({ id: 'a', text: ARABIC }), '{broken', JSON.stringify({ id: 'stop', text: ARABIC }), JSON.stringify({ id: 'c', text: ARABIC })].join('\n') });
    const signals = new EventEmitter();
    const stub = stubExtractor();
    const extractor = {
      extract: (...args: Parameters<typeof stub.extract>) => {
        if (args[0].id === 'stop') signals.emit('SIGINT');
        return stub.extract(...args);
      },
    };
    const r = await run(['feed.jsonl', '-o', 'out', '-f', 'json', '--jobs', '1'], { extractor, signals, batchSize: 1 });
    expect(r.code).toBe(130);
    expect(r.stderr.at(-1)).toBe('conflict-events: interrupted after 3 of 4 articles; out/ is incomplete');
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(['a.json', 'old.json', 'stop.json']);
    expect(tree.read('out/.conflict-events-files')).toBe('json/a.json\njson/old.json\njson/stop.json\n');
    expect(JSON.parse(tree.read('out/errors.jsonl'))).toMatchObject({ source: 'feed.jsonl', line: 2, code: 'invalid_json' });
    expect(tree.read('out/INCOMPLETE')).toMatch(/^interrupted \(SIGINT\) after 3 of 4 articles: /u);
    expect(signals.listenerCount('SIGINT')).toBe(0);
    // the next complete run removes what it does not write, and INCOMPLETE
    expect((await run(['feed.jsonl', '-o', 'out', '-f', 'json', '--jobs', '1'])).code).toBe(1);
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(['a.json', 'c.json', 'stop.json']);
    expect(existsSync(tree.path('out/INCOMPLETE'))).toBe(false);
  });
});
