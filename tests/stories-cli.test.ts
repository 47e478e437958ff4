/**
 * `extract --stories` and `stories DIR` end to end on a small Arabic feed: every article in exactly
 * one story, the toll series with evidence, the CSV tables, the index's stories section, and the
 * errors a user can make.
 */
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../src/cli/args.ts';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import { StoriesFileSchema, type StoriesFile } from '../src/schema/stories.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { STORIES_FEED_JSONL } from './fixtures/stories-feed.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
let stderr: string;
const run = (args: string[]) => main(args, { cwd: tree.root, extractor: createExtractor(), stderr: (s) => void (stderr += s) });

beforeEach(() => {
  tree = tempTree();
  stderr = '';
  tree.write({ 'in/feed.jsonl': STORIES_FEED_JSONL });
});
afterEach(() => tree.remove());

describe('extract --stories', () => {
  it('writes stories.json: the Baghdad versions in one story with their toll over time, Kabul in another', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,csv,review', '-q'])).toBe(0);
    const file = StoriesFileSchema.parse(JSON.parse(tree.read('out/stories.json'))) as StoriesFile;
    expect(file.stories.map((s) => [s.id, s.articles])).toEqual([['story-1', ['bgd-1', 'bgd-2', 'bgd-3']], ['story-2', ['kbl-1']]]);
    const [baghdad, kabul] = file.stories;
    expect(baghdad!.place).toMatchObject({ name: 'Baghdad', country: 'IRQ' });
    expect(baghdad!.series.filter((p) => p.outcome === 'killed').map((p) => [p.article_id, p.published, p.low, p.evidence_text])).toEqual([
      ['bgd-1', '2021-03-10T08:05:00Z', 3, 'قتل ثلاثة أشخاص على الأقل'],
      ['bgd-2', '2021-03-10T09:40:00Z', 12, '12 قتيلاً'],
      ['bgd-3', '2021-03-10T15:20:00Z', 17, 'قتل 17 شخصاً'],
    ]);
    expect(baghdad!.toll.killed).toMatchObject({ article_id: 'bgd-3', low: 17, casualty_id: expect.stringMatching(/^cas-\d+$/u) });
    expect(baghdad!.toll.injured).toMatchObject({ article_id: 'bgd-3', low: 45 });
    expect(kabul!.toll.killed).toMatchObject({ article_id: 'kbl-1', low: 2, evidence_text: 'قتل جنديان' });
    // the casualty record a point names is the one in that article's document, with that evidence
    const doc = JSON.parse(tree.read('out/json/bgd-3.json')) as { article: { text: string; published_at: string }; casualties: Array<{ id: string; evidence: Array<{ start: number; end: number; text: string }> }> };
    expect(doc.article.published_at).toBe('2021-03-10T15:20:00Z');
    const record = doc.casualties.find((c) => c.id === baghdad!.toll.killed!.casualty_id)!;
    expect(doc.article.text.slice(record.evidence[0]!.start, record.evidence[0]!.end)).toBe('قتل 17 شخصاً');
  });

  it('writes stories.csv (one row per story) and toll_series.csv (one row per point)', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,csv', '-q'])).toBe(0);
    const stories = csvRecords(tree.read('out/csv/stories.csv'));
    expect(stories.map((r) => [r['story_id'], r['articles'], r['article_count'], r['place'], r['killed_low'], r['killed_article_id'], r['killed_as_of'], r['disputed']])).toEqual([
      ['story-1', 'bgd-1; bgd-2; bgd-3', '3', 'Baghdad', '17', 'bgd-3', '2021-03-10T15:20:00Z', 'false'],
      ['story-2', 'kbl-1', '1', 'Kabul', '2', 'kbl-1', '2021-03-10T11:00:00Z', 'false'],
    ]);
    const series = csvRecords(tree.read('out/csv/toll_series.csv'));
    expect(series.map((r) => `${r['story_id']} ${r['article_id']} ${r['outcome']} ${r['low']} ${r['evidence_text']}`)).toEqual([
      'story-1 bgd-1 killed 3 قتل ثلاثة أشخاص على الأقل',
      'story-1 bgd-2 killed 12 12 قتيلاً',
      'story-1 bgd-2 injured 30 30 جريحاً',
      'story-1 bgd-3 killed 17 قتل 17 شخصاً',
      'story-1 bgd-3 injured 45 أصيب 45',
      'story-2 kbl-1 killed 2 قتل جنديان',
    ]);
    expect(tree.read('out/csv/stories.csv').startsWith('\uFEFF')).toBe(true);
  });

  it('puts the stories with their toll charts in review/index.html, and replaces them on a second run', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,review', '-q'])).toBe(0);
    const index = tree.read('out/review/index.html');
    expect(index.match(/<article class="story"/gu)).toHaveLength(2);
    expect(index.match(/<svg class="toll-chart"/gu)).toHaveLength(2);
    expect(index).not.toMatch(/\sstyle=/u);
    expect(await run(['stories', 'out', '-q'])).toBe(0);
    expect(tree.read('out/review/index.html')).toBe(index);
  });

  it('lists stories.csv and toll_series.csv in csv/datapackage.json with their schemas, and points to stories.json', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,csv', '-q'])).toBe(0);
    const pkg = JSON.parse(tree.read('out/csv/datapackage.json')) as { resources: Array<{ name: string; path: string; schema: { fields: Array<{ name: string; type: string }>; foreignKeys?: unknown[] } }>; stories_json?: { path: string; schema: string } };
    const names = pkg.resources.map((r) => r.name);
    expect(names).toContain('casualties');
    expect(names.slice(-2)).toEqual(['stories', 'toll_series']);
    for (const table of ['stories', 'toll_series']) {
      const resource = pkg.resources.find((r) => r.name === table)!;
      const header = tree.read(`out/csv/${table}.csv`).replace(/^\uFEFF/u, '').split('\n')[0]!.split(',');
      expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    }
    const stories = pkg.resources.find((r) => r.name === 'stories')!.schema.fields;
    expect(stories.find((f) => f.name === 'killed_low')).toMatchObject({ type: 'integer' });
    expect(stories.find((f) => f.name === 'disputed')).toMatchObject({ type: 'boolean' });
    expect(stories.find((f) => f.name === 'start')).toMatchObject({ type: 'date' });
    expect(pkg.resources.find((r) => r.name === 'toll_series')!.schema.foreignKeys).toEqual([{ fields: ['story_id'], reference: { resource: 'stories', fields: ['story_id'] } }]);
    expect(pkg.stories_json).toMatchObject({ path: '../stories.json', schema: 'conflict-events-stories/1' });
  });

  it('a rerun without --stories removes the stories of the earlier run and unlists them', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,csv,review', '-q'])).toBe(0);
    expect(existsSync(tree.path('out/stories.json'))).toBe(true);
    expect(await run(['extract', 'in', '--out', 'out', '--format', 'json,csv,review', '-q'])).toBe(0);
    for (const rel of ['out/stories.json', 'out/csv/stories.csv', 'out/csv/toll_series.csv']) expect(existsSync(tree.path(rel))).toBe(false);
    expect((JSON.parse(tree.read('out/csv/datapackage.json')) as { resources: Array<{ name: string }> }).resources.map((r) => r.name)).not.toContain('stories');
    expect(tree.read('out/review/index.html')).not.toContain('class="story"');
    // the documents stay, and `stories DIR` brings the stories back
    expect(await run(['stories', 'out', '-q'])).toBe(0);
    expect(existsSync(tree.path('out/csv/toll_series.csv'))).toBe(true);
  });

  it('needs the json format', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--stories', '--format', 'csv'])).toBe(2);
    expect(stderr).toContain('--stories needs the json format');
  });
});

describe('stories DIR', () => {
  it('groups documents written by an earlier run, the same as extract --stories', async () => {
    expect(await run(['extract', 'in', '--out', 'a', '--stories', '--format', 'json', '-q'])).toBe(0);
    expect(await run(['extract', 'in', '--out', 'b', '--format', 'json', '-q'])).toBe(0);
    expect(await run(['stories', 'b'])).toBe(0);
    expect(tree.read('b/stories.json')).toBe(tree.read('a/stories.json'));
    expect(stderr).toContain('4 articles in 2 stories');
    // with no record tables in b, its data package lists the stories tables alone
    expect((JSON.parse(tree.read('b/csv/datapackage.json')) as { resources: Array<{ name: string }> }).resources.map((r) => r.name)).toEqual(['stories', 'toll_series']);
  });

  it('names a document it cannot read, and still groups the others', async () => {
    expect(await run(['extract', 'in', '--out', 'out', '--format', 'json', '-q'])).toBe(0);
    tree.write({ 'out/json/broken.json': '{"schema": "conflict-events/1"' });
    expect(await run(['stories', 'out', '-q'])).toBe(1);
    expect(stderr).toMatch(/broken\.json: /u);
    expect((JSON.parse(tree.read('out/stories.json')) as StoriesFile).stories.flatMap((s) => s.articles)).toHaveLength(4);
  });

  it('says so when DIR has no documents, and parses its arguments', async () => {
    expect(await run(['stories', 'nowhere'])).toBe(2);
    expect(stderr).toContain('nowhere/json does not exist');
    expect(parseCommand(['stories'], () => false)).toMatchObject({ kind: 'usage_error' });
    expect(parseCommand(['stories', 'out', '--no-bom'], () => false)).toEqual({ kind: 'stories', options: { dir: 'out', bom: false, quiet: false } });
  });
});

describe('peekPublished: a document\'s time without parsing it', () => {
  it.each<[string, string | null | undefined]>([
    ['{"article":{"id":"a","title":"x","published":"2016-12-19","published_at":"2016-12-19T20:00:06Z"}}', '2016-12-19T20:00:06Z'],
    ['{"article":{"published":"2016-12-19","published_at":null}}', '2016-12-19'],
    ['{"article":{"published":null,"published_at":null}}', null],
    ['{"article":{"title":"say \\"published_at\\": \\"1999-01-01T00:00:00Z\\"","published":"2020-01-01","published_at":null}}', '2020-01-01'],
    ['{"article":{"id":"a"}}', undefined],
    ['{"article":{"published_at": 12}}', undefined],
  ])('%s → %s', async (json, expected) => {
    const { peekPublished } = await import('../src/cli/stories.ts');
    expect(peekPublished(json)).toBe(expected);
  });
});
