/**
 * Article ids are kept as the user gave them (the document's article.id, every CSV's article_id);
 * only the per-article FILE NAME is made safe. Two articles with one id would be one row key, so
 * the second gets `<id>-2` (then -3 …), in input order, so reruns name them the same. File names
 * are compared without case because macOS and Windows file systems do.
 */
import { createHash } from 'node:crypto';

/** Characters a file name keeps: letters of any script (Arabic too), marks, digits, '.', '_', '-'. */
const UNSAFE_RUN = /[^\p{L}\p{M}\p{N}._-]+/gu;
/** Code points a file name keeps before its hash: with a 9-character hash and '.yaml', under 255 bytes in UTF-8 (≤ 2 bytes each for Arabic). */
const MAX_NAME = 100;

export class UnsafeIdError extends Error {}

/**
 * A file name for an article id: the id itself when it is made only of letters, marks, digits, '.',
 * '_' and '-' (not starting with '.'); else those characters (NFC, other runs as '_') and a short
 * hash of the id, so that different ids keep different names.
 */
export function fileNameFor(id: string): string {
  const nfc = id.normalize('NFC');
  let cleaned = nfc.replace(UNSAFE_RUN, '_').replace(/^[._]+/u, '');
  cleaned = [...cleaned].slice(0, MAX_NAME).join('');
  while (cleaned.endsWith('_')) cleaned = cleaned.slice(0, -1);
  if (cleaned === id && cleaned.length > 0) return cleaned;
  const hash = createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 8);
  return cleaned.length > 0 ? `${cleaned}-${hash}` : `article-${hash}`;
}

export interface AssignedId {
  /** the document's id: the one given, unless an earlier article has it */
  id: string;
  /** the base name of the article's files (json/<file>.json …) */
  file: string;
  /** the source of the earlier article that already had the requested id */
  duplicateOf?: string;
}

/** Names the output uses itself: review/index.html would be overwritten by an article with id "index". */
const RESERVED = ['index'];

export class IdRegistry {
  /** id → the source it was assigned to */
  private readonly takenIds = new Map<string, string>();
  /** lower-cased file name → the file name as assigned (the reserved names first, then input order) */
  private readonly takenFiles = new Map<string, string>(RESERVED.map((r) => [r, r]));

  assign(requested: string, source: string): AssignedId {
    if (requested === '') throw new UnsafeIdError('article id is empty');
    const first = this.takenIds.get(requested);
    let id = requested;
    for (let n = 2; this.takenIds.has(id); n++) id = `${requested}-${n}`;
    this.takenIds.set(id, source);
    const base = fileNameFor(id);
    let file = base;
    for (let n = 2; this.takenFiles.has(file.toLowerCase()); n++) file = `${base}-${n}`;
    this.takenFiles.set(file.toLowerCase(), file);
    return first === undefined ? { id, file } : { id, file, duplicateOf: first };
  }

  /** Whether this exact file name was assigned (the reserved names were not). */
  assigned(file: string): boolean {
    return this.takenFiles.get(file.toLowerCase()) === file && !RESERVED.includes(file);
  }

  /** The file names assigned, in input order. */
  *files(): Iterable<string> {
    let k = 0;
    for (const file of this.takenFiles.values()) if (k++ >= RESERVED.length) yield file;
  }
}
