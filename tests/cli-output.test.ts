import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOutput, type OutputFormat } from '../src/cli/output.ts';
import { IdRegistry, UnsafeIdError } from '../src/cli/unique-ids.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { sampleDocument } from './fixtures/sample-document.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => tree.remove());

const ALL = new Set<OutputFormat>(['json', 'yaml', 'csv']);

describe('IdRegistry', () => {
  it('suffixes a taken id with -2, -3 … in arrival order; file names ignore case, ids do not', () => {
    const ids = new IdRegistry();
    expect(ids.assign('x', 'a.txt')).toEqual({ id: 'x', file: 'x' });
    expect(ids.assign('x', 'b.txt')).toEqual({ id: 'x-2', file: 'x-2', duplicateOf: 'a.txt' });
    expect(ids.assign('X', 'c.txt')).toEqual({ id: 'X', file: 'X-3' }); // X is another id; its file name must not clash with x.json on macOS
    expect(ids.assign('x-2', 'd.txt')).toEqual({ id: 'x-2-2', file: 'x-2-2', duplicateOf: 'b.txt' });
    // what the rerun manifest is made from: the file names as assigned, exact case, in order
    expect([...ids.files()]).toEqual(['x', 'x-2', 'X-3', 'x-2-2']);
    expect(['x', 'X-3', 'x-3', 'X', 'index', 'y'].map((f) => ids.assigned(f))).toEqual([true, true, false, false, false, false]);
  });

  it('keeps ids that are not file names, and gives them a safe file name', () => {
    const ids = new IdRegistry();
    for (const bad of ['.', '..', 'a/b', '..\\x', 'index']) {
      const assigned = ids.assign(bad, 's');
      expect(assigned.id, bad).toBe(bad);
      expect(assigned.file, bad).toMatch(/^[\p{L}\p{N}_-][\p{L}\p{M}\p{N}._-]*$/u);
      expect(assigned.file).not.toBe('index');
    }
    expect(() => ids.assign('', 's')).toThrow(UnsafeIdError);
  });
});

describe('openOutput', () => {
  it('keeps the previous tables until finish, then replaces them whole', async () => {
    tree.write({ 'out/csv/articles.csv': 'OLD TABLE\n', 'out/errors.jsonl': '{"old":true}\n' });
    const out = await openOutput({ dir: tree.path('out'), formats: ALL, bom: false });
    await out.write(sampleDocument({ id: 'one' }));
    // mid-run (or after a kill): the old table is intact, the new rows are in a temporary file
    expect(tree.read('out/csv/articles.csv')).toBe('OLD TABLE\n');
    expect(readdirSync(tree.path('out/csv')).some((f) => f.startsWith('articles.csv.tmp-'))).toBe(true);
    await out.finish();
    expect(csvRecords(tree.read('out/csv/articles.csv')).map((r) => r['id'])).toEqual(['one']);
    expect(readdirSync(tree.path('out/csv')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(existsSync(tree.path('out/errors.jsonl'))).toBe(false); // a clean run removes the stale one
  });

  it('abort leaves the previous outputs as they were and no temporary files', async () => {
    tree.write({ 'out/csv/articles.csv': 'OLD TABLE\n' });
    const out = await openOutput({ dir: tree.path('out'), formats: ALL, bom: true });
    await out.write(sampleDocument());
    await out.fail({ source: 'x.txt', line: null, code: 'empty_file', message: 'file is empty' });
    await out.abort();
    expect(tree.read('out/csv/articles.csv')).toBe('OLD TABLE\n');
    expect(readdirSync(tree.path('out/csv'))).toEqual(['articles.csv']);
    expect(existsSync(tree.path('out/errors.jsonl'))).toBe(false);
  });

  it('writes only the formats asked for', async () => {
    const out = await openOutput({ dir: tree.path('out'), formats: new Set(['yaml']), bom: true });
    await out.write(sampleDocument({ id: 'only-yaml' }));
    await out.finish();
    expect(readdirSync(tree.path('out')).sort()).toEqual(['.conflict-events-files', 'yaml']);
    expect(readdirSync(tree.path('out/yaml'))).toEqual(['only-yaml.yaml']);
  });

  it('renames a duplicate id inside the document as well as the file name', async () => {
    const out = await openOutput({ dir: tree.path('out'), formats: ALL, bom: false });
    expect(await out.write(sampleDocument({ id: 'dup', source: 'a.txt' }))).toEqual({ id: 'dup', file: 'dup' });
    expect(await out.write(sampleDocument({ id: 'dup', source: 'b.txt' }))).toEqual({ id: 'dup-2', file: 'dup-2', duplicateOf: 'a.txt' });
    await out.finish();
    expect(JSON.parse(tree.read('out/json/dup-2.json')).article).toMatchObject({ id: 'dup-2', source: 'b.txt' });
    expect(tree.read('out/yaml/dup-2.yaml')).toContain('  id: dup-2\n');
    expect(csvRecords(tree.read('out/csv/actors.csv')).map((r) => r['article_id'])).toEqual(['dup', 'dup-2']);
  });
});
