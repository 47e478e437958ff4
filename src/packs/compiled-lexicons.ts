/**
 * The lexicons of a language as the build compiled them: scripts/build.mjs validates every YAML file
 * of data/lexicons/<lang>/ with its schema (LEXICON_FILES) and writes the results to
 * dist/lexicons/<lang>.json (lexicon-build.ts). Building a language pack reads that one JSON file:
 * no YAML is parsed and nothing is validated or written at run time.
 *
 * The compiled file names each YAML file it was made from with a hash of its bytes; a file added,
 * removed or edited since the build makes loading fail with a clear message (run `npm run build`)
 * instead of extracting with lexicons that are not the ones on disk.
 *
 * src/packs/ and dist/packs/ are both two levels below the package root, so the same relative paths
 * find data/ and dist/ whether this runs from the sources (tests, tsx) or compiled (the CLI, the package).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the lexicons' YAML sources and their compiled JSON live. */
export interface LexiconRoots {
  /** data/lexicons: one directory of YAML files per language */
  sources: string;
  /** dist/lexicons: <lang>.json per language */
  compiled: string;
}

export const LEXICON_ROOTS: LexiconRoots = {
  sources: join(PACKAGE_ROOT, 'data', 'lexicons'),
  compiled: join(PACKAGE_ROOT, 'dist', 'lexicons'),
};

/** Changes whenever what a compiled file holds changes. */
export const COMPILED_FORMAT = 1;

export interface CompiledLexicons {
  format: number;
  language: string;
  /** each YAML file of the language → a hash of its bytes when it was compiled */
  sources: Record<string, string>;
  /** each YAML file → its contents as its schema outputs them (JSON-safe: the schemas only add nulls and defaults) */
  lexicons: Record<string, unknown>;
}

/** The YAML files of a language's source directory, sorted, each with a hash of its bytes. */
export function sourceDigests(dir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.generated.json')).sort()) {
    digests[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex').slice(0, 32);
  }
  return digests;
}

/** The languages with a lexicon directory. */
export function lexiconLanguages(roots: LexiconRoots = LEXICON_ROOTS): string[] {
  if (!existsSync(roots.sources)) return [];
  return readdirSync(roots.sources, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The compiled lexicons of `language`; throws when there are none or when they are stale. */
export function readCompiledLexicons(language: string, roots: LexiconRoots = LEXICON_ROOTS): CompiledLexicons {
  const sourceDir = join(roots.sources, language);
  const file = join(roots.compiled, `${language}.json`);
  if (!existsSync(sourceDir)) throw new Error(`no language pack for '${language}'`);
  if (!existsSync(file)) throw new Error(`the lexicons of '${language}' are not compiled (${file} is missing): run npm run build`);
  const compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledLexicons;
  if (compiled.format !== COMPILED_FORMAT || compiled.language !== language) {
    throw new Error(`${file} was compiled by another version: run npm run build`);
  }
  const changed = staleSources(compiled.sources, sourceDigests(sourceDir));
  if (changed.length > 0) {
    throw new Error(`${file} is stale (${changed.map((name) => `${language}/${name}`).join(', ')} changed since it was compiled): run npm run build`);
  }
  return compiled;
}

/** Files added, removed or edited between two digest lists. */
function staleSources(compiled: Record<string, string>, current: Record<string, string>): string[] {
  const names = new Set([...Object.keys(compiled), ...Object.keys(current)]);
  return [...names].filter((name) => compiled[name] !== current[name]).sort();
}
