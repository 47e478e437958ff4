import { describe, expect, it } from 'vitest';
import { storyDocument, type FigureSpec } from '../../tests/fixtures/story-documents.ts';
import { articleToll } from './toll.ts';
import { leadEnd } from './lead.ts';

const LEAD = 'Berlin, Dec 19, 2016 (AFP) - A lorry ploughed into a Christmas market in Berlin on Monday, killing at least nine people and injuring 50, police said.';
const BODY2 = 'The driver fled the scene, and police were searching the area for him late into the night with helicopters.';
const BODY3 = 'Another 12 people were in a critical condition in hospitals across the city, a spokesman for the fire service said.';
const BACKGROUND = 'In July, a lorry attack in Nice killed 86 people and wounded more than 400 on the seafront promenade there.';
const TEXT = [LEAD, BODY2, BODY3, BACKGROUND].join('\n\n');

const doc = (figures: FigureSpec[], title = 'Nine killed as lorry ploughs into Berlin market', text = TEXT) =>
  storyDocument({ id: 'a', published: '2016-12-19T20:56:09Z', title, text, figures });

const summary = (figures: FigureSpec[], title?: string, text?: string) =>
  articleToll(doc(figures, title, text)).map((p) => `${p.outcome} ${p.low} ${p.casualty_id} ${p.evidence_text}`);

describe('articleToll: the most complete total the article gives for its main event', () => {
  it.each<[string, FigureSpec[], string[]]>([
    ['the lead total, with its evidence', [{ words: 'at least nine people', low: 9, qualifier: 'at_least' }, { words: 'injuring 50', low: 50, outcome: 'injured' }],
      ['killed 9 cas-1 at least nine people', 'injured 50 cas-2 injuring 50']],
    ['the title figure when it is the only one', [{ words: 'Nine killed', low: 9 }], ['killed 9 cas-1 Nine killed']],
    ['the higher of title and lead (the newer total)', [{ words: 'Nine killed', low: 9 }, { words: 'at least nine people', low: 9, qualifier: 'at_least' }, { words: 'killed 12', low: 12 }],
      ['killed 12 cas-3 killed 12']],
    ['a figure in the next paragraphs where the lead gives none for that outcome', [{ words: 'at least nine people', low: 9 }, { words: 'Another 12 people', low: 12, outcome: 'injured' }],
      ['killed 9 cas-1 at least nine people', 'injured 12 cas-2 Another 12 people']],
    ['a running total of the conflict anywhere, where nothing nearer gives one', [{ words: 'killed 86 people', low: 86, scope: 'cumulative' }], ['killed 86 cas-1 killed 86 people']],
  ])('%s', (_, figures, expected) => {
    const title = figures.some((f) => f.words === 'killed 12') ? 'Nine killed as lorry ploughs into Berlin market, police say killed 12' : undefined;
    expect(summary(figures, title)).toEqual(expected);
  });

  it.each<[string, FigureSpec[]]>([
    ['not a subset of the total', [{ words: 'at least nine people', low: 9, subsetOf: 'cas-2' }, { words: 'Nine killed', low: 9 }]],
    ['not attackers', [{ words: 'at least nine people', low: 9, group: 'attackers' }]],
    ['not an earlier event in the body', [{ words: 'killed 86 people', low: 86 }, { words: 'more than 400', low: 400, outcome: 'injured', qualifier: 'more_than' }]],
    ['not a zero', [{ words: 'at least nine people', low: 0 }]],
  ])('%s', (_, figures) => {
    const points = articleToll(doc(figures));
    if (figures[0]!.words === 'at least nine people' && figures[1]?.words === 'Nine killed') {
      expect(points.map((p) => `${p.low} ${p.evidence_text}`)).toEqual(['9 Nine killed']);
    } else {
      expect(points).toEqual([]);
    }
  });

  it('carries the provenance a toll point needs: article, time, casualty record, words', () => {
    const [p] = articleToll(doc([{ words: 'at least nine people', low: 9, qualifier: 'at_least' }]));
    expect(p).toMatchObject({ article_id: 'a', published: '2016-12-19T20:56:09Z', outcome: 'killed', low: 9, best: 9, high: null, qualifier: 'at_least', casualty_id: 'cas-1', evidence_text: 'at least nine people' });
  });

  it('finds the lead as the first paragraph of body length, after short title and date lines', () => {
    const text = `Title line\n01 November 2020\n${LEAD}\n\n${BODY2}`;
    expect(text.slice(0, leadEnd(text)).endsWith(LEAD)).toBe(true);
    expect(text.slice(0, leadEnd(text, 2)).endsWith(BODY2)).toBe(true);
    expect(leadEnd('short')).toBe(5);
  });
});
