/** Bytes → text, refusing binary and invalid UTF-8 instead of silently inserting U+FFFD. */
import { inputError, type InputError } from './input-errors.ts';

const BOM = '\uFEFF';

function isValidUtf8Prefix(bytes: Uint8Array, length: number): boolean {
  try {
    // stream: true accepts a character cut off at the end, so only real errors throw
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
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

export type Decoded = { text: string; error?: undefined } | { text?: undefined; error: InputError };

/**
 * Decode UTF-8 strictly and strip a leading BOM. `firstLine` is the line number of bytes[0]
 * (a JSONL line passes its own number).
 */
export function decodeUtf8(bytes: Uint8Array, firstLine = 1): Decoded {
  const lineBase = firstLine - 1;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (bytes[i] === 0x0a) line++;
    return { error: inputError('binary_file', 'contains NUL bytes: a binary file, not text', lineBase + line) };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: inputError('invalid_utf8', 'is not valid UTF-8 (save it as UTF-8)', lineBase + lineOfFirstInvalidByte(bytes)) };
  }
  return { text: text.startsWith(BOM) ? text.slice(1) : text };
}

/** V8's JSON.parse message without the position part (the caller reports the line). */
export function jsonErrorMessage(message: string): string {
  return message.replace(/\s*\(line \d+ column \d+\)/u, '').replace(/\s*in JSON at position \d+/u, '');
}
