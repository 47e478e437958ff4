/**
 * The toll of a story over time as a step chart: an inline SVG made here (no library, no network),
 * drawn with presentation attributes only (no style attributes: the pages' CSP allows no inline
 * style but the page's own), every value escaped and its bidi controls shown as [RLO] tokens
 * (html-safety.ts: SVG text cannot hold the visible-token spans). One line per outcome: the figure holds from the
 * article that gives it to the next article's figure; each point is a circle whose <title> says
 * the figure, the article and the words it was read from.
 */
import type { Story, TollOutcome, TollPoint } from '../schema/stories.ts';
import { escapeHtml, htmlAttribute } from './html-safety.ts';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 48, right: 16, top: 14, bottom: 34 };

export const OUTCOME_COLOURS: Readonly<Record<TollOutcome, string>> = {
  killed: '#c0392b',
  injured: '#e67e22',
  missing: '#7f8c8d',
};

const timeOf = (p: TollPoint): number => Date.parse(p.published!.length === 10 ? `${p.published}T12:00:00Z` : p.published!);

/** "2016-12-19 20:00" from a timestamp, the day from a day. */
function label(ms: number, hasTime: boolean): string {
  const iso = new Date(ms).toISOString();
  return hasTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

const round = (x: number): string => (Math.round(x * 10) / 10).toString();

/** The figure a point is drawn at: its low (UCDP low, the conservative count). */
const valueOf = (p: TollPoint): number => p.low ?? p.best ?? 0;

/** The SVG of a story's series, or '' when it has no dated point. */
export function tollChartSvg(story: Story): string {
  const points = story.series.filter((p) => p.published !== null && p.low !== null);
  if (points.length === 0) return '';
  const times = points.map(timeOf);
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t1 === t0) {
    t0 -= 1_800_000;
    t1 += 1_800_000;
  }
  const max = Math.max(1, ...points.map(valueOf));
  const hasTime = points.some((p) => p.published!.length > 10);
  const x = (t: number): number => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number): number => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const parts: string[] = [];
  const base = HEIGHT - PAD.bottom;
  parts.push(`<line class="axis" x1="${PAD.left}" y1="${base}" x2="${WIDTH - PAD.right}" y2="${base}" stroke="#999" stroke-width="1"/>`);
  parts.push(`<line class="axis" x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${base}" stroke="#999" stroke-width="1"/>`);
  parts.push(`<text x="${PAD.left - 6}" y="${round(y(max) + 4)}" text-anchor="end" font-size="11" fill="#555">${max}</text>`);
  parts.push(`<text x="${PAD.left - 6}" y="${base + 4}" text-anchor="end" font-size="11" fill="#555">0</text>`);
  parts.push(`<text x="${PAD.left}" y="${HEIGHT - 10}" font-size="11" fill="#555">${escapeHtml(label(t0, hasTime))}</text>`);
  parts.push(`<text x="${WIDTH - PAD.right}" y="${HEIGHT - 10}" text-anchor="end" font-size="11" fill="#555">${escapeHtml(label(t1, hasTime))}</text>`);
  const outcomes = [...new Set(points.map((p) => p.outcome))];
  for (const outcome of outcomes) {
    const colour = OUTCOME_COLOURS[outcome];
    const mine = points.filter((p) => p.outcome === outcome);
    // a step: the figure holds until the next one (where two points share a time, the later in the series wins)
    let d = '';
    mine.forEach((p, i) => {
      const px = round(x(timeOf(p)));
      const py = round(y(valueOf(p)));
      d += i === 0 ? `M${px} ${py}` : ` H${px} V${py}`;
    });
    d += ` H${WIDTH - PAD.right}`;
    parts.push(`<path class="step step-${outcome}" data-outcome="${outcome}" d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    for (const p of mine) {
      const tip = `${outcome} ${p.display} · ${p.published} · ${p.article_id}${p.claimant ? ` · ${p.claimant}` : ''} · “${p.evidence_text}”`;
      parts.push(`<circle class="point" data-outcome="${outcome}" data-article="${htmlAttribute(p.article_id)}" data-low="${valueOf(p)}" cx="${round(x(timeOf(p)))}" cy="${round(y(valueOf(p)))}" r="4" fill="${colour}"><title>${htmlAttribute(tip)}</title></circle>`);
    }
  }
  const legend = outcomes.map((o, i) => `<g transform="translate(${PAD.left + 10 + i * 90} ${PAD.top - 2})"><rect width="10" height="10" y="-9" fill="${OUTCOME_COLOURS[o]}"/><text x="14" font-size="11" fill="#333">${o}</text></g>`).join('');
  return `<svg class="toll-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(`toll of ${story.id} over time`)}">${parts.join('')}${legend}</svg>`;
}
