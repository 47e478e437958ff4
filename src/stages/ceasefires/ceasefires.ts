/**
 * Ceasefires: a ceasefire, truce or humanitarian-pause mention, with the status the words around it
 * give (failed, violated, agreed …) and the attempts a number counts ("ثلاث محاولات لعقد هدنة").
 * The status words are searched in the same sentence, nearest first; "محاولة" alone means proposed.
 */
import type { Context, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt } from '../../core/tokens.ts';
import { actorByKey, actorsStartingIn, numbersBySentence, statementsBySentence } from '../../core/by-sentence.ts';
import type { CeasefireLex } from '../../packs/pack.ts';
import type { Ceasefire, Statement } from '../../schema/index.ts';

const BELLIGERENT = new Set(['state', 'armed_forces', 'armed_group']);
const STATUS_RANK: Ceasefire['status'][] = ['failed', 'rejected', 'violated', 'in_effect', 'agreed', 'proposed'];

export function findCeasefires(ctx: Context): void {
  const { tokens, pack, source } = ctx;
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
      const statuses = marks
        .filter((x) => x.lex.type === 'status' && !(x.first <= km.last && x.last >= km.first) && inClause(x) && nearestKind(x) === km)
        .sort((a, b) => rank(a) - rank(b) || Math.abs(a.first - km.first) - Math.abs(b.first - km.first));
      const status = statuses[0];
      // "ثلاث محاولات لعقد هدنة", or the ceasefire word itself in the dual ("هدنتان")
      const attempt = marks.find((x) => x.lex.type === 'attempt' && ((x.last < km.first && km.first - x.last <= 3) || (x.lex.dual && x.first === km.first)));
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
      const stance = clause ? STANCE_STATUS[clause.stance] : undefined;
      const st: Ceasefire['status'] = status && status.lex.type === 'status' ? status.lex.status : (stance ?? 'proposed');
      const from = Math.min(km.span.start, status?.span.start ?? Infinity, attemptSpan?.start ?? Infinity);
      const to = Math.max(km.span.end, status?.span.end ?? 0, attemptSpan?.end ?? 0);
      const { parties, mediators } = sides(ctx, s);
      // "الهدنة", "وقف إطلاق النار" (definite) after a ceasefire is reported: the same one again. Its
      // evidence joins the earlier record, and a status word here updates it when it says more.
      const definite = pack.morphology.isDefinite((tokens[km.first]?.text ?? '').slice(km.proclitic.length));
      const earlier = definite && attempts === null ? ctx.records.ceasefires[ctx.records.ceasefires.length - 1] : undefined;
      if (earlier) {
        earlier.evidence.push(source.evidence({ start: from, end: to }));
        if (status && status.lex.type === 'status' && STATUS_RANK.indexOf(status.lex.status) < STATUS_RANK.indexOf(earlier.status)) {
          earlier.status = status.lex.status;
          earlier.rule = `ceasefires:${earlier.attempts !== null ? 'counted-attempts' : 'mention'}-${earlier.status}`;
        }
        for (const p of parties) if (!earlier.parties.includes(p)) earlier.parties.push(p);
        for (const p of mediators) if (!earlier.mediators.includes(p)) earlier.mediators.push(p);
        lastEnd = km.last;
        continue;
      }
      ctx.records.ceasefires.push({
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
      });
      lastEnd = km.last;
    }
  }
}

/** What a reporting verb's stance says of a ceasefire in its clause ("رفض … وقف إطلاق النار"). */
const STANCE_STATUS: Partial<Record<Statement['stance'], Ceasefire['status']>> = { demands: 'proposed', denies: 'rejected' };

/** The reporting clause (verb to end of content, folded offsets) holding a span, innermost first. */
function clauseOf(ctx: Context, sIndex: number, span: Span): { start: number; end: number; stance: Statement['stance'] } | undefined {
  let best: { start: number; end: number; stance: Statement['stance'] } | undefined;
  for (const st of statementsBySentence(ctx)[sIndex] ?? []) {
    const verb = st.evidence[0];
    const content = st.evidence[1];
    if (!verb || !content) continue;
    const start = ctx.source.toFolded(Math.min(verb.start, content.start));
    const end = ctx.source.toFolded(Math.max(verb.end, content.end));
    if (span.start >= start && span.end <= end && (!best || end - start < best.end - best.start)) best = { start, end, stance: st.stance };
  }
  return best;
}

/** Belligerents named in the sentence are the parties; those after برعاية/بوساطة are mediators. */
function sides(ctx: Context, s: Sentence): { parties: string[]; mediators: string[] } {
  const parties: string[] = [];
  const mediators: string[] = [];
  const { tokens } = ctx;
  for (const m of actorsStartingIn(ctx, s.start, s.end)) {
    if (m.end > s.end) continue;
    const actor = actorByKey(ctx).get(m.key)!;
    const k = tokenAt(tokens, m.start);
    const prev = tokens[k - 1];
    if (prev && ctx.pack.grammar.has('mediation', prev.word)) {
      if (!mediators.includes(actor.key)) mediators.push(actor.key);
    } else if (BELLIGERENT.has(actor.kind) && !parties.includes(actor.key)) parties.push(actor.key);
  }
  return { parties, mediators };
}
