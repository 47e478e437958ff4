/**
 * CI guards the accuracy reached on the annotated corpus (../shared/corpus): each floor is 0.02
 * under the figure measured when it was last raised (docs/accuracy.md has the table). Skipped with a
 * reason where the corpus is not beside the repository, mandatory in CI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEval } from '../src/cli/eval.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus');
const present = existsSync(path.join(CORPUS, 'gold'));
if (!present && process.env.CI !== 'true') console.warn(`eval floor skipped: no annotated corpus at ${CORPUS}`);

/** The figures reached, less 0.02. */
const FLOORS = {
  macro_f1: 0.89, // 0.920 after implied ceasefire statuses, quoted and agreeing place names, commands that are no names
  persons: 0.9, // 0.920: no name starts with a military command or, behind و, with the next office
  places: 0.92, // 0.948: quoted names after a class noun, datelines, an office's territory, nisba agreement
  dates: 0.98,
  statements: 0.84, // 0.86 with speakers in phrases around an actor, objects after the verb, relays and SVO subjects
  casualties: 0.96,
  ceasefires: 0.9, // 0.929: fragile/holding in force, resumed talks outlast a refusal, a truce for talks apart
} as const;

describe.skipIf(!present && process.env.CI !== 'true')('accuracy on ../shared/corpus', () => {
  it('stays at or above the floors', async () => {
    const { report, problems } = await runEval({ articles: path.join(CORPUS, 'articles'), gold: path.join(CORPUS, 'gold'), lang: 'ar' }, ROOT);
    expect(problems).toEqual([]);
    expect(report.articles).toBe(22);
    const reached = Object.fromEntries(Object.keys(FLOORS).map((k) => [k, k === 'macro_f1' ? report.macro_f1 : report.categories[k as keyof typeof report.categories].f1]));
    for (const [k, floor] of Object.entries(FLOORS)) expect.soft(reached[k], k).toBeGreaterThanOrEqual(floor);
  });
});
