import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

const cf = (text: string) => runEn(text).ceasefires.map((c) => [c.kind, c.status, c.evidence[0]!.text]);

describe('English ceasefires', () => {
  it.each([
    ['Fighting raged on despite pleas to observe a ceasefire in the region.', [['ceasefire', 'violated', 'despite pleas to observe a ceasefire']]],
    ['A 1994 ceasefire ended the initial war between the two countries.', [['ceasefire', 'in_effect', 'ceasefire ended the']]],
    ['The UN called for a humanitarian truce to let aid in.', [['humanitarian_truce', 'proposed', 'called for a humanitarian truce']]],
    ['The truce collapsed within hours as shelling resumed.', [['truce', 'failed', 'truce collapsed']]],
    ['Even a humanitarian truce to swap prisoners has been too much to implement.', [['humanitarian_truce', 'failed', 'humanitarian truce to swap prisoners has been too much to implement']]],
  ])('%s', (text, expected) => {
    expect(cf(text)).toEqual(expected);
  });

  it('a ceasefire dated by its year is an arrangement of its own', () => {
    const text = 'Fighting raged on despite pleas to observe a ceasefire. It was the worst fighting since a 1994 ceasefire ended the war.';
    expect(cf(text)).toEqual([
      ['ceasefire', 'violated', 'despite pleas to observe a ceasefire'],
      ['ceasefire', 'in_effect', 'ceasefire ended the'],
    ]);
  });

  it.each([['Peace talks in Geneva collapsed on Friday.'], ['The fire was put out by the emergency services.']])('%s has no ceasefire', (text) => {
    expect(cf(text)).toEqual([]);
  });
});
