/**
 * The toll of an article's main event, per outcome: the most complete total the article gives for
 * it. Rules (the shared README of stories-en and the codebook's number rules):
 * - the main event is the one the headline and lead report: figures there are its totals (a record
 *   counts as there when any of its mentions is: "Nine killed" in the title merged with "nine had
 *   been killed" in the body);
 * - not subsets (a figure with subset_of), not attackers unless counted in a total, no zero;
 * - of several totals in the headline and lead, the highest (the most complete: "at least 10 others"
 *   beside "her" is already a total of 11 when the stage made it one; a later, higher update wins);
 * - a newer, higher total for the same victims later in the article wins over the headline's: a
 *   figure of the same outcome and kind of victims a little above it ("more than 100" in the lead,
 *   "at least 104 bodies" below; "dozens" and then 45) — not one far above, which is another event's
 *   ("nine killed" in Berlin, 86 in Nice), nor one of an event dated days before the article;
 * - where the lead gives none, the next paragraphs (a lead often gives the dead, the next the wounded),
 *   then — when the headline gives the toll in another outcome — the body's highest figure that is
 *   not background (an event dated days before): its most complete total ("40 hospitalised", then
 *   "316 people were injured");
 * - a running total since a date (the toll of the conflict the article reports) where nothing else.
 */
import type { Casualty, ExtractionDocument } from '../schema/index.ts';
import { TOLL_OUTCOMES, type TollOutcome, type TollPoint } from '../schema/stories.ts';
import { inHeadline, leadEnd } from './lead.ts';

/** The publication time a toll point carries: the timestamp where there is one, else the day. */
export function publishedOf(doc: ExtractionDocument): string | null {
  return doc.article.published_at ?? doc.article.published;
}

/** The figure a record stands for: its low, or its best where the words leave low open ("nearly 40"). */
const valueOf = (c: Casualty): number => c.low ?? c.best ?? 0;

function counts(c: Casualty, outcome: TollOutcome): boolean {
  return c.outcome === outcome && valueOf(c) > 0 && c.subset_of === null && c.group !== 'attackers';
}

/** Paragraphs after the lead that may give a figure the lead has not: "Another 25 were wounded". */
const FOLLOWING_PARAGRAPHS = 2;
/** An exact figure at most this much above the headline's can be its update; a vague word's (dozens, hundreds) up to ten times. */
const UPDATE_RATIO = 1.5;
const VAGUE_UPDATE_RATIO = 10;
/** An event that started more than this many days before the article is background, not the news. */
const BACKGROUND_DAYS = 2;

/** Whether a record has a mention before `end` in the text, or in the title. */
function mentionedBefore(c: Casualty, end: number): boolean {
  return c.evidence.some((e) => inHeadline(e, end));
}

function highest(casualties: readonly Casualty[], outcome: TollOutcome, end: number): Casualty | null {
  let chosen: Casualty | null = null;
  for (const c of casualties) {
    if (!counts(c, outcome) || !mentionedBefore(c, end)) continue;
    if (chosen === null || valueOf(c) > valueOf(chosen)) chosen = c;
  }
  return chosen;
}

/**
 * Records of events the article dates days before its own day: earlier attacks given as background
 * (an event of the record starting then, or a date of then in the record's paragraph: "in August,
 * five UN workers were killed"). A running total's "since" date is no such date.
 */
function backgroundRecords(doc: ExtractionDocument): Set<string> {
  const day = doc.article.published;
  const out = new Set<string>();
  if (day === null) return out;
  const limit = Date.parse(`${day}T00:00:00Z`) - BACKGROUND_DAYS * 86_400_000;
  const before = (iso: string | null): boolean => iso !== null && Date.parse(`${iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-28` : iso}T00:00:00Z`) < limit;
  for (const e of doc.events) {
    if (!before(e.start)) continue;
    for (const id of e.casualties) out.add(id);
  }
  const { text } = doc.article;
  const earlier = doc.dates.filter((d) => d.kind !== 'since' && d.evidence[0]!.field !== 'title' && before(d.end ?? d.start)).map((d) => d.evidence[0]!.start);
  if (earlier.length === 0) return out;
  for (const c of doc.casualties) {
    const e = c.evidence[0]!;
    if (e.field === 'title') continue;
    const from = text.lastIndexOf('\n', e.start) + 1;
    const nl = text.indexOf('\n', e.end);
    const to = nl < 0 ? text.length : nl;
    if (earlier.some((at) => at >= from && at < to)) out.add(c.id);
  }
  return out;
}

/** A later, higher total for the same victims as the headline's `chosen`: the highest such update. */
function update(doc: ExtractionDocument, outcome: TollOutcome, chosen: Casualty, background: ReadonlySet<string>): Casualty {
  // an exact count is complete ("Four tourists were killed"); an open one ("at least", "more than", "dozens") awaits a higher one
  if (chosen.high !== null) return chosen;
  const base = valueOf(chosen);
  const ratio = chosen.qualifier === 'vague' ? VAGUE_UPDATE_RATIO : UPDATE_RATIO;
  let best = chosen;
  for (const c of doc.casualties) {
    if (!counts(c, outcome) || background.has(c.id) || c.scope !== chosen.scope) continue;
    // a total of the same victims or of everyone: not a count of one kind of victims beside a total of people
    if (c.group !== chosen.group && c.group !== 'all') continue;
    const v = valueOf(c);
    if (v > valueOf(best) && v <= base * ratio) best = c;
  }
  return best;
}

/** The highest figure of an outcome in the body that is not background. */
function highestInBody(doc: ExtractionDocument, outcome: TollOutcome, background: ReadonlySet<string>): Casualty | null {
  let chosen: Casualty | null = null;
  for (const c of doc.casualties) {
    if (!counts(c, outcome) || background.has(c.id) || c.scope !== 'event') continue;
    if (chosen === null || valueOf(c) > valueOf(chosen)) chosen = c;
  }
  return chosen;
}

/** Toll points of one document: at most one per outcome. */
export function articleToll(doc: ExtractionDocument): TollPoint[] {
  const lead = leadEnd(doc.article.text);
  const next = leadEnd(doc.article.text, 1 + FOLLOWING_PARAGRAPHS);
  const actorName = new Map(doc.actors.map((a) => [a.id, a.name]));
  const background = backgroundRecords(doc);
  const points: TollPoint[] = [];
  // the body's figures only for an article whose headline gives the main event's toll in another outcome
  const reported = TOLL_OUTCOMES.some((o) => highest(doc.casualties, o, lead) !== null);
  for (const outcome of TOLL_OUTCOMES) {
    let chosen = highest(doc.casualties, outcome, lead);
    if (chosen !== null) chosen = update(doc, outcome, chosen, background);
    chosen ??= highest(doc.casualties, outcome, next);
    // a running total of the conflict the article reports ("more than 1,250 killed since 27 September")
    chosen ??= highest(doc.casualties.filter((c) => c.scope === 'cumulative'), outcome, Infinity);
    if (reported) chosen ??= highestInBody(doc, outcome, background);
    if (chosen === null) continue;
    points.push({
      article_id: doc.article.id,
      published: publishedOf(doc),
      outcome,
      low: chosen.low,
      best: chosen.best,
      high: chosen.high,
      qualifier: chosen.qualifier,
      display: chosen.display,
      claimant: chosen.claimant === null ? null : (actorName.get(chosen.claimant) ?? null),
      casualty_id: chosen.id,
      evidence_text: chosen.evidence[0]!.text,
    });
  }
  return points;
}
