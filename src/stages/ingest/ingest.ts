/**
 * Ingest: read the page furniture of a pasted article — title, subtitle, the date line, the photo
 * caption and its credit, the wire credit, and site remnants — into article fields and zones, so
 * that only reported text (title, subtitle, body) yields records.
 */
import type { Context, Zone } from '../../core/context.ts';
import { hijriToGregorian, iso, parseIso, utcDate } from '../../core/calendar.ts';
import { SourceText, type Span } from '../../core/source-text.ts';
import { tokenize } from '../../core/tokens.ts';
import { absoluteDateAt, NUMERIC_DATE, numericDateParts } from '../dates/grammar.ts';
import type { LanguagePack } from '../../packs/pack.ts';

interface Line {
  /** folded span, trimmed */
  span: Span;
  folded: string;
}

function lines(folded: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of folded.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ span: { start: pos + lead, end: pos + lead + trimmed.length }, folded: trimmed });
    pos += raw.length + 1;
  }
  return out;
}

// a word beside the date on its line: two letters or more (not the "ص"/"م" of a time)
const LETTER = /\p{L}\p{L}/u;

/**
 * Whether a header line is the article's date line: at most two words beside the date ("نشر في",
 * "آخر تحديث"), so a short opening sentence that holds a full date ("قتل 5 أشخاص في 22 أبريل 2016")
 * is reported text, not page furniture; and when the input gave `published`, only a line that echoes
 * that date (a day apart at most: time zones).
 */
export function isDateLine(dl: { date: Date; words: number } | null, published: Date | null): boolean {
  if (!dl || dl.words > 2) return false;
  return !published || Math.abs(dl.date.getTime() - published.getTime()) <= 86_400_000;
}

/** A line that is only a date (with optional time, weekday or "updated"): the date line. */
export function readDateLine(pack: LanguagePack, line: string): { date: Date; text: string; words: number } | null {
  if (line.length > 80) return null;
  const tokens = tokenize(line);
  // the line may also hold a weekday, the Hijri date, a time or a word like "نشر"; not a sentence
  let found: { date: Date; text: string; words: number } | null = null;
  let covered = 0;
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    const a = absoluteDateAt(pack, line, tokens, i);
    if (a && a.day !== null && a.year !== null) {
      covered += a.last - a.first + 1;
      const d = a.calendar === 'gregorian' ? utcDate(a.year, a.month, a.day) : hijriToGregorian(a.year, a.month, a.day);
      // a Gregorian date wins over the Hijri one printed beside it
      if (d && (!found || a.calendar === 'gregorian')) found = { date: d, text: line.slice(tokens[a.first]!.start, tokens[a.last]!.end), words: 0 };
      i = a.last;
      continue;
    }
    if (pack.time.matchAt(tokens, i)?.values.some((v) => v.type === 'weekday')) covered++;
    else if (LETTER.test(tokens[i]!.text)) words++;
  }
  // beside the date: a few words ("آخر تحديث") and the digits of a time
  if (found && words <= 4 && tokens.length - covered <= 7) return { ...found, words };
  const m = [...line.matchAll(NUMERIC_DATE)].find((x) => numericDateParts(x).year !== null);
  const rest = m ? line.replace(m[0], '') : '';
  if (m && rest.replace(/[\d:\s|,-]/gu, '').length < 20) {
    const p = numericDateParts(m);
    const date = utcDate(p.year!, p.month, p.day);
    if (date) return { date, text: m[0], words: tokenize(rest).filter((t) => LETTER.test(t.text)).length };
  }
  return null;
}

/** What a `published` value says: the day, or why it names none. */
export type PublishedReading = { date: Date; reason?: undefined } | { date: null; reason: string };

const two = (n: number): string => String(n).padStart(2, '0');

/** The day y-mo-d, or why it is not one (2020-02-30 is refused, never rolled over to March). */
function calendarDay(y: number, mo: number, d: number, order: string): PublishedReading {
  if (mo < 1 || mo > 12) return { date: null, reason: `${mo} is not a month (read as ${order})` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { date: null, reason: `${y}-${two(mo)} has no day ${d} (it has ${days} days)` };
  return { date: utcDate(y, mo, d)! };
}

/** ISO 8601: a date, or a date and time (the date as written is the day, whatever the zone). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/iu;
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/u;
/** Numeric dates with the year last are read day first, as Arabic (and most of the world) writes them. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/u;
const MONTH_ONLY = /^(?:\d{4}-\d{1,2}|\d{1,2}[/.-]\d{4}|\d{4}[/.]\d{1,2})$/u;
const YEAR_ONLY = /^\d{4}$/u;

/**
 * The month names and abbreviations of RFC 5322 / HTTP dates (`Sun, 01 Nov 2020 08:00:00 GMT`) and
 * of the English forms feeds and CMSs print (`November 1, 2020`): part of those date formats, not a
 * language lexicon.
 */
const FORMAT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const CLOCK = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{1,5}|[+-]\d{2}:?\d{2}))?)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})${CLOCK}$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(String.raw`^${WEEKDAY}${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${CLOCK}$`, 'iu');
const MONTH_YEAR = new RegExp(String.raw`^${MONTH},?\s+(\d{4})$`, 'iu');
const formatMonth = (name: string): number => FORMAT_MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const NOT_A_DAY = 'give the day (YYYY-MM-DD), or leave "published" out';

/**
 * Read a `published` value given with the input, strictly: every relative date of the article is
 * resolved against it, so a value that is not exactly one day is refused with the reason, never
 * guessed. ISO dates (and date-times), DD/MM/YYYY (day first), RFC 5322 and English month-name
 * dates, or a written date in the pack's language with nothing but a weekday or a time beside it.
 */
export function readPublishedValue(pack: LanguagePack, value: string): PublishedReading {
  const v = value.trim();
  if (v === '') return { date: null, reason: 'it is empty' };
  let m = ISO_DATE.exec(v);
  if (m) return calendarDay(Number(m[1]), Number(m[2]), Number(m[3]), 'YYYY-MM-DD');
  if ((m = YEAR_FIRST.exec(v))) return calendarDay(Number(m[1]), Number(m[3]), Number(m[4]), 'YYYY/MM/DD');
  if ((m = DAY_FIRST.exec(v))) return calendarDay(Number(m[4]), Number(m[3]), Number(m[1]), `DD${m[2]}MM${m[2]}YYYY, day first`);
  if (MONTH_ONLY.test(v) || MONTH_YEAR.test(v)) return { date: null, reason: `it names a month, not a day: ${NOT_A_DAY}` };
  if (YEAR_ONLY.test(v)) return { date: null, reason: `it names a year, not a day: ${NOT_A_DAY}` };
  if ((m = DAY_MONTH_YEAR.exec(v))) return calendarDay(Number(m[3]), formatMonth(m[2]!), Number(m[1]), 'a month name');
  if ((m = MONTH_DAY_YEAR.exec(v))) return calendarDay(Number(m[3]), formatMonth(m[1]!), Number(m[2]), 'a month name');
  const folded = new SourceText(v).folded;
  const line = readDateLine(pack, folded);
  if (line) {
    const rest = folded.replace(line.text, ' ').trim();
    if (onlyWeekdaysTimesAndDates(pack, rest)) return { date: line.date };
    return { date: null, reason: `it holds more than a date (${JSON.stringify(rest.slice(0, 40))})` };
  }
  const tokens = tokenize(folded);
  for (let i = 0; i < tokens.length; i++) {
    const a = absoluteDateAt(pack, folded, tokens, i);
    if (a && a.day === null && a.year !== null) return { date: null, reason: `it names a month, not a day: ${NOT_A_DAY}` };
    if (a && a.day !== null && a.year !== null) return { date: null, reason: 'it is not a day of the calendar' };
  }
  return { date: null, reason: 'it names no date (use YYYY-MM-DD, or DD/MM/YYYY)' };
}

/** Whether the rest of a published value beside its date is only weekdays, clock times and the same day in another calendar. */
function onlyWeekdaysTimesAndDates(pack: LanguagePack, rest: string): boolean {
  const tokens = tokenize(rest);
  for (let i = 0; i < tokens.length; i++) {
    const other = absoluteDateAt(pack, rest, tokens, i);
    if (other && other.day !== null && other.year !== null) {
      i = other.last;
      continue;
    }
    const word = pack.time.matchAt(tokens, i);
    if (word?.values.some((x) => x.type === 'weekday')) {
      i = word.last;
      continue;
    }
    if (!/^[\d:]+$/u.test(tokens[i]!.text)) return false;
  }
  return true;
}

/** The day a `published` value names, or null (readPublishedValue says why). */
export function parsePublished(pack: LanguagePack, value: string): Date | null {
  return readPublishedValue(pack, value).date;
}

// "(جيم أوزديل/ الأناضول)", "(AFP)", "(رويترز)": a closing parenthesised credit
const TRAILING_PARENS = /\(([^()\n]{2,80})\)\s*$/u;
const ANY_PARENS = /\(([^()\n]{2,40})\)/gu;

/**
 * A caption line ends with its photo credit: "… في باكو (جيم أوزديل/ الأناضول)" — one to three short
 * names in parentheses that are not a wire agency. Returns the offset of "(" in the line, or null.
 * A body sentence with a parenthesis after its full stop is no caption.
 */
function captionCreditStart(pack: LanguagePack, line: Line): number | null {
  if (line.folded.length >= 400) return null;
  const m = TRAILING_PARENS.exec(line.folded);
  if (!m || agencyFor(pack, m[1]!) || /[.!?]["»”]?\s*\(/u.test(line.folded)) return null;
  const parts = m[1]!.split('/').map((p) => p.trim()).filter(Boolean);
  return parts.length >= 1 && parts.length <= 3 && parts.every((p) => p.split(/\s+/u).length <= 4) ? m.index : null;
}

/** "غزة - الجزيرة نت": an optional place, a dash, and a media outlet or agency — nothing else. */
function bylineOf(pack: LanguagePack, folded: string): { name: string; code: string | null } | null {
  if (folded.length > 80) return null;
  const dash = folded.search(/\s[-–]\s/u);
  const tail = dash >= 0 ? folded.slice(dash + 3).trim() : folded;
  const tokens = tokenize(tail);
  if (tokens.length === 0 || tokens.length > 5) return null;
  const m = pack.entities.matchAt(tokens, 0);
  if (!m || m.last !== tokens.length - 1) return null;
  for (const v of m.values) if (v.type === 'actor' && v.actor.kind === 'media') return { name: v.actor.name, code: v.actor.code };
  return null;
}

function agencyFor(pack: LanguagePack, folded: string): { name: string; code: string } | null {
  // a name of at most five words: a longer line (the last paragraph of the body) is not tokenized for nothing
  if (folded.length > 80) return null;
  const tokens = tokenize(folded);
  if (tokens.length === 0 || tokens.length > 5) return null;
  const m = pack.entities.matchAt(tokens, 0);
  if (!m || m.last !== tokens.length - 1) return null;
  for (const v of m.values) if (v.type === 'actor' && v.actor.code && v.actor.kind === 'media') return { name: v.actor.name, code: v.actor.code };
  return null;
}

/**
 * Where an editor's note opens in a folded title line, or -1: a note word written in capitals (where
 * the script has them) and then a dash ("ATTENTION - ADDS quote ///"). `original` gives the text as
 * written between two offsets of the line.
 */
function editorNoteAt(pack: Context['pack'], folded: string, original: (start: number, end: number) => string): number {
  if (pack.editorNotes.size === 0) return -1;
  for (const m of folded.matchAll(/(?<=\s)(\p{L}+):?\s+[-–]\s/gu)) {
    const written = original(m.index, m.index + m[1]!.length);
    if (pack.editorNotes.has(m[1]!) && written === written.toUpperCase()) return m.index - 1;
  }
  return -1;
}

/** the longest line read as a title when the article is that one line */
const TITLE_MAX = 300;

export function ingest(ctx: Context): void {
  const { source, pack, article } = ctx;
  const all = lines(source.folded);
  const zones: Zone[] = [];
  const given = { title: article.title !== null, published: article.published_text !== null };

  let givenDate: Date | null = null;
  if (given.published) {
    const reading = readPublishedValue(pack, article.published_text!);
    givenDate = reading.date;
    if (reading.date) article.published = iso(reading.date);
    else {
      article.published_reason = `could not read a date from published '${article.published_text}': ${reading.reason}`;
      ctx.diagnostics.push({ severity: 'warning', code: 'unparseable_published', message: article.published_reason });
    }
  }

  let i = 0;
  // a first line is a title when it reads as one: a whole article on one line (an excerpt) has none
  if ((!given.title || ctx.titleFirst) && all[0] && (ctx.titleFirst || all.length > 1 || all[0].folded.length <= TITLE_MAX)) {
    // "… in Finland ATTENTION - ADDS details ///": an editor's note to subscribers ends the title line
    const note = editorNoteAt(pack, all[0].folded, (start, end) => source.evidence({ start: all[0]!.span.start + start, end: all[0]!.span.start + end }).text);
    if (note > 0) zones.push({ kind: 'title', span: { start: all[0].span.start, end: all[0].span.start + note } }, { kind: 'remnant', span: { start: all[0].span.start + note, end: all[0].span.end } });
    else zones.push({ kind: 'title', span: all[0].span });
    if (!given.title) article.title = source.evidence(all[0].span).text;
    i = 1;
  }

  // the header: up to the first line that reads as body text
  let sawDateLine = false;
  for (; i < all.length && i < 8; i++) {
    const line = all[i]!;
    if (pack.pageRemnants.has(line.folded) || /^[^\p{L}\p{N}]*$/u.test(line.folded) || /^\+\s*\S{1,6}\s*-$/u.test(line.folded)) {
      zones.push({ kind: 'remnant', span: line.span });
      continue;
    }
    const dl = readDateLine(pack, line.folded);
    if (dl && !sawDateLine && isDateLine(dl, given.published ? givenDate : null)) {
      sawDateLine = true;
      zones.push({ kind: 'dateline', span: line.span });
      if (!given.published) {
        article.published = iso(dl.date);
        article.published_text = source.evidence({ start: line.span.start + line.folded.indexOf(dl.text), end: line.span.start + line.folded.indexOf(dl.text) + dl.text.length }).text;
      }
      continue;
    }
    // a byline "غزة - الجزيرة نت", "باكو - رويترز": the outlet (or agency) and where it writes from
    const byline = bylineOf(pack, line.folded);
    if (byline) {
      zones.push({ kind: 'credit', span: line.span });
      if (byline.code && !article.agency) article.agency = { name: byline.name, code: byline.code, evidence: [source.evidence(line.span)] };
      else article.outlet ??= byline.name;
      continue;
    }
    const creditAt = captionCreditStart(pack, line);
    if (creditAt !== null) {
      const creditStart = line.span.start + creditAt;
      const captionSpan = { start: line.span.start, end: creditStart };
      const ev = source.evidence({ start: creditStart, end: line.span.end });
      zones.push({ kind: 'caption', span: captionSpan }, { kind: 'credit', span: { start: creditStart, end: line.span.end } });
      article.caption = source.evidence(captionSpan).text.trim() || null;
      // "(person/ organisation)", or "(organisation)" alone
      const parts = ev.text.slice(1, -1).split('/').map((p) => p.trim());
      const person = parts.length >= 2 ? (parts[0] ?? null) : null;
      if (person) {
        // the person's folded span: inside the parentheses, before the first '/'
        const inner = line.folded.slice(creditAt + 1);
        const lead = inner.length - inner.trimStart().length;
        const at = line.span.start + creditAt + 1 + lead;
        const len = inner.trimStart().split('/')[0]!.trimEnd().length;
        if (len > 0) ctx.creditPersons.push({ start: at, end: at + len });
      }
      const organization = parts[parts.length - 1] ?? null;
      article.credits.push({ person, organization, evidence: [ev] });
      continue;
    }
    if (!sawDateLine && zones.every((z) => z.kind !== 'subtitle') && (zones.some((z) => z.kind === 'title') || given.title) && line.folded.length < 400 && i + 2 < all.length) {
      // a standfirst sits between the title and the date line
      const nextIsHeader = all.slice(i + 1, i + 4).some((l) => readDateLine(pack, l.folded));
      if (nextIsHeader) {
        zones.push({ kind: 'subtitle', span: line.span });
        article.subtitle = source.evidence(line.span).text;
        continue;
      }
    }
    break;
  }

  // trailing remnants ("المساهمون") and a wire credit on its own line ("(فرانس برس)")
  let endIdx = all.length;
  const tail: Zone[] = [];
  while (endIdx > i) {
    const line = all[endIdx - 1]!;
    const inner = /^\((.+)\)$/u.exec(line.folded)?.[1] ?? line.folded.replace(/^[-–]\s*/u, '');
    const ag = agencyFor(pack, inner);
    if (ag) {
      tail.push({ kind: 'credit', span: line.span });
      if (!article.agency) article.agency = { ...ag, evidence: [source.evidence(line.span)] };
    } else if (pack.pageRemnants.has(line.folded) || /^[^\p{L}\p{N}]*$/u.test(line.folded)) {
      tail.push({ kind: 'remnant', span: line.span });
    } else break;
    endIdx--;
  }

  // body paragraphs; wire credits inside them ("باكو (أ ف ب) -") are cut out as credit zones
  for (let k = i; k < endIdx; k++) {
    const line = all[k]!;
    let pos = line.span.start;
    for (const m of line.folded.matchAll(ANY_PARENS)) {
      const ag = agencyFor(pack, m[1]!);
      if (!ag) continue;
      const s = line.span.start + m.index;
      const e = s + m[0].length;
      if (s > pos) zones.push({ kind: 'body', span: { start: pos, end: s } });
      zones.push({ kind: 'credit', span: { start: s, end: e } });
      if (!article.agency) article.agency = { ...ag, evidence: [source.evidence({ start: s, end: e })] };
      pos = e;
    }
    if (pos < line.span.end) zones.push({ kind: 'body', span: { start: pos, end: line.span.end } });
  }
  zones.push(...tail.reverse());
  zones.sort((a, b) => a.span.start - b.span.start);
  ctx.zones = zones;
  const tokenZones: Context['tokenZones'] = new Array(ctx.tokens.length).fill(null);
  let z = 0;
  ctx.tokens.forEach((t, k) => {
    while (z < zones.length && zones[z]!.span.end < t.end) z++;
    const zone = zones[z];
    tokenZones[k] = zone && t.start >= zone.span.start && t.end <= zone.span.end ? zone.kind : null;
  });
  ctx.tokenZones = tokenZones;
  if (article.published) ctx.published = parseIso(article.published);
  else if (!article.published_reason) article.published_reason = 'no publication date given and no date line found';
}
