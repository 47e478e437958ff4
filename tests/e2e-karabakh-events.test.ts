/**
 * End to end on the reference article (issue 11, data/articles, byte for byte as received): its
 * events as a careful reader codes them — the war since 27 September as ongoing battles between
 * Azerbaijani forces and the Karabakh separatists, Pashinyan's request to Putin on 31 October,
 * Çavuşoğlu's meeting in Baku, the separatists' and the defence minister's accusations as alleged
 * attacks, and no attack from Aliyev's denied intention.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';
import { acledRows } from '../src/writers/acled.ts';

const FILE = 'data/articles/ar-karabakh-2020-11-01.txt';
const text = readFileSync(FILE, 'utf8');
const doc = extract({ text }, { source: FILE, fallbackId: 'ar-karabakh-2020-11-01' });
const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? null;
const coded = doc.events.map((e) => ({
  category: e.category,
  sub: e.acled_sub_event_type,
  status: e.status,
  actor1: name(e.actor1),
  actor2: name(e.actor2),
  place: name(e.place),
  start: e.start,
  claimed_by: name(e.claimed_by),
}));

// whoever the statements stage finds as the subject of "واتّهم القادة الانفصاليون في كاراباخ أذربيجان
// … بقصف": the alleged shelling is claimed by that accuser
const accusation = doc.statements.find((s) => s.stance === 'accuses' && s.content.includes('بقصف'));
const shellingAccuser = name(accusation?.speaker ?? null);

describe('reference article: events', () => {
  it('the separatist leaders accuse Azerbaijan of the shelling', () => {
    expect(accusation?.evidence[0]?.text).toBe('اتّهم');
    expect(shellingAccuser).not.toBeNull();
  });

  it('codes the events a careful reader codes, and nothing else', () => {
    expect(coded).toEqual([
      { category: 'consult', sub: null, status: 'occurred', actor1: 'Ilham Aliyev', actor2: 'مولود جاووش أوغلو', place: 'Baku', start: null, claimed_by: null },
      { category: 'request', sub: null, status: 'occurred', actor1: 'Nikol Pashinyan', actor2: 'Vladimir Putin', place: null, start: '2020-10-31', claimed_by: null },
      { category: 'fight', sub: 'armed_clash', status: 'ongoing', actor1: 'Azerbaijani armed forces', actor2: 'separatists', place: 'Nagorno-Karabakh', start: '2020-09-27', claimed_by: null },
      { category: 'request', sub: null, status: 'occurred', actor1: 'Recep Tayyip Erdoğan', actor2: null, place: 'Baku', start: '2020-11-01', claimed_by: null },
      { category: 'request', sub: null, status: 'occurred', actor1: 'Armenia', actor2: null, place: 'Armenia', start: null, claimed_by: null },
      { category: 'assault', sub: 'shelling_artillery_missile_attack', status: 'alleged', actor1: 'Azerbaijan', actor2: null, place: 'Shusha', start: '2020-11-01', claimed_by: shellingAccuser },
      { category: 'assault', sub: 'attack', status: 'alleged', actor1: 'Armenian armed forces', actor2: null, place: null, start: '2020-10-31', claimed_by: 'Azerbaijani defence minister' },
    ]);
  });

  it('"لا ينوي شنّ هجوم عسكري على أرمينيا" is no attack, planned or otherwise', () => {
    expect(doc.events.some((e) => e.evidence.some((ev) => ev.text.startsWith('هجوم')))).toBe(false);
    expect(doc.events.filter((e) => e.status === 'planned')).toEqual([]);
  });

  it('the war gathers its mentions (evidence in the text) and the cumulative toll; its start is 27 September', () => {
    const war = doc.events.find((e) => e.category === 'fight')!;
    expect(war.evidence.map((e) => e.text).slice(0, 6)).toEqual(['المعارك', 'معارك عنيفة', 'منذ 27 سبتمبر/ أيلول', 'المعارك', 'الأحد', 'المواجهات']);
    for (const ev of war.evidence) expect(text.slice(ev.start, ev.end)).toBe(ev.text);
    expect(war).toMatchObject({ end: '2020-11-01', casualties: [doc.casualties[0]!.id] });
  });

  it('the ACLED view: the war and the two alleged attacks; the cumulative toll is no event fatality', () => {
    expect(acledRows(doc).map((r) => [r.event_type, r.actor1, r.actor2, r.location, r.fatalities])).toEqual([
      ['Battles', 'Azerbaijani armed forces', 'separatists', 'Nagorno-Karabakh', 0],
      ['Explosions/Remote violence', 'Azerbaijan', 'Civilians (Azerbaijan)', 'Shusha', 0],
      ['Violence against civilians', 'Armenian armed forces', 'Civilians', null, 0],
    ]);
  });
});
