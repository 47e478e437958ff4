/**
 * Build-time half of compiled-lexicons.ts: parses and validates every YAML file of
 * data/lexicons/<lang>/ and writes dist/lexicons/<lang>.json. Run by scripts/build.mjs (from dist/,
 * after tsc) whenever a lexicon or the sources changed; never at run time.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMPILED_FORMAT, LEXICON_ROOTS, lexiconLanguages, sourceDigests, type CompiledLexicons, type LexiconRoots } from './compiled-lexicons.ts';
import { LEXICON_FILES } from './lexicon-schema.ts';

/** Every YAML file of one language, validated; throws naming the file (and the entry) that fails. */
export function compileLanguage(language: string, roots: LexiconRoots = LEXICON_ROOTS): CompiledLexicons {
  const dir = join(roots.sources, language);
  const sources = sourceDigests(dir);
  const lexicons: Record<string, unknown> = {};
  for (const name of Object.keys(sources)) {
    const where = `data/lexicons/${language}/${name}`;
    const schema = LEXICON_FILES[name];
    if (schema === undefined) throw new Error(`${where}: no schema for this lexicon file: add it to LEXICON_FILES in src/packs/lexicon-schema.ts`);
    let value: unknown;
    try {
      const text = readFileSync(join(dir, name), 'utf8');
      value = name.endsWith('.json') ? JSON.parse(text) : parse(text);
    } catch (err) {
      throw new Error(`${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`${where}: ${issue.path.join('.')}: ${issue.message}`);
    }
    lexicons[name] = result.data;
  }
  return { format: COMPILED_FORMAT, language, sources, lexicons };
}

/**
 * Compiles every language into roots.compiled (each file written whole, then renamed into place) and
 * removes compiled files of languages that no longer exist. Returns the languages compiled.
 */
export function compileAllLexicons(roots: LexiconRoots = LEXICON_ROOTS): string[] {
  const languages = lexiconLanguages(roots);
  const compiled = languages.map((language) => compileLanguage(language, roots)); // all valid before any is written
  mkdirSync(roots.compiled, { recursive: true });
  for (const lexicons of compiled) {
    const file = join(roots.compiled, `${lexicons.language}.json`);
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, JSON.stringify(lexicons));
    renameSync(temporary, file);
  }
  for (const name of readdirSync(roots.compiled)) {
    if (name.endsWith('.json') && !languages.includes(name.slice(0, -'.json'.length))) rmSync(join(roots.compiled, name), { force: true });
  }
  return languages;
}
