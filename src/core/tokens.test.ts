import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginArticle, pinnedWord, tokenize, withText, wordOf } from './tokens.ts';

/** The definition the scanner implements: maximal runs of letters, marks and numbers. */
function reference(s: string): Array<[string, number, number]> {
  return [...s.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((m) => [m[0], m.index, m.index + m[0].length]);
}

describe('tokenize', () => {
  it('splits words and records folded offsets and spacing', () => {
    const tokens = tokenize('قال الوزير، "غدا" 25 قتيلا');
    expect(tokens.map((t) => [t.text, t.start, t.end, t.spaced])).toEqual([
      ['قال', 0, 3, false],
      ['الوزير', 4, 10, true],
      ['غدا', 13, 16, false],
      ['25', 18, 20, false],
      ['قتيلا', 21, 26, true],
    ]);
    expect(tokens.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('shares one Word between tokens spelled alike, across calls', () => {
    const [a, b] = tokenize('غزة غزة');
    const [c] = tokenize('غزة');
    expect(a!.word).toBe(b!.word);
    expect(a!.word).toBe(c!.word);
    expect(a!.word).toBe(wordOf('غزة'));
    const other = withText(a!, 'زة');
    expect(other.word).toBe(wordOf('زة'));
    expect(other.memo).toBeUndefined();
    expect([other.start, other.end]).toEqual([a!.start, a!.end]);
  });

  it('keeps astral letters (surrogate pairs) inside words and drops lone surrogates', () => {
    expect(tokenize('a𝐀b \uD800c').map((t) => t.text)).toEqual(['a𝐀b', 'c']);
  });

  it('finds the Word wordOf gives for the same spelling, astral letters included (the hash it works out as it reads)', () => {
    const tokens = tokenize('عدن a𝐀b 𝐀 X9 قتيلا');
    expect(tokens.map((t) => t.word === wordOf(t.text))).toEqual([true, true, true, true, true]);
    expect(tokenize('ب𝐀𝐁')[0]!.word).toBe(wordOf('ب𝐀𝐁'));
    expect(tokenize('a𝐀b')[0]!.word).not.toBe(wordOf('a𝐀c'));
  });

  it('agrees with the \\p{L}\\p{M}\\p{N} definition on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        expect(tokenize(s).map((t) => [t.text, t.start, t.end])).toEqual(reference(s));
      }),
      { numRuns: 500 },
    );
  });

  it('gives every token the Word of its spelling on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        for (const t of tokenize(s)) expect(t.word).toBe(wordOf(t.text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('wordOf', () => {
  it('keeps long words as copies equal to the text, lone surrogates included', () => {
    const long = 'والمتحدثينالعسكريين\uD800x';
    const w = wordOf(`${'ا'.repeat(50)} ${long}`.slice(51));
    expect(w.text).toBe(long);
    expect(wordOf(long)).toBe(w);
  });
});

describe('the word table', () => {
  it('finds every word again after growing', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const first = words.map((w) => wordOf(w));
    expect(words.every((w, i) => wordOf(w) === first[i] && first[i]!.text === w)).toBe(true);
    const [t] = tokenize(`x ${words[12_345]} y`).slice(1);
    expect(t!.word).toBe(first[12_345]);
  });
});

describe('restarting the word table', () => {
  it('keeps pinned (lexicon) words and their data, and keeps one Word per spelling within an article', async () => {
    const { PhraseMatcher } = await import('./phrase-matcher.ts');
    const lexicon = new PhraseMatcher<string>();
    lexicon.add('مجلس الدفاع', 'council');
    const pinned = pinnedWord('الدفاع');
    const before = tokenize('وبمجلس الدفاع');
    expect(lexicon.matchAt(before, 0)?.values).toEqual(['council']);
    const loose = wordOf('كلمةعابرة');
    // fill the table past its limit: nothing starts it again while an article is read …
    for (let i = 0; i < 100_001; i++) wordOf(`r${i.toString(36)}`);
    expect(tokenize('كلمةعابرة')[0]!.word).toBe(loose);
    // … the next article does
    beginArticle();
    const tokens = tokenize('وبمجلس الدفاع كلمةعابرة كلمةعابرة');
    expect(tokens[1]!.word).toBe(pinned);
    expect(tokens[2]!.word).not.toBe(loose);
    expect(tokens[2]!.word).toBe(tokens[3]!.word);
    expect(wordOf('كلمةعابرة')).toBe(tokens[2]!.word);
    const m = lexicon.matchAt(tokens, 0);
    expect(m?.values).toEqual(['council']);
    expect([m?.proclitic, m?.first, m?.last]).toEqual(['وب', 0, 1]);
  });
});

describe('phrase matches in a window of the article\'s tokens', () => {
  it('are positions in the window, not in the article, even after the article was matched', async () => {
    const { loadPack } = await import('../packs/pack.ts');
    const { SourceText } = await import('./source-text.ts');
    const pack = loadPack('ar');
    const s = new SourceText('قتل 5 أشخاص و156 ألفًا مصابًا');
    const tokens = tokenize(s.folded);
    // the article's own reading of "ألفًا" (token 4) is memoised on the token
    expect(pack.numbers.matchAt(tokens, 4, false)?.last).toBe(4);
    // a window that reads "و156" as "156": "ألفًا" is its token 1
    const window = [withText(tokens[3]!, '156'), ...tokens.slice(4)];
    expect(pack.numbers.matchAt(window, 1, false)?.last).toBe(1);
  });

  it('are found through a proclitic reading of a word no matcher has asked about before', async () => {
    const { PhraseMatcher } = await import('./phrase-matcher.ts');
    const lexicon = new PhraseMatcher<string>();
    lexicon.add('عبرززت الحدود', 'crossing');
    // "وعبرززت" is a new spelling: the window's first token is the article's second, so the match is
    // worked out afresh, without the per-word bits matchAt's filter would have brought up to date
    const tokens = tokenize('ثم وعبرززت الحدود');
    const window = tokens.slice(1);
    const m = lexicon.matchAt(window, 0);
    expect([m?.values, m?.proclitic, m?.first, m?.last]).toEqual([['crossing'], 'و', 0, 1]);
    expect(lexicon.matchAt(window, 1)).toBeNull();
    expect(lexicon.matchAt(tokens, 1)?.values).toEqual(['crossing']);
  });
});
