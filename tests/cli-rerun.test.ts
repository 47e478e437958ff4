/** A rerun over the same --out replaces its outputs: nothing stale from the earlier run survives, and nothing the tool did not write is touched. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

describe('reruns over the same --out', () => {
  it('remove the per-article files an earlier run wrote and this one does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rerun-'));
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/a.txt'), 'قال الرئيس الأحد إن الهدنة صامدة.');
    writeFileSync(join(dir, 'in/b.txt'), 'قتل 5 مدنيين في القصف.');
    const out = join(dir, 'out');
    const run = (inputs: string[]) => main([...inputs, '--out', out, '--quiet', '--jobs', '1'], { stderr: () => {} });
    expect(await run([join(dir, 'in')])).toBe(0);
    expect(existsSync(join(out, 'json/b.json'))).toBe(true);
    writeFileSync(join(out, 'json/notes-by-a-user.txt'), 'mine');
    expect(await run([join(dir, 'in/a.txt')])).toBe(0);
    for (const f of ['json/b.json', 'yaml/b.yaml', 'review/b.html']) expect(existsSync(join(out, f)), f).toBe(false);
    for (const f of ['json/a.json', 'yaml/a.yaml', 'review/a.html', 'json/notes-by-a-user.txt']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'csv/articles.csv'), 'utf8')).not.toContain('\nb,');
  });
});
