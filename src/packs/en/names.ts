/**
 * English proper names: a name is capitalised, so a run of capitalised words is a name candidate
 * whether or not a lexicon knows it. The run keeps what English writes inside a name: hyphenated
 * parts ("Ban Ki-moon", "Nagorno-Karabakh"), lower-case particles between capitalised words
 * ("Osama bin Laden", "Mohammed al-Assad"), initials ("George W. Bush") and a possessive that a
 * capitalised word follows ("King's Cross"); it stops at any other punctuation, a line end or a
 * possessive that ends it ("Bhutto's supporters" → "Bhutto"). Which runs are people, places or
 * bodies is decided by the mentions stage from context, not here.
 */
import type { NameRun } from '../pack.ts';
import type { Token } from '../../core/tokens.ts';

/**
 * Participles and nouns that make a hyphenated compound an adjective of what follows, not part of a
 * name: "Saudi-led coalition", "Iran-backed rebels", "US-based group", "Kabul-born writer" (general
 * knowledge of English compound adjectives in news copy).
 */
const COMPOUND_ADJECTIVES = new Set(['led', 'backed', 'based', 'born', 'owned', 'run', 'controlled', 'held', 'allied', 'aligned', 'linked', 'affiliated', 'funded', 'supported', 'sponsored', 'brokered', 'mediated', 'inspired', 'dominated', 'occupied', 'annexed', 'administered', 'style', 'era', 'made', 'bound', 'wide']);

/** Lower-case words that may sit between two capitalised words of one name (general knowledge of name particles). */
const PARTICLES = new Set(['bin', 'ibn', 'bint', 'al', 'el', 'ul', 'ud', 'abu', 'de', 'del', 'della', 'der', 'di', 'da', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ben', 'ould', 'y', 'e']);

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase());
}

/** Whether the original text at a span starts with a capital letter (or a digit: "M23"). */
export function capitalised(original: string, start: number, _end: number): boolean {
  const c = original.charCodeAt(start);
  return isUpper(c) || (c >= 48 && c <= 57);
}

export function englishNameRuns(original: string, tokens: readonly Token[], toOriginal: (folded: number) => number): NameRun[] {
  const runs: NameRun[] = [];
  const startOf = (t: Token): number => toOriginal(t.start);
  const endOf = (t: Token): number => toOriginal(t.end - 1) + 1;
  const cap = (t: Token): boolean => isUpper(original.charCodeAt(startOf(t)));
  let i = 0;
  while (i < tokens.length) {
    if (!cap(tokens[i]!)) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    while (k < tokens.length) {
      const prev = tokens[k - 1]!;
      const t = tokens[k]!;
      const gap = original.slice(endOf(prev), startOf(t));
      if (gap === '-' || gap === '\u2010' || gap === '\u2011') {
        // "Saudi-led": the compound describes what follows; the name ends before it
        if (!cap(t) && COMPOUND_ADJECTIVES.has(t.text)) break;
        // "Ki-moon", "al-Assad", "Nagorno-Karabakh": a hyphenated part belongs to the name
        last = k++;
        continue;
      }
      if ((gap === "'" || gap === '\u2019') && t.text === 's') {
        // "King's Cross" continues; "Bhutto's supporters" ends the name before the possessive
        const next = tokens[k + 1];
        if (next && original.slice(endOf(t), startOf(next)) === ' ' && cap(next)) {
          last = k + 1;
          k += 2;
          continue;
        }
        break;
      }
      if ((gap === "'" || gap === '\u2019') && cap(t)) {
        // "O'Brien", "N'Djamena"
        last = k++;
        continue;
      }
      // "George W. Bush": a one-letter initial and its full stop
      const initial = gap === '. ' && prev.text.length === 1 && cap(prev) && cap(t);
      if (gap !== ' ' && !initial) break;
      if (cap(t)) {
        last = k++;
        continue;
      }
      // "Osama bin Laden": a particle between capitalised words
      const after = tokens[k + 1];
      if (PARTICLES.has(t.text) && after && cap(after) && /^[ -]$/u.test(original.slice(endOf(t), startOf(after)))) {
        last = k + 1;
        k += 2;
        continue;
      }
      break;
    }
    runs.push({ first: i, last });
    i = last + 1;
  }
  return runs;
}
