/**
 * Dates: find temporal expressions in the reported text and resolve them against the publication
 * date (codebook "dates"). Rule names say how each was resolved.
 */
import type { Context, DateDraft } from '../../core/context.ts';
import {
  dayOfMonthOnWeekday, hijriToGregorian, iso, relativePeriod, shiftDays, utcDate, weekdayAfter, weekdayBefore, weekdayOnOrAfter,
  weekdayOnOrBefore, yearNotAfter, yearNotBefore, nearerAhead,
} from '../../core/calendar.ts';
import { tokenAt, type Token } from '../../core/tokens.ts';
import { hasValueOfType } from '../../core/phrase-matcher.ts';
import type { TimeLex } from '../../packs/pack.ts';
import { absoluteDateAt, NUMERIC_DATE, numericDateParts, type AbsoluteDate } from './grammar.ts';
import { numberAt, ordinalAt } from '../numbers/numbers.ts';

type Part = Extract<TimeLex, { type: 'part_of_day' }>['part'];

interface Found {
  first: number;
  last: number;
  kind: DateDraft['kind'];
  start: Date | null;
  end: Date | null;
  precision: DateDraft['precision'];
  part: Part | null;
  calendar: 'gregorian' | 'hijri';
  rule: string;
  ambiguity: string | null;
  reason: string | null;
}

function lexAt(ctx: Context, i: number): readonly TimeLex[] {
  return ctx.pack.time.matchAt(ctx.tokens, i)?.values ?? [];
}

function lexMatch(ctx: Context, i: number) {
  return ctx.pack.time.matchAt(ctx.tokens, i);
}

/** Offsets, durations, anchors, future particles, "in a row" at token i (pack.timeCues). */
function cueAt(ctx: Context, i: number) {
  return ctx.pack.timeCues.matchAt(ctx.tokens, i);
}

/**
 * Resolve a day-month(-year) date. Without a year: the most recent one not after publication (also
 * for "since" dates), or the first one not before it when the text puts it ahead (`future`).
 */
function resolveAbsolute(ctx: Context, a: Pick<AbsoluteDate, 'day' | 'month' | 'year' | 'yearOffset' | 'calendar'>, future: boolean): Pick<Found, 'start' | 'end' | 'precision' | 'rule' | 'reason' | 'kind'> {
  const anchor = ctx.published;
  let year = a.year;
  let rule = 'explicit';
  if (year === null && a.yearOffset !== undefined && anchor && a.calendar === 'gregorian') {
    year = anchor.getUTCFullYear() + a.yearOffset;
    rule = 'year_relative_to_published';
  }
  if (year === null) {
    if (!anchor) {
      return { start: null, end: null, precision: a.day === null ? 'month' : 'day', rule: 'year_unknown', reason: 'no year written and no publication date to infer it from', kind: a.day === null ? 'month' : 'absolute' };
    }
    if (a.calendar === 'hijri') {
      return { start: null, end: null, precision: 'day', rule: 'year_unknown', reason: 'Hijri date without a year', kind: 'absolute' };
    }
    year = future ? yearNotBefore(anchor, a.month, a.day ?? 1) : yearNotAfter(anchor, a.month, a.day ?? 1);
    rule = future ? 'year_from_published_future' : 'year_from_published';
  }
  if (a.calendar === 'hijri') {
    const d = a.day !== null ? hijriToGregorian(year, a.month, a.day) : null;
    if (a.day === null) {
      const s = hijriToGregorian(year, a.month, 1);
      const e = hijriToGregorian(a.month === 12 ? year + 1 : year, a.month === 12 ? 1 : a.month + 1, 1);
      return { start: s, end: e ? shiftDays(e, -1) : null, precision: 'month', rule: 'hijri_umalqura', reason: s ? null : 'Hijri date outside the calendar range', kind: 'month' };
    }
    return { start: d, end: d, precision: 'day', rule: 'hijri_umalqura', reason: d ? null : 'not a valid Hijri date', kind: 'absolute' };
  }
  if (a.day === null) {
    const s = utcDate(year, a.month, 1)!;
    const e = shiftDays(utcDate(a.month === 12 ? year + 1 : year, a.month === 12 ? 1 : a.month + 1, 1)!, -1);
    return { start: s, end: e, precision: 'month', rule, reason: null, kind: 'month' };
  }
  const d = utcDate(year, a.month, a.day);
  return { start: d, end: d, precision: 'day', rule, reason: d ? null : 'not a valid calendar date', kind: 'absolute' };
}

/** A weekday (optionally after يوم, optionally followed by a future or past marker) at token i. */
interface WeekdayHit {
  first: number;
  last: number;
  weekday: number;
  /** "المقبل": the first such day after publication */
  next: boolean;
  /** "الماضي": the most recent such day before publication */
  past: boolean;
  /** a future particle or verb in its clause: on or after publication */
  future: boolean;
}

function weekdayAt(ctx: Context, i: number): WeekdayHit | null {
  let k = i;
  if (ctx.tokens[k] && ctx.pack.grammar.has('day_nouns', ctx.tokens[k]!.word)) {
    const after = lexAt(ctx, k + 1).find((v) => v.type === 'weekday');
    if (after) k++;
  }
  const m = lexMatch(ctx, k);
  const v = m?.values.find((x) => x.type === 'weekday');
  if (!m || !v || v.type !== 'weekday') return null;
  let last = m.last;
  let next = false;
  let past = false;
  const marker = lexMatch(ctx, last + 1);
  if (marker && ctx.tokens[last + 1]!.spaced) {
    if (marker.values.some((x) => x.type === 'future')) {
      next = true;
      last = marker.last;
    } else if (marker.values.some((x) => x.type === 'past')) {
      past = true;
      last = marker.last;
    }
  }
  return { first: i, last, weekday: v.weekday, next, past, future: !next && !past && futureClause(ctx, i) };
}

function weekdayFound(ctx: Context, w: WeekdayHit): Found {
  const anchor = ctx.published;
  if (!anchor) {
    return { first: w.first, last: w.last, kind: 'weekday', start: null, end: null, precision: 'day', part: null, calendar: 'gregorian', rule: 'weekday_unanchored', ambiguity: null, reason: 'no publication date to anchor the weekday' };
  }
  const [d, rule] = w.next
    ? [weekdayAfter(anchor, w.weekday), 'weekday_next']
    : w.past
      ? [weekdayBefore(anchor, w.weekday), 'weekday_last']
      : w.future
        ? [weekdayOnOrAfter(anchor, w.weekday), 'weekday_on_or_after_published_future']
        : [weekdayOnOrBefore(anchor, w.weekday), 'weekday_on_or_before_published'];
  const same = !w.next && !w.past && anchor.getUTCDay() === w.weekday;
  return {
    first: w.first, last: w.last, kind: 'weekday', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
    rule,
    ambiguity: same ? 'weekday_is_publication_weekday' : null,
    reason: null,
  };
}

/**
 * Whether the clause before token i speaks of the future: a future particle ("سوف", "من المقرر")
 * or a verb with the future prefix ("ستجرى") among the few words before it, within its clause
 * (punctuation ends the look back). Names and number words are never verbs.
 */
function futureClause(ctx: Context, i: number): boolean {
  const { tokens, pack } = ctx;
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (!tokens[k + 1]!.spaced) break;
    const t = tokens[k]!;
    if (cueAt(ctx, k)?.values.some((v) => v.type === 'future_particle')) return true;
    if (pack.morphology.looksLikeFutureVerb(t.text) && !pack.entities.matchAt(tokens, k) && !pack.numbers.matchAt(tokens, k, false) && !pack.time.matchAt(tokens, k)) return true;
  }
  return false;
}

/** A future marker right after token `last` ("10 يناير المقبل"): its last token, or -1. */
function futureMarkerAfter(ctx: Context, last: number): number {
  const m = ctx.tokens[last + 1]?.spaced ? lexMatch(ctx, last + 1) : null;
  return m && m.values.some((v) => v.type === 'future') ? m.last : -1;
}

/** A past marker right after token `last` ("3 مارس الماضي"): its last token, or -1. */
function pastMarkerAfter(ctx: Context, last: number): number {
  const m = ctx.tokens[last + 1]?.spaced ? lexMatch(ctx, last + 1) : null;
  return m && m.values.some((v) => v.type === 'past') ? m.last : -1;
}

/** Only spaces or a comma between two tokens ("الأحد، 2 أيلول 2018"). */
function commaGap(ctx: Context, a: number): boolean {
  const x = ctx.tokens[a];
  const y = ctx.tokens[a + 1];
  if (!x || !y) return false;
  const gap = ctx.source.folded.slice(x.end, y.start).trim();
  return gap === '' || gap === ',' || gap === '\u060C';
}

/**
 * What may follow a weekday and fix its day: a written date ("الجمعة 15 أبريل", "الأحد، 2 أيلول
 * 2018"), a day of the month alone ("الجمعة 15", "الأحد الثاني"), or the week it is in ("يوم
 * الثلاثاء من الأسبوع الماضي"). Returns the Found for the whole phrase, or null.
 */
function weekdayQualified(ctx: Context, w: WeekdayHit): Found | null {
  const { tokens, pack, source } = ctx;
  const anchor = ctx.published;
  const j = w.last + 1;
  if (!tokens[j] || !commaGap(ctx, w.last)) return null;
  const a = absoluteDateAt(pack, source.folded, tokens, j);
  if (a && a.day !== null) {
    let last = a.last;
    const fm = a.year === null ? futureMarkerAfter(ctx, last) : -1;
    if (fm >= 0) last = fm;
    const r = resolveAbsolute(ctx, a, fm >= 0 || w.next || w.future);
    const mismatch = r.start && a.calendar === 'gregorian' && r.start.getUTCDay() !== w.weekday;
    return { first: w.first, last, kind: r.kind, start: r.start, end: r.end, precision: r.precision, part: null, calendar: a.calendar, rule: r.rule, ambiguity: mismatch ? 'weekday_does_not_match_date' : null, reason: r.reason };
  }
  // a day of the month alone: digits or an ordinal, then nothing of its own (not "الجمعة 15 شخصا")
  const dm = tokens[j]!.spaced || pack.morphology.dayNumber(tokens[j]!.text) !== null ? dayOfMonthAt(ctx, j) : null;
  const day = dm?.day ?? null;
  const dayLast = dm?.last ?? j;
  const after = tokens[dayLast + 1];
  const inARow = !!after?.spaced && !!cueAt(ctx, dayLast + 1)?.values.some((v) => v.type === 'in_a_row');
  // digits end the phrase ("يوم الجمعة 15،"): "قتل الأحد 3 في الهجوم" counts people; an ordinal may run
  // on into a preposition ("الأحد الثاني في")
  const digits = dm !== null && dm.last === j && pack.morphology.dayNumber(tokens[j]!.text) !== null;
  const ends = !after || !after.spaced || (!digits && pack.stopwords.has(after.text) && !pack.grammar.has('of', after.word));
  if (day !== null && day >= 1 && day <= 31 && !inARow && ends) {
    const d = anchor ? dayOfMonthOnWeekday(anchor, day, w.weekday, w.next || w.future) : null;
    return {
      first: w.first, last: dayLast, kind: 'absolute', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
      rule: 'weekday_and_day_of_month', ambiguity: null,
      reason: d ? null : anchor ? 'no month has that day on that weekday near the publication date' : 'no publication date to find the month',
    };
  }
  // "من الأسبوع الماضي"
  if (tokens[j]!.spaced && pack.grammar.has('of', tokens[j]!.word)) {
    const rp = lexMatch(ctx, j + 1);
    const v = rp?.values.find((x) => x.type === 'relative_period');
    if (rp && v && v.type === 'relative_period' && v.unit === 'week' && tokens[j + 1]!.spaced) return weekdayInWeek(ctx, w, v.offset, rp.last);
  }
  return null;
}

/** A weekday in the week `offset` weeks from publication (weeks are ISO weeks, as for "الأسبوع الماضي"). */
function weekdayInWeek(ctx: Context, w: WeekdayHit, offset: number, last: number, first = w.first): Found {
  const anchor = ctx.published;
  const d = anchor ? shiftDays(relativePeriod(anchor, 'week', offset)[0], (w.weekday + 6) % 7) : null;
  return {
    first, last, kind: 'weekday', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
    rule: 'weekday_in_relative_week', ambiguity: null, reason: d ? null : 'no publication date to anchor the weekday',
  };
}

/** A day of the month in digits ("15", "الـ15") or as an ordinal ("الخامس", "الحادي والعشرين") at token i. */
function dayOfMonthAt(ctx: Context, i: number): { day: number; last: number } | null {
  const dn = ctx.pack.morphology.dayNumber(ctx.tokens[i]!.text);
  if (dn !== null) return { day: dn, last: i };
  const ord = ordinalAt(ctx.pack, ctx.tokens, i);
  return ord ? { day: ord.value, last: ord.last } : null;
}

/**
 * "يوم 24": a day of the month alone after the day noun, where the phrase ends; the most recent
 * such day not after publication (or the next one in a clause about the future).
 */
function dayOfMonthAloneAt(ctx: Context, i: number): Found | null {
  const { tokens, pack } = ctx;
  if (!pack.grammar.has('day_nouns', tokens[i]!.word) || !tokens[i + 1]?.spaced) return null;
  const day = pack.morphology.dayNumber(tokens[i + 1]!.text);
  const after = tokens[i + 2];
  if (day === null || day < 1 || day > 31 || (after?.spaced && (!pack.stopwords.has(after.text) || pack.grammar.has('of', after.word)))) return null;
  const anchor = ctx.published;
  let d: Date | null = null;
  if (anchor) {
    const future = futureClause(ctx, i);
    // this month or the one before (after): months without that day are skipped
    for (let k = 0; k <= 2 && !d; k++) {
      const first = relativePeriod(anchor, 'month', future ? k : -k)[0];
      const c = utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, day);
      if (c && (future ? c.getTime() >= anchor.getTime() : c.getTime() <= anchor.getTime())) d = c;
    }
  }
  return {
    first: i, last: i + 1, kind: 'absolute', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
    rule: 'day_of_month_from_published', ambiguity: null, reason: d ? null : "no publication date to find the month",
  };
}

/** "في 15 من الشهر الجاري", "الخامس من الشهر الماضي": a day of the month named relative to publication. */
function dayOfRelativeMonthAt(ctx: Context, i: number): Found | null {
  const { tokens, pack } = ctx;
  const dm = dayOfMonthAt(ctx, i);
  const day = dm?.day ?? null;
  const k = dm ? dm.last + 1 : -1;
  if (day === null || day < 1 || day > 31 || !tokens[k]?.spaced || !pack.grammar.has('of', tokens[k]!.word) || !tokens[k + 1]?.spaced) return null;
  const m = lexMatch(ctx, k + 1);
  const v = m?.values.find((x) => x.type === 'relative_period');
  if (!m || !v || v.type !== 'relative_period' || v.unit !== 'month') return null;
  const anchor = ctx.published;
  const first = anchor ? relativePeriod(anchor, 'month', v.offset)[0] : null;
  const d = first ? utcDate(first.getUTCFullYear(), first.getUTCMonth() + 1, day) : null;
  return {
    first: i, last: m.last, kind: 'absolute', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
    rule: 'day_of_relative_month', ambiguity: null,
    reason: d ? null : anchor ? 'not a valid calendar date' : "no publication date to anchor 'this month'",
  };
}

/**
 * "قبل يومين", "بعد 10 أيام", "منذ ثلاثة أسابيع", "قبل عامين": a count of days (a day), or of weeks,
 * months or years (that period) from publication. Not when counted from an event ("بعد يومين من
 * الهجوم") or vague ("منذ أيام").
 */
function offsetAt(ctx: Context, i: number): Found | null {
  const { tokens, pack, source } = ctx;
  const here = cueAt(ctx, i);
  const dir = here?.values.find((v) => v.type === 'offset');
  if (!here || !dir || dir.type !== 'offset') return null;
  let j = here.last + 1;
  if (!tokens[j]?.spaced) return null;
  let n: number | null = null;
  let dm = cueAt(ctx, j);
  let dur = dm?.values.find((v) => v.type === 'duration');
  let last = -1;
  if (dm && dur && dur.type === 'duration' && dur.form !== 'plural') {
    n = dur.form === 'dual' ? 2 : 1;
    last = dm.last;
    // "قبل يوم واحد"
    const one = tokens[last + 1]?.spaced ? pack.numbers.matchAt(tokens, last + 1, false) : null;
    if (n === 1 && one?.values.some((v) => v.type === 'unit' && v.value === 1)) last = one.last;
  } else {
    const num = numberAt(pack, source.folded, tokens, j);
    if (!num || num.vague || num.value === null || !tokens[num.last + 1]?.spaced) return null;
    j = num.last + 1;
    dm = cueAt(ctx, j);
    dur = dm?.values.find((v) => v.type === 'duration');
    if (!dm || !dur || dur.type !== 'duration' || dur.form === 'dual') return null;
    n = num.value;
    last = dm.last;
  }
  if (!dur || dur.type !== 'duration' || n === null || n < 1) return null;
  const next = tokens[last + 1];
  // "بعد يومين من الهجوم": from an event; "منذ عام 2014": a year, not a count
  if (next?.spaced && (!!cueAt(ctx, last + 1)?.values.some((v) => v.type === 'offset_anchor') || /^\d/u.test(next.text))) return null;
  const anchor = ctx.published;
  const k = dir.direction * n;
  const reason = anchor ? null : `no publication date to anchor '${dir.direction < 0 ? 'ago' : 'in'}'`;
  if (dur.unit === 'day') {
    const d = anchor ? shiftDays(anchor, k) : null;
    return { first: i, last, kind: 'relative_day', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian', rule: 'offset_from_published', ambiguity: null, reason };
  }
  const [s, e] = anchor ? relativePeriod(anchor, dur.unit, k) : [null, null];
  return { first: i, last, kind: 'relative_period', start: s, end: e, precision: dur.unit, part: null, calendar: 'gregorian', rule: 'offset_from_published', ambiguity: null, reason };
}

function relativeDayAt(ctx: Context, i: number): { last: number; offset: number; part: Part | null } | null {
  const m = lexMatch(ctx, i);
  const v = m?.values.find((x) => x.type === 'relative_day');
  if (!m || !v || v.type !== 'relative_day') return null;
  // "اليوم الأول", "اليوم الثالث": a day counted in a story (an event day phrase is a longer match)
  const next = ctx.tokens[m.last + 1];
  // (also behind a preposition: "لليوم الثاني والتسعين على التوالي": the one-word "today" read through its proclitic)
  const dayNoun = ctx.pack.grammar.has('day_nouns', ctx.tokens[m.last]!.word) || (v.offset === 0 && m.first === m.last && m.proclitic !== '');
  if (next?.spaced && dayNoun && ordinalAt(ctx.pack, ctx.tokens, m.last + 1)) return null;
  // "اليوم 35 للحرب", "لليوم الـ 35 على التوالي": a day counted in digits (behind a short article word)
  const digits = (j: number) => /^\d+$/u.test(ctx.tokens[j]?.text ?? '');
  if (next && dayNoun && (digits(m.last + 1) || (next.text.length <= 2 && digits(m.last + 2)))) return null;
  return { last: m.last, offset: v.offset, part: v.part };
}

/** Try every expression starting at token i, longest first. */
function dateAt(ctx: Context, i: number): Found | null {
  const { tokens, source } = ctx;
  const anchor = ctx.published;
  const noAnchor = (what: string) => `no publication date to anchor '${what}'`;
  const values = lexAt(ctx, i);
  const here = lexMatch(ctx, i);

  // "قبل يومين", "منذ ثلاثة أيام", "بعد 10 أيام"
  const off = offsetAt(ctx, i);
  if (off) return off;

  // منذ + date: a span from that date to publication
  if (values.some((v) => v.type === 'since') && here) {
    const j = here.last + 1;
    const a = absoluteDateAt(ctx.pack, source.folded, tokens, j);
    if (a && tokens[j]!.spaced) {
      const r = resolveAbsolute(ctx, a, false);
      const end = anchor ?? null;
      return {
        first: i, last: a.last, kind: 'since', start: r.start, end: r.start ? end : null, precision: r.precision, part: null, calendar: a.calendar,
        rule: r.rule === 'explicit' ? 'since_explicit' : `since_${r.rule}`, ambiguity: null,
        reason: r.reason ?? (anchor ? null : noAnchor('since')),
      };
    }
    const w = weekdayAt(ctx, j);
    if (w && tokens[j]!.spaced) {
      const f = weekdayFound(ctx, w);
      return { ...f, first: i, kind: 'since', end: f.start ? anchor : null, rule: `since_${f.rule}` };
    }
  }

  // part of day + weekday or relative day: "ليل الأحد", "صباح اليوم", "مساء أمس"
  const partLex = values.find((v) => v.type === 'part_of_day');
  if (partLex && partLex.type === 'part_of_day' && here) {
    let j = here.last + 1;
    if (tokens[j] && ctx.pack.grammar.has('day_nouns', tokens[j]!.word) && tokens[j]!.spaced) j++;
    if (tokens[j]?.spaced) {
      const w = weekdayAt(ctx, j);
      const rd = w ? null : relativeDayAt(ctx, j);
      if (w || rd) {
        let day: Date | null = null;
        let rule = 'part_of_day';
        let last = w ? w.last : rd!.last;
        let ambiguity: string | null = null;
        // "فجر الجمعة 15 أبريل": the weekday's own date
        const q = w ? weekdayQualified(ctx, w) : null;
        if (q) {
          day = q.start;
          last = q.last;
          ambiguity = q.ambiguity;
          rule = `part_of_day_${q.rule}`;
        } else if (anchor) {
          if (w) {
            const f = weekdayFound(ctx, w);
            day = f.start;
            ambiguity = f.ambiguity;
            rule = `part_of_day_${f.rule}`;
          } else {
            day = shiftDays(anchor, rd!.offset);
            rule = 'part_of_day_relative_day';
          }
        }
        let start = day;
        let end = day;
        // "ليل السبت الأحد", "ليل الخميس-الجمعة", "ليلة الخميس إلى الجمعة": the night from the first day
        // into the second, which anchors it; a lone "ليل الأحد" is the named day (corpus README, "Calls
        // that recur")
        let k2 = last + 1;
        if (tokens[k2]?.spaced && ctx.pack.grammar.has('range_to', tokens[k2]!.word) && tokens[k2 + 1]?.spaced) k2++;
        const w2 = w && !q && partLex.part === 'night' && tokens[k2] && (tokens[k2]!.spaced || DASH_GAP.test(source.folded.slice(tokens[k2 - 1]!.end, tokens[k2]!.start))) ? weekdayAt(ctx, k2) : null;
        if (w2 && w2.weekday === (w!.weekday + 1) % 7) {
          last = w2.last;
          const second = anchor ? weekdayFound(ctx, { ...w2, next: w!.next, past: w!.past, future: w!.future }).start : null;
          start = second ? shiftDays(second, -1) : null;
          end = second;
        }
        return {
          first: i, last, kind: 'part_of_day', start, end, precision: 'day', part: partLex.part, calendar: 'gregorian',
          rule, ambiguity, reason: start ? null : (q?.reason ?? noAnchor('part of day')),
        };
      }
    }
  }

  const w = weekdayAt(ctx, i);
  if (w) return weekdayQualified(ctx, w) ?? weekdayFound(ctx, w);

  const rd = relativeDayAt(ctx, i);
  // "أمس الأحد", "غدا الاثنين": the weekday names the day and wins (as with "اليوم الأحد")
  const rw = rd && !rd.part && tokens[rd.last + 1]?.spaced ? weekdayAt(ctx, rd.last + 1) : null;
  if (rd && rw && !rw.next && !rw.past) {
    const f = weekdayFound(ctx, { ...rw, future: rw.future || rd.offset > 0 });
    return { ...f, first: i, rule: `relative_day_with_${f.rule}` };
  }
  if (rd) {
    const d = anchor ? shiftDays(anchor, rd.offset) : null;
    return {
      first: i, last: rd.last, kind: rd.part ? 'part_of_day' : 'relative_day', start: d, end: d, precision: 'day', part: rd.part, calendar: 'gregorian',
      rule: 'relative_day_from_published', ambiguity: null, reason: anchor ? null : noAnchor('relative day'),
    };
  }

  const rp = values.find((v) => v.type === 'relative_period');
  if (rp && rp.type === 'relative_period' && here) {
    // "الأسبوع المقبل يوم الجمعة": a weekday of that week
    const wk = rp.unit === 'week' && tokens[here.last + 1]?.spaced ? weekdayAt(ctx, here.last + 1) : null;
    if (wk && !wk.next && !wk.past) return weekdayInWeek(ctx, wk, rp.offset, wk.last, i);
    const [s, e] = anchor ? relativePeriod(anchor, rp.unit, rp.offset) : [null, null];
    return {
      first: i, last: here.last, kind: 'relative_period', start: s, end: e, precision: rp.unit, part: null, calendar: 'gregorian',
      rule: 'relative_period_from_published', ambiguity: null, reason: anchor ? null : noAnchor('relative period'),
    };
  }

  const dm = dayOfRelativeMonthAt(ctx, i) ?? dayOfMonthAloneAt(ctx, i);
  if (dm) return dm;

  const a = absoluteDateAt(ctx.pack, source.folded, tokens, i);
  if (a) {
    // without a year: ahead of publication when marked so ("10 يناير المقبل", "ستجرى في 10 يناير")
    const fm = a.year === null ? futureMarkerAfter(ctx, a.last) : -1;
    const pm = a.year === null && fm < 0 ? pastMarkerAfter(ctx, a.last) : -1;
    const ahead = fm >= 0 || (a.year === null && pm < 0 && futureClause(ctx, i));
    // neither marked past nor future, where the pack reads such dates as near the dateline: the nearer reading
    const nearest = ctx.pack.yearNearest && !ahead && a.year === null && pm < 0 && a.day !== null && a.calendar === 'gregorian' && ctx.published !== null && nearerAhead(ctx.published, a.month, a.day);
    const r = resolveAbsolute(ctx, a, ahead || nearest);
    const rule = nearest ? 'year_nearest_to_published' : r.rule;
    return { first: i, last: fm >= 0 ? fm : pm >= 0 ? pm : a.last, kind: r.kind, start: r.start, end: r.end, precision: r.precision, part: null, calendar: a.calendar, rule, ambiguity: null, reason: r.reason };
  }

  // a bare year after عام/سنة/العام: "عام 2014"
  const t = tokens[i]!;
  if (ctx.pack.grammar.has('year_nouns', t.word) && tokens[i + 1]?.spaced && /^(19|20)\d\d$/u.test(tokens[i + 1]!.text)) {
    const y = Number(tokens[i + 1]!.text);
    return {
      first: i, last: i + 1, kind: 'year', start: utcDate(y, 1, 1), end: utcDate(y, 12, 31), precision: 'year', part: null, calendar: 'gregorian',
      rule: 'explicit', ambiguity: null, reason: null,
    };
  }
  return null;
}

function pushDate(ctx: Context, f: Found, span: { start: number; end: number }): void {
  const ev = ctx.source.evidence(span);
  ctx.records.dates.push({
    key: ctx.nextKey('dat'),
    text: ev.text,
    kind: f.kind,
    start: f.start ? iso(f.start) : null,
    end: f.end ? iso(f.end) : null,
    precision: f.precision,
    part_of_day: f.part,
    calendar: f.calendar,
    rule: f.rule,
    ambiguity: f.ambiguity,
    date_reason: f.start ? null : (f.reason ?? 'could not resolve the expression'),
    evidence: [ev],
    span,
  });
}

/** Whether a word has an ASCII digit (/\d/u, without running a regular expression at every token). */
function hasDigit(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (isAsciiDigit(word.charCodeAt(k))) return true;
  }
  return false;
}

/** Whether folded[from, to) has a digit, then / . or -, then a digit (what every NUMERIC_DATE match has). */
function digitSeparatorDigit(folded: string, from: number, to: number): boolean {
  for (let k = from + 1; k < to - 1; k++) {
    const c = folded.charCodeAt(k);
    if ((c === 47 || c === 46 || c === 45) && isAsciiDigit(folded.charCodeAt(k - 1)) && isAsciiDigit(folded.charCodeAt(k + 1))) return true;
  }
  return false;
}

const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

const DASH_GAP = /^\s*[-–]\s*$/u;

export function findDates(ctx: Context): void {
  const { tokens } = ctx;
  // the date line too: it refers to the publication day (corpus README, "dates")
  const zones = ctx.zones.filter((z) => z.kind === 'title' || z.kind === 'subtitle' || z.kind === 'body' || z.kind === 'dateline');
  for (const zone of zones) {
    const inZone = (t: Token) => t.start >= zone.span.start && t.end <= zone.span.end;
    for (let i = tokenAt(tokens, zone.span.start); i < tokens.length; i++) {
      if (!inZone(tokens[i]!)) break;
      // most words start no date: skip them before trying every grammar
      const t = tokens[i]!;
      const g = ctx.pack.grammar;
      if (!ctx.pack.time.matchAt(tokens, i) && !hasValueOfType(ctx.pack.timeCues.matchAt(tokens, i)?.values, 'offset') && !hasDigit(t.text) && !g.has('year_nouns', t.word) && !g.has('day_nouns', t.word) && !g.has('month_parts', t.word) && !hasValueOfType(ctx.pack.numbers.matchAt(tokens, i, false)?.values, 'ordinal')) continue;
      // "نفس اليوم", "اليوم التالي": a day counted from an event; none of its words starts a date
      const ev = ctx.pack.time.matchAt(tokens, i);
      if (ev && hasValueOfType(ev.values, 'event_day')) {
        i = ev.last;
        continue;
      }
      const f = dateAt(ctx, i);
      if (!f || !inZone(tokens[f.last]!)) continue;
      const span = { start: tokens[f.first]!.start, end: tokens[f.last]!.end };
      // keep the proclitic out of the evidence ("والسبت" → "السبت")
      const m = ctx.pack.time.matchAt(tokens, f.first) ?? ctx.pack.timeCues.matchAt(tokens, f.first);
      if (m && m.first === f.first) span.start = m.start;
      pushDate(ctx, f, span);
      i = f.last;
    }
    // numeric dates (2020-11-01, 01/11/2020): every one has a digit, a separator and a digit, which
    // most paragraphs lack; the pattern (a lookbehind first) is run only where one is
    if (!digitSeparatorDigit(ctx.source.folded, zone.span.start, zone.span.end)) continue;
    const text = ctx.source.folded.slice(zone.span.start, zone.span.end);
    for (const m of text.matchAll(NUMERIC_DATE)) {
      const p = numericDateParts(m);
      const span = { start: zone.span.start + m.index, end: zone.span.start + m.index + m[0].length };
      if (p.year === null) {
        // "22/04": the year from publication, as for a day and month in words
        if (p.month < 1 || p.month > 12 || !utcDate(2000, p.month, p.day)) continue;
        const i = tokenAt(tokens, span.start);
        const r = resolveAbsolute(ctx, { day: p.day, month: p.month, year: null, calendar: 'gregorian' }, futureClause(ctx, i));
        pushDate(ctx, { first: 0, last: 0, kind: 'absolute', start: r.start, end: r.end, precision: 'day', part: null, calendar: 'gregorian', rule: `numeric_${r.rule}`, ambiguity: null, reason: r.reason }, span);
        continue;
      }
      const date = utcDate(p.year, p.month, p.day);
      if (!date) continue;
      pushDate(ctx, { first: 0, last: 0, kind: 'absolute', start: date, end: date, precision: 'day', part: null, calendar: 'gregorian', rule: 'explicit_numeric', ambiguity: null, reason: null }, span);
    }
  }
}
