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

  it.each([
    ['a fragile truce is in force', 'Hamas announced a truce on Saturday. Residents said the fragile truce was tested overnight.', [['truce', 'in_effect', 'announced a truce']]],
    ['a truce that "remains fragile" is in force', 'The truce agreed in Cairo last week remains fragile.', [['truce', 'in_effect', 'truce agreed in Cairo last week remains fragile']]],
    ['a refusal, then a return to talks: proposed again', 'Rebels rejected the Russian proposal for a ceasefire. On Thursday they agreed to return to talks on a ceasefire.', [['ceasefire', 'proposed', 'rejected the Russian proposal for a ceasefire']]],
  ])('positive: %s', (_, text, expected) => {
    expect(cf(text)).toEqual(expected);
  });

  it.each([
    ['the same truce not called fragile stays agreed', 'Hamas announced a truce on Saturday. Residents said the truce was tested overnight.', [['truce', 'agreed', 'announced a truce']]],
    ['fragile a few words on describes something else', 'Hamas announced a truce amid a humanitarian situation that is fragile.', [['truce', 'agreed', 'announced a truce']]],
    ['fragile far from the truce word', 'The UN called for a truce in a country whose economy has long been fragile.', [['truce', 'proposed', 'called for a truce']]],
    ['a refusal with no return to talks stands', 'Russia proposed a ceasefire. Rebels rejected the ceasefire on Wednesday.', [['ceasefire', 'rejected', 'proposed a ceasefire']]],
  ])('negative: %s', (_, text, expected) => {
    expect(cf(text)).toEqual(expected);
  });

  it('a truce to pave the way for talks is apart from the ceasefire the talks are about', () => {
    const text = 'Russia proposed a ceasefire in the south. The rebels declared a ceasefire to pave the way for talks with Moscow.';
    expect(runEn(text).ceasefires.map((c) => [c.status, c.evidence.map((e) => e.text)])).toEqual([
      ['proposed', ['proposed a ceasefire']],
      ['proposed', ['ceasefire']],
    ]);
  });
});

describe('English ceasefires: a collapse or breach spoken of as a possibility is no status', () => {
  it.each([
    ['The army warned of a possible collapse of the truce, which took effect on Monday.', 'in_effect'],
    ['The rebels said they would respond to any violation of the ceasefire.', 'proposed'],
    ['The ceasefire collapsed within hours.', 'failed'],
  ])('%s → %s', (text, status) => {
    expect(runEn(text).ceasefires.map((c) => c.status)).toEqual([status]);
  });
});
