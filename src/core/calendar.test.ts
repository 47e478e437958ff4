import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hijriToGregorian, iso, nearestYear, relativePeriod, utcDate, weekdayAfter, weekdayOnOrBefore, yearNotAfter } from './calendar.ts';

const sunday = utcDate(2020, 11, 1)!;

describe('calendar', () => {
  it('weekday on or before publication', () => {
    expect(iso(weekdayOnOrBefore(sunday, 6))).toBe('2020-10-31');
    expect(iso(weekdayOnOrBefore(sunday, 0))).toBe('2020-11-01');
    expect(iso(weekdayOnOrBefore(sunday, 1))).toBe('2020-10-26');
    expect(iso(weekdayAfter(sunday, 0))).toBe('2020-11-08');
  });
  it('infers years', () => {
    expect(yearNotAfter(sunday, 9, 27)).toBe(2020);
    expect(yearNotAfter(sunday, 12, 25)).toBe(2019);
    expect(nearestYear(utcDate(2021, 1, 3)!, 12, 30)).toBe(2020);
    expect(nearestYear(sunday, 11, 10)).toBe(2020);
  });
  it('converts Umm al-Qura Hijri dates with Intl', () => {
    expect(iso(hijriToGregorian(1442, 3, 15)!)).toBe('2020-11-01');
    expect(iso(hijriToGregorian(1445, 9, 1)!)).toBe('2024-03-11');
    expect(hijriToGregorian(1442, 13, 1)).toBeNull();
  });
  it('bounds relative periods', () => {
    expect(relativePeriod(sunday, 'week', -1).map(iso)).toEqual(['2020-10-19', '2020-10-25']);
    expect(relativePeriod(sunday, 'month', -1).map(iso)).toEqual(['2020-10-01', '2020-10-31']);
    expect(relativePeriod(sunday, 'year', 0).map(iso)).toEqual(['2020-01-01', '2020-12-31']);
  });
});

describe('iso', () => {
  it('writes the first ten characters of toISOString for any date', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (d) => {
        expect(iso(d)).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
    expect(iso(new Date(Date.UTC(2020, 8, 27)))).toBe('2020-09-27');
  });
});
