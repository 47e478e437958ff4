/**
 * DIR/stories.json, DIR/csv/stories.csv and DIR/csv/toll_series.csv from the stories of a run, and
 * the stories section of review/index.html. Pure: strings in, strings out.
 */
import { stringify } from 'csv-stringify/sync';
import { STORIES_SCHEMA_ID, StoriesFileSchema, StorySchema, TOLL_OUTCOMES, type StoriesFile, type Story, type TollPoint } from '../schema/stories.ts';
import { CSV_BOM, LIST_SEPARATOR, formatCell } from './csv.ts';
import type { CellValue } from './csv-columns.ts';
import { escapeHtml, htmlText } from './html-safety.ts';
import { tollChartSvg } from './stories-chart.ts';

/**
 * DIR/stories.json in pieces (the head, one piece per story, the foot), each story validated against
 * the schema as it is written: a run of 100,000 articles never holds the whole file as one string.
 * The pieces joined are the 2-space JSON of the file.
 */
export function* storiesJsonParts(stories: Iterable<Story>): Generator<string> {
  yield `{\n  "schema": ${JSON.stringify(STORIES_SCHEMA_ID)},\n  "stories": [`;
  let first = true;
  for (const story of stories) {
    const json = JSON.stringify(StorySchema.parse(story), null, 2).replace(/\n/gu, '\n    ');
    yield `${first ? '' : ','}\n    ${json}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** The whole file as one string (tests, small runs): the same as the pieces joined. */
export function toStoriesJson(file: StoriesFile): string {
  StoriesFileSchema.parse(file);
  return [...storiesJsonParts(file.stories)].join('');
}

const TOLL_FIELDS = ['low', 'best', 'high', 'qualifier', 'display', 'article_id', 'casualty_id', 'claimant', 'published'] as const;

export const STORIES_COLUMNS = [
  'story_id', 'articles', 'article_count', 'start', 'end', 'place', 'country', 'lat', 'lon', 'event_type', 'actors',
  ...TOLL_OUTCOMES.flatMap((o) => TOLL_FIELDS.map((f) => `${o}_${f === 'published' ? 'as_of' : f}`)),
  'disputed',
] as const;

export const TOLL_SERIES_COLUMNS = [
  'story_id', 'published', 'article_id', 'outcome', 'low', 'best', 'high', 'qualifier', 'display', 'claimant', 'casualty_id', 'evidence_text',
] as const;

const csvLine = (row: CellValue[]): string => stringify([row.map(formatCell)], { record_delimiter: '\n' });

function storyRow(s: Story): CellValue[] {
  const toll = TOLL_OUTCOMES.flatMap((o) => TOLL_FIELDS.map((f) => (s.toll[o] === null ? null : s.toll[o]![f])));
  return [
    s.id, s.articles.join(LIST_SEPARATOR), s.articles.length, s.start, s.end, s.place?.name ?? null, s.place?.country ?? null,
    s.place?.lat ?? null, s.place?.lon ?? null, s.event_type, s.actors.join(LIST_SEPARATOR), ...toll, s.disputed,
  ];
}

const pointRow = (s: Story, p: TollPoint): CellValue[] => [
  s.id, p.published, p.article_id, p.outcome, p.low, p.best, p.high, p.qualifier, p.display, p.claimant, p.casualty_id, p.evidence_text,
];

/** csv/stories.csv in pieces: the header (after the BOM), then one row per story. */
export function* storiesCsvParts(stories: Iterable<Story>, options: { bom: boolean }): Generator<string> {
  yield (options.bom ? CSV_BOM : '') + csvLine([...STORIES_COLUMNS]);
  for (const s of stories) yield csvLine(storyRow(s));
}

/** csv/toll_series.csv in pieces: the header, then one row per toll point. */
export function* tollSeriesCsvParts(stories: Iterable<Story>, options: { bom: boolean }): Generator<string> {
  yield (options.bom ? CSV_BOM : '') + csvLine([...TOLL_SERIES_COLUMNS]);
  for (const s of stories) for (const p of s.series) yield csvLine(pointRow(s, p));
}

/** Both tables as whole strings (tests, small runs). */
export function toStoriesCsv(stories: readonly Story[], options: { bom: boolean }): { stories: string; toll_series: string } {
  return { stories: [...storiesCsvParts(stories, options)].join(''), toll_series: [...tollSeriesCsvParts(stories, options)].join('') };
}

/** The stories section of review/index.html sits between these marks (written again by each stories run). */
export const STORIES_SLOT = '<!-- stories -->';
export const STORIES_SLOT_END = '<!-- /stories -->';

/** Rules for the section and its charts: part of the index's one style (hashed into its CSP). */
export const STORIES_STYLE = `
section.stories { padding: 0.5rem 1.5rem 0; }
section.stories h2 { font-size: 1.25rem; margin: 0.5rem 0; }
article.story { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0 0 0.75rem; }
article.story h3 { font-size: 1rem; margin: 0.25rem 0; }
article.story .toll { margin: 0.25rem 0; font-size: 0.95rem; }
article.story .toll b { font-variant-numeric: tabular-nums; }
article.story .toll .source { color: #555; font-size: 0.88rem; }
article.story .disputed { color: #b03a2e; font-weight: 600; }
article.story ol { margin: 0.25rem 0; padding-inline-start: 1.5rem; font-size: 0.88rem; }
svg.toll-chart { display: block; max-width: 100%; height: auto; }
`;

/** "2016-12-19 20:00 UTC" from a timestamp, the day as it is. */
const asOf = (published: string | null): string => (published === null ? 'undated' : published.length > 10 ? `${published.slice(0, 10)} ${published.slice(11, 16)} UTC` : published);

function tollLine(s: Story): string {
  const parts = TOLL_OUTCOMES.flatMap((o) => {
    const t = s.toll[o];
    if (t === null) return [];
    const source = [asOf(t.published), t.article_id, ...(t.claimant ? [t.claimant] : [])].map((v) => `<span dir="auto">${htmlText(v)}</span>`).join(', ');
    return [`<span class="toll-${o}">${o} <b data-outcome="${o}">${htmlText(t.display)}</b> <span class="source">(${source})</span></span>`];
  });
  if (parts.length === 0) return '<p class="toll empty">no toll given</p>';
  return `<p class="toll">${parts.join(' · ')}${s.disputed ? ' <span class="disputed">disputed</span>' : ''}</p>`;
}

function storyHtml(s: Story, titles: ReadonlyMap<string, string | null>): string {
  const where = s.place ? ` · <bdi>${htmlText(s.place.name)}</bdi>` : '';
  const when = s.start === s.end || s.end === null ? (s.start ?? '') : `${s.start ?? ''} – ${s.end}`;
  const items = s.articles
    .map((id) => `<li><a href="${escapeHtml(`${encodeURIComponent(id)}.html`)}"><bdi>${htmlText(id)}</bdi></a> <bdi dir="auto">${htmlText(titles.get(id) ?? '')}</bdi></li>`)
    .join('');
  return `<article class="story" id="${escapeHtml(s.id)}" data-story="${escapeHtml(s.id)}">
<h3>${htmlText(s.id)} <span class="meta">${htmlText(when)}${where} · ${s.articles.length} article${s.articles.length === 1 ? '' : 's'}</span></h3>
${tollLine(s)}
${tollChartSvg(s)}
<ol>${items}</ol>
</article>
`;
}

/** The section of review/index.html listing every story with its toll chart, between STORIES_SLOT and STORIES_SLOT_END. */
export function storiesSection(stories: readonly Story[], titles: ReadonlyMap<string, string | null>): string {
  return `${STORIES_SLOT}
<section class="stories" dir="ltr">
<h2>Stories (${stories.length})</h2>
${stories.map((s) => storyHtml(s, titles)).join('')}</section>
${STORIES_SLOT_END}`;
}

/** review/index.html with its stories section replaced (or put in the slot the index leaves for it). */
export function withStoriesSection(index: string, section: string): string | null {
  const start = index.indexOf(STORIES_SLOT);
  if (start < 0) return null;
  const endMark = index.indexOf(STORIES_SLOT_END, start);
  const end = endMark < 0 ? start + STORIES_SLOT.length : endMark + STORIES_SLOT_END.length;
  return index.slice(0, start) + section + index.slice(end);
}
