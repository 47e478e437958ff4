/**
 * `npm run bench [-- --n 10000 --jobs 2 --repeat 2 --big-mb 5]`: how fast and how lean a batch run is. Prints figures and
 * never asserts them — timings belong to the machine they were taken on.
 *
 * Builds a corpus by repeating real articles with new ids up to N as JSONL in a temporary directory:
 * the 22 Arabic articles of ../shared/corpus/articles when that directory exists (about 2,600
 * characters each), else the development articles of data/articles (shorter, so their figures
 * flatter the extractor); it prints which. Then it measures
 *   - start-up: one article (a .txt file) through the CLI, --format json, with --jobs 1 and with the
 *     default --jobs, the fastest of --repeat runs (the default runs it in the main thread too: the
 *     pool starts only for inputs large enough to gain from it);
 *   - end-to-end articles/s of the real CLI (a child process, --quiet) for --format json and for
 *     --format json,yaml,csv: the fastest of --repeat runs (default 2; every run is printed, since
 *     the speed of a shared VM varies from minute to minute);
 *   - library-only extraction articles/s on one core: one extractor in this process, after a warm-up,
 *     from dist/pipeline.js — the compiled code the CLI and the package run (`npm run bench` builds
 *     first), not tsx's per-module transpilation — in one-second windows: the best window and the
 *     median; and articles per CPU-second over all the windows (process.cpuUsage, user + system, of
 *     this process: steadier than wall time when other work shares the machine, though it counts the
 *     collector's helper threads too). The same for English on ../shared/corpus-en/articles when
 *     that directory exists (--library-seconds 0 skips both);
 *   - one 5 MB article (--big-mb) through the same extractor: a stage that is not linear in the
 *     length of an article shows here;
 *   - peak RSS of the CLI for 3,000 and 12,000 articles and their ratio (maxRSS of the whole process,
 *     so the worker threads are included);
 *   - `stories DIR` over --stories-n documents (and a quarter of them): seconds, documents/s, peak
 *     RSS — the grouping's window keeps memory to the stories of a few days;
 *   - the floor: streaming the same JSONL, JSON.parse each line, JSON.stringify it and write one file
 *     per article atomically (fastest of --repeat runs) — and the ratio of the fastest end-to-end
 *     --format json run to it.
 *
 * To see where the time goes, profile one run (the .cpuprofile opens in Chrome DevTools or speedscope):
 *   node --cpu-prof --cpu-prof-dir=prof bin/conflict-events.js extract corpus.jsonl --out /tmp/o --jobs 1 -q
 * (--jobs 1 keeps the extraction in the profiled main thread; worker threads get profiles of their own.)
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readInputs } from '../src/cli/inputs.ts';
import type { Extractor } from '../src/pipeline.ts';
import type { ArticleInput } from '../src/schema/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'conflict-events.js');
/** the shared corpora beside the repository (as `npm run eval` reads them) */
const SHARED = path.resolve(ROOT, '..', 'shared');

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '10000' },
    jobs: { type: 'string' },
    'rss-n': { type: 'string', default: '3000' },
    'library-seconds': { type: 'string', default: '10' },
    repeat: { type: 'string', default: '2' },
    'big-mb': { type: 'string', default: '5' },
    'stories-n': { type: 'string', default: '25000' },
  },
});
const N = Number(values.n);
const RSS_N = Number(values['rss-n']);
const JOBS = values.jobs === undefined ? [] : ['--jobs', values.jobs];
const LIBRARY_SECONDS = Number(values['library-seconds']);
/** runs of each end-to-end measurement (and of the floor); the fastest is reported, every run printed */
const REPEAT = Math.max(1, Number(values.repeat));
/** size of the one long article timed after the library rate (0: skip it) */
const BIG_MB = Number(values['big-mb']);
/** documents grouped by `stories DIR` (and a quarter of them, for the RSS ratio); 0: skip */
const STORIES_N = Number(values['stories-n']);

/**
 * A DIR/json of n documents for `stories DIR`: the development documents (output/json) copied with
 * ids of their own and publication times one every 5 minutes (about 290 a day); every hour's
 * documents name places and actors of their own, so stories end and the window holds a few days'
 * stories at a time as in a real feed.
 */
async function writeStoryDocuments(dir: string, n: number): Promise<void> {
  const jsonDir = path.join(dir, 'json');
  await mkdir(jsonDir, { recursive: true });
  const names = (await readdir(path.join(ROOT, 'output', 'json'))).filter((f) => f.endsWith('.json')).sort();
  type Named = { name: string; country: string | null };
  const docs = await Promise.all(names.map(async (f) => JSON.parse(await readFile(path.join(ROOT, 'output', 'json', f), 'utf8')) as { article: Record<string, unknown>; places: Named[]; actors: Named[] }));
  const start = Date.parse('2020-01-01T00:00:00Z');
  let pending: Array<Promise<void>> = [];
  for (let i = 0; i < n; i++) {
    const doc = docs[i % docs.length]!;
    const at = new Date(start + i * 300_000).toISOString();
    const id = `story-bench-${i + 1}`;
    // every 12 documents (an hour) a new set of events: places and actors renamed, in another country
    const block = Math.floor(i / 12);
    const country = String.fromCharCode(65 + (block % 26), 65 + (Math.floor(block / 26) % 26), 65 + (Math.floor(block / 676) % 26));
    const rename = <T extends { name: string; country: string | null }>(r: T): T => ({ ...r, name: `${r.name} ${block}`, country: r.country === null ? null : country });
    const copy = {
      ...doc,
      article: { ...doc.article, id, published: at.slice(0, 10), published_at: `${at.slice(0, 19)}Z` },
      places: doc.places.map(rename),
      actors: doc.actors.map(rename),
    };
    pending.push(writeFile(path.join(jsonDir, `${id}.json`), JSON.stringify(copy)));
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
}

/** The articles (.txt, .json, …) of a directory, read as the CLI reads them. */
async function articlesIn(dir: string): Promise<ArticleInput[]> {
  const articles: ArticleInput[] = [];
  for await (const item of readInputs([dir])) if (item.input) articles.push(item.input);
  return articles;
}

/** A set of articles the bench repeats, where it comes from, and the language to extract it in (undefined: detected). */
interface BenchCorpus {
  label: string;
  articles: ArticleInput[];
  language: string | undefined;
}

const meanLength = (articles: readonly ArticleInput[]): number => articles.reduce((sum, a) => sum + a.text.length + (a.title?.length ?? 0), 0) / articles.length;

/** A shared corpus's articles (../shared/NAME/articles), or null when that directory is not there or holds none. */
async function sharedCorpus(name: string, language: string): Promise<BenchCorpus | null> {
  const dir = path.join(SHARED, name, 'articles');
  if (!existsSync(dir)) return null;
  const articles = await articlesIn(dir);
  if (articles.length === 0) return null;
  return { label: `../shared/${name}/articles (${articles.length} real articles, ${fmt(meanLength(articles))} characters on average)`, articles, language };
}

/** The real Arabic articles of ../shared/corpus when present, else the development articles. */
async function benchCorpus(): Promise<BenchCorpus> {
  const real = await sharedCorpus('corpus', 'ar');
  if (real) return real;
  const articles = await articlesIn(path.join(ROOT, 'data', 'articles'));
  if (articles.length === 0) throw new Error('no articles: neither ../shared/corpus/articles nor data/articles holds any');
  return { label: `data/articles (${articles.length} development articles, ${fmt(meanLength(articles))} characters on average; ../shared/corpus/articles is not there)`, articles, language: undefined };
}

/** N articles as JSONL: the bench corpus's articles over and over, each copy with an id of its own. */
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
  /** user + system CPU time of the whole process (all threads): steadier than wall time on a busy machine */
  cpuSeconds: number;
  stderr: string;
}

/** Run the CLI as a child; a preloaded module reports the process's peak RSS (all threads) at exit. */
async function runCli(args: string[], work: string): Promise<ChildRun> {
  const rssFile = path.join(work, `rss-${Date.now()}.txt`);
  const probe = path.join(work, 'rss-probe.mjs');
  await writeFile(probe, `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, (({ maxRSS, userCPUTime, systemCPUTime }) => \`\${maxRSS} \${userCPUTime + systemCPUTime}\`)(process.resourceUsage())));\n`);
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
  const [maxRssKb, cpuMicroseconds] = (await readFile(rssFile, 'utf8')).split(' ').map(Number) as [number, number];
  return { seconds, maxRssMb: maxRssKb / 1024, cpuSeconds: cpuMicroseconds / 1e6, stderr };
}

/** The pipeline as the CLI and the package run it: compiled, from dist/ (language undefined: detected per article). */
async function compiledExtractor(language?: string): Promise<Extractor> {
  const module = (await import(pathToFileURL(path.join(ROOT, 'dist', 'pipeline.js')).href)) as { createExtractor(options?: { language?: string }): Extractor };
  return module.createExtractor(language === undefined ? {} : { language });
}

/** CPU seconds (user + system) of this process since `from` (a process.cpuUsage() reading). */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

/**
 * Articles per second for one extractor in this thread, after a warm-up (lexicons compiled, code
 * optimised): one-second windows for LIBRARY_SECONDS, so a VM whose speed varies shows it; the best
 * and the median window are reported, and the articles of all windows per CPU-second of this process.
 */
function libraryRate(extractor: Extractor, articles: readonly ArticleInput[]): { best: number; median: number; perCpuSecond: number } {
  let i = 0;
  const extractOne = (): void => {
    extractor.extract({ ...articles[i % articles.length]!, id: `lib-${i}` }, { source: 'bench', fallbackId: 'bench' });
    i++;
  };
  const warmUntil = performance.now() + 3000;
  while (performance.now() < warmUntil || i < 50) extractOne();
  const rates: number[] = [];
  let total = 0;
  const cpuFrom = process.cpuUsage();
  for (let w = 0; w < Math.max(1, LIBRARY_SECONDS); w++) {
    const started = performance.now();
    let done = 0;
    while (performance.now() - started < 1000) {
      extractOne();
      done++;
    }
    rates.push(done / ((performance.now() - started) / 1000));
    total += done;
  }
  const cpu = cpuSecondsSince(cpuFrom);
  rates.sort((x, y) => x - y);
  return { best: rates[rates.length - 1]!, median: rates[rates.length >> 1]!, perCpuSecond: total / cpu };
}

/** The library row's text: best window, its time per article, the median window, and the rate per CPU-second. */
function libraryText(rate: { best: number; median: number; perCpuSecond: number }): string {
  return `${fmt(rate.best)} articles/s (${fmt(1000 / rate.best, 2)} ms per article; best 1-s window of ${Math.max(1, LIBRARY_SECONDS)}, median ${fmt(rate.median)}/s); ${fmt(rate.perCpuSecond)} articles per CPU-second`;
}

/**
 * One article of `mb` million characters (the bench corpus's articles end to end, over and over): the
 * stages must stay linear in the length of an article, and a quadratic rule shows here first.
 */
function bigArticleSeconds(extractor: Extractor, articles: readonly ArticleInput[], mb: number): number {
  const joined = articles.map((a) => a.text).join('\n\n');
  const text = joined.repeat(Math.ceil((mb * 1_000_000) / joined.length));
  const started = performance.now();
  extractor.extract({ id: 'bench-big', text }, { source: 'bench', fallbackId: 'bench' });
  return (performance.now() - started) / 1000;
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
    const bench = await benchCorpus();
    const articles = bench.articles;
    const corpus = path.join(work, `corpus-${N}.jsonl`);
    await writeCorpus(corpus, articles, N);
    const rssSmall = path.join(work, `corpus-${RSS_N}.jsonl`);
    const rssLarge = path.join(work, `corpus-${RSS_N * 4}.jsonl`);
    await writeCorpus(rssSmall, articles, RSS_N);
    await writeCorpus(rssLarge, articles, RSS_N * 4);
    const cores = availableParallelism();
    const jobsText = values.jobs ?? `${cores} (default)`;
    process.stderr.write(`bench: corpus: ${bench.label}, repeated to ${fmt(N)}; ${cores} cores; --jobs ${jobsText}\n`);

    const rows: Array<[string, string]> = [['corpus', bench.label]];
    const row = (name: string, value: string): void => {
      rows.push([name, value]);
      process.stderr.write(`bench: ${name}: ${value}\n`);
    };

    /** REPEAT runs of a measurement (seconds): the fastest, and every run for the record */
    const fastest = async (measure: (run: number) => Promise<number>, digits = 1): Promise<{ best: number; runs: string }> => {
      const times: number[] = [];
      for (let run = 0; run < REPEAT; run++) times.push(await measure(run));
      return { best: Math.min(...times), runs: REPEAT > 1 ? `; runs: ${times.map((t) => `${fmt(t, digits)} s`).join(', ')}` : '' };
    };
    const cli = async (formats: string, name: string): Promise<number> => {
      const out = path.join(work, name);
      const { seconds } = await runCli(['extract', corpus, '--out', out, '--format', formats, '--quiet', ...JOBS], work);
      await rm(out, { recursive: true, force: true });
      return seconds;
    };

    // start-up: one article, the whole command from process start to exit
    const txt = (await readdir(path.join(ROOT, 'data', 'articles'))).filter((f) => f.endsWith('.txt')).sort();
    if (txt.length === 0) throw new Error('no .txt article in data/articles');
    const one = path.join(ROOT, 'data', 'articles', txt[0]!);
    process.stderr.write(`bench: start-up article: data/articles/${txt[0]}\n`);
    for (const jobs of [['--jobs', '1'], JOBS]) {
      let cpu = Number.POSITIVE_INFINITY;
      const startup = await fastest(async () => {
        const r = await runCli(['extract', one, '--out', path.join(work, 'out-one'), '--format', 'json', '--quiet', ...jobs], work);
        cpu = Math.min(cpu, r.cpuSeconds);
        return r.seconds;
      }, 2);
      row(`start-up, one article, --jobs ${jobs[1] ?? 'default'}`, `${fmt(startup.best, 2)} s (CPU ${fmt(cpu, 2)} s${startup.runs})`);
    }

    const floor = await fastest(async (run) => {
      const seconds = await floorSeconds(corpus, path.join(work, `floor-${run}`));
      await rm(path.join(work, `floor-${run}`), { recursive: true, force: true });
      return seconds;
    });
    row(`floor: read, parse, write ${fmt(N)} JSON files`, `${fmt(floor.best, 2)} s (${fmt(N / floor.best)} articles/s${floor.runs})`);

    const json = await fastest(() => cli('json', 'out-json'));
    row('end to end, --format json', `${fmt(N / json.best)} articles/s (${fmt(json.best, 1)} s${json.runs})`);
    row('end to end / floor', `${fmt(json.best / floor.best, 1)}×`);

    const all = await fastest(() => cli('json,yaml,csv', 'out-all'));
    row('end to end, --format json,yaml,csv', `${fmt(N / all.best)} articles/s (${fmt(all.best, 1)} s${all.runs})`);

    const extractor = await compiledExtractor(bench.language);
    if (LIBRARY_SECONDS > 0) {
      row(`library only, one core${bench.language ? ` (--lang ${bench.language})` : ''}`, libraryText(libraryRate(extractor, articles)));
      const english = await sharedCorpus('corpus-en', 'en');
      if (english) row(`library only, one core, English: ${english.label}`, libraryText(libraryRate(await compiledExtractor('en'), english.articles)));
      else process.stderr.write('bench: ../shared/corpus-en/articles is not there: no English library figure\n');
    }
    if (BIG_MB > 0) {
      const big = bigArticleSeconds(extractor, articles, BIG_MB);
      row(`one ${fmt(BIG_MB)} MB article, library`, `${fmt(big, 1)} s`);
    }

    const small = await runCli(['extract', rssSmall, '--out', path.join(work, 'out-small'), '--format', 'json', '--quiet', ...JOBS], work);
    const large = await runCli(['extract', rssLarge, '--out', path.join(work, 'out-large'), '--format', 'json', '--quiet', ...JOBS], work);
    row(`peak RSS, ${fmt(RSS_N)} articles`, `${fmt(small.maxRssMb)} MB`);
    row(`peak RSS, ${fmt(RSS_N * 4)} articles`, `${fmt(large.maxRssMb)} MB`);
    row('peak RSS ratio (4× the articles)', `${fmt(large.maxRssMb / small.maxRssMb, 2)}×`);

    if (STORIES_N > 0) {
      // stories over documents already written: one pass in time order with a bounded window
      for (const n of [Math.round(STORIES_N / 4), STORIES_N]) {
        const dir = path.join(work, `stories-${n}`);
        await writeStoryDocuments(dir, n);
        const run = await runCli(['stories', dir, '--quiet'], work);
        const stories = (JSON.parse(await readFile(path.join(dir, 'stories.json'), 'utf8')) as { stories: unknown[] }).stories.length;
        row(`stories DIR, ${fmt(n)} documents`, `${fmt(run.seconds, 1)} s (${fmt(n / run.seconds)} documents/s), peak RSS ${fmt(run.maxRssMb)} MB, ${fmt(stories)} stories`);
        await rm(dir, { recursive: true, force: true });
      }
    }

    const width = Math.max(...rows.map(([name]) => name.length));
    process.stdout.write(`\n| ${'measure'.padEnd(width)} | value\n|${'-'.repeat(width + 2)}|------\n`);
    for (const [name, value] of rows) process.stdout.write(`| ${name.padEnd(width)} | ${value}\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
