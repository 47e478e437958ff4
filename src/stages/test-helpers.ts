/** Helpers for stage tests: extract a short Arabic text with a known publication date. */
import { expect } from 'vitest';
import { extract, type ExtractionDocument } from '../index.ts';

export function run(body: string, published: string | null = '2020-11-01'): ExtractionDocument {
  const doc = extract({ text: body, title: '', published }, { source: 'test', fallbackId: 'test' });
  for (const table of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires'] as const) {
    for (const r of doc[table]) for (const e of r.evidence) expect(body.slice(e.start, e.end)).toBe(e.text);
  }
  return doc;
}

/** The same for English: a body paragraph under a one-line title, lang given. */
export function runEn(body: string, published: string | null = '2016-12-20'): ExtractionDocument {
  const doc = extract({ text: body, title: 'Title', published, lang: 'en' }, { source: 'test', fallbackId: 'test' });
  for (const table of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires'] as const) {
    for (const r of doc[table]) for (const e of r.evidence) expect(body.slice(e.start, e.end)).toBe(e.text);
  }
  return doc;
}
