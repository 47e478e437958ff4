import { describe, expect, it } from 'vitest';
import { extract } from '../../index.ts';

// AFP's English wire appends an editor's note to subscribers after the headline
// ("ATTENTION - ADDS quote ///"): page furniture, not reported text
const doc = (title: string) => extract({ title, text: 'HELSINKI, Nov 7 (AFP) - One person was killed, police said.', published: '2007-11-07', lang: 'en' }, { source: 't.json', fallbackId: 't' });

describe('English titles with an editor\'s note', () => {
  it('the note after the headline yields nothing; the headline still does', () => {
    const d = doc('Shooting in Finland ATTENTION - CHANGES source, ADDS quote, details ///');
    expect(d.statements.map((s) => [s.speaker_text, s.verb])).toEqual([['police', 'said']]);
    expect(d.actors.map((a) => a.name)).toEqual(['police']);
    const finland = d.places.find((p) => p.name === 'Finland')!;
    expect(finland.mentions[0]).toMatchObject({ text: 'Finland', field: 'title', start: 12, end: 19 });
  });

  it.each([
    ['Police pay attention - and act fast', 'attention'],
    ['Police say Attention - a new film - is banned', 'Attention'],
  ])('%s: a note word not in capitals is part of the headline', (title, word) => {
    const d = doc(title);
    // the headline's words after the note word are still read: "Police" opens it, so the title yields the police
    expect(d.actors.find((a) => a.name === 'police')?.mentions.some((m) => 'field' in m && m.field === 'title')).toBe(true);
    expect(d.article.title).toContain(word);
    expect(d.statements.some((s) => s.evidence.some((e) => 'field' in e && e.field === 'title'))).toBe(title.includes('say'));
  });
});
