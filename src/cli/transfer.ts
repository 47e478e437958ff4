/**
 * A batch's per-article files travel from a worker thread to the writing thread as UTF-8 in one
 * ArrayBuffer that is transferred, not copied. Sent as strings, every document (JSON, YAML, review
 * page: ~80 KB of text per article) was copied into the writing thread's heap, outlived a few
 * collections there while its batch was written, and the heap grew with the length of the run;
 * as bytes outside the heap it is freed when its batch is done, and the writing thread no longer
 * encodes it either: the worker already has.
 */
import type { ItemResult } from './batch.ts';

export interface PackedBatch {
  results: ItemResult[];
  /** every file of the batch, end to end; the results' `files` are views into it */
  buffer: ArrayBuffer;
}

/** Encode the string files of a batch's documents into one buffer; the results then hold views of it. */
export function packBatch(results: ItemResult[]): PackedBatch {
  let total = 0;
  for (const r of results) {
    if (r.kind !== 'document') continue;
    for (const content of Object.values(r.rendered.files)) if (typeof content === 'string') total += Buffer.byteLength(content, 'utf8');
  }
  const buffer = new ArrayBuffer(total);
  const bytes = Buffer.from(buffer);
  let offset = 0;
  for (const r of results) {
    if (r.kind !== 'document') continue;
    const files = r.rendered.files as Record<string, string | Uint8Array>;
    for (const [format, content] of Object.entries(files)) {
      if (typeof content !== 'string') continue;
      const length = bytes.write(content, offset, 'utf8');
      files[format] = new Uint8Array(buffer, offset, length);
      offset += length;
    }
  }
  return { results, buffer };
}
