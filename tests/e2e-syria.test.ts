/** End to end on a fifth development article (our own composition, an AFP-style Syria report relying on the Observatory). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

const FILE = 'data/articles/ar-sample-syria-2019-05-12.txt';
const text = readFileSync(FILE, 'utf8');
const doc = extract({ text }, { source: FILE, fallbackId: 'ar-sample-syria-2019-05-12' });
const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? null;

describe('Syria article', () => {
  it('two air forces from "طائرات حربية روسية وسورية", and no state Syria from the adjective', () => {
    expect(doc.actors.filter((a) => a.name.endsWith('air force')).map((a) => a.name)).toEqual(['Russian air force', 'Syrian air force']);
    expect(doc.actors.some((a) => a.kind === 'state')).toBe(false);
  });

  it('"المرصد" after the Observatory is named in full is the Observatory, also as the body of its director', () => {
    const sohr = doc.actors.find((a) => a.name === 'Syrian Observatory for Human Rights')!;
    expect(sohr.mentions.map((m) => m.text)).toEqual(['المرصد السوري لحقوق الإنسان', 'المرصد', 'المرصد']);
    expect(doc.actors.find((a) => a.name === 'رامي عبد الرحمن')).toMatchObject({ title: 'مدير المرصد', affiliation: sohr.id });
  });

  it('a split verb ("لقي … حتفهم") with the victims\' side, claimed by the Observatory', () => {
    const c = doc.casualties.find((x) => x.rule === 'casualties:split-verb-around-number')!;
    expect(c).toMatchObject({ outcome: 'killed', best: 22, scope: 'event' });
    expect(name(c.side)).toBe('government forces');
    expect(name(c.claimant)).toBe('Syrian Observatory for Human Rights');
  });

  it('an attack on armed men is a battle; "since the end of April" dates the fighting to the month', () => {
    const attack = doc.events.find((e) => e.trigger === 'هجوم')!;
    expect(attack).toMatchObject({ category: 'fight', acled_event_type: 'battles', start: '2019-05-11' });
    expect([name(attack.actor1), name(attack.actor2)]).toEqual(['Hayat Tahrir al-Sham', 'government forces']);
    expect(doc.dates.find((d) => d.kind === 'since')).toMatchObject({ text: 'منذ نهاية نيسان/أبريل', start: '2019-04-01', precision: 'month' });
  });
});
