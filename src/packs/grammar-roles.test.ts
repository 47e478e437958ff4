/** Grammar roles live in two words of bits per pack: more than 31 roles answer as the lexicon says. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadPack, type GrammarRole } from './pack.ts';
import { foldKey } from '../core/source-text.ts';

const lex = parse(readFileSync(path.resolve(import.meta.dirname, '../../data/lexicons/ar/grammar.yaml'), 'utf8')) as Record<string, unknown>;
const roles = Object.entries(lex).filter(([k]) => k !== 'place_cues') as Array<[GrammarRole, string[]]>;

describe('grammar roles beyond the 31 of one word', () => {
  it('the Arabic grammar has more than 31 roles', () => {
    expect(roles.length).toBeGreaterThan(31);
  });

  it('every role answers for each of its words, in the first and in the second word of bits', () => {
    const g = loadPack('ar').grammar;
    for (const [role, words] of roles) for (const w of words) expect(g.has(role, foldKey(w)), `${role}: ${w}`).toBe(true);
  });

  it('a role does not answer for a word of another role only', () => {
    const g = loadPack('ar').grammar;
    const [firstRole, firstWords] = roles[0]!;
    const [lastRole, lastWords] = roles[roles.length - 1]!;
    const onlyLast = lastWords.map(foldKey).find((w) => !firstWords.map(foldKey).includes(w))!;
    const onlyFirst = firstWords.map(foldKey).find((w) => !lastWords.map(foldKey).includes(w))!;
    expect(g.has(firstRole, onlyLast)).toBe(false);
    expect(g.has(lastRole, onlyFirst)).toBe(false);
    expect(g.has('no_such_role' as GrammarRole, onlyFirst)).toBe(false);
  });
});
