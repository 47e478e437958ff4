import { describe, expect, it } from 'vitest';
import { foldForScoring, scoreArticle, summarize, surfacesMatch, type GoldArticle } from './score.ts';
import type { ExtractionDocument } from '../schema/index.ts';

describe('foldForScoring (the corpus README folding)', () => {
  it.each([
    ['الرئيسُ', 'رييس'],
    ['إلهام علييف', 'هام علييف'], // إ → ا, then the leading ال goes (literally),
    ['مؤسسة', 'موسسه'],
    ['مستشفى الشفاء', 'مستشفي الشفاء'],
    ['ناغورنو-كاراباخ', 'ناغورنو كاراباخ'],
    ['  Ban Ki-moon ', 'ban ki moon'],
    ['الـــجيش', 'جيش'],
  ])('%s → %s', (input, folded) => expect(foldForScoring(input)).toBe(folded));
});

describe('surfacesMatch', () => {
  it.each([
    ['علييف', 'إلهام علييف', true],
    ['القادة الانفصاليون', 'الانفصاليون', true],
    ['باكو', 'موسكو', false],
    ['ب', 'باكو', false], // one letter never matches
  ])('%s ~ %s: %s', (a, b, expected) => expect(surfacesMatch(a, b)).toBe(expected));
});

const gold = (over: Partial<GoldArticle>): GoldArticle => ({ id: 'g', published: '2020-11-01', persons: [], places: [], dates: [], statements: [], casualties: [], ceasefires: [], ...over });

function doc(over: Record<string, unknown>): ExtractionDocument {
  return {
    schema: 'conflict-events/1',
    article: { id: 'g', published: '2020-11-01' },
    actors: [], places: [], dates: [], statements: [], events: [], casualties: [], ceasefires: [], diagnostics: [],
    ...over,
  } as unknown as ExtractionDocument;
}

const person = (id: string, name: string, ...mentions: string[]): Record<string, unknown> => ({ id, kind: 'person', name, name_native: null, mentions: mentions.map((text) => ({ text })) });

describe('scoreArticle', () => {
  it('matches persons one to one, gold in file order', () => {
    const s = scoreArticle(gold({ persons: ['إلهام علييف', 'علييف الابن'] }), doc({ actors: [person('act-1', 'Ilham Aliyev', 'علييف')] }));
    expect(s.counts.persons).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(s.diff.missed.persons).toEqual(['علييف الابن']);
  });

  it('scores published; a date where gold has none is a false positive', () => {
    expect(scoreArticle(gold({ published: null }), doc({})).counts.published).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(scoreArticle(gold({}), doc({})).counts.published).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('takes dated statements first and forgives extra clauses of a known speaker', () => {
    const actors = [person('act-1', 'Aliyev', 'علييف')];
    const statements = [
      { speaker: 'act-1', speaker_text: 'علييف', date: null, quotes: [] },
      { speaker: 'act-1', speaker_text: 'علييف', date: '2020-11-01', quotes: ['نص'] },
      { speaker: 'act-1', speaker_text: 'علييف', date: '2020-10-30', quotes: [] },
    ];
    const s = scoreArticle(
      gold({ statements: [{ speaker: 'علييف', date: null }, { speaker: 'علييف', date: '2020-11-01', quote: 'نص' }] }),
      doc({ actors, statements }),
    );
    expect(s.counts.statements).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(s.quotes).toEqual({ found: 1, total: 1 });
  });

  it('counts a statement of an unknown speaker as a false positive', () => {
    const s = scoreArticle(gold({ statements: [{ speaker: 'علييف', date: null }] }), doc({ statements: [{ speaker: null, speaker_text: 'مصدر', date: null, quotes: [] }] }));
    expect(s.counts.statements).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('matches casualties on outcome and any of low/best/high, and checks the qualifier', () => {
    const casualties = [
      { outcome: 'killed', low: null, best: 30, high: null, qualifier: 'about', display: '~30', number_text: 'نحو 30' },
      { outcome: 'injured', low: 30, best: 30, high: 30, qualifier: 'exact', display: '30', number_text: '30' },
    ];
    const s = scoreArticle(gold({ casualties: [{ outcome: 'killed', low: 30, qualifier: 'exact' }] }), doc({ casualties }));
    expect(s.counts.casualties).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(s.qualifier).toEqual({ equal: 0, total: 1 });
  });

  it('matches ceasefires on status, and on attempts where gold counts them', () => {
    const ceasefires = [{ kind: 'humanitarian_truce', status: 'failed', attempts: 2, evidence: [{ text: 'x' }] }];
    expect(scoreArticle(gold({ ceasefires: [{ status: 'failed', attempts: 3 }] }), doc({ ceasefires })).counts.ceasefires).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scoreArticle(gold({ ceasefires: [{ status: 'failed' }] }), doc({ ceasefires })).counts.ceasefires).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('takes day-precision dates only, each distinct day once', () => {
    const dates = [
      { start: '2020-11-01', precision: 'day' },
      { start: '2020-11-01', precision: 'day' },
      { start: '2020-11-01', precision: 'month' },
      { start: '2020-10-01', precision: 'month' },
    ];
    expect(scoreArticle(gold({ dates: ['2020-11-01'] }), doc({ dates })).counts.dates).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('summarize', () => {
  it('sums counts over articles (micro) and averages the six F1s (macro)', () => {
    const a = scoreArticle(gold({ persons: ['علييف'] }), doc({ actors: [person('act-1', 'علييف')] }));
    const b = scoreArticle(gold({ persons: ['باشينيان'] }), doc({}));
    const r = summarize([a, b]);
    expect(r.categories.persons).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(r.categories.persons.f1).toBeCloseTo(2 / 3, 6);
    // places, dates, statements, casualties, ceasefires: nothing to find, nothing found → 1
    expect(r.macro_f1).toBeCloseTo((2 / 3 + 5) / 6, 6);
  });
});
