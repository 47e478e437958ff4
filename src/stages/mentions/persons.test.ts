/** People by context: offices, appositions, commas, naming words and credits; unnamed office holders are not persons. */
import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

const persons = (text: string) => run(text).actors.filter((a) => a.kind === 'person');

describe('a person named by context (positive rows: name and evidence)', () => {
  it.each([
    // office, its body, then the name between commas
    ['وقال المتحدث باسم وزارة الداخلية، سامر الخطيب، إن الهجوم فشل.', 'سامر الخطيب'],
    ['وأكد الناطق باسم الجيش السوداني، نبيل عبد الله، أن القوات تقدمت.', 'نبيل عبد الله'],
    // name then office, no comma, after a reporting verb
    ['وقال كريم العلي المتحدث باسم الشرطة إن ثلاثة أشخاص أصيبوا.', 'كريم العلي'],
    ['وقال عبد الرحمن أبو خالد المتحدث باسم الجماعة إن مقاتليها انسحبوا.', 'عبد الرحمن أبو خالد'],
    // name then kinship noun
    ['وتقول سعاد حمدان والدة أحد الجرحى إن المستشفى مكتظ.', 'سعاد حمدان'],
    // a naming word
    ['وقالت الشرطة إن رجلا يدعى مروان سليم اعتقل.', 'مروان سليم'],
    ['وأوقفت الشرطة الشاب المدعو سامي رحال في المدينة.', 'سامي رحال'],
    // office whose complement no lexicon knows, then the name
    ['وقال المتحدث باسم الحركة ماهر عيسى في بيان إن الهجوم رد على الغارات.', 'ماهر عيسى'],
    // a foreign surname with a plural-verb ending, closed by a complementizer or a comma
    ['وقال المتحدث باسم الحلف سيرجيو مارتوا إن الهجوم فشل.', 'سيرجيو مارتوا'],
    ['وقال الناطق باسم البعثة، جوزيه كاستروا، إن القوات انسحبت.', 'جوزيه كاستروا'],
    // "الرسمي" inside the office
    ['وطالب المتحدث الرسمي باسم الحكومة الفلسطينية، يوسف المحمود، بوقف القصف.', 'يوسف المحمود'],
    // a person noun (with a demonym) or a possessed kinship noun, then a closed name
    ['وأدانت المنظمة قتل الطفل الفلسطيني عبد الله عيسى (12 سنة) في المدينة.', 'عبد الله عيسى'],
    ['وقالت الأم قبيل تشييع ابنها أمير "خرج مع صديقه".', 'أمير'],
    ['وأصيبت الشابة سلمى خالد، وهي طالبة، بجروح.', 'سلمى خالد'],
    // the office of a place, the name set off by commas
    ['وقال محافظ حلب، حسين دياب، إن القصف توقف.', 'حسين دياب'],
    // the subject of a reporting verb that opens with a given name or a compound given name
    ['وقال محمد الحسن إن الطائرات قصفت السوق.', 'محمد الحسن'],
    ['وقال فتح الله يعقوبي، إن الانفجار دمر المستشفى.', 'فتح الله يعقوبي'],
    ['وأكدت سعاد المحمد أن المدرسة أغلقت.', 'سعاد المحمد'],
    // a subject of two plain words (no article, no word the pack knows) closed by a comma or a complementizer
    ['وقال فاسيل تكاتشنكو، في منشور على تلغرام، إن الهجوم ضخم.', 'فاسيل تكاتشنكو'],
    ['وقال جون سميث إن الهجوم ضخم.', 'جون سميث'],
    // a given name's run, then a noun in apposition describing the person
    ['وقال محمد نور ضابط بشرطة المرور لوكالة رويترز إن ثلاثة أصيبوا.', 'محمد نور'],
    ['وقال أحمد سعيد أحد سكان الحي إن القصف عنيف.', 'أحمد سعيد'],
    // a rank and its modifier before the name
    ['وقال العميد الركن سامر حداد إن الهدنة صامدة.', 'سامر حداد'],
    ['وقال اللواء المتقاعد نبيل فرحات إن الحرب طويلة.', 'نبيل فرحات'],
    // an office, its complement, the state's adjective, then the name
    ['واستنكرت وزيرة الطاقة الأوكرانية سفيتلانا غرينتشوك الهجوم.', 'سفيتلانا غرينتشوك'],
    // the office of a place with the article is no construct: the words after it name the holder
    ['وقال الحاكم أولكسندر بروكودين إن القصف استهدف الأحياء.', 'أولكسندر بروكودين'],
    // after a place the lexicon knows, a name closed by a complementizer
    ['وقال رئيس بلدية كييف فيتالي كليتشكو إن الهجوم ضخم.', 'فيتالي كليتشكو'],
    // the body, a complement with the preposition ل, then the name between commas
    ['وكشف رئيس الإدارة العسكرية للعاصمة، تيمور تكاتشينكو، أن الهجوم ضخم.', 'تيمور تكاتشينكو'],
    // a person noun, then the name in quotation marks (the marks close a name with a place word in it)
    ['وقال الشرطي «سامي عدن» لوكالة الأنباء إن انفجارين وقعا.', 'سامي عدن'],
    // a rank as the press transliterates it
    ['وقال الميجر صادق فارح، في مؤتمر صحفي إن الهجوم فشل.', 'صادق فارح'],
    // a name set apart by quotation marks after a rank
    ['وقال المتحدث باسم الجيش العميد "سامي فرحات"، في تسجيل صوتي إن القصف توقف.', 'سامي فرحات'],
    // an office inside the complement of "باسم"
    ['وقال المتحدث باسم الحاكم الإقليمي جميل نوري إن الهجوم وقع.', 'جميل نوري'],
    // a name that begins with و after an office is still a name (only a conjunction before a
    // noun that names none, "وعضو", is the next office)
    ['وقال وزير الإعلام وسام حداد إن البث توقف.', 'وسام حداد'],
    // علي folds to the preposition على: an article that writes the preposition with ى writes علي as the name
    ['وقال علي نور نائب حاكم المنطقة إن المسلحين هاجموا على القاعدة.', 'علي نور'],
    // the command an officer leads is no name; the officer named after it is
    ['واستهدف القصف منزل قائد محور المدينة سابقا اللواء فهد بن ناصر في الليل.', 'فهد بن ناصر'],
  ])('%s → %s', (text, name) => {
    const found = persons(text);
    const p = found.find((a) => a.name === name);
    expect(p, JSON.stringify(found.map((a) => a.name))).toBeDefined();
    expect(p!.mentions.some((m) => m.text.includes(name) && text.slice(m.start, m.end) === m.text)).toBe(true);
  });
});

describe('no person where nobody is named (negative rows)', () => {
  it.each([
    'وقال مسؤولون أمنيون إن الانفجار وقع صباحا.',
    'وأكد مسؤولين كبار في الحكومة أن المفاوضات مستمرة.',
    'وقالت مسؤولة كردية كبيرة إن الوضع كارثي.',
    'وصل وزير الدفاع التركي ومسؤولين آخرين إلى العاصمة.',
    'وقال مسؤول أمني لرويترز إن الطريق أغلق.',
    'وقال مدير المكتب الإعلامي في المستشفى إن الجرحى نقلوا.',
    'وقال المتحدث باسم شرطة المدينة إن التحقيق جار.',
    'أعلن وزير الدفاع الأذربيجاني أن القوات تقدمت.',
    'وقال المسؤولون عنها إنهم سيحققون.',
    // a plural verb after a name is still a verb when the run does not close after it
    'وقال المتحدث باسم الحركة إن المقاتلين انسحبوا من المدينة.',
    'أعلن المتحدث باسم الفصائل الخميس موافقتها على التفاوض.',
    // the words after the office of a place are the place
    'وقال رئيس بلدية ناشفيل إن المسلح اعتقل.',
    'وقال حاكم منطقة خان آباد إن السيارة كانت مفخخة.',
    // علي in an article that never writes على may be the preposition: no name
    'وقال علي نور نائب حاكم المنطقة إن المسلحين هاجموا القاعدة.',
    // ... and where the article writes على, علي before an ordinary word is still no name
    'وأكد علي ضرورة وقف القتال على الفور.',
    // a military command or front after an officer's office, and the next office after و
    'واستهدف القصف منزل قائد محور تعز في الليل.',
    'وقال قائد جبهة الساحل إن الهجوم فشل.',
    'وعين مستشار وزير الأوقاف وعضو مجلس الشورى في منصبه.',
    // a person noun followed by an ordinary word, not a closed name
    'وقتل الطفل برصاص القناصة في الحي.',
    'وأصيب الرجل الذي كان يقود السيارة.',
    // the subject of a reporting verb that opens with no given name is a body or a source, not a person
    'وقالت مصادر محلية إن الطريق أغلق.',
    'وقال ناشطون إن الطائرات حلقت فوق المدينة.',
    'وقال حزب العمال إن مرشحه انسحب.',
    'وقال مسؤول محلي إن الهجوم وقع ليلا.',
    'وقال سكان محليون إن الهجوم وقع ليلا.',
    'وقالت أطباء بلا حدود إن المستشفى قصف.',
    'وقالت هيومن رايتس ووتش إن الهجوم جريمة.',
    'وقال الحاكم إن السيارة كانت مفخخة.',
    // words in quotation marks after a person noun that are a quotation, not a name
    'وقال الشرطي "قتل خمسة".',
    'وقال الطبيب "لن نغادر".',
    // "باسم" after an office is "on behalf of", never a name
    'وأفاد المتحدث العسكري باسم القوات المسلحة ببيان أن القوات صدت الهجوم.',
    // a unit, a channel or a company after an office opens no personal name
    'وأفاد مراسل وكالة «صفا» بإطلاق النار على المدينة.',
    'وقال قائد عمليات الأنبار إن القوات داهمت موقعا.', // a command an officer leads, not a name
    'وقتل عقيد منشق وقائد لواء مقاتل في الهجوم.',
    // a given name that is not the subject of a reporting verb names nobody by itself
    'وأكد التقرير حسن النية لدى الطرفين.',
  ])('%s', (text) => {
    expect(persons(text).map((a) => a.name)).toEqual([]);
  });

  it('an unnamed office holder is an actor of the office, not a person', () => {
    const doc = run('أعلن وزير الدفاع الأذربيجاني أن القوات تقدمت.');
    const office = doc.actors.find((a) => a.title_en === 'defence minister');
    expect(office).toMatchObject({ kind: 'government', country: 'AZE', name: 'Azerbaijani defence minister' });
    expect(office!.mentions[0]).toMatchObject({ text: 'وزير الدفاع الأذربيجاني', start: 5 });
  });
});

describe('an unnamed office of a body no country qualifies', () => {
  it.each([
    ['أعلن المتحدث باسم الفصائل الخميس موافقتها على التفاوض.', 'المتحدث باسم الفصائل', 'armed_group'],
    ['وقال الناطق باسم البعثة إن الجنود قتلوا.', 'الناطق باسم البعثة', 'government'],
  ])('%s → %s', (text, office, kind) => {
    const doc = run(text);
    const a = doc.actors.find((x) => x.rule === 'actors:unnamed-official-of-body');
    expect(a).toMatchObject({ kind, name_native: office });
    expect(a!.mentions[0]).toEqual({ start: text.indexOf(office), end: text.indexOf(office) + office.length, text: office });
    expect(doc.statements[0]?.speaker).toBe(a!.id);
  });

  it('an office with a name is the person, not an office actor', () => {
    expect(run('وقال المتحدث باسم الحركة ماهر عيسى إن الهجوم فشل.').actors.filter((x) => x.rule === 'actors:unnamed-official-of-body')).toEqual([]);
  });
});

describe('credits', () => {
  it('the photographer of a caption credit is a person, with the span of the name', () => {
    const text = 'اشتباكات في المدينة\n01 نوفمبر 2020\nجنود قرب الحدود اليوم (سمير داود/ رويترز)\nقال الجيش إن القتال استمر.';
    const doc = run(text, null);
    const p = doc.actors.find((a) => a.kind === 'person' && a.name === 'سمير داود');
    expect(p?.rule).toBe('actors:credit');
    expect(p?.mentions).toEqual([{ start: text.indexOf('سمير داود'), end: text.indexOf('سمير داود') + 9, text: 'سمير داود' }]);
  });
});

describe('states named in a list or after a locative', () => {
  it('a country after another country name is a second state, not a demonym of the first', () => {
    const doc = run('وقالت روسيا وأوكرانيا إن المحادثات فشلت.');
    expect(doc.actors.filter((a) => a.kind === 'state').map((a) => [a.country, a.mentions[0]!.text])).toEqual([['RUS', 'روسيا'], ['UKR', 'أوكرانيا']]);
  });

  it('a country after "وفي" is where something happened: a place, not an actor', () => {
    const doc = run('هاجم مسلحون قرية. وفي ليبيا، قتل 7 أشخاص.');
    expect(doc.places.some((p) => p.country === 'LBY')).toBe(true);
    expect(doc.actors.some((a) => a.country === 'LBY' && a.kind === 'state')).toBe(false);
  });
});
describe('a surname after an office joins the person already named', () => {
  it('القاضي نيازي after القاضي طاهر خان نيازي is one person with both mentions', () => {
    const text = 'قتل مسلحون القاضي طاهر خان نيازي في المدينة. وقال المتحدث إن الحركة استهدفت القاضي نيازي في منزله.';
    const ps = persons(text);
    expect(ps.map((p) => p.name)).toEqual(['طاهر خان نيازي']);
    expect(ps[0]!.mentions.map((m) => m.text)).toContain('القاضي نيازي');
    for (const m of ps[0]!.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('the speaker described by a noun is the person named after it', () => {
  it.each([
    ['وقال الطبيب أحمد سعيد إن الجرحى نقلوا.', 'أحمد سعيد', 'الطبيب أحمد سعيد'],
    ['وقال الشرطي «محمد ضاهر» إن 18 شخصا قتلوا.', 'محمد ضاهر', 'الشرطي «محمد ضاهر'],
  ])('%s', (text, name, mention) => {
    const doc = run(text);
    const p = doc.actors.find((a) => a.kind === 'person' && a.name === name)!;
    expect(p.mentions[0]!.text).toBe(mention);
    expect(doc.statements.map((s) => s.speaker)).toEqual([p.id]);
  });
});
