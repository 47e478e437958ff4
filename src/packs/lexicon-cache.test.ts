import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { readLexicon } from './lexicon-cache.ts';
import * as L from './lexicon-schema.ts';

const AR = fileURLToPath(new URL('../../data/lexicons/ar/', import.meta.url));

/** Every lexicon loadPack('ar') reads, with its schema (countries-extra.yaml is generate-countries.ts's input). */
const LEXICONS: Record<string, z.ZodType> = {
  'months.yaml': L.MonthsLexicon,
  'weekdays.yaml': L.WeekdaysLexicon,
  'time-words.yaml': L.TimeWordsLexicon,
  'numbers.yaml': L.NumbersLexicon,
  'speech-verbs.yaml': L.SpeechVerbsLexicon,
  'titles.yaml': L.TitlesLexicon,
  'actors.yaml': L.ActorsLexicon,
  'persons.yaml': L.PersonsLexicon,
  'institutions.yaml': L.InstitutionsLexicon,
  'countries.generated.yaml': L.CountriesGenerated,
  'demonyms.yaml': L.DemonymsLexicon,
  'places.yaml': L.PlacesLexicon,
  'casualties.yaml': L.CasualtiesLexicon,
  'ceasefires.yaml': L.CeasefiresLexicon,
  'events.yaml': L.EventsLexicon,
  'credits.yaml': L.CreditsLexicon,
  'grammar.yaml': L.GrammarLexicon,
  'place-context.yaml': L.PlaceContextLexicon,
};

const temporaries: string[] = [];
function temporary(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-cache-test-'));
  temporaries.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of temporaries.splice(0)) {
    chmodSync(dir, 0o700);
    for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isDirectory()) chmodSync(join(dir, name), 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

function data<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(result.error.message);
  return result.data;
}

/** A counting spy on the schema's safeParse: called only when the YAML is parsed (a cache miss). */
function validations(schema: z.ZodType): { count(): number } {
  const spy = vi.spyOn(schema, 'safeParse');
  return { count: () => spy.mock.calls.length };
}

function entries(cacheRoot: string): string[] {
  return readdirSync(join(cacheRoot, 'lexicons')).sort();
}

describe('lexicon cache', () => {
  it('covers every lexicon the Arabic pack loads', () => {
    const files = readdirSync(AR).filter((f) => f.endsWith('.yaml') && f !== 'countries-extra.yaml').sort();
    expect(Object.keys(LEXICONS).sort()).toEqual(files);
  });

  it('serves, warm, exactly what parsing the YAML gives, for every lexicon', () => {
    const cacheDirs = [temporary()];
    for (const [file, schema] of Object.entries(LEXICONS)) {
      const path = join(AR, file);
      const parsed = data(readLexicon(path, schema, { enabled: false }));
      // what is cached must survive JSON as is: no undefined values, Dates, Maps, -0 or NaN
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(parsed)), parsed), file).toBe(true);

      const counter = validations(schema);
      const cold = data(readLexicon(path, schema, { cacheDirs }));
      expect(counter.count(), `${file} cold`).toBe(1);
      const warm = data(readLexicon(path, schema, { cacheDirs }));
      expect(counter.count(), `${file} warm: from the cache`).toBe(1);
      expect(isDeepStrictEqual(cold, parsed), file).toBe(true);
      expect(isDeepStrictEqual(warm, parsed), file).toBe(true);
      vi.restoreAllMocks();
    }
    expect(entries(cacheDirs[0]!)).toHaveLength(Object.keys(LEXICONS).length);
  });

  it('is off with enabled: false and with CONFLICT_EVENTS_LEXICON_CACHE=0', () => {
    const cacheDirs = [temporary()];
    const path = join(AR, 'months.yaml');
    readLexicon(path, L.MonthsLexicon, { cacheDirs, enabled: false });
    vi.stubEnv('CONFLICT_EVENTS_LEXICON_CACHE', '0');
    try {
      readLexicon(path, L.MonthsLexicon, { cacheDirs });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(readdirSync(cacheDirs[0]!)).toEqual([]);
  });

  it('ignores and replaces a corrupt entry', () => {
    const cacheDirs = [temporary()];
    const path = join(AR, 'places.yaml');
    const expected = data(readLexicon(path, L.PlacesLexicon, { enabled: false }));
    readLexicon(path, L.PlacesLexicon, { cacheDirs });
    const [name] = entries(cacheDirs[0]!);
    const entry = join(cacheDirs[0]!, 'lexicons', name!);
    const whole = readFileSync(entry, 'utf8');
    writeFileSync(entry, whole.slice(0, Math.floor(whole.length / 2))); // truncated

    const counter = validations(L.PlacesLexicon);
    expect(isDeepStrictEqual(data(readLexicon(path, L.PlacesLexicon, { cacheDirs })), expected)).toBe(true);
    expect(counter.count()).toBe(1); // parsed again
    expect(readFileSync(entry, 'utf8')).toBe(whole); // and rewritten
    expect(isDeepStrictEqual(data(readLexicon(path, L.PlacesLexicon, { cacheDirs })), expected)).toBe(true);
    expect(counter.count()).toBe(1); // then served from it
  });

  it('still loads when no cache directory can be used', () => {
    const dir = temporary();
    writeFileSync(join(dir, 'a-file'), '');
    const underAFile = join(dir, 'a-file', 'cache'); // mkdir fails (ENOTDIR), even for root
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o777 });
    chmodSync(shared, 0o777); // outside the package and writable by others: refused
    const readOnly = join(dir, 'read-only');
    mkdirSync(join(readOnly, 'lexicons'), { recursive: true, mode: 0o700 });
    chmodSync(join(readOnly, 'lexicons'), 0o500); // unwritable (except for root)
    const path = join(AR, 'titles.yaml');
    const expected = data(readLexicon(path, L.TitlesLexicon, { enabled: false }));
    for (const cacheDirs of [[underAFile], [shared], [readOnly], [underAFile, shared, readOnly]]) {
      expect(isDeepStrictEqual(data(readLexicon(path, L.TitlesLexicon, { cacheDirs })), expected)).toBe(true);
    }
    expect(readdirSync(shared)).toEqual([]);
    if (process.getuid?.() !== 0) expect(readdirSync(join(readOnly, 'lexicons'))).toEqual([]);
  });

  it('uses the next cache directory when the first cannot be used', () => {
    const dir = temporary();
    writeFileSync(join(dir, 'a-file'), '');
    const second = join(dir, 'second');
    readLexicon(join(AR, 'weekdays.yaml'), L.WeekdaysLexicon, { cacheDirs: [join(dir, 'a-file', 'cache'), second] });
    expect(entries(second)).toHaveLength(1);
  });

  it('parses a changed lexicon again and drops its old entry', () => {
    const root = temporary();
    const cacheDirs = [join(root, 'cache')];
    mkdirSync(join(root, 'ar'));
    const path = join(root, 'ar', 'months.yaml');
    copyFileSync(join(AR, 'months.yaml'), path);
    const before = data(readLexicon(path, L.MonthsLexicon, { cacheDirs }));
    const [oldEntry] = entries(cacheDirs[0]!);
    expect(before.gregorian[0]!.names).not.toContain('جانفي-تجربة');

    // a name added to January: different bytes, same schema
    const yaml = readFileSync(path, 'utf8');
    const january = before.gregorian[0]!.names[0]!;
    const edited = yaml.replace(`names: [${january}`, `names: [${january}, جانفي-تجربة`);
    expect(edited).not.toBe(yaml);
    writeFileSync(path, edited);
    const parsed = data(readLexicon(path, L.MonthsLexicon, { enabled: false }));
    const counter = validations(L.MonthsLexicon);
    const after = data(readLexicon(path, L.MonthsLexicon, { cacheDirs }));
    expect(counter.count()).toBe(1);
    expect(after.gregorian[0]!.names).toContain('جانفي-تجربة');
    expect(after).toEqual(parsed);
    const now = entries(cacheDirs[0]!);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(oldEntry);

    // and back: the first version is parsed again, not served from a stale entry
    writeFileSync(path, yaml);
    expect(data(readLexicon(path, L.MonthsLexicon, { cacheDirs }))).toEqual(before);
    expect(counter.count()).toBe(2);
    expect(entries(cacheDirs[0]!)).toEqual([oldEntry]);
  });

  it('caches nothing for a lexicon that fails validation, and reports it', () => {
    const root = temporary();
    const cacheDirs = [join(root, 'cache')];
    const path = join(root, 'weekdays.yaml');
    writeFileSync(path, 'weekdays: []\n');
    const result = readLexicon(path, L.WeekdaysLexicon, { cacheDirs });
    const again = readLexicon(path, L.WeekdaysLexicon, { cacheDirs });
    expect(result.success).toBe(false);
    expect(again.success).toBe(false);
    expect(entries(cacheDirs[0]!)).toEqual([]);
  });
});
