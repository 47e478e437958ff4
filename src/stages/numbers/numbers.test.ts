import { describe, expect, it } from 'vitest';
import { loadPack } from '../../packs/pack.ts';
import { SourceText } from '../../core/source-text.ts';
import { tokenize } from '../../core/tokens.ts';
import { figureAt } from './numbers.ts';

const pack = loadPack('ar');
function figure(text: string) {
  const s = new SourceText(text);
  const tokens = tokenize(s.folded);
  const f = figureAt(pack, s.folded, tokens, 0);
  return f && { value: f.value, high: f.high, qualifier: f.qualifier, text: s.evidence({ start: tokens[f.first]!.start, end: tokens[f.last]!.end }).text };
}

describe('figures', () => {
  it.each([
    ['1250 قتيلا', 1250, null, 'exact', '1250'],
    ['1,250 قتيلا', 1250, null, 'exact', '1,250'],
    ['1.250 قتيلا', 1250, null, 'exact', '1.250'],
    ['١٢٥٠ قتيلا', 1250, null, 'exact', '١٢٥٠'],
    ['أكثر من 1250 قتيلا', 1250, null, 'more_than', 'أكثر من 1250'],
    ['ما لا يقل عن 40 شخصا', 40, null, 'at_least', 'ما لا يقل عن 40'],
    ['نحو 300 جريح', 300, null, 'about', 'نحو 300'],
    ['حوالي خمسين مدنيا', 50, null, 'about', 'حوالي خمسين'],
    ['قرابة 200 نازح', 200, null, 'at_most', 'قرابة 200'],
    ['ثلاثة قتلى', 3, null, 'exact', 'ثلاثة'],
    ['ثلاث محاولات', 3, null, 'exact', 'ثلاث'],
    ['خمسة وعشرين جنديا', 25, null, 'exact', 'خمسة وعشرين'],
    ['مئة شخص', 100, null, 'exact', 'مئة'],
    ['مائة شخص', 100, null, 'exact', 'مائة'],
    ['مئتين من الجرحى', 200, null, 'exact', 'مئتين'],
    ['ألفين نازح', 2000, null, 'exact', 'ألفين'],
    ['ثلاثة آلاف نازح', 3000, null, 'exact', 'ثلاثة آلاف'],
    ['3 آلاف نازح', 3000, null, 'exact', '3 آلاف'],
    ['عشرات القتلى', 10, null, 'vague', 'عشرات'],
    ['مئات الجرحى', 100, null, 'vague', 'مئات'],
    ['بين 10 و15 قتيلا', 10, 15, 'range', 'بين 10 و15'],
    ['10 إلى 15 قتيلا', 10, 15, 'range', '10 إلى 15'],
    ['10-15 قتيلا', 10, 15, 'range', '10-15'],
  ])('%s → %s', (text, value, high, qualifier, written) => {
    expect(figure(text)).toEqual({ value, high, qualifier, text: written });
  });

  it.each([['قال الرئيس'], ['أكثر من مرة'], ['مئات'.slice(0, 2)], ['نحو الحدود']])('%s is no figure', (text) => {
    expect(figure(text)).toBeNull();
  });
});
