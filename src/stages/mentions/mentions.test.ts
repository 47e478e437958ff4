import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

const actors = (text: string) => run(text).actors.map((a) => ({ kind: a.kind, name: a.name, title_en: a.title_en, country: a.country }));
const places = (text: string) => run(text).places.map((p) => ({ kind: p.kind, name: p.name, country: p.country, hasCoords: p.lat !== null }));

describe('people no lexicon knows, found by their titles', () => {
  it.each([
    ['قال وزير الخارجية السوداني كمال عثمان إن', 'كمال عثمان', 'foreign minister', 'SDN'],
    ['أكد الرئيس الليبي السابق سالم بن عمر أن', 'سالم بن عمر', 'president', 'LBY'],
    ['أعلن المتحدث باسم الجيش اليمني العميد فهد ناصر أن', null, null, 'YEM'],
    ['وقال رئيس الوزراء العراقي عادل حسن الجبوري', 'عادل حسن الجبوري', 'prime minister', 'IRQ'],
  ])('%s', (text, name, titleEn, country) => {
    const found = actors(text).filter((a) => a.kind === 'person');
    expect(found.length).toBeGreaterThan(0);
    if (name) expect(found).toContainEqual({ kind: 'person', name, title_en: titleEn, country });
    else expect(found.every((a) => a.country === country)).toBe(true);
  });

  it('does not take the verb or noun after a title for a name', () => {
    // unnamed, the office holder is the office (its government), not a person
    expect(actors('الرئيس الأذربيجاني يستقبل الوفد')).toContainEqual({ kind: 'government', name: 'Azerbaijani president', title_en: 'president', country: 'AZE' });
    expect(actors('الرئيس الأذربيجاني يستقبل الوفد').some((a) => a.name.includes('يستقبل'))).toBe(false);
  });

  it('a surname alone is the person named earlier in full', () => {
    const d = run('قال وزير الدفاع السوري كمال عثمان إن الهجوم فشل. وأضاف عثمان أن القوات تقدمت.');
    const p = d.actors.find((a) => a.name === 'كمال عثمان')!;
    expect(p.mentions.map((m) => m.text)).toEqual(['وزير الدفاع السوري كمال عثمان', 'عثمان']);
  });
});

describe('institutions, groups and states', () => {
  it.each([
    ['قصفت القوات الروسية المدينة', 'armed_forces', 'RUS'],
    ['أعلن الجيش السوداني السيطرة', 'armed_forces', 'SDN'],
    ['قالت وزارة الدفاع التركية', 'government', 'TUR'],
    ['قالت الحكومة اليمنية', 'government', 'YEM'],
  ])('%s', (text, kind, country) => {
    expect(actors(text).some((a) => a.kind === kind && a.country === country)).toBe(true);
  });

  it('named armed groups and organisations from the lexicon, with variants', () => {
    expect(actors('هاجم مسلحو تنظيم داعش القرية').some((a) => a.name === 'Islamic State')).toBe(true);
    expect(actors('أعلن الحوثيون إطلاق صاروخ').some((a) => a.kind === 'armed_group')).toBe(true);
    expect(actors('دعت الأمم المتحدة إلى التهدئة').some((a) => a.name === 'United Nations' && a.kind === 'organization')).toBe(true);
  });

  it('a capital that acts is its state; a capital one travels to is only a place', () => {
    expect(actors('وردت موسكو على الرسالة').some((a) => a.kind === 'state' && a.country === 'RUS')).toBe(true);
    expect(actors('وصل الوفد إلى موسكو').some((a) => a.kind === 'state')).toBe(false);
    expect(places('وصل الوفد إلى موسكو')).toEqual([{ kind: 'city', name: 'Moscow', country: 'RUS', hasCoords: true }]);
  });
});

describe('places', () => {
  it.each([
    ['قصف في حلب', 'Aleppo', 'SYR'],
    ['غارات على خان يونس', 'Khan Yunis', 'PSE'],
    ['معارك في الفاشر', 'El Fasher', 'SDN'],
    ['اشتباكات في ناغورني قره باغ', 'Nagorno-Karabakh', 'AZE'],
  ])('%s', (text, name, country) => {
    const p = places(text);
    expect(p.map((x) => [x.name, x.country, x.hasCoords])).toContainEqual([name, country, true]);
  });

  it('a place no gazetteer knows, after a cue word', () => {
    expect(places('سقطت قذيفة على بلدة كفرعويد')).toEqual([{ kind: 'town', name: 'كفرعويد', country: null, hasCoords: false }]);
  });

  it.each([['قال إن الوضع صعب'], ['تحدث عن الحرب']])('%s has no place', (text) => {
    expect(places(text)).toEqual([]);
  });

describe('names described by an apposition', () => {
  it('a name after a reporting verb, then ", أحد …", is a person', () => {
    const d = run('واعتبر حكمت حاجييف، أحد مساعدي الرئيس الأذري، أن الهدنة انتهكت.');
    expect(d.actors.find((a) => a.name === 'حكمت حاجييف')).toMatchObject({ kind: 'person', title: 'أحد مساعدي الرئيس الأذري', country: 'AZE' });
    expect(d.statements[0]?.speaker).toBe(d.actors.find((a) => a.name === 'حكمت حاجييف')!.id);
  });

  it('a common noun after an office is no name', () => {
    expect(run('قرر أول رئيس دولة أجنبي زيارة المدينة.').actors.some((a) => a.kind === 'person')).toBe(false);
  });
});

describe('capitals as parties', () => {
  it('a capital right after another state is the other party', () => {
    const states = run('واتهمت يريفان باكو بعدم الالتزام بالهدنة.').actors.filter((a) => a.kind === 'state').map((a) => a.country);
    expect(states.sort()).toEqual(['ARM', 'AZE']);
  });
});
});
