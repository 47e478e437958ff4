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
