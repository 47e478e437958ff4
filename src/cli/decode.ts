/**
 * Bytes → text. UTF-8 (with or without BOM) is read strictly; UTF-16 with a BOM and the Arabic
 * single-byte encodings (Windows-1256, ISO-8859-6) are detected with chardet and decoded with
 * iconv-lite. Whatever cannot be read with confidence is an error, never mojibake or U+FFFD.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { inputError, type InputError } from './input-errors.ts';

const BOM = '\uFEFF';

/** Encodings a file may be decoded from, by their iconv-lite names. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';

/** The single-byte encodings tried when a file is not UTF-8, in fallback order. */
const LEGACY: readonly TextEncoding[] = ['windows-1256', 'iso-8859-6'];

/** chardet's names (and the charset labels pages declare) for the encodings we accept. */
const ALIASES: Readonly<Record<string, TextEncoding>> = {
  'windows-1256': 'windows-1256',
  'cp1256': 'windows-1256',
  'x-cp1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6',
  'iso_8859-6': 'iso-8859-6',
  'iso8859-6': 'iso-8859-6',
  'arabic': 'iso-8859-6',
  'asmo-708': 'iso-8859-6',
};

export function encodingFromLabel(label: string): TextEncoding | undefined {
  return ALIASES[label.trim().toLowerCase()];
}

function isValidUtf8Prefix(bytes: Uint8Array, length: number): boolean {
  try {
    // stream: true accepts a character cut off at the end, so only real errors throw
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether bytes (perhaps cut mid-character at the end, as a sample is) are valid UTF-8. */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  return isValidUtf8Prefix(bytes, bytes.length);
}

/** 1-based line of the first invalid byte: the longest valid prefix, found by bisection. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (isValidUtf8Prefix(bytes, mid)) lo = mid;
    else hi = mid - 1;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few bad bytes: at least half of the
 * bytes above ASCII form valid UTF-8 sequences. Arabic in Windows-1256 or ISO-8859-6 forms almost
 * none (its letters are all lead bytes, which a letter, not a continuation byte, follows).
 */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      valid += n;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return valid > 0 && valid >= invalid;
}

/** Length of the well-formed UTF-8 sequence (2–4 bytes) starting at i, or 0 (RFC 3629: no overlongs, no surrogates). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Where bytes that are valid UTF-8 up to a character cut off at the very end stop being whole, or null. */
function truncatedUtf8(bytes: Uint8Array): number | null {
  if (!isUtf8Prefix(bytes)) return null;
  // a cut character is at most 3 bytes: the lead byte is among the last 3
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if (b >= 0xc0) return bytes.length - k;
  }
  return null;
}

export type Decoded =
  | { text: string; encoding: TextEncoding; error?: undefined; warning?: string }
  | { text?: undefined; encoding?: undefined; error: InputError };

/** The encoding a byte order mark announces, and the BOM's length. */
export function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function binaryError(bytes: Uint8Array, nul: number, lineBase: number): Decoded {
  let line = 1;
  for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
  return { error: inputError('binary_file', 'contains NUL bytes: a binary file, not text', lineBase + line) };
}

/**
 * Decode UTF-8 strictly and strip a leading BOM. `firstLine` is the line number of bytes[0]
 * (a JSONL line passes its own number).
 */
export function decodeUtf8(bytes: Uint8Array, firstLine = 1): Decoded {
  const lineBase = firstLine - 1;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return binaryError(bytes, nul, lineBase);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: inputError('invalid_utf8', 'is not valid UTF-8 (save it as UTF-8)', lineBase + lineOfFirstInvalidByte(bytes)) };
  }
  return { text: text.startsWith(BOM) ? text.slice(1) : text, encoding: 'utf-8' };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
const ARABIC_LETTER = /(?=\p{L})\p{Script=Arabic}/u;
/** C0 controls other than tab, newline, form feed and carriage return; C1 controls; U+FFFD. */
const IMPOSSIBLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/u;

/**
 * How plausible a decoding is as (mostly) Arabic text, or null when it is not: no control or
 * replacement characters, an Arabic word, and Arabic letters making up at least 80% of the letters
 * outside ASCII. The score favours the definite article ال, which the wrong Arabic code page
 * garbles (Windows-1256 read as ISO-8859-6 turns ل into ف).
 */
export function arabicScore(text: string): number | null {
  if (IMPOSSIBLE.test(text)) return null;
  let arabic = 0;
  let otherNonAscii = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (ARABIC_LETTER.test(ch)) arabic++;
    else if (/\p{L}|\p{M}/u.test(ch)) otherNonAscii++;
  }
  if (!/(?:(?=\p{L})\p{Script=Arabic}){2}/u.test(text)) return null;
  if (arabic < 0.8 * (arabic + otherNonAscii)) return null;
  const articles = text.match(/(?<![\p{L}\p{M}])ال/gu)?.length ?? 0;
  return arabic - 4 * otherNonAscii + 3 * articles;
}

/**
 * The legacy encoding bytes (without NULs, not UTF-8) read best in, or null. Candidates: the
 * declared charset, chardet's guesses that are on the allow-list, then the Arabic code pages —
 * chardet often names Hebrew or Latin-1 for short Arabic text, so its guess is never taken alone.
 */
export function detectLegacyEncoding(bytes: Uint8Array, declared?: TextEncoding): { encoding: TextEncoding; text: string } | null {
  const sample = bytes.subarray(0, 64 * 1024);
  const guesses = chardet.analyse(sample).map((m) => encodingFromLabel(m.name)).filter((e): e is TextEncoding => e !== undefined);
  const candidates = [...new Set([...(declared && LEGACY.includes(declared) ? [declared] : []), ...guesses, ...LEGACY])];
  // A tie (a few words, all read as letters either way) goes to the declared charset, else to
  // Windows-1256, by far the more common of the two.
  const rank = (e: TextEncoding): number => (e === declared ? 0 : e === 'windows-1256' ? 1 : 2);
  let best: { encoding: TextEncoding; text: string; score: number } | null = null;
  for (const encoding of candidates) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
    const score = arabicScore(text);
    if (score === null) continue;
    if (best === null || score > best.score || (score === best.score && rank(encoding) < rank(best.encoding))) best = { encoding, text, score };
  }
  return best && { encoding: best.encoding, text: best.text };
}

export interface DecodeOptions {
  /** the charset a page declares (<meta charset>), tried first when the bytes are not UTF-8 */
  declared?: string | undefined;
}

/**
 * Decode a whole file: a BOM decides; else strict UTF-8; else the best Arabic legacy encoding;
 * else an `undecodable` error naming the line of the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bomOf(bytes);
  if (bom && bom.encoding !== 'utf-8') {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(bom.length), bom.encoding, { stripBOM: false });
    if (text.includes('\uFFFD') || text.includes('\u0000') || LONE_SURROGATE.test(text)) {
      return { error: inputError('undecodable', `starts with a ${bom.encoding.toUpperCase()} byte order mark but is not valid ${bom.encoding.toUpperCase()}`) };
    }
    return { text, encoding: bom.encoding };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8.error?.code !== 'invalid_utf8') return utf8;
  if (mostlyUtf8(bytes)) {
    // UTF-8 with a flaw: read as a code page it would be mojibake that passes for Arabic
    const cut = truncatedUtf8(bytes);
    if (cut !== null) {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, cut));
      const dropped = bytes.length - cut;
      return {
        text: text.startsWith(BOM) ? text.slice(1) : text,
        encoding: 'utf-8',
        warning: `ends in the middle of a UTF-8 character (the file was cut short?): its last ${dropped} ${dropped === 1 ? 'byte is' : 'bytes are'} left out`,
      };
    }
    return { error: inputError('invalid_utf8', 'is UTF-8 but has an invalid byte on this line (fix or remove it, then save as UTF-8)', utf8.error.line) };
  }
  const declared = options.declared === undefined ? undefined : encodingFromLabel(options.declared);
  const legacy = detectLegacyEncoding(bytes, declared);
  if (legacy) return legacy;
  return {
    error: inputError(
      'undecodable',
      'cannot be decoded: not UTF-8 (first invalid byte on this line), and not Arabic text in Windows-1256, ISO-8859-6 or UTF-16 with a BOM (save it as UTF-8)',
      utf8.error.line,
    ),
  };
}

/**
 * Decode a stream of chunks from a single encoding incrementally (characters cut across chunks
 * are kept whole; a BOM is dropped).
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** V8's JSON.parse message without the position part (the caller reports the line). */
export function jsonErrorMessage(message: string): string {
  // (fixed-prefix patterns: a leading \s* would make them quadratic on a message full of spaces)
  return message.replace(/\(line \d+ column \d+\)/u, '').replace(/in JSON at position \d+/u, '').trimEnd();
}
