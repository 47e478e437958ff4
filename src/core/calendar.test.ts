import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayOfMonthOnWeekday, hijriToGregorian, iso, relativePeriod, utcDate, weekdayAfter, weekdayBefore, weekdayOnOrAfter, weekdayOnOrBefore, yearNotAfter, yearNotBefore, nearerAhead,
} from './calendar.ts';

const sunday = utcDate(2020, 11, 1)!;

describe('calendar', () => {
  it('weekday on or before publication', () => {
    expect(iso(weekdayOnOrBefore(sunday, 6))).toBe('2020-10-31');
    expect(iso(weekdayOnOrBefore(sunday, 0))).toBe('2020-11-01');
    expect(iso(weekdayOnOrBefore(sunday, 1))).toBe('2020-10-26');
    expect(iso(weekdayAfter(sunday, 0))).toBe('2020-11-08');
  });
  it('weekday strictly before, and on or after, publication', () => {
    expect(iso(weekdayBefore(sunday, 0))).toBe('2020-10-25');
    expect(iso(weekdayBefore(sunday, 6))).toBe('2020-10-31');
    expect(iso(weekdayOnOrAfter(sunday, 0))).toBe('2020-11-01');
    expect(iso(weekdayOnOrAfter(sunday, 4))).toBe('2020-11-05');
  });
  it('a day of the month on a weekday ("الجمعة 15")', () => {
    // Friday 15: May 2020 (not November 2020, a Sunday, nor October, a Thursday)
    expect(iso(dayOfMonthOnWeekday(sunday, 15, 5, false)!)).toBe('2020-05-15');
    expect(iso(dayOfMonthOnWeekday(sunday, 1, 0, false)!)).toBe('2020-11-01');
    expect(iso(dayOfMonthOnWeekday(sunday, 15, 5, true)!)).toBe('2021-01-15');
    expect(dayOfMonthOnWeekday(sunday, 31, 9, false)).toBeNull();
  });
  it('infers years', () => {
    expect(yearNotAfter(sunday, 9, 27)).toBe(2020);
    expect(yearNotAfter(sunday, 12, 25)).toBe(2019);
    expect(yearNotBefore(utcDate(2021, 1, 3)!, 12, 30)).toBe(2021);
    expect(yearNotBefore(sunday, 11, 10)).toBe(2020);
    expect(yearNotBefore(sunday, 11, 1)).toBe(2020);
    expect(yearNotBefore(sunday, 10, 31)).toBe(2021);
    // 2020-11-01: 10 January is 70 days ahead, 296 back; 3 May is 183 ahead, 182 back (the past)
    expect(nearerAhead(sunday, 1, 10)).toBe(true);
    expect(nearerAhead(sunday, 5, 3)).toBe(false);
    expect(nearerAhead(sunday, 10, 20)).toBe(false);
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
