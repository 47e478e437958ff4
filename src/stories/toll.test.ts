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

  const LEAD2 = 'Berlin, Dec 19, 2016 (AFP) - A lorry ploughed into a Christmas market in Berlin on Monday, killing more than 100 people, police said late on Monday.';
  const MIDDLE = 'The driver fled the scene, and police were searching the area for him late into the night with helicopters.';
  const FAR = 'Officials said at least 104 bodies had been recovered, while 45 others were injured, of whom 9 were children.';
  const OLD = 'On March 3, 2015, a similar attack in another city killed 120 people and injured 300 more, officials said then.';
  const textOf = (lead: string, ...rest: string[]) => [lead, MIDDLE, MIDDLE, MIDDLE, ...rest].join('\n\n');
  const points = (text: string, figures: FigureSpec[], title = 'Lorry ploughs into Berlin market', dates: Array<{ words: string; day: string }> = []) =>
    articleToll(storyDocument({ id: 'a', published: '2016-12-19T20:56:09Z', title, text, figures, dates })).map((p) => `${p.outcome} ${p.best} ${p.evidence_text}`);

  it.each<[string, string, FigureSpec[], string, string[]]>([
    ['a record mentioned in the title counts as the headline\'s, whatever mention comes first', textOf(LEAD2, 'Police said nine had been killed.'),
      [{ words: 'nine had been killed', low: 9, also: 'Nine killed' }], 'Nine killed as lorry ploughs into Berlin market', ['killed 9 nine had been killed']],
    ['an open headline figure takes a close, higher update from the body', textOf(LEAD2, FAR),
      [{ words: 'more than 100 people', low: 100, qualifier: 'more_than' }, { words: 'at least 104 bodies', low: 104, qualifier: 'at_least' }], 'Lorry ploughs into Berlin market', ['killed 104 at least 104 bodies']],
    ['a vague headline figure ("dozens") takes the body\'s count', textOf(LEAD2.replace('more than 100 people', 'dozens of people'), FAR),
      [{ words: 'dozens of people', low: 12, qualifier: 'vague' }, { words: '45 others', low: 45 }], 'Lorry ploughs into Berlin market', ['killed 45 45 others']],
    ['the body\'s highest figure of an outcome the headline leaves out, when the headline gives the toll', textOf(LEAD2, FAR),
      [{ words: 'more than 100 people', low: 100, qualifier: 'more_than' }, { words: '45 others were injured', low: 45, outcome: 'injured' }, { words: '9 were children', low: 9, outcome: 'injured', nth: 0 }], 'Lorry ploughs into Berlin market', ['killed 100 more than 100 people', 'injured 45 45 others were injured']],
    ['of several there, the highest (the most complete), not the first', textOf(LEAD2, 'Twelve of them were taken to hospital in the city centre.', FAR),
      [{ words: 'more than 100 people', low: 100, qualifier: 'more_than' }, { words: 'Twelve of them were taken to hospital', low: 12, outcome: 'injured' }, { words: '45 others were injured', low: 45, outcome: 'injured' }], 'Lorry ploughs into Berlin market', ['killed 100 more than 100 people', 'injured 45 45 others were injured']],
    ['a figure the words leave open below ("nearly 40": best only)', textOf(LEAD2.replace('more than 100 people', 'nearly 40 people')),
      [{ words: 'nearly 40 people', low: 40, qualifier: 'at_most', high: 40 }], 'Lorry ploughs into Berlin market', ['killed 40 nearly 40 people']],
  ])('%s', (_, text, figures, title, expected) => {
    expect(points(text, figures, title)).toEqual(expected);
  });

  it('an exact headline count is complete: a higher body figure does not replace it', () => {
    const text = textOf(LEAD2.replace('more than 100 people', 'four people'), 'Officials had earlier reported five deaths.');
    expect(points(text, [{ words: 'four people', low: 4 }, { words: 'five deaths', low: 5 }])).toEqual(['killed 4 four people']);
  });

  it('a figure far above the headline\'s is another event\'s, not an update', () => {
    const text = textOf(LEAD2, 'In July, an attack in Nice killed 860 people on the seafront.');
    expect(points(text, [{ words: 'more than 100 people', low: 100, qualifier: 'more_than' }, { words: 'killed 860 people', low: 860 }])).toEqual(['killed 100 more than 100 people']);
  });

  it('a count of one kind of victims is not a newer total of people', () => {
    const text = textOf(LEAD2.replace('more than 100 people', 'at least three people'), 'Officials said four soldiers were killed in a separate raid.');
    const figures: FigureSpec[] = [{ words: 'at least three people', low: 3, qualifier: 'at_least' }, { words: 'four soldiers were killed', low: 4, group: 'security_forces' }];
    expect(points(text, figures)).toEqual(['killed 3 at least three people']);
    // of everyone, it is
    expect(points(text, [figures[0]!, { ...figures[1]!, group: 'all' }])).toEqual(['killed 4 four soldiers were killed']);
  });

  it('a paragraph dated days before the article is background: no update, no body figure from it', () => {
    const figures: FigureSpec[] = [{ words: 'more than 100 people', low: 100, qualifier: 'more_than' }, { words: 'killed 120 people', low: 120 }, { words: 'injured 300 more', low: 300, outcome: 'injured' }];
    const dates = [{ words: 'March 3, 2015', day: '2015-03-03' }];
    expect(points(textOf(LEAD2, OLD), figures, undefined, dates)).toEqual(['killed 100 more than 100 people']);
    // the same paragraph undated is an update and gives the wounded
    expect(points(textOf(LEAD2, OLD), figures)).toEqual(['killed 120 killed 120 people', 'injured 300 injured 300 more']);
  });

  it('takes nothing from the body of an article whose headline and lead give no toll', () => {
    const text = textOf('Berlin, Dec 20, 2016 (AFP) - Germany held its breath on Tuesday as investigators searched for the driver of the lorry.', FAR);
    expect(points(text, [{ words: '45 others were injured', low: 45, outcome: 'injured' }])).toEqual([]);
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
