/**
 * The package as people get it: `npm pack`, installed into an empty project without the network
 * (the dependencies come from npm's cache, which `npm ci` filled), then the CLI, `import`, `require`,
 * the types and the README's library example, each run from that project with plain Node.
 *
 * The project's lockfile is made from this repository's: the package's tarball and every package the
 * lockfile does not mark as dev-only. So the installed tree holds exactly the runtime dependencies,
 * and a module that needs a devDependency (esbuild, tsx, world-countries, typescript) fails here.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLE = path.join(ROOT, 'data', 'articles', 'ar-sample-karabakh-2020-11-01.txt');
const GAZA = path.join(ROOT, 'data', 'articles', 'ar-sample-gaza-2023-11-05.txt');

interface PackedFile {
  path: string;
}
interface LockEntry {
  dev?: boolean;
}

let work: string;
let project: string;
let packed: string[];
/** what runs see as $HOME and $TMPDIR: nothing may be written there */
let home: string;
let temp: string;

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A command in the project, with an empty $HOME and $TMPDIR of its own. */
function run(command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, HOME: home, TMPDIR: temp, NODE_OPTIONS: '' } });
}

/** Every file under dir with its size and modification time (one string per file, sorted). */
function listing(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => !skip(rel))
    .map((rel) => {
      const stat = statSync(path.join(dir, rel));
      return `${rel} ${stat.isDirectory() ? 'dir' : `${stat.size} ${stat.mtimeMs}`}`;
    })
    .sort();
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'conflict-events-package-'));
  project = path.join(work, 'project');
  home = path.join(work, 'home');
  temp = path.join(work, 'tmp');
  for (const dir of [project, home, temp]) mkdirSync(dir);

  const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: PackedFile[] }>;
  packed = pack!.files.map((f) => f.path).sort();
  const spec = `file:../${pack!.filename}`;

  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const packages: Record<string, unknown> = {
    '': { name: 'project', dependencies: { 'conflict-events': spec } },
    'node_modules/conflict-events': { version: pkg['version'], resolved: spec, license: pkg['license'], dependencies: pkg['dependencies'], bin: pkg['bin'], engines: pkg['engines'] },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key.startsWith('node_modules/') && entry.dev !== true) packages[key] = entry;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'project', private: true, dependencies: { 'conflict-events': spec } }));
  writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify({ name: 'project', lockfileVersion: 3, requires: true, packages }));
  npm(['ci', '--offline', '--no-audit', '--no-fund'], project);
  copyFileSync(ARTICLE, path.join(project, 'article.txt'));
  copyFileSync(GAZA, path.join(project, 'gaza.txt'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('npm pack', () => {
  it('holds the compiled code, the data, the schemas, README and licence, and nothing for development', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'bin/conflict-events.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'dist/cli/pool-worker.js', 'dist/lexicons/ar.json', 'data/lexicons/ar/actors.yaml', 'schemas/document.schema.json']) {
      expect(packed, file).toContain(file);
    }
    const unwanted = packed.filter((f) => /^(src|tests|scripts|output|docs|node_modules)\//u.test(f) || /\.test\.|\.map$|tsbuildinfo|build-inputs|\.ts$/u.test(f.replace(/\.d\.ts$/u, '')));
    expect(unwanted).toEqual([]);
  });

  it('installs only the runtime dependencies', () => {
    const installed = readdirSync(path.join(project, 'node_modules'));
    expect(installed).toContain('conflict-events');
    for (const dev of ['esbuild', 'tsx', 'world-countries', 'typescript', 'vitest']) expect(installed, dev).not.toContain(dev);
  });
});

describe('the installed package', () => {
  it('runs the CLI on an article, writing nothing outside --out', () => {
    const before = listing(project, (rel) => rel === 'out' || rel.startsWith(`out${path.sep}`));
    const r = run(path.join(project, 'node_modules', '.bin', 'conflict-events'), ['extract', 'article.txt', 'gaza.txt', '--out', 'out', '--format', 'json,csv', '--jobs', '2']);
    expect([r.status, r.stderr]).toEqual([0, expect.stringMatching(/^conflict-events: 2 articles ok, 0 failed; /u)]);
    const doc = JSON.parse(readFileSync(path.join(project, 'out', 'json', 'article.json'), 'utf8'));
    const casualty = doc.casualties[0];
    expect(casualty.display).toBe('1,250+');
    expect(doc.article.text.slice(casualty.evidence[0].start, casualty.evidence[0].end)).toBe(casualty.evidence[0].text);
    expect(readFileSync(path.join(project, 'out', 'csv', 'acled_view.csv'), 'utf8')).toMatch(/,275,Palestine,Gaza Strip,/u); // ISO numeric code and name: generated data
    expect(listing(project, (rel) => rel === 'out' || rel.startsWith(`out${path.sep}`))).toEqual(before);
    expect([readdirSync(home), readdirSync(temp)]).toEqual([[], []]);
  });

  it('imports in plain Node ESM', () => {
    const r = run(process.execPath, ['--input-type=module', '-e', `
      import { readFileSync } from 'node:fs';
      import { extract, DocumentSchema } from 'conflict-events';
      const doc = extract({ text: readFileSync('article.txt', 'utf8'), published: '2020-11-01' }, { source: 'article.txt', fallbackId: 'a' });
      DocumentSchema.parse(doc);
      console.log(JSON.stringify([doc.casualties[0].display, doc.casualties[0].evidence[0]]));`]);
    expect(r.stderr).toBe('');
    const [display, evidence] = JSON.parse(r.stdout) as [string, { start: number; end: number; text: string }];
    expect(display).toBe('1,250+');
    expect(evidence.text).toBe('أكثر من 1250 قتيلاً');
    expect(readFileSync(ARTICLE, 'utf8').slice(evidence.start, evidence.end)).toBe(evidence.text);
  });

  it('loads with require() from CommonJS (Node 20.19+ loads ES modules synchronously)', () => {
    const r = run(process.execPath, ['-e', `
      const { extract } = require('conflict-events');
      const doc = extract({ text: require('node:fs').readFileSync('article.txt', 'utf8'), published: '2020-11-01' }, { source: 'article.txt', fallbackId: 'a' });
      console.log(doc.casualties[0].display);`]);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '1,250+\n', '']);
  });

  it("has types: a TypeScript project type-checks against them, and a wrong use fails", () => {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, types: [], skipLibCheck: false },
      files: ['use.ts'],
    }));
    const use = (line: string): SpawnSyncReturns<string> => {
      writeFileSync(path.join(project, 'use.ts'), [
        "import { extract, type ExtractionDocument } from 'conflict-events';",
        "const doc: ExtractionDocument = extract({ text: 'x', published: '2020-11-01' }, { source: 'a', fallbackId: 'a' });",
        line,
      ].join('\n'));
      return run(process.execPath, [tsc, '-p', 'tsconfig.json']);
    };
    expect(use('export const n: number = doc.casualties.length;').stdout).toBe('');
    expect(use('export const n: string = doc.casualties.length;').stdout).toMatch(/use\.ts\(3,14\): error TS2322/u);
  });

  it("runs the README's library example", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- example: library[^>]*-->\n```js\n([\s\S]*?)\n```/u.exec(readme);
    expect(example).not.toBeNull();
    writeFileSync(path.join(project, 'example.mjs'), example![1]!);
    copyFileSync(ARTICLE, path.join(project, 'article.txt'));
    const r = run(process.execPath, ['example.mjs']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe("[ '1,250+' ]\n");
  });
});
