/**
 * Date expression grammar over word tokens (extractors: they find spans and read their parts; the
 * dates stage resolves them against the publication date).
 */
import type { PhraseMatch } from '../../core/phrase-matcher.ts';
import type { Token } from '../../core/tokens.ts';
import type { LanguagePack, TimeLex } from '../../packs/pack.ts';
import { numberAt, ordinalAt } from '../numbers/numbers.ts';

export interface AbsoluteDate {
  first: number;
  last: number;
  day: number | null;
  month: number;
  year: number | null;
  /** "7 أكتوبر من العام الماضي": the year as years from the publication year (no year written) */
  yearOffset?: number;
  calendar: 'gregorian' | 'hijri';
}

const YEAR = /^(1[3-4]\d\d|19\d\d|20\d\d)$/u;
const GLUED_ERA = /^(1[3-4]\d\d|19\d\d|20\d\d)(\p{L}{1,2})$/u;

function monthAt(pack: LanguagePack, tokens: readonly Token[], i: number): { m: PhraseMatch<TimeLex>; month: number; calendar: 'gregorian' | 'hijri' } | null {
  const m = pack.time.matchAt(tokens, i);
  if (!m) return null;
  const v = m.values.find((x) => x.type === 'month');
  if (!v || v.type !== 'month') return null;
  return { m, month: v.month, calendar: v.calendar };
}

/** True when only spaces, a slash or brackets separate two tokens (month pairs: سبتمبر/ أيلول, مارس (آذار)). */
function pairGap(folded: string, a: Token, b: Token): boolean {
  return /^\s*[/(]\s*$/u.test(folded.slice(a.end, b.start)) || /^\s*[-–]\s*$/u.test(folded.slice(a.end, b.start));
}

/** A day-month-year, month-year or day-month date starting at token i. */
export function absoluteDateAt(pack: LanguagePack, folded: string, tokens: readonly Token[], i: number): AbsoluteDate | null {
  const t = tokens[i];
  if (!t) return null;
  let day: number | null = null;
  let k = i;
  const dn = pack.morphology.dayNumber(t.text);
  const ord = dn === null ? ordinalAt(pack, tokens, i) : null;
  if (dn !== null) {
    day = dn;
    if (day < 1 || day > 31) return null;
    k = i + 1;
    // "10 من أكتوبر"
    if (tokens[k] && pack.grammar.has('of', tokens[k]!.word) && tokens[k]!.spaced) k++;
  } else if (ord && ord.value <= 31 && tokens[ord.last + 1] && pack.grammar.has('of', tokens[ord.last + 1]!.word)) {
    // "السابع من أكتوبر", "الحادي والعشرين من مايو": an ordinal day needs من before the month
    day = ord.value;
    k = ord.last + 2;
  }
  // "نهاية نيسان", "مطلع الشهر": a part of a month names the month
  const monthPart = day === null && pack.grammar.has('month_parts', t.word) && !!tokens[i + 1]?.spaced;
  if (monthPart) k = i + 1;
  const mo = monthAt(pack, tokens, k);
  if (!mo) return null;
  // a bare month name ("مارس" is also a verb) counts only with a day or a year
  let last = mo.m.last;
  let month = mo.month;
  const calendar = mo.calendar;
  // month first, where the pack's language writes it so: "July 7", "July 7, 2005"
  const after = tokens[last + 1];
  const dayAfter = after && day === null && !monthPart && pack.monthFirst && after.spaced ? pack.morphology.dayNumber(after.text) : null;
  if (dayAfter !== null && dayAfter >= 1 && dayAfter <= 31 && !/^\d{3,}$/u.test(after!.text)) {
    day = dayAfter;
    last++;
  }
  // paired month names from the other system: "سبتمبر/ أيلول", "مارس (آذار)", "آذار/مارس"
  const next = tokens[last + 1];
  if (next && pairGap(folded, tokens[last]!, next)) {
    const pair = monthAt(pack, tokens, last + 1);
    if (pair && pair.month === month && pair.calendar === calendar) {
      last = pair.m.last;
    }
  }
  let year: number | null = null;
  // the year: digits or words, right after the month or after عام/سنة ("3 مايو عام 2015",
  // "العاشر من سبتمبر ألفين وستة عشر")
  let yi = last + 1;
  // "من العام 2023": the year noun after "of"
  if (tokens[yi]?.spaced && pack.grammar.has('of', tokens[yi]!.word) && tokens[yi + 1]?.spaced && pack.grammar.has('year_nouns', tokens[yi + 1]!.word)) yi++;
  if (tokens[yi]?.spaced && pack.grammar.has('year_nouns', tokens[yi]!.word)) yi++;
  const y = tokens[yi];
  const yearWords = y && !YEAR.test(y.text) && y.spaced ? numberAt(pack, folded, tokens, yi) : null;
  // "2023م": the era mark glued to the year
  const glued = y ? GLUED_ERA.exec(y.text) : null;
  const eraGlued = glued !== null && (pack.grammar.has('era_gregorian', glued[2]!) || pack.grammar.has('era_hijri', glued[2]!));
  if (y && (YEAR.test(y.text) || eraGlued) && /^[\s,)]*$/u.test(folded.slice(tokens[yi - 1]!.end, y.start))) {
    year = Number(eraGlued ? glued![1] : y.text);
    last = yi;
  } else if (yearWords && yearWords.value !== null && !yearWords.vague && YEAR.test(String(yearWords.value))) {
    year = yearWords.value;
    last = yearWords.last;
  }
  if (year !== null) {
    // era marks: "1442 هـ" (folded: "1442 ه"), "2020 م"
    const era = tokens[last + 1];
    if (era && era.spaced && (pack.grammar.has('era_hijri', era.word) || pack.grammar.has('era_gregorian', era.word))) last++;
  }
  // "7 أكتوبر من العام الماضي", "في 3 مايو العام المقبل": a year named relative to publication
  let yearOffset: number | undefined;
  if (year === null && day !== null) {
    let j = last + 1;
    if (tokens[j]?.spaced && pack.grammar.has('of', tokens[j]!.word)) j++;
    const rel = tokens[j]?.spaced ? pack.time.matchAt(tokens, j, false) : null;
    const period = rel?.values.find((v) => v.type === 'relative_period');
    if (rel && period && period.type === 'relative_period' && period.unit === 'year') {
      yearOffset = period.offset;
      last = rel.last;
    }
  }
  if (day === null && year === null && !monthPart) return null;
  return yearOffset === undefined ? { first: i, last, day, month, year, calendar } : { first: i, last, day, month, year, yearOffset, calendar };
}

/**
 * Numeric dates: year first (2020-11-01, 2016/02/22, 2016.02.22), day first as the Arabic press
 * writes them (01/11/2020, 1-11-2020, 22.04.2016), and a day and month with a slash and two digits
 * each (22/04; "24/7" and "10-15" are no dates). A full stop may end the sentence after one.
 */
export const NUMERIC_DATE = /(?<![\d/.-])(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{1,2})([/.-])(\d{1,2})\6(\d{4})|(\d{2})\/(\d{2}))(?![\d/-]|\.\d)/gu;

/** The day, month and year (null when not written) of a NUMERIC_DATE match. */
export function numericDateParts(m: RegExpMatchArray): { year: number | null; month: number; day: number } {
  if (m[1]) return { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
  if (m[5]) return { year: Number(m[8]), month: Number(m[7]), day: Number(m[5]) };
  return { year: null, month: Number(m[10]), day: Number(m[9]) };
}
