/**
 * The unit of work sent to a worker thread: a batch of input items in, one result per item out, in
 * the same order. Everything here is pure and plain data, so it runs the same in a worker or in the
 * main thread (--jobs 1) — which is why the output does not depend on the number of threads.
 */
import type { Extractor } from '../pipeline.ts';
import type { InputItem } from './inputs.ts';
import { renderDocument, type FailureRecord, type OutputFormat, type RenderedDocument } from './output.ts';
import { countRecords, describeError, type RecordCounts } from './report.ts';

export type ItemResult =
  | { kind: 'document'; rendered: RenderedDocument; records: RecordCounts; /** about the input, said before the document is written */ warning?: string }
  | { kind: 'failure'; failure: FailureRecord };

export interface BatchOptions {
  formats: ReadonlySet<OutputFormat>;
  debug: boolean;
}

export function extractItem(extractor: Extractor, item: InputItem, options: BatchOptions): ItemResult {
  if (item.error) {
    return { kind: 'failure', failure: { source: item.source, line: item.error.line ?? null, code: item.error.code, message: item.error.message } };
  }
  try {
    const doc = extractor.extract(item.input, { source: item.source, fallbackId: item.fallbackId });
    const result: ItemResult = { kind: 'document', rendered: renderDocument(doc, options.formats), records: countRecords(doc) };
    if (item.warning !== undefined) result.warning = item.warning;
    return result;
  } catch (err) {
    // One article's failure is that article's error, never the end of the batch.
    const message = `extraction failed: ${describeError(err, options.debug)}`;
    return { kind: 'failure', failure: { source: item.source, line: null, code: 'extraction_failed', message } };
  }
}

export function extractBatch(extractor: Extractor, items: readonly InputItem[], options: BatchOptions): ItemResult[] {
  return items.map((item) => extractItem(extractor, item, options));
}
