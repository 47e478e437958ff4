/**
 * Events: triggers from the events lexicon (PLOVER category, ACLED type), with status from the
 * clause (planned: من المقرر / سيزور; alleged: inside an accusation, claimed by its speaker;
 * conditional: إذا; ongoing: منذ / تتواصل), actors (بين X و Y, the accused, host and guest), place,
 * dates and civilian targeting. Definite mentions of "the fighting" are one ongoing event per war.
 * A definite mention ("الهجوم") joins an earlier event only when it can be that event (the same or
 * the next sentence, or a demonstrative; no other country, town, day or author), and the event
 * gains its places, days, sides and tolls. What a negation denies (“لا ينوي شن هجوم”، “لم يقصف”)
 * is no event, or a denied one inside someone's words.
 */
import type { Context, Draft, KeyedSpan, Sentence } from '../../core/context.ts';
import type { Span } from '../../core/source-text.ts';
import { tokenAt } from '../../core/tokens.ts';
import { hasValueOfType, valueOfType, type PhraseMatch } from '../../core/phrase-matcher.ts';
import { quotesIn } from '../statements/statements.ts';
import { actorByKey, actorsStartingIn, casualtiesBySentence, ceasefiresBySentence, datesWithin, placeByKey, placesStartingIn, statementsBySentence } from '../../core/by-sentence.ts';
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
  /** the article's wars ("المعارك", "الحرب"): one event per war however often it is named */
  wars: Draft<EventRecord>[];
  incidentBySentence: Map<Sentence, Draft<EventRecord>>;
  /** what a later mention is compared with: the last sentence that named each event, and the places it names */
  seen: Map<Draft<EventRecord>, Whereabouts>;
  /** the last event with victims named in each sentence (by sentence index) */
  withVictims: Map<number, Draft<EventRecord>>;
}

/** Where an event was told: the last sentence naming it, the countries and the towns or sites there. */
interface Whereabouts {
  sentence: number;
  countries: Set<string>;
  sites: Set<string>;
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
  const state: EventsState = { wars: [], incidentBySentence: new Map(), seen: new Map(), withVictims: new Map() };
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
  linkCasualties(ctx, state);
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
  // "لا ينوي شن هجوم" (no intention), "لم تقع اشتباكات" (did not happen): nothing to code; inside
  // someone's words a negated fact is what they deny
  const negation = negatedAt(ctx, s, m);

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
  // a denial ("نفى", "نفت"); refusing a demand ("رفض الطلب … قبل أن تبدأ الغارات") denies no event
  const denial = reported?.stance === 'denies' && isDenialVerb(ctx, reported) ? reported : undefined;
  // "اتهم X Y بقصف …" that no reporting clause holds: the accusation still makes it alleged
  const accuser = reported ? undefined : accuserBefore(ctx, view, m.first);
  // what a speaker wants, promises, asks for or makes a condition inside their words is not an
  // event that happened; violence they report, allege or deny is
  const violent = VIOLENT.has(e.acled_event_type ?? '');
  if (reported && !violent) return;
  // "قال … في مؤتمر صحفي إن": the setting of a statement, between its verb and its content; a
  // meeting with someone there ("أثناء لقاء في باكو مع وزير الخارجية") is an event of its own
  const setting = violent ? undefined : statements.find((st) => st.evidence[0] && st.evidence[1] && o.start >= st.evidence[0].end && o.end <= st.evidence[1].start);
  const met = setting && e.category === 'consult' ? metWith(ctx, view, m.last, source.toFolded(setting.evidence[1]!.start)) : undefined;
  if (setting && !met) return;
  // words in quotation marks of someone asserting ("«… السيطرة على مواقع جديدة»") are their
  // view, too loose to code; what they accuse or deny is kept, as alleged or denied
  if (reported && reported.stance !== 'accuses' && reported.stance !== 'denies' && quotesIn(ctx, s).some((q) => q.start <= span.start && q.end >= span.end)) return;
  // a killing word ("قتل 2783 جنديا … في الحرب") is the toll of the other event its sentence names
  if (violent && pack.casualties.matchAt(tokens, m.first) && sentenceHasOtherViolence(ctx, s, m.first)) return;
  const planned = markerNear(ctx, s, m.first - 4, m.first - 1, 'planned') ?? (pack.events.matchAt(tokens, m.first)?.values.some((v) => v.type === 'planned') ? span : null);
  const since = datesHere.find((d) => d.kind === 'since' && d.start);
  const ongoing = since ? since.span : markerNear(ctx, s, m.first - 3, m.last + 3, 'ongoing');
  const dates = datesHere.filter((d) => d.start && d.kind !== 'since');
  // the nearest date in the trigger's clause ("… غارات السبت، بعد احتجاجات على الحدود الجمعة":
  // the protests are Friday's), else the nearest in the sentence
  const apart = (d: { span: Span }) => (CLAUSE_BREAK.test(source.folded.slice(Math.min(d.span.end, span.end), Math.max(d.span.start, span.start))) ? 1 : 0);
  const date = dates.sort((a, b) => apart(a) - apart(b) || Math.abs(a.span.start - span.start) - Math.abs(b.span.start - span.start))[0];

  if (negation === 'intention' || (negation === 'fact' && !reported)) return;
  let status: EventRecord['status'] = 'occurred';
  if (denial || negation === 'fact') status = 'denied';
  else if (accusation || accuser) status = 'alleged';
  else if (planned) status = 'planned';
  else if (ongoing && violent) status = 'ongoing';

  // actors: "بين X و Y" after the trigger, else the accused / the subject and the object
  const sourced = sourceSpans(ctx, s);
  // "وفي ليبيا، قتل …": a state named as where something happened is a place there, not a side
  const inSentence = actorsHere.filter((x) => !sourced.some((sp) => x.start >= sp.start && x.end <= sp.end) && !isLocated(ctx, x));
  const after = inSentence.filter((x) => x.start >= span.end);
  let actor1: string | null = null;
  let actor2: string | null = null;
  const between = !!tokens[m.last + 1] && pack.grammar.has('between', tokens[m.last + 1]!.word);
  if (asVerb) {
    // "طلب باشينيان في رسالة إلى بوتين", "طلب باشينيان من بوتين": the speaker acts on the addressee
    actor1 = asVerb.speaker;
    actor2 = asVerb.addressee ?? (e.category === 'request' ? requestedFrom(ctx, view, m.last) : null);
  } else if (met && setting) {
    actor1 = setting.speaker;
    actor2 = met.key;
  } else if (between && after.length >= 2) {
    actor1 = after[0]!.key;
    actor2 = after.find((x) => x.key !== actor1)?.key ?? null;
  } else if (reported && isGenericFight(ctx, e, m)) {
    // "أكد باشينيان أن المعارك تقترب من حدود أرمينيا": whoever speaks of the war is not thereby a side
  } else if (accusation || accuser) {
    const claimant = accusation ? accusation.speaker : accuser!.key;
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
    // an event named by a definite noun, or by one before this word ("قالت الوزارة إن الهجوم
    // استهدف …"), is one the speaker tells of, not their own act
    const told = definite(ctx, m) || state.incidentBySentence.has(s);
    const own = told ? null : speaker?.kind === 'person' && speaker.affiliation && violent ? speaker.affiliation : reported.speaker;
    actor1 = named[named.length - 1]?.key ?? own;
    actor2 = after.find((x) => x.key !== actor1)?.key ?? null;
  } else if (e.category === 'fight' && after.length === 0) {
    // "تتواجه القوات الأذربيجانية والانفصاليون … في معارك": the two sides named before the clash
    const before = inSentence.filter((x) => x.end <= span.start);
    actor1 = before[0]?.key ?? null;
    actor2 = before.find((x) => x.key !== actor1)?.key ?? null;
  } else {
    const subj = after[0] ?? inSentence.filter((x) => x.end <= span.start).pop();
    actor1 = subj?.key ?? null;
    // a request's other party is whom it asks ("طلب أرمينيا من روسيا"), not any actor after it
    // ("وأجّج طلب أرمينيا المخاوف من … انخراط روسيا")
    actor2 = e.category === 'request' ? requestedFrom(ctx, view, m.last) : (after.find((x) => x.key !== actor1 && x.start > (subj?.end ?? -1))?.key ?? null);
  }
  // the people an attack hits (civilians, migrants, refugees) are its target, never its author
  if (violent && actor1 && actorKind(ctx, actor1) === 'population') [actor1, actor2] = [actor2 === actor1 ? null : actor2, actor1];
  // the victims' side is the other party ("22 عنصرا من قوات النظام")
  const sentenceCasualties = casualtiesBySentence(ctx)[sIndex] ?? [];
  if (violent && !actor2) actor2 = sentenceCasualties.find((c) => c.side && c.side !== actor1)?.side ?? null;
  const places = placesHere.filter((x) => !isActorOnly(ctx, x));
  // the first place named after the trigger (else before it), one with coordinates first: "مطار
  // معيتيقة في طرابلس" is located by Tripoli where the gazetteer does not know the airport
  const located = (x: KeyedSpan) => (placeByKey(ctx).get(x.key)?.lat ?? null) !== null;
  const placeAfter = places.filter((x) => x.start >= span.start);
  const place = (placeAfter.find(located) ?? placeAfter[0] ?? places.find(located) ?? places[0])?.key ?? null;
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
    claimed_by: status === 'alleged' || status === 'denied' ? ((accusation ?? denial ?? reported)?.speaker ?? accuser?.key ?? null) : null,
    civilian_targeting: civilian,
    // the victims of the sentence are a violent event's (or the people an arrest took); a meeting
    // or a call has none
    casualties: hasVictims(coding.type, coding.sub) ? sentenceCasualties.map((c) => c.key) : [],
    rule: `events:${coding.category}-${status}`,
    evidence,
  };
  const where = whereabouts(ctx, view);
  // "اللقاء" after "استقبل": a definite noun names an event already told, when it can be that event
  const earlier = definite(ctx, m) && !isGenericFight(ctx, e, m) ? antecedent(ctx, state, e.category, draft, where, anaphorAt(ctx, s, m)) : undefined;
  if (earlier) {
    merge(state, earlier, draft, where);
    // other violence words of this sentence are the same incident ("إن الهجوم استهدف صالة الركاب")
    if (e.acled_event_type !== null) state.incidentBySentence.set(s, earlier);
    return;
  }
  // "المعارك", or fighting under way since a date ("منذ 27 سبتمبر … في معارك عنيفة"): a war
  const isWar = isGenericFight(ctx, e, m) || (e.category === 'fight' && e.acled_sub_event_type === 'armed_clash' && since !== undefined && status === 'ongoing');
  // several violence words in one sentence ("قصف مدفعي استهدف أحياء … قتل 30") report one
  // incident: one event, coded by its most specific word, with every word as evidence; a war
  // named beside it ("تصعيد في القصف، تزامنا مع معارك عنيفة") is not that incident
  const sameIncident = e.acled_event_type !== null && !isWar ? state.incidentBySentence.get(s) : undefined;
  // (not when the words are dated to different days, "القذائف السبت … احتجاجات الجمعة", or one is a
  // protest and the other an attack)
  if (sameIncident && sameIncident.status === draft.status && datesMeet(sameIncident, draft) && isProtest(sameIncident) === isProtest(draft)) {
    if (specificity(e) > specificity(sameIncident)) {
      Object.assign(sameIncident, { category: e.category, acled_event_type: e.acled_event_type, acled_sub_event_type: e.acled_sub_event_type, trigger: draft.trigger, rule: draft.rule });
    }
    merge(state, sameIncident, draft, where);
    return;
  }
  if (e.acled_event_type !== null && !isWar) state.incidentBySentence.set(s, draft);
  if (isWar && status !== 'alleged' && status !== 'denied') {
    // "المعارك", "الحرب": the article's war — one event however often it is named, unless this
    // mention names other places, days or sides than every war told so far
    const war = state.wars.find((w) => compatible(ctx, w, state.seen.get(w)!, draft, where));
    if (war) {
      if (since || (!war.start && draft.start)) {
        // a start date ("منذ 27 سبتمبر") dates the war better than the day one report names, and
        // the place of that report ("منذ … في ناغورنو كاراباخ") is where the war is
        Object.assign(war, { start: draft.start, end: draft.end, precision: draft.precision, time_precision: draft.time_precision });
        if (since && draft.place) war.place = draft.place;
      }
      if (draft.status === 'ongoing') war.status = 'ongoing';
      war.rule = `events:fight-${war.status}`;
      merge(state, war, draft, where);
      return;
    }
    state.wars.push(draft);
  }
  state.seen.set(draft, where);
  noteVictims(state, draft, where.sentence);
  ctx.records.events.push(draft);
}

function noteVictims(state: EventsState, e: Draft<EventRecord>, sentence: number): void {
  if (hasVictims(e.acled_event_type, e.acled_sub_event_type) && e.status !== 'planned' && e.status !== 'denied') state.withVictims.set(sentence, e);
}

/**
 * The countries the sentence names (its places, metonyms too: "يريفان" is in Armenia; and the
 * countries of the states and forces it names: "الجيش الأذربيجاني") and its towns or sites.
 */
function whereabouts(ctx: Context, view: SentenceView): Whereabouts {
  const byKey = placeByKey(ctx);
  const countries = new Set<string>();
  const sites = new Set<string>();
  for (const x of view.placesHere) {
    const p = byKey.get(x.key);
    if (!p) continue;
    if (p.country) countries.add(p.country);
    if (p.geo_precision === 1 && !isActorOnly(ctx, x)) sites.add(p.key);
  }
  for (const x of view.actorsHere) {
    const a = actorByKey(ctx).get(x.key);
    if (a?.country && (a.kind === 'state' || a.kind === 'armed_forces' || a.kind === 'government')) countries.add(a.country);
  }
  return { sentence: view.sIndex, countries, sites };
}

const ANTECEDENT_WINDOW = 64;

/**
 * The earlier event a definite mention names again: the nearest of its category (the word's or as
 * coded: an attack on armed men is coded a clash) told in the same or
 * the previous sentence (any earlier one after "هذا", "نفسه"), planned ones aside, that it can be.
 */
function antecedent(ctx: Context, state: EventsState, category: EventRecord['category'], draft: Draft<EventRecord>, where: Whereabouts, anaphor: boolean): Draft<EventRecord> | undefined {
  const events = ctx.records.events;
  // the most recent events only: a long article stays linear
  for (let i = events.length - 1; i >= Math.max(0, events.length - ANTECEDENT_WINDOW); i--) {
    const x = events[i]!;
    const seen = state.seen.get(x);
    if (!seen || (x.category !== category && x.category !== draft.category) || x.status === 'planned') continue;
    if (!anaphor && where.sentence - seen.sentence > 1) continue;
    // what someone denied is not the event a later report tells; a denial that names a known
    // event ("نفت مسؤوليتها عن الهجوم") is about that event
    if (x.status === 'denied' && draft.status !== 'denied') continue;
    // a campaign under way since a date ("4800 طفل قتلوا في القصف منذ السابع من أكتوبر") is not
    // the dated strike of one night
    if (x.start && draft.start && (x.status === 'ongoing') !== (draft.status === 'ongoing')) continue;
    if (compatible(ctx, x, seen, draft, where)) return x;
  }
  return undefined;
}

/**
 * Whether two reports can be one event: no places in different countries, no two different towns or
 * sites, no days that do not overlap, and (when both name who acted) an author that is a side of both.
 */
function compatible(ctx: Context, x: Draft<EventRecord>, seen: Whereabouts, draft: Draft<EventRecord>, where: Whereabouts): boolean {
  if (!placesAgree(seen, where) || !datesMeet(x, draft)) return false;
  // both name who acted, and neither's author is a side of the other
  if (!x.actor1 || !draft.actor1) return true;
  const sides = (e: Draft<EventRecord>) => new Set([e.actor1, e.actor2].filter((a): a is string => a !== null).flatMap((a) => sideOf(ctx, a)));
  const a = sides(x);
  const b = sides(draft);
  return sideOf(ctx, x.actor1).some((k) => b.has(k)) || sideOf(ctx, draft.actor1).some((k) => a.has(k));
}

/** No days, or days that overlap. */
function datesMeet(x: Draft<EventRecord>, y: Draft<EventRecord>): boolean {
  return !x.start || !y.start || ((x.end ?? x.start) >= y.start && (y.end ?? y.start) >= x.start);
}

function isProtest(e: Draft<EventRecord>): boolean {
  return e.acled_event_type === 'protests';
}

/** An actor and the body it speaks or acts for (a minister → his state). */
function sideOf(ctx: Context, key: string): string[] {
  const affiliation = actorByKey(ctx).get(key)?.affiliation;
  return affiliation ? [key, affiliation] : [key];
}

function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const v of a) if (b.has(v)) return true;
  return false;
}

/** A later report joins an event: its evidence, and every place, side, day and toll it adds. */
function merge(state: EventsState, into: Draft<EventRecord>, draft: Draft<EventRecord>, where: Whereabouts): void {
  for (const ev of draft.evidence) if (!into.evidence.some((x) => x.start === ev.start && x.end === ev.end)) into.evidence.push(ev);
  // who is accused of an event or denies it is a claim, not a side of what happened
  const claim = (x: Draft<EventRecord>) => x.status === 'alleged' || x.status === 'denied';
  if (!claim(draft) || claim(into)) {
    if (!into.actor1 && draft.actor1 !== into.actor2) into.actor1 = draft.actor1;
    if (!into.actor2) {
      const other = [draft.actor2, draft.actor1].find((a) => a !== null && a !== into.actor1);
      if (other) into.actor2 = other;
    }
  }
  into.place ??= draft.place;
  for (const p of draft.places) if (!into.places.includes(p)) into.places.push(p);
  if (!into.start && draft.start) Object.assign(into, { start: draft.start, end: draft.end, precision: draft.precision, time_precision: draft.time_precision });
  for (const c of draft.casualties) if (!into.casualties.includes(c)) into.casualties.push(c);
  into.civilian_targeting ||= draft.civilian_targeting;
  noteVictims(state, into, where.sentence);
  const seen = state.seen.get(into);
  if (seen) {
    seen.sentence = Math.max(seen.sentence, where.sentence);
    for (const c of where.countries) seen.countries.add(c);
    for (const p of where.sites) seen.sites.add(p);
  } else state.seen.set(into, { sentence: where.sentence, countries: new Set(where.countries), sites: new Set(where.sites) });
}

/**
 * Casualty figures of one incident whose sentence names no violent event ("وأصيب 12 آخرون" after
 * the attack) belong to the violent event told in one of the two sentences before, unless their
 * sentence places them elsewhere; a part ("بينهم 5 أطفال") belongs where its total does. Tolls
 * since a date do not.
 */
function linkCasualties(ctx: Context, state: EventsState): void {
  const eventOf = new Map<string, Draft<EventRecord>>();
  for (const e of ctx.records.events) for (const c of e.casualties) if (!eventOf.has(c)) eventOf.set(c, e);
  for (const [sIndex, list] of casualtiesBySentence(ctx).entries()) {
    let where: Whereabouts | undefined;
    for (const c of list) {
      if (eventOf.has(c.key) || c.scope !== 'event') continue;
      let event = c.subset_of ? eventOf.get(c.subset_of) : undefined;
      // the displaced and the detained are counted over a conflict more often than in one incident:
      // only a figure of its own sentence links them
      for (let back = 0; !event && back <= (VICTIMS_OF_AN_INCIDENT.has(c.outcome) ? 2 : 0); back++) {
        const candidate = state.withVictims.get(sIndex - back);
        if (!candidate) continue;
        where ??= whereabouts(ctx, sentenceView(ctx, ctx.sentences[sIndex]!, sIndex));
        if (back === 0 || placesAgree(state.seen.get(candidate), where)) event = candidate;
      }
      if (!event) continue;
      event.casualties.push(c.key);
      eventOf.set(c.key, event);
    }
  }
}

const VICTIMS_OF_AN_INCIDENT = new Set(['killed', 'injured', 'missing', 'abducted']);

/** No countries, towns or sites in one that the other does not share. */
function placesAgree(a: Whereabouts | undefined, b: Whereabouts): boolean {
  if (!a) return true;
  if (a.countries.size > 0 && b.countries.size > 0 && !intersects(a.countries, b.countries)) return false;
  return a.sites.size === 0 || b.sites.size === 0 || intersects(a.sites, b.sites);
}

/**
 * A negation of the trigger in its clause: "intention" when a word of intent or plan is what is
 * negated ("لا ينوي شن هجوم") or the future is ("لن يهاجم"), "fact" when the event itself is ("لم يهاجم", "لم تقع اشتباكات",
 * "عدم استهداف"). A definite noun after a negated verb is an event already known ("لم تسفر الغارة
 * عن ضحايا": the strike happened), so only a negation right before it counts.
 */
function negatedAt(ctx: Context, s: Sentence, m: { first: number; proclitic: string }): 'intention' | 'fact' | null {
  const { tokens } = ctx;
  const from = Math.max(tokenAt(tokens, s.start), m.first - 4);
  for (let k = m.first - 1; k >= from; k--) {
    if (!tokens[k + 1]!.spaced) return null; // a comma or a quotation mark ends the clause
    const x = ctx.pack.events.matchAt(tokens, k);
    const future = hasValueOfType(x?.values, 'future_negation');
    if (!x || x.last >= m.first || !(future || hasValueOfType(x.values, 'negation'))) continue;
    if (k < m.first - 1 && definite(ctx, m)) return null;
    if (future) return 'intention';
    for (let j = x.last + 1; j < m.first; j++) if (hasValueOfType(ctx.pack.events.matchAt(tokens, j)?.values, 'planned')) return 'intention';
    return 'fact';
  }
  return null;
}

/** "هذا الهجوم", "الهجوم نفسه": a demonstrative or "itself" next to the trigger. */
function anaphorAt(ctx: Context, s: Sentence, m: { first: number; last: number }): boolean {
  const { tokens } = ctx;
  const before = m.first > 0 ? ctx.pack.events.matchAt(tokens, m.first - 1) : null;
  const after = tokens[m.last + 1] && tokens[m.last + 1]!.end <= s.end ? ctx.pack.events.matchAt(tokens, m.last + 1) : null;
  return (before !== null && before.last === m.first - 1 && hasValueOfType(before.values, 'anaphor')) || (after !== null && hasValueOfType(after.values, 'anaphor'));
}

/**
 * "واتهم القادة الانفصاليون أذربيجان بقصف …" when no reporting clause was found for it: an
 * accusation word before the trigger in its sentence, and the actor named right after it.
 */
function accuserBefore(ctx: Context, view: SentenceView, at: number): KeyedSpan | undefined {
  const { tokens } = ctx;
  for (let k = at - 1; k >= view.first; k--) {
    const x = ctx.pack.events.matchAt(tokens, k);
    if (!x || x.last >= at || !hasValueOfType(x.values, 'alleged')) continue;
    // the accuser is the subject: the first actor within the three words after the verb
    const end = tokens[x.last]!.end;
    const limit = tokens[Math.min(x.last + 3, at)]!.start;
    return view.actorsHere.find((a) => a.start >= end && a.start <= limit && a.end <= tokens[at]!.start);
  }
  return undefined;
}

/** "لقاء في باكو مع وزير الخارجية": the actor after "مع" before the statement's content. */
function metWith(ctx: Context, view: SentenceView, last: number, contentStart: number): KeyedSpan | undefined {
  const { tokens } = ctx;
  for (let k = last + 1; k < last + 5 && k < tokens.length && tokens[k]!.end <= contentStart; k++) {
    if (!ctx.pack.events.matchAt(tokens, k)?.values.some((v) => v.type === 'with')) continue;
    return view.actorsHere.find((a) => a.start >= tokens[k]!.end && a.start <= tokens[k]!.end + 1 && a.end <= contentStart);
  }
  return undefined;
}

/** "طلب باشينيان، السبت، من الرئيس الروسي": the one asked, after "من" within a few words. */
function requestedFrom(ctx: Context, view: SentenceView, last: number): string | null {
  const { tokens } = ctx;
  for (let k = last + 1; k < last + 10 && k < tokens.length && tokens[k]!.end <= view.s.end; k++) {
    if (!ctx.pack.events.matchAt(tokens, k)?.values.some((v) => v.type === 'asked_of')) continue;
    return view.actorsHere.find((a) => a.start >= tokens[k]!.end && a.start <= tokens[k]!.end + 1)?.key ?? null;
  }
  return null;
}

/** Whether a statement's verb is a word of denial (the events lexicon's denial markers). */
function isDenialVerb(ctx: Context, st: { evidence: Evidence[] }): boolean {
  const verb = st.evidence[0];
  if (!verb) return false;
  const m = ctx.pack.events.matchAt(ctx.tokens, tokenAt(ctx.tokens, ctx.source.toFolded(verb.start)));
  return hasValueOfType(m?.values, 'denial');
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

/** Events that have victims: political violence, and arrests (the people they took). */
function hasVictims(type: string | null, sub: string | null): boolean {
  return VIOLENT.has(type ?? '') || sub === 'arrests';
}

/** A comma, semicolon or full stop between two words: they are in different clauses. */
// folded text: the Arabic comma and semicolon are already , and ; (core/source-text.ts)
const CLAUSE_BREAK = /[,;.]/u;

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

/**
 * A name right after a locative word ("في", "وفي", "قرب") or with a locative proclitic ("بدمشق"):
 * where something is, not who acts.
 */
export function isLocated(ctx: Context, x: { start: number }): boolean {
  const { tokens, pack, source } = ctx;
  const k = tokenAt(tokens, x.start);
  const tok = tokens[k];
  if (!tok) return false;
  if (pack.morphology.locativeProclitic(source.folded.slice(tok.start, x.start))) return true;
  const prev = tokens[k - 1];
  if (!prev || !tok.spaced) return false;
  const bare = pack.morphology.stripConjunction(prev.text);
  return pack.grammar.has('locative', prev.word) || (bare !== null && pack.grammar.has('locative', bare));
}

/** A capital used only as a metonym for its state is not where the event happened. */
function isActorOnly(ctx: Context, x: KeyedSpan): boolean {
  return placeByKey(ctx).get(x.key)?.kind !== 'country' && actorsStartingIn(ctx, x.start, x.start + 1).some((a) => a.end === x.end && actorKind(ctx, a.key) === 'state');
}
