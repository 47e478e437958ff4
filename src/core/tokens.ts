/** Word tokens of the folded text, with folded offsets. */
export interface Token {
  /** folded word */
  text: string;
  start: number;
  end: number;
  /** index in the token array */
  index: number;
  /** true when only spaces (no punctuation, no line break) separate it from the previous token */
  spaced: boolean;
  /**
   * Per-token caches of the phrase matchers (matches starting here, and the word's proclitic
   * readings): every stage asks about the same words, and the cache goes with the article.
   * A token copied with other text must not carry it over (`{ ...t, text, memo: undefined }`).
   */
  memo?: unknown[];
  readings?: unknown;
  /** bit set of the matchers whose phrases can start at this word (any reading) */
  candidates?: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = -1;
  for (const m of folded.matchAll(WORD)) {
    const start = m.index;
    let spaced = prevEnd >= 0 && start > prevEnd;
    for (let k = prevEnd; spaced && k < start; k++) {
      const c = folded.charCodeAt(k);
      if (c !== 32 && c !== 9) spaced = false;
    }
    tokens.push({ text: m[0], start, end: start + m[0].length, index: tokens.length, spaced });
    prevEnd = start + m[0].length;
  }
  return tokens;
}

/** Index of the first token whose start is >= offset (tokens.length when none). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token whose end is <= offset (-1 when none). */
export function tokenBefore(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The same token read as other text (a conjunction stripped), without the caches of the original. */
export function withText(t: Token, text: string): Token {
  return { text, start: t.start, end: t.end, index: t.index, spaced: t.spaced };
}
