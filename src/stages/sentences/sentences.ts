/**
 * Sentences: split the reported zones (title, subtitle, body) into sentences. A full stop, question
 * or exclamation mark ends a sentence when followed by space or a line end — but not inside a
 * number (1.250), after a one-letter abbreviation (د.) or inside a quotation that continues.
 */
import type { Context, Sentence } from '../../core/context.ts';

// the lookbehind lets a run of stops match only from its first character: linear on "....…"
const END = /(?<![.!?])[.!?]+["'»)]*(?=\s|$)/gu;

/** Spans inside «…» or "…" (closed within a paragraph's reach): a full stop there ends no sentence. */
function quoted(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const close = c === '«' ? '»' : c === '"' ? '"' : null;
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end - i > 600) continue;
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

export function sentenceBreaks(text: string): number[] {
  const cuts: number[] = [];
  const quotes = quoted(text);
  for (const m of text.matchAll(END)) {
    const at = m.index;
    // inside a quotation, unless the stop closes it ("… انتهى الأمر." ثم)
    const cut = at + m[0].length;
    if (quotes.some(([a, b]) => cut > a && cut <= b)) continue;
    // one-letter abbreviation before the stop: "د. محمد", "م. ع"
    const before = text.slice(Math.max(0, at - 3), at);
    if (/(?:^|[\s(])\p{L}$/u.test(before)) continue;
    cuts.push(at + m[0].length);
  }
  return cuts;
}

export function splitSentences(ctx: Context): void {
  const out: Sentence[] = [];
  const folded = ctx.source.folded;
  let line = 0;
  let scanned = 0;
  for (const zone of ctx.zones) {
    if (zone.kind !== 'title' && zone.kind !== 'subtitle' && zone.kind !== 'body') continue;
    // a paragraph is a line of the article; zones cut by a credit inside a line share it
    // paragraphs are the non-empty lines: blank lines between them do not count
    for (let k = folded.indexOf('\n', scanned); k !== -1 && k < zone.span.start; k = folded.indexOf('\n', k + 1)) {
      if (folded.slice(scanned, k).trim() !== '') line++;
      scanned = k + 1;
    }
    const paragraph = line;
    const text = folded.slice(zone.span.start, zone.span.end);
    let start = 0;
    const push = (s: number, e: number) => {
      const lead = text.slice(s, e).length - text.slice(s, e).trimStart().length;
      const trail = text.slice(s, e).length - text.slice(s, e).trimEnd().length;
      if (e - trail > s + lead) out.push({ start: zone.span.start + s + lead, end: zone.span.start + e - trail, paragraph, zone: zone.kind });
    };
    for (const cut of sentenceBreaks(text)) {
      push(start, cut);
      start = cut;
    }
    push(start, text.length);
  }
  ctx.sentences = out;
}
