/**
 * SourceText: the article as given plus a folded copy for matching, with an alignment map back to
 * the original (HuggingFace tokenizers' NormalizedString idea). Matching happens on `folded`; every
 * span found there is turned back into original offsets with `toOriginal` before it leaves a stage.
 */
import type { Evidence } from '../schema/index.ts';

export interface Span {
  start: number;
  end: number;
}

// Arabic diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks), tatweel, and the
// invisible format characters that news sites sprinkle into text (bidi marks, zero-width joiners).
const DROPPED = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF\u00AD]/u;

const FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ئ': 'ي', 'ی': 'ي', 'ي': 'ي',
  'ؤ': 'و',
  'ة': 'ه',
  'ک': 'ك', 'گ': 'ك',
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"',
  '‘': "'", '’': "'", '‚': "'", '′': "'",
  '٫': '.', '٬': ',',
  // Arabic punctuation read as its Latin counterpart, so stage patterns name one comma, one question mark
  '،': ',', '؟': '?', '؛': ';',
  '\u00A0': ' ', '\u2007': ' ', '\u202F': ' ', '\u2009': ' ', '\u200A': ' ', '\u3000': ' ',
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits → ASCII
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  const folded = FOLDS[ch];
  if (folded !== undefined) return folded;
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
  return ch;
}

export interface FoldedText {
  folded: string;
  /** map[i] = offset in the original of folded[i]; map[folded.length] = original length */
  map: Int32Array;
}

/** Code units dropped by folding (diacritics, tatweel, invisible format characters), as a lookup table. */
const DROPPED_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (DROPPED.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/** Folded code unit for each BMP code unit (0 = unchanged), precomputed from foldChar. */
const FOLDED_UNITS = (() => {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0xd800; c++) {
    const f = foldChar(String.fromCharCode(c));
    if (f.length === 1 && f.charCodeAt(0) !== c) table[c] = f.charCodeAt(0);
  }
  return table;
})();

/**
 * Scratch arrays for folding, reused from call to call: a typed array is memory outside the JS heap,
 * slow to allocate and counted against the collector, and folding runs once per article and per
 * name recorded. Texts longer than SCRATCH_LIMIT get arrays of their own, so the scratch stays small.
 */
const SCRATCH_LIMIT = 1 << 20;
let scratchUnits = new Uint16Array(4096);
let scratchMap = new Int32Array(4097);

function scratchFor(n: number): { units: Uint16Array; map: Int32Array } {
  if (n <= scratchUnits.length) return { units: scratchUnits, map: scratchMap };
  const units = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  if (n <= SCRATCH_LIMIT) {
    scratchUnits = units;
    scratchMap = map;
  }
  return { units, map };
}

/** The folded code unit for an original one, or -1 when folding drops it. */
function foldedUnit(code: number): number {
  if (DROPPED_UNITS[code] === 1) return -1;
  const folded = FOLDED_UNITS[code]!;
  return folded === 0 ? code : folded;
}

/** The first k code units back to a string in one native call (lone surrogates pass through unchanged). */
function unitsToString(units: Uint16Array, k: number): string {
  return Buffer.from(units.buffer, units.byteOffset, k * 2).toString('utf16le');
}

/** Fold text for matching; one folded code unit per kept original code unit (dropped ones vanish). */
export function foldText(original: string): FoldedText {
  const n = original.length;
  const { units, map } = scratchFor(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    // surrogate pairs are kept as they are, one map entry per code unit
    const unit = foldedUnit(original.charCodeAt(i));
    if (unit < 0) continue;
    units[k] = unit;
    map[k++] = i;
  }
  map[k] = n;
  return { folded: unitsToString(units, k), map: map.slice(0, k + 1) };
}

/** Fold a lexicon entry the same way the text is folded, and squeeze its spaces. */
export function foldKey(s: string): string {
  // foldText(s.normalize('NFC')).folded with runs of white space as one space, trimmed — in one
  // pass without the offset map (stages fold names this way for every mention they record)
  const text = s.normalize('NFC');
  const { units } = scratchFor(text.length);
  let k = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const unit = foldedUnit(text.charCodeAt(i));
    if (unit < 0) continue;
    if (SPACE_UNITS[unit] === 1) {
      space = k > 0;
      continue;
    }
    if (space) {
      units[k++] = 32;
      space = false;
    }
    units[k++] = unit;
  }
  return unitsToString(units, k);
}

/** Code units that are white space to \s (the folded ones included), as a lookup table. */
const SPACE_UNITS = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/u.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/** Harakat and tanwin (U+064B–U+065F), the dagger alef (U+0670) and tatweel (U+0640): marks that belong to the letter before them. */
function isTrailingMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

export class SourceText {
  readonly original: string;
  readonly folded: string;
  private readonly map: Int32Array;

  constructor(original: string) {
    this.original = original;
    const f = foldText(original);
    this.folded = f.folded;
    this.map = f.map;
  }

  /** Original offsets of a folded span [start, end). */
  toOriginal(span: Span): Span {
    const start = this.map[span.start] ?? this.original.length;
    // end: just after the last kept character of the span (trailing dropped marks stay outside)
    const end = span.end > span.start ? (this.map[span.end - 1] ?? this.original.length - 1) + 1 : start;
    return { start, end: this.extendOverMarks(end) };
  }

  /** Original offset of the folded character at `folded` (toOriginal's start, without building spans). */
  originalStart(folded: number): number {
    return this.map[folded] ?? this.original.length;
  }

  /** Diacritics right after a letter belong to it: include them so the evidence reads naturally. */
  private extendOverMarks(end: number): number {
    let e = end;
    while (e < this.original.length && isTrailingMark(this.original.charCodeAt(e))) e++;
    return e;
  }

  /** Evidence for a folded span: original offsets and the original text. */
  evidence(span: Span): Evidence {
    const o = this.toOriginal(span);
    return { start: o.start, end: o.end, text: this.original.slice(o.start, o.end) };
  }

  /** Evidence for a span already in original offsets. */
  evidenceOriginal(span: Span): Evidence {
    return { start: span.start, end: span.end, text: this.original.slice(span.start, span.end) };
  }

  /** Folded offset of an original offset (first folded char at or after it). */
  toFolded(originalOffset: number): number {
    let lo = 0;
    let hi = this.map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.map[mid] ?? 0) < originalOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
