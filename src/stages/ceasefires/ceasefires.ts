/**
 * Ceasefires: a ceasefire, truce or humanitarian-pause mention, with the status the words around it
 * give (failed, violated, agreed …) and the attempts a number counts ("ثلاث محاولات لعقد هدنة").
 * The status words are searched in the same sentence, nearest first; "محاولة" alone means proposed.
 * Mentions of one arrangement (one place, one set of parties) are one record, however far apart:
 * its status is the furthest along the mentions give (called for, agreed, in force, broken,
 * refused, collapsed), its evidence every mention; talks on it taken up again ("العودة إلى
 * التفاوض") outlast a refusal, so it is called for again. A truce that opens the way to talks
 * ("وقف القتال تمهيدا للمفاوضات") is an arrangement apart from the one the talks are about.
 */
import type { Context, Draft, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt } from '../../core/tokens.ts';
import { actorByKey, actorsStartingIn, numbersBySentence, placeByKey, placesStartingIn, statementsBySentence } from '../../core/by-sentence.ts';
import type { CeasefireLex } from '../../packs/pack.ts';
import type { Ceasefire, Statement } from '../../schema/index.ts';
import { isLocated } from '../events/events.ts';

const BELLIGERENT = new Set(['state', 'armed_forces', 'armed_group']);
const STATUS_RANK: Ceasefire['status'][] = ['failed', 'rejected', 'violated', 'in_effect', 'agreed', 'proposed'];
/**
 * How many words before a ceasefire word a status word may stand: a verb that governs it stands
 * close ("أعلن الطرفان التوصل إلى اتفاق لوقف إطلاق النار"); "أعلن الجيش أن 4 جنود قتلوا … قبل
 * محادثات لوقف إطلاق النار" is too far. What follows may come later ("اتفاق وقف إطلاق النار الذي
 * تم التوصل إليه في فبراير لكنه يتعرض لانتهاكات").
 */
const STATUS_REACH = 8;
/** How many words after a ceasefire word a word said of it stands ("الهدنة لا تزال هشة"). */
const DESCRIPTION_REACH = 4;

/** What a later mention is compared with: the countries its mentions name, and whether it counts attempts. */
interface Arrangement {
  countries: Set<string>;
  attempts: boolean;
  /** the year written right before the ceasefire word ("a 1994 ceasefire"): a dated, earlier arrangement */
  year: string | null;
  /** a truce to open the way to talks ("… to complete a new round of talks"): apart from what the talks are about */
  interim: boolean;
  /** talks on it taken up again: a refusal is behind it */
  resumed: boolean;
  /** the statuses its mentions' words give */
  statuses: Ceasefire['status'][];
}

/** How many words after a ceasefire word a purpose word may stand, and a talks noun after that. */
const PURPOSE_REACH = 6;
const TALKS_REACH = 4;

export function findCeasefires(ctx: Context): void {
  const { tokens, pack, source } = ctx;
  const arrangements = new Map<Draft<Ceasefire>, Arrangement>();
  for (const [sIndex, s] of ctx.sentences.entries()) {
    if (s.zone !== 'body') continue;
    const first = tokenAt(tokens, s.start);
    const marks: Array<{ lex: CeasefireLex; span: Span; first: number; last: number; proclitic: string }> = [];
    for (let k = first; k < tokens.length && tokens[k]!.end <= s.end; k++) {
      const m = pack.ceasefires.matchAt(tokens, k);
      if (!m) continue;
      for (const v of m.values) marks.push({ lex: v, span: { start: m.start, end: tokens[m.last]!.end }, first: m.first, last: m.last, proclitic: m.proclitic });
      k = m.last;
    }
    const kinds = marks.filter((x) => x.lex.type === 'kind');
    let lastEnd = -1;
    for (const km of kinds) {
      if (km.first <= lastEnd || km.lex.type !== 'kind') continue;
      // "كل اتفاق هدنة": any truce, not one the article reports
      if (marks.some((x) => x.lex.type === 'generic' && x.last === km.first - 1)) continue;
      // inside someone's words ("طالب غوتيريش بهدنة إنسانية، بينما رفض نتنياهو …"), only that
      // clause speaks of this ceasefire: the verb's stance gives the status when no word does
      const clause = clauseOf(ctx, sIndex, km.span);
      const inClause = (x: { span: Span }) => !clause || (x.span.start >= clause.start && x.span.end <= clause.end);
      // the strongest status word in the clause (a failure outweighs the attempt it ends), nearest first
      const rank = (x: (typeof marks)[number]) => (x.lex.type === 'status' ? STATUS_RANK.indexOf(x.lex.status) : 99);
      // a status word speaks of the ceasefire mention nearest to it ("دعت إلى هدنة، بعد فشل محاولتين لوقف القتال")
      // (on a tie the one after it: "فشل محاولتين لوقف القتال" — the failure is of what follows)
      const distance = (k: (typeof marks)[number], x: (typeof marks)[number]) => Math.abs(k.first - x.first) * 2 + (k.first < x.first ? 1 : 0);
      const nearestKind = (x: (typeof marks)[number]) => kinds.reduce((best, k) => (distance(k, x) < distance(best, x) ? k : best), km);
      const near = marks
        .filter((x) => x.lex.type === 'status' && !(x.first <= km.last && x.last >= km.first) && km.first - x.first <= STATUS_REACH && inClause(x) && nearestKind(x) === km && (!x.lex.describes || saidOf(x, km, marks)) && !possibleOnly(x, marks))
        .sort((a, b) => rank(a) - rank(b) || Math.abs(a.first - km.first) - Math.abs(b.first - km.first));
      // talks taken up again come after the refusal they follow ("عادت إلى التفاوض بعد رفضها الاقتراح")
      const resumption = near.find((x) => x.lex.type === 'status' && x.lex.resumes === true);
      const resumed = resumption !== undefined;
      // a verb before the resumption governs the talks, not the ceasefire ("وافقت على استئناف المفاوضات بشأن الهدنة")
      const status = resumption ? near.find((x) => x.first >= resumption.first && !(x.lex.type === 'status' && x.lex.status === 'rejected')) : near[0];
      // "ثلاث محاولات لعقد هدنة", or the ceasefire word itself in the dual ("هدنتان")
      const attempt = marks.find((x) => x.lex.type === 'attempt' && ((x.last < km.first && km.first - x.last <= 4) || (x.lex.dual && x.first === km.first)));
      let attempts: number | null = null;
      let attemptSpan: Span | null = null;
      if (attempt && attempt.lex.type === 'attempt') {
        const n = (numbersBySentence(ctx)[sIndex] ?? []).find((x) => x.span.end <= attempt.span.start && attempt.span.start - x.span.end <= 2 && x.value !== null);
        if (n) {
          attempts = n.value;
          attemptSpan = { start: n.span.start, end: attempt.span.end };
        } else if (attempt.lex.dual) {
          // "محاولتين": the dual counts two
          attempts = 2;
          attemptSpan = attempt.span;
        }
      }
      const stance = clause && !(resumed && STANCE_STATUS[clause.stance] === 'rejected') ? STANCE_STATUS[clause.stance] : undefined;
      const st: Ceasefire['status'] = status && status.lex.type === 'status' ? status.lex.status : (stance ?? 'proposed');
      // a status from the verb of the clause: that verb is part of the evidence ("رفض نتنياهو أي وقف لإطلاق النار")
      const stanceVerb = !status && stance && clause ? clause.verb : undefined;
      // the resumption of talks is evidence too: it is why a refusal no longer stands
      const from = Math.min(km.span.start, status?.span.start ?? Infinity, attemptSpan?.start ?? Infinity, stanceVerb?.start ?? Infinity, resumption?.span.start ?? Infinity);
      const to = Math.max(km.span.end, status?.span.end ?? 0, attemptSpan?.end ?? 0, stanceVerb?.end ?? 0, resumption?.span.end ?? 0);
      const { parties, mediators } = sides(ctx, s);
      // one record per arrangement: a mention joins the last record it can be (see sameArrangement)
      const before = tokens[km.first - 1];
      const here: Arrangement = {
        countries: countriesIn(ctx, s),
        attempts: attempt !== undefined,
        year: before && before.end === km.span.start - 1 && /^(?:19|20)\d\d$/u.test(before.text) ? before.text : null,
        interim: opensTalks(marks, km, inClause),
        resumed,
        statuses: status || stance ? [st] : [],
      };
      const earlier = lastArrangement(ctx, arrangements, parties, here);
      if (earlier) {
        earlier.evidence.push(source.evidence({ start: from, end: to }));
        const a = arrangements.get(earlier)!;
        a.statuses.push(...here.statuses);
        a.resumed ||= resumed;
        earlier.status = settled(a);
        if (km.lex.kind === 'humanitarian_truce') earlier.kind = km.lex.kind;
        earlier.attempts ??= attempts;
        earlier.rule = `ceasefires:${earlier.attempts !== null ? 'counted-attempts' : 'mention'}-${earlier.status}`;
        for (const p of parties) if (!earlier.parties.includes(p)) earlier.parties.push(p);
        for (const p of mediators) if (!earlier.mediators.includes(p)) earlier.mediators.push(p);
        for (const c of here.countries) a.countries.add(c);
        lastEnd = km.last;
        continue;
      }
      const record: Draft<Ceasefire> = {
        key: ctx.nextKey('cf'),
        kind: km.lex.kind,
        status: st,
        attempts,
        parties,
        mediators,
        start: null,
        end: null,
        as_of: ctx.article.published,
        rule: `ceasefires:${attempts !== null ? 'counted-attempts' : 'mention'}-${st}`,
        evidence: [source.evidence({ start: from, end: to })],
      };
      ctx.records.ceasefires.push(record);
      arrangements.set(record, here);
      lastEnd = km.last;
    }
  }
}

/** The most recent record (of the last 64: a long article stays linear) a mention can speak of. */
function lastArrangement(ctx: Context, arrangements: Map<Draft<Ceasefire>, Arrangement>, parties: readonly string[], here: Arrangement): Draft<Ceasefire> | undefined {
  const records = ctx.records.ceasefires;
  for (let i = records.length - 1; i >= Math.max(0, records.length - 64); i--) {
    const c = records[i]!;
    if (sameArrangement(c, arrangements.get(c)!, parties, here)) return c;
  }
  return undefined;
}

/**
 * Whether a mention speaks of an arrangement already recorded (one place, one set of parties):
 * not when the two are located in different countries, or each names two or more parties
 * and none in common; counted or failed attempts ("ثلاث محاولات لعقد هدنة") are a record of their own, apart
 * from a truce agreed or called for.
 */
function sameArrangement(c: Draft<Ceasefire>, a: Arrangement, parties: readonly string[], here: Arrangement): boolean {
  if (a.attempts !== here.attempts || a.year !== here.year || a.interim !== here.interim) return false;
  if (a.countries.size > 0 && here.countries.size > 0 && ![...here.countries].some((x) => a.countries.has(x))) return false;
  // one mention often names one side only ("أعلنت حماس التوصل إلى اتفاق", "وافقت إسرائيل على"):
  // two sets of parties differ when each names both sides
  if (c.parties.length > 1 && parties.length > 1 && !parties.some((p) => c.parties.includes(p))) return false;
  return true;
}

/**
 * The countries of the places a sentence locates something in ("في غزة", "وفي السودان", "بدمشق"):
 * where the arrangement is. A state named as a party ("وافقت إسرائيل") is not a place of it.
 */
function countriesIn(ctx: Context, s: Sentence): Set<string> {
  const out = new Set<string>();
  const places = placeByKey(ctx);
  for (const x of placesStartingIn(ctx, s.start, s.end)) {
    const country = x.end <= s.end ? places.get(x.key)?.country : undefined;
    if (!country) continue;
    if (isLocated(ctx, x)) out.add(country);
  }
  return out;
}

/** "احتمال انهيار", "أي خرق": a failure or breach right after a word of possibility, fear or condition did not happen. */
function possibleOnly(x: { first: number; lex: CeasefireLex }, marks: ReadonlyArray<{ first: number; last: number; lex: CeasefireLex }>): boolean {
  if (x.lex.type !== 'status' || (x.lex.status !== 'failed' && x.lex.status !== 'violated')) return false;
  return marks.some((h) => h.lex.type === 'hypothetical' && h.last < x.first && x.first - h.last <= 2);
}

/**
 * An arrangement's status: the furthest along its mentions give (called for, agreed, in force,
 * broken, refused, collapsed); a refusal no longer stands once talks on it were taken up again.
 */
function settled(a: Arrangement): Ceasefire['status'] {
  let best: Ceasefire['status'] = 'proposed';
  for (const st of a.statuses) if (!(a.resumed && st === 'rejected') && STATUS_RANK.indexOf(st) < STATUS_RANK.indexOf(best)) best = st;
  return best;
}

/**
 * A word said of the ceasefire stands right after its word (a predicate, an adjective that
 * follows its noun: "الهدنة هشة") or right before it (an adjective that precedes its noun); after
 * "still" or "remained" it is the truce's predicate and may stand as far as a status word
 * ("الهدنة التي أعلنت قبل أسبوع لا تزال صامدة").
 */
function saidOf(x: { first: number; last: number }, km: { first: number; last: number }, marks: ReadonlyArray<{ lex: CeasefireLex; last: number }>): boolean {
  if (x.last === km.first - 1) return true;
  if (x.first <= km.last) return false;
  const reach = marks.some((c) => c.lex.type === 'copula' && c.last === x.first - 1) ? STATUS_REACH : DESCRIPTION_REACH;
  return x.first - km.last <= reach;
}

/** A purpose word after the ceasefire word and a talks noun after it ("وقف القتال تمهيدا للمفاوضات"). */
function opensTalks(marks: ReadonlyArray<{ lex: CeasefireLex; span: Span; first: number; last: number }>, km: { first: number; last: number }, inClause: (x: { span: Span }) => boolean): boolean {
  return marks.some(
    (p) =>
      p.lex.type === 'purpose' &&
      p.first > km.last &&
      p.first - km.last <= PURPOSE_REACH &&
      inClause(p) &&
      marks.some((t) => t.lex.type === 'talks' && t.first > p.last && t.first - p.last <= TALKS_REACH),
  );
}

/** What a reporting verb's stance says of a ceasefire in its clause ("رفض … وقف إطلاق النار"). */
const STANCE_STATUS: Partial<Record<Statement['stance'], Ceasefire['status']>> = { demands: 'proposed', denies: 'rejected' };

/** The reporting clause (verb to end of content, folded offsets) holding a span, innermost first. */
function clauseOf(ctx: Context, sIndex: number, span: Span): { start: number; end: number; stance: Statement['stance']; verb: Span } | undefined {
  let best: { start: number; end: number; stance: Statement['stance']; verb: Span } | undefined;
  for (const st of statementsBySentence(ctx)[sIndex] ?? []) {
    const verb = st.evidence[0];
    const content = st.evidence[1];
    if (!verb || !content) continue;
    const start = ctx.source.toFolded(Math.min(verb.start, content.start));
    const end = ctx.source.toFolded(Math.max(verb.end, content.end));
    if (span.start >= start && span.end <= end && (!best || end - start < best.end - best.start)) {
      best = { start, end, stance: st.stance, verb: { start: ctx.source.toFolded(verb.start), end: ctx.source.toFolded(verb.end) } };
    }
  }
  return best;
}

/** Belligerents named in the sentence are the parties; those after برعاية/بوساطة are mediators. */
function sides(ctx: Context, s: Sentence): { parties: string[]; mediators: string[] } {
  const parties: string[] = [];
  const mediators: string[] = [];
  const { tokens } = ctx;
  for (const m of actorsStartingIn(ctx, s.start, s.end)) {
    // "وفي السودان، انهارت الهدنة": where the truce was, not a side of it
    if (m.end > s.end || isLocated(ctx, m)) continue;
    const actor = actorByKey(ctx).get(m.key)!;
    const k = tokenAt(tokens, m.start);
    const prev = tokens[k - 1];
    if (prev && ctx.pack.grammar.has('mediation', prev.word)) {
      if (!mediators.includes(actor.key)) mediators.push(actor.key);
    } else if (BELLIGERENT.has(actor.kind) && !parties.includes(actor.key)) parties.push(actor.key);
  }
  return { parties, mediators };
}
