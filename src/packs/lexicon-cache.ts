/**
 * A cache of validated lexicons, so that building a language pack reads JSON instead of parsing YAML.
 * Parsing the YAML was most of a pack's start-up cost (a few hundred ms), paid by every thread that
 * extracts (each worker of each CLI run, each test process).
 *
 * An entry is the zod output for one lexicon file, stored as JSON. Its key is a hash of the file's
 * bytes, the schema it is validated with (its export name in lexicon-schema.ts and that file's text),
 * the zod and yaml versions and FORMAT, so an edited lexicon, an edited schema or an upgraded parser is
 * parsed again (lexicon-schema.ts imports nothing but zod: its text is the schemas). A schema that is
 * not an export of lexicon-schema.ts is not cached. The validated lexicons survive a JSON round trip
 * exactly (strings, numbers, booleans, null, arrays and plain objects; the schemas' transforms only
 * turn absent values into null): lexicon-cache.test.ts checks this for every lexicon. A thread that
 * finds every lexicon cached does not even load the YAML parser.
 *
 * Entries live in lexicons/ under the CLI bundle's cache directories (bundle.mjs): node_modules/.cache/
 * conflict-events, else a directory in the system's temp that must be private to this user, as for the
 * bundle (anyone who could write there could change the lexicons this user's runs see). An entry is
 * written to a temporary file renamed into place, so concurrent writers (worker threads, test
 * processes) never expose half of one; writing it removes the same file's entries under other keys.
 * A cache that cannot be created, read or written (a read-only install, a permission, a corrupt entry)
 * falls back to parsing the YAML: the cache never fails a load.
 *
 * CONFLICT_EVENTS_LEXICON_CACHE=0 turns it off.
 */
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { defaultCacheDirs, prepareCacheDir } from '../cli/bundle.mjs';
import * as L from './lexicon-schema.ts';

/** Changes whenever what an entry holds or how it is keyed changes. */
const FORMAT = 'conflict-events-lexicons-1';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE_ROOT = resolve(HERE, '..', '..');
const requireHere = createRequire(import.meta.url);

/** Temporary files a crashed writer left behind are removed after this long. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

export interface LexiconCacheOptions {
  /** cache roots, first usable first; entries go to lexicons/ under one (default: the bundle's, defaultCacheDirs()) */
  cacheDirs?: readonly string[];
  /** false: always parse the YAML (default: true unless CONFLICT_EVENTS_LEXICON_CACHE=0) */
  enabled?: boolean;
}

/**
 * The YAML lexicon at `path` validated by `schema`, as schema.safeParse would return it: from the
 * cache when an entry for these bytes and this schema exists, else parsed, validated and cached (a
 * lexicon that fails validation is not cached).
 */
export function readLexicon<S extends z.ZodType>(path: string, schema: S, options: LexiconCacheOptions = {}): z.ZodSafeParseResult<z.output<S>> {
  const bytes = readFileSync(path);
  const parse = (): z.ZodSafeParseResult<z.output<S>> => schema.safeParse(parseYaml(bytes));
  const enabled = options.enabled ?? process.env.CONFLICT_EVENTS_LEXICON_CACHE !== '0';
  const schemaName = SCHEMA_NAMES.get(schema);
  if (!enabled || schemaName === undefined) return parse();
  const identity = schemaIdentity();
  const dir = identity === null ? null : cacheDir(options.cacheDirs ?? defaultCacheDirs(PACKAGE_ROOT));
  if (dir === null) return parse();

  const key = createHash('sha256').update(`${identity}\0${schemaName}\0`).update(bytes).digest('hex').slice(0, 32);
  const prefix = entryPrefix(path);
  const file = join(dir, `${prefix}${key}.json`);
  const cached = readEntry(file, key);
  if (cached !== undefined) return { success: true, data: cached as z.output<S> };
  const result = parse();
  if (result.success) writeEntry(dir, prefix, file, key, result.data);
  return result;
}

let yamlParse: ((text: string) => unknown) | undefined;

/** Parses YAML, loading the parser on first use: a thread that finds every lexicon cached never loads it. */
function parseYaml(bytes: Buffer): unknown {
  yamlParse ??= (requireHere('yaml') as typeof import('yaml')).parse;
  return yamlParse(bytes.toString('utf8'));
}

/** Each schema exported by lexicon-schema.ts → its export name (part of the key). */
const SCHEMA_NAMES = new Map<unknown, string>(Object.entries(L).map(([name, value]) => [value, name]));

let identity: string | null | undefined;

/** A hash of FORMAT, lexicon-schema.ts's text and the zod and yaml versions; null when one cannot be read (no caching). */
function schemaIdentity(): string | null {
  if (identity === undefined) {
    try {
      const version = (pkg: string): string => (requireHere(`${pkg}/package.json`) as { version: string }).version;
      identity = createHash('sha256')
        .update(`${FORMAT}\0zod ${version('zod')}\0yaml ${version('yaml')}\0`)
        .update(readFileSync(join(HERE, 'lexicon-schema.ts')))
        .digest('hex');
    } catch {
      identity = null;
    }
  }
  return identity;
}

/** An entry's name up to its key: language, file and a hash of the file's path (two checkouts can share the temp cache). */
function entryPrefix(path: string): string {
  const absolute = resolve(path);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 8);
  const stem = basename(absolute).replace(/\.ya?ml$/u, '');
  return `${basename(dirname(absolute))}.${stem}.${tag}.`.replace(/[^\w.-]/gu, '_');
}

const chosen = new Map<string, string | null>();

/** The lexicons/ directory of the first usable cache root, once per process; null when none is. */
function cacheDir(roots: readonly string[]): string | null {
  const memo = roots.join('\0');
  let dir = chosen.get(memo);
  if (dir === undefined) {
    dir = null;
    for (const root of roots) {
      try {
        dir = prepareLexiconDir(root);
        break;
      } catch {
        // next one
      }
    }
    chosen.set(memo, dir);
  }
  return dir;
}

/** Creates root/lexicons, writable by this user, under bundle.mjs's rule (private to this user outside the package). */
function prepareLexiconDir(root: string): string {
  prepareCacheDir(root, PACKAGE_ROOT);
  const dir = join(root, 'lexicons');
  prepareCacheDir(dir, PACKAGE_ROOT);
  accessSync(dir, constants.R_OK | constants.W_OK);
  return dir;
}

/** The data of the entry in `file` if it is a complete entry for `key`; undefined otherwise (missing, unreadable, corrupt). */
function readEntry(file: string, key: string): unknown {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof entry === 'object' && entry !== null && (entry as { key?: unknown }).key === key && 'data' in entry) return entry.data;
  } catch {
    // a miss
  }
  return undefined;
}

/** Writes the entry through a temporary file renamed into place, then removes the file's other entries; best effort. */
function writeEntry(dir: string, prefix: string, file: string, key: string, data: unknown): void {
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(temporary, JSON.stringify({ key, data }));
    renameSync(temporary, file);
  } catch {
    attempt(() => rmSync(temporary, { force: true }));
    return;
  }
  // other entries of this file (an older version of it or of the schemas); an entry left behind costs disk space only
  const current = basename(file);
  const now = Date.now();
  attempt(() => {
    for (const name of readdirSync(dir)) {
      if (name === current || !name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      const entry = join(dir, name);
      if (/^[0-9a-f]{32}\.json$/u.test(rest)) attempt(() => rmSync(entry, { force: true }));
      else if (/^[0-9a-f]{32}\.json\.tmp-/u.test(rest)) attempt(() => now - statSync(entry).mtimeMs > STALE_TEMPORARY_MS && rmSync(entry, { force: true }));
    }
  });
}

function attempt(action: () => unknown): void {
  try {
    action();
  } catch {
    // best effort
  }
}
