import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SourceText, foldKey, foldText } from './source-text.ts';

describe('SourceText folding keeps offsets', () => {
  it.each([
    ['أكثر من ١٢٥٠ قتيلاً', 'اكثر من 1250 قتيلا'],
    ['إلهام علييف', 'الهام علييف'],
    ['مستشفى', 'مستشفي'],
    ['الحكومــــة', 'الحكومه'],
    ['“قال”', '"قال"'],
    ['\u200fباكو', 'باكو'],
  ])('%s folds to %s', (input, folded) => {
    expect(new SourceText(input).folded).toBe(folded);
  });

  it('maps a folded span back to the original, tanwin included', () => {
    const s = new SourceText('سقوط أكثر من 1250 قتيلاً، لكن');
    const at = s.folded.indexOf('اكثر');
    const end = s.folded.indexOf('قتيلا') + 'قتيلا'.length;
    expect(s.evidence({ start: at, end })).toEqual({ start: 5, end: 24, text: 'أكثر من 1250 قتيلاً' });
  });

  it('does not fold letters that are not variants (negative cases)', () => {
    expect(foldKey('وزير')).toBe('وزير');
    expect(new SourceText('ظ ض ذ').folded).toBe('ظ ض ذ');
  });

  it('every folded span maps to an original slice (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), fc.nat(), (text, a, b) => {
        const s = new SourceText(text);
        const start = Math.min(a, b) % (s.folded.length + 1);
        const end = Math.max(a, b) % (s.folded.length + 1);
        const [lo, hi] = start <= end ? [start, end] : [end, start];
        const ev = s.evidence({ start: lo, end: hi });
        expect(text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.start).toBeLessThanOrEqual(ev.end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldText scratch arrays', () => {
  it('keeps lone surrogates and folds texts of any length the same way', () => {
    expect(foldText('أ\uD800ب\uDC00').folded).toBe('ا\uD800ب\uDC00');
    const long = 'إِ'.repeat(5000);
    const f = foldText(long);
    expect(f.folded).toBe('ا'.repeat(5000));
    expect(f.map.length).toBe(5001);
    expect(f.map[4999]).toBe(9998);
    // a short text after a long one is not polluted by what the scratch held
    expect(foldText('ةى').folded).toBe('هي');
    expect([...foldText('ةى').map]).toEqual([0, 1, 2]);
  });
});

describe('foldKey', () => {
  it('folds, squeezes and trims in one pass exactly as folding then squeezing would', () => {
    const reference = (s: string): string => foldText(s.normalize('NFC')).folded.replace(/\s+/gu, ' ').trim();
    expect(foldKey('  الرئيس\u00A0 \u200Bإلهام\n\tعلييف  ')).toBe('الرييس الهام علييف');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), fc.array(fc.constantFrom('أ', ' ', '\u00A0', '\u200B', 'ـ', 'ة', '\n', 'x', 'َ'), { maxLength: 30 }).map((a) => a.join(''))), (s) => {
        expect(foldKey(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});
