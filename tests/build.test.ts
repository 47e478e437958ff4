/**
 * The build (scripts/build.mjs) is incremental, so `npm run extract` runs it every time: it rebuilds
 * what changed and removes what a removed source compiled to. And what the package relies on:
 * generated data is current, and the run-time code never reaches into the CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('npm run build', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'conflict-events-build-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));
  /** the build's log (stderr) of one run in the copy */
  const build = (): string => {
    const r = spawnSync(process.execPath, [path.join(copy, 'scripts', 'build.mjs')], { cwd: copy, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stderr;
  };
  const dist = (file: string): string => readFileSync(path.join(copy, 'dist', file), 'utf8');

  it('compiles, then does nothing until a source or a lexicon changes or an output is lost, and drops what a removed source compiled to', () => {
    for (const entry of ['src', 'scripts', 'data/lexicons', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json']) {
      cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    writeFileSync(path.join(copy, 'src', 'extra.ts'), 'export const extra = 1;\n');

    expect(build()).toMatch(/^build: compiled \d+ modules into dist\/\nbuild: compiled the lexicons of ar, en into dist\/lexicons\/\n$/u);
    expect(dist('extra.js')).toContain('export const extra = 1;');
    expect(dist('index.js')).toContain("from './pipeline.js'"); // relative imports rewritten to the compiled files
    expect(existsSync(path.join(copy, 'dist', 'packs', 'compiled-lexicons.test.js'))).toBe(false);
    expect(build()).toBe(''); // nothing changed

    appendFileSync(path.join(copy, 'data', 'lexicons', 'ar', 'months.yaml'), '# edited\n');
    expect(build()).toBe('build: compiled the lexicons of ar, en into dist/lexicons/\n');
    expect(JSON.parse(dist('lexicons/ar.json')).sources['months.yaml']).toMatch(/^[0-9a-f]{32}$/u);

    rmSync(path.join(copy, 'src', 'extra.ts'));
    writeFileSync(path.join(copy, 'src', 'other.ts'), 'export const other = 2;\n');
    rmSync(path.join(copy, 'dist', 'cli', 'args.js')); // a compiled file lost: the build is done again whole
    expect(build()).toMatch(/^build: compiled \d+ modules/u);
    expect(dist('other.js')).toContain('export const other = 2;');
    expect(dist('cli/args.js')).toContain('export function parseCommand');
    expect(readdirSync(path.join(copy, 'dist')).filter((f) => f.startsWith('extra.'))).toEqual([]);
  }, 180_000);

  it('runs before extract, golden and bench, and as prepare (npm ci)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['prepare']).toBe('node scripts/build.mjs');
    for (const name of ['extract', 'golden', 'bench']) expect(scripts[name], name).toMatch(/^node scripts\/build\.mjs --quiet && /u);
  });
});

describe('what the package relies on', () => {
  it('the generated country lexicon and ISO codes match world-countries (npm run lexicons)', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-countries.ts', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('nothing outside src/cli/ imports from it (packs, stages and the library do no CLI I/O)', () => {
    const offenders: string[] = [];
    for (const rel of readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })) {
      if (!rel.endsWith('.ts') || rel.startsWith(`cli${path.sep}`)) continue;
      const text = readFileSync(path.join(ROOT, 'src', rel), 'utf8');
      if (/from\s+'(\.\.?\/)+(\.\.\/)*cli\//u.test(text) || /import\(\s*'[./]*cli\//u.test(text)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});
