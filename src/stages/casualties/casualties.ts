/**
 * Casualties: one record per distinct reported figure. Patterns, each a rule id:
 *   N + counted noun             "أكثر من 1250 قتيلاً"        casualties:[qualified-]number-before-<outcome>-noun
 *   event noun/verb + N + victim "مقتل 5 جنود", "قتل 5 مدنيين"  casualties:event-noun-before-number
 *   N + victims + verb           "أربعة جنود أوغنديين قتلوا"   casualties:number-victim-verb
 *   N + من + victims             "قتل 19 من قوات النظام"        (the partitive counts people)
 *   coordinated figures          "مقتل 252 … و281 من المقاتلين"  casualties:coordinated-figure
 *   event word + singular/dual   "مقتل جندي" = 1, "جنديين" = 2, "قتل حوثيان" = 2   casualties:singular-dual-victim
 *   a lone dual counted noun     "موقعا قتيلين" = 2            casualties:dual-noun
 *   an attacker who killed himself "فجر انتحاري نفسه" = 1      casualties:self-killing
 *   toll + إلى/بلغ + N            "ارتفعت حصيلة القتلى إلى 40"  casualties:toll-reaches-number
 *   subsets                      "بينهم 5 أطفال", "بينهم امرأة" casualties:subset-among-them (subset_of the total)
 * Not figures: zero and negated words ("لم يسفر عن سقوط قتلى"), numbers without people ("10 غارات",
 * "ستة شهور"), combined outcomes ("عشرات القتلى والجرحى", "أصيبوا أو قتلوا"), anaphoric definite
 * numbers ("أصيب الاثنان": the two already counted).
 * A figure repeated (title, lead, quote) is one record with the evidence of every mention; a vague
 * word restating an exact figure for the same victims in the next sentence (or the headline) is that
 * figure (../shared/corpus/README.md, "Calls that recur"). Values follow the codebook's number rules
 * (UCDP low/best/high with ACLED's conservative constants).
 */
import type { Context, NumberMention, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt, withText } from '../../core/tokens.ts';
import { hasValueOfType, valueOfType } from '../../core/phrase-matcher.ts';
import { actorsStartingIn, datesWithin, memo, numbersBySentence, placesStartingIn, statementsBySentence } from '../../core/by-sentence.ts';
import type { CasualtyLex } from '../../packs/pack.ts';
import { groupThousands } from '../../core/format.ts';
import { figureAt } from '../numbers/numbers.ts';
import type { Casualty, Evidence } from '../../schema/index.ts';

type Outcome = Casualty['outcome'];
type Group = Casualty['group'];
type Qualifier = Casualty['qualifier'];

export function bounds(value: number, high: number | null, qualifier: Qualifier): Pick<Casualty, 'low' | 'best' | 'high' | 'display'> {
  const f = groupThousands;
  switch (qualifier) {
    case 'exact':
      return { low: value, best: value, high: value, display: f(value) };
    case 'more_than':
    case 'at_least':
    case 'vague':
      return { low: value, best: value, high: null, display: `${f(value)}+` };
    case 'about':
      return { low: null, best: value, high: null, display: `~${f(value)}` };
    case 'at_most':
      return { low: null, best: value, high: value, display: `≤${f(value)}` };
    case 'range':
      return { low: value, best: value, high, display: high !== null ? `${f(value)}–${f(high)}` : f(value) };
  }
}

function casAt(ctx: Context, i: number) {
  return ctx.pack.casualties.matchAt(ctx.tokens, i);
}

/** The words around a figure (others, negations, links, what is not people): a matcher of their own. */
function cueAt(ctx: Context, i: number) {
  return ctx.pack.casualtyCues.matchAt(ctx.tokens, i);
}

function cue(ctx: Context, i: number, type: CasualtyLex['type']): boolean {
  return hasValueOfType(cueAt(ctx, i)?.values, type);
}

function find<T extends CasualtyLex['type']>(values: readonly CasualtyLex[] | undefined, type: T): Extract<CasualtyLex, { type: T }> | undefined {
  return valueOfType(values, type);
}

interface Hit {
  outcome: Outcome;
  value: number;
  high: number | null;
  qualifier: Qualifier;
  numberSpan: Span;
  mainSpan: Span;
  group: Group;
  groupSpan: Span | null;
  rule: string;
  /** a part of the figure before it ("بينهم 5 أطفال") */
  subset: boolean;
  /** in addition to a figure given before ("خمسة مدنيين آخرين") */
  others: boolean;
  /** last token of the figure's phrase (where a coordinated figure may follow) */
  lastToken: number;
  /** the actor killed, when a named person is the victim */
  victim?: string;
  /** a figure a noun implies ("مقتل جندي" = 1), not a number */
  implied?: boolean;
}

/** The people a number counts, right after it: a victim noun, "من" + a noun phrase, or a nationality. */
interface People {
  group: Group;
  span: Span;
  last: number;
}

/** A figure at token k (a number mention, or a number with a conjunction the numbers stage leaves: "وأربعة"). */
interface Figure {
  first: number;
  last: number;
  value: number;
  high: number | null;
  qualifier: Qualifier;
  span: Span;
}

const QUOTES_ONLY = /^[\s"'«»“”„]*$/u;
/** A hyphen, slash or colon joining a number to what follows (the folded text has ASCII punctuation). */
const GLUED = /^[-/:][\p{L}\p{N}]/u;
/** Punctuation that ends a phrase between a toll noun and a number. */
const PUNCTUATION = /[,.;:!?()\u2013\u2014]|\s-\s/u;

class SentenceReader {
  readonly first: number;
  /** the day expressions of the sentence, which a figure's phrase may hold ("وقتل صباح السبت مدنيين اثنين") */
  private readonly dates: Span[];
  constructor(
    readonly ctx: Context,
    readonly s: Sentence,
  ) {
    this.first = tokenAt(ctx.tokens, s.start);
    this.dates = datesWithin(ctx, s.start, s.end).map((d) => d.span);
  }

  inDate(k: number): boolean {
    const t = this.ctx.tokens[k]!;
    return this.dates.some((d) => d.start <= t.start && d.end >= t.end);
  }

  /** Only spaces or quotation marks before token k: "71 \"فردا تكفيريا\"". */
  adjacent(k: number): boolean {
    const t = this.ctx.tokens[k]!;
    const prev = this.ctx.tokens[k - 1];
    return t.spaced || (prev !== undefined && QUOTES_ONLY.test(this.ctx.source.folded.slice(prev.end, t.start)));
  }

  in(k: number): boolean {
    const t = this.ctx.tokens[k];
    return k >= this.first && t !== undefined && t.end <= this.s.end;
  }

  end(k: number): number {
    return this.ctx.tokens[k]!.end;
  }

  span(first: number, last: number): Span {
    return { start: this.ctx.tokens[first]!.start, end: this.ctx.tokens[last]!.end };
  }

  /** A conjunction-prefixed word ("وأربعة", "والجرحى"): a new member of a list or a new clause. */
  conjoined(k: number): boolean {
    return this.ctx.pack.morphology.stripConjunction(this.ctx.tokens[k]!.text) !== null;
  }

  /** Whether a casualty verb ends at token k ("killing", "shot dead"): a figure after it is its object. */
  verbEndsAt(k: number): boolean {
    for (let j = k; j >= Math.max(this.first, k - 3); j--) {
      const m = casAt(this.ctx, j);
      if (m && m.last === k && find(m.values, 'verb')) return true;
    }
    return false;
  }

  /** A word no lexicon knows, spaced after the one before: not a function word, number, name, date or casualty word. */
  plainWord(k: number): boolean {
    const { ctx } = this;
    const t = ctx.tokens[k];
    if (t === undefined || !this.in(k) || !t.spaced || this.inDate(k) || this.conjoined(k)) return false;
    if (ctx.pack.stopwords.has(t.text) || ctx.pack.grammar.has('of', t.word) || ctx.pack.grammar.has('in', t.word) || ctx.pack.grammar.has('auxiliaries', t.word)) return false;
    if (/\p{N}/u.test(t.text) || casAt(ctx, k) || cueAt(ctx, k) || ctx.pack.numbers.matchAt(ctx.tokens, k) || ctx.pack.entities.matchAt(ctx.tokens, k, false)) return false;
    return actorsStartingIn(ctx, t.start, t.end).length === 0 && placesStartingIn(ctx, t.start, t.end).length === 0;
  }

  /** A negation within the two words before token k: "لم يسفر عن سقوط", "لا ضحايا". */
  negatedBefore(k: number): boolean {
    for (let j = k - 1; j >= Math.max(this.first, k - 3); j--) if (cue(this.ctx, j, 'negation')) return true;
    return false;
  }

  people(k: number): People | null {
    const { ctx } = this;
    if (!this.in(k) || !this.adjacent(k)) return null;
    const m = casAt(ctx, k);
    const victim = find(m?.values, 'victim');
    if (victim && m) return { group: victim.group, span: this.span(k, m.last), last: m.last };
    // "four other people", "three other civilians": the word for "other" before the victims
    if (!m && cue(ctx, k, 'others') && this.in(k + 1) && this.adjacent(k + 1)) {
      const om = casAt(ctx, k + 1);
      const ov = find(om?.values, 'victim');
      if (ov && om && om.first === k + 1) return { group: ov.group, span: this.span(k, om.last), last: om.last };
    }
    // "19 من قوات النظام", "34 مقاتلا من فصيل": من and the noun phrase after it
    if (ctx.pack.grammar.has('of', ctx.tokens[k]!.word) && this.in(k + 1) && ctx.tokens[k + 1]!.spaced) {
      const vm = casAt(ctx, k + 1);
      if (cue(ctx, k + 1, 'not_people')) return null;
      const v = find(vm?.values, 'victim');
      if (v && vm) return { group: v.group, span: this.span(k, vm.last), last: vm.last };
      const counted = find(vm?.values, 'counted_noun');
      if (counted && vm) return { group: 'all', span: this.span(k, vm.last), last: vm.last };
      const actor = actorsStartingIn(ctx, ctx.tokens[k + 1]!.start, ctx.tokens[k + 1]!.end)[0];
      const last = actor ? tokenAt(ctx.tokens, actor.end) - 1 : k + 1;
      return { group: 'all', span: this.span(k, Math.max(k + 1, last)), last: Math.max(k + 1, last) };
    }
    // "استشهد 45 فلسطينيا": a nationality
    const nat = ctx.pack.entities.matchAt(ctx.tokens, k, false);
    if (nat?.values.some((v) => v.type === 'demonym')) {
      // "four Portuguese tourists": a victim noun after the nationality
      const vm = this.in(nat.last + 1) && ctx.tokens[nat.last + 1]!.spaced ? casAt(ctx, nat.last + 1) : null;
      const v = find(vm?.values, 'victim');
      if (v && vm) return { group: v.group, span: this.span(k, vm.last), last: vm.last };
      return { group: 'all', span: this.span(k, nat.last), last: nat.last };
    }
    return null;
  }

  /** A qualifier after the counted words ("25 جريحا فلسطينيا على الأقل"), past at most two adjectives. */
  qualifierAfter(k: number, current: Qualifier): { qualifier: Qualifier; end: number; last: number } | null {
    if (current !== 'exact') return null;
    const { ctx } = this;
    for (let j = k; j <= k + 2 && this.in(j); j++) {
      const m = ctx.pack.numbers.matchAt(ctx.tokens, j);
      const q = m?.values.find((v) => v.type === 'qualifier' && v.position === 'after');
      if (m && q && q.type === 'qualifier') return { qualifier: q.qualifier, end: this.end(m.last), last: m.last };
      if (this.conjoined(j) || casAt(ctx, j) || m) return null;
    }
    return null;
  }

  /** "القتلى والجرحى", "ما بين قتيل وجريح": two outcomes joined, no single one. */
  combinedAt(k: number): boolean {
    const m = casAt(this.ctx, k);
    const a = find(m?.values, 'counted_noun');
    if (!a || !m || !this.in(m.last + 1)) return false;
    const bm = casAt(this.ctx, m.last + 1);
    const b = find(bm?.values, 'counted_noun');
    // (not "1100 قتيل وإصابة 5762": the second noun opens a figure of its own)
    if (!bm || !b || b.outcome === a.outcome || !this.conjoined(m.last + 1)) return false;
    const next = this.ctx.tokens[bm.last + 1];
    return !(next && this.in(bm.last + 1) && next.spaced && (/^\p{N}/u.test(next.text) || this.ctx.pack.numbers.matchAt(this.ctx.tokens, bm.last + 1, false)));
  }

  /** "مقتل وإصابة 24 شخصا", "قتل وجرح 12": the event word at k joined to one of another outcome just before it
   * (the caller checks that word has no figure of its own: "خمسة مسلحين لقوا مصرعهم وأصيب سبعة"). */
  combinedBefore(k: number, outcome: Outcome): boolean {
    if (!this.conjoined(k)) return false;
    for (let j = k - 1; j >= Math.max(this.first, k - 3); j--) {
      const m = casAt(this.ctx, j);
      if (!m || m.last !== k - 1) continue;
      const other = find(m.values, 'event_noun') ?? find(m.values, 'verb');
      if (other && other.outcome !== outcome) return true;
    }
    return false;
  }

  combinedWithin(from: number, to: number): boolean {
    for (let k = from; k <= to && this.in(k); k++) if (this.combinedAt(k)) return true;
    return false;
  }

  /** "أصيبوا أو قتلوا": a verb, a disjunction, a verb of another outcome. */
  disjoinedVerb(verbLast: number, outcome: Outcome): boolean {
    if (!this.in(verbLast + 2) || !cue(this.ctx, verbLast + 1, 'disjunction')) return false;
    const other = find(casAt(this.ctx, verbLast + 2)?.values, 'verb');
    return other !== undefined && other.outcome !== outcome;
  }

  /** A figure starting at token k, also one behind a conjunction ("وأربعة أطفال"). */
  figureAt(k: number, byStart: Map<number, NumberMention>): Figure | null {
    const { ctx } = this;
    const t = ctx.tokens[k];
    if (!t || !this.in(k)) return null;
    const n = byStart.get(t.start);
    if (n && n.value !== null) return { first: k, last: tokenAt(ctx.tokens, n.span.end) - 1, value: n.value, high: n.high, qualifier: n.qualifier, span: n.span };
    const bare = ctx.pack.morphology.stripConjunction(t.text);
    if (!bare) return null;
    const window = [withText(t, bare), ...ctx.tokens.slice(k + 1, k + 4)];
    const f = figureAt(ctx.pack, ctx.source.folded, window, 0);
    if (!f || f.value === null) return null;
    const last = k + f.last;
    if (!this.in(last)) return null;
    return { first: k, last, value: f.value, high: f.high, qualifier: f.qualifier, span: { start: t.start + (t.text.length - bare.length), end: this.end(last) } };
  }

  /** Whether tokens from..to-1 are all auxiliaries ("were also", "have since been"). */
  auxiliariesOnly(from: number, to: number): boolean {
    for (let j = from; j < to; j++) if (!this.ctx.pack.grammar.has('auxiliaries', this.ctx.tokens[j]!.word)) return false;
    return true;
  }

  /** A verb of an outcome within a few words after token k ("… قتلوا"), not a new clause ("وقتل"). */
  verbAfter(k: number): { outcome: Outcome; last: number } | null {
    const { ctx } = this;
    for (let j = k; j < k + 7 && this.in(j); j++) {
      const m = casAt(ctx, j);
      const verb = find(m?.values, 'verb');
      if (verb && m) {
        if (m.proclitic !== '' || this.disjoinedVerb(m.last, verb.outcome)) return null;
        return { outcome: verb.outcome, last: m.last };
      }
      // "more than 50 people were also wounded": a participle that is also a counted noun, after auxiliaries only
      const participle = find(m?.values, 'counted_noun');
      if (participle && m && participle.form === 'plural' && j > k && this.auxiliariesOnly(k, j)) return { outcome: participle.outcome, last: m.last };
      if ((m && (participle || find(m.values, 'event_noun'))) || cue(ctx, j, 'negation') || cue(ctx, j, 'toll_link')) return null;
      // a clause of its own: "قال 5 مسؤولين إن المسلحين قتلوا", or another subject ("… المسلحين قتلوا", not "… والمقاتلين لقوا مصرعهم")
      const t = ctx.tokens[j]!;
      if (ctx.pack.grammar.has('complementizers', t.word) || (!m && ctx.pack.speech.matchAt(ctx.tokens, j)?.values.some((v) => v.type === 'verb'))) return null;
      const prev = ctx.tokens[j - 1];
      const described = prev !== undefined && (ctx.pack.grammar.has('of', prev.word) || /\p{N}$/u.test(prev.text) || ctx.pack.numbers.matchAt(ctx.tokens, j - 1) !== null);
      if (m && find(m.values, 'victim') && !this.conjoined(j) && !described) return null;
    }
    return null;
  }

  /** "18 شخصا من القتلى", "أربعة من القادة المحليين من بين القتلى": the figure is part of a toll. */
  partOfToll(k: number): { outcome: Outcome; last: number } | null {
    const { ctx } = this;
    for (let j = k; j < k + 3 && this.in(j + 1); j++) {
      const t = ctx.tokens[j]!;
      if (this.conjoined(j) || casAt(ctx, j)) return null;
      if (!ctx.pack.grammar.has('of', t.word)) continue;
      const n = ctx.pack.grammar.has('between', ctx.tokens[j + 1]!.word) ? j + 2 : j + 1;
      const cm = this.in(n) ? casAt(ctx, n) : null;
      const noun = find(cm?.values, 'counted_noun');
      return noun && cm && noun.form === 'plural' ? { outcome: noun.outcome, last: cm.last } : null;
    }
    return null;
  }

  /** A figure within three words after token k in the same clause (before any conjunction). */
  figureFollows(k: number, byStart: Map<number, NumberMention>): boolean {
    for (let j = k; j < k + 3 && this.in(j); j++) {
      // "… قتلا بينما أصيب سبعة": a casualty word of its own takes the figure after it
      if (this.conjoined(j) || casAt(this.ctx, j)) return false;
      if (byStart.has(this.ctx.tokens[j]!.start)) return true;
    }
    return false;
  }

  /** "توفي رابع": an indefinite ordinal after a verb names one more victim. */
  ordinalAt(k: number): boolean {
    const m = this.ctx.pack.numbers.matchAt(this.ctx.tokens, k);
    return m !== null && m !== undefined && m.first === k && m.values.some((v) => v.type === 'ordinal') && !this.ctx.pack.morphology.isDefinite(this.ctx.tokens[k]!.text);
  }

  /** "أم حامل وطفلتها": a second singular victim joined to the one ending at token `last`, past two adjectives; its last token. */
  pairAfter(last: number): number | null {
    const { ctx } = this;
    for (let j = last + 1; j <= last + 3 && this.in(j); j++) {
      const t = ctx.tokens[j]!;
      const bare = ctx.pack.morphology.stripConjunction(t.text);
      if (bare === null) {
        if (casAt(ctx, j) || ctx.pack.numbers.matchAt(ctx.tokens, j)) return null;
        continue;
      }
      for (const e of ctx.pack.possessiveEndings) {
        if (!bare.endsWith(e.bound) || bare.length < e.bound.length + 2) continue;
        const stem = bare.slice(0, bare.length - e.bound.length) + e.free;
        const m = ctx.pack.casualties.matchAt([withText(t, stem)], 0);
        if (m?.values.some((v) => v.type === 'victim' && v.form === 'singular')) return j;
      }
      return null;
    }
    return null;
  }

  /**
   * One person as the subject ending at token `last`: a person's name ("Benazir Bhutto"), a singular
   * victim noun ("a priest", "a police officer") or an office ("the defence minister"), also with a
   * place after it ("the ambassador to Ankara"). Its first token, group and the person's actor key.
   */
  oneSubjectEndingAt(last: number): { first: number; group: Group; victim?: string } | null {
    const { ctx } = this;
    if (!this.in(last)) return null;
    const end = this.end(last);
    const from = ctx.tokens[Math.max(this.first, last - 6)]!.start;
    const person = actorsStartingIn(ctx, from, end).find((a) => a.end === end && actorKind(ctx, a.key) === 'person');
    if (person) return { first: tokenAt(ctx.tokens, person.start), group: 'all', victim: person.key };
    for (let j = Math.max(this.first, last - 3); j <= last; j++) {
      const m = casAt(ctx, j);
      const v = m?.values.find((x): x is Extract<CasualtyLex, { type: 'victim' }> => x.type === 'victim');
      if (m && v && m.last === last) return v.form === 'singular' ? { first: j, group: v.group } : null;
      const t = ctx.pack.entities.matchAt(ctx.tokens, j, false);
      if (t && t.last === last && t.values.some((x) => x.type === 'title')) return { first: j, group: 'all' };
    }
    // "the ambassador to Ankara": a place or country after the noun, behind a preposition
    const place = [...actorsStartingIn(ctx, from, end), ...placesStartingIn(ctx, from, end)].find((a) => a.end === end);
    if (place) {
      const p = tokenAt(ctx.tokens, place.start) - 1;
      if (p > this.first && ctx.pack.grammar.has('locative', ctx.tokens[p]!.word) && !this.inDate(p)) return this.oneSubjectEndingAt(p - 1);
    }
    return null;
  }

  /** Whether the word at k ends like a nominative dual of a nisba ("فلسطينيان"). */
  dualPerson(k: number): boolean {
    const w = this.ctx.tokens[k]!.text;
    return this.ctx.pack.casualtyDualEndings.some((e) => w.length >= e.length + 3 && w.endsWith(e));
  }
}

function sentenceHits(ctx: Context, s: Sentence, sIndex: number): Hit[] {
  const { tokens } = ctx;
  const r = new SentenceReader(ctx, s);
  const hits: Hit[] = [];
  const numbers = (numbersBySentence(ctx)[sIndex] ?? []).filter((n) => n.span.end <= s.end && n.value !== null);
  const byStart = new Map<number, NumberMention>();
  for (const n of numbers) byStart.set(n.span.start, n);
  const covered = (a: number, b: number) => hits.some((h) => h.mainSpan.start <= a && h.mainSpan.end >= b);
  const push = (h: Omit<Hit, 'subset' | 'others'> & { subset?: boolean }) => {
    hits.push({ subset: false, ...h, others: othersAfter(h.lastToken, h.outcome, h.mainSpan.start) });
  };
  // "قتل ثلاثة آخرون": more victims than a figure given before; after a figure of another outcome in its
  // sentence ("مقتل 49 شخصا وإصابة مئات آخرين") it only means "other than those"
  const othersAfter = (last: number, outcome: Outcome, start: number): boolean => {
    if (!r.in(last + 1) || !cue(ctx, last + 1, 'others')) return false;
    let previous: Hit | undefined;
    for (const h of hits) if (h.mainSpan.start < start && (!previous || h.mainSpan.start > previous.mainSpan.start)) previous = h;
    return previous === undefined || previous.outcome === outcome;
  };

  for (const n of numbers) {
    const firstTok = tokenAt(tokens, n.span.start);
    const last = tokenAt(tokens, n.span.end) - 1;
    const numTok = tokens[tokenAt(tokens, n.numberSpan.start)]!;
    // a number glued to a word or number ("18-year-old", "a 16-storey block", "9/11", "9:17") modifies it: no count of people
    if (GLUED.test(ctx.source.folded.slice(n.span.end, n.span.end + 2))) continue;
    const after = last + 1;
    let m = r.in(after) && tokens[after]!.spaced ? casAt(ctx, after) : null;
    // "10 غارات", "ستة شهور" (not "العشرات بغارات": the preposition starts a phrase of its own)
    const notPeople = r.in(after) && tokens[after]!.spaced ? cueAt(ctx, after) : null;
    if (notPeople && notPeople.proclitic === '' && hasValueOfType(notPeople.values, 'not_people')) continue;
    const peopleBefore = firstTok > r.first && hasValueOfType(casAt(ctx, firstTok - 1)?.values, 'victim');
    const people = r.people(after);
    // "أصيب الاثنان": a definite number word refers back to people already counted
    if (n.qualifier === 'exact' && ctx.pack.morphology.isDefinite(numTok.text) && !people && !peopleBefore) continue;
    // N + counted noun: "1250 قتيلا", "عشرات القتلى" (not "عشرات القتلى والجرحى")
    // (not "مقتل 5 وإصابة 10": a noun with its conjunction opens the next figure's phrase)
    let counted = m && !r.conjoined(after) ? find(m.values, 'counted_noun') : undefined;
    // "the 48 charred victims": one plain describing word between the number and a plural counted noun
    const described = !m && r.in(after + 1) && tokens[after + 1]!.spaced && r.plainWord(after) ? casAt(ctx, after + 1) : null;
    const describedNoun = find(described?.values, 'counted_noun');
    if (!counted && describedNoun?.form === 'plural' && !r.conjoined(after + 1)) {
      counted = describedNoun;
      m = described;
    }
    if (counted && m) {
      if (r.combinedAt(m === described ? after + 1 : after) || r.negatedBefore(firstTok)) continue;
      // "25 جريحا فلسطينيا على الأقل"
      const tail = r.qualifierAfter(m.last + 1, n.qualifier);
      const qualifier = tail?.qualifier ?? n.qualifier;
      push({
        outcome: counted.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end: tail?.end ?? r.end(m.last) },
        group: 'all', groupSpan: null, rule: `casualties:${qualifier === 'exact' ? '' : 'qualified-'}number-before-${counted.outcome}-noun`, lastToken: tail?.last ?? m.last,
      });
      continue;
    }
    const tail = r.qualifierAfter(people ? people.last + 1 : after, n.qualifier);
    const qualifier = tail?.qualifier ?? n.qualifier;
    const phraseLast = tail?.last ?? people?.last ?? last;
    const groupOf = { group: people?.group ?? 'all', groupSpan: people?.span ?? null };
    // "بينهم 5 أطفال": part of the figure before it, same outcome
    const sm = casAt(ctx, firstTok - 1);
    const previous = hits[hits.length - 1];
    if (previous && sm && hasValueOfType(sm.values, 'subset') && sm.last === firstTok - 1) {
      push({
        outcome: previous.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: sm.start, end: r.end(phraseLast) },
        ...groupOf, rule: 'casualties:subset-among-them', subset: true, lastToken: phraseLast,
      });
      continue;
    }
    // where subjects come first (a pack datum), the figure is the subject of a casualty verb or noun
    // after it: "191 were killed", "37 people died", "leaving 139 people dead"
    // ... unless a casualty verb right before makes it the object: "killing at least six people and injuring 30"
    if (ctx.pack.subjectFirst && !r.negatedBefore(firstTok) && !(r.adjacent(firstTok) && r.verbEndsAt(firstTok - 1))) {
      const verb = r.verbAfter(phraseLast + 1);
      const deadAt = phraseLast + 1;
      const dead = !verb && r.in(deadAt) && tokens[deadAt]!.spaced ? casAt(ctx, deadAt) : null;
      const noun = find(dead?.values, 'counted_noun');
      const lastWord = verb ? verb.last : noun && dead ? dead.last : -1;
      const outcome = verb?.outcome ?? noun?.outcome;
      if (outcome && lastWord >= 0) {
        push({
          outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end: r.end(lastWord) },
          ...groupOf, rule: 'casualties:number-then-verb', lastToken: phraseLast,
        });
        continue;
      }
    }
    // event noun or verb shortly before N: "مقتل 5 جنود", "أسفر عن إصابة 10 أشخاص", "قتل 19 من قوات النظام"
    // up to three words between, or five plain ones when the figure counts people ("قتل انفجاران في كابول 26
    // شخصا", "قتل من جانب المقاومة ثمانية أشخاص"); a date between does not count ("وقتل منذ … 25 شباط 60 عنصرا")
    let done = false;
    let between = 0;
    const reach = people || n.qualifier === 'vague' ? 5 : 3;
    for (let k = firstTok - 1; k >= r.first && between < reach; k--) {
      const em = casAt(ctx, k);
      const ev = find(em?.values, 'event_noun') ?? find(em?.values, 'verb');
      if (!ev || !em || em.last >= firstTok) {
        if (r.inDate(k)) continue;
        // "killed on Tuesday when two men stormed the church": the figure is in a clause of its own
        if (cue(ctx, k, 'clause_break')) break;
        between++;
        if (between >= 3 && (blocks(em?.values) || cue(ctx, k, 'negation') || cue(ctx, k, 'toll_link') || byStart.has(tokens[k]!.start) || r.conjoined(k))) break;
        continue;
      }
      done = true;
      if (r.negatedBefore(k) || r.combinedWithin(after, after + 6) || (r.combinedBefore(k, ev.outcome) && !covered(tokens[k - 1]!.start, tokens[k - 1]!.end))) break;
      push({
        outcome: ev.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: em.start, end: r.end(phraseLast) },
        ...groupOf, rule: 'casualties:event-noun-before-number', lastToken: phraseLast,
      });
      break;
    }
    if (done) continue;
    // a verb split around its subject: "لقي 22 عنصرا من قوات النظام حتفهم"
    const split = splitVerbAround(ctx, r, firstTok, after);
    if (split) {
      push({
        outcome: split.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: split.span,
        ...groupOf, rule: 'casualties:split-verb-around-number', lastToken: tokenAt(tokens, split.span.end) - 1,
      });
      continue;
    }
    // people then a verb: "5 مدنيين قتلوا", "أربعة جنود أوغنديين قتلوا", "22 من المدنيين والمقاتلين لقوا مصرعهم",
    // "جميع المهاجمين الأربعة قتلوا"; not when the verb has its own object ("5 مسلحين قتلوا 3 جنود")
    if (people || peopleBefore) {
      const verb = r.verbAfter(phraseLast + 1);
      if (verb && !(r.in(verb.last + 1) && !r.conjoined(verb.last + 1) && r.figureAt(verb.last + 1, byStart))) {
        const end = tail && tail.last > verb.last ? tail.end : r.end(verb.last);
        push({
          outcome: verb.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end },
          ...groupOf, rule: 'casualties:number-victim-verb', lastToken: phraseLast,
        });
        continue;
      }
    }
    // "18 شخصا من القتلى", "أربعة من القادة المحليين من بين القتلى": part of a toll given before
    const part = r.partOfToll(people ? people.last + 1 : after);
    if (part) {
      push({
        outcome: part.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end: r.end(part.last) },
        ...groupOf, rule: 'casualties:part-of-toll', subset: true, lastToken: part.last,
      });
      continue;
    }
    // a toll that reaches N: "ارتفعت حصيلة القتلى إلى 40", "بلغ عدد الجرحى 12", "حصيلة القتلى منذ بدء الهجوم إلى 149"
    const linked = firstTok > r.first && cue(ctx, firstTok - 1, 'toll_link');
    for (let k = firstTok - 1; k >= Math.max(r.first, firstTok - (linked ? 10 : 4)); k--) {
      const cm = casAt(ctx, k);
      const noun = find(cm?.values, 'counted_noun');
      if (!noun || noun.form !== 'plural' || !cm) continue;
      // "المصابين المدنيين في يوم واحد": a phrase of its own between the toll and the number; with no link
      // word, nothing may stand between them that starts another phrase or list member ("five dead and
      // more than 30 trapped", "many dead, including 17 children", "Two dead, three critical")
      if (!linked && (tokens.slice(cm.last + 1, firstTok).some((t) => ctx.pack.grammar.has('in', t.word) || cue(ctx, t.index, 'coordinator') || hasValueOfType(casAt(ctx, t.index)?.values, 'subset')) || PUNCTUATION.test(ctx.source.folded.slice(r.end(cm.last), n.span.start)))) break;
      push({
        outcome: noun.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: cm.start, end: r.end(phraseLast) },
        ...groupOf, rule: 'casualties:toll-reaches-number', lastToken: phraseLast,
      });
      break;
    }
  }

  // words with no number: "مقتل جندي" = 1, "إصابة طفلين" = 2, "قتل حوثيان" = 2, "توفي رابع" = 1, "بينهم امرأة" = 1,
  // "موقعا قتيلين" = 2, "فجر انتحاري نفسه" = 1 killed attacker
  for (let k = r.first; r.in(k); k++) {
    const self = cueAt(ctx, k);
    if (self && hasValueOfType(self.values, 'self_first') && !r.negatedBefore(k)) {
      for (let j = self.last + 1; j <= self.last + 3 && r.in(j); j++) {
        if (!cue(ctx, j, 'self_last')) continue;
        const attacker = find(casAt(ctx, self.last + 1)?.values, 'victim');
        const span = { start: self.start, end: r.end(j) };
        push({ outcome: 'killed', value: 1, high: null, qualifier: 'exact', numberSpan: span, mainSpan: span, group: attacker?.group ?? 'attackers', groupSpan: attacker ? r.span(self.last + 1, self.last + 1) : null, rule: 'casualties:self-killing', lastToken: j, implied: true });
        break;
      }
    }
    // one person as the subject of a passive or intransitive verb: "A priest was killed", "Russian
    // ambassador Andrei Karlov was shot dead", a headline's "Syria defence minister killed in …"
    const passive = find(self?.values, 'victim_subject');
    if (passive && self && r.in(self.last) && !covered(tokens[k]!.start, r.end(self.last))) {
      const subject = k > r.first && r.adjacent(k) ? r.oneSubjectEndingAt(k - 1) : null;
      // passive for sure: behind an auxiliary ("was killed"), or a bare participle followed by nothing,
      // punctuation, a date or a word that opens a phrase ("Priest killed in church", "killed by a
      // bomb"); else an active verb with its own object ("a gunman killed the officer", "killed five")
      const next = self.last + 1;
      const passiveForm = (self.last > k && ctx.pack.grammar.has('auxiliaries', tokens[k]!.word)) || !r.in(next) || !r.adjacent(next) || r.inDate(next) || cue(ctx, next, 'passive_after');
      if (subject && passiveForm && !r.figureFollows(next, byStart) && !r.negatedBefore(subject.first) && !covered(tokens[subject.first]!.start, tokens[subject.first]!.end)) {
        const span = r.span(subject.first, self.last);
        push({
          outcome: passive.outcome, value: 1, high: null, qualifier: 'exact', numberSpan: r.span(subject.first, k - 1), mainSpan: span, group: subject.group,
          groupSpan: subject.group === 'all' ? null : r.span(subject.first, k - 1), rule: 'casualties:one-subject-verb', lastToken: self.last, implied: true,
          ...(subject.victim ? { victim: subject.victim } : {}),
        });
        continue;
      }
    }
    const em = casAt(ctx, k);
    if (!em) continue;
    const dual = find(em.values, 'counted_noun');
    if (dual && dual.form === 'dual' && !ctx.pack.morphology.isDefinite(tokens[k]!.text) && !r.negatedBefore(k) && !r.combinedAt(k) && !covered(tokens[k]!.start, r.end(em.last)) && !byStart.has(tokens[k - 1]?.start ?? -1)) {
      const span = r.span(k, em.last);
      push({ outcome: dual.outcome, value: 2, high: null, qualifier: 'exact', numberSpan: span, mainSpan: span, group: 'all', groupSpan: null, rule: 'casualties:dual-noun', lastToken: em.last });
      continue;
    }
    // "عضوان من مسلحي حماس قد قتلا": a dual noun of people, then its verb
    // "امرأة حاملا وطفلتها … قتلتا": two singular victims joined, then their verb
    const pair = find(em.values, 'victim');
    const pairLast = pair && pair.form === 'dual' ? em.last : pair && pair.form === 'singular' ? r.pairAfter(em.last) : null;
    if (pair && pairLast !== null && !ctx.pack.morphology.isDefinite(tokens[k]!.text) && !covered(tokens[k]!.start, r.end(pairLast))) {
      const verb = r.verbAfter(pairLast + 1);
      if (verb && !r.negatedBefore(k) && !r.figureFollows(verb.last + 1, byStart)) {
        const span = r.span(k, pairLast);
        push({ outcome: verb.outcome, value: 2, high: null, qualifier: 'exact', numberSpan: span, mainSpan: { start: span.start, end: r.end(verb.last) }, group: pair.form === 'dual' ? pair.group : 'all', groupSpan: span, rule: 'casualties:dual-victim-verb', lastToken: pairLast });
        continue;
      }
    }
    const ev = find(em.values, 'event_noun') ?? find(em.values, 'verb');
    const subsetOf = hasValueOfType(em.values, 'subset') ? hits[hits.length - 1] : undefined;
    if ((!ev && !subsetOf) || r.negatedBefore(k)) continue;
    const isVerb = ev !== undefined && find(em.values, 'verb') !== undefined;
    // the victim right after, or after one short word ("قتل خلالها فلسطينيان")
    let reach = em.last + (isVerb ? 2 : 1);
    for (let v = em.last + 1; v <= reach && r.in(v); v++) {
      // "shot dead Russia's ambassador": a possessive ending after a name is part of the victim's phrase
      if (v > em.last + 1 && cue(ctx, v, 'possessive')) {
        reach++;
        continue;
      }
      if (!tokens[v]!.spaced) break;
      if (r.inDate(v)) {
        reach++;
        continue;
      }
      const vm = casAt(ctx, v);
      const victim = vm?.values.find((x): x is Extract<CasualtyLex, { type: 'victim' }> => x.type === 'victim' && x.form !== 'plural');
      let count: number | null = null;
      let vLast = v;
      let group: Group = 'all';
      let victimKey: string | undefined;
      if (victim && vm) {
        count = victim.form === 'dual' ? 2 : 1;
        vLast = vm.last;
        group = victim.group;
        // "مقتل أم فلسطينية حامل وطفلتها": two victims
        const pairLast = count === 1 ? r.pairAfter(vLast) : null;
        if (pairLast !== null) {
          count = 2;
          vLast = pairLast;
          group = 'all';
        }
        // "قتل القاضي طاهر خان نيازي": the person named with the noun
        if (count === 1) {
          const named = actorsStartingIn(ctx, tokens[v]!.start, r.end(Math.min(vLast + 1, tokens.length - 1))).find((a) => actorKind(ctx, a.key) === 'person');
          if (named) victimKey = named.key;
        }
      } else if (r.dualPerson(v) && !vm) {
        count = 2;
      } else if (isVerb && r.ordinalAt(v)) {
        count = 1;
      } else if (!vm && ev) {
        // "قتل القاضي طاهر خان نيازي": a named person
        const actor = actorsStartingIn(ctx, tokens[v]!.start, tokens[v]!.end)[0];
        const office = ctx.pack.entities.matchAt(tokens, v, false);
        if (actor && actorKind(ctx, actor.key) === 'person') {
          count = 1;
          vLast = tokenAt(tokens, actor.end) - 1;
          victimKey = actor.key;
        } else if (office && office.values.some((x) => x.type === 'title') && !(r.in(office.last + 1) && ctx.pack.grammar.has('of', tokens[office.last + 1]!.word))) {
          // "shot dead Russia's ambassador": an office held by one person (not "head of …", a phrase of its own)
          count = 1;
          vLast = office.last;
        }
      }
      if (count === null) {
        if (vm || byStart.has(tokens[v]!.start)) break;
        continue;
      }
      const span = r.span(v, vLast);
      if (covered(span.start, span.end)) break;
      // "قتل انتحاري الاثنين 8 أشخاص": the singular noun is the killer of the figure after it
      if (isVerb && r.figureFollows(vLast + 1, byStart)) break;
      push({
        outcome: subsetOf && !ev ? subsetOf.outcome : ev!.outcome, value: count, high: null, qualifier: 'exact', numberSpan: span, mainSpan: { start: em.start, end: span.end },
        group, groupSpan: group === 'all' && !victim ? null : span, rule: subsetOf && !ev ? 'casualties:subset-among-them' : 'casualties:singular-dual-victim', subset: subsetOf !== undefined && !ev, lastToken: vLast,
        implied: count === 1, ...(victimKey ? { victim: victimKey } : {}),
      });
      break;
    }
  }
  hits.sort((a, b) => a.mainSpan.start - b.mainSpan.start);

  // coordinated figures: "قتل 252 من الفصائل … و281 من المقاتلين", "بينهم امرأة وأربعة أطفال", "ثلاثة قتلى وأربعة جرحى"
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    // "و281", "وأربعة" within three words; "مقابل 34" past the victims' side ("60 عنصرا من قوات النظام وحلفائها مقابل 34")
    let conjunctions = true;
    for (let k = h.lastToken + 1; k <= h.lastToken + 6 && r.in(k); k++) {
      const cm0 = cueAt(ctx, k);
      const joiner = cm0 && hasValueOfType(cm0.values, 'coordinator') ? cm0.last : null;
      if (k > h.lastToken + 3) conjunctions = false;
      const f = joiner !== null ? r.figureAt(joiner + 1, byStart) : conjunctions && r.conjoined(k) ? r.figureAt(k, byStart) : null;
      if (!f) {
        // "إصابة 3 مدنيين وعنصرين من الشرطة", "مقتل فتاة وجنديين": a conjoined dual noun of people is two more
        const dm = conjunctions && r.conjoined(k) && !ctx.pack.morphology.isDefinite(tokens[k]!.text) ? casAt(ctx, k) : null;
        const dual = dm?.values.find((x): x is Extract<CasualtyLex, { type: 'victim' }> => x.type === 'victim' && x.form === 'dual');
        if (dm && dual && !covered(tokens[k]!.start, r.end(dm.last))) {
          const bare = ctx.pack.morphology.stripConjunction(tokens[k]!.text) ?? tokens[k]!.text;
          const span = { start: tokens[k]!.end - bare.length, end: r.end(dm.last) };
          hits.splice(i + 1, 0, {
            outcome: h.outcome, value: 2, high: null, qualifier: 'exact', numberSpan: span, mainSpan: span, group: dual.group, groupSpan: span,
            rule: 'casualties:coordinated-figure', subset: h.subset, others: false, lastToken: dm.last,
          });
          break;
        }
        if (casAt(ctx, k) || byStart.has(tokens[k]!.start)) break;
        // a conjoined word ends the reach of "و" + figure, not that of "مقابل"
        if (r.conjoined(k)) conjunctions = false;
        continue;
      }
      if (hits.some((x) => x !== h && x.mainSpan.start <= f.span.start && x.mainSpan.end >= f.span.end)) break;
      const cm = r.in(f.last + 1) ? casAt(ctx, f.last + 1) : null;
      const counted = find(cm?.values, 'counted_noun');
      const people = counted ? null : r.people(f.last + 1);
      if (!counted && !people) break;
      const nounLast = counted && cm ? cm.last : people!.last;
      const tail = r.qualifierAfter(nounLast + 1, f.qualifier);
      const lastToken = tail?.last ?? nounLast;
      hits.splice(i + 1, 0, {
        outcome: counted?.outcome ?? h.outcome, value: f.value, high: f.high, qualifier: tail?.qualifier ?? f.qualifier, numberSpan: f.span,
        mainSpan: { start: f.span.start, end: r.end(lastToken) }, group: people?.group ?? 'all', groupSpan: people?.span ?? null,
        rule: 'casualties:coordinated-figure', subset: h.subset && !counted, others: othersAfter(lastToken, counted?.outcome ?? h.outcome, f.span.start), lastToken,
      });
      break;
    }
  }
  // a figure behind its conjunction with its own counted noun, however far from the last one:
  // "خمسة قتلى نتيجة غارة جوية فجر الخميس، وأربعة قتلى نتيجة الاشتباكات"
  for (let k = r.first; r.in(k); k++) {
    // (most words with a conjunction start no figure: a counted noun within a few words comes first, a memoised lookup)
    if (!r.conjoined(k) || !countedNounWithin(ctx, r, k + 1, k + 6)) continue;
    const f = r.figureAt(k, byStart);
    if (!f || f.value === null || covered(f.span.start, f.span.end) || !r.in(f.last + 1) || r.conjoined(f.last + 1) || r.negatedBefore(k)) continue;
    const cm = casAt(ctx, f.last + 1);
    const counted = find(cm?.values, 'counted_noun');
    if (!cm || !counted || r.combinedAt(f.last + 1)) continue;
    const tail = r.qualifierAfter(cm.last + 1, f.qualifier);
    const lastToken = tail?.last ?? cm.last;
    hits.push({
      outcome: counted.outcome, value: f.value, high: f.high, qualifier: tail?.qualifier ?? f.qualifier, numberSpan: f.span,
      mainSpan: { start: f.span.start, end: r.end(lastToken) }, group: 'all', groupSpan: null,
      rule: 'casualties:coordinated-figure', subset: false, others: othersAfter(lastToken, counted.outcome, f.span.start), lastToken,
    });
    k = lastToken;
  }
  return hits;
}

function countedNounWithin(ctx: Context, r: SentenceReader, from: number, to: number): boolean {
  for (let j = from; j <= to && r.in(j); j++) if (find(casAt(ctx, j)?.values, 'counted_noun')) return true;
  return false;
}

/** Casualty words that belong to another figure or clause (not cues like "منذ بدء" or "حصيلة أولية"). */
function blocks(values: readonly CasualtyLex[] | undefined): boolean {
  return values !== undefined && values.some((v) => v.type === 'counted_noun' || v.type === 'victim' || v.type === 'subset');
}

/** The two halves of a split verb around a figure: the first right before it, the last within a few words after. */
function splitVerbAround(ctx: Context, r: SentenceReader, numFirst: number, afterNum: number): { outcome: Outcome; span: Span } | null {
  const before = casAt(ctx, numFirst - 1);
  const head = find(before?.values, 'split_first');
  if (!head || !before || before.last !== numFirst - 1) return null;
  for (let k = afterNum; k < afterNum + 6 && r.in(k); k++) {
    const tail = casAt(ctx, k);
    if (tail?.values.some((v) => v.type === 'split_last' && v.outcome === head.outcome)) return { outcome: head.outcome, span: { start: before.start, end: r.end(tail.last) } };
  }
  return null;
}

function actorKind(ctx: Context, key: string): string | undefined {
  const kinds = memo(ctx, 'casualties-actor-kinds', () => new Map(ctx.records.actors.map((a) => [a.key, a.kind as string])));
  return kinds.get(key);
}

function cueIn(ctx: Context, s: Sentence, type: 'partial' | 'higher' | 'subset' | 'cumulative' | 'earlier_toll'): Span | null {
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = type === 'earlier_toll' ? cueAt(ctx, k) : casAt(ctx, k);
    if (m && hasValueOfType(m.values, type)) {
      // "بحسب أرقام جزئية": the attribution belongs to the cue
      const prev = tokens[m.first - 1];
      const start = prev && ctx.pack.speech.matchAt(tokens, m.first - 1)?.values.some((v) => v.type === 'source') ? ctx.pack.speech.matchAt(tokens, m.first - 1)!.start : m.start;
      return { start, end: tokens[m.last]!.end };
    }
  }
  return null;
}

/** The start of the fighting when the article dates it ("المعارك … منذ 27 سبتمبر"). */
function sinceDateFor(ctx: Context, s: Sentence): { start: string; span: Span } | null {
  const here = datesWithin(ctx, s.start, s.end).find((d) => d.kind === 'since' && d.start);
  return here ? { start: here.start!, span: here.span } : null;
}

function conflictStart(ctx: Context): { start: string; span: Span } | null {
  // a since-date attached to a fight word anywhere in the article dates the war the tolls count
  for (const s of ctx.sentences) {
    const d = sinceDateFor(ctx, s);
    if (!d) continue;
    const { tokens } = ctx;
    for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
      const m = ctx.pack.events.matchAt(tokens, k);
      if (m?.values.some((v) => v.type === 'event' && v.event.category === 'fight')) return d;
    }
  }
  return null;
}

/** The day a figure belongs to: the day expression of its sentence nearest to it (its resolved date, else its words). */
function dayOf(ctx: Context, s: Sentence, span: Span): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const d of datesWithin(ctx, s.start, s.end)) {
    if (d.kind === 'since' || (d.precision !== null && d.precision !== 'day')) continue;
    const gap = d.span.end <= span.start ? span.start - d.span.end : d.span.start >= span.end ? d.span.start - span.end : 0;
    if (gap < distance) {
      distance = gap;
      best = d.start ?? d.text;
    }
  }
  return best;
}

/** What the merge of repeated figures needs to know about a record besides the record itself. */
interface Mention {
  key: string;
  headline: boolean;
  /** start:end of every evidence span the record holds */
  spans: Set<string>;
  /** sentences (index → paragraph) of the body mentions merged so far */
  sentences: Map<number, number>;
  /** one victim a noun implies ("مقتل جندي" = 1), not a number */
  implied: boolean;
  /** the named person killed ("مقتل نيازي"), for implied figures */
  victim: string | null;
  day: string | null;
  others: boolean;
  earlier: boolean;
  /** the record has taken its values from a body mention (a headline's figure is a summary of one) */
  fromBody: boolean;
}

type CasualtyDraft = Context['records']['casualties'][number];

export function findCasualties(ctx: Context): void {
  const published = ctx.article.published;
  const war = conflictStart(ctx);
  const mentions: Mention[] = [];
  const kept: CasualtyDraft[] = [];
  const index = new FigureIndex();
  const renamed = new Map<string, string>();
  for (const [sIndex, s] of ctx.sentences.entries()) {
    if (s.zone !== 'body' && s.zone !== 'title' && s.zone !== 'subtitle') continue;
    const hits = sentenceHits(ctx, s, sIndex);
    if (hits.length === 0) continue;
    const partial = cueIn(ctx, s, 'partial');
    const higher = cueIn(ctx, s, 'higher');
    const cumulative = cueIn(ctx, s, 'cumulative');
    const earlier = cueIn(ctx, s, 'earlier_toll') !== null;
    const since = sinceDateFor(ctx, s);
    // a toll of "the fighting" counts from the start of the war the article dates
    const mentionsFighting = hasFightWord(ctx, s);
    const period = since ?? (mentionsFighting || cumulative ? war : null);
    let total: string | null = null;
    for (const h of hits) {
      const b = bounds(h.value, h.high, h.qualifier);
      const evidence: Evidence[] = [ctx.source.evidence(h.mainSpan)];
      if (partial) evidence.push(ctx.source.evidence(partial));
      if (higher) evidence.push(ctx.source.evidence(higher));
      if (period && period !== since) evidence.push(ctx.source.evidence(period.span));
      const isSubset = total !== null && h.subset;
      const key = ctx.nextKey('cas');
      const draft: CasualtyDraft = {
        key,
        outcome: h.outcome,
        number_text: ctx.source.evidence(h.numberSpan).text,
        qualifier: h.qualifier,
        ...b,
        group: h.group,
        group_text: h.groupSpan ? ctx.source.evidence(h.groupSpan).text : null,
        side: sideOf(ctx, s, h.groupSpan),
        subset_of: isSubset ? (renamed.get(total!) ?? total) : null,
        scope: period ? 'cumulative' : 'event',
        period_start: period?.start ?? null,
        as_of: published,
        claimant: claimantFor(ctx, s, sIndex, h.mainSpan),
        partial: partial !== null,
        may_be_higher: higher !== null || partial !== null,
        rule: h.rule,
        evidence,
      };
      const headline = s.zone !== 'body';
      const mention: Mention = {
        key, headline, spans: new Set(evidence.map((e) => `${e.start}:${e.end}`)), sentences: new Map(headline ? [] : [[sIndex, s.paragraph]]), implied: h.implied === true, victim: h.victim ?? null,
        day: dayOf(ctx, s, h.mainSpan), others: h.others, earlier, fromBody: !headline,
      };
      if (!isSubset) total = key;
      const into = repeatOf(draft, mention, kept, mentions, index);
      if (into === null) {
        index.note(kept.length, draft, mention);
        kept.push(draft);
        mentions.push(mention);
        continue;
      }
      merge(kept[into]!, mentions[into]!, draft, mention);
      index.note(into, kept[into]!, mention);
      renamed.set(key, kept[into]!.key);
    }
  }
  for (const c of kept) if (c.subset_of !== null) c.subset_of = renamed.get(c.subset_of) ?? c.subset_of;
  ctx.records.casualties.push(...kept);
}

const ORDER_OF_MAGNITUDE = 10;
/** below this a repeated count is only the same figure nearby, in the headline or for the same kind of victims */
const SMALL = 10;

/** Whether two figures can count the same victims: same outcome, compatible groups and sides, not set apart. */
function sameVictims(a: CasualtyDraft, am: Mention, b: CasualtyDraft, bm: Mention): boolean {
  if (a.outcome !== b.outcome || am.others || bm.others || am.earlier || bm.earlier) return false;
  // one soldier and one member of a group are two people: a figure a noun implies repeats only the same victims
  if ((am.implied || bm.implied) && !(am.victim !== null && am.victim === bm.victim) && (a.group !== b.group || a.group === 'all')) return false;
  if (a.group !== b.group && a.group !== 'all' && b.group !== 'all') return false;
  if (a.side !== null && b.side !== null && a.side !== b.side) return false;
  if (a.subset_of !== null && b.subset_of !== null && a.subset_of !== b.subset_of) return false;
  return am.day === null || bm.day === null || am.day.includes(bm.day) || bm.day.includes(am.day);
}

/**
 * The record a new figure repeats, or null. The same number is the same figure anywhere in the
 * article; a vague word is the same figure as an exact one of its order of magnitude ("عشرات" and 38)
 * or as the same vague word, only in its own or the next sentence of a paragraph or in the headline.
 */
function repeatOf(d: CasualtyDraft, m: Mention, kept: readonly CasualtyDraft[], mentions: readonly Mention[], index: FigureIndex): number | null {
  const value = d.best!;
  for (const i of index.candidates(d, m, kept.length)) {
    const k = kept[i]!;
    const km = mentions[i]!;
    if (!sameVictims(k, km, d, m)) continue;
    const kv = k.best!;
    // a restatement stands next to what it restates: the same or the next sentence of its paragraph, or the headline
    const near = m.headline || (km.headline && !km.fromBody) || [...m.sentences].some(([i, p]) => [i - 1, i, i + 1].some((j) => km.sentences.get(j) === p));
    const kVague = k.qualifier === 'vague';
    const dVague = d.qualifier === 'vague';
    // small counts recur by chance across an article's incidents: nearby, in the headline, or of the same kind of victims
    const sameKind = k.group === d.group && k.group !== 'all';
    if (!kVague && !dVague && kv === value && (k.high === d.high || k.qualifier !== 'range' || d.qualifier !== 'range') && (value >= SMALL || near || sameKind)) return i;
    if (kVague && dVague && kv === value && near) return i;
    if (kVague !== dVague && near) {
      const [vague, exact] = kVague ? [kv, value] : [value, kv];
      if (exact >= vague && exact < vague * ORDER_OF_MAGNITUDE) return i;
    }
  }
  return null;
}

/**
 * Where a figure's repeat can be, without comparing it with every record of a long article: the
 * records of the same outcome and value, those of the neighbouring sentences (a vague word restates
 * a figure nearby), and headline figures; a headline figure looks at all.
 */
class FigureIndex {
  private readonly byValue = new Map<string, number[]>();
  private readonly bySentence = new Map<number, number[]>();
  private readonly headlines: number[] = [];

  private static add<K>(map: Map<K, number[]>, key: K, i: number): void {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }

  /** Record i now holds a mention m of figure d. */
  note(i: number, d: CasualtyDraft, m: Mention): void {
    FigureIndex.add(this.byValue, `${d.outcome}|${d.best}`, i);
    for (const s of m.sentences.keys()) FigureIndex.add(this.bySentence, s, i);
    if (m.headline && this.headlines[this.headlines.length - 1] !== i) this.headlines.push(i);
  }

  /** Indices to try, latest first. */
  candidates(d: CasualtyDraft, m: Mention, count: number): number[] {
    if (m.headline) return Array.from({ length: count }, (_, j) => count - 1 - j);
    const found = new Set<number>(this.byValue.get(`${d.outcome}|${d.best}`) ?? []);
    for (const s of m.sentences.keys()) for (const j of [s - 1, s, s + 1]) for (const i of this.bySentence.get(j) ?? []) found.add(i);
    for (const i of this.headlines) found.add(i);
    return [...found].sort((a, b) => b - a);
  }
}

/** Fold a repeat into its record: every mention's evidence, the values of the most precise body mention. */
function merge(k: CasualtyDraft, km: Mention, d: CasualtyDraft, dm: Mention): void {
  // the body's figure over the headline's summary; an exact figure over a vague word for it
  // (never a vague word's over an exact figure: "all 224 aboard killed" in the title, "hundreds" below)
  const takeValues = (km.headline && !km.fromBody && !dm.headline && !(d.qualifier === 'vague' && k.qualifier !== 'vague')) || (k.qualifier === 'vague' && d.qualifier !== 'vague');
  const evidence = k.evidence;
  for (const e of d.evidence) {
    const key = `${e.start}:${e.end}`;
    if (km.spans.has(key)) continue;
    km.spans.add(key);
    evidence.push(e);
  }
  if (takeValues) {
    Object.assign(k, {
      number_text: d.number_text, qualifier: d.qualifier, low: d.low, best: d.best, high: d.high, display: d.display, rule: d.rule,
      group: d.group !== 'all' ? d.group : k.group, group_text: d.group !== 'all' ? d.group_text : k.group_text,
    });
    // the figure that gives the values leads the evidence
    const main = d.evidence[0]!;
    k.evidence = [main, ...evidence.filter((e) => !(e.start === main.start && e.end === main.end))];
    km.fromBody = km.fromBody || !dm.headline;
  } else {
    if (k.group === 'all' && d.group !== 'all') Object.assign(k, { group: d.group, group_text: d.group_text });
  }
  k.claimant ??= d.claimant;
  k.side ??= d.side;
  k.partial ||= d.partial;
  k.may_be_higher ||= d.may_be_higher;
  km.day ??= dm.day;
  for (const [i, p] of dm.sentences) km.sentences.set(i, p);
}

/** "the fighting" (a definite fight word) names the article's war; "هجوم" (an attack) does not. */
function hasFightWord(ctx: Context, s: Sentence): boolean {
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = ctx.pack.events.matchAt(tokens, k);
    if (!m?.values.some((v) => v.type === 'event' && v.event.category === 'fight')) continue;
    if (ctx.pack.morphology.isDefinite(tokens[k]!.text.slice(m.proclitic.length))) return true;
  }
  return false;
}

/** "22 عنصرا من قوات النظام": the side the victims belong to, named right after them with من. */
function sideOf(ctx: Context, s: Sentence, groupSpan: Span | null): string | null {
  if (!groupSpan) return null;
  const { tokens } = ctx;
  const k = tokenAt(tokens, groupSpan.end);
  const of = tokens[k];
  if (!of || of.end > s.end || !ctx.pack.grammar.has('of', of.word)) return null;
  const next = tokens[k + 1];
  return next ? (actorsStartingIn(ctx, next.start, next.end)[0]?.key ?? null) : null;
}

/** Whoever gives the figure: the speaker of a statement whose content holds it, or "بحسب X" in the sentence. */
function claimantFor(ctx: Context, s: Sentence, sIndex: number, span: Span): string | null {
  const o = ctx.source.toOriginal(span);
  for (const st of statementsBySentence(ctx)[sIndex] ?? []) {
    const content = st.evidence[1];
    if (st.speaker && content && content.start <= o.start && content.end >= o.end) return st.speaker;
  }
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = ctx.pack.speech.matchAt(tokens, k);
    if (!m?.values.some((v) => v.type === 'source')) continue;
    // "بحسب أرقام الأمم المتحدة", "وفق ما أفادت منظمة …": the first actor within a few words
    const limit = tokens[Math.min(m.last + 4, tokens.length - 1)]!.end;
    const actor = actorsStartingIn(ctx, tokens[m.last]!.end, limit + 1).find((a) => a.end <= s.end);
    if (actor) return actor.key;
  }
  return null;
}

