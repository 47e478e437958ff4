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

describe('speakers no lexicon knows, and conjoined speakers', () => {
  const who = (text: string) => {
    const d = run(text);
    return d.statements.map((s) => ({ speaker: d.actors.find((a) => a.id === s.speaker) ?? null, text: s.speaker_text, via: d.actors.find((a) => a.id === s.via)?.name_native ?? null }));
  };

  it.each([
    ['وقالت مصادر طبية إن 12 شخصا قتلوا.', 'مصادر طبية', 'population'],
    ['وأفاد شهود عيان بأن الطائرات قصفت السوق.', 'شهود عيان', 'population'],
    ['وقال مسؤول أمني إن الطريق أغلق.', 'مسؤول أمني', 'government'],
    ['وأكدت لجنة الإغاثة المحلية أن المساعدات وصلت.', 'لجنة الإغاثة المحلية', 'organization'],
  ])('%s → %s', (text, speaker, kind) => {
    const [s] = who(text);
    expect(s?.text).toBe(speaker);
    expect(s?.speaker).toMatchObject({ kind, name_native: speaker, rule: 'actors:subject-of-reporting-verb' });
    expect(s!.speaker!.mentions[0]).toEqual({ start: text.indexOf(speaker), end: text.indexOf(speaker) + speaker.length, text: speaker });
  });

  it.each([
    'ولم تذكر السلطات العدد المحدد للقتلى.', // negated: nothing was said
    'منذ أعلنت الحكومة الحرب على الفصائل.', // a subordinate verb, not a reporting clause
    'الجيش يعلن بدء هجوم واسع', // a headline: the word after the verb is its object
  ])('no speaker phrase in %s', (text) => {
    expect(run(text).actors.filter((a) => a.rule === 'actors:subject-of-reporting-verb')).toEqual([]);
  });

  it('each conjoined subject is a speaker of the clause', () => {
    const names = who('ودعت كل من فرنسا وبريطانيا وإيطاليا إلى وقف فوري للقتال.').map((s) => s.speaker?.country);
    expect(names.sort()).toEqual(['FRA', 'GBR', 'ITA']);
  });

  it('a channel named with a word after it still only relays', () => {
    const [s] = who('ونقلت وكالة فرانس برس للأنباء عن الشرطة قولها إن السجناء فروا.');
    expect(s?.text).toBe('الشرطة');
    expect(s?.via).not.toBeNull();
  });
});
