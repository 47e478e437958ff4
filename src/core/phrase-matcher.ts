/**
 * One-pass phrase matcher over word tokens. Lexicon phrases are folded once and indexed by their
 * first word; at each token the matcher tries the word as written and with its proclitics removed
 * (و ف then ب ك ل, and ل+ال written لل), never stripping blindly: a stripped reading is only
 * accepted when the lexicon knows the remaining word, so وزير stays وزير.
 */
import { foldKey } from './source-text.ts';
import { pinnedWord, wordOf, type Token, type Word } from './tokens.ts';

export interface PhraseMatch<T> {
  values: readonly T[];
  /** the folded phrase matched */
  key: string;
  /** token range [first, last] inclusive */
  first: number;
  last: number;
  /** folded offsets of the match, proclitics excluded */
  start: number;
  end: number;
  /** the proclitic letters stripped from the first word ('' when none) */
  proclitic: string;
}

interface Entry<T> {
  key: string;
  values: T[];
}

/**
 * A trie over the words of the phrases after their first: one map lookup per word of text read, by
 * Word (one object per spelling while an article is read), so a lookup is a reference test.
 */
interface Node<T> {
  /** the phrase that ends at this word, if any */
  entry: Entry<T> | null;
  /** the next words after a space */
  next: Map<Word, Node<T>> | null;
  /** the next words joined without a space, as the phrase writes them ("al-qaeda", "king's") */
  tight?: Map<Word, Node<T>>;
}

export interface WordVariant {
  word: string;
  /** the shared Word of `word` */
  w: Word;
  /** code units of the original word before `word` starts (0 when nothing stripped) */
  offset: number;
  proclitic: string;
}

/** The readings of a folded word with its proclitics removed, most literal first. */
export function wordVariants(word: string): Array<Omit<WordVariant, 'w'>> {
  const out: Array<Omit<WordVariant, 'w'>> = [{ word, offset: 0, proclitic: '' }];
  const bases: Array<Omit<WordVariant, 'w'>> = [out[0]!];
  const c0 = word[0];
  if ((c0 === 'و' || c0 === 'ف') && word.length > 2) {
    const v = { word: word.slice(1), offset: 1, proclitic: c0 };
    out.push(v);
    bases.push(v);
  }
  for (const b of bases) {
    const w = b.word;
    if (w.length > 3 && w.startsWith('لل')) {
      // لل = ل + ال with the alef dropped: للرئيس → الرئيس
      out.push({ word: 'ال' + w.slice(2), offset: b.offset, proclitic: b.proclitic + 'ل' });
      out.push({ word: w.slice(1), offset: b.offset + 1, proclitic: b.proclitic + 'ل' });
    } else if ((w[0] === 'ب' || w[0] === 'ك' || w[0] === 'ل') && w.length > 2) {
      out.push({ word: w.slice(1), offset: b.offset + 1, proclitic: b.proclitic + w[0] });
    }
  }
  return out;
}

/** Every matcher asks for the same word's readings: compute them once per distinct word. */
export function variantsOf(tok: Token): WordVariant[] {
  return readingsOf(tok.word);
}

function readingsOf(w: Word): WordVariant[] {
  if (w.readings === undefined) {
    let blooms = 0;
    w.readings = wordVariants(w.text).map((v) => {
      const word = wordOf(v.word);
      blooms |= word.bloom;
      return { word: word.text, w: word, offset: v.offset, proclitic: v.proclitic };
    });
    w.readingBlooms = blooms;
  }
  return w.readings as WordVariant[];
}

/**
 * The first value of a type among a match's values. A loop, not `values.find(v => v.type === type)`:
 * a closure over a parameter makes every call allocate a context for it, and these run at every token.
 */
export function valueOfType<V extends { type: string }, T extends V['type']>(values: readonly V[] | undefined, type: T): Extract<V, { type: T }> | undefined {
  if (values === undefined) return undefined;
  for (let k = 0; k < values.length; k++) if (values[k]!.type === type) return values[k] as Extract<V, { type: T }>;
  return undefined;
}

/** Whether a match's values include one of a type (see valueOfType). */
export function hasValueOfType<V extends { type: string }>(values: readonly V[] | undefined, type: V['type']): boolean {
  return valueOfType(values, type) !== undefined;
}

/** a character that is not part of a word to the tokenizer (other than the space that joins a phrase's words) */
const NON_WORD = /[^\p{L}\p{M}\p{N} ]/u;
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

let nextMatcherId = 0;

/**
 * Which lexicon matchers have a phrase starting with a word, as a bit set by matcher id on the
 * (pinned) word, `Word.firstBits`: one test per word reading tells every matcher whether it needs to
 * look at all (most words start nothing).
 */
const MAX_FILTERED = 30;
/** Bumped whenever a word's firstBits change, so a word's cached bit set is recomputed after a new matcher is built. */
let generation = 0;

function candidatesOf(w: Word): number {
  if (w.generation !== generation) {
    let bits = 0;
    const readings = readingsOf(w);
    const each = new Array<number>(readings.length);
    for (let r = 0; r < readings.length; r++) {
      each[r] = readings[r]!.w.firstBits;
      bits |= each[r]!;
    }
    w.readingBits = each;
    w.candidates = bits;
    w.generation = generation;
  }
  return w.candidates;
}

export class PhraseMatcher<T> {
  /**
   * first word → the trie of the phrases that start with it. A lexicon matcher (one with memo
   * slots) keeps it on its pinned words instead (`Word.starts[id]`); a short-lived one keeps it here.
   */
  private readonly byFirst = new Map<Word, Node<T>>();
  private readonly byKey = new Map<string, Entry<T>>();
  private size = 0;
  /** OR of the `bloom` bits of byFirst's words: a reading whose bit is not in it starts nothing here */
  private bloom = 0;

  add(phrase: string, value: T): void {
    this.addKey(foldKey(phrase), value);
  }

  /** `add` for a phrase already folded by foldKey. */
  addKey(key: string, value: T): void {
    if (!key) return;
    // a lexicon's words stay the same objects for the life of the process; an article's own
    // matcher's words need only last the article
    // words as the tokenizer cuts them ("al-qaeda", "king's" are two words of text), each marked
    // tight when the phrase joins it to the one before without a space
    const cut = NON_WORD.test(key) ? [...key.matchAll(WORD_RUN)].map((m) => ({ text: m[0], at: m.index })) : null;
    const texts = cut ? cut.map((c) => c.text) : key.split(' ');
    const tight = cut ? cut.map((c, n) => n > 0 && !/^ +$/u.test(key.slice(cut[n - 1]!.at + cut[n - 1]!.text.length, c.at))) : null;
    const words = texts.map((w) => (this.id >= 0 ? pinnedWord(w) : wordOf(w)));
    if (words.length === 0) return;
    const first = words[0]!;
    let node: Node<T> | undefined;
    if (this.id >= 0) {
      if (this.id <= MAX_FILTERED && (first.firstBits & (1 << this.id)) === 0) {
        first.firstBits |= 1 << this.id;
        generation++;
      }
      const starts = (first.starts ??= []);
      node = starts[this.id] as Node<T> | undefined;
      if (!node) {
        node = { entry: null, next: null };
        starts[this.id] = node;
        this.size++;
      }
    } else {
      node = this.byFirst.get(first);
      if (!node) {
        node = { entry: null, next: null };
        this.byFirst.set(first, node);
        this.bloom |= first.bloom;
        this.size++;
      }
    }
    for (let k = 1; k < words.length; k++) {
      const from: Node<T> = node;
      const edges: Map<Word, Node<T>> = tight?.[k] ? (from.tight ??= new Map()) : (from.next ??= new Map());
      let child: Node<T> | undefined = edges.get(words[k]!);
      if (!child) {
        child = { entry: null, next: null };
        edges.set(words[k]!, child);
      }
      node = child;
    }
    let entry = node.entry;
    if (!entry) {
      entry = { key, values: [] };
      node.entry = entry;
      this.byKey.set(key, entry);
    }
    if (!entry.values.includes(value)) entry.values.push(value);
  }

  has(phrase: string): boolean {
    return this.byKey.has(foldKey(phrase));
  }

  /** `has` for a phrase already folded by foldKey (building a pack asks it for thousands of names). */
  hasKey(key: string): boolean {
    return this.byKey.has(key);
  }

  /** slots of this matcher in each token's memo: 2·id with proclitic readings, 2·id + 1 without (-1: no memo) */
  private readonly id: number;

  /**
   * `memo: false` for short-lived matchers (one article's aliases): they must not claim memo slots,
   * and their words are not pinned, so such a matcher is good for the article it was built in only
   * (the word table may start again before the next one).
   */
  constructor(options: { memo?: boolean } = {}) {
    this.id = options.memo === false ? -1 : nextMatcherId++;
  }

  /**
   * Longest match starting at token i, or null; cached on the token. With `clitics` (the default)
   * the word is also read with its proclitics removed; false reads it only as written.
   */
  matchAt(tokens: readonly Token[], i: number, clitics = true): PhraseMatch<T> | null {
    const tok = tokens[i];
    if (!tok) return null;
    // the memo holds matches in the article's token array; a window of it ("و156" read as "156" and
    // the tokens after it) has its own positions, so it is matched afresh
    if (this.id < 0 || tok.index !== i) return this.computeAt(tokens, i, clitics);
    // most words start no phrase of this matcher: one bit test, no cache entry
    if (this.id <= MAX_FILTERED && (candidatesOf(tok.word) & (1 << this.id)) === 0) return null;
    // sized once for every matcher's two slots (growing an empty array slot by slot reallocates it)
    const memo = (tok.memo ??= new Array<unknown>(nextMatcherId * 2));
    const slot = this.id * 2 + (clitics ? 0 : 1);
    const cached = memo[slot] as PhraseMatch<T> | null | undefined;
    if (cached !== undefined) return cached;
    const result = this.computeAt(tokens, i, clitics);
    memo[slot] = result;
    return result;
  }

  private computeAt(tokens: readonly Token[], i: number, clitics: boolean): PhraseMatch<T> | null {
    const tok = tokens[i];
    // an article's own matchers (its aliases) are often still empty
    if (!tok || this.size === 0) return null;
    let best: PhraseMatch<T> | null = null;
    const variants = readingsOf(tok.word);
    // a short-lived matcher: no reading's word has a bit of its first words' filter
    if (this.id < 0 && ((clitics ? tok.word.readingBlooms : tok.word.bloom) & this.bloom) === 0) return null;
    const readings = clitics ? variants.length : 1;
    // a lexicon matcher's bit for each reading (candidatesOf keeps them on the word; matchAt has
    // usually brought them up to date already) says whether it starts a phrase there, without
    // reading that reading's word (most readings of a candidate word start nothing)
    const bit = this.id >= 0 && this.id <= MAX_FILTERED ? 1 << this.id : 0;
    if (bit !== 0) candidatesOf(tok.word);
    const readingBits = tok.word.readingBits;
    for (let r = 0; r < readings; r++) {
      if (bit !== 0 && (readingBits![r]! & bit) === 0) continue;
      const v = variants[r]!;
      const start = (this.id >= 0 ? v.w.starts?.[this.id] : (v.w.bloom & this.bloom) === 0 ? undefined : this.byFirst.get(v.w)) as Node<T> | undefined;
      if (!start) continue;
      let node: Node<T> = start;
      // the longest phrase of this reading: walk the trie while the words go on (spaces between them, or the punctuation the phrase has)
      let found = node.entry;
      let last = i;
      for (let k = i + 1; (node.next !== null || node.tight !== undefined) && k < tokens.length; k++) {
        const t = tokens[k]!;
        // a phrase spans punctuation only where it is written with it ("al-qaeda")
        const child: Node<T> | undefined = t.spaced ? node.next?.get(t.word) : node.tight?.get(t.word);
        if (!child) break;
        node = child;
        if (node.entry) {
          found = node.entry;
          last = k;
        }
      }
      // a later (stripped) reading wins only with a longer phrase
      if (!found || (best && last <= best.last)) continue;
      best = {
        values: found.values,
        key: found.key,
        first: i,
        last,
        start: tok.start + v.offset,
        end: tokens[last]!.end,
        proclitic: v.proclitic,
      };
    }
    return best;
  }

  /** All non-overlapping longest matches, left to right. */
  findAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const m = this.matchAt(tokens, i);
      if (!m) continue;
      out.push(m);
      i = m.last;
    }
    return out;
  }
}
