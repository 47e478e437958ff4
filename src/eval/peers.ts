/**
 * The libraries a user would pick instead, run over the same articles and scored by the same rules
 * (score.ts): chrono-node for dates, compromise for people and places. Each peer's findings are put
 * in the shape of an extraction document (only its categories filled) so scoreArticle scores them
 * exactly as it scores ours. The peers are development dependencies, loaded only when asked for.
 *
 * - chrono-node: `casual.parse(title + text, reference)`, the reference being the publication date
 *   (noon UTC); results whose day is certain, as ISO days.
 * - compromise: `people()` and `places()` of title + text, each distinct string once, with a
 *   possessive ('s) and trailing punctuation stripped.
 */
import type { ArticleInput, ExtractionDocument } from '../schema/index.ts';
import { scoreArticle, summarize, type Figures, type GoldArticle } from './score.ts';

export const PEER_CATEGORIES = { 'chrono-node': ['dates'], compromise: ['persons', 'places'] } as const;
export type PeerName = keyof typeof PEER_CATEGORIES;

export interface PeerResult {
  name: PeerName | 'conflict-events';
  categories: Partial<Record<'persons' | 'places' | 'dates', Figures>>;
  /** articles per second on this machine, one core, extraction only */
  rate: number;
}

/** What a peer finds in one article. */
export interface PeerFindings {
  persons?: string[];
  places?: string[];
  dates?: string[];
}

interface ChronoModule {
  casual: { parse(text: string, ref: Date): Array<{ start: { isCertain(c: string): boolean; get(c: string): number | null } }> };
}
type CompromiseView = { out(format: 'array'): string[] };
type CompromiseModule = (text: string) => { people(): CompromiseView; places(): CompromiseView };

const fullText = (a: ArticleInput): string => (a.title ? `${a.title}\n${a.text}` : a.text);
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** compromise's surface with a possessive and trailing punctuation stripped ("Bhutto's," → "Bhutto"). */
export function cleanPeerName(s: string): string {
  const trail = (x: string): string => {
    let end = x.length;
    while (end > 0 && TRAILING.has(x[end - 1]!)) end--;
    return x.slice(0, end);
  };
  let t = trail(s.trim());
  if (/['\u2019]s$/u.test(t)) t = trail(t.slice(0, -2));
  return t.trim();
}

/** punctuation compromise leaves at the end of a name */
const TRAILING = new Set([...' \t\n.,;:!?"\'()\u2019\u201d-']);

export function chronoFindings(chrono: ChronoModule, a: ArticleInput): PeerFindings {
  const published = a.published ? Date.parse(`${a.published.slice(0, 10)}T12:00:00Z`) : Number.NaN;
  const ref = Number.isNaN(published) ? new Date(0) : new Date(published);
  const days = new Set<string>();
  for (const r of chrono.casual.parse(fullText(a), ref)) {
    if (!r.start.isCertain('day')) continue;
    const y = r.start.get('year');
    const m = r.start.get('month');
    const d = r.start.get('day');
    if (y !== null && m !== null && d !== null) days.add(`${y}-${pad2(m)}-${pad2(d)}`);
  }
  return { dates: [...days] };
}

export function compromiseFindings(nlp: CompromiseModule, a: ArticleInput): PeerFindings {
  const doc = nlp(fullText(a));
  const distinct = (xs: string[]): string[] => [...new Set(xs.map(cleanPeerName).filter((x) => x.length > 0))];
  return { persons: distinct(doc.people().out('array')), places: distinct(doc.places().out('array')) };
}

/** A peer's findings as the parts of an extraction document that score.ts reads. */
export function asDocument(id: string, f: PeerFindings): ExtractionDocument {
  const entity = (name: string) => ({ name, name_native: null, aliases: [], mentions: [{ text: name }] });
  return {
    article: { id, published: null },
    actors: (f.persons ?? []).map((n) => ({ ...entity(n), kind: 'person' })),
    places: (f.places ?? []).map(entity),
    dates: (f.dates ?? []).map((d) => ({ start: d, precision: 'day' })),
    statements: [],
    casualties: [],
    ceasefires: [],
  } as unknown as ExtractionDocument;
}

/** Score one peer's findings on every article, with its rate. */
export function scorePeer(name: PeerName, findings: ReadonlyMap<string, PeerFindings>, gold: ReadonlyMap<string, GoldArticle>, seconds: number): PeerResult {
  const scores = [...gold.values()].filter((g) => findings.has(g.id)).map((g) => scoreArticle({ ...g, published: null }, asDocument(g.id, findings.get(g.id)!)));
  const report = summarize(scores);
  const categories: PeerResult['categories'] = {};
  for (const c of PEER_CATEGORIES[name]) categories[c] = report.categories[c];
  return { name, categories, rate: findings.size / Math.max(seconds, 1e-9) };
}

/** Load the peers (development dependencies) and run them over the articles, timing each. */
export async function runPeers(articles: ReadonlyMap<string, ArticleInput>, gold: ReadonlyMap<string, GoldArticle>): Promise<PeerResult[]> {
  let chrono: ChronoModule;
  let nlp: CompromiseModule;
  try {
    chrono = (await import('chrono-node')) as unknown as ChronoModule;
    nlp = ((await import('compromise')) as unknown as { default: CompromiseModule }).default;
  } catch (err) {
    throw new Error(`--peers needs the development dependencies chrono-node and compromise (npm ci): ${(err as Error).message}`);
  }
  // a first pass warms the library up; then passes for at least a second, timed
  const timed = (f: (a: ArticleInput) => PeerFindings): { findings: Map<string, PeerFindings>; seconds: number } => {
    const findings = new Map<string, PeerFindings>();
    for (const [id, a] of articles) findings.set(id, f(a));
    const t0 = performance.now();
    let passes = 0;
    do {
      for (const a of articles.values()) f(a);
      passes++;
    } while (articles.size > 0 && performance.now() - t0 < 1000 && passes < 1000);
    return { findings, seconds: (performance.now() - t0) / 1000 / passes };
  };
  const c = timed((a) => chronoFindings(chrono, a));
  const n = timed((a) => compromiseFindings(nlp, a));
  return [scorePeer('chrono-node', c.findings, gold, c.seconds), scorePeer('compromise', n.findings, gold, n.seconds)];
}

const f2 = (x: number): string => x.toFixed(2);

/** The side-by-side table: our figures and each peer's on its own categories. */
export function formatPeers(ours: PeerResult, peers: readonly PeerResult[]): string {
  const all = [ours, ...peers];
  const head = `category  ${all.map((p) => p.name.padEnd(22)).join('')}`;
  const sub = `          ${all.map(() => 'P     R     F1'.padEnd(22)).join('')}`;
  const rows = (['persons', 'places', 'dates'] as const).map((c) => `${c.padEnd(10)}${all.map((p) => {
    const f = p.categories[c];
    return (f ? `${f2(f.precision)}  ${f2(f.recall)}  ${f2(f.f1)}` : '-').padEnd(22);
  }).join('')}`);
  const rate = `speed     ${all.map((p) => `${Math.round(p.rate).toLocaleString('en-US')} articles/s`.padEnd(22)).join('')}`;
  return `${[head, sub, ...rows, rate].join('\n')}\n`;
}
