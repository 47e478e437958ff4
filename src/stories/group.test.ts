import { describe, expect, it } from 'vitest';
import { storyDocument, type StoryDocSpec } from '../../tests/fixtures/story-documents.ts';
import type { TollPoint } from '../schema/stories.ts';
import { buildStories } from './build.ts';
import { storyToll, WINDOW_HOURS } from './group.ts';

const BERLIN = { name: 'Berlin', country: 'DEU' };
const ANKARA = { name: 'Ankara', country: 'TUR' };

const v = (id: string, published: string | null, title: string, lead: string, extra: Partial<StoryDocSpec> = {}) =>
  storyDocument({ id, published, title, text: `${lead} This sentence makes the lead long enough to be one.`, ...extra });

const berlin1 = v('b1', '2016-12-19T20:00:06Z', 'Lorry ploughs into Berlin Christmas market, at least one dead', 'A lorry smashed into a busy Christmas market in central Berlin on Monday.', { places: [BERLIN], figures: [{ words: 'at least one dead', low: 1, qualifier: 'at_least' }] });
const ankara1 = v('a1', '2016-12-19T16:33:30Z', 'Russian ambassador to Ankara wounded in gun attack', 'The Russian ambassador to Turkey was wounded in a gun attack in Ankara on Monday.', { places: [ANKARA] });
const ankara2 = v('a2', '2016-12-19T20:26:38Z', 'Envoy killing aimed at ties, says Putin', 'Putin said the killing of the ambassador in Ankara was aimed at ties.', { places: [ANKARA] });
const berlin2 = v('b2', '2016-12-19T20:26:29Z', 'At least nine dead after truck ploughs into Berlin Xmas market', 'At least nine people were killed when a truck ploughed into a Berlin market.', { places: [BERLIN], figures: [{ words: 'At least nine dead', low: 9, qualifier: 'at_least' }] });
const berlin3 = v('b3', '2016-12-20T09:57:42Z', 'German Xmas markets should stay open', 'Germany shaken after the Berlin attack that killed 12, the interior ministry said.', { places: [BERLIN], figures: [{ words: 'killed 12', low: 12 }] });

const grouped = (docs: ReturnType<typeof v>[]) => buildStories(docs).stories.map((s) => s.articles.join(' '));

describe('stories: grouping', () => {
  it('keeps two stories of the same evening apart and joins each one\'s versions, whatever the input order', () => {
    const expected = ['a1 a2', 'b1 b2 b3'];
    expect(grouped([berlin1, ankara1, ankara2, berlin2, berlin3])).toEqual(expected);
    expect(grouped([berlin3, berlin2, ankara2, berlin1, ankara1])).toEqual(expected);
  });

  it('numbers stories by the time of their first article and lists articles in time order', () => {
    const { stories } = buildStories([berlin2, ankara1, berlin1]);
    expect(stories.map((s) => [s.id, s.articles])).toEqual([['story-1', ['a1']], ['story-2', ['b1', 'b2']]]);
    expect(stories[1]).toMatchObject({ start: '2016-12-19', end: '2016-12-19', place: { name: 'Berlin', country: 'DEU' } });
  });

  it(`opens a new story when the last version is more than ${WINDOW_HOURS} hours old`, () => {
    const later = v('b9', '2016-12-24T10:00:00Z', 'Berlin market reopens', 'The Berlin market reopened on Saturday under heavy guard.', { places: [BERLIN] });
    expect(grouped([berlin1, later])).toEqual(['b1', 'b9']);
  });

  it('does not join articles that share only common words, and keeps an undated article on its own', () => {
    const other = v('x1', '2016-12-19T21:00:00Z', 'Nine dead after flood', 'Nine people were killed in a flood on Monday, officials said.');
    const undated = v('u1', null, 'Lorry ploughs into Berlin Christmas market', 'A lorry smashed into a market in Berlin.', { places: [BERLIN] });
    expect(grouped([berlin1, other, undated])).toEqual(['b1', 'x1', 'u1']);
  });

  it('joins a version that names the town to one datelined in the capital when they share another name, not across countries', () => {
    const capital = v('f1', '2007-11-07T12:08:29Z', 'One killed in Jokela school shooting', 'One person was killed in a shooting at a school north of Helsinki, Taina Vaerri of the police said.', { places: [{ name: 'Helsinki', country: 'FIN' }] });
    const town = v('f2', '2007-11-07T19:59:26Z', 'Eight killed in Jokela school massacre', 'Eight people were killed at the school in Tuusula, Taina Vaerri of the police said.', { places: [{ name: 'Tuusula', country: 'FIN' }] });
    const abroad = v('f3', '2007-11-07T20:30:00Z', 'Jokela fears as shooting at school in Sweden', 'A shooting at a school in Malmo left one hurt, Taina Vaerri of the police said.', { places: [{ name: 'Malmo', country: 'SWE' }] });
    const noOtherName = v('f4', '2007-11-07T21:00:00Z', 'Fire at factory', 'A fire broke out at a factory in Oulu in the north of the country on Wednesday.', { places: [{ name: 'Oulu', country: 'FIN' }] });
    expect(grouped([capital, town, abroad, noOtherName])).toEqual(['f1 f2', 'f3', 'f4']);
  });

  it('does not join on a name every open story has (a wire\'s slug word)', () => {
    const quake = v('t1', '2016-02-06T00:44:38Z', 'Three dead in Tainan quake ATTENTION', 'Three people died when buildings fell in Tainan on Saturday.', { places: [{ name: 'Tainan', country: 'TWN' }] });
    const flood = v('r1', '2016-02-06T01:00:00Z', 'Lima floods ATTENTION', 'Floods hit Lima on Saturday after days of rain in the capital.', { places: [{ name: 'Lima', country: 'PER' }] });
    const other = v('z1', '2016-02-06T02:00:00Z', 'Ferry sinks ATTENTION', 'A ferry sank on Saturday with dozens of passengers aboard, its owner said.');
    const again = v('t2', '2016-02-06T03:00:00Z', 'Tainan toll rises ATTENTION', 'The toll rose in Tainan as rescuers dug through the rubble.', { places: [{ name: 'Tainan', country: 'TWN' }] });
    expect(grouped([quake, flood, other, again])).toEqual(['t1 t2', 'r1', 'z1']);
  });

  it('joins on a shared place name that is not a capitalised word (Arabic)', () => {
    const baghdad = { name: 'بغداد', country: 'IRQ' };
    const ar = (id: string, t: string, title: string) => v(id, t, title, `قتل أشخاص في انفجار في بغداد صباح الأربعاء بحسب مصدر في الشرطة ${id}.`, { places: [baghdad], language: 'ar' });
    const kabul = v('k1', '2021-03-10T09:00:00Z', 'مقتل جنديين في كابول', 'قتل جنديان في هجوم على حاجز في كابول صباح الأربعاء بحسب وزارة الدفاع.', { places: [{ name: 'كابول', country: 'AFG' }], language: 'ar' });
    expect(grouped([ar('q1', '2021-03-10T08:00:00Z', 'مقتل ثلاثة في انفجار في بغداد'), kabul, ar('q2', '2021-03-10T12:00:00Z', 'ارتفاع الحصيلة إلى 12 قتيلا')])).toEqual(['q1 q2', 'k1']);
  });
});

describe('stories: the toll', () => {
  it('is the latest figure, with its provenance, and its series keeps every version in time order', () => {
    const [story] = buildStories([berlin3, berlin1, berlin2]).stories;
    expect(story!.series.map((p) => [p.article_id, p.low])).toEqual([['b1', 1], ['b2', 9], ['b3', 12]]);
    expect(story!.toll.killed).toMatchObject({ article_id: 'b3', low: 12, casualty_id: 'cas-1', evidence_text: 'killed 12', published: '2016-12-20T09:57:42Z' });
    expect(story!.toll.injured).toBeNull();
    expect(story!.disputed).toBe(false);
  });

  const point = (article_id: string, published: string, low: number): TollPoint => ({
    article_id, published, outcome: 'killed', low, best: low, high: low, qualifier: 'exact', display: String(low), claimant: null, casualty_id: 'cas-1', evidence_text: String(low),
  });

  it('is never a sum of versions, and a later lower figure (a correction) replaces a higher one', () => {
    const { toll, disputed } = storyToll([point('a', '2017-01-08T06:40:47Z', 5), point('b', '2017-01-08T07:18:08Z', 4)]);
    expect(toll.killed?.low).toBe(4);
    expect(disputed).toBe(false);
  });

  it('takes the lower figure where sources disagree at the same time, and says the toll is disputed', () => {
    const { toll, disputed } = storyToll([point('a', '2020-01-01T08:00:00Z', 3), point('b', '2020-01-01T10:00:10Z', 30), point('c', '2020-01-01T10:00:50Z', 25)]);
    expect(toll.killed).toMatchObject({ article_id: 'c', low: 25 });
    expect(disputed).toBe(true);
  });
});
