import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';
import { extract } from '../../index.ts';

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

describe('a headline prefix before a colon', () => {
  const titled = (title: string, body: string) => {
    const d = extract({ title, text: body, published: '2020-11-01' }, { source: 'test', fallbackId: 'test' });
    for (const s of d.statements) for (const e of s.evidence) expect((e.field === 'title' ? title : body).slice(e.start, e.end)).toBe(e.text);
    return d.statements.map((s) => ({ speaker: d.actors.find((a) => a.id === s.speaker)?.name_native ?? null, text: s.speaker_text, rule: s.rule, quotes: s.quotes, content: s.content, field: s.evidence.at(-1)?.field }));
  };

  it.each([
    // an organisation before the colon is who makes the claim
    ['الأمم المتحدة: القصف على المدينة "جرائم حرب"', 'الأمم المتحدة', 'القصف على المدينة "جرائم حرب"', ['جرائم حرب']],
    // a state whose claim opens with another actor: it speaks about that actor
    ['باكستان: الهند انتهكت وقف إطلاق النار', 'باكستان', 'الهند انتهكت وقف إطلاق النار', []],
  ])('%s → %s', (title, speaker, content, quotes) => {
    const s = titled(title, 'وصل الوفد إلى المدينة.').find((x) => x.rule === 'statements:headline-prefix');
    expect(s).toMatchObject({ text: speaker, content, quotes, field: 'title' });
  });

  it.each([
    'سوريا: 30 قتيلا على الأقل في قصف على إدلب', // a state before a figure: where the news is from
    'ليبيا: فرار مئات السجناء من سجن في طرابلس',
    'غزة وإسرائيل: تصعيد جديد على الحدود', // a place, not an actor
    'مصر.. مصرع 11 مسلحا في سيناء', // no colon
  ])('no speaker in the headline %s', (title) => {
    expect(titled(title, 'وصل الوفد إلى المدينة.').filter((x) => x.rule === 'statements:headline-prefix')).toEqual([]);
  });
});

describe('a document as a later subject speaks for its issuer', () => {
  it.each([
    ['وأصدرت منظمة العفو الدولية بيانا حول الهجوم. وأضاف البيان أن المدنيين قتلوا.', 'منظمة العفو الدولية', 'أن المدنيين قتلوا'],
    ['وقال الجيش الباكستاني في بيان إن الهند قصفت القرى. وأكد البيان أن القوات ردت.', 'الجيش الباكستاني', 'أن القوات ردت'],
    ['قالت الأمم المتحدة إن العنف تصاعد. وأشار التقرير إلى تورط الحكومة.', 'الأمم المتحدة', 'إلى تورط الحكومة'],
  ])('%s → %s', (text, speaker, content) => {
    const d = run(text);
    const s = d.statements.find((x) => x.rule === 'statements:document-of-issuer');
    expect(s?.content).toBe(content);
    expect(d.actors.find((a) => a.id === s!.speaker)?.mentions[0]?.text).toBe(speaker);
    // the document itself is never an actor
    expect(d.actors.filter((a) => /البيان|التقرير/u.test(a.name_native ?? ''))).toEqual([]);
  });

  it.each([
    'وأضاف البيان أن المدنيين قتلوا.', // no issuer in the text: no statement
    'وذكر تقرير أن المدنيين قتلوا.', // an indefinite report is a vague source, not a back-reference
  ])('no issuer statement in %s', (text) => {
    expect(run(text).statements.filter((x) => x.rule === 'statements:document-of-issuer')).toEqual([]);
  });
});

describe('a subject before its verb', () => {
  it('a headline subject right before its verb speaks', () => {
    const d = run('الجيش الأوكراني يؤكد أن القوات صدت الهجوم');
    expect(d.statements.map((x) => [x.speaker_text, x.rule])).toEqual([['الجيش الأوكراني', 'statements:speaker-then-verb']]);
  });

  it('an actor before a comma and a verb with its conjunction is not its subject: the sentence speaker continues', () => {
    const text = 'قال فرح عثمان وهو ضابط في الجيش الصومالي، وأضاف "بدأ إطلاق النار".';
    const d = run(text);
    const added = d.statements.find((x) => x.verb === 'أضاف');
    expect(added?.rule).toBe('statements:pronoun-speaker-from-paragraph');
    expect(d.actors.find((a) => a.id === added!.speaker)?.name).toBe('فرح عثمان');
    expect(added?.quotes).toEqual(['بدأ إطلاق النار']);
  });
});

describe('an according-to phrase that opens the sentence', () => {
  it.each([
    ['قال المرصد السوري لحقوق الإنسان إن القصف تواصل. وبحسب المرصد، يشارك "مستشارون روس" في المعارك.', 'المرصد', 'يشارك "مستشارون روس" في المعارك', ['مستشارون روس']],
    // a noun naming what the actor gave stands between ("إحصاءات"), the name in quotation marks
    ['ووفقا لإحصاءات وكالة «رويترز»، قتل 29 جنديا في المعارك.', 'رويترز', 'قتل 29 جنديا في المعارك', []],
  ])('%s → %s', (text, speaker, content, quotes) => {
    const s = run(text).statements.find((x) => x.rule === 'statements:according-to-opening');
    expect(s).toMatchObject({ speaker_text: speaker, content, quotes });
    const ev = s!.evidence.find((e) => e.text === content)!;
    expect(text.slice(ev.start, ev.end)).toBe(content);
  });

  it.each([
    'ووفقا لمصادر طبية، قتل 29 جنديا في المعارك.', // an unnamed source
    'وبحسب حصيلة رسمية، قتل 29 جنديا في المعارك.',
  ])('no statement from the unnamed source of %s', (text) => {
    expect(run(text).statements).toEqual([]);
  });
});

describe('the day of an accusation and nouns that look like verbs', () => {
  it('a date set off by commas before the accusation dates the statement', () => {
    const text = 'واتّهم القادة الانفصاليون في كاراباخ أذربيجان، صباح الأحد، بقصف مناطق مدنية.';
    const [s] = run(text).statements;
    expect(s).toMatchObject({ speaker_text: 'القادة الانفصاليون في كاراباخ', date: '2020-11-01', stance: 'accuses' });
  });

  it('a date after the accused act is the act\'s, not the statement\'s', () => {
    const [s] = run('اتّهم وزير الدفاع الأذربيجاني القوات الأرمينية باستهداف جيشه ومناطق مدنية، السبت وليل الأحد.').statements;
    expect(s).toMatchObject({ speaker_text: 'وزير الدفاع الأذربيجاني', date: null });
  });

  it.each([
    'وأجّج طلب أرمينيا المخاوف من تصعيد.', // "طلب" the request, after a verb with its conjunction
    'وعزز طلب روسيا المخاوف من تدخل أوسع.',
  ])('no statement in %s', (text) => {
    expect(run(text).statements).toEqual([]);
  });

  it('a reporting verb after a connective still reports', () => {
    const [s] = run('وصل الوفد إلى المدينة، فيما طلب الرئيس الروسي فلاديمير بوتين وقف القتال.').statements;
    expect(s?.speaker_text).toContain('فلاديمير بوتين');
  });
});

describe('conjoined speakers and their joint document', () => {
  const text = 'ويوم السبت، دعت كل من الولايات المتحدة وبريطانيا وفرنسا إلى وقف فوري للاشتباكات. وجاء في بيان مشترك لهذه الدول أن محاولات "إضعاف السلطات أمر غير مقبول".';
  it('each conjoined subject takes the date before the verb', () => {
    const d = run(text);
    const called = d.statements.filter((x) => x.verb === 'دعت');
    expect(called.map((x) => [d.actors.find((a) => a.id === x.speaker)?.country, x.date]).sort()).toEqual([['FRA', '2020-10-31'], ['GBR', '2020-10-31'], ['USA', '2020-10-31']]);
  });

  it('"وجاء في بيان" gives the document to every subject of the clause before, with its quote', () => {
    const d = run(text);
    const stated = d.statements.filter((x) => x.rule === 'statements:document-of-issuer' || (x.verb === 'جاء في' && x.rule === 'statements:conjoined-speaker'));
    expect(stated.map((x) => d.actors.find((a) => a.id === x.speaker)?.country).sort()).toEqual(['FRA', 'GBR', 'USA']);
    for (const x of stated) expect(x.quotes).toEqual(['إضعاف السلطات أمر غير مقبول']);
  });

  it('a document named after "ورد في" is no speaker of its own', () => {
    const d = run('ووزعت الطائرات منشورات. وورد في أحدها "الحرب اقتربت من نهايتها".');
    expect(d.actors.filter((a) => a.rule === 'actors:subject-of-reporting-verb')).toEqual([]);
    expect(d.statements).toEqual([]);
  });
});

describe('"today" in the speaker\'s own words dates the statement', () => {
  it.each([
    ['وقال المتحدث حسين أبازيد "سيتم استئناف المفاوضات اليوم".', '2020-11-01'],
    // another day in the words is the day of what is told, not of the telling
    ['وقال المتحدث حسين أبازيد إن المفاوضات توقفت الأربعاء.', null],
  ])('%s → %s', (text, date) => {
    const [s] = run(text).statements;
    expect(s?.speaker_text).toContain('حسين أبازيد');
    expect(s?.date).toBe(date);
  });
});

