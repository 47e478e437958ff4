/**
 * Numbers: figures in digits of any script (folded to ASCII), with thousands separators (1,250 and
 * 1.250), number words with their compounds (خمسة وعشرين، ثلاثمئة، ثلاثة آلاف، ألفين), vague
 * quantities (عشرات، مئات), ranges (بين 10 و15، 10 إلى 15) and the qualifiers around them.
 * findNumberAt is the extractor; the value it returns is already resolved.
 */
import type { Context, NumberMention } from '../../core/context.ts';
import { tokenAt, withText, type Token } from '../../core/tokens.ts';
import { hasValueOfType, valueOfType } from '../../core/phrase-matcher.ts';
import { memo, tokensInDates } from '../../core/by-sentence.ts';
import type { LanguagePack, NumberLex } from '../../packs/pack.ts';

export interface NumberHit {
  first: number;
  last: number;
  value: number | null;
  vague: boolean;
}

function lex(pack: LanguagePack, tokens: readonly Token[], i: number, clitics: boolean) {
  return pack.numbers.matchAt(tokens, i, clitics);
}

function val<T extends NumberLex['type']>(values: readonly NumberLex[] | undefined, type: T): Extract<NumberLex, { type: T }> | undefined {
  return valueOfType(values, type);
}

// Regular expressions as constants: a literal inside a function is a new RegExp object per call.
const DIGITS = /^\d+$/u;
const THOUSANDS_GROUP = /^\d{3}$/u;
const DECIMALS = /^\d{1,2}$/u;
const DASH_GAP = /^\s*[-–]\s*$/u;
// what separates thousands groups: comma, full stop, the Arabic comma and thousands separator, or
// one space (also no-break and thin spaces): "1,250", "1.250", "١،٢٣٤،٥٦٧", "١٬٢٥٠", "1 250"
const THOUSANDS_GAP = /^(?:[,.\u060C\u066C]|[ \u00A0\u2009\u202F])$/u;

/** Digits at token i, joining thousands groups ("1,250", "1.250", "1 250") and decimals ("1.5"). */
function digitsAt(folded: string, tokens: readonly Token[], i: number): { last: number; value: number } | null {
  const t = tokens[i];
  if (!t || !DIGITS.test(t.text)) return null;
  let digits = t.text;
  let last = i;
  let decimal = '';
  // every group of one number is set off by the same separator
  let separator: string | null = null;
  for (;;) {
    const next = tokens[last + 1];
    if (!next) break;
    const gap = folded.slice(tokens[last]!.end, next.start);
    if (THOUSANDS_GAP.test(gap) && (separator === null || gap === separator) && THOUSANDS_GROUP.test(next.text) && t.text.length <= 3 && !decimal) {
      digits += next.text;
      separator = gap;
      last++;
      continue;
    }
    if ((gap === '.' || gap === '\u066B') && DECIMALS.test(next.text) && !decimal && last === i) {
      decimal = next.text;
      last++;
    }
    break;
  }
  return { last, value: Number(decimal ? `${digits}.${decimal}` : digits) };
}

/** Digits after a conjunction (free-standing or joined) following token k: "و 300", "و300". */
function restAfterScale(pack: LanguagePack, folded: string, tokens: readonly Token[], k: number): { last: number; value: number } | null {
  const c = tokens[k + 1];
  if (!c?.spaced) return null;
  if (hasValueOfType(lex(pack, tokens, k + 1, false)?.values, 'conjunction') && tokens[k + 2]?.spaced) {
    const d = digitsAt(folded, tokens, k + 2);
    return d && Number.isInteger(d.value) ? d : null;
  }
  const bare = pack.morphology.stripConjunction(c.text);
  if (!bare || !DIGITS.test(bare)) return null;
  // "و170,972": the joined digits and the thousands groups after them
  const d = digitsAt(folded, [withText(c, bare), ...tokens.slice(k + 2, k + 6)], 0);
  return d && Number.isInteger(d.value) ? { last: k + 1 + d.last, value: d.value } : null;
}

/** Token i is a thousands group whose first digits were glued to a word ("و170,972": 972). */
function groupTail(folded: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev || !THOUSANDS_GROUP.test(t.text) || !/\p{L}\d+$/u.test(prev.text)) return false;
  return /^[,.\u060C\u066C]$/u.test(folded.slice(prev.end, t.start));
}

/** A number (digits or words, with a following scale word) at token i. */
export function numberAt(pack: LanguagePack, folded: string, tokens: readonly Token[], i: number): NumberHit | null {
  const d = digitsAt(folded, tokens, i);
  if (d) {
    let value = d.value;
    let last = d.last;
    // a decimal comma before a scale word: "1,5 مليون"
    const after = tokens[last + 1];
    if (last === i && after && folded.slice(tokens[last]!.end, after.start) === ',' && DECIMALS.test(after.text) && tokens[last + 2]?.spaced && val(lex(pack, tokens, last + 2, false)?.values, 'scale')) {
      value = Number(`${d.value}.${after.text}`);
      last++;
    }
    const sm = tokens[last + 1]?.spaced ? lex(pack, tokens, last + 1, false) : null;
    const scale = val(sm?.values, 'scale');
    if (scale && sm && scale.form !== 'dual') {
      value *= scale.value;
      last = sm.last;
      // "20 ألفا و 300", "3 آلاف و500": the rest below the scale
      const rest = restAfterScale(pack, folded, tokens, last);
      if (rest && rest.value < scale.value) {
        value += rest.value;
        last = rest.last;
      }
    }
    return Number.isInteger(value) ? { first: i, last, value, vague: false } : { first: i, last, value: Math.round(value), vague: false };
  }
  const m0 = lex(pack, tokens, i, false);
  const vague = val(m0?.values, 'vague');
  if (vague && m0) {
    // "عشرات الآلاف" is in the lexicon as one phrase; "مئات من" keeps its vagueness
    return { first: i, last: m0.last, value: vague.value, vague: true };
  }
  // a fraction of a scale: "نصف مليون"
  const fraction = val(m0?.values, 'fraction');
  if (fraction && m0 && tokens[m0.last + 1]?.spaced) {
    const sm = lex(pack, tokens, m0.last + 1, false);
    const scale = val(sm?.values, 'scale');
    if (scale && sm && scale.form === 'singular') return { first: i, last: sm.last, value: Math.round(fraction.value * scale.value), vague: false };
  }
  // word numbers: [hundreds] [و units|teens] [و tens] [scale] …; the و joined to the next word
  // ("وخمسون") or free-standing ("و خمسون"); a fraction after a scale adds that part of it ("مليون ونصف")
  let lastScale = 0;
  let total = 0;
  let current = 0;
  let unitValue = 0;
  let last = -1;
  let prevType: string | null = null;
  let k = i;
  while (k < tokens.length) {
    let t = tokens[k]!;
    // "thirty-seven": a ten and a unit joined by a hyphen are one number
    const hyphen = k > i && !t.spaced && prevType === 'ten' && folded.slice(tokens[k - 1]!.end, t.start) === '-';
    if (k > i && !t.spaced && !hyphen) break;
    let word = t.text;
    let joined = false;
    if (k > i && tokens[k + 1]?.spaced && hasValueOfType(lex(pack, tokens, k, false)?.values, 'conjunction')) {
      k++;
      t = tokens[k]!;
      word = t.text;
      joined = true;
    } else {
      const bare = k > i ? pack.morphology.stripConjunction(word) : null;
      if (bare && bare.length > 1) {
        word = bare;
        joined = true;
      }
    }
    const m = joined && word !== t.text ? pack.numbers.matchAt([withText(t, word), ...tokens.slice(k + 1, k + 3)], 0, false) : lex(pack, tokens, k, false);
    const values = m?.values;
    const unit = val(values, 'unit') ?? val(values, 'teen');
    const ten = val(values, 'ten');
    const hundred = val(values, 'hundred');
    const scale = val(values, 'scale');
    const part = val(values, 'fraction');
    const span = m ? m.last - m.first : 0;
    if (k > i && !joined && !scale && !hyphen) break;
    if (part && joined && prevType === 'scale' && current === 0) {
      total += Math.round(part.value * lastScale);
      last = k + span;
      break;
    }
    if (hundred && (prevType === null || prevType === 'scale')) {
      current += hundred.value;
      prevType = 'hundred';
    } else if (unit && (prevType === null || prevType === 'hundred' || prevType === 'scale' || (hyphen && unit.value < 10))) {
      current += unit.value;
      unitValue = unit.value;
      prevType = 'unit';
    } else if (ten && (prevType === null || (prevType === 'unit' && unitValue < 10) || prevType === 'hundred' || prevType === 'scale')) {
      // "خمسة وعشرون" is 25; "عشرة وعشرين" is no compound (a range's bounds: "بين عشرة وعشرين")
      current += ten.value;
      prevType = 'ten';
    } else if (scale && !joined) {
      if (scale.form === 'singular') current = current === 0 ? 1 : current;
      else if (scale.form === 'dual') current = current === 0 ? 2 : current * 2;
      else if (current === 0) break;
      total += current * scale.value;
      current = 0;
      lastScale = scale.value;
      prevType = 'scale';
    } else break;
    last = k + span;
    k = last + 1;
  }
  if (last < 0) return null;
  // "ألف و996", "ألفين و500": digits after a scale word are the rest below it
  if (prevType === 'scale' && current === 0) {
    const rest = restAfterScale(pack, folded, tokens, last);
    if (rest && rest.value < lastScale) return { first: i, last: rest.last, value: total + rest.value, vague: false };
  }
  return { first: i, last, value: total + current, vague: false };
}

/**
 * An ordinal at token i, with its compounds: "العاشر", "الثالث عشر" (one lexicon phrase), "الحادي
 * والعشرين" / "الحادي و العشرين" (a unit's ordinal, the conjunction, a ten's ordinal).
 */
export function ordinalAt(pack: LanguagePack, tokens: readonly Token[], i: number): { last: number; value: number } | null {
  const m = lex(pack, tokens, i, false);
  const o = val(m?.values, 'ordinal');
  if (!m || !o) return null;
  if (o.value < 10) {
    // the ten: joined to its conjunction ("والعشرين") or after a free-standing one ("و العشرين")
    let k = m.last + 1;
    const next = tokens[k];
    if (next?.spaced) {
      let tm: ReturnType<typeof lex> = null;
      const bare = pack.morphology.stripConjunction(next.text);
      if (hasValueOfType(lex(pack, tokens, k, false)?.values, 'conjunction') && tokens[k + 1]?.spaced) {
        k++;
        tm = lex(pack, tokens, k, false);
      } else if (bare && bare.length > 1) {
        tm = pack.numbers.matchAt([withText(next, bare)], 0, false);
      }
      const ten = val(tm?.values, 'ordinal');
      if (ten && ten.value >= 20 && ten.value % 10 === 0) return { last: k, value: ten.value + o.value };
    }
  }
  return { last: m.last, value: o.value };
}

function qualifierAt(pack: LanguagePack, tokens: readonly Token[], i: number, position: 'before' | 'after') {
  const m = lex(pack, tokens, i, true);
  const q = m?.values.find((v): v is Extract<NumberLex, { type: 'qualifier' }> => v.type === 'qualifier' && v.position === position);
  return q && m ? { q, m } : null;
}

/** A full figure at token i: qualifier, number, range and trailing qualifier. */
export function figureAt(pack: LanguagePack, folded: string, tokens: readonly Token[], i: number): (Omit<NumberMention, 'span' | 'numberSpan'> & { first: number; last: number; numFirst: number; numLast: number }) | null {
  let start = i;
  let qualifier: NumberMention['qualifier'] = 'exact';
  const qb = qualifierAt(pack, tokens, i, 'before');
  if (qb && tokens[qb.m.last + 1]?.spaced) {
    qualifier = qb.q.qualifier;
    start = qb.m.last + 1;
  }
  const n = numberAt(pack, folded, tokens, start);
  if (!n) return null;
  if (qb && start === i) return null;
  let value = n.value;
  let high: number | null = null;
  let last = n.last;
  if (n.vague) qualifier = qualifier === 'exact' ? 'vague' : qualifier;
  // ranges: "بين 10 و15", "10 إلى 15", "10-15"
  const next = tokens[last + 1];
  if (next) {
    const gap = folded.slice(tokens[last]!.end, next.start);
    let b: NumberHit | null = null;
    const stripped = pack.morphology.stripConjunction(next.text);
    if (qualifier === 'range' && next.spaced && (stripped !== null || pack.grammar.has('range_to', next.word))) {
      // "بين 10 و15": the second bound carries the conjunction
      const bare = withText(next, stripped ?? '');
      const arr = [...tokens.slice(0, last + 1), bare, ...tokens.slice(last + 2)];
      b = bare.text ? numberAt(pack, folded, arr, last + 1) : null;
      if (!b && pack.grammar.has('range_to', next.word)) b = numberAt(pack, folded, tokens, last + 2);
    } else if (pack.grammar.has('range_to', next.word) && next.spaced && !n.vague) {
      b = numberAt(pack, folded, tokens, last + 2);
    } else if (DASH_GAP.test(gap) && DIGITS.test(next.text)) {
      b = numberAt(pack, folded, tokens, last + 1);
      if (b) qualifier = 'range';
    }
    if (b && b.value !== null && value !== null && b.value > value) {
      high = b.value;
      last = b.last;
      if (qualifier === 'exact') qualifier = 'range';
    } else if (qualifier === 'range') {
      qualifier = 'exact';
    }
  } else if (qualifier === 'range') qualifier = 'exact';
  if (qualifier === 'range' && high === null) qualifier = 'exact';
  return { first: i, last, numFirst: start, numLast: n.last, value, high, qualifier, nounCount: false };
}

export function findNumbers(ctx: Context): void {
  const { tokens, pack, source } = ctx;
  const inDate = memo(ctx, 'tokens-in-dates', () => tokensInDates(ctx));
  for (const s of ctx.sentences) {
    for (let i = tokenAt(tokens, s.start); i < tokens.length && tokens[i]!.end <= s.end; i++) {
      // "أي واحد" after a negation: nobody, no figure
      const nc = pack.numbers.matchAt(tokens, i, false);
      if (nc && hasValueOfType(nc.values, 'not_count')) {
        i = nc.last;
        continue;
      }
      if (groupTail(source.folded, tokens, i)) continue;
      const f = figureAt(pack, source.folded, tokens, i);
      if (!f) continue;
      // a year or a day of a date is not a figure
      if (inDate[f.numFirst]) {
        i = f.last;
        continue;
      }
      ctx.records.numbers.push({
        span: { start: qualifierStart(ctx, f.first), end: tokens[f.last]!.end },
        numberSpan: { start: tokens[f.numFirst]!.start, end: tokens[f.numLast]!.end },
        value: f.value,
        high: f.high,
        qualifier: f.qualifier,
        nounCount: false,
      });
      i = f.last;
    }
  }
}

function qualifierStart(ctx: Context, first: number): number {
  const m = ctx.pack.numbers.matchAt(ctx.tokens, first);
  return m ? m.start : ctx.tokens[first]!.start;
}
