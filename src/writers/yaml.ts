/**
 * YAML writer for the (JSON-shaped) document. The `yaml` package's Document model took ~7 ms per
 * article — longer than extraction itself — so documents are emitted directly: block mappings and
 * sequences, and scalars written so YAML 1.2 *and* YAML 1.1 readers (PyYAML, Psych) read back the
 * same value:
 * - a string is plain only when it starts with a letter, holds only letters, marks, digits, spaces
 *   and a few harmless marks, and is no YAML 1.1 keyword (yes, no, on, off, y, n, true, null …);
 * - a multi-line string is a literal block (`|-`, `|+`) when every character is printable;
 * - anything else is double-quoted with JSON escapes, plus \x escapes for characters JSON leaves
 *   raw but YAML may not (DEL, C1 controls, U+2028/U+2029, which YAML 1.1 reads as line breaks).
 * No anchors, aliases or tags are ever written. The tests parse the output back with the `yaml`
 * package in both 1.2 and 1.1 modes.
 */
import type { ExtractionDocument } from '../schema/index.ts';

/** Words YAML 1.1 reads as booleans or null (compared lower-case). */
const YAML11_WORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);

// letters first; then letters, marks, digits, spaces, and . _ - ، ؛ ( ) / that never start YAML syntax mid-string
const PLAIN = /^\p{L}[\p{L}\p{M}\p{N} ._\u060C\u061B()/-]*$/u;
// printable in YAML (no C0 but tab/newline, no DEL, no C1, no U+2028/2029/FEFF, no lone surrogates)
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF]|\p{Cs}/u;

function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007F-\u009F\u2028\u2029\uFEFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * PLAIN as a table over the code units (bit 1: may start a plain string, bit 2: may follow), so
 * every string of every document is not run through a Unicode-property pattern. Built on first use
 * (threads that write no YAML never pay its ~10 ms), with one global match over all BMP code units.
 */
let plainUnits: Uint8Array | null = null;
function plainTable(): Uint8Array {
  if (plainUnits) return plainUnits;
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 32 : c;
  const all = Buffer.from(units.buffer).toString('utf16le');
  const table = new Uint8Array(0x10000);
  for (const m of all.matchAll(/\p{L}/gu)) table[m.index!] = 1;
  for (const m of all.matchAll(/[\p{L}\p{M}\p{N} ._\u060C\u061B()/-]/gu)) table[m.index!] = table[m.index!]! | 2;
  for (let c = 0xd800; c <= 0xdfff; c++) table[c] = 0;
  plainUnits = table;
  return table;
}

/** PLAIN.test(s), with no trailing space and no run of two spaces. */
export function isPlain(s: string): boolean {
  if (s.length === 0) return false;
  const table = plainTable();
  let prev = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // astral characters (surrogate pairs): the pattern decides
    if (c >= 0xd800 && c <= 0xdfff) return PLAIN.test(s) && !s.endsWith(' ') && !s.includes('  ');
    if ((table[c]! & (i === 0 ? 1 : 2)) === 0 || (c === 32 && prev === 32)) return false;
    prev = c;
  }
  return prev !== 32;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : quoted(String(v));
  const s = String(v);
  if (isPlain(s) && !(s.length <= 5 && YAML11_WORDS.has(s.toLowerCase()))) return s;
  return quoted(s);
}

/** Mapping keys are the schema's field names: each is written once per process, not once per record. */
const KEYS = new Map<string, string>();
function keyScalar(k: string): string {
  let out = KEYS.get(k);
  if (out === undefined) {
    out = scalar(k);
    if (KEYS.size < 10_000) KEYS.set(k, out);
  }
  return out;
}

function literalBlock(s: string, indent: string): string[] | null {
  // the first line sets the block's indentation: it must start with a visible character
  if (!s.includes('\n') || s.includes('\r') || NEEDS_ESCAPE.test(s) || /^[ \t\n]/u.test(s) || s.endsWith('\n\n')) return null;
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const header = s.endsWith('\n') ? '|' : '|-';
  return [header, ...body.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`))];
}

function isBlock(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return v.length > 0;
  if (v === null || typeof v !== 'object') return false;
  for (const _ in v) return true;
  return false;
}

function inline(v: unknown): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  return scalar(v);
}

function writeValue(prefix: string, v: unknown, indent: string, out: string[]): void {
  if (typeof v === 'string') {
    const block = literalBlock(v, `${indent}  `);
    if (block) {
      out.push(`${prefix} ${block[0]}`, ...block.slice(1));
      return;
    }
  }
  if (!isBlock(v)) {
    out.push(`${prefix} ${inline(v)}`);
    return;
  }
  out.push(prefix);
  if (Array.isArray(v)) writeSequence(v, `${indent}  `, out);
  else writeMapping(v, `${indent}  `, out);
}

function writeMapping(obj: Record<string, unknown>, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const v = obj[k];
    if (v === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    writeValue(`${lead}${keyScalar(k)}:`, v, indent, out);
  }
}

function writeSequence(items: unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (isBlock(item) && !Array.isArray(item)) writeMapping(item, `${indent}  `, out, `${indent}- `);
    else writeValue(`${indent}-`, item, indent, out);
  }
}

export function toYaml(doc: ExtractionDocument): string {
  const out: string[] = [];
  writeMapping(doc as unknown as Record<string, unknown>, '', out);
  return `${out.join('\n')}\n`;
}
