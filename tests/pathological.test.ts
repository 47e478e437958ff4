/**
 * Pathological input finishes: runs of one character, deeply repeated quotation marks, a 5 MB
 * article. No timing is asserted (speed is measured by `npm run bench`); the test timeout is the
 * guard, and every document must still validate with exact evidence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

const base = readFileSync('data/articles/ar-sample-karabakh-2020-11-01.txt', 'utf8');

describe('pathological input', () => {
  it.each([
    ['100,000 tatweel', 'ـ'.repeat(100_000)],
    ['100,000 spaces', ' '.repeat(100_000)],
    ['50,000 commas', '،'.repeat(50_000)],
    ['50,000 full stops', '.'.repeat(50_000)],
    ['deeply repeated quotation marks', `${'"«“'.repeat(20_000)}قال${'»”"'.repeat(20_000)}`],
    ['100,000 newlines', '\n'.repeat(100_000)],
    ['a 100,000-character word', 'ا'.repeat(100_000)],
    ['digits and separators', '1,'.repeat(50_000)],
    ['one verb repeated', 'قال '.repeat(50_000)],
  ])('%s', (_name, text) => {
    const doc = extract({ text }, { source: 'x', fallbackId: 'x' });
    expect(doc.article.text).toBe(text);
  });

  it('a 5 MB article', { timeout: 120_000 }, () => {
    const text = base.repeat(Math.ceil(5_000_000 / base.length));
    const doc = extract({ text }, { source: 'big', fallbackId: 'big' });
    expect(doc.article.text.length).toBeGreaterThanOrEqual(5_000_000);
    // the article's one toll, repeated in every copy, is one record holding every mention as evidence
    expect(doc.casualties.length).toBe(1);
    expect(doc.casualties[0]!.evidence.length).toBeGreaterThan(1000);
    for (const c of doc.casualties) for (const e of c.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
});
