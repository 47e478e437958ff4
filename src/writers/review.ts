/**
 * Review page: one static, self-contained HTML file per article (inline CSS and JS, system fonts, a
 * Content-Security-Policy that forbids every network request and lets only the page's own style and
 * script run, by their hashes; see html-safety.ts) showing the article text with each
 * evidence span highlighted as <mark> by record type, and the records beside it as tables.
 * Clicking a record row scrolls to its evidence and flashes it; clicking a mark flashes its rows.
 *
 * Overlapping and nested spans: the text is cut at every span boundary, and each piece is one
 * <mark> carrying the classes of every span that covers it and the ids of their records
 * (data-records="act-1 plc-2"). Pure: document → HTML string.
 */
import type { ExtractionDocument, RecordTable } from '../schema/index.ts';
import { STORIES_SLOT, STORIES_STYLE } from './stories.ts';
import { BIDI_CONTROL_STYLE, escapeHtml, htmlAttribute, htmlText, httpUrl, pageHead } from './html-safety.ts';

export { escapeHtml } from './html-safety.ts';

export const REVIEW_TYPES = ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires'] as const satisfies readonly RecordTable[];
export type ReviewType = (typeof REVIEW_TYPES)[number];

const TYPE_LABELS: Readonly<Record<ReviewType, string>> = {
  actors: 'Actors',
  places: 'Places',
  dates: 'Dates',
  statements: 'Statements',
  events: 'Events',
  casualties: 'Casualties',
  ceasefires: 'Ceasefires',
};

const COLOURS: Readonly<Record<ReviewType, string>> = {
  actors: '#f9d56e',
  places: '#8fd3f4',
  dates: '#b8e994',
  statements: '#d9b8f5',
  events: '#ffb26b',
  casualties: '#f7a1a1',
  ceasefires: '#8fe3cf',
};

const RTL_LANGUAGES = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'ckb', 'yi']);

const dirOf = (language: string): 'rtl' | 'ltr' => (RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr');

const FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif';

/** How many other record types a mark can underline: every type but the one that gives its background. */
const UNDERLINES = REVIEW_TYPES.length - 1;

const STYLE = `
:root { ${REVIEW_TYPES.map((t) => `--c-${t}: ${COLOURS[t]};`).join(' ')} }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; color: #1d1d1f; background: #fafafa; line-height: 1.7; }
header.page { padding: 1rem 1.5rem 0.5rem; background: #fff; border-bottom: 1px solid #ddd; }
header.page h1 { margin: 0 0 0.25rem; font-size: 1.5rem; line-height: 1.4; }
.meta { color: #555; font-size: 0.9rem; margin: 0.25rem 0; }
.meta bdi + bdi::before { content: " · "; }
nav.back { font-size: 0.9rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; margin: 0.5rem 0; padding: 0; list-style: none; font-size: 0.9rem; }
.legend label { display: inline-flex; align-items: center; gap: 0.35rem; cursor: pointer; }
.swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px; border: 1px solid rgba(0,0,0,.25); }
${REVIEW_TYPES.map((t) => `.swatch.sw-${t} { background: var(--c-${t}); }`).join('\n')}
main.review { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 1.5rem; padding: 1rem 1.5rem 3rem; align-items: start; }
@media (max-width: 900px) { main.review { grid-template-columns: 1fr; } }
.article-text { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1rem 1.25rem; white-space: pre-wrap; font-size: 1.1rem; line-height: 2.1; }
mark.ev { background: var(--bg, #eee); color: inherit; border-radius: 2px; padding: 0.1em 0; cursor: pointer;
  box-shadow: ${Array.from({ length: UNDERLINES }, (_, k) => `var(--u${k + 1}, 0 0 #0000)`).join(', ')}; }
${REVIEW_TYPES.map((t) => `mark[data-bg="${t}"] { --bg: var(--c-${t}); }`).join('\n')}
${Array.from({ length: UNDERLINES }, (_, k) => REVIEW_TYPES.map((t) => `mark[data-u${k + 1}="${t}"] { --u${k + 1}: inset 0 -${3 * (k + 1)}px 0 var(--c-${t}); }`).join('\n')).join('\n')}
mark.ev:focus-visible, tr[data-record]:focus-visible { outline: 2px solid #0a58ca; outline-offset: 1px; }
body.hide-actors mark.ev-actors, body.hide-places mark.ev-places, body.hide-dates mark.ev-dates,
body.hide-statements mark.ev-statements, body.hide-events mark.ev-events, body.hide-casualties mark.ev-casualties,
body.hide-ceasefires mark.ev-ceasefires { background: transparent; box-shadow: none; }
.flash { animation: flash 1.6s ease-out; outline: 3px solid #d62828; outline-offset: 1px; }
@keyframes flash { 0%, 40% { filter: brightness(0.8) saturate(1.6); } 100% { filter: none; } }
.records { display: flex; flex-direction: column; gap: 1rem; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; padding-block: 0.5rem; }
@media (max-width: 900px) { .records { position: static; max-height: none; } }
.records section { flex-shrink: 0; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.75rem; overflow-x: auto; }
.records h2 { font-size: 1.05rem; margin: 0.25rem 0 0.5rem; display: flex; align-items: center; gap: 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; line-height: 1.5; }
th, td { text-align: start; padding: 0.25rem 0.4rem; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; white-space: nowrap; }
tr[data-record] { cursor: pointer; }
tr[data-record]:hover { background: #f5f8ff; }
td.id { white-space: nowrap; font-family: ui-monospace, monospace; direction: ltr; unicode-bidi: isolate; }
.empty { color: #777; font-size: 0.9rem; }
.diagnostics { margin: 0 1.5rem 2rem; font-size: 0.9rem; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.nowrap { white-space: nowrap; }
main.index { padding: 1rem 1.5rem; }
${BIDI_CONTROL_STYLE}
`;

/**
 * Clicking a row flashes and scrolls to its marks; clicking a mark flashes its rows; the legend
 * toggles types. Record ids are looked up in maps built once, never pasted into a selector, so no
 * id can break the script. It runs under the page's CSP by its hash (html-safety.ts): it must not
 * use inline handlers, eval or the DOM's HTML sinks.
 */
const SCRIPT = `
(function () {
  'use strict';
  function flash(elements) {
    elements.forEach(function (el) {
      el.classList.remove('flash');
      void el.offsetWidth;
      el.classList.add('flash');
      setTimeout(function () { el.classList.remove('flash'); }, 1600);
    });
  }
  function add(map, id, el) {
    var list = map.get(id);
    if (list === undefined) map.set(id, list = []);
    list.push(el);
  }
  function idsOf(mark) {
    return (mark.getAttribute('data-records') || '').split(' ').filter(function (id) { return id !== ''; });
  }
  var marksByRecord = new Map();
  var rowsByRecord = new Map();
  document.querySelectorAll('mark.ev').forEach(function (mark) {
    idsOf(mark).forEach(function (id) { add(marksByRecord, id, mark); });
  });
  document.querySelectorAll('tr[data-record]').forEach(function (row) { add(rowsByRecord, row.getAttribute('data-record'), row); });
  function showRecord(row) {
    var marks = marksByRecord.get(row.getAttribute('data-record')) || [];
    if (marks.length === 0) return;
    marks[0].scrollIntoView({ block: 'center', behavior: 'instant' });
    flash(marks);
  }
  document.querySelectorAll('tr[data-record]').forEach(function (row) {
    row.addEventListener('click', function () { showRecord(row); });
    row.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showRecord(row); } });
  });
  document.querySelectorAll('mark.ev').forEach(function (mark) {
    mark.addEventListener('click', function () {
      var rows = [];
      idsOf(mark).forEach(function (id) { rows = rows.concat(rowsByRecord.get(id) || []); });
      if (rows.length === 0) return;
      rows[0].scrollIntoView({ block: 'nearest', behavior: 'instant' });
      flash(rows);
    });
  });
  document.querySelectorAll('.legend input[data-type]').forEach(function (box) {
    box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.getAttribute('data-type'), !box.checked); });
  });
})();
`;

interface Span {
  start: number;
  end: number;
  type: ReviewType;
  record: string;
}

type AnyRecord = { id: string; evidence: Array<{ start: number; end: number; field?: 'title' }>; mentions?: Array<{ start: number; end: number; field?: 'title' }> };

/** Every evidence span (and mention) of every record, one per record and offset pair. */
function spansOf(doc: ExtractionDocument): Span[] {
  const spans: Span[] = [];
  for (const type of REVIEW_TYPES) {
    for (const record of doc[type] as AnyRecord[]) {
      const seen = new Set<string>();
      for (const e of [...record.evidence, ...(record.mentions ?? [])]) {
        const key = `${e.start}:${e.end}`;
        // spans in a separate title field are not offsets into the text shown here
        if (e.end <= e.start || e.field === 'title' || seen.has(key)) continue;
        seen.add(key);
        spans.push({ start: e.start, end: e.end, type, record: record.id });
      }
    }
  }
  return spans;
}

/** A short label for a record: what its mark's tooltip and the tables name it by. */
function labels(doc: ExtractionDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of doc.actors) out.set(a.id, a.name);
  for (const p of doc.places) out.set(p.id, p.name);
  for (const d of doc.dates) out.set(d.id, d.start === null ? d.text : d.start === d.end || d.end === null ? d.start : `${d.start} – ${d.end}`);
  for (const s of doc.statements) out.set(s.id, `${s.verb} (${s.stance})`);
  for (const e of doc.events) out.set(e.id, `${e.category}: ${e.trigger}`);
  for (const c of doc.casualties) out.set(c.id, `${c.display} ${c.outcome}`);
  for (const c of doc.ceasefires) out.set(c.id, `${c.kind} ${c.status}`);
  return out;
}

/**
 * The article text as HTML: cut at every span boundary; a piece covered by spans becomes one
 * <mark> with the classes and record ids of all of them. The innermost (shortest) span gives the
 * background (data-bg="<type>"); every other type covering the piece adds an underline of its colour
 * (data-u1="<type>", data-u2 …: attributes the stylesheet reads, not style attributes, which the
 * page's CSP refuses).
 */
export function highlightText(text: string, spans: readonly Span[], recordLabels: ReadonlyMap<string, string> = new Map()): string {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let next = 0;
  let active: Span[] = [];
  let html = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const piece = htmlText(text.slice(from, to));
    // sweep: spans enter at their start and leave once they end, so each piece sees only its own
    active = active.filter((s) => s.end > from);
    while (next < byStart.length && byStart[next]!.start <= from) {
      if (byStart[next]!.end > from) active.push(byStart[next]!);
      next++;
    }
    const covering = [...active];
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    // innermost first, then by type order, so the background shows the most specific record
    covering.sort((a, b) => a.end - a.start - (b.end - b.start) || REVIEW_TYPES.indexOf(a.type) - REVIEW_TYPES.indexOf(b.type) || (a.record < b.record ? -1 : 1));
    const types = [...new Set(covering.map((s) => s.type))];
    const records = [...new Set(covering.map((s) => s.record))];
    const [first, ...others] = types;
    const looks = [` data-bg="${first!}"`, ...others.map((t, k) => ` data-u${k + 1}="${t}"`)].join('');
    const title = records.map((r) => `${r}: ${recordLabels.get(r) ?? ''}`.trim()).join('\n');
    html += `<mark class="ev ${types.map((t) => `ev-${t}`).join(' ')}" data-records="${escapeHtml(records.join(' '))}"${looks} title="${htmlAttribute(title)}" tabindex="0">${piece}</mark>`;
  }
  return html;
}

type Cell = string | number | boolean | null | undefined;

function table(type: ReviewType, headers: readonly string[], rows: ReadonlyArray<{ id: string; rule: string; cells: readonly Cell[] }>): string {
  const title = `<h2><span class="swatch sw-${type}"></span>${TYPE_LABELS[type]} <span class="meta">(${rows.length})</span></h2>`;
  if (rows.length === 0) return `<section id="records-${type}">${title}<p class="empty">none</p></section>`;
  const cell = (v: Cell): string => (v === null || v === undefined ? '' : htmlText(String(v)));
  const body = rows
    .map((r) => `<tr data-record="${escapeHtml(r.id)}" tabindex="0"><td class="id" title="${htmlAttribute(r.rule)}">${htmlText(r.id)}</td>${r.cells.map((c) => `<td dir="auto">${cell(c)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<section id="records-${type}">${title}<table><thead><tr><th>id</th>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table></section>`;
}

function recordTables(doc: ExtractionDocument, label: (id: string | null) => string | null): string {
  const span = (start: string | null, end: string | null): string | null => (start === null ? null : start === end || end === null ? start : `${start} – ${end}`);
  return [
    table('actors', ['kind', 'name', 'native', 'country', 'sector'], doc.actors.map((a) => ({ id: a.id, rule: a.rule, cells: [a.kind, a.name, a.name_native, a.country, a.sector] }))),
    table('places', ['kind', 'name', 'native', 'country', 'lat, lon', 'precision'], doc.places.map((p) => ({
      id: p.id, rule: p.rule, cells: [p.kind, p.name, p.name_native, p.country, p.lat === null || p.lon === null ? null : `${p.lat}, ${p.lon}`, p.geo_precision],
    }))),
    table('dates', ['text', 'kind', 'date', 'precision'], doc.dates.map((d) => ({ id: d.id, rule: d.rule, cells: [d.text, d.kind, span(d.start, d.end) ?? d.date_reason, d.precision] }))),
    table('statements', ['speaker', 'verb', 'stance', 'kind', 'date'], doc.statements.map((s) => ({
      id: s.id, rule: s.rule, cells: [label(s.speaker) ?? s.speaker_text, s.verb, s.stance, s.kind, s.date],
    }))),
    table('events', ['category', 'ACLED', 'actors', 'place', 'date', 'status'], doc.events.map((e) => ({
      id: e.id, rule: e.rule,
      cells: [
        `${e.category} (${e.trigger})`,
        e.acled_event_type === null ? null : `${e.acled_event_type} / ${e.acled_sub_event_type ?? ''}`,
        [label(e.actor1), label(e.actor2)].filter((x) => x !== null).join(' × '),
        label(e.place),
        span(e.start, e.end),
        e.status,
      ],
    }))),
    table('casualties', ['outcome', 'figure', 'qualifier', 'group', 'scope', 'as of'], doc.casualties.map((c) => ({
      id: c.id, rule: c.rule, cells: [c.outcome, `${c.display} (${c.number_text})`, c.qualifier, c.group, c.scope, c.as_of],
    }))),
    table('ceasefires', ['kind', 'status', 'attempts', 'parties', 'as of'], doc.ceasefires.map((c) => ({
      id: c.id, rule: c.rule, cells: [c.kind, c.status, c.attempts, c.parties.map((p) => label(p) ?? p).join('، '), c.as_of],
    }))),
  ].join('\n');
}

function legend(doc: ExtractionDocument): string {
  const items = REVIEW_TYPES.map((t) => `<li><label><input type="checkbox" checked data-type="${t}"><span class="swatch sw-${t}"></span>${TYPE_LABELS[t]} (${doc[t].length})</label></li>`);
  return `<ul class="legend" aria-label="legend">${items.join('')}</ul>`;
}

/** The article's URL: a link when it is http(s) (html-safety's httpUrl), plain text otherwise. */
function urlHtml(url: string): string {
  const href = httpUrl(url);
  return href === null ? htmlText(url) : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${htmlText(url)}</a>`;
}

/** The review page of one document. */
export function toReviewHtml(doc: ExtractionDocument): string {
  const { article } = doc;
  const names = labels(doc);
  const label = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? id));
  const title = article.title ?? article.id;
  // each value isolated (<bdi>), so one field's direction cannot move the others
  const meta = [
    article.published === null ? null : `<bdi>${htmlText(article.published)}</bdi>`,
    article.outlet === null ? null : `<bdi>${htmlText(article.outlet)}</bdi>`,
    article.agency === null ? null : `<bdi>${htmlText(article.agency.name)}</bdi>`,
    `<bdi class="ltr">${htmlText(article.source)}</bdi>`,
    article.url === null ? null : `<bdi class="ltr">${urlHtml(article.url)}</bdi>`,
  ].filter((x) => x !== null);
  const diagnostics = doc.diagnostics.length === 0
    ? ''
    : `<section class="diagnostics"><h2>Diagnostics</h2><ul>${doc.diagnostics.map((d) => `<li dir="auto"><b>${htmlText(d.severity)}</b> ${htmlText(d.code)}: ${htmlText(d.message)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(article.language)}" dir="${dirOf(article.language)}">
${pageHead({ title: `${title} — review`, style: STYLE, script: SCRIPT })}
<body>
<header class="page">
<nav class="back"><a href="index.html">← index</a></nav>
<h1 dir="auto">${htmlText(title)}</h1>
<p class="meta" dir="auto">${meta.join('')}</p>
${legend(doc)}
</header>
<main class="review">
<article class="article-text" id="article-text" dir="auto">${highlightText(article.text, spansOf(doc), names)}</article>
<div class="records">
${recordTables(doc, label)}
</div>
</main>
${diagnostics}<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** What the index lists for one article. */
export interface ReviewIndexEntry {
  id: string;
  /** the base name of the article's review page, when it is not the id (the CLI makes ids safe as file names) */
  file?: string;
  title: string | null;
  published: string | null;
  language: string;
  source: string;
  counts: Record<ReviewType, number>;
}

export function reviewIndexEntry(doc: ExtractionDocument): ReviewIndexEntry {
  const counts = {} as Record<ReviewType, number>;
  for (const t of REVIEW_TYPES) counts[t] = doc[t].length;
  return { id: doc.article.id, title: doc.article.title, published: doc.article.published, language: doc.article.language, source: doc.article.source, counts };
}

/** One article's row of review/index.html. */
export function reviewIndexRow(e: ReviewIndexEntry): string {
  const href = `${encodeURIComponent(e.file ?? e.id)}.html`;
  return `<tr><td class="id"><a href="${escapeHtml(href)}">${htmlText(e.id)}</a></td><td dir="auto"><a href="${escapeHtml(href)}">${htmlText(e.title ?? '')}</a></td><td class="nowrap">${htmlText(e.published ?? '')}</td>${REVIEW_TYPES.map((t) => `<td>${e.counts[t]}</td>`).join('')}<td class="ltr">${htmlText(e.source)}</td></tr>\n`;
}

/** The index's style: the pages' own and the stories section's (one style, one hash in the CSP). */
const INDEX_STYLE = STYLE + STORIES_STYLE;

/** What comes before the rows of review/index.html: the page's language is the articles' when they share one. */
export function reviewIndexHead(languages: ReadonlySet<string>, count: number): string {
  const only = languages.size === 1 ? [...languages][0]! : null;
  const lang = only ?? 'en';
  const dir = only === null ? 'ltr' : dirOf(only);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
${pageHead({ title: 'conflict-events review', style: INDEX_STYLE, script: null })}
<body>
<header class="page" dir="ltr"><h1>conflict-events review</h1><p class="meta">${count} articles</p></header>
${STORIES_SLOT}
<main class="index">
<table>
<thead><tr><th>id</th><th>title</th><th>published</th>${REVIEW_TYPES.map((t) => `<th><span class="swatch sw-${t}"></span> ${TYPE_LABELS[t]}</th>`).join('')}<th>source</th></tr></thead>
<tbody>
`;
}

export const REVIEW_INDEX_FOOT = `</tbody>
</table>
</main>
</body>
</html>
`;

/**
 * review/index.html: every article with its record counts, in input order (the order of the CSV
 * rows). The CLI streams the same parts (head, rows, foot) so the index costs no memory per article.
 */
export function toReviewIndexHtml(entries: readonly ReviewIndexEntry[]): string {
  return reviewIndexHead(new Set(entries.map((e) => e.language)), entries.length) + entries.map(reviewIndexRow).join('') + REVIEW_INDEX_FOOT;
}

