/**
 * Dates: find temporal expressions in the reported text and resolve them against the publication
 * date (codebook "dates"). Rule names say how each was resolved.
 */
import type { Context, DateDraft } from '../../core/context.ts';
import {
  hijriToGregorian, iso, nearestYear, relativePeriod, shiftDays, utcDate, weekdayAfter, weekdayOnOrBefore, yearNotAfter,
} from '../../core/calendar.ts';
import { tokenAt, type Token } from '../../core/tokens.ts';
import { hasValueOfType } from '../../core/phrase-matcher.ts';
import type { TimeLex } from '../../packs/pack.ts';
import { absoluteDateAt, NUMERIC_DATE, type AbsoluteDate } from './grammar.ts';

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

/** Resolve a day-month(-year) date; `notAfter` for "since" dates. */
function resolveAbsolute(ctx: Context, a: AbsoluteDate, notAfter: boolean): Pick<Found, 'start' | 'end' | 'precision' | 'rule' | 'reason' | 'kind'> {
  const anchor = ctx.published;
  let year = a.year;
  let rule = 'explicit';
  if (year === null) {
    if (!anchor) {
      return { start: null, end: null, precision: a.day === null ? 'month' : 'day', rule: 'year_unknown', reason: 'no year written and no publication date to infer it from', kind: a.day === null ? 'month' : 'absolute' };
    }
    if (a.calendar === 'hijri') {
      return { start: null, end: null, precision: 'day', rule: 'year_unknown', reason: 'Hijri date without a year', kind: 'absolute' };
    }
    year = notAfter ? yearNotAfter(anchor, a.month, a.day ?? 1) : nearestYear(anchor, a.month, a.day ?? 15);
    rule = 'year_from_published';
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
function weekdayAt(ctx: Context, i: number): { first: number; last: number; weekday: number; future: boolean } | null {
  let k = i;
  if (ctx.tokens[k] && ctx.pack.grammar.has('day_nouns', ctx.tokens[k]!.word)) {
    const after = lexAt(ctx, k + 1).find((v) => v.type === 'weekday');
    if (after) k++;
  }
  const m = lexMatch(ctx, k);
  const v = m?.values.find((x) => x.type === 'weekday');
  if (!m || !v || v.type !== 'weekday') return null;
  let last = m.last;
  let future = false;
  const marker = lexMatch(ctx, last + 1);
  if (marker && ctx.tokens[last + 1]!.spaced) {
    if (marker.values.some((x) => x.type === 'future')) {
      future = true;
      last = marker.last;
    } else if (marker.values.some((x) => x.type === 'past')) {
      last = marker.last;
    }
  }
  return { first: i, last, weekday: v.weekday, future };
}

function weekdayFound(ctx: Context, w: { first: number; last: number; weekday: number; future: boolean }): Found {
  const anchor = ctx.published;
  if (!anchor) {
    return { first: w.first, last: w.last, kind: 'weekday', start: null, end: null, precision: 'day', part: null, calendar: 'gregorian', rule: 'weekday_unanchored', ambiguity: null, reason: 'no publication date to anchor the weekday' };
  }
  const d = w.future ? weekdayAfter(anchor, w.weekday) : weekdayOnOrBefore(anchor, w.weekday);
  const same = !w.future && anchor.getUTCDay() === w.weekday;
  return {
    first: w.first, last: w.last, kind: 'weekday', start: d, end: d, precision: 'day', part: null, calendar: 'gregorian',
    rule: w.future ? 'weekday_next' : 'weekday_on_or_before_published',
    ambiguity: same ? 'weekday_is_publication_weekday' : null,
    reason: null,
  };
}

function relativeDayAt(ctx: Context, i: number): { last: number; offset: number; part: Part | null } | null {
  const m = lexMatch(ctx, i);
  const v = m?.values.find((x) => x.type === 'relative_day');
  return m && v && v.type === 'relative_day' ? { last: m.last, offset: v.offset, part: v.part } : null;
}

/** Try every expression starting at token i, longest first. */
function dateAt(ctx: Context, i: number): Found | null {
  const { tokens, source } = ctx;
  const anchor = ctx.published;
  const noAnchor = (what: string) => `no publication date to anchor '${what}'`;
  const values = lexAt(ctx, i);
  const here = lexMatch(ctx, i);

  // منذ + date: a span from that date to publication
  if (values.some((v) => v.type === 'since') && here) {
    const j = here.last + 1;
    const a = absoluteDateAt(ctx.pack, source.folded, tokens, j);
    if (a && tokens[j]!.spaced) {
      const r = resolveAbsolute(ctx, a, true);
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
        if (anchor) {
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
        if (partLex.part === 'night' && day) {
          // "ليل الأحد" / "ليل السبت الأحد": the night that ends on the named day
          const w2 = w ? weekdayAt(ctx, last + 1) : null;
          if (w2 && tokens[last + 1]!.spaced && (w2.weekday === (w!.weekday + 1) % 7)) {
            last = w2.last;
            start = day;
            end = shiftDays(day, 1);
          } else {
            start = shiftDays(day, -1);
          }
        }
        return {
          first: i, last, kind: 'part_of_day', start, end, precision: 'day', part: partLex.part, calendar: 'gregorian',
          rule, ambiguity, reason: anchor ? null : noAnchor('part of day'),
        };
      }
    }
  }

  const w = weekdayAt(ctx, i);
  if (w) return weekdayFound(ctx, w);

  const rd = relativeDayAt(ctx, i);
  if (rd) {
    const d = anchor ? shiftDays(anchor, rd.offset) : null;
    return {
      first: i, last: rd.last, kind: rd.part ? 'part_of_day' : 'relative_day', start: d, end: d, precision: 'day', part: rd.part, calendar: 'gregorian',
      rule: 'relative_day_from_published', ambiguity: null, reason: anchor ? null : noAnchor('relative day'),
    };
  }

  const rp = values.find((v) => v.type === 'relative_period');
  if (rp && rp.type === 'relative_period' && here) {
    const [s, e] = anchor ? relativePeriod(anchor, rp.unit, rp.offset) : [null, null];
    return {
      first: i, last: here.last, kind: 'relative_period', start: s, end: e, precision: rp.unit, part: null, calendar: 'gregorian',
      rule: 'relative_period_from_published', ambiguity: null, reason: anchor ? null : noAnchor('relative period'),
    };
  }

  const a = absoluteDateAt(ctx.pack, source.folded, tokens, i);
  if (a) {
    const r = resolveAbsolute(ctx, a, false);
    return { first: i, last: a.last, kind: r.kind, start: r.start, end: r.end, precision: r.precision, part: null, calendar: a.calendar, rule: r.rule, ambiguity: null, reason: r.reason };
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

export function findDates(ctx: Context): void {
  const { tokens } = ctx;
  const zones = ctx.zones.filter((z) => z.kind === 'title' || z.kind === 'subtitle' || z.kind === 'body');
  for (const zone of zones) {
    const inZone = (t: Token) => t.start >= zone.span.start && t.end <= zone.span.end;
    for (let i = tokenAt(tokens, zone.span.start); i < tokens.length; i++) {
      if (!inZone(tokens[i]!)) break;
      // most words start no date: skip them before trying every grammar
      const t = tokens[i]!;
      const g = ctx.pack.grammar;
      if (!ctx.pack.time.matchAt(tokens, i) && !hasDigit(t.text) && !g.has('year_nouns', t.word) && !g.has('day_nouns', t.word) && !g.has('month_parts', t.word) && !hasValueOfType(ctx.pack.numbers.matchAt(tokens, i, false)?.values, 'ordinal')) continue;
      const f = dateAt(ctx, i);
      if (!f || !inZone(tokens[f.last]!)) continue;
      const span = { start: tokens[f.first]!.start, end: tokens[f.last]!.end };
      // keep the proclitic out of the evidence ("والسبت" → "السبت")
      const m = ctx.pack.time.matchAt(tokens, f.first);
      if (m && m.first === f.first) span.start = m.start;
      pushDate(ctx, f, span);
      i = f.last;
    }
    // numeric dates (2020-11-01, 01/11/2020): every one has a digit, a separator and a digit, which
    // most paragraphs lack; the pattern (a lookbehind first) is run only where one is
    if (!digitSeparatorDigit(ctx.source.folded, zone.span.start, zone.span.end)) continue;
    const text = ctx.source.folded.slice(zone.span.start, zone.span.end);
    for (const m of text.matchAll(NUMERIC_DATE)) {
      const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number(m[6]), Number(m[5]), Number(m[4])];
      const date = utcDate(y, mo, d);
      if (!date) continue;
      const span = { start: zone.span.start + m.index, end: zone.span.start + m.index + m[0].length };
      pushDate(ctx, { first: 0, last: 0, kind: 'absolute', start: date, end: date, precision: 'day', part: null, calendar: 'gregorian', rule: 'explicit_numeric', ambiguity: null, reason: null }, span);
    }
  }
}
