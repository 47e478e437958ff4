import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

function statements(text: string) {
  const d = run(text);
  const who = (id: string | null) => d.actors.find((a) => a.id === id)?.name_native ?? null;
  return d.statements.map((s) => ({ speaker: who(s.speaker), via: who(s.via), to: who(s.addressee), verb: s.verb, kind: s.kind, stance: s.stance, date: s.date, content: s.content, quotes: s.quotes }));
}

describe('statements', () => {
  it('verb then speaker, complementizer, date in the clause', () => {
    expect(statements('قال وزير الخارجية السوداني كمال عثمان السبت إن الهدنة صامدة.')).toEqual([
      { speaker: 'كمال عثمان', via: null, to: null, verb: 'قال', kind: 'indirect', stance: 'asserts', date: '2020-10-31', content: 'إن الهدنة صامدة', quotes: [] },
    ]);
  });

  it('direct quotation in «»', () => {
    const [s] = statements('وأكد وزير الدفاع السوري كمال عثمان: «لن نتراجع».');
    expect(s).toMatchObject({ kind: 'direct', quotes: ['لن نتراجع'], stance: 'asserts' });
  });

  it('mixed quotation', () => {
    const [s] = statements('وقال وزير الدفاع السوري كمال عثمان إن قواته "ستواصل القتال" في المدينة.');
    expect(s).toMatchObject({ kind: 'mixed', quotes: ['ستواصل القتال'] });
  });

  it('a relayed statement: نقلت X عن Y قوله', () => {
    const [s] = statements('ونقلت وكالة رويترز عن وزير الدفاع السوري كمال عثمان قوله إن الهجوم فشل.');
    expect(s).toMatchObject({ speaker: 'كمال عثمان', verb: 'قوله', content: 'إن الهجوم فشل' });
    expect(s!.via).not.toBeNull();
  });

  it('the speaker continues through أضاف and a participle', () => {
    const out = statements('قال وزير الدفاع السوري كمال عثمان إن الهجوم فشل. وأضاف أن القوات تقدمت، مؤكدا أن المدينة آمنة.');
    expect(out.map((s) => [s.speaker, s.verb])).toEqual([
      ['كمال عثمان', 'قال'],
      ['كمال عثمان', 'أضاف'],
      ['كمال عثمان', 'مؤكدا'],
    ]);
  });

  it.each([
    ['اتهم وزير الدفاع السوري كمال عثمان المعارضة بخرق الهدنة.', 'accuses'],
    ['نفى وزير الدفاع السوري كمال عثمان هذه الاتهامات.', 'denies'],
    ['طالب وزير الدفاع السوري كمال عثمان بانسحاب القوات.', 'demands'],
    ['هدد وزير الدفاع السوري كمال عثمان بالرد.', 'threatens'],
  ])('%s → %s', (text, stance) => {
    expect(statements(text)[0]?.stance).toBe(stance);
  });

  it('the addressee of a letter', () => {
    const [s] = statements('وطلب وزير الدفاع السوري كمال عثمان في رسالة إلى وزير الخارجية الليبي سالم عمر تسليم الأسرى.');
    expect(s).toMatchObject({ to: 'سالم عمر', content: 'تسليم الأسرى' });
  });

  it.each([['قال إن الوضع صعب.'], ['السبب الرئيسي هو الحرب.'], ['وصل الوزير إلى المدينة.']])('%s has no attributable statement', (text) => {
    expect(statements(text)).toEqual([]);
  });

  it('the one asked, before a comma, is the addressee of a demand', () => {
    const [s] = statements('طلب وزير الخارجية التركي مولود جاويش أوغلو نظيره الروسي سيرغي لافروف، إرسال تحذير إلى يريفان.');
    expect(s).toMatchObject({ stance: 'demands', content: 'إرسال تحذير إلى يريفان' });
    expect(s!.to).toBe('سيرغي لافروف');
  });
});
