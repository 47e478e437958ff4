/**
 * Property tests: for arbitrary Unicode (Arabic, mixed scripts, combining marks, astral
 * characters), extraction never throws, the document validates, and every evidence span slices
 * article.text exactly (validateDocument checks both; the explicit loop says it again).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, validateDocument } from '../src/index.ts';

const arabicWords = ['قال', 'الرئيس', 'الأذربيجاني', 'إلهام', 'علييف', 'الأحد', 'منذ', '27', 'سبتمبر/ أيلول', 'أكثر من', '1250', 'قتيلاً', 'هدنة', 'إنسانية', 'فشلت', 'ثلاث', 'محاولات', 'باكو', 'في', '«', '»', '"', '(فرانس برس)', '\n', '،', '.', 'ـــ', 'ً', '١٢٣', 'بين', 'و15', 'مقتل', 'جنديين', 'اتهم', 'القوات', 'الروسية'];
const arabicText = fc.array(fc.constantFrom(...arabicWords), { maxLength: 60 }).map((w) => w.join(' '));
const anyText = fc.oneof(arabicText, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.tuple(arabicText, fc.string({ unit: 'grapheme' })).map(([a, b]) => a + b + a));

describe('extraction on arbitrary input', () => {
  it('never throws, validates, and every span slices the text', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('2020-11-01', '2024-02-29', 'garbage')), (text, published) => {
        const doc = extract({ text, published }, { source: 'prop', fallbackId: 'prop' });
        validateDocument(doc);
        const t = doc.article.text;
        for (const table of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires'] as const) {
          for (const r of doc[table]) for (const e of r.evidence) expect(t.slice(e.start, e.end)).toBe(e.text);
        }
      }),
      { numRuns: 400 },
    );
  });
});
