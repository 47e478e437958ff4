/**
 * Casualties: one record per reported figure. Patterns, each a rule id:
 *   N + counted noun            "أكثر من 1250 قتيلاً"      casualties:[qualified-]number-before-<outcome>-noun
 *   event noun/verb + N + victim "مقتل 5 جنود", "قتل 5 مدنيين"  casualties:event-noun-before-number
 *   event noun + singular/dual  "مقتل جندي" = 1, "جنديين" = 2  casualties:singular-dual-victim
 *   toll + إلى/بلغ + N           "ارتفعت حصيلة القتلى إلى 40"  casualties:toll-reaches-number
 * Values follow the codebook's number rules (UCDP low/best/high with ACLED's conservative constants).
 */
import type { Context, NumberMention, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt } from '../../core/tokens.ts';
import { hasValueOfType, valueOfType } from '../../core/phrase-matcher.ts';
import { actorsStartingIn, datesWithin, numbersBySentence, statementsBySentence } from '../../core/by-sentence.ts';
import type { CasualtyLex } from '../../packs/pack.ts';
import { groupThousands } from '../../core/format.ts';
import type { Casualty, Evidence } from '../../schema/index.ts';

type Outcome = Casualty['outcome'];
type Group = Casualty['group'];

export function bounds(value: number, high: number | null, qualifier: Casualty['qualifier']): Pick<Casualty, 'low' | 'best' | 'high' | 'display'> {
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

/** The two halves of a split verb around a figure: the first right before it, the last within a few words after. */
function splitVerbAround(ctx: Context, s: Sentence, numFirst: number, afterNum: number): { outcome: Outcome; span: Span } | null {
  const { tokens } = ctx;
  const before = casAt(ctx, numFirst - 1);
  const head = before?.values.find((v): v is Extract<CasualtyLex, { type: 'split_first' }> => v.type === 'split_first');
  if (!head || !before || before.last !== numFirst - 1) return null;
  for (let k = afterNum; k < afterNum + 6 && k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const tail = casAt(ctx, k);
    if (tail?.values.some((v) => v.type === 'split_last' && v.outcome === head.outcome)) return { outcome: head.outcome, span: { start: before.start, end: tokens[tail.last]!.end } };
  }
  return null;
}

/** A qualifier after the counted words ("على الأقل") turns an exact figure into a bound. */
function qualifierAfter(ctx: Context, k: number, current: Casualty['qualifier']): { qualifier: Casualty['qualifier']; end: number } | null {
  if (current !== 'exact') return null;
  const m = ctx.pack.numbers.matchAt(ctx.tokens, k);
  const q = m?.values.find((v) => v.type === 'qualifier' && v.position === 'after');
  return m && q && q.type === 'qualifier' ? { qualifier: q.qualifier, end: ctx.tokens[m.last]!.end } : null;
}

function casAt(ctx: Context, i: number) {
  return ctx.pack.casualties.matchAt(ctx.tokens, i);
}

function find<T extends CasualtyLex['type']>(values: readonly CasualtyLex[] | undefined, type: T): Extract<CasualtyLex, { type: T }> | undefined {
  return valueOfType(values, type);
}

interface Hit {
  outcome: Outcome;
  value: number;
  high: number | null;
  qualifier: Casualty['qualifier'];
  numberSpan: Span;
  mainSpan: Span;
  group: Group;
  groupSpan: Span | null;
  rule: string;
}

function sentenceHits(ctx: Context, s: Sentence, sIndex: number): Hit[] {
  const { tokens } = ctx;
  const hits: Hit[] = [];
  const numbers = (numbersBySentence(ctx)[sIndex] ?? []).filter((n) => n.span.end <= s.end && n.value !== null);
  const used = new Set<NumberMention>();
  const first = tokenAt(tokens, s.start);
  const inSentence = (k: number) => k >= first && tokens[k] !== undefined && tokens[k]!.end <= s.end;

  for (const n of numbers) {
    const last = tokenAt(tokens, n.span.end) - 1;
    // N + counted noun (optionally a victim noun first: "5 جنود قتلى" is rare; "1250 قتيلا" common)
    const m = inSentence(last + 1) && tokens[last + 1]!.spaced ? casAt(ctx, last + 1) : null;
    const counted = find(m?.values, 'counted_noun');
    if (counted && m) {
      let end = tokens[m.last]!.end;
      let qualifier = n.qualifier;
      const after = ctx.pack.numbers.matchAt(tokens, m.last + 1);
      const q = after?.values.find((v) => v.type === 'qualifier' && v.position === 'after');
      if (q && q.type === 'qualifier' && after && qualifier === 'exact') {
        qualifier = q.qualifier;
        end = tokens[after.last]!.end;
      }
      hits.push({
        outcome: counted.outcome, value: n.value!, high: n.high, qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end },
        group: 'all', groupSpan: null, rule: `casualties:${qualifier === 'exact' ? '' : 'qualified-'}number-before-${counted.outcome}-noun`,
      });
      used.add(n);
      continue;
    }
    const victim = find(m?.values, 'victim');
    const firstTok = tokenAt(tokens, n.span.start);
    // "بينهم 5 أطفال": part of the figure before it, same outcome
    const sm = casAt(ctx, firstTok - 1);
    const previous = hits[hits.length - 1];
    if (previous && sm?.values.some((v) => v.type === 'subset') && sm.last === firstTok - 1) {
      hits.push({
        outcome: previous.outcome, value: n.value!, high: n.high, qualifier: n.qualifier, numberSpan: n.span,
        mainSpan: { start: sm.start, end: victim && m ? tokens[m.last]!.end : n.span.end },
        group: victim?.group ?? 'all', groupSpan: victim && m ? { start: m.start, end: tokens[m.last]!.end } : null, rule: 'casualties:subset-among-them',
      });
      used.add(n);
      continue;
    }
    // event noun or verb shortly before N, victim noun after: "مقتل 5 جنود", "أسفر عن إصابة 10 أشخاص"
    for (let k = firstTok - 1; k >= Math.max(first, firstTok - 3); k--) {
      const em = casAt(ctx, k);
      const ev = find(em?.values, 'event_noun') ?? find(em?.values, 'verb');
      if (ev && em && em.last < firstTok) {
        // the counted noun: a victim word ("جنود") or a nationality ("استشهد 45 فلسطينيا")
        const nextTok = tokenAt(tokens, n.span.end);
        const nationality = !victim && tokens[nextTok]?.spaced ? ctx.pack.entities.matchAt(tokens, nextTok, false) : null;
        const noun = victim && m ? { last: m.last, span: { start: m.start, end: tokens[m.last]!.end } } : nationality?.values.some((v) => v.type === 'demonym') ? { last: nationality.last, span: { start: nationality.start, end: tokens[nationality.last]!.end } } : null;
        let end = noun ? noun.span.end : n.span.end;
        // "قتل 30 مدنيا على الأقل"
        const tail = qualifierAfter(ctx, noun ? noun.last + 1 : nextTok, n.qualifier);
        if (tail) end = tail.end;
        hits.push({
          outcome: ev.outcome, value: n.value!, high: n.high, qualifier: tail?.qualifier ?? n.qualifier, numberSpan: n.span, mainSpan: { start: em.start, end },
          group: victim?.group ?? 'all', groupSpan: noun?.span ?? null, rule: 'casualties:event-noun-before-number',
        });
        used.add(n);
        break;
      }
    }
    if (used.has(n)) continue;
    // a verb split around its subject: "لقي 22 عنصرا من قوات النظام حتفهم"
    const split = splitVerbAround(ctx, s, firstTok, tokenAt(tokens, n.span.end));
    if (split) {
      hits.push({
        outcome: split.outcome, value: n.value!, high: n.high, qualifier: n.qualifier, numberSpan: n.span, mainSpan: split.span,
        group: victim?.group ?? 'all', groupSpan: victim && m ? { start: m.start, end: tokens[m.last]!.end } : null, rule: 'casualties:split-verb-around-number',
      });
      used.add(n);
      continue;
    }
    // victim noun then a verb: "5 مدنيين قتلوا", "ثلاثة أشخاص لقوا حتفهم"
    if (victim && m && inSentence(m.last + 1) && tokens[m.last + 1]!.spaced) {
      const vm = casAt(ctx, m.last + 1);
      const verb = find(vm?.values, 'verb');
      if (verb && vm) {
        hits.push({
          outcome: verb.outcome, value: n.value!, high: n.high, qualifier: n.qualifier, numberSpan: n.span, mainSpan: { start: n.span.start, end: tokens[vm.last]!.end },
          group: victim.group, groupSpan: { start: m.start, end: tokens[m.last]!.end }, rule: 'casualties:number-victim-verb',
        });
        used.add(n);
        continue;
      }
    }
    // a toll that reaches N: "ارتفعت حصيلة القتلى إلى 40", "بلغ عدد الجرحى 12"
    for (let k = firstTok - 1; k >= Math.max(first, firstTok - 4); k--) {
      const cm = casAt(ctx, k);
      const noun = find(cm?.values, 'counted_noun');
      if (noun && noun.form === 'plural' && cm) {
        hits.push({
          outcome: noun.outcome, value: n.value!, high: n.high, qualifier: n.qualifier, numberSpan: n.span, mainSpan: { start: cm.start, end: n.span.end },
          group: 'all', groupSpan: null, rule: 'casualties:toll-reaches-number',
        });
        used.add(n);
        break;
      }
    }
  }

  // event noun + a singular or dual victim noun with no number: "مقتل جندي", "إصابة طفلين"
  for (let k = first; inSentence(k); k++) {
    const em = casAt(ctx, k);
    const ev = find(em?.values, 'event_noun');
    if (!ev || !em || !inSentence(em.last + 1) || !tokens[em.last + 1]!.spaced) continue;
    const vm = casAt(ctx, em.last + 1);
    const victim = vm?.values.find((v): v is Extract<CasualtyLex, { type: 'victim' }> => v.type === 'victim' && v.form !== 'plural');
    if (!victim || !vm) continue;
    if (hits.some((h) => h.mainSpan.start <= tokens[vm.first]!.start && h.mainSpan.end >= tokens[vm.last]!.end)) continue;
    const value = victim.form === 'dual' ? 2 : 1;
    const span = { start: vm.start, end: tokens[vm.last]!.end };
    hits.push({
      outcome: ev.outcome, value, high: null, qualifier: 'exact', numberSpan: span, mainSpan: { start: em.start, end: span.end },
      group: victim.group, groupSpan: span, rule: 'casualties:singular-dual-victim',
    });
  }
  return hits.sort((a, b) => a.mainSpan.start - b.mainSpan.start);
}

function cueIn(ctx: Context, s: Sentence, type: 'partial' | 'higher' | 'subset' | 'cumulative'): Span | null {
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = casAt(ctx, k);
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
  const since = (x: Sentence) => datesWithin(ctx, x.start, x.end).find((d) => d.kind === 'since' && d.start);
  const here = since(s);
  if (here) return { start: here.start!, span: here.span };
  return null;
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

export function findCasualties(ctx: Context): void {
  const published = ctx.article.published;
  const war = conflictStart(ctx);
  for (const [sIndex, s] of ctx.sentences.entries()) {
    if (s.zone !== 'body') continue;
    const hits = sentenceHits(ctx, s, sIndex);
    if (hits.length === 0) continue;
    const partial = cueIn(ctx, s, 'partial');
    const higher = cueIn(ctx, s, 'higher');
    const cumulative = cueIn(ctx, s, 'cumulative');
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
      const isSubset = total !== null && h.rule === 'casualties:subset-among-them';
      const key = ctx.nextKey('cas');
      ctx.records.casualties.push({
        key,
        outcome: h.outcome,
        number_text: ctx.source.evidence(h.numberSpan).text,
        qualifier: h.qualifier,
        ...b,
        group: h.group,
        group_text: h.groupSpan ? ctx.source.evidence(h.groupSpan).text : null,
        side: sideOf(ctx, s, h.groupSpan),
        subset_of: isSubset ? total : null,
        scope: period ? 'cumulative' : 'event',
        period_start: period?.start ?? null,
        as_of: published,
        claimant: claimantFor(ctx, s, sIndex, h.mainSpan),
        partial: partial !== null,
        may_be_higher: higher !== null || partial !== null,
        rule: h.rule,
        evidence,
      });
      if (!isSubset) total = key;
    }
  }
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
