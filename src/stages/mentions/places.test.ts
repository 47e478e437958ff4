/**
 * Places in context (places.ts): class nouns, lists, the graded GeoNames names and the words that
 * keep ordinary words from becoming places. Each row gives the text and the places expected, with
 * the text of each place's first mention (run() also checks that every evidence span slices the text).
 */
import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

interface Found {
  name: string;
  kind: string;
  country: string | null;
  coords: boolean;
  rule: string;
  text: string;
}

function places(text: string): Found[] {
  return run(text).places.map((p) => {
    const ev = p.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    return { name: p.name, kind: p.kind, country: p.country, coords: p.lat !== null && p.lon !== null, rule: p.rule, text: p.mentions[0]!.text };
  });
}

const only = (text: string) => places(text).map((p) => [p.text, p.name, p.kind, p.country, p.coords, p.rule]);

describe('places named by their class noun', () => {
  it.each([
    // the class noun only describes the place: dropped ("منطقة الزيتون" → الزيتون)
    ['قتل مدنيان في منطقة الزيتون', [['الزيتون', 'الزيتون', 'district', null, false, 'places:class-noun-name']]],
    // a landmark or a facility keeps its class noun
    ['سقطت قذيفة على قرية تل العيس', [['تل العيس', 'تل العيس', 'site', null, false, 'places:class-noun-name']]],
    ['أغلقت السلطات معبر الصداقة', [['معبر الصداقة', 'معبر الصداقة', 'site', null, false, 'places:class-noun-name']]],
    // ... and a known place in its name is a place too, where it counts alone
    ['أغلقت السلطات معبر الكرامة', [['معبر الكرامة', 'معبر الكرامة', 'site', null, false, 'places:class-noun-and-place']]],
    ['هبطت الطائرة في مطار ميونخ', [['مطار ميونخ', 'مطار ميونخ', 'site', null, false, 'places:class-noun-and-place'], ['ميونخ', 'Munich', 'city', 'DEU', true, 'places:geonames']]],
    // a GeoNames name that is also an ordinary word counts after a class noun, with coordinates
    // where the article names its country
    ['سقطت قذيفة على بلدة المزرعة السورية', [['المزرعة', 'Al Mazra‘ah', 'town', 'SYR', true, 'places:geonames']]],
    ['سقطت قذيفة على بلدة المزرعة', [['المزرعة', 'المزرعة', 'town', null, false, 'places:class-noun-name']]],
    // a dual or plural class noun introduces several names joined by و
    ['سيطر الجيش على بلدتي كفرنبودة والهبيط', [['كفرنبودة', 'كفرنبودة', 'town', null, false, 'places:class-noun-name'], ['الهبيط', 'الهبيط', 'town', null, false, 'places:class-noun-list']]],
    // ... or by a list head after it
    [
      'قصفت الطائرات بلدات في ريف إدلب، بينها سراقب والهبيط وكفرنبل',
      [
        ['إدلب', 'Idlib', 'city', 'SYR', true, 'places:gazetteer'],
        ['سراقب', 'Saraqib', 'town', 'SYR', true, 'places:gazetteer'],
        ['الهبيط', 'الهبيط', 'town', null, false, 'places:class-noun-list'],
        ['كفرنبل', 'Kafranbel', 'town', 'SYR', true, 'places:geonames'],
      ],
    ],
    // a direction ends the name
    ['انسحبوا إلى بلدة الوهط شمال المدينة', [['الوهط', 'الوهط', 'town', null, false, 'places:class-noun-name']]],
    // a name set apart by quotation marks after its class noun, read without the marks
    ['انفجرت سيارة في مدينة "الشيخ مسكين" جنوب البلاد', [['الشيخ مسكين', 'الشيخ مسكين', 'city', null, false, 'places:class-noun-quoted-name']]],
    ['قصفت الطائرات بلدة «الهبيط»', [['الهبيط', 'الهبيط', 'town', null, false, 'places:class-noun-quoted-name']]],
    // a dual noun and its dual relative adjective are no name, even with a place after them
    ['قتل عشرة مدنيين في غارتين جويتين بسوريا', [['سوريا', 'Syria', 'country', 'SYR', true, 'places:country-name']]],
    // a common noun with an attached pronoun is no name, even with a direction and a place after it
    ['هاجمت القوات الشرطة في مقرها جنوبي الخرطوم', [['الخرطوم', 'Khartoum', 'city', 'SDN', true, 'places:gazetteer']]],
    // an ordinary word ("headquarters") that is also an Afghan village needs a class noun
    ['وقع الانفجار قرب مقر للشرطة في أفغانستان', [['أفغانستان', 'Afghanistan', 'country', 'AFG', true, 'places:country-name']]],
  ])('%s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['تمركزت القوات في قاعدة عسكرية'], // an adjective
    ['تقع في منطقة مجاورة'],
    ['تضررت مدينة واحدة'], // a numeral
    ['استعادت مناطق تسيطر عليها المعارضة'], // a verb with its resumptive pronoun
    ['نقلت إلى معسكرات يتخذها المسلحون مقرات'], // a verb carrying its object
    ['سيطرت على قرى ومواقع'], // a second noun, not a name
    ['أعلنت منطقة منزوعة السلاح'],
    ['قصفت قرية جنوبية'], // an indefinite relative adjective
    ['وصلت إلى مدينة تابعة للحكومة'],
    ['شنت الطائرات غارات على مناطق مختلفة'], // adjectives of a plural class noun
    ['قتل مدنيون في مناطق عديدة'],
    ['قصفت مناطق تحت سيطرة الفصائل'], // a preposition
    ['وقال في منطقة "إن الوضع صعب".'], // a quotation after a class noun is no name
  ])('%s: no place', (text) => {
    expect(places(text)).toEqual([]);
  });

  it('a name with the article takes no indefinite word after it (the verb is not the name)', () => {
    expect(only('سيطرت على بلدة الحميدية كانت تحت سيطرتهم')).toEqual([['الحميدية', 'الحميدية', 'town', null, false, 'places:class-noun-name']]);
  });

  it("a GeoNames name after a class noun takes that place's coordinates only where the article names its country", () => {
    // Mohammedia is in Morocco, which this text never names: a town of that name, no coordinates
    expect(only('سيطرت على بلدة المحمدية')).toEqual([['المحمدية', 'المحمدية', 'town', null, false, 'places:class-noun-name']]);
    expect(only('سيطرت على بلدة المحمدية في المغرب')[0]).toEqual(['المحمدية', 'Mohammedia', 'city', 'MAR', true, 'places:geonames']);
  });
});

describe('GeoNames names need what their grade asks (gazetteer.ts)', () => {
  it.each([
    // a city of a million or more: alone
    ['زار الوفد ميونخ أمس', [['ميونخ', 'Munich', 'city', 'DEU', true, 'places:geonames']]],
    // a smaller town: after a preposition, in an article that names its country
    ['قصف في زبيد غرب اليمن', [['زبيد', 'Zabīd', 'town', 'YEM', true, 'places:geonames'], ['اليمن', 'Yemen', 'country', 'YEM', true, 'places:country-name']]],
    // listed right after another place
    ['تقدمت القوات بين الحديدة وزبيد', [['الحديدة', 'Hodeidah', 'city', 'YEM', true, 'places:gazetteer'], ['زبيد', 'Zabīd', 'town', 'YEM', true, 'places:geonames']]],
    // located by the place after it
    ['شهدتها زبيد بالحديدة', [['زبيد', 'Zabīd', 'town', 'YEM', true, 'places:geonames'], ['الحديدة', 'Hodeidah', 'city', 'YEM', true, 'places:gazetteer']]],
    // a country named by a demonym counts
    ['قصف في زبيد برعاية يمنية', [['زبيد', 'Zabīd', 'town', 'YEM', true, 'places:geonames']]],
    // GeoNames lists a province's name among its seat's names: two places, each with the name read
    [
      'انسحبوا إلى مدينة الحوطة عاصمة محافظة لحج اليمنية',
      [['الحوطة', 'Laḩij', 'city', 'YEM', true, 'places:geonames'], ['لحج', 'Laḩij', 'city', 'YEM', true, 'places:geonames']],
    ],
  ])('%s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['وقال زبيد إن الوضع صعب في اليمن'], // no preposition: a man's name
    ['قصف في زبيد أمس'], // the article names no country of a Zabid
    ['عاد إلى المزرعة في سوريا'], // an ordinary word ("the farm") needs a class noun
    ['وجاء في بيان مشترك'], // "a statement": an ordinary word, also a village in GeoNames
    ['وأشارت القيادة العامة في بيان إلى مقتل أربعة في مصر'],
    ['وأضاف أن التحضيرات تأني بعد أسابيع في الهند'], // shaped like a verb: needs a preposition
    ['وأكد أنه لا يعرف الآن'], // function words are not GeoNames names at all
    ['قال إن صبر السكان نفد'],
    // a word whose proclitic reading is a GeoNames name: لجنة → ل + جنة (Djenné), كريم → ك + ريم
    ['وأكدت لجنة الإغاثة المحلية في مالي أن المساعدات وصلت'],
    ['وقال كريم العلي في إيطاليا إن ثلاثة أصيبوا'],
  ])('%s: no place but the country', (text) => {
    expect(places(text).filter((p) => p.kind !== 'country')).toEqual([]);
  });

  it('GeoNames names never stand in the way of a person or a speaker (only the place rules read them)', () => {
    expect(run('وقال كريم العلي المتحدث باسم الشرطة إن ثلاثة أصيبوا').actors.some((a) => a.name === 'كريم العلي')).toBe(true);
  });

  it('a GeoNames name does not override an organisation reading ("قناة الميادين"), nor the head word of a body named in full', () => {
    expect(places('قال مراسل قناة الميادين')).toEqual([]);
    const d = run('اتهمت دمشق التحالف الدولي بشن الغارة، وقال المتحدث باسم التحالف إنه لم يشن أي ضربة');
    expect(d.places.map((p) => p.name)).toEqual(['Damascus']);
    const coalition = d.actors.find((a) => a.name === 'Global Coalition against Daesh')!;
    expect(coalition.mentions.map((m) => m.text)).toEqual(['التحالف الدولي', 'التحالف']);
  });

  it('of homonyms, the place in a country the article names; else the most populous', () => {
    // جبلة: district seats in Syria (the larger) and Yemen
    expect(places('اقتحمت القوات مدينة جبلة اليمنية')[0]).toMatchObject({ text: 'جبلة', name: 'Jiblah', country: 'YEM', coords: true });
    expect(places('اقتحمت القوات مدينة جبلة السورية')[0]).toMatchObject({ text: 'جبلة', name: 'Jablah', country: 'SYR', coords: true });
    // with no country of either named, a town of that name (no coordinates)
    expect(places('اقتحمت القوات مدينة جبلة')[0]).toMatchObject({ text: 'جبلة', name: 'جبلة', country: null, coords: false });
  });

  it('a town that is also a channel is the town where it is listed with places', () => {
    expect(only('حشد التنظيم عناصره بين البوكمال والميادين').map((p) => p[0])).toEqual(['البوكمال', 'الميادين']);
  });
});

describe('names that the words after them locate', () => {
  it.each([
    // a direction before a word that refers to a place
    ['اشتباكات في العرقوب والمحجر شمالي المحافظة', [['العرقوب', 'العرقوب', 'town', null, false, 'places:located-name'], ['المحجر', 'المحجر', 'town', null, false, 'places:located-name']]],
    // ب with a class noun and its place, or with a known place
    ['قتل اثنان في بئر عايض بمدينة عدن', [['بئر عايض', 'بئر عايض', 'town', null, false, 'places:located-name'], ['عدن', 'Aden', 'city', 'YEM', true, 'places:gazetteer']]],
    ['قتل اثنان في بئر عايض بالحديدة', [['بئر عايض', 'بئر عايض', 'town', null, false, 'places:located-name'], ['الحديدة', 'Hodeidah', 'city', 'YEM', true, 'places:gazetteer']]],
  ])('%s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['عقد في مؤتمر صحفي بمدينة عدن'], // an adjective: not a name
    ['سقطوا على سطح مبنى غرب مدينة غزة'], // على: "on", and a building is no place
    ['تجري عملية في المحافظة غرب النهر'], // a word that refers back to a place is not a name
    ['قال في تصريحات أمس'], // nothing locates it
  ])('%s: only the places the text names', (text) => {
    expect(places(text).filter((p) => p.rule === 'places:located-name')).toEqual([]);
  });
});

describe('places inside names and world regions', () => {
  it.each([
    ['قاتل عناصر لواء القدس في حلب', ['حلب']], // a unit's name
    ['نقلت صحيفة الرياض عن مصادر', []], // a newspaper's name
    ['تخرج في جامعة دمشق', []],
    ['وصل الوفد إلى دمشق', ['دمشق']],
  ])('%s', (text, expected) => {
    expect(places(text).map((p) => p.text)).toEqual(expected);
  });

  it('world regions and rivers are places', () => {
    expect(only('تصاعد التوتر في الشرق الأوسط')).toEqual([['الشرق الأوسط', 'Middle East', 'region', null, true, 'places:gazetteer']]);
    expect(only('تقدمت القوات شرق الفرات')).toEqual([['الفرات', 'Euphrates', 'water', null, true, 'places:gazetteer']]);
  });
});

describe('a name in quotation marks after a class noun', () => {
  it.each([
    ['هاجمت طالبان مقاطعة "كوه-إي-صافي" بالمحافظة', [['كوه-إي-صافي', 'كوه-إي-صافي', 'district', null, false, 'places:class-noun-quoted-name']]],
    ['سقطت قذائف على معسكر «كامب باستيون» فجرا', [['كامب باستيون', 'كامب باستيون', 'site', null, false, 'places:class-noun-quoted-name']]],
  ])('positive: %s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['أنشئت منطقة "خفض التصعيد" في الجنوب'], // a quoted description, not a name
    ['أعلنت منطقة "آمنة" للمدنيين'],
    ['حاصروا معسكر "كامب هولت على أطراف المدينة كلها منذ أيام'], // no closing mark within four words
    ['أعلنوا المنطقة "منكوبة" بالكامل'], // no class noun of a name: the noun has the article
  ])('negative: %s', (text) => {
    expect(places(text)).toEqual([]);
  });
});

describe('a GeoNames name with its own country after a comma (a dateline, an address)', () => {
  it('positive: دبي، الإمارات', () => {
    expect(only('دبي، الإمارات العربية المتحدة (CNN)-- قدمت الحكومة اعتذارها.').slice(0, 2)).toEqual([
      ['دبي', 'Dubai', 'city', 'ARE', true, 'places:geonames'],
      ['الإمارات العربية المتحدة', 'United Arab Emirates', 'country', 'ARE', true, 'places:country-name'],
    ]);
  });

  it('negative: a country that is not its own', () => {
    expect(places('دبي، سوريا (CNN)-- قتل ثلاثة.').map((p) => p.text)).toEqual(['سوريا']);
  });
});

describe('the territory of an office held for one', () => {
  const read = (text: string) => {
    const d = run(text);
    return { places: d.places.map((p) => [p.name, p.mentions[0]!.text]), media: d.actors.filter((a) => a.kind === 'media').map((a) => a.name) };
  };

  it('positive: an envoy for the Middle East names the region, not the newspaper', () => {
    // (ل with the article is written لل: the mention keeps both letters)
    expect(read('وقال المبعوث الخاص للأمم المتحدة للشرق الأوسط إن الوضع خطير.')).toEqual({ places: [['Middle East', 'للشرق الأوسط']], media: [] });
    expect(read('وندد مبعوث الأمم المتحدة للشرق الأوسط بالهجوم.')).toEqual({ places: [['Middle East', 'للشرق الأوسط']], media: [] });
  });

  it('negative: a spokesman tells the newspaper; the newspaper named as such', () => {
    expect(read('وقال المتحدث باسم الجيش للشرق الأوسط إن الهجوم وقع.')).toEqual({ places: [], media: ['Asharq Al-Awsat'] });
    expect(read('ونقلت صحيفة الشرق الأوسط عن مصادر أن الهجوم وقع.')).toEqual({ places: [], media: ['Asharq Al-Awsat'] });
  });
});

describe('a nisba after a class noun agrees with it, or it is a name', () => {
  it.each([
    ['قتل جنود في منطقة شبيلي السفلى', [['شبيلي السفلى', 'شبيلي السفلى', 'district', null, false, 'places:class-noun-name']]],
    ['سقطت قذيفة على بلدة كفرنبودي', [['كفرنبودي', 'كفرنبودي', 'town', null, false, 'places:class-noun-name']]],
    // the office of a place: the place after a class noun is read as any class noun's name is
    ['وقال حاكم منطقة شبيلي السفلى إن الوضع خطير', [['شبيلي السفلى', 'شبيلي السفلى', 'district', null, false, 'places:class-noun-name']]],
  ])('positive: %s', (text, expected) => {
    expect(only(text)).toEqual(expected);
  });

  it.each([
    ['قتل جنود في منطقة جنوبية'], // a feminine nisba describes the feminine class noun
    ['نزح السكان إلى مخيم عشوائي'], // a masculine nisba describes the masculine class noun
    ['وقال حاكم زمبلا إن الوضع خطير'], // the office of a place with no class noun: where the name ends is not written
  ])('negative: %s', (text) => {
    expect(places(text)).toEqual([]);
  });
});
