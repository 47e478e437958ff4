/**
 * The CLI runs from a bundle of src/ made on first use and cached by a hash of the sources
 * (src/cli/bundle.mjs): reused while the sources are unchanged, rebuilt when one changes, written
 * atomically, found from a private temp directory when node_modules cannot take it — and it gives
 * the same output as the sources run through tsx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBundle, sourceFiles, sourceHash } from '../src/cli/bundle.mjs';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
  tree.write({
    'package.json': JSON.stringify({ name: 'tiny', type: 'module' }),
    'src/entry.ts': [
      "import { two } from './dep.ts';",
      "import { flavour } from 'fake-pkg';",
      'export const here: string = import.meta.url;',
      'export const value: number = two * 21;',
      'export { flavour };',
      '',
    ].join('\n'),
    'src/dep.ts': 'export const two: number = 2;\n',
    'src/entry.test.ts': '// not part of the bundle\n',
    // a package with an ESM and a CommonJS face: Node's `import` must get the ESM one
    'node_modules/fake-pkg/package.json': JSON.stringify({ name: 'fake-pkg', exports: { import: './esm.mjs', require: './cjs.cjs' }, main: './cjs.cjs' }),
    'node_modules/fake-pkg/esm.mjs': "export const flavour = 'esm';\n",
    'node_modules/fake-pkg/cjs.cjs': "exports.flavour = 'cjs';\n",
  });
});
afterEach(() => tree.remove());

const ENTRIES = { entry: 'src/entry.ts' };

/** The bundle's exports, imported by a fresh Node process (as the CLI would, not through vitest). */
function exportsOf(file: string): { here: string; value: number; flavour: string } {
  const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(JSON.stringify(m));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as never;
}

const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.includes('.tmp-'));

describe('bundle cache', () => {
  it('builds once, reuses the bundle while the sources are unchanged and rebuilds when one changes', async () => {
    const cache = tree.path('node_modules/.cache/tiny');
    const first = await ensureBundle({ root: tree.root, entries: ENTRIES, cacheDirs: [cache] });
    expect(first.built).toBe(true);
    expect(path.dirname(first.dir)).toBe(cache);
    const file = first.files['entry']!;
    // import.meta.url is the source file's, so files next to the sources are still found
    expect(exportsOf(file)).toEqual({ here: pathToFileURL(tree.path('src/entry.ts')).href, value: 42, flavour: 'esm' });
    const mtime = statSync(file).mtimeMs;

    const second = await ensureBundle({ root: tree.root, entries: ENTRIES, cacheDirs: [cache] });
    expect(second).toEqual({ ...first, built: false });
    expect(statSync(file).mtimeMs).toBe(mtime);

    // tests are not bundled: editing one keeps the bundle
    tree.write({ 'src/entry.test.ts': '// edited\n' });
    expect((await ensureBundle({ root: tree.root, entries: ENTRIES, cacheDirs: [cache] })).built).toBe(false);

    tree.write({ 'src/dep.ts': 'export const two: number = 3;\n' });
    const third = await ensureBundle({ root: tree.root, entries: ENTRIES, cacheDirs: [cache] });
    expect(third.built).toBe(true);
    expect(third.hash).not.toBe(first.hash);
    expect(exportsOf(third.files['entry']!).value).toBe(63);
    expect(leftovers(cache)).toEqual([]);
  });

  it('hashes the sources, package.json and tsconfig.json by name and content', () => {
    expect(sourceFiles(tree.root)).toEqual(['package.json', 'src/dep.ts', 'src/entry.ts']);
    const before = sourceHash(tree.root, ENTRIES);
    expect(sourceHash(tree.root, ENTRIES)).toBe(before);
    tree.write({ 'tsconfig.json': '{}' });
    expect(sourceHash(tree.root, ENTRIES)).not.toBe(before);
  });

  it('lets concurrent runs race to build: every one gets a whole bundle, nothing is left behind', async () => {
    const cache = tree.path('node_modules/.cache/tiny');
    const results = await Promise.all([1, 2, 3].map(() => ensureBundle({ root: tree.root, entries: ENTRIES, cacheDirs: [cache] })));
    expect(new Set(results.map((r) => r.dir)).size).toBe(1);
    expect(exportsOf(results[0]!.files['entry']!).value).toBe(42);
    expect(readdirSync(cache)).toEqual([results[0]!.hash]);
  });

  it('falls back to the next cache directory, outside the package, where npm packages are imported by URL', async () => {
    tree.write({ 'not-a-dir': 'x' }); // the first choice cannot be created under a file
    // the package one level down, so the second choice is outside it
    const root = tree.path('pkg');
    const outside = tree.path('elsewhere/cache');
    tree.write({
      'pkg/package.json': JSON.stringify({ name: 'tiny', type: 'module' }),
      'pkg/src/entry.ts': tree.read('src/entry.ts'),
      'pkg/src/dep.ts': tree.read('src/dep.ts'),
      'pkg/node_modules/fake-pkg/package.json': tree.read('node_modules/fake-pkg/package.json'),
      'pkg/node_modules/fake-pkg/esm.mjs': "export const flavour = 'esm';\n",
      'pkg/node_modules/fake-pkg/cjs.cjs': "exports.flavour = 'cjs';\n",
    });
    const bundle = await ensureBundle({ root, entries: ENTRIES, cacheDirs: [tree.path('not-a-dir/cache'), outside] });
    expect(bundle.built).toBe(true);
    expect(path.dirname(bundle.dir)).toBe(outside);
    expect(exportsOf(bundle.files['entry']!)).toEqual({ here: pathToFileURL(path.join(root, 'src/entry.ts')).href, value: 42, flavour: 'esm' });
  });

  it.skipIf(process.platform === 'win32')('refuses a temp cache directory other users can write to, and any bundle in it', async () => {
    const shared = tree.path('shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const root = tree.path('pkg');
    tree.write({ 'pkg/src/entry.ts': 'export const value = 1;\n' });
    // not even a bundle already there is used: anyone could have put it there
    tree.write({ [`shared/${sourceHash(root, ENTRIES)}/entry.mjs`]: 'export const value = 666;\n' });
    await expect(ensureBundle({ root, entries: ENTRIES, cacheDirs: [shared] })).rejects.toThrow(/not private to this user/u);
  });
});

describe('the CLI from its bundle', () => {
  const bin = fileURLToPath(new URL('../bin/conflict-events.js', import.meta.url));
  const article = fileURLToPath(new URL('../data/articles/ar-sample-karabakh-2020-11-01.txt', import.meta.url));
  const cli = (args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('writes the same files as the sources run through tsx, with --jobs 2', () => {
    const args = (out: string): string[] => [article, '-o', tree.path(out), '--jobs', '2', '--format', 'json,csv', '-q'];
    const bundled = cli(args('bundled'), { CONFLICT_EVENTS_BUNDLE: '1' });
    const tsx = cli([...args('tsx'), '--debug'], { CONFLICT_EVENTS_BUNDLE: '0' });
    expect([bundled.status, bundled.stderr]).toEqual([0, '']);
    expect([tsx.status, tsx.stderr]).toEqual([0, 'conflict-events: note: running through tsx (CONFLICT_EVENTS_BUNDLE=0)\n']);
    expect(tree.snapshot('bundled')).toEqual(tree.snapshot('tsx'));
    expect(tree.snapshot('bundled').size).toBeGreaterThan(2);
  });

  it('finds package.json next to the sources for --version', () => {
    expect(cli(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^conflict-events \d+\.\d+\.\d+\n$/u) });
  });
});
