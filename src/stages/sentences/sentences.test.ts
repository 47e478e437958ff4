import { describe, expect, it } from 'vitest';
import { foldText } from '../../core/source-text.ts';
import { sentenceBreaks } from './sentences.ts';

const split = (text: string) => {
  const out: string[] = [];
  let start = 0;
  // the stage splits the folded text (Arabic punctuation folded to its Latin counterpart)
  for (const cut of [...sentenceBreaks(foldText(text).folded), text.length]) {
    const piece = text.slice(start, cut).trim();
    if (piece) out.push(piece);
    start = cut;
  }
  return out;
};

describe('sentence breaks', () => {
  it.each([
    ['قال الرئيس إن الهدنة صامدة. وأضاف أن المفاوضات مستمرة.', ['قال الرئيس إن الهدنة صامدة.', 'وأضاف أن المفاوضات مستمرة.']],
    ['هل انتهت الحرب؟ لا أحد يعرف!', ['هل انتهت الحرب؟', 'لا أحد يعرف!']],
    ['قال: "انتهى الأمر." ثم غادر.', ['قال: "انتهى الأمر."', 'ثم غادر.']],
  ])('%s', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    ['قتل 1.250 شخصا في المعارك'],
    ['قال د. محمد إن الوضع خطير'],
    ['بلغت الحصيلة 3.5 مليون نازح'],
  ])('%s stays one sentence', (text) => {
    expect(split(text)).toEqual([text]);
  });
});
