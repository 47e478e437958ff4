/**
 * Scoring of extracted documents against gold annotations, exactly as the corpus README's
 * "Scoring" section defines it: folding, a containment match, greedy one-to-one matching of gold
 * entries (in file order) to predictions (in document order), micro P/R/F1 per category over the
 * whole set and the macro F1 over the six headline categories. Pure: no I/O.
 */
import type { ExtractionDocument } from '../schema/index.ts';

export interface GoldStatement {
  speaker: string;
  date: string | null;
  quote?: string;
}
export interface GoldCasualty {
  outcome: string;
  low: number;
  qualifier?: string;
  text?: string;
}
export interface GoldCeasefire {
  status: string;
  attempts?: number | null;
  kind?: string;
  text?: string;
}
export interface GoldArticle {
  id: string;
  lang?: string;
  published: string | null;
  persons: string[];
  places: string[];
  dates: string[];
  statements: GoldStatement[];
  casualties: GoldCasualty[];
  ceasefires: GoldCeasefire[];
}

export const MACRO_CATEGORIES = ['persons', 'places', 'dates', 'statements', 'casualties', 'ceasefires'] as const;
export const CATEGORIES = ['published', ...MACRO_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Figures extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** What one article's scoring left over, for --diff. */
export interface ArticleDiff {
  id: string;
  missed: Partial<Record<Category | 'quotes' | 'qualifier', string[]>>;
  spurious: Partial<Record<Category, string[]>>;
}

export interface ArticleScore {
  id: string;
  counts: Record<Category, Counts>;
  /** gold quotes found (recall only) */
  quotes: { found: number; total: number };
  /** matched casualty pairs with an equal qualifier */
  qualifier: { equal: number; total: number };
  diff: ArticleDiff;
}

export interface Report {
  articles: number;
  categories: Record<Category, Figures>;
  quotes: { recall: number; found: number; total: number };
  qualifier: { accuracy: number; equal: number; total: number };
  macro_f1: number;
}

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/gu;

/** The README's folding: NFKC, Arabic marks and tatweel out, letter variants merged, leading ال off, non-alphanumeric runs → one space, lower case. */
export function foldForScoring(s: string): string {
  let t = s.normalize('NFKC').replace(ARABIC_MARKS, '');
  t = t.replace(/[أإآٱ]/gu, 'ا').replace(/ى/gu, 'ي').replace(/ة/gu, 'ه').replace(/ؤ/gu, 'و').replace(/ئ/gu, 'ي');
  t = t.trim().replace(/^ال/u, '');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return t.toLowerCase();
}

/** Folded, both longer than one character, one containing the other. */
export function surfacesMatch(gold: string, predicted: string): boolean {
  const g = foldForScoring(gold);
  const p = foldForScoring(predicted);
  if (g.length <= 1 || p.length <= 1) return false;
  return g.includes(p) || p.includes(g);
}

const anyMatch = (gold: string, surfaces: readonly string[]): boolean => surfaces.some((s) => surfacesMatch(gold, s));

/**
 * Greedy one-to-one: each gold entry, in order, takes the first prediction not yet taken that
 * matches it. Returns which predictions were taken and which gold entries found none.
 */
function greedy<G, P>(gold: readonly G[], predicted: readonly P[], matches: (g: G, p: P) => boolean, order?: readonly number[]): { goldMatch: (number | null)[]; taken: boolean[] } {
  const taken = predicted.map(() => false);
  const goldMatch: (number | null)[] = gold.map(() => null);
  for (const gi of order ?? gold.map((_, i) => i)) {
    const g = gold[gi] as G;
    const pi = predicted.findIndex((p, i) => !taken[i] && matches(g, p));
    if (pi >= 0) {
      taken[pi] = true;
      goldMatch[gi] = pi;
    }
  }
  return { goldMatch, taken };
}

type Entity = { label: string; surfaces: string[] };

function entitySurfaces(record: { name: string; name_native?: string | null; aliases?: readonly string[]; mentions: readonly { text: string }[] }): string[] {
  const out = [record.name];
  if (record.name_native) out.push(record.name_native);
  for (const a of record.aliases ?? []) out.push(a);
  for (const m of record.mentions) out.push(m.text);
  return [...new Set(out)];
}

interface Statement {
  label: string;
  surfaces: string[];
  date: string | null;
  quotes: string[];
}

function predictedStatements(doc: ExtractionDocument): Statement[] {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const byKey = new Map<string, Statement>();
  for (const s of doc.statements) {
    const actor = s.speaker === null ? undefined : actors.get(s.speaker);
    const surfaces = [...(s.speaker_text ? [s.speaker_text] : []), ...(actor ? entitySurfaces(actor) : [])];
    if (surfaces.length === 0) continue;
    const date = s.date === null ? null : s.date.slice(0, 10);
    const key = `${s.speaker ?? `text:${s.speaker_text}`}\u0000${date ?? ''}`;
    const existing = byKey.get(key);
    if (existing) {
      for (const x of surfaces) if (!existing.surfaces.includes(x)) existing.surfaces.push(x);
      existing.quotes.push(...s.quotes);
    } else {
      byKey.set(key, { label: `${s.speaker_text ?? actor?.name ?? '?'} @ ${date ?? 'undated'}`, surfaces, date, quotes: [...s.quotes] });
    }
  }
  return [...byKey.values()];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function scoreArticle(gold: GoldArticle, doc: ExtractionDocument): ArticleScore {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, Counts>;
  const diff: ArticleDiff = { id: gold.id, missed: {}, spurious: {} };
  const miss = (c: keyof ArticleDiff['missed'], s: string): void => void (diff.missed[c] ??= []).push(s);
  const spur = (c: Category, s: string): void => void (diff.spurious[c] ??= []).push(s);

  // published
  const pub = doc.article.published === null ? null : doc.article.published.slice(0, 10);
  if (gold.published !== null && pub === gold.published) counts.published.tp++;
  else {
    if (gold.published !== null) {
      counts.published.fn++;
      miss('published', gold.published);
    }
    if (pub !== null) {
      counts.published.fp++;
      spur('published', pub);
    }
  }

  // persons and places
  const entities = (cat: 'persons' | 'places', goldList: readonly string[], predicted: Entity[]): void => {
    const { goldMatch, taken } = greedy(goldList, predicted, (g, p) => anyMatch(g, p.surfaces));
    goldMatch.forEach((m, i) => (m === null ? (counts[cat].fn++, miss(cat, goldList[i] as string)) : counts[cat].tp++));
    taken.forEach((t, i) => !t && (counts[cat].fp++, spur(cat, (predicted[i] as Entity).label)));
  };
  entities('persons', gold.persons, doc.actors.filter((a) => a.kind === 'person').map((a) => ({ label: a.mentions[0]?.text ?? a.name, surfaces: entitySurfaces(a) })));
  entities('places', gold.places, doc.places.map((p) => ({ label: p.mentions[0]?.text ?? p.name, surfaces: entitySurfaces(p) })));

  // dates: distinct day starts
  const days = [...new Set(doc.dates.filter((d) => d.start !== null && (d.precision === 'day' || d.precision == null)).map((d) => (d.start as string).slice(0, 10)))];
  {
    const { goldMatch, taken } = greedy(gold.dates, days, (g, p) => g === p);
    goldMatch.forEach((m, i) => (m === null ? (counts.dates.fn++, miss('dates', gold.dates[i] as string)) : counts.dates.tp++));
    taken.forEach((t, i) => !t && (counts.dates.fp++, spur('dates', days[i] as string)));
  }

  // statements: dated gold entries first; a left-over prediction of a known speaker is no false positive
  const stmts = predictedStatements(doc);
  {
    const order = [...gold.statements.keys()].sort((a, b) => Number(gold.statements[a]?.date === null) - Number(gold.statements[b]?.date === null));
    const { goldMatch, taken } = greedy(gold.statements, stmts, (g, p) => anyMatch(g.speaker, p.surfaces) && (g.date === null || g.date === p.date), order);
    goldMatch.forEach((m, i) => {
      const g = gold.statements[i] as GoldStatement;
      if (m === null) {
        counts.statements.fn++;
        miss('statements', `${g.speaker} @ ${g.date ?? 'undated'}`);
      } else counts.statements.tp++;
    });
    taken.forEach((t, i) => {
      const p = stmts[i] as Statement;
      if (t || gold.statements.some((g) => anyMatch(g.speaker, p.surfaces))) return;
      counts.statements.fp++;
      spur('statements', p.label);
    });
  }
  // quotes (recall only)
  const quotes = { found: 0, total: 0 };
  for (const g of gold.statements) {
    if (g.quote === undefined) continue;
    quotes.total++;
    const found = stmts.some((p) => p.quotes.some((q) => surfacesMatch(g.quote as string, q)) && anyMatch(g.speaker, p.surfaces));
    if (found) quotes.found++;
    else miss('quotes', `${g.speaker}: ${g.quote}`);
  }

  // casualties
  const qualifier = { equal: 0, total: 0 };
  {
    const cas = doc.casualties;
    const { goldMatch, taken } = greedy(gold.casualties, cas, (g, p) => g.outcome === p.outcome && [p.low, p.best, p.high].includes(g.low));
    goldMatch.forEach((m, i) => {
      const g = gold.casualties[i] as GoldCasualty;
      if (m === null) {
        counts.casualties.fn++;
        miss('casualties', `${g.outcome} ${g.low} (${g.text ?? ''})`);
        return;
      }
      counts.casualties.tp++;
      if (g.qualifier === undefined) return;
      qualifier.total++;
      const p = cas[m];
      if (p?.qualifier === g.qualifier) qualifier.equal++;
      else miss('qualifier', `${g.outcome} ${g.low}: ${g.qualifier} ≠ ${p?.qualifier}`);
    });
    taken.forEach((t, i) => {
      if (t) return;
      const p = cas[i];
      counts.casualties.fp++;
      spur('casualties', `${p?.outcome} ${p?.display} (${p?.number_text ?? ''})`);
    });
  }

  // ceasefires
  {
    const cf = doc.ceasefires;
    const { goldMatch, taken } = greedy(gold.ceasefires, cf, (g, p) => g.status === p.status && (typeof g.attempts !== 'number' || g.attempts === p.attempts));
    goldMatch.forEach((m, i) => {
      const g = gold.ceasefires[i] as GoldCeasefire;
      if (m === null) {
        counts.ceasefires.fn++;
        miss('ceasefires', `${g.kind ?? ''} ${g.status}${typeof g.attempts === 'number' ? ` ×${g.attempts}` : ''} (${g.text ?? ''})`);
      } else counts.ceasefires.tp++;
    });
    taken.forEach((t, i) => {
      if (t) return;
      const p = cf[i];
      counts.ceasefires.fp++;
      spur('ceasefires', `${p?.kind} ${p?.status}${p?.attempts != null ? ` ×${p.attempts}` : ''} (${p?.evidence[0]?.text ?? ''})`);
    });
  }

  return { id: gold.id, counts, quotes, qualifier, diff };
}

export function figures(c: Counts): Figures {
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Micro figures per category over all articles, and the macro F1 of the six headline categories. */
export function summarize(scores: readonly ArticleScore[]): Report {
  const categories = {} as Record<Category, Figures>;
  for (const c of CATEGORIES) {
    const sum = zero();
    for (const s of scores) {
      sum.tp += s.counts[c].tp;
      sum.fp += s.counts[c].fp;
      sum.fn += s.counts[c].fn;
    }
    categories[c] = figures(sum);
  }
  const q = scores.reduce((a, s) => ({ found: a.found + s.quotes.found, total: a.total + s.quotes.total }), { found: 0, total: 0 });
  const k = scores.reduce((a, s) => ({ equal: a.equal + s.qualifier.equal, total: a.total + s.qualifier.total }), { equal: 0, total: 0 });
  const macro = MACRO_CATEGORIES.reduce((a, c) => a + categories[c].f1, 0) / MACRO_CATEGORIES.length;
  return {
    articles: scores.length,
    categories,
    quotes: { recall: q.total === 0 ? 1 : q.found / q.total, ...q },
    qualifier: { accuracy: k.total === 0 ? 1 : k.equal / k.total, ...k },
    macro_f1: macro,
  };
}

const f2 = (x: number): string => x.toFixed(2);

/** The human-readable table. */
export function formatReport(report: Report): string {
  const rows = [`category      precision  recall    F1    tp   fp   fn`];
  for (const c of CATEGORIES) {
    const f = report.categories[c];
    rows.push(`${c.padEnd(12)}  ${f2(f.precision).padStart(9)}  ${f2(f.recall).padStart(6)}  ${f2(f.f1).padStart(4)}  ${String(f.tp).padStart(4)} ${String(f.fp).padStart(4)} ${String(f.fn).padStart(4)}`);
  }
  rows.push(`quotes (recall)  ${f2(report.quotes.recall)}  (${report.quotes.found}/${report.quotes.total})`);
  rows.push(`casualty qualifier  ${f2(report.qualifier.accuracy)}  (${report.qualifier.equal}/${report.qualifier.total})`);
  rows.push(`macro F1 (${MACRO_CATEGORIES.join(', ')}): ${report.macro_f1.toFixed(3)}  over ${report.articles} articles`);
  return `${rows.join('\n')}\n`;
}

export function formatDiff(scores: readonly ArticleScore[]): string {
  const out: string[] = [];
  for (const s of scores) {
    const lines: string[] = [];
    for (const [cat, items] of Object.entries(s.diff.missed)) for (const i of items) lines.push(`  missed    ${cat.padEnd(11)} ${i}`);
    for (const [cat, items] of Object.entries(s.diff.spurious)) for (const i of items) lines.push(`  spurious  ${cat.padEnd(11)} ${i}`);
    if (lines.length > 0) out.push(`${s.id}\n${lines.join('\n')}`);
  }
  return out.length === 0 ? 'no differences\n' : `${out.join('\n')}\n`;
}
