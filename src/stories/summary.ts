/**
 * What grouping needs of one document, small enough to keep thousands in a window: the names its
 * headline and lead give (places, actors, capitalised title words), its title words, its time, its
 * main event and its toll points. The document itself can be dropped once this is made.
 */
import type { ExtractionDocument } from '../schema/index.ts';
import type { TollPoint } from '../schema/stories.ts';
import { inHeadline, leadEnd } from './lead.ts';
import { articleToll, publishedOf } from './toll.ts';

export interface StoryPlace {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface StoryArticle {
  id: string;
  /** ms since the epoch of published_at, else of the published day (noon UTC); NaN when undated */
  time: number;
  published: string | null;
  day: string | null;
  /** the main event's first day, where the document dates it */
  eventStart: string | null;
  /** names that single out the event: places below country level, actors, capitalised title words (p:, a:, w:) */
  names: Set<string>;
  /** place names below country level (p: keys): two articles naming different ones are about different places */
  places: Set<string>;
  /** countries of the places named (ISO 3166-1 alpha-3) */
  countries: Set<string>;
  /** lower-cased words of the title */
  words: Set<string>;
  place: StoryPlace | null;
  eventType: string | null;
  actors: string[];
  points: TollPoint[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const CAPITALISED = /^\p{Lu}/u;
/** Words this short carry no topic in any language the project reads (articles, prepositions). */
const MIN_WORD = 4;

/** The time of an ISO timestamp or day (a day counts as its noon, so versions of the day sort around it). */
export function timeOf(published: string | null): number {
  if (published === null) return Number.NaN;
  return Date.parse(published.length === 10 ? `${published}T12:00:00Z` : published);
}

const key = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('und');

export function summarize(doc: ExtractionDocument): StoryArticle {
  const lead = leadEnd(doc.article.text);
  const names = new Set<string>();
  const places = new Set<string>();
  const countries = new Set<string>();
  let place: StoryPlace | null = null;
  let countryPlace: StoryPlace | null = null;
  for (const p of doc.places) {
    if (!p.mentions.some((m) => inHeadline(m, lead))) continue;
    if (p.country) countries.add(p.country);
    const at = { name: p.name, country: p.country, lat: p.lat, lon: p.lon };
    if (p.kind === 'country') {
      countryPlace ??= at;
      continue;
    }
    names.add(`p:${key(p.name)}`);
    places.add(`p:${key(p.name)}`);
    place ??= at;
  }
  const actors: string[] = [];
  for (const a of doc.actors) {
    if (a.kind === 'media' || !a.mentions.some((m) => inHeadline(m, lead))) continue;
    if (a.kind === 'state' && a.country) countries.add(a.country);
    else names.add(`a:${key(a.name)}`);
    actors.push(a.name);
  }
  const words = new Set<string>();
  const title = doc.article.title ?? '';
  let first = true;
  for (const m of title.matchAll(WORD)) {
    const w = m[0];
    if (!first && CAPITALISED.test(w) && w.length > 1) names.add(`w:${key(w)}`);
    if (w.length >= MIN_WORD) words.add(key(w));
    first = false;
  }
  // an article sent without a title: its lead's words stand for it
  if (title.trim() === '') for (const m of doc.article.text.slice(0, lead).matchAll(WORD)) if (m[0].length >= MIN_WORD) words.add(key(m[0]));
  const main = doc.events.find((e) => e.acled_event_type !== null && e.evidence.some((s) => inHeadline(s, lead)));
  const published = publishedOf(doc);
  return {
    id: doc.article.id,
    time: timeOf(published),
    published,
    day: doc.article.published,
    eventStart: main?.start ?? null,
    names,
    places,
    countries,
    words,
    place: place ?? countryPlace,
    eventType: main?.acled_event_type ?? null,
    actors,
    points: articleToll(doc),
  };
}
