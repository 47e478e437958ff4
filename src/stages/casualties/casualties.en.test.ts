import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

// low, or best where the qualifier leaves low open (about 700)
const cas = (text: string) => runEn(text).casualties.map((c) => [c.outcome, c.low ?? c.best, c.qualifier, c.evidence[0]!.text]);

describe('English casualties', () => {
  it.each([
    ['Police said at least 37 people were killed in the blasts.', [['killed', 37, 'at_least', 'at least 37 people were killed']]],
    ['The explosion hit the train, killing seven people.', [['killed', 7, 'exact', 'killing seven people']]],
    ['Around 700 people were wounded and 191 were killed.', [['injured', 700, 'about', 'Around 700 people were wounded'], ['killed', 191, 'exact', '191 were killed']]],
    ['Thirty-seven people were hurt in the stampede.', [['injured', 37, 'exact', 'Thirty-seven people were hurt']]],
    ['Dozens were injured when the roof fell in.', [['injured', 12, 'vague', 'Dozens were injured']]],
    ['Gunmen kidnapped a dozen workers on the road.', [['abducted', 12, 'exact', 'kidnapped a dozen workers']]],
    ['The fighting has left more than 600 dead in two weeks.', [['killed', 600, 'more_than', 'more than 600 dead']]],
    ['The death toll rose to 132 after rescuers reached the site.', [['killed', 132, 'exact', 'toll rose to 132']]],
  ])('%s', (text, expected) => {
    expect(cas(text)).toEqual(expected);
  });

  it.each([
    ['Thousands of people marched through the streets of the capital.'],
    ['The army fired 37 rockets at the town overnight.'],
    ['Four explosions tore apart packed underground trains.'],
    ['The fighting has gone on for two weeks and three days.'],
    ['A journalist saw three freed hostages leave the building.'],
    ['Rebels seized a dozen trucks and three tanks.'],
  ])('%s has no casualty', (text) => {
    expect(cas(text)).toEqual([]);
  });
});
