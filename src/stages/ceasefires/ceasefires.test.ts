import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

const cf = (text: string) => run(text).ceasefires.map((c) => ({ kind: c.kind, status: c.status, attempts: c.attempts }));

describe('ceasefires', () => {
  it.each([
    ['وباءت بالفشل ثلاث محاولات لعقد هدنة إنسانية حتى الآن.', 'humanitarian_truce', 'failed', 3],
    ['أعلن الطرفان التوصل إلى اتفاق لوقف إطلاق النار.', 'ceasefire', 'agreed', null],
    ['دخل وقف إطلاق النار حيز التنفيذ صباح اليوم.', 'ceasefire', 'in_effect', null],
    ['تبادل الطرفان الاتهامات بانتهاك الهدنة.', 'truce', 'violated', null],
    ['انهارت الهدنة بعد ساعات من إعلانها.', 'truce', 'failed', null],
    ['رفضت الحركة مقترح وقف الأعمال العدائية.', 'cessation_of_hostilities', 'rejected', null],
    ['دعا الأمين العام إلى وقف فوري لإطلاق النار.', 'ceasefire', 'proposed', null],
  ])('%s', (text, kind, status, attempts) => {
    expect(cf(text)).toEqual([{ kind, status, attempts }]);
  });

  it.each([['أطلق النار على المتظاهرين.'], ['وقفت السيارة عند الحاجز.']])('%s is no ceasefire', (text) => {
    expect(cf(text)).toEqual([]);
  });

  it('names mediators after برعاية', () => {
    const d = run('اتفقت أرمينيا وأذربيجان على هدنة برعاية روسيا.');
    const c = d.ceasefires[0]!;
    const name = (id: string) => d.actors.find((a) => a.id === id)!.name;
    expect(c.parties.map(name).sort()).toEqual(['Armenia', 'Azerbaijan']);
    expect(c.mediators.map(name)).toEqual(['Russia']);
  });

  it('a definite mention after a ceasefire is the same one, and a stronger status updates it', () => {
    const d = run('أعلن الطرفان التوصل إلى هدنة إنسانية. لكن الهدنة انهارت بعد ساعات.');
    expect(d.ceasefires.map((c) => [c.kind, c.status, c.evidence.length])).toEqual([['humanitarian_truce', 'failed', 2]]);
  });

  it('a ceasefire word in the dual counts two attempts', () => {
    expect(cf('وفشلت هدنتان جرى الاتفاق حولهما هذا الشهر.')).toEqual([{ kind: 'truce', status: 'failed', attempts: 2 }]);
  });
});

describe('ceasefires: one record per arrangement', () => {
  const records = (text: string) => {
    const d = run(text);
    const name = (id: string) => d.actors.find((a) => a.id === id)!.name;
    return d.ceasefires.map((c) => ({ kind: c.kind, status: c.status, parties: c.parties.map(name).sort(), evidence: c.evidence.map((e) => e.text) }));
  };

  it.each([
    [
      'a call for a truce in Gaza and a truce that collapsed in Sudan (issue 17)',
      'دعت الأمم المتحدة إلى هدنة إنسانية في غزة.\nوفي السودان، انهارت الهدنة بين الجيش السوداني وقوات الدعم السريع.',
      [
        { kind: 'humanitarian_truce', status: 'proposed', parties: [], evidence: ['دعت الأمم المتحدة إلى هدنة إنسانية'] },
        { kind: 'truce', status: 'failed', parties: ['Rapid Support Forces', 'Sudanese army'], evidence: ['انهارت الهدنة'] },
      ],
    ],
    [
      'two pairs of parties',
      'اتفقت أرمينيا وأذربيجان على هدنة. واتفقت الهند وباكستان على وقف إطلاق النار.',
      [
        { kind: 'truce', status: 'agreed', parties: ['Armenia', 'Azerbaijan'], evidence: ['اتفقت أرمينيا وأذربيجان على هدنة'] },
        { kind: 'ceasefire', status: 'agreed', parties: ['India', 'Pakistan'], evidence: ['اتفقت الهند وباكستان على وقف إطلاق النار'] },
      ],
    ],
    [
      'failed attempts apart from the truce called for now',
      'ودعت الأمم المتحدة إلى هدنة إنسانية، بعد فشل ثلاث محاولات لوقف القتال.',
      [
        { kind: 'humanitarian_truce', status: 'proposed', parties: [], evidence: ['دعت الأمم المتحدة إلى هدنة إنسانية'] },
        { kind: 'cessation_of_hostilities', status: 'failed', parties: [], evidence: ['فشل ثلاث محاولات لوقف القتال'] },
      ],
    ],
  ])('negative: %s', (_, text, expected) => {
    expect(records(text)).toEqual(expected);
  });

  it.each([
    [
      'agreed, then broken paragraphs later: violated',
      'اتفقت أرمينيا وأذربيجان على وقف إطلاق النار في ناغورنو كاراباخ.\nوتبادلت الوفود الزيارات.\nوتبادل الطرفان الاتهامات بانتهاك وقف إطلاق النار.',
      { kind: 'ceasefire', status: 'violated', parties: ['Armenia', 'Azerbaijan'], evidence: ['اتفقت أرمينيا وأذربيجان على وقف إطلاق النار', 'انتهاك وقف إطلاق النار'] },
    ],
    [
      'a call, then the humanitarian truce itself in force',
      'دعت الأمم المتحدة إلى وقف إطلاق النار في اليمن. ودخلت الهدنة الإنسانية حيز التنفيذ في اليمن.',
      { kind: 'humanitarian_truce', status: 'in_effect', parties: [], evidence: ['دعت الأمم المتحدة إلى وقف إطلاق النار', 'الهدنة الإنسانية حيز التنفيذ'] },
    ],
    [
      'each side names only itself',
      'أعلنت حماس التوصل إلى اتفاق لوقف إطلاق النار بوساطة مصرية. وقال نتنياهو إن إسرائيل وافقت على وقف لإطلاق النار.',
      { kind: 'ceasefire', status: 'agreed', parties: ['Hamas', 'Israel'], evidence: ['التوصل إلى اتفاق لوقف إطلاق النار', 'وافقت على وقف لإطلاق النار'] },
    ],
  ])('positive: %s', (_, text, expected) => {
    expect(records(text)).toEqual([expected]);
  });

  it('a truce after كل is any truce, not one the article reports', () => {
    expect(cf('وكما في كل اتفاق هدنة لم يصمد، تبادل الطرفان الاتهامات.')).toEqual([]);
  });
});

describe('ceasefires: a status word governs a ceasefire word near it', () => {
  it('a reporting verb far before the talks is not their status, and the clash its clause tells stays an event', () => {
    const d = run('أعلن الجيش السوداني أمس أن 4 جنود قتلوا وأصيب 15 في قتال مع متمردين في دارفور خلال الساعات الماضية، قبل الموعد المقرر لانطلاق محادثات لوقف إطلاق النار.');
    expect(d.ceasefires.map((c) => [c.status, c.evidence.map((e) => e.text)])).toEqual([['proposed', ['محادثات لوقف إطلاق النار']]]);
    const clash = d.events.find((e) => e.acled_sub_event_type === 'armed_clash')!;
    expect(clash.evidence.map((e) => e.text)).toEqual(['قتال', 'أمس']);
    expect(clash.casualties.map((id) => d.casualties.find((c) => c.id === id)!.evidence[0]!.text)).toEqual(['4 جنود قتلوا', 'أصيب 15']);
  });

  it('a status word after the ceasefire word may stand further on', () => {
    expect(cf('ويشمل ذلك اتفاق وقف إطلاق النار الذي تم التوصل إليه في فبراير الماضي بين الطرفين برعاية دولية لكنه يتعرض لانتهاكات متكررة.')).toEqual([
      { kind: 'ceasefire', status: 'violated', attempts: null },
    ]);
  });
});

describe('ceasefires: statuses the text implies', () => {
  const one = (text: string) => run(text).ceasefires.map((c) => ({ status: c.status, evidence: c.evidence.map((e) => e.text) }));

  it.each([
    ['a fragile truce is in force', 'ورغم الاتفاق، لا تزال الهدنة هشة في المدينة.', 'in_effect', ['الهدنة هشة']],
    ['a truce that held is in force', 'وصمدت الهدنة طوال الليل رغم التوتر.', 'in_effect', ['صمدت الهدنة']],
    ['agreed, then fragile: in force', 'أعلن الطرفان التوصل إلى اتفاق لوقف إطلاق النار. لكن وقف إطلاق النار ما زال هشا.', 'in_effect', ['التوصل إلى اتفاق لوقف إطلاق النار', 'وقف إطلاق النار ما زال هشا']],
    ['first-person acceptance is agreement', 'وقال المتمردون: "نوافق على وقف القتال".', 'agreed', ['نوافق على وقف القتال']],
    ['"still" makes the word its predicate past a relative clause', 'وقال السكان إن الهدنة التي أعلنت قبل أسبوع لا تزال صامدة.', 'in_effect', ['الهدنة التي أعلنت قبل أسبوع لا تزال صامدة']],
  ])('positive: %s', (_, text, status, evidence) => {
    expect(one(text)).toEqual([{ status, evidence }]);
  });

  it.each([
    ['a truce that did not hold failed, not in force', 'ولم تصمد الهدنة سوى ساعات.', 'failed', ['لم تصمد الهدنة']],
    ['a fragile situation a few words on, with no "still", describes the situation', 'وأعلنت الحكومة الهدنة في ظل وضع إنساني هش.', 'agreed', ['أعلنت الحكومة الهدنة']],
    ['a fragile economy far from the truce word gives it no status', 'ودعت الأمم المتحدة إلى هدنة إنسانية في بلد يعاني منذ سنوات من اقتصاد متدهور ووضع سياسي وأمني واجتماعي هش.', 'proposed', ['دعت الأمم المتحدة إلى هدنة إنسانية']],
  ])('negative: %s', (_, text, status, evidence) => {
    expect(one(text)).toEqual([{ status, evidence }]);
  });
});

describe('ceasefires: talks taken up again, and a truce that opens the way to talks', () => {
  const records = (text: string) => run(text).ceasefires.map((c) => ({ kind: c.kind, status: c.status, evidence: c.evidence.map((e) => e.text) }));

  it.each([
    ['positive: a refusal, then a return to talks on the same proposal: called for again', 'رفضت المعارضة الاقتراح الروسي لوقف القتال. ثم أعلنت المعارضة العودة إلى التفاوض حول اقتراح لوقف القتال.', { kind: 'cessation_of_hostilities', status: 'proposed', evidence: ['رفضت المعارضة الاقتراح الروسي لوقف القتال', 'العودة إلى التفاوض حول اقتراح لوقف القتال'] }],
    ['positive: the return to talks may come first in the text', 'وافقت المعارضة على استئناف المفاوضات بشأن الهدنة. وكانت المعارضة قد رفضت الهدنة الأسبوع الماضي.', { kind: 'truce', status: 'proposed', evidence: ['استئناف المفاوضات بشأن الهدنة', 'رفضت الهدنة'] }],
    ['negative: without a return to talks the refusal stands', 'اقترحت روسيا وقف القتال. ورفضت المعارضة الاقتراح الروسي لوقف القتال.', { kind: 'cessation_of_hostilities', status: 'rejected', evidence: ['اقترحت روسيا وقف القتال', 'رفضت المعارضة الاقتراح الروسي لوقف القتال'] }],
    ['negative: a return to talks does not undo a collapse', 'انهارت الهدنة بعد يومين. وأعلن الطرفان استئناف المفاوضات بشأن الهدنة.', { kind: 'truce', status: 'failed', evidence: ['انهارت الهدنة', 'استئناف المفاوضات بشأن الهدنة'] }],
  ])('%s', (_, text, expected) => {
    expect(records(text)).toEqual([expected]);
  });

  it('a truce to complete a round of talks is apart from the proposal the talks are about', () => {
    expect(records('اقترحت روسيا وقف القتال في الجنوب. وأعلنت المعارضة وقف القتال من الطرفين فورا لاستكمال جولة جديدة من المفاوضات.')).toEqual([
      { kind: 'cessation_of_hostilities', status: 'proposed', evidence: ['اقترحت روسيا وقف القتال'] },
      { kind: 'cessation_of_hostilities', status: 'agreed', evidence: ['أعلنت المعارضة وقف القتال'] },
    ]);
  });

  it.each([
    ['a purpose word with no talks after it', 'اقترحت روسيا وقف القتال في الجنوب. وأعلنت المعارضة وقف القتال تمهيدا لانسحاب القوات من المدينة.'],
    ['talks before the ceasefire word, no purpose word after it', 'اقترحت روسيا وقف القتال في الجنوب. وخلال المفاوضات أعلنت المعارضة وقف القتال.'],
  ])('negative: %s is the same arrangement', (_, text) => {
    expect(records(text).map((r) => [r.status, r.evidence.length])).toEqual([['agreed', 2]]);
  });
});

describe('ceasefires: a failure or breach spoken of as a possibility is no status', () => {
  it.each([
    ['حذر التحالف من احتمال انهيار اتفاق وقف إطلاق النار الذي دخل حيز التنفيذ أمس.', 'in_effect', 'اتفاق وقف إطلاق النار الذي دخل حيز التنفيذ'],
    ['وافق الحوثيون على هدنة إنسانية لمدة خمسة أيام ولكنهم حذروا من أنهم سيردون على أي خرق.', 'agreed', 'وافق الحوثيون على هدنة إنسانية'],
    // the breach that happened is still a breach, also in a plural verb
    ['وقال المصدر إن الحوثيين خرقوا الهدنة.', 'violated', 'خرقوا الهدنة'],
    ['وانهارت الهدنة بعد ساعات من إعلانها.', 'failed', 'انهارت الهدنة'],
  ])('%s → %s', (text, status, evidence) => {
    const [c] = run(text).ceasefires;
    expect(c!.status).toBe(status);
    expect(c!.evidence[0]).toMatchObject({ text: evidence, start: text.indexOf(evidence) });
  });
});
