import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';
import { extract } from '../../index.ts';
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

/** Each record as [outcome, best, qualifier, group, evidence text]; the helper checks every span slices the text. */
const records = (text: string) => {
  const d = run(text);
  return d.casualties.map((c) => {
    const e = c.evidence[0]!;
    // the figure's words are where the evidence says they are
    expect(text.slice(e.start, e.end)).toBe(e.text);
    return [c.outcome, c.best, c.qualifier, c.group, e.text];
  });
};

describe('singular, dual and implied victims', () => {
  it.each([
    ['قتل نائب في الهجوم.', [['killed', 1, 'exact', 'all', 'قتل نائب']]],
    ['أعلنت الحركة مقتل زعيم التنظيم.', [['killed', 1, 'exact', 'all', 'مقتل زعيم']]],
    ['قتل جنديين في الانفجار.', [['killed', 2, 'exact', 'security_forces', 'قتل جنديين']]],
    ['وأسفر القصف عن سقوط قتيلين.', [['killed', 2, 'exact', 'all', 'قتيلين']]],
    ['احتجاجات الجمعة قتل خلالها فلسطينيان.', [['killed', 2, 'exact', 'all', 'قتل خلالها فلسطينيان']]],
    ['فجر انتحاري نفسه قرب المسجد.', [['killed', 1, 'exact', 'attackers', 'فجر انتحاري نفسه']]],
    ['وقتل ثلاثة على الفور وتوفي رابع في المستشفى.', [['killed', 3, 'exact', 'all', 'قتل ثلاثة'], ['killed', 1, 'exact', 'all', 'توفي رابع']]],
    ['وكان عضوان من الحركة قد قتلا في قصف.', [['killed', 2, 'exact', 'all', 'عضوان من الحركة قد قتلا']]],
    ['قتل جندي وثمانية مقاتلين في الهجوم.', [['killed', 1, 'exact', 'security_forces', 'قتل جندي'], ['killed', 8, 'exact', 'combatants', 'ثمانية مقاتلين']]],
    ['أعلنت الوزارة مقتل أم حامل وطفلتها في غارة.', [['killed', 2, 'exact', 'all', 'مقتل أم حامل وطفلتها']]],
    ['وقالت الوزارة إن امرأة حاملا وطفلتها قتلتا في الغارة.', [['killed', 2, 'exact', 'all', 'امرأة حاملا وطفلتها قتلتا']]],
    ['قتل رجل وأصيب طفل.', [['killed', 1, 'exact', 'all', 'قتل رجل'], ['injured', 1, 'exact', 'children', 'أصيب طفل']]],
    // a dual noun conjoined to a figure is two more victims of its outcome
    ['تشير الحصيلة إلى إصابة 3 مدنيين وعنصرين من الشرطة.', [['injured', 3, 'exact', 'civilians', 'إصابة 3 مدنيين'], ['injured', 2, 'exact', 'combatants', 'عنصرين']]],
    ['أسفر القصف عن مقتل فتاة وجنديين.', [['killed', 1, 'exact', 'women', 'مقتل فتاة'], ['killed', 2, 'exact', 'security_forces', 'جنديين']]],
    // a dual subject, its partitive, its verb: a figure after another casualty verb is that verb's
    ['وقال إن عنصرين من المخابرات قتلا بينما أصيب ستة آخرون.', [['killed', 2, 'exact', 'combatants', 'عنصرين من المخابرات قتلا'], ['injured', 6, 'exact', 'all', 'أصيب ستة']]],
  ])('%s', (text, expected) => {
    expect(records(text)).toEqual(expected);
  });

  it.each([
    ['قتل انتحاري 8 أشخاص على الأقل.', [['killed', 8, 'at_least', 'all', 'قتل انتحاري 8 أشخاص على الأقل']]], // the bomber is the killer, not a victim
    ['وأصيب الاثنان بشظايا.', []], // the two already counted
    ['لم تسفر الهجمات عن مقتل أي جندي.', []],
    ['فجر المسلحون سيارة مفخخة قرب القاعدة.', []],
    ['قتل 5 مسلحين والجنديين.', [['killed', 5, 'exact', 'combatants', 'قتل 5 مسلحين']]], // the two soldiers already counted
    // killed and wounded together: no single outcome (the corpus README: combined figures are not listed)
    ['أعلن المتحدث مقتل وإصابة 24 شخصا في الانفجار.', []],
    ['قتل وجرح 12 شخصا في القصف.', []],
    ['أسفر الهجوم عن إصابة ومقتل 30 شخصا.', []],
  ])('%s: no victim of its own', (text, expected) => {
    expect(records(text)).toEqual(expected);
  });
});

describe('figures of people by partitive, verb after and coordination', () => {
  it.each([
    ['وقتل 252 من الفصائل مقابل 281 من المقاتلين الأكراد.', [['killed', 252, 'exact', 'all', 'قتل 252 من الفصائل'], ['killed', 281, 'exact', 'combatants', '281 من المقاتلين']]],
    ['وقتل 60 عنصرا من قوات النظام وحلفائها مقابل 34 مقاتلا من الفصيل.', [['killed', 60, 'exact', 'combatants', 'قتل 60 عنصرا'], ['killed', 34, 'exact', 'combatants', '34 مقاتلا']]],
    ['قتل 11 جنديا و5 مدنيين في الهجوم.', [['killed', 11, 'exact', 'security_forces', 'قتل 11 جنديا'], ['killed', 5, 'exact', 'civilians', '5 مدنيين']]],
    ['وقال إن أربعة جنود أوغنديين قتلوا.', [['killed', 4, 'exact', 'security_forces', 'أربعة جنود أوغنديين قتلوا']]],
    // health reports: injuries and deaths counted as cases; figures in thousands joined to their conjunction
    ['سجلت الوزارة 12 حالة وفاة و149 ألفاً و588 حالة إصابة.', [['killed', 12, 'exact', 'all', '12 حالة وفاة'], ['injured', 149588, 'exact', 'all', '149 ألفاً و588 حالة إصابة']]],
    ['ارتفعت الحصيلة إلى 62 ألفًا و64 شهيدًا و156 ألفًا و573 مصابًا.', [['killed', 62064, 'exact', 'all', '62 ألفًا و64 شهيدًا'], ['injured', 156573, 'exact', 'all', '156 ألفًا و573 مصابًا']]],
    ['قتل 69,799 شخصا، و170,972 إصابة منذ بدء الحرب.', [['killed', 69799, 'exact', 'all', 'قتل 69,799 شخصا'], ['injured', 170972, 'exact', 'all', '170,972 إصابة']]],
    ['ارتفع إجمالي الشهداء إلى ألف و996.', [['killed', 1996, 'exact', 'all', 'الشهداء إلى ألف و996']]],
    // a counted noun then an injury noun with its own figure: two figures, not a combined one
    ['تسببت المعارك بسقوط نحو 1100 قتيل وإصابة 5762 بجروح.', [['killed', 1100, 'about', 'all', 'نحو 1100 قتيل'], ['injured', 5762, 'exact', 'all', 'إصابة 5762']]],
    // a figure behind its conjunction with its own counted noun, far from the figure before it
    ['بلغت الخسائر خمسة قتلى نتيجة غارة جوية فجر الخميس، وأربعة قتلى نتيجة الاشتباكات.', [['killed', 5, 'exact', 'all', 'خمسة قتلى'], ['killed', 4, 'exact', 'all', 'أربعة قتلى']]],
    // a noun with its conjunction after a figure opens the next figure, it does not count this one
    ['أسفر القصف عن مقتل 5 وإصابة 10.', [['killed', 5, 'exact', 'all', 'مقتل 5'], ['injured', 10, 'exact', 'all', 'إصابة 10']]],
    // each outcome its own figure, not a combined one
    ['قتل 3 وأصيب 12 شخصا.', [['killed', 3, 'exact', 'all', 'قتل 3'], ['injured', 12, 'exact', 'all', 'أصيب 12 شخصا']]],
    ['وكان خمسة مسلحين لقوا مصرعهم وأصيب سبعة آخرين السبت.', [['killed', 5, 'exact', 'combatants', 'خمسة مسلحين لقوا مصرعهم'], ['injured', 7, 'exact', 'all', 'أصيب سبعة']]],
    ['وقتل منذ بدء الاشتباكات في 25 شباط/فبراير 60 عنصرا من قوات النظام.', [['killed', 60, 'exact', 'combatants', 'قتل منذ بدء الاشتباكات في 25 شباط/فبراير 60 عنصرا']]],
    ['وفي نيسان قتل انفجاران في كابول 26 شخصاً على الأقل.', [['killed', 26, 'at_least', 'all', 'قتل انفجاران في كابول 26 شخصاً على الأقل']]],
    ['ارتفعت حصيلة القتلى منذ بدء الهجوم على الجنوب إلى 149 مدنيا على الأقل.', [['killed', 149, 'at_least', 'civilians', 'القتلى منذ بدء الهجوم على الجنوب إلى 149 مدنيا على الأقل']]],
  ])('%s', (text, expected) => {
    expect(records(text)).toEqual(expected);
  });

  it.each([
    ['قالت الأمم المتحدة إن 5 مسلحين قتلوا 3 جنود.', [['killed', 3, 'exact', 'security_forces', 'قتلوا 3 جنود']]], // the five are the killers
    ['قال 5 مسؤولين إن المسلحين قتلوا جنديا.', [['killed', 1, 'exact', 'security_forces', 'قتلوا جنديا']]], // the five speak
    ['أكد 10 أشخاص أنهم شاهدوا المسلحين يقتلون المدنيين.', []],
    ['شنت الطائرات 35 غارة على المدينة.', []],
    ['قتلوا في أول ستة شهور من العام.', []],
    ['فر نحو 400 سجين من السجن.', []],
    ['يعيش 2,5 مليون شخص في المحافظة، نصفهم من النازحين.', []],
  ])('%s: people and things apart', (text, expected) => {
    expect(records(text)).toEqual(expected);
  });
});

describe('subsets', () => {
  it('links a singular and a coordinated subset to their total', () => {
    const d = run('قتل ستة مدنيين على الأقل بينهم امرأة وأربعة أطفال.');
    expect(d.casualties.map((c) => [c.best, c.qualifier, c.group, c.subset_of, c.evidence[0]!.text])).toEqual([
      [6, 'at_least', 'civilians', null, 'قتل ستة مدنيين على الأقل'],
      [1, 'exact', 'women', d.casualties[0]!.id, 'بينهم امرأة'],
      [4, 'exact', 'children', d.casualties[0]!.id, 'أربعة أطفال'],
    ]);
  });

  it('reads "من بينهم" with a dual', () => {
    const d = run('قتل 30 شخصا من بينهم طفلان.');
    expect(d.casualties.map((c) => [c.best, c.group, c.subset_of, c.evidence[0]!.text])).toEqual([
      [30, 'all', null, 'قتل 30 شخصا'],
      [2, 'children', d.casualties[0]!.id, 'من بينهم طفلان'],
    ]);
  });

  it('keeps subsets of different totals apart', () => {
    const d = run('قتل 30 شخصا بينهم ثلاثة أطفال في إدلب. وفي حلب قتل 18 شخصا بينهم ثلاثة أطفال.');
    expect(d.casualties.map((c) => [c.best, c.subset_of])).toEqual([
      [30, null],
      [3, d.casualties[0]!.id],
      [18, null],
      [3, d.casualties[2]!.id],
    ]);
  });

  it('reads a part of a toll given before', () => {
    expect(records('قتل 39 شخصا على الأقل. وقالت المنظمة إن 18 شخصا من القتلى مدنيون.')).toEqual([
      ['killed', 39, 'at_least', 'all', 'قتل 39 شخصا على الأقل'],
      ['killed', 18, 'exact', 'all', '18 شخصا من القتلى'],
    ]);
  });
});

describe('not figures', () => {
  it.each([
    ['لم يسفر الهجوم عن سقوط قتلى.'],
    ['لا ضحايا في الحادث.'],
    ['قتل عدد من المدنيين.'],
    ['أسفرت المعارك عن عشرات القتلى والجرحى.'],
    ['سقط 60 قتيلاً وجريحاً.'],
    ['أشاروا إلى سقوط العشرات من الحوثيين ما بين قتيل وجريح.'],
    ['قالت الأمم المتحدة إن ما يقرب من خمسة آلاف مدني أصيبوا أو قتلوا.'],
    ['أطلق المسلحون 10 صواريخ على البلدة.'],
    ['أطلقت السلطات سراح 20 معتقلا.'],
    ['تم الإفراج عن 1447 شخصا بعد التحقق من هوياتهم.'],
  ])('%s', (text) => {
    expect(records(text)).toEqual([]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['وأوقعت الغارات 25 جريحا فلسطينيا على الأقل.', [['injured', 25, 'at_least', 'all', '25 جريحا فلسطينيا على الأقل']]],
    ['تحدثت الشرطة عن ثلاثة قتلى وأربعة جرحى على الأقل.', [['killed', 3, 'exact', 'all', 'ثلاثة قتلى'], ['injured', 4, 'at_least', 'all', 'أربعة جرحى على الأقل']]],
    ['وقتل 40 جندي تركي على الأقل.', [['killed', 40, 'at_least', 'security_forces', 'قتل 40 جندي تركي على الأقل']]],
    ['وأصيب قرابة 32 جريحا.', [['injured', 32, 'at_most', 'all', 'قرابة 32 جريحا']]],
    ['وشهد الأحد مقتل نحو 30 قتيلا.', [['killed', 30, 'about', 'all', 'نحو 30 قتيلا']]],
  ])('%s', (text, expected) => {
    expect(records(text)).toEqual(expected);
  });
});

describe('one record per distinct figure', () => {
  it('merges a repeated toll and keeps the evidence of every mention', () => {
    const text = 'قتل 36 مقاتلا على الأقل في عفرين. وقال المرصد إن 36 مقاتلا على الأقل قتلوا في الغارات.';
    const [c, ...rest] = run(text).casualties;
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ outcome: 'killed', best: 36, qualifier: 'at_least', group: 'combatants' });
    expect(c!.evidence.map((e) => [e.start, e.text])).toEqual([
      [0, 'قتل 36 مقاتلا على الأقل'],
      [text.indexOf('36 مقاتلا على الأقل قتلوا'), '36 مقاتلا على الأقل قتلوا'],
    ]);
  });

  it('merges a small count repeated in the next sentence', () => {
    expect(records('قتل أربعة أشخاص في المطعم. وقالت الشرطة إن المسلح قتل أربعة أشخاص قبل أن يفر.')).toEqual([['killed', 4, 'exact', 'all', 'قتل أربعة أشخاص']]);
  });

  it('takes the body\'s figure for a headline that repeats it, with the headline\'s words as evidence', () => {
    const title = '22 قتيلاً بانفجار سيارة مفخخة';
    const text = 'قال مسؤولون إن 22 شخصا على الأقل قتلوا في الإقليم.';
    const d = extract({ text, title, published: '2015-08-10' }, { source: 'test', fallbackId: 'test' });
    expect(d.casualties.map((c) => [c.best, c.qualifier, c.number_text])).toEqual([[22, 'at_least', '22']]);
    expect(d.casualties[0]!.evidence.map((e) => [e.field ?? 'text', e.start, e.text])).toEqual([
      ['text', text.indexOf('22 شخصا'), '22 شخصا على الأقل قتلوا'],
      ['title', 0, '22 قتيلاً'],
    ]);
  });

  it('takes a vague headline for the exact figure of the body ("عشرات القتلى" and 38)', () => {
    const d = extract({ text: 'أفاد المرصد بمقتل 38 من المقاتلين في ضربة جوية.', title: 'الضربة المجهولة.. عشرات القتلى', published: '2018-06-18' }, { source: 'test', fallbackId: 'test' });
    expect(d.casualties.map((c) => [c.best, c.qualifier, c.evidence.map((e) => e.text)])).toEqual([[38, 'exact', ['مقتل 38 من المقاتلين', 'عشرات القتلى']]]);
  });

  it('keeps the first mention\'s qualifier when a later one rounds it ("نحو 30")', () => {
    expect(records('وقتل 30 مدنيا على الأقل في القصف. ولقي نحو 30 مدنيا مصرعهم في الغارات.')).toEqual([['killed', 30, 'at_least', 'civilians', 'قتل 30 مدنيا على الأقل']]);
  });

  it('takes a vague word in the paragraph of an exact figure for that figure', () => {
    const text = 'أسفرت الغارات عن مقتل العشرات من المدنيين. وأسفرت التفجيرات عن مقتل ما مجموعه 49 شخصا.';
    const [c, ...rest] = run(text).casualties;
    expect(rest).toEqual([]);
    expect([c!.best, c!.qualifier, c!.number_text]).toEqual([49, 'exact', '49']);
    expect(c!.evidence.map((e) => e.text)).toEqual(['مقتل ما مجموعه 49 شخصا', 'مقتل العشرات من المدنيين']);
  });

  it.each([
    ['a vague figure in another paragraph', 'وجرح العشرات من الجانبين في لحج.\n\nوفي تعز أسفرت الاشتباكات عن مقتل 20 شخصا وإصابة 30 آخرين.', [10, 20, 30]],
    ['different claimants\' figures', 'قال الجيش إن جنوده قتلوا 22 من المسلحين. وقال المتحدث باسم الحركة إن 14 من مقاتليها قتلوا.', [22, 14]],
    ['the same count on different days', 'احتجاجات الجمعة قتل خلالها فلسطينيان. وشن الجيش السبت غارات موقعا قتيلين.', [2, 2]],
    ['"others"', 'قتل خمسة مدنيين في درعا. وقتل خمسة مدنيين آخرين في إدلب.', [5, 5]],
    ['an earlier toll', 'وقتل ثلاثة من الضحايا على الفور. وفي حصيلة سابقة، تحدثت الشرطة عن ثلاثة قتلى.', [3, 3]],
    ['a small count of another paragraph', 'قتل حوثيان في الحديدة.\n\nوقال المصدر إن اثنين من رجال المقاومة قتلوا.', [2, 2]],
    ['one soldier and one member', 'كما قتل أحد أعضاء الحركة شمالي المدينة.\n\nوقد قتل جندي بعد إطلاق قناص النار عليه.', [1, 1]],
  ])('keeps %s apart', (_what, text, bests) => {
    expect(run(text).casualties.map((c) => c.best)).toEqual(bests);
  });
});

describe('claimant', () => {
  const claimantName = (text: string) => {
    const d = run(text);
    const c = d.casualties[0]!;
    return c.claimant === null ? null : (d.actors.find((a) => a.id === c.claimant)?.name_native ?? '?');
  };
  it.each([
    ['قتل 19 شخصا، حسبما أفاد المرصد السوري لحقوق الإنسان.', 'المرصد السوري لحقوق الإنسان'],
    ['قال الجيش الإسرائيلي إن 3 مسلحين قتلوا.', 'الجيش الإسرائيلي'],
    ['قتل 5 أشخاص وفقا لمصادر طبية.', null],
  ])('%s', (text, name) => {
    expect(claimantName(text)).toBe(name);
  });
});

