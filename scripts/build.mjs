#!/usr/bin/env node
/**
 * `npm run build` (also `prepare`, which `npm ci` and `npm install` run): compiles src/ into dist/
 * with tsc (tsconfig.build.json: JavaScript, declarations and source maps, relative `.ts` imports
 * rewritten to `.js`), then validates and compiles the lexicons of every language,
 * data/lexicons/<lang>/*.yaml and *.generated.json → dist/lexicons/<lang>.json (src/packs/lexicon-build.ts, run from dist/).
 *
 * Incremental: dist/.build-inputs.json keeps a hash of the inputs of each half; a half whose inputs
 * did not change is skipped, so a build with nothing to do costs ~50 ms (`npm run extract` runs one
 * first). Compiled files whose source was removed are removed. `--force` rebuilds both halves.
 *
 * Plain JavaScript: it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-inputs.json');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');

/** Files under dir (relative to ROOT, sorted) whose names pass `keep`. */
function files(dir, keep) {
  if (!existsSync(path.join(ROOT, dir))) return [];
  const found = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !keep(entry.name)) continue;
    found.push(path.relative(ROOT, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
  }
  return found.sort();
}

/** A hash of the files' names and bytes. */
function digest(names) {
  const hash = createHash('sha256');
  for (const name of names) hash.update(`${name}\0`).update(readFileSync(path.join(ROOT, name))).update('\0');
  return hash.digest('hex');
}

const isSource = (name) => /\.[cm]?ts$/u.test(name) && !/\.test\.[cm]?ts$/u.test(name);
const sources = files('src', isSource);
const code = digest([...sources, 'tsconfig.json', 'tsconfig.build.json', 'scripts/build.mjs', 'package-lock.json'].filter((f) => existsSync(path.join(ROOT, f))));
const lexicons = digest(files('data/lexicons', (name) => name.endsWith('.yaml') || name.endsWith('.generated.json')));

let stamp = {};
try {
  stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
} catch {
  // no build yet
}
const log = (text) => quiet || process.stderr.write(`build: ${text}\n`);
/** dist/'s file for each source, and each language's compiled lexicons: a build that lacks one is redone whole */
const lexiconDir = path.join(ROOT, 'data', 'lexicons');
const languages = existsSync(lexiconDir) ? readdirSync(lexiconDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
const outputs = [
  ...sources.map((s) => s.replace(/^src\//u, 'dist/').replace(/\.([cm]?)ts$/u, '.$1js')),
  ...languages.map((language) => `dist/lexicons/${language}.json`),
];
const complete = outputs.every((file) => existsSync(path.join(ROOT, file)));
const codeStale = force || !complete || stamp.code !== code;
const lexiconsStale = codeStale || stamp.lexicons !== lexicons;

if (codeStale) {
  // tsc rewrites what changed; the stamp is cleared first so a failed build is never taken for a complete one
  rmSync(STAMP, { force: true });
  // tsc's own incremental state would skip files it believes it wrote: a forced or incomplete build starts afresh
  if (force || !complete) rmSync(path.join(DIST, '.tsbuildinfo'), { force: true });
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = path.join(typescript, 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  } catch {
    process.stderr.write('build: tsc failed\n');
    process.exit(1);
  }
  removeOrphans(new Set(sources.map((s) => s.replace(/^src\//u, '').replace(/\.([cm]?)ts$/u, ''))));
  log(`compiled ${sources.length} modules into dist/`);
}
if (lexiconsStale) {
  const { compileAllLexicons } = await import(pathToFileURL(path.join(DIST, 'packs', 'lexicon-build.js')).href);
  try {
    log(`compiled the lexicons of ${compileAllLexicons().join(', ')} into dist/lexicons/`);
  } catch (err) {
    rmSync(STAMP, { force: true });
    process.stderr.write(`build: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
if (codeStale || lexiconsStale) {
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify({ code, lexicons })}\n`);
}

/** Removes what tsc wrote for sources that no longer exist (their .js, .d.ts and maps). */
function removeOrphans(stems) {
  for (const name of files('dist', (n) => /\.(d\.[cm]?ts|[cm]?js)(\.map)?$/u.test(n))) {
    if (name.startsWith('dist/lexicons/')) continue;
    const stem = name.replace(/^dist\//u, '').replace(/\.(d\.[cm]?ts|[cm]?js)(\.map)?$/u, '').replace(/\.d$/u, '');
    if (!stems.has(stem)) rmSync(path.join(ROOT, name), { force: true });
  }
}
