/**
 * Runs the CLI as plain JavaScript. On first use esbuild bundles the entries (src/cli/main.ts and the
 * pool's worker, src/cli/pool-worker.ts) with everything they import from src/ into one ESM file each,
 * cached in a directory named by a hash of the sources; later runs import the cached files. A fresh
 * clone still needs no build step, and no thread pays for tsx's loader (a thread of its own per
 * register()) or transpiles modules as it loads them. When bundling fails the CLI runs through tsx.
 *
 * In the bundle, every `import.meta.url` of a source file is that source file's URL, so what a module
 * finds next to itself (data/lexicons, package.json, createRequire) is found as before; npm packages
 * stay imports, resolved from the package's node_modules at run time as they are for the sources.
 *
 * Plain JavaScript (types in bundle.d.mts) because this runs before any TypeScript can be loaded.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..', '..');

/** Changes whenever the way bundles are made changes (this file is hashed too: this is for the rest). */
const FORMAT = 'conflict-events-bundle-1';

/** The CLI's bundled entries: output name → source, relative to the package root. */
export const ENTRIES = { main: 'src/cli/main.ts', 'pool-worker': 'src/cli/pool-worker.ts' };

/** Bundles no run could still be starting from are removed after this long once a newer one is built. */
const STALE_MS = 60 * 60 * 1000;

/** Where bundles are cached, first choice first: node_modules/.cache, else a private directory in the system's temp. */
export function defaultCacheDirs(root = ROOT) {
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return [path.join(root, 'node_modules', '.cache', 'conflict-events'), path.join(tmpdir(), `conflict-events${user}`)];
}

/** The files a bundle depends on, relative to root and sorted: src/ (tests aside), package.json, tsconfig.json. */
export function sourceFiles(root) {
  const files = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !/\.test\.[cm]?ts$/u.test(entry.name)) files.push(child);
    }
  };
  walk('src');
  for (const name of ['package.json', 'tsconfig.json']) if (existsSync(path.join(root, name))) files.push(name);
  return files.sort();
}

/** A hash of the sources' names and contents, the package root and the entries: the bundle's cache key. */
export function sourceHash(root, entries) {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${path.resolve(root)}\0${JSON.stringify(entries)}\0`);
  for (const file of sourceFiles(root)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

/**
 * The bundle of `entries` for the sources under root: taken from the first usable cache directory,
 * or built there (`built` says which). A bundle is built in a temporary directory renamed into place,
 * so concurrent runs never see half of one; the loser of a race uses the winner's.
 */
export async function ensureBundle({ root = ROOT, entries = ENTRIES, cacheDirs = defaultCacheDirs(root) } = {}) {
  const hash = sourceHash(root, entries);
  const errors = [];
  for (const cacheDir of cacheDirs) {
    const dir = path.join(cacheDir, hash);
    const files = Object.fromEntries(Object.keys(entries).map((name) => [name, path.join(dir, `${name}.mjs`)]));
    const complete = () => Object.values(files).every((file) => existsSync(file));
    try {
      prepareCacheDir(cacheDir, root); // first: a bundle is only trusted where no one else could have put it
      if (complete()) return { dir, files, hash, built: false };
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true }); // damaged: a file was removed
      const temporary = `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        // judged on real paths: Node resolves a module's imports from its real location
        await build(root, entries, temporary, isInside(realpathSync(cacheDir), realpathSync(root)));
        renameSync(temporary, dir);
      } catch (err) {
        rmSync(temporary, { recursive: true, force: true });
        if (complete()) return { dir, files, hash, built: false }; // another run renamed its copy first
        throw err;
      }
      prune(cacheDir, hash);
      return { dir, files, hash, built: true };
    } catch (err) {
      errors.push(err);
    }
  }
  throw new AggregateError(errors, `cannot bundle ${path.join(root, 'src')}: ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
}

function isInside(dir, root) {
  const relative = path.relative(path.resolve(root), path.resolve(dir));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Creates a cache directory. Outside the package (the system's temp) it must be private to this
 * user: anyone who could write there could put code in the bundle this user runs (or change the
 * lexicons its runs see: the lexicon cache, src/packs/lexicon-cache.ts, uses this too).
 */
export function prepareCacheDir(cacheDir, root = ROOT) {
  if (isInside(cacheDir, root)) {
    mkdirSync(cacheDir, { recursive: true });
    return;
  }
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(cacheDir);
  if (!stat.isDirectory()) throw new Error(`${cacheDir} is not a directory`);
  if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) {
    throw new Error(`${cacheDir} is not private to this user`);
  }
}

/** Removes other bundles (and abandoned temporary directories) older than STALE_MS; best effort. */
function prune(cacheDir, keep) {
  try {
    const now = Date.now();
    for (const name of readdirSync(cacheDir)) {
      if (name === keep || !/^[0-9a-f]{24}(\.tmp-.*)?$/u.test(name)) continue;
      const entry = path.join(cacheDir, name);
      if (now - statSync(entry).mtimeMs > STALE_MS) rmSync(entry, { recursive: true, force: true });
    }
  } catch {
    // an old bundle left behind costs disk space only
  }
}

async function build(root, entries, outdir, insidePackage) {
  const esbuild = await import('esbuild');
  const srcDir = path.join(path.resolve(root), 'src') + path.sep;
  /** @type {import('esbuild').Plugin} */
  const plugin = {
    name: 'conflict-events',
    setup(b) {
      // This module stays a module of its own: the bundled CLI shares its state (the memoised bundle) with bin/.
      b.onResolve({ filter: /\/bundle\.mjs$/ }, (args) => {
        const file = path.resolve(args.resolveDir, args.path);
        return file === HERE ? { path: pathToFileURL(file).href, external: true } : undefined;
      });
      // A bundle outside the package cannot find npm packages by walking up from itself: import them by
      // absolute URL, resolved here with Node's conditions (see conditions/mainFields below).
      if (!insidePackage) {
        b.onResolve({ filter: /^[^./]/ }, async (args) => {
          if (args.pluginData === 'resolving' || isBuiltin(args.path) || path.isAbsolute(args.path) || args.path.startsWith('file:')) return undefined;
          const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'resolving' });
          if (resolved.errors.length > 0) return { errors: resolved.errors };
          return { path: pathToFileURL(resolved.path).href, external: true };
        });
      }
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        if (!args.path.startsWith(srcDir)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: text.replace(/\bimport\.meta\.url\b/gu, url), loader: /\.[cm]?ts$/u.test(args.path) ? 'ts' : 'js' };
      });
    },
  };
  await esbuild.build({
    absWorkingDir: path.resolve(root),
    entryPoints: Object.entries(entries).map(([out, source]) => ({ in: path.join(root, source), out })),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    ...(insidePackage ? { packages: 'external' } : {}),
    conditions: [], // with mainFields, npm packages resolve as Node resolves them: node, import, default; "main"
    mainFields: ['main'],
    charset: 'utf8',
    sourcemap: 'linked', // used with --debug (stack traces point at the TypeScript sources)
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [plugin],
  });
}

function isBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
}

let project;
let noted = false;

/**
 * This package's bundle, made (or found) once per process; bin/ and the pool share it.
 * CONFLICT_EVENTS_BUNDLE=0 runs the sources through tsx instead.
 */
export function projectBundle() {
  project ??= process.env.CONFLICT_EVENTS_BUNDLE === '0'
    ? Promise.reject(new Error('CONFLICT_EVENTS_BUNDLE=0'))
    : ensureBundle();
  return project;
}

/** Running through tsx instead: said once, with --debug. */
function fallingBack(err, debug) {
  if (!debug || noted) return;
  noted = true;
  const reason = err instanceof Error ? err.message : String(err);
  process.stderr.write(`conflict-events: note: running through tsx (${reason})\n`);
}

/** The CLI's main(): from the bundle, or from the TypeScript sources through tsx when bundling fails. */
export async function loadMain({ debug = false } = {}) {
  try {
    const bundle = await projectBundle();
    if (debug) process.setSourceMapsEnabled(true);
    return (await import(pathToFileURL(bundle.files.main).href)).main;
  } catch (err) {
    project = Promise.reject(err); // the pool's workers run through tsx too
    project.catch(() => undefined);
    fallingBack(err, debug);
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('./main.ts')).main;
  }
}

/** The module for the pool's worker threads: the bundled worker, or pool-worker.mjs (tsx) when bundling fails. */
export async function poolWorkerFile({ debug = false } = {}) {
  try {
    return { file: (await projectBundle()).files['pool-worker'], bundled: true };
  } catch (err) {
    fallingBack(err, debug);
    return { file: path.join(path.dirname(HERE), 'pool-worker.mjs'), bundled: false };
  }
}
