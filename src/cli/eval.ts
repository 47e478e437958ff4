/**
 * `conflict-events eval`: extract every article of an annotated corpus and score the documents
 * against its gold files (src/eval/score.ts holds the rules). The I/O half: reading the corpus,
 * printing the table, the JSON or the per-article differences.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createExtractor } from '../pipeline.ts';
import type { ArticleInput, ExtractionDocument } from '../schema/index.ts';
import { formatPeers, runPeers, type PeerResult } from '../eval/peers.ts';
import { formatDiff, formatReport, scoreArticle, summarize, type ArticleScore, type GoldArticle, type Report } from '../eval/score.ts';
import { baselineArticle, formatStoriesReport, scoreStories, type BaselineArticle, type StoriesGold, type StoriesReport } from '../eval/stories.ts';
import { readInputs } from './inputs.ts';

export interface EvalOptions {
  articles: string;
  gold: string;
  json: boolean;
  diff: boolean;
  /** language of articles that name none */
  lang: string;
  /** score stories (src/eval/stories.ts) against a gold.json instead of extraction against gold files */
  stories: boolean;
  /** also run chrono-node and compromise over the same articles and print their figures beside ours */
  peers: boolean;
}

export interface EvalResult {
  report: Report;
  scores: ArticleScore[];
  /** gold files with no article, articles with no gold, articles that failed */
  problems: string[];
  /** the articles read, by id, and the gold files (for --peers) */
  inputs: Map<string, ArticleInput>;
  gold: Map<string, GoldArticle>;
  /** seconds one pass over the articles takes, warm (the library alone); NaN unless timed */
  seconds: number;
}

async function readGold(dir: string): Promise<Map<string, GoldArticle>> {
  const gold = new Map<string, GoldArticle>();
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    let g: GoldArticle;
    try {
      g = JSON.parse(await readFile(file, 'utf8')) as GoldArticle;
    } catch (err) {
      throw new Error(`${file}: invalid gold file: ${(err as Error).message}`);
    }
    const missing = ['persons', 'places', 'dates', 'statements', 'casualties', 'ceasefires'].filter((k) => !Array.isArray((g as unknown as Record<string, unknown>)[k]));
    if (typeof g.id !== 'string' || missing.length > 0) throw new Error(`${file}: gold file needs an id and the lists ${missing.join(', ') || 'id'}`);
    gold.set(g.id, g);
  }
  return gold;
}

/** Extract and score a corpus; documents come from the same reader and pipeline as `extract`. */
export async function runEval(options: Pick<EvalOptions, 'articles' | 'gold' | 'lang'> & { timed?: boolean }, cwd = process.cwd()): Promise<EvalResult> {
  const goldDir = path.resolve(cwd, options.gold);
  const gold = await readGold(goldDir);
  const extractor = createExtractor({ language: options.lang });
  const docs = new Map<string, ExtractionDocument>();
  const problems: string[] = [];
  const inputs = new Map<string, ArticleInput>();
  for await (const item of readInputs([options.articles], { cwd })) {
    if (item.error) {
      problems.push(`${item.source}: ${item.error.message}`);
      continue;
    }
    try {
      const doc = extractor.extract(item.input, { source: item.source, fallbackId: item.fallbackId });
      docs.set(doc.article.id, doc);
      inputs.set(doc.article.id, item.input);
    } catch (err) {
      problems.push(`${item.source}: extraction failed: ${(err as Error).message}`);
    }
  }
  const scores: ArticleScore[] = [];
  // one article file scores that article against its gold file; a folder must have every gold file's article
  const single = !(await stat(path.resolve(cwd, options.articles))).isDirectory();
  for (const [id, g] of gold) {
    const doc = docs.get(id);
    if (!doc) {
      if (single) continue;
      problems.push(`${path.join(options.gold, `${id}.json`)}: no article with id '${id}' in ${options.articles}`);
      continue;
    }
    scores.push(scoreArticle(g, doc));
  }
  for (const id of docs.keys()) if (!gold.has(id)) problems.push(`${options.articles}: article '${id}' has no gold file (not scored)`);
  // the library's speed, warm (the lexicons were compiled by the pass above): passes for at least a second
  // (only when asked: it takes a second)
  let seconds = Number.NaN;
  if (options.timed) {
    const t0 = performance.now();
    let passes = 0;
    do {
      for (const [id, input] of inputs) extractor.extract(input, { source: id, fallbackId: id });
      passes++;
    } while (inputs.size > 0 && performance.now() - t0 < 1000 && passes < 1000);
    seconds = (performance.now() - t0) / 1000 / passes;
  }
  return { report: summarize(scores), scores, problems, inputs, gold, seconds };
}

/** Extract every article of a stories set and score the stories built from them. */
export async function runStoriesEval(options: Pick<EvalOptions, 'articles' | 'gold' | 'lang'>, cwd = process.cwd()): Promise<{ report: StoriesReport; problems: string[] }> {
  const gold = JSON.parse(await readFile(path.resolve(cwd, options.gold), 'utf8')) as StoriesGold;
  const extractor = createExtractor({ language: options.lang });
  const docs: ExtractionDocument[] = [];
  const baseline: BaselineArticle[] = [];
  const problems: string[] = [];
  for await (const item of readInputs([options.articles], { cwd })) {
    if (item.error) problems.push(`${item.source}: ${item.error.message}`);
    else {
      const { input } = item;
      baseline.push(baselineArticle({ id: String(input.id ?? item.fallbackId), title: input.title ?? null, text: input.text, published: input.published ?? null }));
      try {
        docs.push(extractor.extract(item.input, { source: item.source, fallbackId: item.fallbackId }));
      } catch (err) {
        problems.push(`${item.source}: extraction failed: ${(err as Error).message}`);
      }
    }
  }
  const ids = new Set(docs.map((d) => d.article.id));
  for (const id of Object.keys(gold)) if (!ids.has(id)) problems.push(`${options.gold}: no article with id '${id}' in ${options.articles} (not scored)`);
  return { report: scoreStories(docs, gold, baseline), problems };
}

async function storiesEvalCommand(options: EvalOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }): Promise<number> {
  let result;
  try {
    result = await runStoriesEval(options, io.cwd);
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.stderr(`conflict-events: eval: ${code === 'ENOENT' ? `no such file or directory: ${(err as { path?: string }).path ?? options.gold}` : (err as Error).message}\n`);
    return 2;
  }
  const shown = result.problems.slice(0, 10);
  for (const p of shown) io.stderr(`conflict-events: eval: ${p}\n`);
  if (result.problems.length > shown.length) io.stderr(`conflict-events: eval: … and ${result.problems.length - shown.length} more\n`);
  io.stdout(options.json ? `${JSON.stringify(result.report, null, 2)}\n` : formatStoriesReport(result.report, options.diff));
  return result.report.articles === 0 ? 1 : 0;
}

export async function evalCommand(options: EvalOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void; cwd: string }): Promise<number> {
  if (options.stories) return storiesEvalCommand(options, io);
  let result: EvalResult;
  try {
    result = await runEval({ ...options, timed: options.peers }, io.cwd);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = code === 'ENOENT' ? `no such directory: ${(err as { path?: string }).path ?? options.gold}` : (err as Error).message;
    io.stderr(`conflict-events: eval: ${message}\n`);
    return 2;
  }
  for (const p of result.problems) io.stderr(`conflict-events: eval: ${p}\n`);
  let peers: PeerResult[] | null = null;
  let ours: PeerResult | null = null;
  if (options.peers) {
    try {
      peers = await runPeers(result.inputs, result.gold);
    } catch (err) {
      io.stderr(`conflict-events: eval: ${(err as Error).message}\n`);
      return 2;
    }
    const c = result.report.categories;
    ours = { name: 'conflict-events', categories: { persons: c.persons, places: c.places, dates: c.dates }, rate: result.inputs.size / Math.max(result.seconds, 1e-9) };
  }
  if (options.json) {
    const { categories, ...rest } = result.report;
    const round = (x: number): number => Math.round(x * 10000) / 10000;
    const cats = Object.fromEntries(Object.entries(categories).map(([k, f]) => [k, { ...f, precision: round(f.precision), recall: round(f.recall), f1: round(f.f1) }]));
    const peerJson = ours && peers ? { peers: [ours, ...peers].map((p) => ({ name: p.name, articles_per_second: Math.round(p.rate), categories: Object.fromEntries(Object.entries(p.categories).map(([k, f]) => [k, { ...f, precision: round(f.precision), recall: round(f.recall), f1: round(f.f1) }])) })) } : {};
    io.stdout(`${JSON.stringify({ ...rest, macro_f1: round(rest.macro_f1), categories: cats, ...(options.diff ? { diff: result.scores.map((s) => s.diff) } : {}), ...peerJson }, null, 2)}\n`);
  } else {
    if (options.diff) io.stdout(formatDiff(result.scores));
    io.stdout(formatReport(result.report));
    if (ours && peers) io.stdout(`\nbeside the peers, same articles, same scoring (speed: one core, extraction only):\n${formatPeers(ours, peers)}`);
  }
  return result.scores.length === 0 ? 1 : 0;
}
