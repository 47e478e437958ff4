import { describe, expect, it } from 'vitest';
import { runEn } from '../test-helpers.ts';

function statements(text: string) {
  const doc = runEn(text);
  const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? null;
  return doc.statements.map((s) => ({ speaker: name(s.speaker), speaker_text: s.speaker_text, verb: s.verb, addressee: name(s.addressee), quotes: s.quotes, content: s.content }));
}

describe('English statements', () => {
  it('speaker before the verb, the addressee after it', () => {
    expect(statements('Interior ministry spokesman Javed Cheema told AFP that the bomber fired first.')).toEqual([
      { speaker: 'Javed Cheema', speaker_text: 'spokesman Javed Cheema', verb: 'told', addressee: 'Agence France-Presse', quotes: [], content: 'that the bomber fired first' },
    ]);
  });

  it('a quotation before the verb is the content', () => {
    expect(statements('"These outrages bear the hallmarks of terror," Jack Straw said.')).toEqual([
      { speaker: 'Jack Straw', speaker_text: 'Jack Straw', verb: 'said', addressee: null, quotes: ['These outrages bear the hallmarks of terror,'], content: '"These outrages bear the hallmarks of terror,"' },
    ]);
  });

  it('an inverted quote attribution names the speaker after the verb', () => {
    expect(statements('"We will not be intimidated," said Tony Blair.').map((s) => [s.speaker, s.verb])).toEqual([['Tony Blair', 'said']]);
  });

  it('a pronoun continues the last speaker of the paragraph', () => {
    expect(statements('Jack Straw said the attacks were barbaric. "They will not succeed," he said.').map((s) => [s.speaker, s.speaker_text, s.quotes])).toEqual([
      ['Jack Straw', 'Jack Straw', []],
      ['Jack Straw', null, ['They will not succeed,']],
    ]);
  });

  it('an apposition between the speaker and the verb', () => {
    expect(statements('Mustafa Obeid, a Syrian refugee in Tripoli, told AFP the clashes had stopped.').map((s) => [s.speaker, s.verb])).toEqual([['Mustafa Obeid', 'told']]);
  });

  it('an unnamed office that the lexicon also lists as a source speaks', () => {
    expect(statements('"They were handing out the trophy," a police captain from the village told AFP.').map((s) => [s.speaker_text, s.verb, s.addressee])).toEqual([['police captain', 'told', 'Agence France-Presse']]);
  });

  it('a publication named after the verb of an inverted attribution', () => {
    expect(statements('"This is a tragedy," said the People\'s Daily in an editorial.').map((s) => [s.speaker, s.verb])).toEqual([["People's Daily", 'said']]);
  });

  it('vague sources speak', () => {
    expect(statements('Police said the gunman was shot. Witnesses said he shouted.').map((s) => [s.speaker_text, s.verb])).toEqual([['Police', 'said'], ['Witnesses', 'said']]);
  });

  it.each([
    ['The bomber told nobody of his plans before he struck.'],
    ['The book was sold out in London.'],
  ])('%s has no statement', (text) => {
    expect(statements(text)).toEqual([]);
  });

  it('the object of a reporting verb is not its speaker', () => {
    expect(statements('Jack Straw said Osama bin Laden was behind it.').map((s) => s.speaker)).toEqual(['Jack Straw']);
  });

  describe('documents, hearers, channels and vague sources', () => {
    const full = (text: string) => {
      const doc = runEn(text);
      const name = (id: string | null) => doc.actors.find((a) => a.id === id)?.name ?? null;
      return { doc, rows: doc.statements.map((s) => ({ speaker: name(s.speaker), speaker_text: s.speaker_text, verb: s.verb, via: name(s.via), addressee: name(s.addressee), content: s.content, rule: s.rule })) };
    };

    it('a document as the subject speaks for the body that issued it, and is no actor', () => {
      const { doc, rows } = full('The army said in a statement that troops had withdrawn. The statement added that two soldiers died.');
      expect(rows).toEqual([
        { speaker: 'army', speaker_text: 'The army', verb: 'said', via: null, addressee: null, content: 'that troops had withdrawn', rule: 'statements:speaker-then-verb' },
        { speaker: 'army', speaker_text: null, verb: 'added', via: null, addressee: null, content: 'that two soldiers died', rule: 'statements:document-of-issuer' },
      ]);
      expect(doc.actors.map((a) => a.name)).toEqual(['army']);
    });

    it.each([
      // no issuer named before: the document speaks for nobody
      ['"We will retaliate," the statement said.'],
      // the document is not the subject here ("In a statement posted …")
      ['In a statement posted online, the group claimed the attack.'],
    ])('%s has no statement of a document', (text) => {
      const { doc, rows } = full(text);
      expect(rows).toEqual([]);
      expect(doc.actors.filter((a) => /statement/u.test(a.name))).toEqual([]);
    });

    it('told takes the hearer as its object: the news agency after it is never the speaker', () => {
      const text = '"They fled," a police captain from the village, Al-Asriya, told AFP.';
      const { rows, doc } = full(text);
      expect(rows.map((r) => [r.speaker, r.speaker_text, r.verb, r.addressee])).toEqual([['officer', 'police captain', 'told', 'Agence France-Presse']]);
      const ev = doc.statements[0]!.evidence.find((e) => e.text === 'police captain')!;
      expect(text.slice(ev.start, ev.end)).toBe('police captain');
    });

    it.each([
      ['"The bombs were loud," told AFP.'],
      ['"It is over," a man told Reuters.'],
    ])('%s: no agency speaks', (text) => {
      expect(full(text).rows.map((r) => r.speaker)).not.toContain('Agence France-Presse');
      expect(full(text).rows.map((r) => r.speaker)).not.toContain('Reuters');
    });

    it.each([
      ['Hundreds fled, according to an AFP journalist at the scene.'],
      ['Hundreds fled, according to a Reuters correspondent.'],
    ])('%s: a medium\'s unnamed reporter makes no statement of the medium', (text) => {
      expect(full(text).rows).toEqual([]);
    });

    it('a medium itself as the source of an attribution speaks', () => {
      expect(full('Hundreds fled, according to AFP.').rows.map((r) => [r.speaker, r.speaker_text, r.content])).toEqual([['Agence France-Presse', 'AFP', 'Hundreds fled']]);
    });

    it('a news medium closing a clause that has its own speaker is its channel (via)', () => {
      const { rows } = full('The army denounced the attack as cowardly, state television said.');
      expect(rows.map((r) => [r.speaker_text, r.verb, r.via, r.content])).toEqual([['The army', 'denounced', 'media', 'the attack as cowardly']]);
    });

    it('a news medium reporting a clause with no speaker of its own speaks', () => {
      const { rows } = full('Two soldiers were killed in the raid, state television said.');
      expect(rows.map((r) => [r.speaker_text, r.verb, r.via])).toEqual([['state television', 'said', null]]);
    });

    it('after told, words no complementizer, colon or quotation opens are the hearer, not the content', () => {
      const { rows } = full('The shooting left three dead, Mayor Kip Holden told reporters near the scene.');
      expect(rows.map((r) => [r.speaker, r.verb, r.content, r.rule])).toEqual([['Kip Holden', 'told', 'The shooting left three dead', 'statements:speaker-then-verb-after-clause']]);
    });

    it.each([
      ['Mayor Kip Holden told reporters that three died.', 'that three died'],
      ['Mayor Kip Holden told reporters: "Three died."', 'Three died."'],
    ])('%s: an opened content after the hearer is what was said', (text, content) => {
      expect(full(text).rows.map((r) => [r.speaker, r.content])).toEqual([['Kip Holden', content]]);
    });

    it('a noun of a person before a name: the name is the person', () => {
      const text = 'Resident Ali Karimi said the shelling lasted hours.';
      const { rows, doc } = full(text);
      expect(rows.map((r) => [r.speaker, r.speaker_text])).toEqual([['Ali Karimi', 'Resident Ali Karimi']]);
      expect(doc.actors.find((a) => a.name === 'Ali Karimi')?.rule).toBe('actors:person-noun-then-name');
    });

    it('a complementizer after a sentence-opening verb is no speaker', () => {
      const { rows, doc } = full('Asked whether there had been a lapse, Davutoglu said no.');
      expect(rows.map((r) => [r.speaker, r.verb, r.content])).toEqual([['Davutoglu', 'said', 'no']]);
      expect(doc.actors.map((a) => a.name)).toEqual(['Davutoglu']);
    });

    it('distinct vague sources stay distinct speakers', () => {
      const { rows } = full('Medics said 12 people died. Residents said the shelling went on. Survivors said they hid.');
      expect(rows.map((r) => [r.speaker, r.speaker_text])).toEqual([['medical sources', 'Medics'], ['residents', 'Residents'], ['survivors', 'Survivors']]);
    });
  });
});

describe('English statements: an apposition between the subject and its verb', () => {
  it.each([
    ['Lal Mohammad Ahamadzia, the police spokesman in northern Afghanistan, said that four police were killed.', 'Lal Mohammad Ahamadzia'],
    ['The blast wounded four people, Gul Dad, a senior provincial police official, told AFP.', 'Gul Dad'],
  ])('%s → %s', (text, speaker) => {
    expect(statements(text).map((s) => s.speaker)).toEqual([speaker]);
  });

  it('a place at the end of a subject with no apposition is no reason to look further back', () => {
    expect(statements('Police in Kabul said the attack killed five.').map((s) => s.speaker_text)).toEqual(['Police']);
  });
});
