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
});
