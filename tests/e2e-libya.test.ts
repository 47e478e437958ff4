/** End to end on a fourth development article (our own composition, a Maghrebi-style Libya report). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.ts';

const FILE = 'data/articles/ar-sample-libya-2019-09-15.txt';
const text = readFileSync(FILE, 'utf8');
const doc = extract({ text }, { source: FILE, fallbackId: 'ar-sample-libya-2019-09-15' });
const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? doc.places.find((p) => p.id === id)?.name ?? null;

describe('Libya article', () => {
  it('a date line with a weekday, a Maghrebi month and the Hijri date', () => {
    expect(doc.article).toMatchObject({ published: '2019-09-15', published_text: '15 شتنبر 2019' });
    expect(doc.dates.find((d) => d.text === 'فجر أمس')).toMatchObject({ start: '2019-09-14', part_of_day: 'dawn' });
  });

  it('a denial and the participle clause after it are two statements', () => {
    const s = doc.statements.filter((x) => x.speaker === doc.actors.find((a) => a.name === 'أحمد المسماري')?.id);
    expect(s.map((x) => [x.verb, x.stance, x.content])).toEqual([
      ['نفى', 'denies', 'أي علاقة لقواته بالهجوم'],
      ['مؤكدا', 'asserts', 'أن طائراته "استهدفت مخزن أسلحة تابعا للميليشيات"'],
    ]);
  });

  it('the strike hit migrants: they are its target, not its author; "the attack" is the same strike', () => {
    const strike = doc.events.find((e) => e.acled_sub_event_type === 'air_drone_strike')!;
    expect([name(strike.actor1), name(strike.actor2)]).toEqual([null, 'migrants']);
    expect(strike.evidence.map((e) => e.text)).toContain('الهجوم');
    expect(strike).toMatchObject({ civilian_targeting: true, start: '2019-09-14' });
  });

  it('two ceasefire mentions, each with its own status; a dual noun counts two attempts', () => {
    expect(doc.ceasefires.map((c) => [c.kind, c.status, c.attempts])).toEqual([
      ['humanitarian_truce', 'proposed', null],
      ['cessation_of_hostilities', 'failed', 2],
    ]);
  });

  it('the fighting since April is ongoing, with its tolls', () => {
    const fight = doc.events.find((e) => e.trigger === 'معارك عنيفة')!;
    expect(fight).toMatchObject({ status: 'ongoing', start: '2019-04-04', end: '2019-09-15' });
    expect(doc.casualties.filter((c) => c.scope === 'cumulative').map((c) => [c.outcome, c.qualifier, c.best])).toEqual([
      ['killed', 'more_than', 1000],
      ['displaced', 'at_least', 120000],
    ]);
  });
});
