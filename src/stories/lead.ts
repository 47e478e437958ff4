/**
 * Where an article's headline and lead are: the title and the text up to the end of its first
 * paragraph of body length. Wire copy puts the main event there (who, what, where, how many);
 * later paragraphs add background, earlier events and other figures.
 */
import type { Evidence } from '../schema/index.ts';

/** A paragraph shorter than this is a title, date or credit line, not the lead. */
const LEAD_MIN_CHARS = 80;

/** Offset in article.text where the n-th paragraph of body length ends (exclusive): n = 1 is the lead. */
export function leadEnd(text: string, paragraphs = 1): number {
  let start = 0;
  let seen = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (text.slice(start, end).trim().length >= LEAD_MIN_CHARS && ++seen === paragraphs) return end;
    start = end + 1;
  }
  return text.length;
}

/** Whether a span lies in the title or the lead. */
export function inHeadline(e: Evidence, lead: number): boolean {
  return e.field === 'title' || e.start < lead;
}
