/**
 * Lexicons are validated and compiled at build time (lexicon-build.ts, run by scripts/build.mjs) and
 * read as JSON at run time (compiled-lexicons.ts): the compiled file is what the YAML gives, a stale
 * one is refused, and a bad lexicon fails the build naming the file and the entry.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { LEXICON_ROOTS, lexiconLanguages, readCompiledLexicons, type LexiconRoots } from './compiled-lexicons.ts';
import { compileAllLexicons, compileLanguage } from './lexicon-build.ts';
import { LEXICON_FILES } from './lexicon-schema.ts';
import { loadPack } from './pack.ts';

const temporaries: string[] = [];
afterEach(() => {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the Arabic lexicons under a root of its own, compiled there. */
function copy(): LexiconRoots {
  const root = mkdtempSync(join(tmpdir(), 'lexicons-test-'));
  temporaries.push(root);
  const roots = { sources: join(root, 'data'), compiled: join(root, 'dist') };
  cpSync(join(LEXICON_ROOTS.sources, 'ar'), join(roots.sources, 'ar'), { recursive: true });
  expect(compileAllLexicons(roots)).toEqual(['ar']);
  return roots;
}

describe('compiled lexicons', () => {
  it('dist/lexicons/ holds what the YAML of every language gives now (npm run build)', () => {
    expect(lexiconLanguages()).toContain('ar');
    for (const language of lexiconLanguages()) {
      const compiled = JSON.parse(readFileSync(join(LEXICON_ROOTS.compiled, `${language}.json`), 'utf8'));
      expect(isDeepStrictEqual(compiled, compileLanguage(language)), `${language}: run npm run build`).toBe(true);
    }
  });

  it('are exactly the validated lexicons: JSON keeps every value the schemas give', () => {
    const compiled = compileLanguage('ar');
    expect(Object.keys(compiled.lexicons).length).toBeGreaterThan(10);
    for (const [file, value] of Object.entries(compiled.lexicons)) {
      expect(LEXICON_FILES[file], file).toBeDefined();
      // no undefined values, Dates, Maps, -0 or NaN: what the pack gets from JSON is what zod returned
      expect(isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value), file).toBe(true);
    }
    expect(loadPack('ar').countries.get('AZE')?.name).toBe('Azerbaijan');
  });

  it('are refused when a lexicon was edited, added or removed since they were compiled', () => {
    const roots = copy();
    expect(readCompiledLexicons('ar', roots).lexicons['months.yaml']).toBeDefined();
    appendFileSync(join(roots.sources, 'ar', 'months.yaml'), '# edited\n');
    expect(() => readCompiledLexicons('ar', roots)).toThrow(/ar\.json is stale \(ar\/months\.yaml changed since it was compiled\): run npm run build$/u);
    compileAllLexicons(roots);
    expect(readCompiledLexicons('ar', roots).sources['months.yaml']).toBeDefined();
    writeFileSync(join(roots.sources, 'ar', 'weekdays-extra.yaml'), 'x: 1\n');
    expect(() => readCompiledLexicons('ar', roots)).toThrow(/\(ar\/weekdays-extra\.yaml changed/u);
    rmSync(join(roots.sources, 'ar', 'weekdays-extra.yaml'));
    rmSync(join(roots.sources, 'ar', 'persons.yaml'));
    expect(() => readCompiledLexicons('ar', roots)).toThrow(/\(ar\/persons\.yaml changed/u);
    rmSync(join(roots.compiled, 'ar.json'));
    expect(() => readCompiledLexicons('ar', roots)).toThrow(/the lexicons of 'ar' are not compiled .*run npm run build$/u);
    expect(() => readCompiledLexicons('xx', roots)).toThrow("no language pack for 'xx'");
  });

  it('fail the build naming the file and the entry, and write nothing then', () => {
    const roots = copy();
    const before = readFileSync(join(roots.compiled, 'ar.json'), 'utf8');
    const months = join(roots.sources, 'ar', 'months.yaml');
    const text = readFileSync(months, 'utf8');
    writeFileSync(months, text.replace(/month: 1\b/u, 'month: 13'));
    expect(() => compileAllLexicons(roots)).toThrow(/^data\/lexicons\/ar\/months\.yaml: gregorian\.0\.month: /u);
    writeFileSync(months, `${text}\n  - [unclosed\n`);
    expect(() => compileAllLexicons(roots)).toThrow(/^data\/lexicons\/ar\/months\.yaml: /u);
    writeFileSync(months, text);
    writeFileSync(join(roots.sources, 'ar', 'unknown.yaml'), 'x: 1\n');
    expect(() => compileAllLexicons(roots)).toThrow('data/lexicons/ar/unknown.yaml: no schema for this lexicon file: add it to LEXICON_FILES in src/packs/lexicon-schema.ts');
    expect(readFileSync(join(roots.compiled, 'ar.json'), 'utf8')).toBe(before);
  });

  it('compile every language directory, and drop the compiled file of one that is gone', () => {
    const roots = copy();
    mkdirSync(join(roots.sources, 'en'));
    cpSync(join(roots.sources, 'ar', 'months.yaml'), join(roots.sources, 'en', 'months.yaml'));
    expect(compileAllLexicons(roots)).toEqual(['ar', 'en']);
    expect(Object.keys(readCompiledLexicons('en', roots).lexicons)).toEqual(['months.yaml']);
    rmSync(join(roots.sources, 'en'), { recursive: true });
    expect(compileAllLexicons(roots)).toEqual(['ar']);
    expect(existsSync(join(roots.compiled, 'en.json'))).toBe(false);
  });
});
