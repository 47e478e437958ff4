import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

const persons = (text: string) => runEn(text).actors.filter((a) => a.kind === 'person').map((a) => [a.name, a.mentions[0]!.text]);
const places = (text: string) => runEn(text).places.map((p) => [p.name, p.mentions[0]!.text]);

describe('English persons', () => {
  it.each([
    ['Foreign Secretary Jack Straw said the attack was barbaric.', [['Jack Straw', 'Foreign Secretary Jack Straw']]],
    ['UN chief Ban Ki-moon said he was appalled. Ban called for calm.', [['Ban Ki-moon', 'UN chief Ban Ki-moon']]],
    ['"It was terrible," said Loyita Worley, 45, who was on the train.', [['Loyita Worley', 'Loyita Worley']]],
    ['Police spokesman Javed Cheema told AFP the bomber struck.', [['Javed Cheema', 'Police spokesman Javed Cheema']]],
    ['US President George W. Bush condemned the attacks.', [['George W. Bush', 'President George W. Bush']]],
    ['Osama bin Laden was blamed for the attack.', [['Osama bin Laden', 'Osama bin Laden']]],
    ['Khan, 45, told AFP he was hurt.', [['Khan', 'Khan']]],
  ])('%s', (text, expected) => {
    expect(persons(text)).toEqual(expected);
  });

  it.each([
    ['Gunmen stormed the offices of Charlie Hebdo magazine in Paris.'],
    ['The gunmen seized the Radisson Blu hotel in Bamako.'],
    ['The Sun said the attack was cowardly.'],
    ['The minister said the premier returned on Monday.'],
    ['Patients were taken to Lady Reading Hospital in Peshawar.'],
    ['Hurriyet correspondent said the gunman shouted.'],
    ['In March, rebels seized the town.'],
  ])('%s names no person', (text) => {
    expect(persons(text)).toEqual([]);
  });
});

describe('English places', () => {
  it.each([
    ['The fighting spread to Nagorno-Karabakh and Armenia.', [['Nagorno-Karabakh', 'Nagorno-Karabakh'], ['Armenia', 'Armenia']]],
    ['A bomb exploded near Aldgate and in Hackney.', [['Aldgate', 'Aldgate'], ['Hackney', 'Hackney']]],
    ['Patients were taken to Lady Reading Hospital.', [['Lady Reading Hospital', 'Lady Reading Hospital']]],
    ['The blast hit King\'s Cross station.', [["King's Cross station", "King's Cross station"]]],
    ['Clashes erupted in Bab al-Tebbaneh and Jabal Mohsen.', [['Bab al-Tebbaneh', 'Bab al-Tebbaneh'], ['Jabal Mohsen', 'Jabal Mohsen']]],
    ['Azerbaijan shelled the districts of Goranboy, Terter and Agdam.', [['Azerbaijan', 'Azerbaijan'], ['Goranboy', 'Goranboy'], ['Terter', 'Terter'], ['Agdam', 'Agdam']]],
    // a class noun of place-context.yaml before a capitalised name (a site keeps its class noun)
    ['Gunmen attacked a hotel in the resort of Port el Kantaoui.', [['Port el Kantaoui', 'Port el Kantaoui']]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it('an AFP dateline: the city, then its country; a homonym is the one in the country the article names', () => {
    const text = 'TRIPOLI, Lebanon, July 18, 2012 (AFP) - Gunmen fired in the air in Tripoli.';
    const doc = runEn(text);
    expect(doc.places.map((p) => [p.name, p.country, p.mentions.map((m) => m.text)])).toEqual([
      ['Tripoli (Lebanon)', 'LBN', ['TRIPOLI', 'Tripoli']],
      ['Lebanon', 'LBN', ['Lebanon']],
    ]);
    const tripoli = doc.places[0]!.mentions[1]!;
    expect(text.slice(tripoli.start, tripoli.end)).toBe('Tripoli');
  });

  it('with no country named, the homonym is the lexicon first one', () => {
    expect(runEn('Rebels entered Tripoli on Monday.').places.map((p) => [p.name, p.country])).toEqual([['Tripoli', 'LBY']]);
  });

  it.each([
    ['In March the talks failed.'],
    ['The turkey was served on Thursday.'],
    ['They told us the chad was loose.'],
    ['He spoke to Jack Straw.'],
    // a class noun before a lower-case word names no place
    ['Crowds gathered in the city centre on Friday.'],
    ['The toll in the village upped to five.'],
    // a month or weekday with a possessive is a time, not a name ("King's Cross" is one)
    ["He defeated Sarkozy in May's presidential election."],
    ["Rescuers searched after Tuesday's quake."],
  ])('%s names no place', (text) => {
    expect(places(text)).toEqual([]);
  });
});

describe('English names read again', () => {
  it('a name the article reads as a place is that place again, not a body or a person', () => {
    const text = 'Shots were fired in Baton Rouge on Sunday. Baton Rouge police said three officers died.';
    const doc = runEn(text);
    expect(doc.places.map((p) => [p.name, p.mentions.map((m) => [m.text, m.start])])).toEqual([['Baton Rouge', [['Baton Rouge', 20], ['Baton Rouge', 43]]]]);
    expect(doc.actors.map((a) => a.name)).toEqual(['police']);
    expect(doc.statements.map((s) => s.speaker_text)).toEqual(['police']);
  });

  it('a name the article reads as a body is that body again, not a person', () => {
    const doc = runEn('Hurriyet correspondent Hasim Kilic was there. Hurriyet said the gunman shouted.');
    expect(doc.actors.map((a) => [a.name, a.kind, a.mentions.length])).toEqual([['Hurriyet', 'organization', 2], ['Hasim Kilic', 'person', 1]]);
  });

  it.each([
    ['Investigators said the driver fled.'],
    ['Video posted online showed the lorry. The video was shared widely.'],
  ])('%s: a sentence-opening common word is no person', (text) => {
    expect(persons(text)).toEqual([]);
  });

  it('a one-word name opening a sentence, never written in lower case, is still a person', () => {
    expect(persons('Khan said the driver fled.')).toEqual([['Khan', 'Khan']]);
  });
});

describe('English bodies with their owner before them', () => {
  const bodies = (text: string) => runEn(text).actors.filter((a) => a.kind !== 'state').map((a) => [a.name, a.country, a.mentions[0]!.text]);
  it.each([
    ['The Syrian foreign ministry said the murder was a crime.', [['Syrian foreign ministry', 'SYR', 'Syrian foreign ministry']]],
    ["Syria's foreign ministry said the murder was a crime.", [['Syrian foreign ministry', 'SYR', "Syria's foreign ministry"]]],
    ['The Pakistani army said the raid was over.', [['Pakistani army', 'PAK', 'Pakistani army']]],
  ])('%s', (text, expected) => {
    expect(bodies(text)).toEqual(expected);
  });

  it.each([
    // a country before a comma, or a country that is the subject of its own clause, owns no body
    ['Like Syria, the army said the raid was over.', [['army', null, 'the army']]],
    ['In Syria the army said the raid was over.', [['army', null, 'the army']]],
  ])('%s: the country is not the owner', (text, expected) => {
    expect(bodies(text)).toEqual(expected);
  });
});

describe('English runs that name no person', () => {
  it.each([
    ['The quake struck on the eve of Lunar New Year.'],
    ['Crowds gathered for Bastille Day when the lorry struck.'],
    ['Relations had not been so bad since the Cold War ended.'],
    ['Across Tainan, rescuers searched the rubble.'],
    ["President Francois Hollande spoke. Hollande's Socialists won the vote."],
    // a demonym ends a name: no person "African American" or "Conservative British"
    ['African American leaders marched in the city.'],
    ['Conservative British lawmakers said it was wrong.'],
  ])('%s', (text) => {
    expect(persons(text).filter(([name]) => name !== 'Francois Hollande')).toEqual([]);
  });

  it('a noun of a person opening the run is no part of the name (the mention keeps it, as it keeps a title)', () => {
    expect(persons('Comedian Amy Schumer said she was shocked.')).toEqual([['Amy Schumer', 'Comedian Amy Schumer']]);
  });

  it('capitalised organisation words of the run are part of the body\'s name', () => {
    const doc = runEn('Officers of the Royal Canadian Mounted Police said two died.');
    expect(doc.actors.filter((a) => a.kind === 'organization').map((a) => [a.name, a.mentions[0]!.text])).toEqual([['Royal Canadian Mounted Police', 'Royal Canadian Mounted Police']]);
    expect(persons('Officers of the Royal Canadian Mounted Police said two died.')).toEqual([]);
  });

  it('a run read as a person for want of context is the place the article names the same, wherever it comes', () => {
    const text = 'North Waziristan is a tribal area. The army launched an offensive in North Waziristan.';
    const doc = runEn(text);
    expect(doc.actors.filter((a) => a.kind === 'person')).toEqual([]);
    expect(doc.places.map((p) => [p.name, p.mentions.map((m) => m.start)])).toEqual([['North Waziristan', [0, 69]]]);
  });

  it.each([
    ['Pope John Paul II said peace was needed.', [['John Paul II', 'Pope John Paul II']]],
    ['Jack Straw spoke. A letter was sent to Straw.', [['Jack Straw', 'Jack Straw']]],
    ["The envoy met Khan's rival Imran Farooq in Lahore.", [['Imran Farooq', 'Imran Farooq']]],
  ])('%s: still a person', (text, expected) => {
    expect(persons(text)).toEqual(expected);
  });
});

describe('English toponym heads and place words', () => {
  it.each([
    ['Rescuers left Mount Merapi on Sunday.', [['Mount Merapi', 'Mount Merapi']]],
    ['Flights from Fort Lauderdale resumed.', [['Fort Lauderdale', 'Fort Lauderdale']]],
    ['The hills of Margalla Hills burned.', [['Margalla Hills', 'Margalla Hills']]],
    ['Deputies of Broward County arrived.', [['Broward County', 'Broward County']]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
    expect(persons(text)).toEqual([]);
  });
});

describe('English names: a hyphenated compound adjective is not part of a name', () => {
  it.each([
    ['Iran-backed Houthi rebels said the strike killed 12 people.', 'Iran', 'backed'],
    ['The NATO-led coalition said two soldiers were killed.', 'NATO', 'led'],
  ])('%s', (text, kept, dropped) => {
    const names = runEn(text).actors.map((a) => a.name);
    expect(names).toContain(kept === 'NATO' ? 'NATO' : 'Iran');
    expect(names.some((n) => n.split(/[\s-]/u).includes(dropped))).toBe(false);
  });

  it('keeps a hyphenated part of a name', () => {
    expect(runEn('UN Secretary-General Ban Ki-moon said the attack was a crime.').actors.map((a) => a.name)).toContain('Ban Ki-moon');
  });
});
