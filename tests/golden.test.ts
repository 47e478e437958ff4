/**
 * output/ is what `npm run extract` writes for data/articles/: regenerating it in a temporary
 * folder must give the same files, byte for byte. After a change that moves the output on purpose,
 * run `npm run extract` and review the diff of output/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { ArticleInput } from '../src/schema/index.ts';

function files(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('output/ is up to date', () => {
  it('regenerating data/articles/ changes nothing', async () => {
    const code = await main(['extract', 'data/articles', '--out', tmp, '--quiet', '--jobs', '1'], { stderr: () => {} });
    expect(code).toBe(0);
    const expected = files('output');
    expect(files(tmp)).toEqual(expected);
    for (const f of expected) expect(readFileSync(join(tmp, f)).equals(readFileSync(join('output', f))), f).toBe(true);
  });
});

describe('the word table', () => {
  it('gives the same documents after it starts again (lexicon words pinned, the rest rebuilt)', async () => {
    const { createExtractor } = await import('../src/pipeline.ts');
    const { wordOf } = await import('../src/core/tokens.ts');
    const { readInputs } = await import('../src/cli/inputs.ts');
    const articles: Array<{ input: ArticleInput; source: string; fallbackId: string }> = [];
    for await (const item of readInputs(['data/articles'])) if (item.input) articles.push({ input: item.input, source: item.source, fallbackId: item.fallbackId });
    const extractor = createExtractor();
    const run = () => articles.map((a) => JSON.stringify(extractor.extract(a.input, { source: a.source, fallbackId: a.fallbackId })));
    const before = run();
    // more spellings than the table keeps: the next article starts it again
    for (let i = 0; i < 100_001; i++) wordOf(`كلمة${i.toString(36)}`);
    const after = run();
    expect(after).toEqual(before);
    expect(before.join('').length).toBeGreaterThan(50_000);
  });
});
