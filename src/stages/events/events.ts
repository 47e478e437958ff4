/**
 * Events: triggers from the events lexicon (PLOVER category, ACLED type), with status from the
 * clause (planned: من المقرر / سيزور; alleged: inside an accusation, claimed by its speaker;
 * conditional: إذا; ongoing: منذ / تتواصل), actors (بين X و Y, the accused, host and guest), place,
 * dates and civilian targeting. Definite mentions of "the fighting" are one ongoing event.
 */
import type { Context, Draft, KeyedSpan, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt } from '../../core/tokens.ts';
import { hasValueOfType, valueOfType, type PhraseMatch } from '../../core/phrase-matcher.ts';
import { quotesIn } from '../statements/statements.ts';
import { actorByKey, actorsStartingIn, casualtiesBySentence, ceasefiresBySentence, datesWithin, memo, placesStartingIn, statementsBySentence } from '../../core/by-sentence.ts';
import type { EventEntry, EventLex } from '../../packs/pack.ts';
import type { EventRecord, Evidence } from '../../schema/index.ts';

const TIME_PRECISION = { day: 1, week: 2, month: 3, year: 3 } as const;

function markerNear(ctx: Context, s: Sentence, from: number, to: number, type: EventLex['type']): Span | null {
  const { tokens } = ctx;
  for (let k = Math.max(from, tokenAt(tokens, s.start)); k <= to && k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = ctx.pack.events.matchAt(tokens, k);
    if (m && hasValueOfType(m.values, type)) return { start: m.start, end: tokens[m.last]!.end };
  }
  return null;
}

function actorKind(ctx: Context, key: string) {
  return actorByKey(ctx).get(key)?.kind;
}

interface EventsState {
  /** the article's war ("المعارك", "الحرب"): one event however often it is named */
  war: Draft<EventRecord> | null;
  incidentBySentence: Map<Sentence, Draft<EventRecord>>;
}

/** What eventAt needs to know about the sentence, worked out once per sentence. */
interface SentenceView {
  s: Sentence;
  sIndex: number;
  first: number;
  statements: ReturnType<typeof statementsBySentence>[number];
  actorsHere: KeyedSpan[];
  placesHere: KeyedSpan[];
  datesHere: ReturnType<typeof datesWithin>;
}

export function findEvents(ctx: Context): void {
  const { tokens, pack } = ctx;
  const state: EventsState = { war: null, incidentBySentence: new Map() };
  for (const [sIndex, s] of ctx.sentences.entries()) {
    if (s.zone !== 'body') continue;
    let view: SentenceView | null = null;
    for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
      // the trigger test stays in this loop and the rest in eventAt: closures there would make
      // every token's iteration allocate their context, trigger or not
      const m = pack.events.matchAt(tokens, k);
      const lex = m ? valueOfType(m.values, 'event') : undefined;
      if (!m || !lex) continue;
      view ??= sentenceView(ctx, s, sIndex);
      eventAt(ctx, state, view, m, lex.event);
      k = m.last;
    }
  }
}

function sentenceView(ctx: Context, s: Sentence, sIndex: number): SentenceView {
  return {
    s,
    sIndex,
    first: tokenAt(ctx.tokens, s.start),
    statements: statementsBySentence(ctx)[sIndex] ?? [],
    actorsHere: actorsStartingIn(ctx, s.start, s.end).filter((x) => x.end <= s.end),
    placesHere: placesStartingIn(ctx, s.start, s.end).filter((x) => x.end <= s.end),
    datesHere: datesWithin(ctx, s.start, s.end),
  };
}

/** The event a trigger (match m of the events lexicon) reports, added to or merged into the records. */
function eventAt(ctx: Context, state: EventsState, view: SentenceView, m: PhraseMatch<EventLex>, e: EventEntry): void {
  const { tokens, pack, source } = ctx;
  const { s, sIndex, first, statements, actorsHere, placesHere, datesHere } = view;
  const span = { start: m.start, end: tokens[m.last]!.end };
  // a word inside an actor's or a place's name is not a trigger ("قوات الدعم السريع")
  if (actorsHere.some((a) => a.start < span.end && a.end > span.start) || placesHere.some((p) => p.start < span.end && p.end > span.start)) return;
  // conditional ("إذا امتدت المعارك") or possible ("المعارك قد تمتد"): not something that happened
  for (let k = Math.max(first, m.first - 3); k < m.first; k++) if (pack.grammar.has('conditional', tokens[k]!.word)) return;
  const next = tokens[m.last + 1];
  const afterNext = tokens[m.last + 2];
  if (next && afterNext && next.end <= s.end && pack.grammar.has('modals', next.word) && pack.morphology.looksLikePresentVerb(afterNext.text)) return;

  // the ceasefire stage owns truce words
  const o = source.toOriginal(span);
  const ceasefiresHere = ceasefiresBySentence(ctx)[sIndex] ?? [];
  if (ceasefiresHere.some((c) => c.evidence.some((ev) => o.start < ev.end && o.end > ev.start))) return;
  // "جرى الاتفاق حولهما": an agreement in a sentence about a ceasefire is that ceasefire
  if (e.category === 'agree' && ceasefiresHere.length > 0) return;
  const asVerb = statements.find((st) => st.evidence[0] && st.evidence[0].start === o.start);
  // an accusation (verb or noun: "اتهامات", "نددت") is a statement; the event is what it alleges.
  // A denial as a verb is a statement too.
  if (e.category === 'accuse' || (asVerb && e.category === 'reject')) return;
  // the innermost reported clause holding the trigger (an attribution, "…، بحسب X", sources the
  // article's own report: its events stand as reported)
  const reported = statements
    .filter((st) => st.rule !== 'statements:according-to' && st.evidence[1] && within(ctx, span, st.evidence[1]))
    .sort((a, b) => a.evidence[1]!.end - a.evidence[1]!.start - (b.evidence[1]!.end - b.evidence[1]!.start))[0];
  const accusation = reported?.stance === 'accuses' ? reported : undefined;
  const denial = reported?.stance === 'denies' ? reported : undefined;
  // what a speaker wants, promises, asks for or makes a condition inside their words is not an
  // event that happened; violence they report, allege or deny is
  const violent = VIOLENT.has(e.acled_event_type ?? '');
  if (reported && !violent) return;
  // "قال … في مؤتمر صحفي إن": the setting of a statement, between its verb and its content
  if (!violent && statements.some((st) => st.evidence[0] && st.evidence[1] && o.start >= st.evidence[0].end && o.end <= st.evidence[1].start)) return;
  // words in quotation marks of someone asserting ("«… السيطرة على مواقع جديدة»") are their
  // view, too loose to code; what they accuse or deny is kept, as alleged or denied
  if (reported && reported.stance !== 'accuses' && reported.stance !== 'denies' && quotesIn(ctx, s).some((q) => q.start <= span.start && q.end >= span.end)) return;
  // a killing word ("قتل 2783 جنديا … في الحرب") is the toll of the other event its sentence names
  if (violent && pack.casualties.matchAt(tokens, m.first) && sentenceHasOtherViolence(ctx, s, m.first)) return;
  const planned = markerNear(ctx, s, m.first - 4, m.first - 1, 'planned') ?? (pack.events.matchAt(tokens, m.first)?.values.some((v) => v.type === 'planned') ? span : null);
  const since = datesHere.find((d) => d.kind === 'since' && d.start);
  const ongoing = since ? since.span : markerNear(ctx, s, m.first - 3, m.last + 3, 'ongoing');
  const dates = datesHere.filter((d) => d.start && d.kind !== 'since');
  const date = dates.sort((a, b) => Math.abs(a.span.start - span.start) - Math.abs(b.span.start - span.start))[0];

  let status: EventRecord['status'] = 'occurred';
  if (denial) status = 'denied';
  else if (accusation) status = 'alleged';
  else if (planned) status = 'planned';
  else if (ongoing && violent) status = 'ongoing';

  // actors: "بين X و Y" after the trigger, else the accused / the subject and the object
  const sourced = sourceSpans(ctx, s);
  const inSentence = actorsHere.filter((x) => !sourced.some((sp) => x.start >= sp.start && x.end <= sp.end));
  const after = inSentence.filter((x) => x.start >= span.end);
  let actor1: string | null = null;
  let actor2: string | null = null;
  const between = !!tokens[m.last + 1] && pack.grammar.has('between', tokens[m.last + 1]!.word);
  if (asVerb) {
    // "طلب باشينيان في رسالة إلى بوتين": the speaker acts on the addressee
    actor1 = asVerb.speaker;
    actor2 = asVerb.addressee;
  } else if (between && after.length >= 2) {
    actor1 = after[0]!.key;
    actor2 = after.find((x) => x.key !== actor1)?.key ?? null;
  } else if (accusation) {
    const claimant = accusation.speaker;
    const accused = inSentence.filter((x) => x.key !== claimant && x.end <= span.start);
    actor1 = accused[accused.length - 1]?.key ?? null;
    actor2 = after.find((x) => x.key !== claimant && x.key !== actor1)?.key ?? null;
  } else if (reported) {
    // "نفى الجيش استهداف المدنيين", "قال الجيش إنه استهدف مقاتلين": the speaker is the one acting
    // unless their words name someone else before the verb
    const content = reported.evidence[1]!;
    const named = inSentence.filter((x) => x.key !== reported.speaker && x.end <= span.start && source.toOriginal(x).start >= content.start);
    // a spokesperson speaks for a body: the army's strike is the army's, not its spokesman's
    const speaker = reported.speaker ? actorByKey(ctx).get(reported.speaker) : undefined;
    actor1 = named[named.length - 1]?.key ?? (speaker?.kind === 'person' && speaker.affiliation && violent ? speaker.affiliation : reported.speaker);
    actor2 = after.find((x) => x.key !== actor1)?.key ?? null;
  } else {
    const subj = after[0] ?? inSentence.filter((x) => x.end <= span.start).pop();
    actor1 = subj?.key ?? null;
    actor2 = after.find((x) => x.key !== actor1 && x.start > (subj?.end ?? -1))?.key ?? null;
  }
  // the people an attack hits (civilians, migrants, refugees) are its target, never its author
  if (violent && actor1 && actorKind(ctx, actor1) === 'population') [actor1, actor2] = [actor2 === actor1 ? null : actor2, actor1];
  // the victims' side is the other party ("22 عنصرا من قوات النظام")
  const sentenceCasualties = casualtiesBySentence(ctx)[sIndex] ?? [];
  if (violent && !actor2) actor2 = sentenceCasualties.find((c) => c.side && c.side !== actor1)?.side ?? null;
  const places = placesHere.filter((x) => !isActorOnly(ctx, x));
  const placeAfter = places.filter((x) => x.start >= span.start);
  const place = (placeAfter[0] ?? places[0])?.key ?? null;
  // civilians named as the target, or civilians, children or women among the victims it reports
  const civilian =
    violent &&
    (markerNear(ctx, s, m.last + 1, m.last + 8, 'civilian_target') !== null ||
      (casualtiesBySentence(ctx)[sIndex] ?? []).some((c) => c.group === 'civilians' || c.group === 'children' || c.group === 'women'));

  // ACLED codes an attack on armed men as a battle: "attack" is violence against civilians only
  let coding = { category: e.category, type: e.acled_event_type, sub: e.acled_sub_event_type };
  const armedVictims =
    sentenceCasualties.some((c) => c.group === 'security_forces' || c.group === 'combatants') ||
    (actor2 !== null && (actorKind(ctx, actor2) === 'armed_forces' || actorKind(ctx, actor2) === 'armed_group'));
  if (e.acled_event_type === 'violence_against_civilians' && !civilian && armedVictims) coding = { category: 'fight', type: 'battles', sub: 'armed_clash' };

  const evidence: Evidence[] = [source.evidence(span)];
  const addEv = (sp: Span | null) => sp && evidence.push(source.evidence(sp));
  if (status === 'planned') addEv(planned === span ? null : planned);
  if (status === 'ongoing') addEv(ongoing);
  if (date) addEv(date.span);

  const startDate = since?.start ?? date?.start ?? null;
  const precision = since ? since.precision : (date?.precision ?? null);
  const draft: Draft<EventRecord> = {
    key: ctx.nextKey('evt'),
    category: coding.category,
    trigger: source.evidence(span).text,
    acled_event_type: coding.type,
    acled_sub_event_type: coding.sub,
    actor1,
    actor2,
    place,
    places: [...new Set(places.map((x) => x.key))],
    start: startDate,
    end: since ? ctx.article.published : (date?.end ?? null),
    precision,
    time_precision: precision ? TIME_PRECISION[precision] : null,
    status,
    claimed_by: status === 'alleged' || status === 'denied' ? ((accusation ?? denial)!.speaker ?? null) : null,
    civilian_targeting: civilian,
    casualties: (casualtiesBySentence(ctx)[sIndex] ?? []).map((c) => c.key),
    rule: `events:${coding.category}-${status}`,
    evidence,
  };
  // "اللقاء" after "استقبل": a definite noun names the event already reported
  const earlier = definite(ctx, m) && !isGenericFight(ctx, e, m) ? ctx.records.events.find((x) => x.category === e.category && x.status !== 'planned') : undefined;
  if (earlier) {
    earlier.evidence.push(source.evidence(span));
    return;
  }
  // several violence words in one sentence ("قصف مدفعي استهدف أحياء … قتل 30") report one
  // incident: one event, coded by its most specific word, with every word as evidence
  const sameIncident = e.acled_event_type !== null ? state.incidentBySentence.get(s) : undefined;
  if (sameIncident && sameIncident.status === draft.status) {
    sameIncident.evidence.push(source.evidence(span));
    if (specificity(e) > specificity(sameIncident)) {
      Object.assign(sameIncident, { category: e.category, acled_event_type: e.acled_event_type, acled_sub_event_type: e.acled_sub_event_type, trigger: draft.trigger, rule: draft.rule });
    }
    sameIncident.civilian_targeting ||= draft.civilian_targeting;
    sameIncident.actor1 ??= draft.actor1;
    return;
  }
  if (e.acled_event_type !== null && !isGenericFight(ctx, e, m)) state.incidentBySentence.set(s, draft);
  if (isGenericFight(ctx, e, m) && status !== 'alleged' && status !== 'denied') {
    // "المعارك", "الحرب": the article's war — one event, however often it is named
    const war = state.war;
    if (war) {
      war.evidence.push(...evidence);
      war.actor1 ??= draft.actor1;
      war.actor2 ??= war.actor1 !== draft.actor2 ? draft.actor2 : null;
      if (since || (!war.start && draft.start)) {
        // a start date ("منذ 27 سبتمبر") dates the war better than the day one report names
        Object.assign(war, { start: draft.start, end: draft.end, precision: draft.precision, time_precision: draft.time_precision });
      }
      if (draft.status === 'ongoing') war.status = 'ongoing';
      war.rule = `events:fight-${war.status}`;
      for (const p of draft.places) if (!war.places.includes(p)) war.places.push(p);
      war.place ??= draft.place;
      for (const c of draft.casualties) if (!war.casualties.includes(c)) war.casualties.push(c);
      return;
    }
    state.war = draft;
  }
  ctx.records.events.push(draft);
}

/** Another violent trigger (or the war) in the sentence than the one at token `at`. */
function sentenceHasOtherViolence(ctx: Context, s: Sentence, at: number): boolean {
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    if (k === at) continue;
    const m = ctx.pack.events.matchAt(tokens, k);
    const e = m?.values.find((v): v is Extract<EventLex, { type: 'event' }> => v.type === 'event');
    if (e && VIOLENT.has(e.event.acled_event_type ?? '') && !ctx.pack.casualties.matchAt(tokens, k)) return true;
  }
  return false;
}

/** ACLED's political-violence types (strategic developments are not violence). */
const VIOLENT = new Set(['battles', 'explosions_remote_violence', 'violence_against_civilians', 'riots', 'protests']);

/** How specific an ACLED coding is: a named weapon beats an attack, an attack beats a killing. */
function specificity(e: { acled_event_type: string | null; acled_sub_event_type: string | null }): number {
  const order = ['explosions_remote_violence', 'battles', 'violence_against_civilians', 'riots', 'protests', 'strategic_developments'];
  const i = order.indexOf(e.acled_event_type ?? '');
  return (i < 0 ? 0 : order.length - i) * 10 + (e.acled_sub_event_type === 'attack' ? 0 : 1);
}

/** The trigger word is definite once its proclitics are set aside ("بالهجوم" → "الهجوم"). */
function definite(ctx: Context, m: { first: number; proclitic: string }): boolean {
  const w = ctx.tokens[m.first]?.text ?? '';
  return ctx.pack.morphology.isDefinite(w.slice(m.proclitic.length));
}

function isGenericFight(ctx: Context, e: EventEntry, m: { first: number; proclitic: string }): boolean {
  return e.category === 'fight' && e.acled_sub_event_type === 'armed_clash' && definite(ctx, m);
}

/** Spans of attributions ("بحسب الخارجية التركية"): their actors are sources, not participants. */
function sourceSpans(ctx: Context, s: Sentence): Span[] {
  const out: Span[] = [];
  const { tokens } = ctx;
  for (let k = tokenAt(tokens, s.start); k < tokens.length && tokens[k]!.end <= s.end; k++) {
    const m = ctx.pack.speech.matchAt(tokens, k);
    if (m?.values.some((v) => v.type === 'source')) {
      // "بحسب الخارجية التركية", "وفق ما أفادت منظمة …" (a verb may stand before the source)
      const verb = ctx.pack.speech.matchAt(tokens, m.last + 1);
      const after = verb?.values.some((v) => v.type === 'verb') ? tokens[verb.last]!.end : tokens[m.last]!.end;
      const actor = actorsStartingIn(ctx, after, after + 2)[0];
      out.push({ start: m.start, end: actor ? actor.end : after });
    }
  }
  return out;
}

function within(ctx: Context, span: Span, ev: Evidence): boolean {
  const o = ctx.source.toOriginal(span);
  return o.start >= ev.start && o.end <= ev.end;
}

/** A capital used only as a metonym for its state is not where the event happened. */
function isActorOnly(ctx: Context, x: KeyedSpan): boolean {
  const placeKind = memo(ctx, 'place-kind-by-key', () => new Map(ctx.records.places.map((p) => [p.key, p.kind])));
  return placeKind.get(x.key) !== 'country' && actorsStartingIn(ctx, x.start, x.start + 1).some((a) => a.end === x.end && actorKind(ctx, a.key) === 'state');
}
