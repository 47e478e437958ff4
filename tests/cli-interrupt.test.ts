/**
 * Issue 15, case 3: Ctrl-C or SIGTERM in the middle of a run, with the real command in a child
 * process and a real signal. The run stops reading, writes the articles it had read, leaves no
 * temporary file and no lock, describes the partial tree (tables, manifest, INCOMPLETE) and says
 * `interrupted after N of M articles; out/ is incomplete`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { stubExtractor } from './fixtures/stub-extractor.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

const BIN = path.resolve('bin/conflict-events.js');
const ARTICLES = 200_000;

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
  const line = (i: number): string => JSON.stringify({ id: `n${i}`, text: `قال المتحدث باسم الجيش إن القصف استمر الليلة الماضية في المدينة ${i}.`, published: '2020-11-01' });
  tree.write({ 'feed.jsonl': Array.from({ length: ARTICLES }, (_, i) => line(i + 1)).join('\n') });
});
afterEach(() => tree.remove());

interface Stopped {
  code: number | null;
  stderr: string;
}

/** Start the CLI, wait until it has written some documents, send `signal`, and wait for it to end. */
function interrupt(signal: 'SIGINT' | 'SIGTERM' | 'SIGKILL'): Promise<Stopped> {
  const child = spawn(process.execPath, [BIN, 'extract', 'feed.jsonl', '-o', 'out', '-f', 'json,csv', '--jobs', '1'], {
    cwd: tree.root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => void (stderr += s));
  const started = Date.now();
  const poll = setInterval(() => {
    const dir = tree.path('out/json');
    if (existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.json')).length >= 100) {
      clearInterval(poll);
      child.kill(signal);
    } else if (Date.now() - started > 60_000) {
      clearInterval(poll);
      child.kill('SIGKILL');
    }
  }, 20);
  return new Promise((resolve) => child.on('close', (code) => {
    clearInterval(poll);
    resolve({ code, stderr });
  }));
}

function expectPartialTree(stopped: Stopped, signal: string, exitCode: number): void {
  expect(stopped.code, stopped.stderr).toBe(exitCode);
  const lines = stopped.stderr.split('\n').filter(Boolean);
  const last = /^conflict-events: interrupted after (\d+) of ([\d]+) articles; out\/ is incomplete$/u.exec(lines.at(-1) ?? '');
  expect(last, stopped.stderr).not.toBeNull();
  const done = Number(last![1]);
  expect(Number(last![2])).toBe(ARTICLES);
  expect(done).toBeGreaterThanOrEqual(100);
  expect(done).toBeLessThan(ARTICLES);
  expect(lines[0]).toBe(`conflict-events: ${signal}: stopping; writing the articles already read (${signal === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again quits at once)`);
  // no temporary file, no lock
  const all = readdirSync(tree.path('out'), { recursive: true }).map(String);
  expect(all.filter((f) => f.includes('.tmp-'))).toEqual([]);
  expect(all).not.toContain('.conflict-events-lock');
  // what is there is described: every document written is in the tables and the manifest, and INCOMPLETE says so
  const docs = readdirSync(tree.path('out/json')).sort();
  expect(docs).toHaveLength(done);
  const ids = csvRecords(tree.read('out/csv/articles.csv')).map((r) => r['id']);
  expect(ids).toEqual(Array.from({ length: done }, (_, i) => `n${i + 1}`));
  expect(tree.read('out/.conflict-events-files').split('\n').filter(Boolean)).toEqual(docs.map((f) => `json/${f}`));
  expect(tree.read('out/INCOMPLETE')).toBe(
    `interrupted (${signal}) after ${done} of ${ARTICLES} articles: the documents, tables and errors here are those of the articles read before; run the same command again to complete it\n`,
  );
}

describe('a run stopped by a signal', () => {
  it('Ctrl-C (SIGINT): writes what it read, cleans up, says so, exits 130', async () => {
    expectPartialTree(await interrupt('SIGINT'), 'SIGINT', 130);
  }, 120_000);

  it('SIGTERM: the same, exits 143 (128 + 15)', async () => {
    expectPartialTree(await interrupt('SIGTERM'), 'SIGTERM', 143);
  }, 120_000);
});

describe('a run killed outright (SIGKILL: nothing can be done at the time)', () => {
  it('leaves nothing the next run does not clean: its lock, temporary files and documents', async () => {
    const killed = await interrupt('SIGKILL');
    expect(killed.code).toBeNull(); // killed, no exit code
    expect(existsSync(tree.path('out/.conflict-events-lock'))).toBe(true);
    expect(readdirSync(tree.path('out/json')).length).toBeGreaterThanOrEqual(100);
    // the next run, over ten of the articles, ends with exactly those ten
    tree.write({ 'ten.jsonl': tree.read('feed.jsonl').split('\n').slice(0, 10).join('\n') });
    let stderr = '';
    const code = await main(['ten.jsonl', '-o', 'out', '-f', 'json,csv', '--jobs', '1'], { cwd: tree.root, extractor: stubExtractor(), stderr: (s) => void (stderr += s) });
    expect(code, stderr).toBe(0);
    expect(readdirSync(tree.path('out/json')).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `n${i + 1}.json`).sort());
    const all = readdirSync(tree.path('out'), { recursive: true }).map(String);
    expect(all.filter((f) => f.includes('.tmp-') || f.includes('lock'))).toEqual([]);
    expect(csvRecords(tree.read('out/csv/articles.csv'))).toHaveLength(10);
  }, 120_000);
});
