/**
 * Scoring of stories against a gold file (../shared/stories-en/README.md): B-cubed precision,
 * recall and F1 of the article → story assignment, distinct same-day stories merged, the toll per
 * article (killed and injured) and the latest toll per story. Also the baseline the issue measures
 * ours against: TF-IDF cosine of title and lead, single link within 48 hours, at a threshold.
 */
import type { ExtractionDocument } from '../schema/index.ts';
import type { Story } from '../schema/stories.ts';
import { buildStories } from '../stories/build.ts';
import { leadEnd } from '../stories/lead.ts';
import { timeOf } from '../stories/summary.ts';
import { publishedOf } from '../stories/toll.ts';

export interface GoldToll {
  low: number;
  qualifier: string;
  text: string;
}
export interface GoldStoryArticle {
  story: string;
  killed: GoldToll | null;
  injured: GoldToll | null;
  note?: string;
}
export type StoriesGold = Record<string, GoldStoryArticle>;

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  /** pairs of gold stories whose first articles are of the same day and that share a predicted story */
  sameDayMerged: number;
}

/** article id → cluster label, for every article of the gold. */
export type Assignment = ReadonlyMap<string, string>;

export function bcubed(predicted: Assignment, gold: StoriesGold, day: (id: string) => string): BCubed {
  const ids = Object.keys(gold).filter((id) => predicted.has(id));
  const members = (label: (id: string) => string): Map<string, string[]> => {
    const m = new Map<string, string[]>();
    for (const id of ids) m.set(label(id), [...(m.get(label(id)) ?? []), id]);
    return m;
  };
  const pred = members((id) => predicted.get(id)!);
  const truth = members((id) => gold[id]!.story);
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const mine = pred.get(predicted.get(id)!)!;
    const theirs = truth.get(gold[id]!.story)!;
    const both = mine.filter((x) => gold[x]!.story === gold[id]!.story).length;
    p += both / mine.length;
    r += both / theirs.length;
  }
  const precision = ids.length === 0 ? 0 : p / ids.length;
  const recall = ids.length === 0 ? 0 : r / ids.length;
  const firstDay = new Map<string, string>();
  for (const [story, list] of truth) firstDay.set(story, list.map(day).sort()[0]!);
  let sameDayMerged = 0;
  for (const list of pred.values()) {
    const stories = [...new Set(list.map((id) => gold[id]!.story))];
    for (let i = 0; i < stories.length; i++) {
      for (let j = i + 1; j < stories.length; j++) if (firstDay.get(stories[i]!) === firstDay.get(stories[j]!)) sameDayMerged++;
    }
  }
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), sameDayMerged };
}

export function assignmentOf(stories: readonly Story[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) m.set(a, s.id);
  return m;
}

export interface TollScore {
  right: number;
  total: number;
  accuracy: number;
  /** article or story, outcome, gold, ours: what was not right */
  misses: string[];
}

const OUTCOMES = ['killed', 'injured'] as const;

const ratio = (right: number, total: number): number => (total === 0 ? 0 : right / total);

/** Toll per article: the series point of that article and outcome equals gold low (low, best or high), or no point where gold is null. */
export function scoreArticleTolls(stories: readonly Story[], gold: StoriesGold): TollScore {
  const points = new Map<string, Story['series']>();
  for (const s of stories) for (const p of s.series) points.set(`${p.article_id}\u0000${p.outcome}`, [...(points.get(`${p.article_id}\u0000${p.outcome}`) ?? []), p]);
  let right = 0;
  let total = 0;
  const misses: string[] = [];
  for (const [id, g] of Object.entries(gold)) {
    for (const outcome of OUTCOMES) {
      total++;
      const ours = points.get(`${id}\u0000${outcome}`) ?? [];
      const want = g[outcome];
      const ok = want === null ? ours.length === 0 : ours.some((p) => p.low === want.low || p.best === want.low || p.high === want.low);
      if (ok) right++;
      else misses.push(`${id} ${outcome}: gold ${want === null ? 'none' : want.low} (${want?.text ?? ''}), ours ${ours.map((p) => `${p.display} (${p.evidence_text})`).join(', ') || 'none'}`);
    }
  }
  return { right, total, accuracy: ratio(right, total), misses };
}

/** Latest toll: per gold story, the killed toll of the story holding its latest article that gives a killed figure, against that figure (null where none gives one). */
export function scoreLatestTolls(stories: readonly Story[], gold: StoriesGold, time: (id: string) => string): TollScore {
  const storyOf = new Map<string, Story>();
  for (const s of stories) for (const a of s.articles) storyOf.set(a, s);
  const byStory = new Map<string, string[]>();
  for (const id of Object.keys(gold)) byStory.set(gold[id]!.story, [...(byStory.get(gold[id]!.story) ?? []), id]);
  let right = 0;
  const misses: string[] = [];
  for (const [story, ids] of byStory) {
    const sorted = [...ids].sort((a, b) => (time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0));
    const latest = sorted.filter((id) => gold[id]!.killed !== null).at(-1);
    const ours = storyOf.get(latest ?? sorted.at(-1)!)?.toll.killed ?? null;
    const want = latest === undefined ? null : gold[latest]!.killed!;
    const ok = want === null ? ours === null : ours !== null && (ours.low === want.low || ours.best === want.low || ours.high === want.low);
    if (ok) right++;
    else misses.push(`${story}: gold ${want === null ? 'none' : `${want.low} (${latest})`}, ours ${ours === null ? 'none' : `${ours.display} (${ours.article_id})`}`);
  }
  return { right, total: byStory.size, accuracy: ratio(right, byStory.size), misses };
}

/** The baseline's view of an article. */
export interface BaselineArticle {
  id: string;
  /** ms since the epoch */
  time: number;
  /** as given */
  published: string;
  /** title and lead */
  text: string;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** TF-IDF cosine of title and lead, single link between articles at most 48 hours apart. */
export function baselineClusters(articles: readonly BaselineArticle[], threshold: number, hours = 48): Map<string, string> {
  const tf = articles.map((a) => {
    const m = new Map<string, number>();
    for (const t of a.text.toLocaleLowerCase('und').match(TOKEN) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  });
  const df = new Map<string, number>();
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = articles.length;
  const vectors = tf.map((m) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of m) {
      const w = c * Math.log(n / df.get(t)!);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(articles[i]!.time - articles[j]!.time) > hours * 3_600_000) continue;
      let dot = 0;
      const [small, large] = vectors[i]!.size < vectors[j]!.size ? [vectors[i]!, vectors[j]!] : [vectors[j]!, vectors[i]!];
      for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
      if (dot >= threshold) parent[find(i)] = find(j);
    }
  }
  return new Map(articles.map((a, i) => [a.id, `b${find(i)}`]));
}

export interface StoriesReport {
  /** gold articles */
  articles: number;
  /** of them, extracted (the others count as stories of their own with no toll) */
  extracted: number;
  stories: { gold: number; ours: number };
  ours: { bcubed: BCubed; tollPerArticle: TollScore; latestToll: TollScore };
  baseline: Array<{ threshold: number; bcubed: BCubed }>;
}

const pct = (x: number): string => x.toFixed(3);

export function formatStoriesReport(r: StoriesReport, diff: boolean): string {
  const lines = [
    `stories: ${r.articles} articles (${r.extracted} extracted), ${r.stories.gold} gold stories, ${r.stories.ours} ours`,
    '',
    `${'assignment (B-cubed)'.padEnd(28)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}  same-day stories merged`,
    `${'ours'.padEnd(28)}${pct(r.ours.bcubed.precision).padStart(7)}${pct(r.ours.bcubed.recall).padStart(7)}${pct(r.ours.bcubed.f1).padStart(7)}  ${r.ours.bcubed.sameDayMerged}`,
    ...r.baseline.map((b) => `${`baseline TF-IDF >= ${b.threshold}`.padEnd(28)}${pct(b.bcubed.precision).padStart(7)}${pct(b.bcubed.recall).padStart(7)}${pct(b.bcubed.f1).padStart(7)}  ${b.bcubed.sameDayMerged}`),
    '',
    `toll per article (killed, injured): ${pct(r.ours.tollPerArticle.accuracy)} (${r.ours.tollPerArticle.right}/${r.ours.tollPerArticle.total})`,
    `latest toll per story (killed):     ${pct(r.ours.latestToll.accuracy)} (${r.ours.latestToll.right}/${r.ours.latestToll.total})`,
    '',
  ];
  if (diff) {
    lines.push('toll per article, not right:', ...r.ours.tollPerArticle.misses.map((m) => `  ${m}`), '', 'latest toll, not right:', ...r.ours.latestToll.misses.map((m) => `  ${m}`), '');
  }
  return lines.join('\n');
}

export const BASELINE_THRESHOLDS = [0.2, 0.3, 0.4] as const;

/**
 * Score the stories of a set of documents (built here by buildStories) against the gold. Every gold
 * article counts: one with no document (its extraction failed) is a story of its own with no toll.
 * The baseline reads the articles as given (title and lead), so it does not depend on extraction.
 */
export function scoreStories(docs: readonly ExtractionDocument[], gold: StoriesGold, baselineInput: readonly BaselineArticle[]): StoriesReport {
  const scored = docs.filter((d) => gold[d.article.id] !== undefined);
  const { stories } = buildStories(scored);
  const published = new Map(baselineInput.map((a) => [a.id, a.published]));
  for (const d of scored) published.set(d.article.id, publishedOf(d) ?? '');
  const time = (id: string): string => published.get(id) ?? '';
  const day = (id: string): string => time(id).slice(0, 10);
  const ours = assignmentOf(stories);
  for (const id of Object.keys(gold)) if (!ours.has(id)) ours.set(id, `missing:${id}`);
  const baselineArticles = baselineInput.filter((a) => gold[a.id] !== undefined);
  return {
    articles: Object.keys(gold).length,
    extracted: scored.length,
    stories: { gold: new Set(Object.values(gold).map((g) => g.story)).size, ours: stories.length },
    ours: {
      bcubed: bcubed(ours, gold, day),
      tollPerArticle: scoreArticleTolls(stories, gold),
      latestToll: scoreLatestTolls(stories, gold, time),
    },
    baseline: BASELINE_THRESHOLDS.map((threshold) => ({ threshold, bcubed: bcubed(baselineClusters(baselineArticles, threshold), gold, day) })),
  };
}

/** The baseline's view of an input article: its title and lead, and its time. */
export function baselineArticle(input: { id: string; title: string | null; text: string; published: string | null }): BaselineArticle {
  const lead = input.text.slice(0, leadEnd(input.text));
  const published = input.published ?? '';
  return { id: input.id, time: timeOf(input.published), published, text: `${input.title ?? ''}\n${lead}` };
}
