/** JSON writer: the validated document as pretty-printed JSON, newline-terminated for diff-friendly files. */
import type { ExtractionDocument } from '../schema/index.ts';

export function toJson(doc: ExtractionDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
