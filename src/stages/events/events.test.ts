import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

function events(text: string) {
  const d = run(text);
  const name = (id: string | null) => d.actors.find((a) => a.id === id)?.name ?? d.places.find((p) => p.id === id)?.name ?? null;
  return d.events.map((e) => ({ category: e.category, acled: e.acled_sub_event_type, status: e.status, actor1: name(e.actor1), place: name(e.place), start: e.start, civ: e.civilian_targeting, claimed: name(e.claimed_by) }));
}

describe('events', () => {
  it('an armed clash between two named sides, dated', () => {
    expect(events('اندلعت السبت اشتباكات بين القوات الروسية والقوات الأوكرانية في خاركيف.')).toEqual([
      { category: 'fight', acled: 'armed_clash', status: 'occurred', actor1: 'Russian armed forces', place: 'Kharkiv', start: '2020-10-31', civ: false, claimed: null },
    ]);
  });

  it('an air strike', () => {
    const [e] = events('شنت القوات الإسرائيلية غارة جوية على خان يونس أمس.');
    expect(e).toMatchObject({ category: 'assault', acled: 'air_drone_strike', place: 'Khan Yunis', start: '2020-10-31' });
  });

  it('an alleged attack on civilians, claimed by the accuser', () => {
    const [e] = events('واتهمت الحكومة السودانية قوات الدعم السريع بقصف الأحياء السكنية في الفاشر.');
    expect(e).toMatchObject({ status: 'alleged', civ: true, claimed: 'Sudanese government', place: 'El Fasher' });
  });

  it('a planned visit', () => {
    const [e] = events('ومن المقرر أن يزور وزير الخارجية التركي بغداد الأسبوع المقبل.');
    expect(e).toMatchObject({ category: 'consult', status: 'planned', place: 'Baghdad', start: '2020-11-02' });
  });

  it('ongoing fighting since a date', () => {
    const [e] = events('وتتواصل المعارك منذ 15 أبريل في الخرطوم.');
    expect(e).toMatchObject({ category: 'fight', status: 'ongoing', start: '2020-04-15', place: 'Khartoum' });
  });

  it.each([
    ['وحذر من أن المعارك قد تمتد إذا فشلت المفاوضات.'],
    ['إذا امتدت المعارك إلى الحدود فسيتدخل الجيش.'],
    ['وصل القطار إلى المحطة.'],
  ])('%s gives no occurred event', (text) => {
    expect(events(text).filter((e) => e.status === 'occurred' || e.status === 'ongoing')).toEqual([]);
  });

  it('accusations are statements, not events; a killing word is the toll of the event its sentence names', () => {
    const d = events('ونددت الحكومة السودانية بالاتهامات. وقتل 5 مدنيين في غارة جوية على الفاشر.');
    expect(d.map((e) => e.acled)).toEqual(['air_drone_strike']);
  });
});

/** Events with their evidence texts, places, days and tolls (casualty figures as low values). */
function told(text: string) {
  const d = run(text);
  const name = (id: string | null) => d.places.find((p) => p.id === id)?.name ?? d.actors.find((a) => a.id === id)?.name ?? null;
  return d.events.map((e) => ({
    sub: e.acled_sub_event_type,
    status: e.status,
    place: name(e.place),
    start: e.start,
    killed: e.casualties.map((id) => d.casualties.find((c) => c.id === id)!).map((c) => `${c.outcome} ${c.low}`),
    evidence: e.evidence.map((x) => x.text),
  }));
}

describe('events: a definite mention joins only an event it can be', () => {
  it.each([
    [
      'two countries and two days (issue 17)',
      'هاجم مسلحون قرية في دارفور يوم السبت.\nوفي ليبيا، قتل 7 أشخاص في الهجوم على مطار معيتيقة في طرابلس الأحد.',
      [
        { sub: 'attack', status: 'occurred', place: 'Darfur', start: '2020-10-31', killed: [], evidence: ['هاجم', 'يوم السبت'] },
        { sub: 'attack', status: 'occurred', place: 'Tripoli', start: '2020-11-01', killed: ['killed 7'], evidence: ['الهجوم', 'الأحد'] },
      ],
    ],
    [
      'two towns of one country',
      'قصفت القوات الحكومية مدينة حلب يوم السبت. وقتل 5 مدنيين في القصف على إدلب.',
      [
        { sub: 'shelling_artillery_missile_attack', status: 'occurred', place: 'Aleppo', start: '2020-10-31', killed: [], evidence: ['قصفت', 'يوم السبت'] },
        { sub: 'shelling_artillery_missile_attack', status: 'occurred', place: 'Idlib', start: null, killed: ['killed 5'], evidence: ['القصف'] },
      ],
    ],
    [
      'a paragraph away, with no demonstrative',
      'هاجم مسلحون قرية في دارفور يوم السبت.\nوعقد مجلس الأمن اجتماعا.\nوبحث المجلس الوضع الإنساني.\nوقتل 7 أشخاص في الهجوم.',
      [
        { sub: 'attack', status: 'occurred', place: 'Darfur', start: '2020-10-31', killed: [], evidence: ['هاجم', 'يوم السبت'] },
        { sub: 'attack', status: 'occurred', place: null, start: null, killed: ['killed 7'], evidence: ['الهجوم'] },
      ],
    ],
  ])('negative: %s', (_, text, expected) => {
    expect(told(text).filter((e) => e.sub !== null)).toEqual(expected);
  });

  it.each([
    [
      'the next sentence',
      'هاجم مسلحون قرية في دارفور يوم السبت. وقتل 7 أشخاص في الهجوم.',
      { sub: 'attack', status: 'occurred', place: 'Darfur', start: '2020-10-31', killed: ['killed 7'], evidence: ['هاجم', 'يوم السبت', 'الهجوم'] },
    ],
    [
      'a demonstrative, two sentences on',
      'هاجم مسلحون قرية في دارفور يوم السبت. ولم تعرف الحصيلة على الفور. وقتل 7 أشخاص في هذا الهجوم.',
      { sub: 'attack', status: 'occurred', place: 'Darfur', start: '2020-10-31', killed: ['killed 7'], evidence: ['هاجم', 'يوم السبت', 'الهجوم'] },
    ],
    [
      'the later mention adds the place, and its toll',
      'هاجم مسلحون قرية يوم السبت. وأسفر الهجوم على الفاشر عن مقتل 7 أشخاص.',
      { sub: 'attack', status: 'occurred', place: 'El Fasher', start: '2020-10-31', killed: ['killed 7'], evidence: ['هاجم', 'يوم السبت', 'الهجوم'] },
    ],
  ])('positive: %s', (_, text, expected) => {
    expect(told(text).filter((e) => e.sub !== null)).toEqual([expected]);
  });

  it('figures two sentences on belong to the attack, a part with its total; not when they are elsewhere', () => {
    expect(told('شنت القوات الإسرائيلية غارة جوية على خان يونس أمس. ونقلت سيارات الإسعاف الضحايا إلى المستشفى. وأصيب 12 شخصا بجروح، بينهم 5 أطفال.')).toEqual([
      { sub: 'air_drone_strike', status: 'occurred', place: 'Khan Yunis', start: '2020-10-31', killed: ['injured 12', 'injured 5'], evidence: ['غارة جوية', 'أمس'] },
    ]);
    expect(told('شنت القوات الإسرائيلية غارة جوية على خان يونس أمس. وفي سوريا، نقلت سيارات الإسعاف الجرحى إلى مستشفى حلب. وأصيب 12 شخصا في حلب.')[0]!.killed).toEqual([]);
  });

  it('an injured figure of the next sentence belongs to the attack', () => {
    expect(told('شنت القوات الإسرائيلية غارة جوية على خان يونس أمس. وأصيب 12 شخصا بجروح.')).toEqual([
      { sub: 'air_drone_strike', status: 'occurred', place: 'Khan Yunis', start: '2020-10-31', killed: ['injured 12'], evidence: ['غارة جوية', 'أمس'] },
    ]);
  });
});

describe('events: negation and denial', () => {
  it.each([
    ['أعلن الرئيس الأحد أنه لا ينوي شن هجوم عسكري على أرمينيا.'],
    ['وقالت الوزارة إن القوات لا تعتزم شن هجوم على المدينة.'],
    ['ولم تقع اشتباكات في المدينة منذ أسبوع.'],
    ['وأكد الجيش أنه لن يهاجم المدينة.'],
  ])('%s gives no event of what is negated', (text) => {
    expect(told(text).filter((e) => e.sub !== null)).toEqual([]);
  });

  it.each([
    ['وقال الجيش السوداني إنه لم يقصف المدنيين في الفاشر.', 'shelling_artillery_missile_attack', 'يقصف'],
    ['نفى الجيش السوداني استهداف المدنيين في الفاشر.', 'attack', 'استهداف'],
  ])('%s is a denied event, claimed by who denies it', (text, sub, trigger) => {
    const d = run(text);
    const e = d.events.find((x) => x.acled_sub_event_type === sub)!;
    expect(e).toMatchObject({ status: 'denied', trigger });
    expect(d.actors.find((a) => a.id === e.claimed_by)?.name).toBe('Sudanese army');
  });

  it.each([
    ['ولم تسفر الغارة على خان يونس عن ضحايا.', 'air_drone_strike', 'occurred'],
    ['ولا تزال المعارك مستمرة في الخرطوم.', 'armed_clash', 'ongoing'],
    ['وقتل 5 مدنيين في القصف، لا سيما الأطفال.', 'shelling_artillery_missile_attack', 'occurred'],
    ['ورفضت الفصائل المعارضة الطلب الروسي، قبل أن تبدأ الطائرات الروسية غارات على درعا.', 'air_drone_strike', 'occurred'],
  ])('%s: the event stands (a definite noun after a negated verb, لا تزال, لا سيما, a refusal is no denial)', (text, sub, status) => {
    expect(told(text).map((e) => [e.sub, e.status])).toEqual([[sub, status]]);
  });
});

describe('events: several violence words in one sentence', () => {
  it('are one incident when nothing sets them apart', () => {
    expect(told('قصف مدفعي استهدف أحياء سكنية في الفاشر السبت وقتل 30 مدنيا.').map((e) => [e.sub, e.evidence])).toEqual([
      ['shelling_artillery_missile_attack', ['قصف مدفعي', 'السبت', 'استهدف']],
    ]);
  });

  it('are two when dated to different days, or one is a protest', () => {
    expect(told('وأصيب 25 فلسطينيا في غارات إسرائيلية على غزة السبت، بعد احتجاجات على الحدود الجمعة.').map((e) => [e.sub, e.start, e.evidence])).toEqual([
      ['air_drone_strike', '2020-10-31', ['غارات', 'السبت']],
      ['peaceful_protest', '2020-10-30', ['احتجاجات', 'الجمعة']],
    ]);
  });
});

describe('the other party of a request noun', () => {
  it('an actor named later in the sentence for something else is not whom the request asks', () => {
    const d = run('وأجّج طلب أرمينيا المخاوف من تصعيد، ومن انخراط روسيا وتركيا في النزاع.');
    const req = d.events.filter((e) => e.category === 'request');
    expect(req.length).toBe(1);
    expect(d.actors.find((a) => a.id === req[0]!.actor1)?.name).toBe('Armenia');
    expect(req[0]!.actor2).toBeNull();
  });
});
