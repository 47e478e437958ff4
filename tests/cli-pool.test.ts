/**
 * Parallel extraction: the output of a run is the same bytes for any --jobs, in input order, written
 * atomically; stdin and long JSONL streams go through the pool too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, type MainIO } from '../src/cli/main.ts';
import { POOL_MIN_ITEMS, readAhead } from '../src/cli/pool.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { SAMPLE_TEXT } from './fixtures/sample-document.ts';
import { FAIL_MARKER, stubExtractor } from './fixtures/stub-extractor.ts';
import { SLOW_MARKER, STUB_EXTRACTOR_MODULE, createExtractor as slowStubExtractor } from './fixtures/stub-extractor-module.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => {
  vi.restoreAllMocks();
  tree.remove();
});

interface Result {
  code: number;
  stderr: string;
}

/**
 * Run the CLI in-process; with the stub, --jobs 1 runs it in this thread and --jobs N loads it in N
 * workers; `pipeline` runs the real extraction stages.
 */
async function run(argv: string[], io: MainIO = {}, extraction: 'stub' | 'pipeline' = 'stub'): Promise<Result> {
  let stderr = '';
  const jobs = argv[argv.indexOf('--jobs') + 1];
  const code = await main(argv, {
    cwd: tree.root,
    stderr: (s) => void (stderr += s),
    stdout: () => undefined,
    stdin: (async function* () {})(),
    batchSize: 3,
    ...(extraction === 'pipeline' ? {} : jobs === '1' ? { extractor: slowStubExtractor() } : { extractorModule: STUB_EXTRACTOR_MODULE }),
    ...io,
  });
  return { code, stderr };
}

/** Files anywhere under the tree whose names mark an unfinished atomic write. */
const leftovers = (): string[] =>
  readdirSync(tree.root, { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f).includes('.tmp-'));

const jsonl = (lines: unknown[]): string => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';

/** Articles in an order that makes early batches slow, so workers finish out of order. */
function mixedInputs(): void {
  const lines: unknown[] = [];
  for (let i = 1; i <= 30; i++) {
    const text = i <= 6 ? `مقال ${i} ${SLOW_MARKER}` : i % 7 === 0 ? SAMPLE_TEXT : `مقال ${i}`;
    lines.push(i === 11 ? '{broken' : i === 17 ? { id: 'dup', text: `x ${FAIL_MARKER}` } : { id: i % 10 === 0 ? 'dup' : `a${i}`, text });
  }
  tree.write({
    'in/feed.jsonl': jsonl(lines),
    'in/list.json': JSON.stringify([{ text: 'واحد' }, { id: 'dup', text: 'اثنان' }, { text: `ثلاثة ${SLOW_MARKER}` }]),
    'in/txt/b.txt': 'ب',
    'in/txt/a.txt': SAMPLE_TEXT,
    'in/empty.txt': '',
  });
}

const FORMATS = ['--format', 'json,yaml,csv,jsonl'];

describe('--jobs', () => {
  it('writes byte-identical trees for --jobs 1 and --jobs 2, stderr included', async () => {
    mixedInputs();
    const one = await run(['in', '-o', 'one', '--jobs', '1', ...FORMATS]);
    const two = await run(['in', '-o', 'two', '--jobs', '2', ...FORMATS]);
    expect(one.code).toBe(1); // the broken line, the empty file, the failing article
    expect(two.code).toBe(1);
    const strip = (s: string): string => s.replace(/; [\d.]+ s, [\d.]+ articles\/s\n$/u, '');
    expect(strip(two.stderr)).toBe(strip(one.stderr));
    expect(tree.snapshot('two')).toEqual(tree.snapshot('one'));
    expect(tree.snapshot('one').size).toBeGreaterThan(60);
    expect(leftovers()).toEqual([]);
  });

  it('gives the same bytes for --jobs 1 and --jobs 2 with the real pipeline', async () => {
    const article = readFileSync(new URL('../data/articles/ar-sample-karabakh-2020-11-01.txt', import.meta.url), 'utf8');
    const paragraphs = article.split('\n').slice(0, 6);
    // variations of the development article: each a different document
    tree.write({ 'in/feed.jsonl': jsonl(paragraphs.map((_, i) => ({ id: `p${i}`, text: i === 0 ? article : paragraphs.slice(i).join('\n') }))) });
    const one = await run(['in', '-o', 'one', '--jobs', '1', ...FORMATS], {}, 'pipeline');
    const two = await run(['in', '-o', 'two', '--jobs', '2', ...FORMATS], {}, 'pipeline');
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(tree.snapshot('two')).toEqual(tree.snapshot('one'));
    expect(JSON.parse(tree.read('two/json/p0.json')).events.length).toBeGreaterThan(0);
  });

  it('keeps CSV rows, dataset.jsonl lines and errors in input order when later batches finish first', async () => {
    mixedInputs();
    const r = await run(['in', '-o', 'out', '--jobs', '2', ...FORMATS]);
    expect(r.code).toBe(1);
    const sources = csvRecords(tree.read('out/csv/articles.csv')).map((row) => row['source']);
    const expected = [
      ...Array.from({ length: 30 }, (_, k) => `in/feed.jsonl#${k + 1}`).filter((s) => !s.endsWith('#11') && !s.endsWith('#17')),
      'in/list.json#1', 'in/list.json#2', 'in/list.json#3', 'in/txt/a.txt', 'in/txt/b.txt',
    ];
    expect(sources).toEqual(expected);
    const lines = tree.read('out/dataset.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => d.article.source)).toEqual(expected);
    // duplicate ids are numbered in input order, whichever worker finished first
    expect(lines.filter((d) => d.article.id.startsWith('dup')).map((d) => [d.article.id, d.article.source])).toEqual([
      ['dup', 'in/feed.jsonl#10'], ['dup-2', 'in/feed.jsonl#20'], ['dup-3', 'in/feed.jsonl#30'], ['dup-4', 'in/list.json#2'],
    ]);
    const errors = tree.read('out/errors.jsonl').trim().split('\n').map((l) => JSON.parse(l).source);
    expect(errors).toEqual(['in/empty.txt', 'in/feed.jsonl', 'in/feed.jsonl#17']);
  });

  it('reads JSON Lines from stdin through the pool', async () => {
    async function* stdin(): AsyncGenerator<Uint8Array> {
      // split mid-line: the stream's chunks need not follow lines
      const text = jsonl(Array.from({ length: 10 }, (_, i) => ({ id: `s${i + 1}`, text: i < 3 ? SLOW_MARKER : `نص ${i}` })));
      yield Buffer.from(text.slice(0, 50));
      yield Buffer.from(text.slice(50));
    }
    const r = await run(['-', '-o', 'out', '--jobs', '2', '--format', 'jsonl', '-q'], { stdin: stdin() });
    expect(r).toEqual({ code: 0, stderr: '' });
    const docs = tree.read('out/dataset.jsonl').trimEnd().split('\n').map((l) => JSON.parse(l).article);
    expect(docs.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => `s${i + 1}`));
    expect(docs[9].source).toBe('<stdin>#10');
  });

  it('runs a 2,000-line JSONL stream and sums it up correctly', async () => {
    const lines: unknown[] = [];
    for (let i = 1; i <= 2000; i++) lines.push(i % 500 === 0 ? '{"no":"text"}' : { id: `n${i}`, text: i % 100 === 0 ? SAMPLE_TEXT : `نص ${i}` });
    tree.write({ 'big.jsonl': jsonl(lines) });
    const r = await run(['big.jsonl', '-o', 'out', '--jobs', '2', '--format', 'jsonl,csv'], { batchSize: 64 });
    expect(r.code).toBe(1);
    const summary = r.stderr.trimEnd().split('\n').at(-1)!;
    // 20 sample articles, 4 of them (every 500th line) replaced by bad lines: 16 with one record of each type (the sample has no date)
    expect(summary).toMatch(
      /^conflict-events: 1996 articles ok, 4 failed; records: 16 actors, 16 places, 0 dates, 16 statements, 16 events, 16 casualties, 16 ceasefires; [\d.]+ s, [\d.]+ articles\/s$/u,
    );
    expect(tree.read('out/dataset.jsonl').trimEnd().split('\n')).toHaveLength(1996);
    expect(csvRecords(tree.read('out/csv/articles.csv'))).toHaveLength(1996);
    expect(leftovers()).toEqual([]);
  });
});

describe('atomic writes', () => {
  it('leaves the previous files whole when a write fails mid-run, and no temporary files', async () => {
    tree.write({ 'in/a.txt': 'old a', 'in/b.txt': 'old b' });
    expect((await run(['in', '-o', 'out', '--jobs', '1', '-q'])).code).toBe(0);
    const before = tree.snapshot('out');
    tree.write({ 'in/a.txt': 'new a', 'in/b.txt': 'new b' });
    // The temporary name b.json's write will use is taken by a directory: that write fails (even as root).
    const blocker = `out/json/b.json.tmp-${process.pid}`;
    mkdirSync(tree.path(blocker));
    const r = await run(['in', '-o', 'out', '--jobs', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^conflict-events: out: cannot write output: /u);
    const after = tree.snapshot('out');
    expect(after.get(path.join('json', 'b.json'))).toEqual(before.get(path.join('json', 'b.json')));
    expect(after.get(path.join('csv', 'articles.csv'))).toEqual(before.get(path.join('csv', 'articles.csv')));
    expect(leftovers()).toEqual([path.join('out', 'json', path.basename(blocker))]);
  });

  it('stops with one line when the workers cannot start', async () => {
    tree.write({ 'a.txt': 'x' });
    const r = await run(['a.txt', '-o', 'out', '--jobs', '2'], { extractorModule: 'file:///nope.ts' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^conflict-events: extraction worker failed: .*\n$/u);
    expect(existsSync(tree.path('out/csv/articles.csv'))).toBe(false);
  });
});

describe('in-process extraction', () => {
  it('an injected extractor runs in this thread whatever --jobs says', async () => {
    tree.write({ 'a.txt': 'x' });
    const r = await run(['a.txt', '-o', 'out', '--jobs', '4', '-q'], { extractor: stubExtractor(), extractorModule: 'never-loaded' });
    expect(r).toEqual({ code: 0, stderr: '' });
  });
});

describe('without --jobs', () => {
  const feed = (n: number): string => jsonl(Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, text: `مقال ${i + 1}` })));

  it(`extracts fewer than ${POOL_MIN_ITEMS} articles in this thread, and starts the workers from ${POOL_MIN_ITEMS}`, async () => {
    const batches = vi.spyOn(Piscina.prototype, 'run');
    tree.write({ 'small.jsonl': feed(POOL_MIN_ITEMS - 1), 'large.jsonl': feed(POOL_MIN_ITEMS), 'one.txt': SAMPLE_TEXT });
    for (const input of ['one.txt', 'small.jsonl']) {
      const r = await run([input, '-o', `out-${input}`, '-q', '-f', 'json']);
      expect([input, r]).toEqual([input, { code: 0, stderr: '' }]);
    }
    expect(batches).not.toHaveBeenCalled();
    expect(readdirSync(tree.path('out-small.jsonl/json'))).toHaveLength(POOL_MIN_ITEMS - 1);

    const large = await run(['large.jsonl', '-o', 'out-large', '-q', '-f', 'json']);
    expect(large).toEqual({ code: 0, stderr: '' });
    expect(batches).toHaveBeenCalledTimes(Math.ceil(POOL_MIN_ITEMS / 3)); // batchSize 3: every article went to the workers
    expect(readdirSync(tree.path('out-large/json'))).toHaveLength(POOL_MIN_ITEMS);
  });

  it('reads ahead up to a count or a size, then hands on every item once, in order', async () => {
    async function* numbers(n: number): AsyncGenerator<number> {
      for (let i = 1; i <= n; i++) yield i;
    }
    const all = async (items: AsyncIterable<number>): Promise<number[]> => {
      const out: number[] = [];
      for await (const item of items) out.push(item);
      return out;
    };
    const one = (): number => 1;
    const short = await readAhead(numbers(3), { count: 4, size: 100, sizeOf: one });
    expect(short.ended).toBe(true);
    expect(await all(short.items)).toEqual([1, 2, 3]);
    const exact = await readAhead(numbers(4), { count: 4, size: 100, sizeOf: one });
    expect(exact.ended).toBe(false); // a fifth item may follow: only reading on tells
    expect(await all(exact.items)).toEqual([1, 2, 3, 4]);
    const bySize = await readAhead(numbers(10), { count: 100, size: 6, sizeOf: (n) => n });
    expect(bySize.ended).toBe(false); // 1 + 2 + 3 reached the size
    expect(await all(bySize.items)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('closes the stream when the run stops early', async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<number> {
      try {
        for (let i = 1; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const ahead = await readAhead(endless(), { count: 2, size: 100, sizeOf: () => 1 });
    for await (const item of ahead.items) if (item === 3) break;
    expect(closed).toBe(true);
  });
});
