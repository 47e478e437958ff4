import { describe, expect, it } from 'vitest';
import { asDocument, chronoFindings, cleanPeerName, compromiseFindings, formatPeers, scorePeer } from './peers.ts';
import type { GoldArticle } from './score.ts';

const gold: GoldArticle = {
  id: 'a', published: '2005-07-07', persons: ['Jack Straw', 'Ban Ki-moon'], places: ['London', 'Aldgate'], dates: ['2005-07-07', '2005-07-06'],
  statements: [], casualties: [], ceasefires: [],
};

describe('peers', () => {
  it.each([
    ["Osama bin Laden's", 'Osama bin Laden'],
    ['London.', 'London'],
    ['Bhutto\u2019s,', 'Bhutto'],
    ['Secretary Jack Straw', 'Secretary Jack Straw'],
  ])('cleans %s', (raw, clean) => {
    expect(cleanPeerName(raw)).toBe(clean);
  });

  it('keeps chrono-node results with a certain day, as ISO days, against the publication date', () => {
    const seen: Array<[string, Date]> = [];
    const stub = {
      casual: {
        parse: (text: string, ref: Date) => {
          seen.push([text, ref]);
          const r = (y: number, m: number, d: number, certain: boolean) => ({ start: { isCertain: () => certain, get: (c: string) => ({ year: y, month: m, day: d })[c] ?? null } });
          return [r(2005, 7, 7, true), r(2005, 7, 6, true), r(2005, 7, 1, false)];
        },
      },
    };
    expect(chronoFindings(stub, { text: 'body', title: 'Title', published: '2005-07-07' }).dates).toEqual(['2005-07-07', '2005-07-06']);
    expect(seen).toEqual([['Title\nbody', new Date('2005-07-07T12:00:00Z')]]);
  });

  it('reads compromise people and places once each, cleaned', () => {
    const view = (xs: string[]) => ({ out: () => xs });
    const nlp = () => ({ people: () => view(['Jack Straw', "Jack Straw's"]), places: () => view(['London.', 'London']) });
    expect(compromiseFindings(nlp, { text: 'x' })).toEqual({ persons: ['Jack Straw'], places: ['London'] });
  });

  it('scores a peer with the rules that score us', () => {
    const findings = new Map([['a', { persons: ['Jack Straw', 'Secretary'], places: ['London', 'March'] }]]);
    const r = scorePeer('compromise', findings, new Map([['a', gold]]), 0.5);
    expect(r.categories.persons).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.categories.places).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(r.categories.dates).toBeUndefined();
    expect(r.rate).toBe(2);
    expect(asDocument('a', { dates: ['2005-07-07'] }).dates).toEqual([{ start: '2005-07-07', precision: 'day' }]);
  });

  it('prints the side-by-side table', () => {
    const f = { tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5, f1: 2 / 3 };
    const table = formatPeers({ name: 'conflict-events', categories: { persons: f, places: f, dates: f }, rate: 1234.4 }, [{ name: 'chrono-node', categories: { dates: f }, rate: 10 }]);
    expect(table.split('\n')[0]).toMatch(/^category\s+conflict-events\s+chrono-node/u);
    expect(table).toMatch(/dates\s+1\.00  0\.50  0\.67\s+1\.00  0\.50  0\.67/u);
    expect(table).toMatch(/persons\s+1\.00  0\.50  0\.67\s+-/u);
    expect(table).toContain('1,234 articles/s');
  });
});
