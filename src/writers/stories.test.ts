import { describe, expect, it } from 'vitest';
import { storyDocument } from '../../tests/fixtures/story-documents.ts';
import { parseCsv } from '../../tests/fixtures/csv-parse.ts';
import { STORIES_SCHEMA_ID } from '../schema/stories.ts';
import { buildStories } from '../stories/build.ts';
import { STORIES_COLUMNS, TOLL_SERIES_COLUMNS, storiesSection, toStoriesCsv, toStoriesJson, withStoriesSection } from './stories.ts';
import { tollChartSvg } from './stories-chart.ts';

const LEAD = ' Police said the toll could rise as rescuers searched the rubble through the night.';
const docs = [
  storyDocument({ id: 'q1', published: '2016-02-06T00:44:38Z', title: 'Three dead in Tainan quake', text: `Three people died when buildings fell in Tainan.${LEAD}`, places: [{ name: 'Tainan', country: 'TWN' }], figures: [{ words: 'Three dead', low: 3 }] }),
  storyDocument({ id: 'q2', published: '2016-02-06T16:09:31Z', title: 'Fourteen dead in Tainan quake', text: `Fourteen people died and 400 were hurt in Tainan, "=cmd" officials said.${LEAD}`, places: [{ name: 'Tainan', country: 'TWN' }], figures: [{ words: 'Fourteen dead', low: 14 }, { words: '400 were hurt', low: 400, outcome: 'injured' }] }),
  storyDocument({ id: 'e1', published: '2016-02-06T12:00:00Z', title: 'Vote count under way', text: `Counting began in the election in Lima on Saturday.${LEAD}`, places: [{ name: 'Lima', country: 'PER' }] }),
];
const file = buildStories(docs);

describe('stories writers', () => {
  it('writes stories.json as the 2-space JSON of the file, whatever the number of stories', () => {
    expect(toStoriesJson(file)).toBe(`${JSON.stringify(file, null, 2)}\n`);
    expect(toStoriesJson({ schema: STORIES_SCHEMA_ID, stories: [] })).toBe(`${JSON.stringify({ schema: STORIES_SCHEMA_ID, stories: [] }, null, 2)}\n`);
    expect(() => toStoriesJson({ ...file, stories: [{ ...file.stories[0]!, id: 'Q1' }] })).toThrow();
  });

  it('writes one stories.csv row per story and one toll_series.csv row per point', () => {
    const { stories, toll_series } = toStoriesCsv(file.stories, { bom: false });
    const rows = parseCsv(stories);
    expect(rows[0]).toEqual([...STORIES_COLUMNS]);
    const col = (name: string) => STORIES_COLUMNS.indexOf(name as (typeof STORIES_COLUMNS)[number]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[col('place')], r[col('killed_low')], r[col('killed_article_id')], r[col('injured_low')]])).toEqual([
      ['story-1', 'q1; q2', 'Tainan', '14', 'q2', '400'],
      ['story-2', 'e1', 'Lima', '', '', ''],
    ]);
    const series = parseCsv(toll_series);
    expect(series[0]).toEqual([...TOLL_SERIES_COLUMNS]);
    expect(series.slice(1).map((r) => r.slice(0, 5).join(' ') + ' ' + r[11])).toEqual([
      'story-1 2016-02-06T00:44:38Z q1 killed 3 Three dead',
      'story-1 2016-02-06T16:09:31Z q2 killed 14 Fourteen dead',
      'story-1 2016-02-06T16:09:31Z q2 injured 400 400 were hurt',
    ]);
    expect(toStoriesCsv(file.stories, { bom: true }).stories.startsWith('\uFEFFstory_id,')).toBe(true);
  });

  it('draws a step chart with attributes only, one point per figure, and none for a story without a toll', () => {
    const svg = tollChartSvg(file.stories[0]!);
    expect(svg).toMatch(/^<svg class="toll-chart"/u);
    expect(svg).not.toMatch(/style=/u);
    expect(svg.match(/<circle /gu)).toHaveLength(3);
    expect(svg).toMatch(/<path class="step step-killed"[^>]* d="M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+ H[\d.]+"/u);
    expect(tollChartSvg(file.stories[1]!)).toBe('');
  });

  it('escapes what the articles say in the index section, and replaces an earlier section', () => {
    const hostile = { ...file.stories[0]!, series: file.stories[0]!.series.map((p) => ({ ...p, evidence_text: '<script>x</script>\u202Eabc' })) };
    const section = storiesSection([hostile], new Map([['q1', '<img src=x onerror=alert(1)>']]));
    expect(section).not.toMatch(/<script|<img/u);
    expect(section).not.toMatch(/\u202E/u);
    expect(section).toContain('[RLO]abc');
    const index = `<body>\n<!-- stories -->\n<main></main></body>`;
    const once = withStoriesSection(index, section)!;
    expect(withStoriesSection(once, storiesSection([], new Map()))).toBe(withStoriesSection(index, storiesSection([], new Map())));
    expect(withStoriesSection('<body></body>', section)).toBeNull();
  });
});
