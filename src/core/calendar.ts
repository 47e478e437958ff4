/** Calendar arithmetic on UTC dates (no time zones: an article's dates are calendar days). */
// one module per function: date-fns's index loads all of date-fns (~150 ms in every thread that extracts)
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { addYears } from 'date-fns/addYears';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfWeek } from 'date-fns/endOfWeek';
import { endOfYear } from 'date-fns/endOfYear';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';
import { startOfYear } from 'date-fns/startOfYear';

export function utcDate(year: number, month: number, day: number): Date | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d;
}

/** YYYY-MM-DD of a UTC date (toISOString's first ten characters, written without building the full timestamp). */
export function iso(d: Date): string {
  const y = d.getUTCFullYear();
  if (!(y >= 1000 && y <= 9999)) return d.toISOString().slice(0, 10);
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function parseIso(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(s);
  return m ? utcDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

export function shiftDays(d: Date, n: number): Date {
  // date-fns works in local time; on UTC midnight dates whole-day steps are exact in any zone
  return new Date(d.getTime() + n * 86_400_000);
}

/** The most recent `weekday` (0 = Sunday) on or before `anchor`. */
export function weekdayOnOrBefore(anchor: Date, weekday: number): Date {
  const diff = (anchor.getUTCDay() - weekday + 7) % 7;
  return shiftDays(anchor, -diff);
}

/** The most recent `weekday` strictly before `anchor` ("الأحد الماضي"). */
export function weekdayBefore(anchor: Date, weekday: number): Date {
  const diff = (anchor.getUTCDay() - weekday + 7) % 7 || 7;
  return shiftDays(anchor, -diff);
}

/** The first `weekday` on or after `anchor` (a weekday in a clause about the future). */
export function weekdayOnOrAfter(anchor: Date, weekday: number): Date {
  return shiftDays(anchor, (weekday - anchor.getUTCDay() + 7) % 7);
}

/**
 * "الجمعة 15": the day `day` of a month that falls on `weekday`, the most recent on or before the
 * anchor (or the first on or after it with `future`), looked for over fourteen months; null when none.
 */
export function dayOfMonthOnWeekday(anchor: Date, day: number, weekday: number, future: boolean): Date | null {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + 1;
  for (let k = 0; k <= 14; k++) {
    const months = y * 12 + (m - 1) + (future ? k : -k);
    const d = utcDate(Math.floor(months / 12), (months % 12) + 1, day);
    if (!d || d.getUTCDay() !== weekday) continue;
    if (future ? d.getTime() >= anchor.getTime() : d.getTime() <= anchor.getTime()) return d;
  }
  return null;
}

/** The next `weekday` strictly after `anchor`. */
export function weekdayAfter(anchor: Date, weekday: number): Date {
  const diff = (weekday - anchor.getUTCDay() + 7) % 7 || 7;
  return shiftDays(anchor, diff);
}

/** Year for a day and month that must not be after the anchor ("since 27 September"). */
export function yearNotAfter(anchor: Date, month: number, day: number): number {
  const y = anchor.getUTCFullYear();
  const d = utcDate(y, month, day);
  return d && d.getTime() <= anchor.getTime() ? y : y - 1;
}

/** Year for a day and month said to be ahead ("10 يناير المقبل"): the first one not before the anchor. */
export function yearNotBefore(anchor: Date, month: number, day: number): number {
  const y = anchor.getUTCFullYear();
  const d = utcDate(y, month, day);
  return d && d.getTime() >= anchor.getTime() ? y : y + 1;
}

/**
 * Whether a day and month written without a year is nearer ahead of the anchor than behind it:
 * wire copy leaves the year out only for days close to the dateline ("the January 8 election"
 * in an article of 27 December is 12 days ahead, not 353 days back); ties go to the past.
 */
export function nearerAhead(anchor: Date, month: number, day: number): boolean {
  const ahead = utcDate(yearNotBefore(anchor, month, day), month, day);
  const behind = utcDate(yearNotAfter(anchor, month, day), month, day);
  if (!ahead || !behind) return false;
  return ahead.getTime() - anchor.getTime() < anchor.getTime() - behind.getTime();
}

// date-fns helpers evaluated on a local-time copy; convert through y/m/d to stay on calendar days
function local(d: Date): Date {
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
function fromLocal(d: Date): Date {
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
}

/** The calendar period `offset` units from the anchor: [start, end] closed; weeks are ISO weeks (Monday first). */
export function relativePeriod(anchor: Date, unit: 'week' | 'month' | 'year', offset: number): [Date, Date] {
  const a = local(anchor);
  if (unit === 'week') {
    const base = addWeeks(a, offset);
    return [fromLocal(startOfWeek(base, { weekStartsOn: 1 })), fromLocal(endOfWeek(base, { weekStartsOn: 1 }))];
  }
  if (unit === 'month') {
    const base = addMonths(a, offset);
    return [fromLocal(startOfMonth(base)), fromLocal(endOfMonth(base))];
  }
  const base = addYears(a, offset);
  return [fromLocal(startOfYear(base)), fromLocal(endOfYear(base))];
}


const hijriFormatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function hijriParts(d: Date): { y: number; m: number; d: number } {
  const parts = hijriFormatter.formatToParts(d);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? NaN);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * Gregorian date of a Hijri (Umm al-Qura) date, by searching around an estimate with Intl's
 * islamic-umalqura calendar (Intl formats but does not parse other calendars).
 */
export function hijriToGregorian(year: number, month: number, day: number): Date | null {
  if (day < 1 || day > 30 || month < 1 || month > 12) return null;
  const key = `${year}-${month}-${day}`;
  const known = HIJRI_CACHE.get(key);
  if (known !== undefined) return known === null ? null : new Date(known);
  // mean Hijri year 354.367 days; epoch 622-07-16 (Julian) ≈ 622-07-19 proleptic Gregorian; the
  // search goes outward from the estimate, which is rarely more than a couple of days off
  const estimate = Date.UTC(622, 6, 19) + ((year - 1) * 354.367 + (month - 1) * 29.53 + (day - 1)) * 86_400_000;
  let found: Date | null = null;
  for (let step = 0; step <= 80 && !found; step++) {
    const delta = step % 2 === 0 ? step / 2 : -(step + 1) / 2;
    const cand = new Date(estimate + delta * 86_400_000);
    const c = new Date(Date.UTC(cand.getUTCFullYear(), cand.getUTCMonth(), cand.getUTCDate()));
    const h = hijriParts(c);
    if (h.y === year && h.m === month && h.d === day) found = c;
  }
  if (HIJRI_CACHE.size > 10_000) HIJRI_CACHE.clear();
  HIJRI_CACHE.set(key, found ? found.getTime() : null);
  return found;
}

/** Hijri dates already converted (Intl only formats, so each conversion is a small search). */
const HIJRI_CACHE = new Map<string, number | null>();
