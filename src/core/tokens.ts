/** Word tokens of the folded text, with folded offsets. */

/**
 * A distinct folded word, shared by every token that spells it: what depends on the spelling alone
 * (its proclitic readings, which matchers a phrase can start with it, its grammar roles) is worked
 * out once per word instead of once per token, and lexicons find their data on the word itself.
 *
 * Identity: while an article is read, one spelling is one Word, so phrase tries and grammar tables
 * compare words by reference. Lexicon words are pinned: they stay the same object for the life of
 * the process and carry the lexicons' data (a word that is not pinned carries none).
 */
export class Word {
  readonly text: string;
  /** proclitic readings (phrase-matcher's WordVariant[]), filled on first use */
  readings: unknown = undefined;
  /** OR of the `bloom` bits of the readings' words, set with `readings` */
  readingBlooms = 0;
  /** bit set of the matchers whose phrases can start at this word (any reading) … */
  candidates = 0;
  /** … and the same per reading (the readings' words' firstBits, in reading order) … */
  readingBits: number[] | undefined = undefined;
  /** … as of this generation of the matchers' first-word index (-1: not yet worked out) */
  generation = -1;
  /** bit set of the lexicon matchers with a phrase whose first word is this one (pinned words) */
  firstBits = 0;
  /** per lexicon matcher id, the trie of its phrases that start with this word (pinned words) */
  starts: unknown[] | undefined = undefined;
  /** per grammar (language pack), the bit set of this word's grammar roles (pinned words) */
  roles: number[] | undefined = undefined;
  pinned = false;
  /** one bit of 32 picked by the spelling's hash: short-lived phrase matchers OR their first words' bits into a filter */
  readonly bloom: number;
  constructor(text: string, hash: number) {
    this.text = text;
    this.bloom = 1 << ((hash >>> 27) & 31);
  }
}

export interface Token {
  /** folded word (the same string as word.text) */
  text: string;
  word: Word;
  start: number;
  end: number;
  /** index in the token array */
  index: number;
  /** true when only spaces (no punctuation, no line break) separate it from the previous token */
  spaced: boolean;
  /**
   * Per-token cache of the phrase matchers (matches starting here): every stage asks about the same
   * words, and the cache goes with the article. A token read as other text gets none (`withText`).
   */
  memo: unknown[] | undefined;
}

/** Tokens are made by one constructor, so every stage sees one object shape. */
class WordToken implements Token {
  text: string;
  word: Word;
  start: number;
  end: number;
  index: number;
  spaced: boolean;
  memo: unknown[] | undefined = undefined;
  constructor(word: Word, start: number, end: number, index: number, spaced: boolean) {
    this.text = word.text;
    this.word = word;
    this.start = start;
    this.end = end;
    this.index = index;
    this.spaced = spaced;
  }
}

/**
 * The words seen so far: an open-addressing hash table over the code units, so the tokenizer finds a
 * word it has met without cutting it out of the text first. Bounded: a long run over many articles
 * meets new spellings (names, typos) forever, so past the limit the table starts again with only
 * the pinned words; the others are rebuilt as they are met. It starts again only between articles
 * (beginArticle), never while one is read, so one spelling is one Word for the whole article.
 */
const MAX_WORDS = 100_000;
let capacity = 1 << 14;
let slots: Array<Word | undefined> = new Array<Word | undefined>(capacity);
let hashes = new Int32Array(capacity);
let size = 0;
/** lexicon words, kept across restarts of the table */
const pinnedWords: Word[] = [];

/** FNV-1a over the code units of s[start, end), never 0. */
function hashOf(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 1;
}

/** The first slot to try for a hash: its low bit is always 1 (hashOf), so the bits above it. */
function homeSlot(h: number, mask: number): number {
  return (h >>> 1) & mask;
}

function place(w: Word, h: number): void {
  const mask = capacity - 1;
  let i = homeSlot(h, mask);
  while (slots[i] !== undefined) i = (i + 1) & mask;
  slots[i] = w;
  hashes[i] = h;
}

function grow(): void {
  const old = slots;
  const oldHashes = hashes;
  capacity *= 2;
  slots = new Array<Word | undefined>(capacity);
  hashes = new Int32Array(capacity);
  for (let i = 0; i < old.length; i++) if (old[i] !== undefined) place(old[i]!, oldHashes[i]!);
}

/** Whether s has the code units of word at start (a loop: words are short, and the builtin call costs more). */
function sameUnits(s: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (s.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The shared Word spelled s[start, end). */
function wordIn(s: string, start: number, end: number): Word {
  return wordHashed(s, start, end, hashOf(s, start, end));
}

/** wordIn with the spelling's hash (hashOf) already worked out. */
function wordHashed(s: string, start: number, end: number, h: number): Word {
  const length = end - start;
  const mask = capacity - 1;
  // an empty slot has hash 0 (a word's is never 0): the hashes alone tell which slots to read
  for (let i = homeSlot(h, mask); ; i = (i + 1) & mask) {
    const hi = hashes[i]!;
    if (hi === 0) break;
    if (hi === h) {
      const w = slots[i]!;
      if (w.text.length === length && sameUnits(s, start, w.text)) return w;
    }
  }
  if ((size + 1) * 2 > capacity) grow();
  // a copy of its own: a slice of an article's text may keep the whole text alive (V8 sliced
  // strings), and the table outlives the article
  const w = new Word(flatCopy(s.slice(start, end)), h);
  place(w, h);
  size++;
  return w;
}

/**
 * Call before an article is read (the pipeline does): past MAX_WORDS, the table starts again with
 * the pinned words. Only here, so every tokenize and wordOf while one article is read (its lines
 * tokenized again, its aliases' words) meets the same Word for the same spelling.
 */
export function beginArticle(): void {
  if (size < MAX_WORDS) return;
  slots = new Array<Word | undefined>(capacity);
  hashes.fill(0);
  size = 0;
  for (const w of pinnedWords) {
    place(w, hashOf(w.text, 0, w.text.length));
    size++;
    // its readings may name words that are gone from the table: read them again
    w.readings = undefined;
    w.generation = -1;
  }
}

/** The shared Word for a folded spelling. */
export function wordOf(text: string): Word {
  return wordIn(text, 0, text.length);
}

/** The Word for a lexicon's folded spelling, kept for the life of the process so it can carry the lexicon's data. */
export function pinnedWord(text: string): Word {
  const w = wordOf(text);
  if (!w.pinned) {
    w.pinned = true;
    pinnedWords.push(w);
  }
  return w;
}

const UTF16LE = 'utf16le';
/** The same code units in a string that shares no storage with the argument (lone surrogates kept; V8 copies slices shorter than 13 code units already). */
function flatCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, UTF16LE).toString(UTF16LE);
}

/** Code units that belong to a word: letters, marks and numbers (\p{L}\p{M}\p{N}), as a lookup table. */
const WORD_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();
const ASTRAL_WORD = /^[\p{L}\p{M}\p{N}]$/u;

/** Length of the word character at i (1 or 2 code units), or 0 when it is not one. */
function wordUnitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return WORD_UNITS[c]!;
  const cp = s.codePointAt(i)!;
  return cp > 0xffff && ASTRAL_WORD.test(String.fromCodePoint(cp)) ? 2 : 0;
}

export function tokenize(folded: string): Token[] {
  const tokens: Token[] = [];
  const n = folded.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    // (wordUnitAt, with the lookup table read in line for the code units outside the surrogates)
    const c0 = folded.charCodeAt(i);
    if (c0 < 0xd800 || c0 > 0xdfff ? WORD_UNITS[c0] === 0 : wordUnitAt(folded, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    // the word's hash (hashOf) as it is read
    let h = 0x811c9dc5 | 0;
    while (i < n) {
      const c = folded.charCodeAt(i);
      if (c < 0xd800 || c > 0xdfff) {
        if (WORD_UNITS[c] === 0) break;
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      } else {
        if (wordUnitAt(folded, i) === 0) break;
        // a word character outside the BMP: both of its code units
        h = Math.imul(Math.imul(h ^ c, 0x01000193) ^ folded.charCodeAt(i + 1), 0x01000193);
        i += 2;
      }
    }
    let spaced = prevEnd >= 0 && start > prevEnd;
    for (let k = prevEnd; spaced && k < start; k++) {
      const c = folded.charCodeAt(k);
      if (c !== 32 && c !== 9) spaced = false;
    }
    const word = wordHashed(folded, start, i, h | 1);
    tokens.push(new WordToken(word, start, i, tokens.length, spaced));
    prevEnd = i;
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

/** The same token read as other text (a conjunction stripped), without the match cache of the original. */
export function withText(t: Token, text: string): Token {
  const word = wordOf(text);
  return new WordToken(word, t.start, t.end, t.index, t.spaced);
}
