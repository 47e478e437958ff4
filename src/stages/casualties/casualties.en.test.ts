import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

// low, or best where the qualifier leaves low open (about 700)
const cas = (text: string) => runEn(text).casualties.map((c) => [c.outcome, c.low ?? c.best, c.qualifier, c.evidence[0]!.text]);

describe('English casualties', () => {
  it.each([
    ['Police said at least 37 people were killed in the blasts.', [['killed', 37, 'at_least', 'at least 37 people were killed']]],
    // "other" between the number and the victims
    ['Four other people were wounded in the blast.', [['injured', 4, 'exact', 'Four other people were wounded']]],
    ['Three other civilians were killed near the market.', [['killed', 3, 'exact', 'Three other civilians were killed']]],
    ['The explosion hit the train, killing seven people.', [['killed', 7, 'exact', 'killing seven people']]],
    ['Around 700 people were wounded and 191 were killed.', [['injured', 700, 'about', 'Around 700 people were wounded'], ['killed', 191, 'exact', '191 were killed']]],
    ['Thirty-seven people were hurt in the stampede.', [['injured', 37, 'exact', 'Thirty-seven people were hurt']]],
    ['Dozens were injured when the roof fell in.', [['injured', 12, 'vague', 'Dozens were injured']]],
    ['Gunmen kidnapped a dozen workers on the road.', [['abducted', 12, 'exact', 'kidnapped a dozen workers']]],
    ['The fighting has left more than 600 dead in two weeks.', [['killed', 600, 'more_than', 'more than 600 dead']]],
    ['The death toll rose to 132 after rescuers reached the site.', [['killed', 132, 'exact', 'toll rose to 132']]],
    // a figure right after a casualty verb is its object, not the subject of the next verb
    ['A train derailed, killing at least six people and injuring 30.', [['killed', 6, 'at_least', 'killing at least six people'], ['injured', 30, 'exact', 'injuring 30']]],
    ['A gunman opened fire, shooting dead two people and wounding seven others before killing himself.', [['killed', 2, 'exact', 'shooting dead two people'], ['injured', 7, 'exact', 'wounding seven others']]],
    ['Rebels said 33 fighters were killed, 15 were wounded and 145 were arrested.', [['killed', 33, 'exact', '33 fighters were killed'], ['injured', 15, 'exact', '15 were wounded'], ['detained', 145, 'exact', '145 were arrested']]],
    // one person as the subject of a passive verb
    ['A priest was killed in the church on Tuesday when two men stormed it.', [['killed', 1, 'exact', 'priest was killed']]],
    ['Opposition leader Jane Morrow was shot dead at a rally.', [['killed', 1, 'exact', 'leader Jane Morrow was shot dead']]],
    ['The ambassador to Peru was wounded in the attack.', [['injured', 1, 'exact', 'ambassador to Peru was wounded']]],
    // an active verb: its object is the victim, not its subject
    ['The sniper killed the officer on Monday.', [['killed', 1, 'exact', 'killed the officer']]],
    ['An off-duty guard shot dead Chile\'s interior minister in the lobby.', [['killed', 1, 'exact', 'shot dead Chile\'s interior minister']]],
    ['Envoy shot dead by a guard in the lobby', [['killed', 1, 'exact', 'Envoy shot dead']]],
    ['Four Danish tourists were killed when their coach crashed.', [['killed', 4, 'exact', 'Four Danish tourists were killed']]],
    ['More than 40 people were also wounded in the blast.', [['injured', 40, 'more_than', 'More than 40 people were also wounded']]],
    // one plain describing word between the number and a plural counted noun
    ['Doctors began identifying the 31 charred victims on Sunday.', [['killed', 31, 'exact', '31 charred victims']]],
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
    // ages and other numbers glued to a word count no people
    ['The 18-year-old gunman, who died later, had posted a video.'],
    ['The quake felled a 16-storey block where residents died.'],
    // a toll noun and a number in different phrases
    ['Many were feared dead, including 17 children, officials said.'],
    ['Officials counted the dead and more than 30 trapped.'],
    // no one died; an active verb with its object; a pronoun as subject
    ['No policeman was killed in the clash.'],
    ['He was killed, the family said.'],
    ['A sniper killed himself after the siege.'],
    // a describing word before a noun that counts no people, or a known word between
    ['Crews towed away the 31 charred buses on Sunday.'],
    ['The 31 days of mourning ended on Sunday.'],
    ['Some 40 people were also questioned by police.'],
  ])('%s has no casualty', (text) => {
    expect(cas(text)).toEqual([]);
  });
});
