import { describe, expect, it } from 'vitest';
import type { Story, TollPoint } from '../schema/stories.ts';
import { baselineArticle, baselineClusters, bcubed, scoreArticleTolls, scoreLatestTolls, type StoriesGold } from './stories.ts';

const g = (story: string, killed: number | null = null, injured: number | null = null) => ({
  story,
  killed: killed === null ? null : { low: killed, qualifier: 'exact', text: String(killed) },
  injured: injured === null ? null : { low: injured, qualifier: 'exact', text: String(injured) },
});
const gold: StoriesGold = { a1: g('A', 1), a2: g('A', 9, 50), a3: g('A', 12), b1: g('B'), b2: g('B', 1) };
const day = (): string => '2016-12-19';

describe('B-cubed', () => {
  it('is 1 for the gold assignment and counts merged same-day stories', () => {
    expect(bcubed(new Map(Object.entries(gold).map(([id, x]) => [id, x.story])), gold, day)).toEqual({ precision: 1, recall: 1, f1: 1, sameDayMerged: 0 });
    const merged = bcubed(new Map(Object.keys(gold).map((id) => [id, 'x'])), gold, day);
    expect(merged.recall).toBe(1);
    expect(merged.precision).toBeCloseTo((3 * 3 / 5 + 2 * 2 / 5) / 5, 10);
    expect(merged.sameDayMerged).toBe(1);
  });

  it('gives recall its due for a split story', () => {
    const split = bcubed(new Map([['a1', 's1'], ['a2', 's1'], ['a3', 's2'], ['b1', 's3'], ['b2', 's3']]), gold, day);
    expect(split.precision).toBe(1);
    expect(split.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5, 10);
  });
});

const point = (article_id: string, outcome: 'killed' | 'injured', low: number, high: number | null = low): TollPoint => ({
  article_id, published: article_id === 'a1' ? '2016-12-19T20:00:00Z' : article_id === 'a2' ? '2016-12-19T20:30:00Z' : '2016-12-20T09:00:00Z',
  outcome, low, best: low, high, qualifier: 'exact', display: String(low), claimant: null, casualty_id: 'cas-1', evidence_text: String(low),
});
const story = (id: string, articles: string[], series: TollPoint[], killed: TollPoint | null): Story => ({
  id, articles, start: null, end: null, place: null, event_type: null, actors: [], toll: { killed, injured: null, missing: null }, series, disputed: false,
});

describe('toll scores', () => {
  const stories = [
    story('story-1', ['a1', 'a2', 'a3'], [point('a1', 'killed', 1), point('a2', 'killed', 9), point('a2', 'injured', 45, 50), point('a3', 'killed', 10)], point('a3', 'killed', 10)),
    story('story-2', ['b1', 'b2'], [point('b1', 'killed', 3)], point('b1', 'killed', 3)),
  ];

  it('per article: a point equal to gold low (low, best or high), or none where gold is null', () => {
    const s = scoreArticleTolls(stories, gold);
    expect(s.total).toBe(10);
    // wrong: a3 killed (10 for 12), b1 killed (3 where none), b2 killed (none for 1)
    expect(s.right).toBe(7);
    expect(s.misses.map((m) => m.split(':')[0])).toEqual(['a3 killed', 'b1 killed', 'b2 killed']);
  });

  it('latest: the killed toll of the story holding the latest article that gives one', () => {
    const s = scoreLatestTolls(stories, gold, (id) => point(id, 'killed', 0).published!);
    expect([s.right, s.total]).toEqual([0, 2]);
    const fixed = scoreLatestTolls([story('story-1', ['a1', 'a2', 'a3'], [], point('a3', 'killed', 12)), story('story-2', ['b1', 'b2'], [], point('b2', 'killed', 1))], gold, (id) => id);
    expect([fixed.right, fixed.total]).toEqual([2, 2]);
  });
});

describe('baseline: TF-IDF cosine of title and lead, single link within 48 hours', () => {
  const lead = ' and this sentence is long enough to be taken for the lead paragraph of the article.';
  const articles = [
    baselineArticle({ id: 'x1', title: 'Lorry ploughs into Berlin market', text: `A lorry hit a Berlin market${lead}`, published: '2016-12-19T20:00:00Z' }),
    baselineArticle({ id: 'x2', title: 'Nine dead as lorry ploughs into Berlin market', text: `Nine died when a lorry hit a Berlin market${lead}`, published: '2016-12-19T21:00:00Z' }),
    baselineArticle({ id: 'y1', title: 'Envoy shot in Ankara', text: `The Russian envoy was shot in Ankara${lead}`, published: '2016-12-19T17:00:00Z' }),
    baselineArticle({ id: 'x3', title: 'Lorry ploughs into Berlin market', text: `A lorry hit a Berlin market${lead}`, published: '2016-12-25T20:00:00Z' }),
  ];
  it('links similar articles within 48 hours, and only those', () => {
    const c = baselineClusters(articles, 0.3);
    expect(c.get('x1')).toBe(c.get('x2'));
    expect(c.get('y1')).not.toBe(c.get('x1'));
    expect(c.get('x3')).not.toBe(c.get('x1')); // the same words six days later
    const all = baselineClusters(articles, 0);
    expect(all.get('y1')).toBe(all.get('x1'));
  });
});
