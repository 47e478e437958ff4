import { describe, expect, it } from 'vitest';
import { loadPack } from '../../packs/pack.ts';
import { SourceText } from '../../core/source-text.ts';
import { tokenize } from '../../core/tokens.ts';
import { figureAt } from './numbers.ts';

const pack = loadPack('en');
function figure(text: string) {
  const s = new SourceText(text);
  const tokens = tokenize(s.folded);
  const f = figureAt(pack, s.folded, tokens, 0);
  return f && { value: f.value, high: f.high, qualifier: f.qualifier, text: s.evidence({ start: tokens[f.first]!.start, end: tokens[f.last]!.end }).text };
}

describe('English figures', () => {
  it.each([
    ['1,250 dead', 1250, null, 'exact', '1,250'],
    ['thirty-seven people', 37, null, 'exact', 'thirty-seven'],
    ['a dozen people', 12, null, 'exact', 'a dozen'],
    ['dozens of people', 12, null, 'vague', 'dozens of'],
    ['scores of people', 20, null, 'vague', 'scores of'],
    ['hundreds of people', 100, null, 'vague', 'hundreds of'],
    ['more than 60 people', 60, null, 'more_than', 'more than 60'],
    ['at least 37 people', 37, null, 'at_least', 'at least 37'],
    ['some 200 people', 200, null, 'about', 'some 200'],
    ['nearly 40 people', 40, null, 'at_most', 'nearly 40'],
    ['between 10 and 15 people', 10, 15, 'range', 'between 10 and 15'],
    ['five thousand people', 5000, null, 'exact', 'five thousand'],
  ])('%s', (text, value, high, qualifier, evidence) => {
    expect(figure(text)).toEqual({ value, high, qualifier, text: evidence });
  });

  it.each([['people were killed'], ['the first attack'], ['several people']])('%s is no figure', (text) => {
    const f = figure(text);
    expect(f === null || f.value === null).toBe(true);
  });
});
