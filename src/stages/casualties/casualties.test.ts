import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';
import { bounds } from './casualties.ts';

const cas = (text: string) =>
  run(text).casualties.map((c) => ({ outcome: c.outcome, number_text: c.number_text, qualifier: c.qualifier, low: c.low, best: c.best, high: c.high, group: c.group }));

describe('casualty figures', () => {
  it.each([
    ['وأسفرت المعارك عن سقوط أكثر من 1250 قتيلاً.', 'killed', 'أكثر من 1250', 'more_than', 1250, 1250, null, 'all'],
    ['قتل 5 مدنيين في القصف.', 'killed', '5', 'exact', 5, 5, 5, 'civilians'],
    ['أعلن الجيش مقتل جندي في الهجوم.', 'killed', 'جندي', 'exact', 1, 1, 1, 'security_forces'],
    ['أعلن الجيش مقتل جنديين في الهجوم.', 'killed', 'جنديين', 'exact', 2, 2, 2, 'security_forces'],
    ['أسفر الهجوم عن إصابة 12 شخصا.', 'injured', '12', 'exact', 12, 12, 12, 'all'],
    ['سقط ما لا يقل عن 40 قتيلا في الغارة.', 'killed', 'ما لا يقل عن 40', 'at_least', 40, 40, null, 'all'],
    ['خلف القصف نحو 300 جريح.', 'injured', 'نحو 300', 'about', null, 300, null, 'all'],
    ['أدى القتال إلى نزوح عشرات الآلاف من السكان.', 'displaced', 'عشرات الآلاف', 'vague', 10000, 10000, null, 'all'],
    ['قتل بين 10 و15 مسلحا.', 'killed', 'بين 10 و15', 'range', 10, 10, 15, 'combatants'],
    ['ارتفعت حصيلة القتلى إلى 40.', 'killed', '40', 'exact', 40, 40, 40, 'all'],
    ['اعتقلت الشرطة ثلاثة أشخاص.', 'detained', 'ثلاثة', 'exact', 3, 3, 3, 'all'],
  ])('%s', (text, outcome, numberText, qualifier, low, best, high, group) => {
    expect(cas(text)).toEqual([{ outcome, number_text: numberText, qualifier, low, best, high, group }]);
  });

  it.each([
    ['قال الرئيس إن 3 وزراء سيزورون المدينة.'],
    ['استمر الاجتماع 5 ساعات.'],
    ['قتل الوقت في انتظار الحافلة.'],
    ['وقع الهجوم في 27 سبتمبر.'],
  ])('%s has no casualty', (text) => {
    expect(cas(text)).toEqual([]);
  });

  it('links a subset to its total', () => {
    const d = run('قتل 20 شخصا بينهم 5 أطفال في القصف.');
    expect(d.casualties.map((c) => [c.best, c.group, c.subset_of])).toEqual([
      [20, 'all', null],
      [5, 'children', d.casualties[0]!.id],
    ]);
  });

  it('reads partial and may-be-higher cues', () => {
    const c = run('وقتل 30 شخصا بحسب حصيلة أولية قد ترتفع.').casualties[0]!;
    expect(c).toMatchObject({ partial: true, may_be_higher: true });
    expect(c.evidence.map((e) => e.text)).toContain('بحسب حصيلة أولية');
  });

  it.each([
    [12, null, 'exact', '12'],
    [1250, null, 'more_than', '1,250+'],
    [40, null, 'about', '~40'],
    [10, 15, 'range', '10–15'],
  ] as const)('displays %s', (v, h, q, display) => {
    expect(bounds(v, h, q).display).toBe(display);
  });
});
