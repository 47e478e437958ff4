/**
 * The toll of an article's main event, per outcome: the most complete total the article gives for
 * it. Rules (the shared README of stories-en and the codebook's number rules):
 * - the main event is the one the headline and lead report: figures there are its totals;
 * - not subsets (a figure with subset_of), not attackers unless counted in a total, no zero;
 * - of several totals in the headline and lead, the highest (the most complete: "at least 10 others"
 *   beside "her" is already a total of 11 when the stage made it one; a later, higher update wins);
 * - where the lead gives none, the next paragraphs (a lead often gives the dead, the next the wounded);
 * - nothing else from the body, where background figures of earlier and other events live, except a
 *   cumulative toll (a running total since a date: the toll of the conflict the article reports).
 */
import type { Casualty, ExtractionDocument } from '../schema/index.ts';
import { TOLL_OUTCOMES, type TollOutcome, type TollPoint } from '../schema/stories.ts';
import { inHeadline, leadEnd } from './lead.ts';

/** The publication time a toll point carries: the timestamp where there is one, else the day. */
export function publishedOf(doc: ExtractionDocument): string | null {
  return doc.article.published_at ?? doc.article.published;
}

function counts(c: Casualty, outcome: TollOutcome): boolean {
  return c.outcome === outcome && c.low !== null && c.low > 0 && c.subset_of === null && c.group !== 'attackers';
}

/** Paragraphs after the lead that may give a figure the lead has not: "Another 25 were wounded". */
const FOLLOWING_PARAGRAPHS = 2;

function highest(casualties: readonly Casualty[], outcome: TollOutcome, end: number): Casualty | null {
  let chosen: Casualty | null = null;
  for (const c of casualties) {
    if (!counts(c, outcome) || !inHeadline(c.evidence[0]!, end)) continue;
    if (chosen === null || c.low! > chosen.low!) chosen = c;
  }
  return chosen;
}

/** Toll points of one document: at most one per outcome. */
export function articleToll(doc: ExtractionDocument): TollPoint[] {
  const lead = leadEnd(doc.article.text);
  const next = leadEnd(doc.article.text, 1 + FOLLOWING_PARAGRAPHS);
  const actorName = new Map(doc.actors.map((a) => [a.id, a.name]));
  const points: TollPoint[] = [];
  for (const outcome of TOLL_OUTCOMES) {
    let chosen = highest(doc.casualties, outcome, lead);
    chosen ??= highest(doc.casualties, outcome, next);
    // a running total of the conflict the article reports ("more than 1,250 killed since 27 September")
    chosen ??= highest(doc.casualties.filter((c) => c.scope === 'cumulative'), outcome, Infinity);
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
