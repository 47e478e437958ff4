/**
 * End to end on the development article (data/articles/ar-sample-karabakh-2020-11-01.txt): every
 * item the foundation issue lists for a Karabakh wire story, with its evidence. The article is our
 * own composition in AFP's Arabic style (the corpus's reference article is not in this checkout);
 * nothing in the code knows it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract, type Actor, type ExtractionDocument } from '../src/index.ts';

const FILE = 'data/articles/ar-sample-karabakh-2020-11-01.txt';
const text = readFileSync(FILE, 'utf8');
const doc: ExtractionDocument = extract({ text }, { source: FILE, fallbackId: 'ar-sample-karabakh-2020-11-01' });

function actor(pred: (a: Actor) => boolean, what: string): Actor {
  const found = doc.actors.filter(pred);
  expect(found, what).toHaveLength(1);
  return found[0]!;
}
const person = (native: string) => actor((a) => a.kind === 'person' && a.name_native === native, native);
/** persons by their Arabic name as written, everything else by its canonical name */
const nameOf = (id: string | null) => {
  const a = doc.actors.find((x) => x.id === id);
  if (a) return a.kind === 'person' && a.rule !== 'actors:unnamed-official' ? a.name_native : a.name;
  return doc.places.find((p) => p.id === id)?.name ?? null;
};

function expectSlices(ev: Array<{ start: number; end: number; text: string }>): void {
  for (const e of ev) expect(text.slice(e.start, e.end)).toBe(e.text);
}

describe('article fields', () => {
  it('reads the page furniture', () => {
    const a = doc.article;
    expect(a.published).toBe('2020-11-01');
    expect(a.published_text).toBe('01 نوفمبر 2020');
    expect(a.agency).toMatchObject({ code: 'AFP', name: 'Agence France-Presse' });
    expect(a.agency!.evidence[0]!.text).toBe('(فرانس برس)');
    expect(a.credits).toEqual([{ person: 'جيم أوزديل', organization: 'الأناضول', evidence: [expect.objectContaining({ text: '(جيم أوزديل/ الأناضول)' })] }]);
    expect(a.title).toBe('علييف يؤكد أن أرمينيا "تعترف بهزيمتها" في ناغورنو كاراباخ');
    expect(a.subtitle).toMatch(/^الرئيس الأذربيجاني يستقبل/u);
    expectSlices([...a.agency!.evidence, ...a.credits.flatMap((c) => c.evidence)]);
  });

  it('page remnants yield no records', () => {
    const all = [...doc.actors, ...doc.places, ...doc.dates, ...doc.statements, ...doc.events, ...doc.casualties, ...doc.ceasefires];
    for (const r of all) for (const e of r.evidence) expect(e.text).not.toMatch(/المساهمون|\+ الخط -|فرانس برس|الأناضول/u);
  });
});

describe('actors', () => {
  it.each([
    ['إلهام علييف', 'president', 'AZE', 'الرئيس الأذربيجاني'],
    ['مولود جاووش أوغلو', 'foreign minister', 'TUR', 'وزير الخارجية التركي'],
    ['نيكول باشينيان', 'prime minister', 'ARM', 'رئيس الوزراء الأرميني'],
    ['رجب طيب أردوغان', 'president', 'TUR', 'الرئيس التركي'],
  ])('%s is a person with title and country', (native, titleEn, country, title) => {
    const p = person(native);
    expect(p).toMatchObject({ title_en: titleEn, country, title });
    expect(nameOf(p.affiliation)).toBe(doc.places.find((x) => x.country === country && x.kind === 'country')?.name);
    expect(p.mentions.some((m) => m.text.endsWith(native))).toBe(true);
    expectSlices(p.mentions);
  });

  it('Putin is found after "نظيره الروسي" with his country and office', () => {
    const p = person('فلاديمير بوتين');
    expect(p).toMatchObject({ country: 'RUS', title_en: 'president', name: 'Vladimir Putin' });
    expect(p.mentions[0]!.text).toBe('نظيره الروسي فلاديمير بوتين');
  });

  it('surnames alone resolve to the person named with a title', () => {
    const aliyev = person('إلهام علييف');
    expect(aliyev.mentions.filter((m) => m.text === 'علييف').length).toBeGreaterThanOrEqual(3);
    expect(person('مولود جاووش أوغلو').mentions.filter((m) => m.text === 'جاووش أوغلو')).toHaveLength(2);
  });

  it('unnamed officials are actors of their country', () => {
    for (const [country, text] of [['AZE', 'وزير الدفاع الأذربيجاني'], ['TUR', 'وزير الدفاع التركي']] as const) {
      const a = actor((x) => x.title_en === 'defence minister' && x.country === country, text);
      expect(a).toMatchObject({ kind: 'government', title: text, rule: 'actors:unnamed-official' });
      expect(a.mentions.map((m) => m.text)).toContain(text);
    }
  });

  it('groups, forces and the presidency', () => {
    expect(actor((a) => a.name === 'Azerbaijani armed forces', 'az forces')).toMatchObject({ kind: 'armed_forces', country: 'AZE' });
    expect(actor((a) => a.name === 'Armenian armed forces', 'am forces')).toMatchObject({ kind: 'armed_forces', country: 'ARM' });
    expect(actor((a) => a.name === 'Azerbaijani presidency', 'presidency')).toMatchObject({ kind: 'government', country: 'AZE' });
    const separatists = actor((a) => a.name === 'separatists', 'separatists');
    expect(separatists.kind).toBe('armed_group');
    const leaders = actor((a) => a.rule === 'actors:leaders-of-group', 'leaders');
    expect(leaders.mentions[0]!.text).toBe('قادة الانفصاليين في كاراباخ');
    expect(leaders.affiliation).toBe(separatists.id);
  });

  it('capitals used as metonyms are their states', () => {
    const armenia = actor((a) => a.kind === 'state' && a.country === 'ARM', 'Armenia');
    expect(armenia.mentions.map((m) => m.text)).toContain('يريفان');
    const russia = actor((a) => a.kind === 'state' && a.country === 'RUS', 'Russia');
    expect(russia.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['موسكو', 'روسيا']));
  });
});

describe('places', () => {
  it.each([
    ['باكو', 'AZE', 'city'],
    ['أرمينيا', 'ARM', 'country'],
    ['أذربيجان', 'AZE', 'country'],
    ['روسيا', 'RUS', 'country'],
    ['تركيا', 'TUR', 'country'],
    ['يريفان', 'ARM', 'city'],
    ['موسكو', 'RUS', 'city'],
    ['شوشة', 'AZE', 'town'],
  ])('%s has country and coordinates', (native, country, kind) => {
    const p = doc.places.filter((x) => x.mentions.some((m) => m.text === native));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ country, kind });
    expect(p[0]!.lat).not.toBeNull();
    expect(p[0]!.lon).not.toBeNull();
    expectSlices(p[0]!.mentions);
  });

  it('ناغورنو كاراباخ and كاراباخ are one place in Azerbaijan', () => {
    const k = doc.places.filter((x) => x.name === 'Nagorno-Karabakh');
    expect(k).toHaveLength(1);
    expect(k[0]!.country).toBe('AZE');
    expect(k[0]!.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['ناغورنو كاراباخ', 'كاراباخ']));
  });
});

describe('dates', () => {
  const byText = (t: string) => doc.dates.filter((d) => d.text === t);
  it('weekdays and today resolve against the publication date', () => {
    expect(byText('الأحد').length).toBeGreaterThan(0);
    for (const d of byText('الأحد')) expect(d).toMatchObject({ kind: 'weekday', start: '2020-11-01', end: '2020-11-01', ambiguity: 'weekday_is_publication_weekday' });
    for (const d of byText('السبت')) expect(d).toMatchObject({ kind: 'weekday', start: '2020-10-31', rule: 'weekday_on_or_before_published' });
    expect(byText('اليوم')[0]).toMatchObject({ kind: 'relative_day', start: '2020-11-01' });
  });
  it('since 27 September runs to publication', () => {
    const d = byText('منذ 27 سبتمبر/ أيلول');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ kind: 'since', start: '2020-09-27', end: '2020-11-01', precision: 'day' });
    expect(text.slice(d[0]!.evidence[0]!.start, d[0]!.evidence[0]!.end)).toBe('منذ 27 سبتمبر/ أيلول');
  });
  it('a lone ليل الأحد takes the named day (corpus README, "Calls that recur")', () => {
    expect(byText('ليل الأحد')[0]).toMatchObject({ kind: 'part_of_day', part_of_day: 'night', start: '2020-11-01', end: '2020-11-01' });
  });
});

describe('statements', () => {
  const by = (speaker: string) => doc.statements.filter((s) => nameOf(s.speaker) === speaker);
  it("Aliyev's direct quote, relayed by the presidency", () => {
    const s = by('إلهام علييف').find((x) => x.kind === 'direct');
    expect(s).toBeDefined();
    expect(s!.quotes).toEqual(['إن رسالة رئيس الوزراء الأرميني إلى موسكو دليل على أن أرمينيا تعترف بهزيمتها']);
    expect(text).toContain(s!.quotes[0]);
    expect(nameOf(s!.via)).toBe('Azerbaijani presidency');
    expect(s!.date).toBe('2020-11-01');
  });
  it("Aliyev's other statements: the headline and the main reason", () => {
    const contents = by('إلهام علييف').map((s) => s.content);
    expect(contents.some((c) => c.includes('تعترف بهزيمتها'))).toBe(true);
    expect(contents.some((c) => c.includes('السبب الرئيسي'))).toBe(true);
  });
  it("Pashinyan's letter to Putin on Saturday", () => {
    const s = by('نيكول باشينيان')[0]!;
    expect(s).toMatchObject({ verb: 'طلب', date: '2020-10-31', stance: 'demands' });
    expect(nameOf(s.addressee)).toBe('فلاديمير بوتين');
  });
  it("Russia's reply on Saturday", () => {
    expect(by('Russia')[0]).toMatchObject({ verb: 'ردت', date: '2020-10-31', kind: 'mixed', quotes: ['كل المساعدة الضرورية'] });
  });
  it('Çavuşoğlu today, and Erdoğan relayed by him', () => {
    expect(by('مولود جاووش أوغلو')[0]).toMatchObject({ verb: 'قال', date: '2020-11-01' });
    const e = by('رجب طيب أردوغان')[0]!;
    expect(nameOf(e.via)).toBe('مولود جاووش أوغلو');
  });
  it('the accusations', () => {
    const leaders = doc.statements.find((s) => doc.actors.find((a) => a.id === s.speaker)?.rule === 'actors:leaders-of-group')!;
    expect(leaders).toMatchObject({ stance: 'accuses', date: '2020-11-01' });
    expect(leaders.content.startsWith('القوات الأذربيجانية بقصف')).toBe(true);
    expect(by('Azerbaijani defence minister')[0]).toMatchObject({ stance: 'accuses', verb: 'اتهم' });
  });
  it('every statement slices the text', () => {
    for (const s of doc.statements) {
      expectSlices(s.evidence);
      for (const q of s.quotes) expect(text).toContain(q);
    }
  });
});

describe('casualties and ceasefires', () => {
  it('the cumulative toll', () => {
    expect(doc.casualties).toHaveLength(1);
    const c = doc.casualties[0]!;
    expect(c).toMatchObject({
      outcome: 'killed', number_text: 'أكثر من 1250', qualifier: 'more_than', low: 1250, best: 1250, high: null, display: '1,250+',
      group: 'all', scope: 'cumulative', period_start: '2020-09-27', as_of: '2020-11-01', partial: true, may_be_higher: true,
      rule: 'casualties:qualified-number-before-killed-noun',
    });
    expect(c.evidence[0]!.text).toBe('أكثر من 1250 قتيلاً');
    expect(c.evidence.map((e) => e.text)).toContain('بحسب أرقام جزئية');
    expectSlices(c.evidence);
  });
  it('three failed humanitarian truce attempts', () => {
    expect(doc.ceasefires).toHaveLength(1);
    expect(doc.ceasefires[0]).toMatchObject({ kind: 'humanitarian_truce', status: 'failed', attempts: 3, as_of: '2020-11-01' });
    expect(doc.ceasefires[0]!.evidence[0]!.text).toContain('ثلاث محاولات');
    expectSlices(doc.ceasefires[0]!.evidence);
  });
});

describe('events', () => {
  const ev = (pred: (e: ExtractionDocument['events'][number]) => boolean) => doc.events.filter(pred);
  it('the meeting in Baku', () => {
    const e = ev((x) => x.category === 'consult' && x.status === 'occurred');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ start: '2020-11-01' });
    expect([nameOf(e[0]!.actor1), nameOf(e[0]!.actor2)]).toEqual(['إلهام علييف', 'مولود جاووش أوغلو']);
    expect(nameOf(e[0]!.place)).toBe('Baku');
  });
  it("Pashinyan's request to Putin", () => {
    const e = ev((x) => x.category === 'request');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ start: '2020-10-31' });
    expect([nameOf(e[0]!.actor1), nameOf(e[0]!.actor2)]).toEqual(['نيكول باشينيان', 'فلاديمير بوتين']);
  });
  it('the fighting since 27 September is one ongoing armed clash', () => {
    const e = ev((x) => x.category === 'fight');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ acled_event_type: 'battles', acled_sub_event_type: 'armed_clash', status: 'ongoing', start: '2020-09-27', end: '2020-11-01' });
    expect(e[0]!.casualties).toEqual([doc.casualties[0]!.id]);
  });
  it('the alleged shelling of civilian areas including Shusha', () => {
    const e = ev((x) => x.trigger === 'قصف')[0]!;
    expect(e).toMatchObject({ status: 'alleged', civilian_targeting: true, category: 'assault' });
    expect(doc.actors.find((a) => a.id === e.claimed_by)?.rule).toBe('actors:leaders-of-group');
    expect(nameOf(e.actor1)).toBe('Azerbaijani armed forces');
    expect(e.places.map(nameOf)).toContain('Shusha');
  });
  it('Armenian forces targeting the army and civilian areas, as Azerbaijan says', () => {
    const e = ev((x) => x.status === 'alleged' && nameOf(x.claimed_by) === 'Azerbaijani defence minister')[0]!;
    expect(nameOf(e.actor1)).toBe('Armenian armed forces');
    expect(e.civilian_targeting).toBe(true);
  });
  it("the planned visit of Turkey's defence minister", () => {
    const e = ev((x) => x.status === 'planned');
    expect(e).toHaveLength(1);
    expect(nameOf(e[0]!.actor1)).toBe('Turkish defence minister');
    expect(nameOf(e[0]!.place)).toBe('Baku');
    expect(e[0]).toMatchObject({ precision: 'week', start: '2020-11-02' });
  });
});
