/** docs/accuracy.md shows the figures of the code beside it (scripts/accuracy-doc.ts writes them). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAccuracyDoc } from '../scripts/accuracy-doc.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const present = existsSync(path.resolve(ROOT, '../shared/corpus/gold'));

describe.skipIf(!present && process.env.CI !== 'true')('docs/accuracy.md', () => {
  it('holds the figures npm run eval prints (npx tsx scripts/accuracy-doc.ts rewrites them)', async () => {
    const doc = readFileSync(path.join(ROOT, 'docs/accuracy.md'), 'utf8');
    expect(await renderAccuracyDoc(doc)).toBe(doc);
  }, 60_000);
});
