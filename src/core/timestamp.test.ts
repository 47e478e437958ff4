import { describe, expect, it } from 'vitest';
import { publishedTimestamp } from './timestamp.ts';

describe('publishedTimestamp', () => {
  it.each([
    ['2016-12-19T20:00:06Z', '2016-12-19T20:00:06Z'],
    ['2016-12-19T20:00:06.123Z', '2016-12-19T20:00:06Z'],
    ['2016-12-19 20:00', '2016-12-19T20:00:00Z'],
    ['2016-12-19T22:00:06+02:00', '2016-12-19T20:00:06Z'],
    ['2016-12-19T01:30:00-0300', '2016-12-19T04:30:00Z'],
    ['2016-12-20T01:00:00+03', '2016-12-19T22:00:00Z'],
  ])('%s has a time: %s', (input, expected) => {
    expect(publishedTimestamp(input)).toBe(expected);
  });
  it.each([['2016-12-19'], ['01 نوفمبر 2020'], [''], ['2016-02-31T10:00:00Z'], ['2016-12-19T25:00:00Z'], [null], [undefined]])('%s has none', (input) => {
    expect(publishedTimestamp(input)).toBeNull();
  });
});
