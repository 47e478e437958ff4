/**
 * CI guards the accuracy reached on the English corpus (../shared/corpus-en), as eval-floor.test.ts
 * does for Arabic: each floor is 0.02 under the figure measured when it was last raised
 * (docs/accuracy.md). Ceasefires rest on three gold entries: one miss is 0.67, so its floor is 0.65.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../src/cli/eval.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus-en');
const present = existsSync(path.join(CORPUS, 'gold'));
if (!present && process.env.CI !== 'true') console.warn(`English eval floor skipped: no annotated corpus at ${CORPUS}`);

/** The figures reached, less 0.02. */
const FLOORS = {
  macro_f1: 0.87,
  persons: 0.95,
  places: 0.91,
  dates: 0.98,
  statements: 0.79,
  casualties: 0.81,
  ceasefires: 0.65,
} as const;

describe.skipIf(!present && process.env.CI !== 'true')('accuracy on ../shared/corpus-en', () => {
  it('stays at or above the floors', async () => {
    const { report, problems } = await runEval({ articles: path.join(CORPUS, 'articles'), gold: path.join(CORPUS, 'gold'), lang: 'en' }, ROOT);
    expect(problems).toEqual([]);
    expect(report.articles).toBe(11);
    const reached = Object.fromEntries(Object.keys(FLOORS).map((k) => [k, k === 'macro_f1' ? report.macro_f1 : report.categories[k as keyof typeof report.categories].f1]));
    for (const [k, floor] of Object.entries(FLOORS)) expect.soft(reached[k], k).toBeGreaterThanOrEqual(floor);
  });
});
