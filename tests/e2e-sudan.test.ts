/** End to end on a second development article (our own composition, a wire story on Sudan) to keep the rules honest beyond the Karabakh one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

const FILE = 'data/articles/ar-sample-sudan-2024-06-15.txt';
const text = readFileSync(FILE, 'utf8');
const doc = extract({ text }, { source: FILE, fallbackId: 'ar-sample-sudan-2024-06-15' });
const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? null;

describe('Sudan article', () => {
  it('article fields', () => {
    expect(doc.article).toMatchObject({ published: '2024-06-15', agency: expect.objectContaining({ code: 'REUTERS' }) });
  });

  it('casualties with qualifiers, subsets, claimants and cumulative tolls', () => {
    const c = doc.casualties.map((x) => ({ o: x.outcome, q: x.qualifier, best: x.best, group: x.group, scope: x.scope, claimant: name(x.claimant), subset: x.subset_of }));
    expect(c).toEqual([
      { o: 'killed', q: 'at_least', best: 30, group: 'civilians', scope: 'event', claimant: 'Médecins Sans Frontières', subset: null },
      { o: 'killed', q: 'exact', best: 8, group: 'children', scope: 'event', claimant: 'Médecins Sans Frontières', subset: doc.casualties[0]!.id },
      { o: 'injured', q: 'about', best: 50, group: 'all', scope: 'event', claimant: 'Médecins Sans Frontières', subset: null },
      { o: 'killed', q: 'more_than', best: 15000, group: 'all', scope: 'cumulative', claimant: 'United Nations', subset: null },
      { o: 'displaced', q: 'more_than', best: 10_000_000, group: 'all', scope: 'cumulative', claimant: 'United Nations', subset: null },
    ]);
    expect(doc.casualties[3]!.period_start).toBe('2023-04-15');
  });

  it('statements split at the second clause of a sentence, participles continue the subject', () => {
    const s = doc.statements.map((x) => [name(x.speaker), x.verb, x.stance]);
    expect(s).toContainEqual(['Sudanese government', 'اتهمت', 'accuses']);
    expect(s).toContainEqual(['Rapid Support Forces', 'نفت', 'denies']);
    expect(s).toContainEqual(['Rapid Support Forces', 'متهمة', 'accuses']);
    expect(s).toContainEqual(['António Guterres', 'دعا', 'demands']);
    const accusation = doc.statements.find((x) => x.verb === 'اتهمت')!;
    expect(accusation.content).toBe('قوات الدعم السريع بتنفيذ القصف');
  });

  it('one shelling incident, the war since April 2023, and two ceasefires', () => {
    const shelling = doc.events.filter((e) => e.status === 'occurred');
    expect(shelling).toHaveLength(1);
    expect(shelling[0]).toMatchObject({ acled_sub_event_type: 'shelling_artillery_missile_attack', civilian_targeting: true, start: '2024-06-14' });
    expect(name(shelling[0]!.place)).toBe('El Fasher');
    const war = doc.events.find((e) => e.category === 'fight')!;
    expect(war).toMatchObject({ status: 'ongoing', start: '2023-04-15' });
    expect([name(war.actor1), name(war.actor2)]).toEqual(['Sudanese army', 'Rapid Support Forces']);
    expect(doc.ceasefires.map((c) => [c.kind, c.status])).toEqual([['ceasefire', 'proposed'], ['truce', 'failed']]);
  });

  it('a country named as a location is a place, not an actor', () => {
    expect(doc.actors.some((a) => a.kind === 'state' && a.country === 'SDN')).toBe(false);
    expect(doc.places.some((p) => p.name === 'Sudan')).toBe(true);
  });
});
