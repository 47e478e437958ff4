/**
 * Generates, from the npm package `world-countries` (a devDependency: nothing reads it at run time):
 * - data/lexicons/ar/countries.generated.yaml: ISO codes, English and Arabic common names, centroid
 *   coordinates, merged with the hand-kept data/lexicons/ar/countries-extra.yaml (press spellings,
 *   demonyms, name corrections);
 * - src/writers/iso-countries.generated.ts: each alpha-3 code's ISO 3166-1 numeric code and English
 *   common name, for the ACLED view;
 * - data/lexicons/en/countries.generated.yaml: English names and demonyms merged with
 *   data/lexicons/en/countries-extra.yaml (press forms).
 *
 * Run: npx tsx scripts/generate-countries.ts   (also `npm run lexicons`); --check exits 1 when a
 * committed file differs from what it would write (tests/generated.test.ts).
 * Output is deterministic: entries sorted by iso3, forms in first-seen order, no timestamps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, parse, YAMLSeq } from 'yaml';
import type { Countries } from 'world-countries';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as Countries;
const worldCountriesVersion = (require('world-countries/package.json') as { version: string }).version;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lexiconDir = join(root, 'data', 'lexicons', 'ar');
const extraPath = join(lexiconDir, 'countries-extra.yaml');
const outPath = join(lexiconDir, 'countries.generated.yaml');
const isoPath = join(root, 'src', 'writers', 'iso-countries.generated.ts');
const check = process.argv.includes('--check');

interface CountryExtra {
  native?: string;
  forms?: string[];
  demonyms?: string[];
  plurals?: string[];
  demonym_en?: string;
  ambiguous_forms?: string[];
}

interface CountryEntry {
  iso3: string;
  name: string;
  native: string;
  forms: string[];
  lat: number;
  lon: number;
  demonyms?: string[];
  plurals?: string[];
  demonym_en?: string;
  ambiguous_forms?: string[];
}

/** The loader's spelling fold, used here only to drop forms that differ from another form by spelling alone. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/\s+/gu, ' ')
    .trim();
}

function uniqueByFold(forms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const form of forms) {
    const key = fold(form);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(form.trim());
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

const extraDoc = parse(readFileSync(extraPath, 'utf8')) as { countries?: Record<string, CountryExtra> } | null;
const extras = extraDoc?.countries ?? {};

const byIso3 = new Map(worldCountries.map((country) => [country.cca3, country]));
const unknown = Object.keys(extras).filter((iso3) => !byIso3.has(iso3));
if (unknown.length > 0) {
  throw new Error(`countries-extra.yaml names codes that world-countries does not have: ${unknown.join(', ')}`);
}

const entries: CountryEntry[] = [];
for (const country of [...worldCountries].sort((a, b) => (a.cca3 < b.cca3 ? -1 : a.cca3 > b.cca3 ? 1 : 0))) {
  const arabic = country.translations['ara']?.common;
  if (arabic === undefined || arabic.trim() === '') {
    console.warn(`skipped ${country.cca3}: no Arabic name in world-countries`);
    continue;
  }
  const extra = extras[country.cca3] ?? {};
  const native = extra.native ?? arabic;
  const entry: CountryEntry = {
    iso3: country.cca3,
    name: country.name.common,
    native,
    // A corrected `native` replaces world-countries' name, which stays only if listed in forms.
    forms: uniqueByFold(extra.native === undefined ? [native, arabic, ...(extra.forms ?? [])] : [native, ...(extra.forms ?? [])]),
    lat: round(country.latlng[0]),
    lon: round(country.latlng[1]),
  };
  if (extra.demonyms !== undefined && extra.demonyms.length > 0) entry.demonyms = uniqueByFold(extra.demonyms);
  if (extra.plurals !== undefined && extra.plurals.length > 0) entry.plurals = uniqueByFold(extra.plurals);
  if (extra.demonym_en !== undefined) entry.demonym_en = extra.demonym_en;
  if (extra.ambiguous_forms !== undefined && extra.ambiguous_forms.length > 0) entry.ambiguous_forms = uniqueByFold(extra.ambiguous_forms);
  entries.push(entry);
}

/** Render a generated countries lexicon, under a header that says where it comes from. */
function renderCountries(list: readonly CountryEntry[], header: string): string {
  const doc = new Document({ countries: list });
  // Lists of names on one line each keep the file readable and diffs small.
  for (const item of (doc.get('countries') as YAMLSeq).items) {
    for (const key of ['forms', 'demonyms', 'plurals', 'ambiguous_forms']) {
      const seq = (item as { get(key: string, keepScalar: true): unknown }).get(key, true);
      if (seq instanceof YAMLSeq) seq.flow = true;
    }
  }
  doc.commentBefore = header;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

const arText = renderCountries(
  entries,
  ` GENERATED FILE: do not edit by hand.\n` +
    ` Written by scripts/generate-countries.ts (npx tsx scripts/generate-countries.ts) from the npm package\n` +
    ` world-countries ${worldCountriesVersion} (ISO codes, English and Arabic common names, latlng centroids)\n` +
    ` merged with data/lexicons/ar/countries-extra.yaml (press spellings, demonyms, name corrections).\n` +
    ` Edit countries-extra.yaml and re-run the script to change it.`,
);

// --- English: data/lexicons/en/countries.generated.yaml from the same package's English names
// (common, official, Latin-script alternative spellings, demonyms) and data/lexicons/en/countries-extra.yaml.
const enDir = join(root, 'data', 'lexicons', 'en');
const enExtraDoc = parse(readFileSync(join(enDir, 'countries-extra.yaml'), 'utf8')) as { countries?: Record<string, CountryExtra> } | null;
const enExtras = enExtraDoc?.countries ?? {};
const enUnknown = Object.keys(enExtras).filter((iso3) => !byIso3.has(iso3));
if (enUnknown.length > 0) throw new Error(`en/countries-extra.yaml names codes that world-countries does not have: ${enUnknown.join(', ')}`);

/** An English form a reader of the press would meet: Latin script, not inverted ("Korea, Republic of"), not a two-letter code. */
function pressForm(form: string): boolean {
  return /^[\p{Script=Latin}\p{M}' .()-]+$/u.test(form) && form.length > 2 && !form.includes(',');
}

const enEntries: CountryEntry[] = [];
for (const country of [...worldCountries].sort((a, b) => (a.cca3 < b.cca3 ? -1 : a.cca3 > b.cca3 ? 1 : 0))) {
  const extra = enExtras[country.cca3] ?? {};
  const common = extra.native ?? country.name.common;
  const demonyms = [country.demonyms['eng']?.m, country.demonyms['eng']?.f, ...(extra.demonyms ?? [])].filter((d): d is string => !!d && pressForm(d));
  const entry: CountryEntry = {
    iso3: country.cca3,
    name: country.name.common,
    native: common,
    forms: uniqueByFold([common, country.name.common, country.name.official, ...country.altSpellings, ...(extra.forms ?? [])].filter((f) => pressForm(f) || (extra.forms ?? []).includes(f))),
    lat: round(country.latlng[0]),
    lon: round(country.latlng[1]),
  };
  if (demonyms.length > 0) entry.demonyms = uniqueByFold(demonyms);
  if (extra.plurals !== undefined && extra.plurals.length > 0) entry.plurals = uniqueByFold(extra.plurals);
  const demonymEn = extra.demonym_en ?? country.demonyms['eng']?.m;
  if (demonymEn) entry.demonym_en = demonymEn;
  if (extra.ambiguous_forms !== undefined && extra.ambiguous_forms.length > 0) entry.ambiguous_forms = uniqueByFold(extra.ambiguous_forms);
  enEntries.push(entry);
}
const enText = renderCountries(
  enEntries,
  ` GENERATED FILE: do not edit by hand.\n` +
    ` Written by scripts/generate-countries.ts (npx tsx scripts/generate-countries.ts) from the npm package\n` +
    ` world-countries ${worldCountriesVersion} (ISO codes, English common and official names, Latin-script\n` +
    ` alternative spellings, English demonyms, latlng centroids) merged with data/lexicons/en/countries-extra.yaml\n` +
    ` (press forms). Edit countries-extra.yaml and re-run the script to change it.`,
);

const sorted = [...worldCountries].sort((a, b) => (a.cca3 < b.cca3 ? -1 : a.cca3 > b.cca3 ? 1 : 0));
const isoModule =
  `// GENERATED FILE: do not edit by hand. Written by scripts/generate-countries.ts (npm run lexicons)\n` +
  `// from the npm package world-countries ${worldCountriesVersion}.\n\n` +
  `/** ISO 3166-1 alpha-3 code → [numeric code (null where it has none), English common name]. */\n` +
  `export const ISO_COUNTRIES: ReadonlyMap<string, readonly [number | null, string]> = new Map([\n` +
  sorted.map((c) => `  [${JSON.stringify(c.cca3)}, [${c.ccn3 ? Number(c.ccn3) : 'null'}, ${JSON.stringify(c.name.common)}]],\n`).join('') +
  `]);\n`;

const outputs: Array<[string, string]> = [
  [outPath, arText],
  [join(enDir, 'countries.generated.yaml'), enText],
  [isoPath, isoModule],
];
let stale = 0;
for (const [path, text] of outputs) {
  if (!check) {
    writeFileSync(path, text, 'utf8');
    console.log(`wrote ${path}`);
  } else if (readFileSync(path, 'utf8') !== text) {
    console.error(`${path} is stale: run npm run lexicons`);
    stale++;
  }
}
if (stale > 0) process.exitCode = 1;
