/**
 * Lookups by sentence. Stages ask "which dates, mentions, figures are in this sentence?" many
 * times; bucketing each list once keeps a 5 MB article linear instead of quadratic.
 */
import type { Context } from './context.ts';
import { tokenBefore } from './tokens.ts';

/** Index of the sentence containing folded offset `pos`, or -1. */
export function sentenceIndexAt(ctx: Context, pos: number): number {
  const ss = ctx.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** items[] grouped by the sentence their start offset falls in (items outside sentences are dropped). */
export function bySentence<T>(ctx: Context, items: readonly T[], startOf: (item: T) => number): T[][] {
  const out: T[][] = ctx.sentences.map(() => []);
  for (const item of items) {
    const k = sentenceIndexAt(ctx, startOf(item));
    if (k >= 0) out[k]!.push(item);
  }
  return out;
}

/** For every token, whether a date expression covers it (after the dates stage). */
export function tokensInDates(ctx: Context): Uint8Array {
  const flags = new Uint8Array(ctx.tokens.length);
  for (const d of ctx.records.dates) {
    // the first token ending after the date's start, then every token inside it
    for (let k = tokenBefore(ctx.tokens, d.span.start) + 1; k < ctx.tokens.length && ctx.tokens[k]!.end <= d.span.end; k++) flags[k] = 1;
  }
  return flags;
}

/** Items of a list sorted by start whose start lies in [from, to): binary search, then a short scan. */
export function startingIn<T>(sorted: readonly T[], from: number, to: number, startOf: (item: T) => number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(sorted[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < sorted.length && startOf(sorted[k]!) < to; k++) out.push(sorted[k]!);
  return out;
}

/** A value derived once per article and kept on the context (indexes over finished stages' records). */
export function memo<T>(ctx: Context, key: string, build: () => T): T {
  const cache = ctx.memo;
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key) as T;
}

/** Dates sorted by start (complete once the dates stage has run). */
export function sortedDates(ctx: Context) {
  return memo(ctx, 'dates-by-start', () => [...ctx.records.dates].sort((a, b) => a.span.start - b.span.start));
}

/** Dates whose span lies inside [from, to). */
export function datesWithin(ctx: Context, from: number, to: number) {
  return startingIn(sortedDates(ctx), from, to, (d) => d.span.start).filter((d) => d.span.end <= to);
}

/** Actor mentions starting inside [from, to) (actorMentions is sorted by start). */
export function actorsStartingIn(ctx: Context, from: number, to: number) {
  return startingIn(ctx.actorMentions, from, to, (m) => m.start);
}

export function placesStartingIn(ctx: Context, from: number, to: number) {
  return startingIn(ctx.placeMentions, from, to, (m) => m.start);
}

/** Statements grouped by the sentence of their verb (complete once the statements stage has run). */
export function statementsBySentence(ctx: Context) {
  return memo(ctx, 'statements-by-sentence', () => bySentence(ctx, ctx.records.statements, (st) => ctx.source.toFolded(st.evidence[0]!.start)));
}

export function casualtiesBySentence(ctx: Context) {
  return memo(ctx, 'casualties-by-sentence', () => bySentence(ctx, ctx.records.casualties, (c) => ctx.source.toFolded(c.evidence[0]!.start)));
}

/** Ceasefire records by every sentence one of their mentions is in (one record gathers an arrangement's mentions). */
export function ceasefiresBySentence(ctx: Context) {
  return memo(ctx, 'ceasefires-by-sentence', () => {
    const mentions = ctx.records.ceasefires.flatMap((c) => c.evidence.map((ev) => ({ c, at: ctx.source.toFolded(ev.start) })));
    return bySentence(ctx, mentions, (x) => x.at).map((list) => [...new Set(list.map((x) => x.c))]);
  });
}

export function numbersBySentence(ctx: Context) {
  return memo(ctx, 'numbers-by-sentence', () => bySentence(ctx, ctx.records.numbers, (n) => n.span.start));
}

export function placeByKey(ctx: Context) {
  return memo(ctx, 'place-by-key', () => new Map(ctx.records.places.map((p) => [p.key, p])));
}

export function actorByKey(ctx: Context) {
  return memo(ctx, 'actor-by-key', () => new Map(ctx.records.actors.map((a) => [a.key, a])));
}
