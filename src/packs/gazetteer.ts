/**
 * The generated GeoNames gazetteer (data/lexicons/<lang>/gazetteer.generated.json, written by
 * scripts/generate-gazetteer.ts) as place entries of a language pack.
 *
 * A GeoNames name that is also an ordinary word (بيان "a statement", الشهداء "the martyrs") or a
 * short one (إب, صبر) would fire on ordinary text, so what a name needs to count is graded here and
 * checked in the mentions stage (src/stages/mentions/places.ts):
 *   - a capital or a city of a million or more, with four letters or more after the article: nothing;
 *   - a province's seat (PPLA) or a town of 100,000 or more: the article names its country;
 *   - any other place, a name shaped like a present-tense verb, and a name of three letters or
 *     fewer: a preposition before it in an article
 *     that names its country;
 *   - a common word of place-context.yaml: a cue (a class noun, a place it is listed with, a place
 *     after it that locates it). A cue also suffices for each of the above.
 * A phrase that another lexicon reads (a function word, a time word, a number, a verb, an event word,
 * a class noun) is not a GeoNames name here, and one the pack knows as a person, a title, an
 * organisation, a country or a hand-kept place keeps that reading: the gazetteer does not add it.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { foldKey } from '../core/source-text.ts';
import type * as L from './lexicon-schema.ts';
import { GazetteerGenerated } from './lexicon-schema.ts';

export type Row = z.infer<typeof L.GazetteerGenerated>['places'][number];
type PlaceKind = z.infer<typeof L.PlaceKind>;

/**
 * What a place name needs to count: null, nothing; 'country', the article names its country (or a
 * cue); 'preposition', a preposition before it in an article that names its country (or a cue);
 * 'cue', a class noun, a place it is listed with or a place after it that locates it.
 */
export type PlaceNeeds = 'country' | 'preposition' | 'cue' | null;

export interface GazetteerPlace {
  name: string;
  native: string;
  forms: string[];
  kind: PlaceKind;
  country: string | null;
  lat: number;
  lon: number;
  capital_of: null;
  stands_for: null;
  admin1: null;
  /** true when `needs` is not null */
  ambiguous: boolean;
  /** what the name needs to count (see above and places.ts) */
  needs: PlaceNeeds;
  geonameid: number;
  population: number;
}

/** a city of this size (or a capital) is named alone */
const ALONE_POPULATION = 1_000_000;
/** a town of this size (or a province's seat) when the article names its country */
const COUNTRY_POPULATION = 100_000;
/** places kept for one name, most populous first */
const HOMONYMS = 6;
/** a shorter name (after the article) needs a cue */
const MIN_LETTERS = 4;

/**
 * The rows of the generated file, checked row by row: the file is generated, but a hand edit or a
 * truncated copy must fail here, naming the file and the row, not later in a stage. (A zod schema of
 * the same shape, GazetteerGenerated, documents it; checking 15,000 tuples with it costs a pack
 * about 100 ms, this loop a few.)
 */
export function readGazetteer(path: string): Row[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`gazetteer ${path}: ${(e as Error).message}`);
  }
  const header = GazetteerGenerated.omit({ places: true }).safeParse(json);
  const rows = (json as { places?: unknown }).places;
  if (!header.success || !Array.isArray(rows)) throw new Error(`gazetteer ${path}: not a generated gazetteer (source, license and places expected)`);
  rows.forEach((row: unknown, n) => {
    const problem = rowProblem(row);
    if (problem) throw new Error(`gazetteer ${path}: places.${n}: ${problem}`);
  });
  return rows as Row[];
}

const KINDS = new Set(['city', 'town', 'district']);
const ISO3 = /^[A-Z]{3}$/u;

function rowProblem(row: unknown): string | null {
  if (!Array.isArray(row) || row.length !== 9) return 'a row is [geonameid, name, country, kind, feature_code, population, lat, lon, arabic_names]';
  const [id, name, country, kind, code, population, lat, lon, arabic] = row as unknown[];
  if (!Number.isInteger(id)) return 'geonameid is not an integer';
  if (typeof name !== 'string' || typeof code !== 'string') return 'name and feature_code must be strings';
  if (country !== null && !(typeof country === 'string' && ISO3.test(country))) return 'country is not an ISO3 code or null';
  if (typeof kind !== 'string' || !KINDS.has(kind)) return `kind ${String(kind)} is not city, town or district`;
  if (!Number.isInteger(population) || (population as number) < 0) return 'population is not a non-negative integer';
  if (typeof lat !== 'number' || lat < -90 || lat > 90 || typeof lon !== 'number' || lon < -180 || lon > 180) return 'lat/lon out of range';
  if (!Array.isArray(arabic) || arabic.length === 0 || !arabic.every((a) => typeof a === 'string' && a.length > 0)) return 'arabic_names must be a non-empty list of names';
  return null;
}

/** Letters of a folded name without its article. */
function coreLength(folded: string, isDefinite: (w: string) => boolean): number {
  const letters = folded.replace(/[\s-]/gu, '');
  return isDefinite(folded) ? letters.length - 2 : letters.length;
}

export interface GazetteerOptions {
  /** the folded phrase has a reading the gazetteer must not override (person, title, organisation, country, hand-kept place) */
  claimed(folded: string): boolean;
  /** the folded phrase is a word another lexicon reads (a function word, a verb, a time word…): never a GeoNames name */
  excluded(folded: string): boolean;
  /** the folded phrase is also an ordinary word (place-context.yaml's common words) */
  common(folded: string): boolean;
  isDefinite(word: string): boolean;
  /** a present-tense verb's shape ("تأني"): such a name needs a preposition */
  looksLikeVerb(word: string): boolean;
}

/**
 * Each folded name (its key) with its places, most populous first (at most HOMONYMS): the mentions
 * stage takes the one in a country the article names, else the first — the larger place being the
 * likelier one in the news. A place's `native` is the name read: GeoNames lists a province's name
 * among its seat's names, and the two are distinct places in the news.
 */
export function gazetteerPlaces(rows: readonly Row[], options: GazetteerOptions): Array<{ key: string; place: GazetteerPlace }> {
  const byKey = new Map<string, Array<{ form: string; row: Row; letters: number }>>();
  for (const row of rows) {
    for (const form of row[8]) {
      const key = foldKey(form);
      const letters = coreLength(key, options.isDefinite);
      if (letters < 2 || options.claimed(key) || options.excluded(key)) continue;
      const list = byKey.get(key);
      if (!list) byKey.set(key, [{ form, row, letters }]);
      else if (!list.some((x) => x.row === row)) list.push({ form, row, letters });
    }
  }
  const out: Array<{ key: string; place: GazetteerPlace }> = [];
  for (const [key, list] of byKey) {
    if (list.length > 1) list.sort((a, b) => b.row[5] - a.row[5] || a.row[0] - b.row[0]);
    for (const { form, row, letters } of list.slice(0, HOMONYMS)) out.push({ key, place: gazetteerPlace(key, form, row, letters, options) });
  }
  return out;
}

function gazetteerPlace(key: string, form: string, row: Row, letters: number, options: GazetteerOptions): GazetteerPlace {
  const [id, name, country, kind, code, population, lat, lon] = row;
  const needs: GazetteerPlace['needs'] = options.common(key)
    ? 'cue'
    : letters < MIN_LETTERS || options.looksLikeVerb(key)
      ? 'preposition'
      : code === 'PPLC' || population >= ALONE_POPULATION
        ? null
        : code === 'PPLA' || population >= COUNTRY_POPULATION
          ? 'country'
          : 'preposition';
  return {
    name, native: form, forms: [form], kind, country, lat, lon, capital_of: null, stands_for: null, admin1: null,
    ambiguous: needs !== null, needs, geonameid: id, population,
  };
}
