/**
 * `npm run bench [-- --n 10000 --jobs 2]`: how fast and how lean a batch run is. Prints figures and
 * never asserts them — timings belong to the machine they were taken on.
 *
 * Builds a corpus by repeating the development articles (data/articles) with new ids up to N as
 * JSONL in a temporary directory, then measures
 *   - end-to-end articles/s of the real CLI (a child process, --quiet) for --format json and for
 *     --format json,yaml,csv;
 *   - library-only extraction articles/s on one core: one extractor in this process, after a warm-up,
 *     from an esbuild bundle of src/pipeline.ts made the way the CLI bundles the code its worker
 *     threads run (src/cli/bundle.mjs) — the code the CLI runs, not tsx's per-module transpilation;
 *   - peak RSS of the CLI for 3,000 and 12,000 articles and their ratio (maxRSS of the whole process,
 *     so the worker threads are included);
 *   - the floor: streaming the same JSONL, JSON.parse each line, JSON.stringify it and write one file
 *     per article atomically — and the ratio of the end-to-end time to it.
 *
 * To see where the time goes, profile one run (the .cpuprofile opens in Chrome DevTools or speedscope):
 *   node --cpu-prof --cpu-prof-dir=prof bin/conflict-events.js extract corpus.jsonl --out /tmp/o --jobs 1 -q
 * (--jobs 1 keeps the extraction in the profiled main thread; worker threads get profiles of their own.)
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBundle } from '../src/cli/bundle.mjs';
import { readInputs } from '../src/cli/inputs.ts';
import type { Extractor } from '../src/pipeline.ts';
import type { ArticleInput } from '../src/schema/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'conflict-events.js');

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    jobs: { type: 'string' },
    'rss-n': { type: 'string', default: '3000' },
    'library-seconds': { type: 'string', default: '10' },
  },
});
const N = Number(values.n);
const RSS_N = Number(values['rss-n']);
const JOBS = values.jobs === undefined ? [] : ['--jobs', values.jobs];
const LIBRARY_SECONDS = Number(values['library-seconds']);

async function developmentArticles(): Promise<ArticleInput[]> {
  const articles: ArticleInput[] = [];
  for await (const item of readInputs([path.join(ROOT, 'data', 'articles')])) if (item.input) articles.push(item.input);
  if (articles.length === 0) throw new Error('no development articles in data/articles');
  return articles;
}

/** N articles as JSONL: the development articles over and over, each copy with an id of its own. */
async function writeCorpus(file: string, articles: readonly ArticleInput[], n: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    const line = `${JSON.stringify({ ...articles[i % articles.length]!, id: `bench-${i + 1}` })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

interface ChildRun {
  seconds: number;
  maxRssMb: number;
  stderr: string;
}

/** Run the CLI as a child; a preloaded module reports the process's peak RSS (all threads) at exit. */
async function runCli(args: string[], work: string): Promise<ChildRun> {
  const rssFile = path.join(work, `rss-${Date.now()}.txt`);
  const probe = path.join(work, 'rss-probe.mjs');
  await writeFile(probe, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`);
  const started = performance.now();
  let stderr = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', probe, CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`conflict-events ${args.join(' ')} exited with ${code}:\n${stderr}`);
  const maxRssKb = Number(await readFile(rssFile, 'utf8'));
  return { seconds, maxRssMb: maxRssKb / 1024, stderr };
}

/** The pipeline as the CLI's workers run it: bundled by esbuild, into a cache directory of this run. */
async function bundledExtractor(work: string): Promise<Extractor> {
  const bundle = await ensureBundle({ entries: { library: 'src/pipeline.ts' }, cacheDirs: [path.join(work, 'bundle')] });
  const module = (await import(pathToFileURL(bundle.files.library!).href)) as { createExtractor(): Extractor };
  return module.createExtractor();
}

/** Articles per second for one extractor in this thread, after a warm-up (lexicons compiled, code optimised). */
function libraryRate(extractor: Extractor, articles: readonly ArticleInput[]): number {
  const extractOne = (i: number): void => {
    extractor.extract({ ...articles[i % articles.length]!, id: `lib-${i}` }, { source: 'bench', fallbackId: 'bench' });
  };
  const warmUntil = performance.now() + 2000;
  for (let i = 0; performance.now() < warmUntil || i < 50; i++) extractOne(i);
  const started = performance.now();
  const until = started + LIBRARY_SECONDS * 1000;
  let done = 0;
  while (performance.now() < until) extractOne(done++);
  return done / ((performance.now() - started) / 1000);
}

/** The floor: read, parse and write the same JSON, one file per article, atomically — no extraction. */
async function floorSeconds(corpus: string, outDir: string): Promise<number> {
  const started = performance.now();
  await mkdir(outDir, { recursive: true });
  let pending: Array<Promise<void>> = [];
  const lines = createInterface({ input: createReadStream(corpus), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const article = JSON.parse(line) as { id: string };
    const target = path.join(outDir, `${article.id}.json`);
    pending.push(writeFile(`${target}.tmp`, `${JSON.stringify(article, null, 2)}\n`).then(() => rename(`${target}.tmp`, target)));
    if (pending.length >= 32) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return (performance.now() - started) / 1000;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'conflict-events-bench-'));
  try {
    const articles = await developmentArticles();
    const corpus = path.join(work, `corpus-${N}.jsonl`);
    await writeCorpus(corpus, articles, N);
    const rssSmall = path.join(work, `corpus-${RSS_N}.jsonl`);
    const rssLarge = path.join(work, `corpus-${RSS_N * 4}.jsonl`);
    await writeCorpus(rssSmall, articles, RSS_N);
    await writeCorpus(rssLarge, articles, RSS_N * 4);
    const cores = availableParallelism();
    const jobsText = values.jobs ?? `${cores} (default)`;
    process.stderr.write(`bench: ${articles.length} development article(s) repeated to ${fmt(N)}; ${cores} cores; --jobs ${jobsText}\n`);

    const rows: Array<[string, string]> = [];
    const row = (name: string, value: string): void => {
      rows.push([name, value]);
      process.stderr.write(`bench: ${name}: ${value}\n`);
    };

    const floor = await floorSeconds(corpus, path.join(work, 'floor'));
    row(`floor: read, parse, write ${fmt(N)} JSON files`, `${fmt(floor, 2)} s (${fmt(N / floor)} articles/s)`);

    const json = await runCli(['extract', corpus, '--out', path.join(work, 'out-json'), '--format', 'json', '--quiet', ...JOBS], work);
    row('end to end, --format json', `${fmt(N / json.seconds)} articles/s (${fmt(json.seconds, 1)} s)`);
    row('end to end / floor', `${fmt(json.seconds / floor, 1)}×`);
    await rm(path.join(work, 'out-json'), { recursive: true, force: true });

    const all = await runCli(['extract', corpus, '--out', path.join(work, 'out-all'), '--format', 'json,yaml,csv', '--quiet', ...JOBS], work);
    row('end to end, --format json,yaml,csv', `${fmt(N / all.seconds)} articles/s (${fmt(all.seconds, 1)} s)`);
    await rm(path.join(work, 'out-all'), { recursive: true, force: true });

    const library = libraryRate(await bundledExtractor(work), articles);
    row('library only, one core', `${fmt(library)} articles/s (${fmt(1000 / library, 2)} ms per article)`);

    const small = await runCli(['extract', rssSmall, '--out', path.join(work, 'out-small'), '--format', 'json', '--quiet', ...JOBS], work);
    const large = await runCli(['extract', rssLarge, '--out', path.join(work, 'out-large'), '--format', 'json', '--quiet', ...JOBS], work);
    row(`peak RSS, ${fmt(RSS_N)} articles`, `${fmt(small.maxRssMb)} MB`);
    row(`peak RSS, ${fmt(RSS_N * 4)} articles`, `${fmt(large.maxRssMb)} MB`);
    row('peak RSS ratio (4× the articles)', `${fmt(large.maxRssMb / small.maxRssMb, 2)}×`);

    const width = Math.max(...rows.map(([name]) => name.length));
    process.stdout.write(`\n| ${'measure'.padEnd(width)} | value\n|${'-'.repeat(width + 2)}|------\n`);
    for (const [name, value] of rows) process.stdout.write(`| ${name.padEnd(width)} | ${value}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
