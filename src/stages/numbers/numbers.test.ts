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
    // digits after a scale word, joined to their conjunction: the rest below the scale
    ['ألف و996 شهيدا', 1996, null, 'exact', 'ألف و996'],
    ['ألفان و500 شخص', 2500, null, 'exact', 'ألفان و500'],
    ['156 ألفًا و573 مصابًا', 156573, null, 'exact', '156 ألفًا و573'],
    ['20 ألفا و170,972 شخصا', 20000, null, 'exact', '20 ألفا'], // the rest is not below the scale: no compound
    ['مئتين من الجرحى', 200, null, 'exact', 'مئتين'],
    ['ألفين نازح', 2000, null, 'exact', 'ألفين'],
    ['ثلاثة آلاف نازح', 3000, null, 'exact', 'ثلاثة آلاف'],
    ['3 آلاف نازح', 3000, null, 'exact', '3 آلاف'],
    ['عشرات القتلى', 10, null, 'vague', 'عشرات'],
    ['مئات الجرحى', 100, null, 'vague', 'مئات'],
    ['بين 10 و15 قتيلا', 10, 15, 'range', 'بين 10 و15'],
    ['10 إلى 15 قتيلا', 10, 15, 'range', '10 إلى 15'],
    ['10-15 قتيلا', 10, 15, 'range', '10-15'],
    // compounds with a free-standing or a joined و
    ['اثنان و خمسون شخصا', 52, null, 'exact', 'اثنان و خمسون'],
    ['مائة و ستون شخصا', 160, null, 'exact', 'مائة و ستون'],
    ['ثلاثة آلاف وخمسمائة نازح', 3500, null, 'exact', 'ثلاثة آلاف وخمسمائة'],
    ['ثلاثة آلاف و خمسمائة و عشرون نازحا', 3520, null, 'exact', 'ثلاثة آلاف و خمسمائة و عشرون'],
    ['ألف و مائتا شخص', 1200, null, 'exact', 'ألف و مائتا'],
    ['ثمانمئة شخص', 800, null, 'exact', 'ثمانمئة'],
    ['ثلاثمائة شخص', 300, null, 'exact', 'ثلاثمائة'],
    ['ما بين عشرة و عشرين قتيلا', 10, 20, 'range', 'ما بين عشرة و عشرين'],
    ['ما بين 10 و 15 قتيلا', 10, 15, 'range', 'ما بين 10 و 15'],
    // dozens
    ['دزينة من الجنود', 12, null, 'exact', 'دزينة'],
    ['ثلاث دزينات', 36, null, 'exact', 'ثلاث دزينات'],
    ['دزينات المدنيين', 12, null, 'vague', 'دزينات'],
    // digit groups
    ['١،٢٣٤،٥٦٧ نازحا', 1234567, null, 'exact', '١،٢٣٤،٥٦٧'],
    ['١٬٢٥٠ قتيلا', 1250, null, 'exact', '١٬٢٥٠'],
    ['1 250 قتيلا', 1250, null, 'exact', '1 250'],
    ['12 345 678 نازحا', 12345678, null, 'exact', '12 345 678'],
    ['1.5 مليون نازح', 1500000, null, 'exact', '1.5 مليون'],
    ['2.5 قتيل', 3, null, 'exact', '2.5'],
  ])('%s → %s', (text, value, high, qualifier, written) => {
    expect(figure(text)).toEqual({ value, high, qualifier, text: written });
  });

  it.each([['قال الرئيس'], ['أكثر من مرة'], ['مئات'.slice(0, 2)], ['نحو الحدود'], ['و خمسون'], ['دزينة'.slice(0, 3)]])('%s is no figure', (text) => {
    expect(figure(text)).toBeNull();
  });

  // where a figure stops: the conjunction is not swallowed when no number part follows it, groups
  // with another separator, of another length or after a four-digit number are separate numbers
  it.each([
    ['خمسة و جرح عشرة', 5, 'خمسة'],
    ['خمسة وجرح عشرة', 5, 'خمسة'],
    ['1,250.000 شخص', 1250, '1,250'],
    ['1 25 شخصا', 1, '1'],
    ['2015 300 قتيل', 2015, '2015'],
    ['1،2 قتيل', 1, '1'],
    ['5، 200 جريح', 5, '5'],
  ])('%s → %s', (text, value, written) => {
    expect(figure(text)).toMatchObject({ value, text: written });
  });
});
