/**
 * Articles → stories in one pass over articles sorted by time, with a bounded window: a story stays
 * open while its last article is at most WINDOW_HOURS old; closed stories are finished and leave the
 * window, so memory follows the number of stories of a few days, not of the run.
 *
 * An article joins the open story it shares the most names with (a place below country level, an
 * actor, a capitalised title word — each weighted by how few open stories share it; one of them must
 * be a name no other open story has, so "police" or a wire's slug word never joins alone), provided the
 * two do not name different places for the event (different countries, or different places of one
 * country with no other name in common). With no name in common, a shared country and a shared
 * title word are enough. No similarity threshold: a shared name is the evidence.
 */
import type { Story, TollPoint } from '../schema/stories.ts';
import { TOLL_OUTCOMES } from '../schema/stories.ts';
import type { StoryArticle, StoryPlace } from './summary.ts';

/** How long a story waits for its next version: wire stories develop over a day or two. */
export const WINDOW_HOURS = 72;
const WINDOW_MS = WINDOW_HOURS * 3_600_000;

interface OpenStory {
  seq: number;
  members: StoryArticle[];
  last: number;
  names: Map<string, number>;
  places: Set<string>;
  countries: Set<string>;
  words: Set<string>;
}

/** Articles in the order stories are built: by time (undated last), then id. */
export function byTime(a: StoryArticle, b: StoryArticle): number {
  const ta = Number.isNaN(a.time) ? Infinity : a.time;
  const tb = Number.isNaN(b.time) ? Infinity : b.time;
  return ta !== tb ? ta - tb : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

export class StoryGrouper {
  private open: OpenStory[] = [];
  /** open stories holding each name: how common a name is in the window */
  private nameStories = new Map<string, number>();
  private seq = 0;
  private lastTime = -Infinity;

  constructor(private readonly emit: (story: Story) => void) {}

  add(a: StoryArticle): void {
    const t = Number.isNaN(a.time) ? Infinity : a.time;
    if (t < this.lastTime) throw new Error(`stories: article ${a.id} is out of time order`);
    this.lastTime = t;
    if (Number.isNaN(a.time)) {
      this.close(() => true);
      this.emit(finishStory(++this.seq, [a])); // undated: nothing places it beside another version
      return;
    }
    this.close((s) => a.time - s.last > WINDOW_MS);
    let best: OpenStory | null = null;
    let bestScore = 0;
    let bestWords = 0;
    for (const s of this.open) {
      let score = 0;
      let shared = 0;
      let sharedPlace = false;
      let singling = false; // a shared name no other open story has
      for (const n of a.names) {
        if (!s.names.has(n)) continue;
        const holders = this.nameStories.get(n) ?? 1;
        score += 1 / holders;
        shared++;
        if (holders === 1) singling = true;
        if (s.places.has(n)) sharedPlace = true;
      }
      // Two places: two events, unless they lie in one country and the articles share other names
      // (a dateline's capital and the town where it happened: Helsinki and Tuusula).
      if (a.places.size > 0 && s.places.size > 0 && !sharedPlace && (!intersects(a.countries, s.countries) || shared === 0)) continue;
      if (a.countries.size > 0 && s.countries.size > 0 && !intersects(a.countries, s.countries)) continue; // events in two countries
      let words = 0;
      for (const w of a.words) if (s.words.has(w)) words++;
      // A name several open stories share (police, a wire's slug words) does not single this one out.
      if (!singling && !(words > 0 && intersects(a.countries, s.countries))) continue;
      if (score > bestScore || (score === bestScore && (words > bestWords || (words === bestWords && best !== null && s.last > best.last)))) {
        best = s;
        bestScore = score;
        bestWords = words;
      }
    }
    if (best === null) {
      best = { seq: ++this.seq, members: [], last: a.time, names: new Map(), places: new Set(), countries: new Set(), words: new Set() };
      this.open.push(best);
    }
    best.members.push(a);
    best.last = a.time;
    for (const n of a.names) {
      const had = best.names.get(n) ?? 0;
      if (had === 0) this.nameStories.set(n, (this.nameStories.get(n) ?? 0) + 1);
      best.names.set(n, had + 1);
    }
    for (const p of a.places) best.places.add(p);
    for (const c of a.countries) best.countries.add(c);
    for (const w of a.words) best.words.add(w);
  }

  finish(): void {
    this.close(() => true);
  }

  private close(done: (s: OpenStory) => boolean): void {
    const keep: OpenStory[] = [];
    for (const s of this.open) {
      if (!done(s)) {
        keep.push(s);
        continue;
      }
      for (const n of s.names.keys()) {
        const left = (this.nameStories.get(n) ?? 1) - 1;
        if (left === 0) this.nameStories.delete(n);
        else this.nameStories.set(n, left);
      }
      this.emit(finishStory(s.seq, s.members));
    }
    this.open = keep;
  }
}

/** The value named most often (first named wins a tie). */
function mostCommon<T>(values: readonly T[], keyOf: (v: T) => string): T | null {
  const count = new Map<string, { v: T; n: number }>();
  let best: { v: T; n: number } | null = null;
  for (const v of values) {
    const k = keyOf(v);
    const c = count.get(k) ?? { v, n: 0 };
    c.n++;
    count.set(k, c);
    if (best === null || c.n > best.n) best = c;
  }
  return best?.v ?? null;
}

/** Same time for tolls: the same minute (versions sent together carry the same stamp). */
const minuteOf = (p: TollPoint): string => (p.published ?? '').slice(0, 16);

/**
 * The story's toll per outcome: the latest point; where several articles of that same time give
 * different figures, the lowest (ACLED's conservative rule). Never a sum over versions.
 */
export function storyToll(series: readonly TollPoint[]): { toll: Story['toll']; disputed: boolean } {
  const toll: Story['toll'] = { killed: null, injured: null, missing: null };
  let disputed = false;
  for (const outcome of TOLL_OUTCOMES) {
    const points = series.filter((p) => p.outcome === outcome);
    const byMinute = new Map<string, TollPoint[]>();
    for (const p of points) byMinute.set(minuteOf(p), [...(byMinute.get(minuteOf(p)) ?? []), p]);
    for (const same of byMinute.values()) if (new Set(same.map((p) => p.low)).size > 1) disputed = true;
    const last = points.at(-1);
    if (last === undefined) continue;
    const latest = byMinute.get(minuteOf(last))!;
    toll[outcome] = latest.reduce((a, b) => (b.low! < a.low! ? b : a));
  }
  return { toll, disputed };
}

export function finishStory(seq: number, members: readonly StoryArticle[]): Story {
  const series = members.flatMap((m) => m.points);
  const { toll, disputed } = storyToll(series);
  const place = mostCommon(members.flatMap((m) => (m.place ? [m.place] : [])), (p: StoryPlace) => p.name);
  const actorCounts = new Map<string, number>();
  for (const m of members) for (const a of new Set(m.actors)) actorCounts.set(a, (actorCounts.get(a) ?? 0) + 1);
  const starts = members.map((m) => m.eventStart ?? m.day).filter((d): d is string => d !== null).sort();
  const days = members.map((m) => m.day).filter((d): d is string => d !== null).sort();
  return {
    id: `story-${seq}`,
    articles: members.map((m) => m.id),
    start: starts[0] ?? null,
    end: days.at(-1) ?? null,
    place,
    event_type: mostCommon(members.flatMap((m) => (m.eventType ? [m.eventType] : [])), (t) => t),
    actors: [...actorCounts].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name]) => name),
    toll,
    series,
    disputed,
  };
}
