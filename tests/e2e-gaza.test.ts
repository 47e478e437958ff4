/** End to end on a third development article (our own composition, a Gaza report in the style of an Arabic web outlet). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

const FILE = 'data/articles/ar-sample-gaza-2023-11-05.txt';
const text = readFileSync(FILE, 'utf8');
const doc = extract({ text }, { source: FILE, fallbackId: 'ar-sample-gaza-2023-11-05' });
const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? null;

describe('Gaza article', () => {
  it('reads a numeric date line and a "place - outlet" byline', () => {
    expect(doc.article).toMatchObject({ published: '2023-11-05', outlet: 'Al Jazeera', subtitle: null });
  });

  it('a ministry placed by في, and its spokesperson found through it', () => {
    const ministry = doc.actors.find((a) => a.rule === 'actors:institution-in-place')!;
    expect(ministry).toMatchObject({ kind: 'government', country: 'PSE' });
    expect(ministry.mentions.map((m) => m.text)).toEqual(['وزارة الصحة في غزة', 'وزارة الصحة']);
    const spokesperson = doc.actors.find((a) => a.name === 'أشرف القدرة')!;
    expect(spokesperson).toMatchObject({ title_en: 'spokesperson', country: 'PSE', affiliation: ministry.id });
  });

  it('casualties: nationality nouns, trailing qualifiers, an ordinal start date, claimants', () => {
    const c = doc.casualties.map((x) => [x.outcome, x.qualifier, x.best, x.group, x.scope, x.period_start, name(x.claimant)]);
    expect(c[0]).toEqual(['killed', 'at_least', 45, 'all', 'event', null, doc.actors.find((a) => a.rule === 'actors:institution-in-place')!.name]);
    expect(c).toContainEqual(['killed', 'exact', 9770, 'all', 'cumulative', '2023-10-07', 'أشرف القدرة']);
    expect(c).toContainEqual(['displaced', 'about', 1_500_000, 'all', 'event', null, 'UNRWA']);
    expect(doc.dates.find((d) => d.kind === 'since')).toMatchObject({ text: 'منذ السابع من أكتوبر/تشرين الأول', start: '2023-10-07' });
  });

  it('the truce Guterres demands and the ceasefire Netanyahu refuses are one arrangement, rejected', () => {
    expect(doc.ceasefires.map((x) => [x.kind, x.status, x.evidence.map((e) => e.text)])).toEqual([
      ['humanitarian_truce', 'rejected', ['طالب الأمين العام للأمم المتحدة أنطونيو غوتيريش بهدنة إنسانية', 'رفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو أي وقف لإطلاق النار']],
    ]);
  });

  it('events: air strikes on civilians, a denial by the army itself, no press conference', () => {
    const strike = doc.events.find((e) => e.acled_sub_event_type === 'air_drone_strike')!;
    expect(strike).toMatchObject({ civilian_targeting: true, start: '2023-11-04', end: '2023-11-05' });
    expect(name(strike.place)).toBe('Maghazi');
    const denied = doc.events.find((e) => e.status === 'denied')!;
    expect([name(denied.actor1), name(denied.actor2), name(denied.claimed_by)]).toEqual(['Israeli army', 'civilians', 'Israeli army']);
    expect(doc.events.some((e) => e.trigger.includes('مؤتمر'))).toBe(false);
  });
});
