/**
 * Who speaks when the subject is a phrase around an actor, and when the noun after a reporting verb is
 * its object: table tests with positive and negative examples (sentences written for these tests).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

function said(text: string) {
  const d = run(text);
  return d.statements.map((s) => {
    const actor = d.actors.find((a) => a.id === s.speaker);
    return { speaker: actor?.name_native ?? null, kind: actor?.kind ?? null, text: s.speaker_text, verb: s.verb, rule: s.rule, quotes: s.quotes, content: s.content, evidence: s.evidence };
  });
}

/** The speaker's evidence (the last evidence span) slices the text at the offsets given. */
function expectSpeakerEvidence(text: string, s: ReturnType<typeof said>[number], phrase: string) {
  const ev = s.evidence.at(-1)!;
  expect(ev).toMatchObject({ start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, text: phrase });
}

describe('a body speaking through its officials or its account (voice heads)', () => {
  it.each([
    ['وقال مسؤولو وزارة الدفاع الروسية إن القصف توقف.', 'وزارة الدفاع الروسية', 'مسؤولو وزارة الدفاع الروسية', 'إن القصف توقف'],
    ['وذكر حساب الجيش الأوكراني على فيسبوك أن القوات صدت هجوما.', 'الجيش الأوكراني', 'حساب الجيش الأوكراني', 'أن القوات صدت هجوما'],
    ['وأكد ممثل منظمة الصحة العالمية أن المستشفى خرج عن الخدمة.', 'منظمة الصحة العالمية', 'ممثل منظمة الصحة العالمية', 'أن المستشفى خرج عن الخدمة'],
  ])('%s → %s', (text, body, phrase, content) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: body, text: phrase, content });
    expectSpeakerEvidence(text, s!, phrase);
    // the head noun is no actor of its own
    expect(run(text).actors.filter((a) => a.rule === 'actors:subject-of-reporting-verb')).toEqual([]);
  });

  it.each([
    // the noun after the head is no known body: the phrase itself speaks
    ['وقال مسؤولو الإغاثة إن الطريق أغلق.', 'مسؤولو الإغاثة'],
    // a vague source is no voice head: its own phrase, not the body, speaks
    ['وقالت مصادر طبية إن 12 شخصا قتلوا.', 'مصادر طبية'],
  ])('%s: no body speaks', (text, phrase) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: phrase, text: phrase, rule: 'statements:verb-then-speaker' });
  });
});

describe('the holder of an office named after it', () => {
  it.each([
    ['وأوضح المبعوث الخاص للأمم المتحدة إلى ليبيا غسان سلامة أن المحادثات ستستأنف.', 'غسان سلامة', 'المبعوث الخاص للأمم المتحدة إلى ليبيا غسان سلامة'],
    ['وقالت نائبة المتحدث باسم الحكومة الفرنسية، ماري دوبون، إن الزيارة مؤجلة.', 'ماري دوبون', 'نائبة المتحدث باسم الحكومة الفرنسية، ماري دوبون'],
  ])('%s → %s', (text, person, phrase) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: person, kind: 'person', text: phrase });
    expectSpeakerEvidence(text, s!, phrase);
  });

  it.each([
    // a counterpart after the office (a noun with its pronoun) is whom it was said to, not the holder
    ['وقال المتحدث باسم الجيش لنظيره الروسي سيرغي لافروف إن الهدنة صامدة.', 'المتحدث باسم الجيش'],
    // what was said comes before any name
    ['وقال المتحدث باسم الجيش إن الرئيس فلاديمير بوتين وافق على الهدنة.', 'المتحدث باسم الجيش'],
  ])('%s: the office speaks', (text, office) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: office, text: office });
  });
});

describe('a body\'s own name in quotation marks after it', () => {
  it.each([
    ['وذكرت وكالة الأنباء الليبية الرسمية "وال" أن الاشتباكات توقفت.', 'وكالة الأنباء الليبية', 'وكالة الأنباء الليبية الرسمية "وال"', 'أن الاشتباكات توقفت'],
    ['وأدانت منظمة "أطباء بلا حدود" القصف.', 'أطباء بلا حدود', 'منظمة "أطباء بلا حدود"', 'القصف'],
  ])('%s → %s', (text, speaker, phrase, content) => {
    const [s] = said(text);
    // the name is the speaker's, no quotation of what was said
    expect(s).toMatchObject({ speaker, text: phrase, content, quotes: [] });
    expectSpeakerEvidence(text, s!, phrase);
  });

  it.each([
    ['وقال الجيش "نحن مستعدون".', 'الجيش', ['نحن مستعدون']], // no class noun: the quotation is what was said
    ['وقالت الوكالة "إن الهجوم فشل".', 'الوكالة', ['إن الهجوم فشل']], // a complementizer: a quotation, not a name
  ])('%s: the quotation is the content', (text, phrase, quotes) => {
    const [s] = said(text);
    expect(s).toMatchObject({ text: phrase, quotes });
  });
});

describe('the noun after a reporting verb as its object', () => {
  it('a verb that carries a plural subject has its object after it', () => {
    const out = said('وقال مسؤولون في الحركة إن القتال مستمر. كما اتهموا القوات الحكومية بقصف القرى.');
    expect(out.map((s) => [s.speaker, s.verb])).toEqual([['مسؤولون', 'قال'], ['مسؤولون', 'اتهموا']]);
    expect(out[1]!.content).toBe('القوات الحكومية بقصف القرى');
  });

  it('a singular verb still has its subject after it', () => {
    const [s] = said('كما اتهمت القوات الحكومية المتمردين بقصف القرى.');
    expect(s).toMatchObject({ speaker: 'القوات الحكومية', text: 'القوات الحكومية', verb: 'اتهمت' });
  });

  it('a conjoined verb after a clause goes on with its speaker; an unknown noun after it is the object', () => {
    const text = 'وذكر المتحدث العسكري أحمد المسماري أن القصف تواصل ووصف الوضع بأنه خطير.';
    const out = said(text);
    expect(out.map((s) => [s.speaker, s.verb, s.content])).toEqual([
      ['أحمد المسماري', 'ذكر', 'أن القصف تواصل'],
      ['أحمد المسماري', 'وصف', 'بأنه خطير'],
    ]);
    expect(run(text).actors.map((a) => a.name_native)).not.toContain('الوضع');
  });

  it('a vague source after a conjoined verb is a new speaker', () => {
    const out = said('وقال الجيش إن القصف تواصل وأضاف مصدر طبي أن 3 قتلوا.');
    expect(out.map((s) => [s.speaker, s.content])).toEqual([
      ['الجيش', 'إن القصف تواصل'],
      ['مصدر طبي', 'أن 3 قتلوا'],
    ]);
  });

  it('"again" is no adverbial before a subject: the noun after it is the object', () => {
    const out = said('قال وزير الخارجية الفرنسي جان لودريان إن الهدنة هشة. واتهم مجددا روسيا بخرق الهدنة.');
    expect(out.map((s) => s.speaker)).toEqual(['جان لودريان', 'جان لودريان']);
  });

  it('an adverbial of turn may stand between the verb and its subject', () => {
    const text = 'واعتبر من جهته وزير الخارجية الفرنسي جان لودريان أن الهدنة هشة.';
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: 'جان لودريان', text: 'وزير الخارجية الفرنسي جان لودريان', content: 'أن الهدنة هشة' });
    expectSpeakerEvidence(text, s!, 'وزير الخارجية الفرنسي جان لودريان');
  });
});

describe('a verb form with a glued preposition is a verbal noun', () => {
  it.each(['واجتمع مئات العلماء لشجب العنف.', 'وغادر الوفد بطلب من الحكومة.'])('%s: no statement', (text) => {
    expect(said(text)).toEqual([]);
  });

  it.each([
    ['وشجب الرئيس الفرنسي الهجوم.', 'شجب'],
    ['فأكد الرئيس الفرنسي أن القصف توقف.', 'أكد'], // ف is a conjunction, not a preposition
  ])('%s: a statement', (text, verb) => {
    expect(said(text).map((s) => [s.speaker, s.verb])).toEqual([['الرئيس الفرنسي', verb]]);
  });
});

describe('an office no lexicon completes, opened by a title word', () => {
  it('the holder named in its complement speaks', () => {
    const text = 'واعتبر من جهته رئيس المكتب السياسي لحركة حماس إسماعيل هنية أن التصعيد خطير.';
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: 'إسماعيل هنية', kind: 'person', text: 'رئيس المكتب السياسي لحركة حماس إسماعيل هنية', content: 'أن التصعيد خطير' });
    expectSpeakerEvidence(text, s!, 'رئيس المكتب السياسي لحركة حماس إسماعيل هنية');
  });

  it('a title word whose complement names no person gives no speaker from it', () => {
    expect(said('واعتبر رئيس المكتب السياسي أن التصعيد خطير.').map((s) => s.kind)).not.toContain('person');
  });
});

describe('relays', () => {
  it('a channel no lexicon knows, its name quoted, relays the source after عن', () => {
    const text = 'ونقلت خدمة «نوفوستي» الإخبارية التابعة للحكومة عن وزير الدفاع السوري كمال عثمان قوله إن الهجوم فشل.';
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: 'كمال عثمان', text: 'وزير الدفاع السوري كمال عثمان', verb: 'قوله', content: 'إن الهجوم فشل' });
    expectSpeakerEvidence(text, s!, 'وزير الدفاع السوري كمال عثمان');
  });

  it('a named source passing on unnamed sources speaks', () => {
    const [s] = said('وكان المرصد السوري لحقوق الإنسان قد نقل الأحد عن مصادر محلية أن التنظيم يستعد لهجوم.');
    expect(s).toMatchObject({ speaker: 'المرصد السوري لحقوق الإنسان', rule: 'statements:relays-unnamed-sources' });
  });

  it.each([
    ['ونقلت وكالة رويترز عن مصادر طبية أن 5 قتلوا.', 'مصادر طبية', 'رويترز'],
    // the channel's own name in quotation marks after it is the channel's
    ['ونقلت وكالة الأنباء الليبية الرسمية "وال" عن مصدر عسكري قوله إن الهجوم فشل.', 'مصدر عسكري', 'وكالة الأنباء الليبية'],
  ])('a news agency relaying unnamed sources only relays: %s', (text, speaker, via) => {
    const d = run(text);
    const [s] = d.statements;
    expect(s).toMatchObject({ speaker_text: speaker, rule: 'statements:relayed-by-via' });
    expect(d.actors.find((a) => a.id === s!.via)?.name_native).toBe(via);
    expect(d.statements.map((x) => x.speaker)).not.toContain(s!.via);
  });

  it('a channel relaying a named source does not speak', () => {
    const d = run('ونقلت وكالة رويترز عن الشرطة قولها إن السجناء فروا.');
    expect(d.statements.map((s) => s.speaker_text)).toEqual(['الشرطة']);
  });
});

describe('according-to phrases with a verb', () => {
  it.each([
    ['وقتل 5 مدنيين، حسبما قال الجيش.', 'الجيش'],
    ['وقتل 5 مدنيين، وفق ما أعلنت الشرطة.', 'الشرطة'],
    // a vague source joined by its conjunction is no part of the named one
    ['وقتل 5 مدنيين، حسبما أفادت خدمات الطوارئ وشهود عيان.', 'خدمات الطوارئ'],
  ])('%s → %s', (text, speaker) => {
    const out = said(text);
    expect(out.map((s) => [s.text, s.rule, s.content])).toEqual([[speaker, 'statements:according-to', 'وقتل 5 مدنيين']]);
    expectSpeakerEvidence(text, out[0]!, speaker);
  });

  it.each(['وقتل 5 مدنيين، حسبما قال ناشطون.', 'وقتل 5 مدنيين، بحسب مصادر طبية.'])('an unnamed source is no speaker: %s', (text) => {
    expect(said(text)).toEqual([]);
  });

  it('a vague source is still a speaker as the subject of its own clause', () => {
    expect(said('وقالت مصادر طبية وأمنية إن 5 قتلوا.').map((s) => s.text)).toEqual(['مصادر طبية وأمنية']);
  });
});

describe('a subjectless reporting verb after a sentence that opens with its verb and subject', () => {
  it('goes on with that subject', () => {
    const out = said('وبث التلفزيون السوري الرسمي مشاهد مباشرة للغارات. وأورد أن سلاح الجو يعمل على قطع الطرق.');
    expect(out.map((s) => [s.speaker, s.verb, s.rule, s.content])).toEqual([['التلفزيون السوري', 'أورد', 'statements:subject-of-sentence-before', 'أن سلاح الجو يعمل على قطع الطرق']]);
  });

  it.each([
    // a speaker of a later sentence than the opener is who goes on
    ['وبث التلفزيون السوري الرسمي مشاهد للغارات. وقال الجيش الأوكراني إن الهدنة انهارت. وأضاف أن القوات تقدمت.', 'الجيش الأوكراني'],
    // a new paragraph: the opener is no longer who speaks
    ['قال الجيش الأوكراني إن الهدنة انهارت.\n\nوبث التلفزيون السوري الرسمي مشاهد للغارات.\n\nوأضاف أن القوات تقدمت.', 'الجيش الأوكراني'],
  ])('%s: not the opener', (text, speaker) => {
    expect(said(text).at(-1)?.speaker).toBe(speaker);
  });
});

describe('an according-to phrase inside the claim, its quotation after it', () => {
  it('the quotation after the phrase is the content\'s', () => {
    const text = 'وتدور حاليا، وفق المرصد السوري لحقوق الإنسان، "اشتباكات عنيفة عند أطراف المدينة".';
    const [s] = said(text);
    expect(s).toMatchObject({ text: 'المرصد السوري لحقوق الإنسان', rule: 'statements:according-to', quotes: ['اشتباكات عنيفة عند أطراف المدينة'] });
    const content = s!.evidence.find((e) => e.text === s!.content)!;
    expect(text.slice(content.start, content.end)).toBe(s!.content);
    expect(s!.content.endsWith('أطراف المدينة"')).toBe(true);
  });

  it('without a quotation after it, the content is what stands before the phrase', () => {
    const [s] = said('وتدور حاليا اشتباكات عنيفة، وفق المرصد السوري لحقوق الإنسان، في المدينة.');
    expect(s).toMatchObject({ content: 'وتدور حاليا اشتباكات عنيفة', quotes: [] });
  });
});

describe('vague sources', () => {
  it('a vague source written as known refers back to the one last quoted', () => {
    const text = 'وقالت مصادر محلية وفي المقاومة إن القوات تقدمت. وأشار المصدر إلى أن الحوثيين انسحبوا.';
    const out = said(text);
    expect(out.map((s) => [s.speaker, s.text, s.rule])).toEqual([
      ['مصادر محلية', 'مصادر محلية', 'statements:verb-then-speaker'],
      ['مصادر محلية', 'المصدر', 'statements:vague-source-referred-back'],
    ]);
    expectSpeakerEvidence(text, out[1]!, 'المصدر');
  });

  it('with no vague source before it, it is a source of its own', () => {
    expect(said('وأشار المصدر إلى أن الحوثيين انسحبوا.').map((s) => [s.speaker, s.rule])).toEqual([['المصدر', 'statements:verb-then-speaker']]);
  });

  it.each([
    ['وقالت تقارير إن ثلاثة قتلوا.', 'تقارير'], // a vague head shaped like a present verb
    ['وأفادت تقارير إعلامية بمقتل ثلاثة فلسطينيين.', 'تقارير إعلامية'], // not closed: the head and its adjective
  ])('%s → %s', (text, phrase) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: phrase, kind: 'population', text: phrase });
    expectSpeakerEvidence(text, s!, phrase);
  });
});

describe('the body a document is issued by', () => {
  it('speaks even when no lexicon knows it', () => {
    const text = 'وأوضح بيان صادر عن مكتب العلاقات العامة للقوات المسلحة أن المذكرة طالبت بتحقيق.';
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: 'مكتب العلاقات العامة', text: 'مكتب العلاقات العامة', rule: 'statements:document-issued-by', content: 'أن المذكرة طالبت بتحقيق' });
    expectSpeakerEvidence(text, s!, 'مكتب العلاقات العامة');
  });

  it('a document with no issuer named after it gives no speaker', () => {
    expect(said('وأوضح بيان أن المذكرة طالبت بتحقيق.')).toEqual([]);
  });
});

describe('a subject before its verb inside a sentence (SVO after a connective)', () => {
  it.each([
    ['وأضاف المرصد أن الطائرات مجهولة، لكن وسائل الإعلام الرسمية السورية اتهمت التحالف الدولي بشن الضربة.', 'وسائل الإعلام الرسمية السورية', 'اتهمت', 'التحالف الدولي بشن الضربة'],
    ['وتبنى التنظيم الهجوم، لكن مسؤولين أمنيين يقولون إن شبكة حقاني مسؤولة.', 'مسؤولين أمنيين', 'يقولون', 'إن شبكة حقاني مسؤولة'],
  ])('%s → %s', (text, subject, verb, content) => {
    const s = said(text).find((x) => x.verb === verb)!;
    expect(s).toMatchObject({ speaker: subject, text: subject, rule: 'statements:speaker-then-verb', content });
    expectSpeakerEvidence(text, s, subject);
  });

  it('the clause before ends before the next clause\'s subject and its connective', () => {
    const [first] = said('وأضاف المرصد أن الطائرات مجهولة، لكن وسائل الإعلام الرسمية السورية اتهمت التحالف الدولي بشن الضربة.');
    expect(first).toMatchObject({ verb: 'أضاف', content: 'أن الطائرات مجهولة' });
  });

  it.each([
    // a fronted preposition's object is no subject: the actor after the verb speaks
    ['ومع روسيا أكد الرئيس الفرنسي أن الهدنة صامدة.', 'الرئيس الفرنسي'],
    // a verb with its conjunction opens its own clause
    ['وصل الوفد الروسي إلى المدينة واتهم الجيش الأوكراني المتمردين بخرق الهدنة.', 'الجيش الأوكراني'],
  ])('%s → %s', (text, speaker) => {
    expect(said(text).map((s) => s.speaker)).toEqual([speaker]);
  });
});

describe('a reporting verb with an object pronoun, and words between a verb and its subject', () => {
  it.each([
    ['وبدأت هدنة أعلنها الجيش الأوكراني لمدة خمس ساعات.', 'الجيش الأوكراني', 'أعلنها'],
    ['وقتل 5 مدنيين، الأمر الذي نفاه الجيش التركي.', 'الجيش التركي', 'نفاه'],
  ])('%s → %s', (text, speaker, verb) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker, text: speaker, verb });
    expectSpeakerEvidence(text, s!, speaker);
  });

  it('with nothing said after the subject, the clause before is the content', () => {
    const [s] = said('وقتل 5 مدنيين، الأمر الذي نفاه الجيش التركي.');
    expect(s).toMatchObject({ rule: 'statements:verb-then-speaker-after-clause', content: 'وقتل 5 مدنيين، الأمر الذي' });
  });

  it('the noun "his description" is no verb with a pronoun', () => {
    expect(said('وفي وصفه للهجوم قال الرئيس الفرنسي إن الوضع خطير.').map((s) => [s.speaker, s.verb])).toEqual([['الرئيس الفرنسي', 'قال']]);
  });

  it('a preposition with its pronoun and a list opener may stand between the verb and its subjects', () => {
    const out = said('وتعقد جلسة طارئة الخميس، دعت إليها كل من السويد والكويت لبحث الوضع.');
    expect(out.map((s) => s.text).sort()).toEqual(['السويد', 'الكويت']);
  });
});

describe('the hearer after an unknown subject is not part of it', () => {
  it.each([
    ['وقال المتحدث لوكالة "رويترز" إن عدد القتلى يضم مقاتلين.', 'المتحدث'],
    ['وقال الناطق لقناة الجزيرة إن القصف توقف.', 'الناطق'],
  ])('%s → %s', (text, phrase) => {
    const [s] = said(text);
    expect(s).toMatchObject({ text: phrase });
    expectSpeakerEvidence(text, s!, phrase);
  });

  it('a word after the subject with no preposition still belongs to it', () => {
    const [s] = said('وقال المتحدث العسكري إن القصف توقف.');
    expect(s!.text).toBe('المتحدث العسكري');
  });
});

describe('an aside between dashes or in brackets after the speaker', () => {
  it.each([
    ['وقال المتحدث باسم الحاكم جميل نوري -حسبما ذكرت شبكة "الأخبار"- إن الهجوم وقع قرب مقر الشرطة.', 'جميل نوري', 'إن الهجوم وقع قرب مقر الشرطة'],
    ['وقال المتحدث باسم الشرطة سامي فرحات (في اتصال هاتفي) إن القصف توقف.', 'سامي فرحات', 'إن القصف توقف'],
  ])('%s → %s', (text, speaker, content) => {
    const [s] = said(text);
    expect(s).toMatchObject({ speaker, content });
  });
});

describe('the holder of an office named after a word in brackets', () => {
  it('speaks: the bracketed word is part of the office', () => {
    const text = 'وقال قائد عمليات الجنوب (الجيش) اللواء الركن سامر حداد، في بيان، إن القوات داهمت موقعا.';
    const [s] = said(text);
    expect(s).toMatchObject({ speaker: 'سامر حداد', content: 'إن القوات داهمت موقعا' });
    expectSpeakerEvidence(text, s!, 'قائد عمليات الجنوب (الجيش) اللواء الركن سامر حداد');
  });
});
