/**
 * Mentions: actors and places from the lexicons, composed by a few patterns that hold across the
 * press: TITLE [DEMONYM|COUNTRY] [NAME] for people and unnamed officials, INSTITUTION DEMONYM for
 * state bodies (القوات الأذربيجانية), LEADERS GROUP [في PLACE] for group leaders, CUE NAME for places
 * no gazetteer knows (مدينة X), and capitals standing for their state (باكو تؤكد).
 */
import type { ActorDraft, Context, KeyedSpan, PlaceDraft } from '../../core/context.ts';
import { PhraseMatcher, valueOfType, variantsOf, type PhraseMatch } from '../../core/phrase-matcher.ts';
import type { Span } from '../../core/source-text.ts';
import { foldKey } from '../../core/source-text.ts';
import { withText, type Token } from '../../core/tokens.ts';
import { sentenceIndexAt } from '../../core/by-sentence.ts';
import type { CountryEntry, EntityLex, NameRun, PlaceEntry, TitleEntry } from '../../packs/pack.ts';
import { countryPlace, lexPlace, PlaceFinder, quoteClosesAfter, quoteOpensAfter } from './places.ts';
import { findNameRuns, mergeOneWordPersons } from './name-runs.ts';

type Kind = ActorDraft['kind'];

export interface ActorSpec {
  identity: string;
  kind: Kind;
  name: string;
  name_native: string;
  title: string | null;
  title_en: string | null;
  country: string | null;
  sector: string | null;
  wikidata: string | null;
  rule: string;
  /** identity of the actor this one belongs to */
  affiliationIdentity?: string | null;
}


export class MentionIndex {
  readonly actorByIdentity = new Map<string, ActorDraft>();
  readonly placeByIdentity = new Map<string, PlaceDraft>();
  /** folded surname or full name → person identity, for later bare mentions */
  readonly personAliases = new Map<string, string>();
  /**
   * "المرصد" after "المرصد السوري لحقوق الإنسان", "الجيش" after "الجيش السوداني": the head word of
   * a body named in full stands for it later in the article — while only one body has that head.
   */
  readonly headAliases = new PhraseMatcher<string>({ memo: false });
  private readonly headOwner = new Map<string, string | null>();

  registerHead(ctx: Context, identity: string, native: string): void {
    const words = foldKey(native).split(' ');
    const head = words[0]!;
    if (words.length < 2 || !ctx.pack.morphology.isDefinite(head) || head.length < 5) return;
    const owner = this.headOwner.get(head);
    if (owner === undefined) {
      this.headOwner.set(head, identity);
      this.headAliases.add(head, identity);
    } else if (owner !== identity) {
      this.headOwner.set(head, null);
    }
  }

  headAt(tokens: readonly Token[], i: number): { identity: string; match: PhraseMatch<string> } | null {
    const m = this.headAliases.matchAt(tokens, i);
    const identity = m?.values[0];
    if (!m || !identity || this.headOwner.get(m.key) !== identity) return null;
    return { identity, match: m };
  }
}

export function addActor(ctx: Context, idx: MentionIndex, spec: ActorSpec, span: Span): ActorDraft {
  const ev = ctx.source.evidence(span);
  let a = idx.actorByIdentity.get(spec.identity);
  if (!a) {
    a = {
      key: ctx.nextKey('act'),
      kind: spec.kind,
      name: spec.name,
      name_native: spec.name_native,
      mentions: [],
      title: spec.title,
      title_en: spec.title_en,
      country: spec.country,
      sector: spec.sector,
      affiliation: spec.affiliationIdentity ?? null,
      wikidata: spec.wikidata,
      rule: spec.rule,
      evidence: [],
      spans: [],
    };
    idx.actorByIdentity.set(spec.identity, a);
    ctx.records.actors.push(a);
  } else {
    a.title ??= spec.title;
    a.title_en ??= spec.title_en;
    a.country ??= spec.country;
  }
  if (!a.spans.some((s) => s.start === span.start && s.end === span.end)) {
    a.mentions.push(ev);
    a.evidence.push(ev);
    a.spans.push(span);
  }
  return a;
}

export function stateSpec(c: CountryEntry, rule: string): ActorSpec {
  return { identity: `state:${c.iso3}`, kind: 'state', name: c.name, name_native: c.native, title: null, title_en: null, country: c.iso3, sector: 'gov', wikidata: null, rule };
}

export function spanOf(tokens: readonly Token[], m: { start?: number; first: number; last: number }): Span {
  return { start: m.start ?? tokens[m.first]!.start, end: tokens[m.last]!.end };
}

function first<T extends EntityLex['type']>(m: PhraseMatch<EntityLex> | null, type: T): Extract<EntityLex, { type: T }> | undefined {
  return valueOfType(m?.values, type);
}

/** "في غزة" right after token `last`: a gazetteer place introduced by في. */
function placeAfterIn(ctx: Context, last: number): { place: PlaceEntry; span: Span; last: number } | null {
  const { tokens, pack } = ctx;
  const inTok = tokens[last + 1];
  if (!inTok?.spaced || !pack.grammar.has('in', inTok.word) || !tokens[last + 2]?.spaced) return null;
  const pm = pack.entities.matchAt(tokens, last + 2, false);
  const p = first(pm, 'place');
  return p && pm ? { place: p.place, span: spanOf(tokens, pm), last: pm.last } : null;
}

/** A demonym or a country name right after token `last` (same phrase: spaces only). */
function countryAfter(ctx: Context, last: number): { country: CountryEntry; m: PhraseMatch<EntityLex> } | null {
  const next = ctx.tokens[last + 1];
  if (!next?.spaced) return null;
  const m = ctx.pack.entities.matchAt(ctx.tokens, last + 1, false);
  const d = first(m, 'demonym') ?? first(m, 'country');
  return d && m ? { country: d.country, m } : null;
}

/**
 * "Syrian foreign ministry", "Pakistan's army", "the US State Department": a demonym or country
 * (with a possessive) that ends right before token `bodyFirst`, for a pack whose owner may stand first.
 */
function countryBefore(ctx: Context, bodyFirst: number): { country: CountryEntry; m: PhraseMatch<EntityLex> } | null {
  const { tokens, source } = ctx;
  // (a body written with its article, "the army", has no owner before it: "In Syria the army")
  if (!tokens[bodyFirst]?.spaced || ctx.pack.grammar.has('determiners', tokens[bodyFirst]!.word)) return null;
  let end = bodyFirst - 1;
  // a possessive: "Syria 's army"
  if (tokens[end]?.text === 's' && end > 0 && /^['’]$/u.test(source.folded.slice(tokens[end - 1]!.end, tokens[end]!.start))) end--;
  for (let k = Math.max(0, end - 2); k <= end; k++) {
    const m = ctx.pack.entities.matchAt(tokens, k, false);
    const d = first(m, 'demonym') ?? first(m, 'country');
    if (m && d && m.last === end) return { country: d.country, m };
  }
  return null;
}

/** Every span of the records with its record's key, by start and then longest first (ties keep record order). */
function keyedSpans(records: ReadonlyArray<{ key: string; spans: readonly Span[] }>): KeyedSpan[] {
  const out: KeyedSpan[] = [];
  for (const r of records) for (const sp of r.spans) out.push({ start: sp.start, end: sp.end, key: r.key });
  return sortSpans(out);
}

/**
 * Spans by start and then longest first, stably, in place. Most articles have a few dozen: an
 * insertion sort there, which runs inline, where a sort calling a comparator costs several
 * microseconds an article; Array.prototype.sort (stable, n log n) past that.
 */
function sortSpans<S extends Span>(spans: S[]): S[] {
  if (spans.length > 64) return spans.sort((x, y) => x.start - y.start || y.end - x.end);
  for (let i = 1; i < spans.length; i++) {
    const item = spans[i]!;
    let j = i - 1;
    while (j >= 0 && (item.start < spans[j]!.start || (item.start === spans[j]!.start && item.end > spans[j]!.end))) {
      spans[j + 1] = spans[j]!;
      j--;
    }
    spans[j + 1] = item;
  }
  return spans;
}

export function isReportedZone(ctx: Context, t: Token): boolean {
  const z = ctx.tokenZones[t.index];
  return z === 'title' || z === 'subtitle' || z === 'body' || z === 'caption';
}


type StopReason = 'boundary' | 'word';

/** The pack's name runs of the article (pack.nameRuns), worked out once per article. */
export function nameRunsOf(ctx: Context): readonly NameRun[] {
  let runs = ctx.memo.get('name-runs') as NameRun[] | undefined;
  if (!runs) {
    const source = ctx.source;
    runs = ctx.pack.nameRuns(source.original, ctx.tokens, (f) => source.originalStart(f));
    ctx.memo.set('name-runs', runs);
  }
  return runs;
}

/** For each token, the last token of the pack's name run it is in (-1: none), worked out once per article. */
function nameRunEnds(ctx: Context): Int32Array {
  let ends = ctx.memo.get('name-run-ends') as Int32Array | undefined;
  if (!ends) {
    ends = new Int32Array(ctx.tokens.length).fill(-1);
    for (const r of nameRunsOf(ctx)) {
      for (let k = r.first; k <= r.last; k++) ends[k] = r.last;
    }
    ctx.memo.set('name-run-ends', ends);
  }
  return ends;
}

/** Whether a word that folds to a function word is written as a name here (the pack's homographName). */
function homograph(ctx: Context, t: Token): boolean {
  const o = ctx.source.toOriginal(t);
  return ctx.pack.homographName(ctx.source.original, o.start, o.end);
}

/** Whether tokens a and b are in one of the pack's name runs. */
export function sameNameRun(ctx: Context, a: number, b: number): boolean {
  const ends = nameRunEnds(ctx);
  return ends[a]! >= b && ends[a] === ends[b];
}

/**
 * A run of name words after a title: up to three words, none of them a function word, a known
 * entity, a reporting verb, an event word or a time word. A third word is kept only when the run
 * ends at a boundary (punctuation, a function word, a date, a verb), not at a plain word: in
 * "فلاديمير بوتين بدء مشاورات" the run would otherwise swallow the noun after the name.
 */
function nameRun(ctx: Context, from: number, of: 'person' | 'place' = 'person', afterComma = false): { first: number; last: number } | null {
  const { tokens, pack } = ctx;
  let last = -1;
  let stop: StopReason = 'boundary';
  // a particle ("عبد", "أبو") makes room for a fourth word: "عبد العزيز أبو مصعب"
  let room = 3;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k]!;
    // a word joined without a space belongs to the name only inside one of the pack's name runs ("Ki-moon")
    // (an initial too: "George W. Bush")
    if (!(t.spaced || (afterComma && k === from) || (k > from && sameNameRun(ctx, k - 1, k))) || !/^\p{L}+$/u.test(t.text) || (t.text.length < 2 && t.spaced && !(k > from && sameNameRun(ctx, k - 1, k + 1)))) break;
    // in a script with case, a name is written as one
    if (!pack.nameShaped(ctx.source.original, ctx.source.toOriginal(t).start, ctx.source.toOriginal(t).end) && !pack.grammar.has('name_particles', t.word)) break;
    // (a function word written as a name in this article is the name: the pack's homographName)
    if ((pack.stopwords.has(t.text) && !homograph(ctx, t)) || pack.grammar.has('title_modifiers', t.word) || pack.morphology.hasProcliticArticle(t.text)) break;
    // (behind its conjunction too: "وعضو مجلس الشورى" after an office is the next office)
    if (k === from && (pack.grammar.has('not_names', t.word) || pack.grammar.has('not_names', pack.morphology.stripConjunction(t.text) ?? ''))) break;
    // "مراسل وكالة «صفا»", "قائد لواء مقاتل": a unit, a channel or a company opens no personal name
    if (of === 'person' && k === from && pack.places.is('organisation_heads', t.word)) break;
    if (of === 'person') {
      // "مسؤولين كبار", "مسؤولة كردية كبيرة": a word of rank after the run shows the run describes
      // an unnamed official; it names nobody
      if (pack.grammar.has('unnamed_adjectives', t.word)) return null;
      // "قالوا": a plural verb ending is no name word, unless a complementizer or punctuation closes
      // the run right after it ("سيرناندو استريوا إن"): a verb after a singular name would not be plural
      if (pack.morphology.unlikelyNameWord(t.text) && !(k > from && runClosesAfter(ctx, k))) break;
      // a person's name starts with no article ("مدير المكتب الإعلامي": a complement)
      if (k === from && pack.morphology.isDefinite(t.text)) break;
      // "ومسؤولين", "لوكالة": a known word behind a proclitic is no name word
      const glued = pack.entities.matchAt(tokens, k);
      if (glued && glued.proclitic !== '' && !glued.values.some((v) => v.type === 'person')) break;
      // an office or a description after the name closes it: "طاهر خان نيازي أحد قضاة"
      if (k > from && (pack.grammar.has('apposition_heads', t.word) || pack.grammar.has('kinship', t.word))) break;
    }
    const tm = pack.time.matchAt(tokens, k, false);
    if (tm && tm.values.some((v) => v.type !== 'month')) break;
    if (pack.speech.matchAt(tokens, k, false)) break;
    if (pack.events.matchAt(tokens, k, false) || pack.casualties.matchAt(tokens, k, false)) {
      stop = 'word';
      break;
    }
    const em = pack.entities.matchAt(tokens, k, false);
    if (em && !em.values.some((v) => v.type === 'person')) {
      // an office after the name is a boundary: "ساروار حسيني المتحدث باسم …"
      stop = em.values.some((v) => v.type === 'title') ? 'boundary' : 'word';
      break;
    }
    if (k - from === room) {
      stop = 'word';
      break;
    }
    if (pack.grammar.has('name_particles', t.word) && k - from < 3) room = 4;
    last = k;
  }
  if (last < from) return null;
  // "Lady Reading Hospital", "Deputy State Department": the pack's name run names a site or a body, not a person
  const runEnd = nameRunEnds(ctx)[from]!;
  for (let k = from; k <= runEnd; k++) if (pack.grammar.has('facility_words', tokens[k]!.word) || pack.grammar.has('org_words', tokens[k]!.word)) return null;
  if (last - from >= 2 && stop === 'word' && !pack.grammar.has('name_particles', tokens[last]!.word) && !pack.grammar.has('name_particles', tokens[last - 1]!.word)) last--;
  return { first: from, last };
}

/** A person noun at token i, an optional demonym, then a closed name run: the person, or null. Returns the last name token. */
function describedPerson(ctx: Context, idx: MentionIndex, i: number): number | null {
  const { tokens, pack, source } = ctx;
  let k = i + 1;
  const dm = tokens[k]?.spaced ? pack.entities.matchAt(tokens, k, false) : null;
  if (dm && first(dm, 'demonym')) k = dm.last + 1;
  // "الشرطي «محمد عدن»": the name set apart by quotation marks
  let run: { first: number; last: number } | null = tokens[k]?.spaced ? null : quotedName(ctx, k - 1);
  if (!run) {
    if (!tokens[k]?.spaced) return null;
    run = nameRun(ctx, k);
    // "ابنها أمير": a first name that is also an office word, alone and closed
    if (!run && !pack.morphology.isDefinite(tokens[k]!.text) && first(pack.entities.matchAt(tokens, k, false), 'title') && /^\p{L}{3,}$/u.test(tokens[k]!.text)) run = { first: k, last: k };
    if (!run || !(runClosesAfter(ctx, run.last) || !!pack.speech.matchAt(tokens, run.last + 1))) return null;
  }
  // the mention runs from the noun, as an office's does from the office: the person is who that noun is
  namedPerson(ctx, idx, spanOf(tokens, run), 'actors:person-noun-then-name', { start: tokens[i]!.start, end: tokens[run.last]!.end }, dm ? (first(dm, 'demonym')?.country.iso3 ?? null) : null);
  return run.last;
}

/** A person known only by the name at `nameSpan`, mentioned over `mention` (the name, or a noun or office and the name). */
function namedPerson(ctx: Context, idx: MentionIndex, nameSpan: Span, rule: string, mention: Span = nameSpan, country: string | null = null): void {
  const name = ctx.source.evidence(nameSpan).text;
  const identity = `person:${foldKey(name)}`;
  addActor(ctx, idx, { identity, kind: 'person', name, name_native: name, title: null, title_en: null, country, sector: null, wikidata: null, rule }, mention);
  registerAliases(ctx, idx, identity, name);
}

/** Whether token k is followed by a complementizer or punctuation (or nothing). */
function runClosesAfter(ctx: Context, k: number): boolean {
  const next = ctx.tokens[k + 1];
  return !next || !next.spaced || ctx.pack.grammar.has('complementizers', next.word);
}

/** A name run followed by ", TITLE …" or ", أحد …": the person, titled by the apposition. Returns the last name token, or null. */
function appositionPerson(ctx: Context, idx: MentionIndex, i: number): number | null {
  const { tokens, pack, source } = ctx;
  const run = nameRun(ctx, i);
  if (!run || run.last === run.first) return null;
  const next = tokens[run.last + 1];
  if (!next) return null;
  const comma = commaBetween(ctx, run.last);
  if (!comma && !next.spaced) return null;
  const tm = pack.entities.matchAt(tokens, run.last + 1, false);
  const title = first(tm, 'title');
  // "وقال ساروار حسيني المتحدث باسم …", "وتقول ميسون النمرة والدة أحدهما": without a comma only an
  // office (not a plural one) or a kinship noun opens the description
  if (comma ? !title && !pack.grammar.has('apposition_heads', next.word) : !(title && !title.title.plural) && !pack.grammar.has('kinship', next.word)) return null;
  // the apposition runs to the next comma (at most eight words)
  let end = run.last + 1;
  while (end + 1 < tokens.length && end - run.last < 8 && tokens[end + 1]!.spaced) end++;
  const nameSpan = spanOf(tokens, run);
  const name = source.evidence(nameSpan).text;
  const appositionText = source.evidence({ start: next.start, end: tokens[end]!.end }).text;
  let country: string | null = null;
  for (let k = run.last + 1; k <= end && !country; k++) {
    const d = first(pack.entities.matchAt(tokens, k, false), 'demonym');
    if (d) country = d.country.iso3;
  }
  addActor(ctx, idx, {
    identity: `person:${foldKey(name)}`, kind: 'person', name, name_native: name, title: appositionText, title_en: title?.title.en ?? null,
    country, sector: title?.title.sector ?? null, wikidata: null, rule: 'actors:name-then-apposition',
  }, nameSpan);
  registerAliases(ctx, idx, `person:${foldKey(name)}`, name);
  return run.last;
}

/** Skip title modifiers ("السابق") so the name after them is found. */
function afterModifiers(ctx: Context, last: number): number {
  let k = last;
  while (ctx.tokens[k + 1]?.spaced && ctx.pack.grammar.has('title_modifiers', ctx.tokens[k + 1]!.word)) k++;
  return k;
}

/** The actor kind of an unnamed office holder, from the office's sector. */
function officeKind(sector: string | null): Kind {
  switch (sector) {
    case 'mil':
      return 'armed_forces';
    case 'reb':
      return 'armed_group';
    case 'igo':
    case 'ngo':
      return 'organization';
    case 'med':
    case 'jrn':
      return 'media';
    default:
      return 'government';
  }
}

/** Past a complement no lexicon knows: definite words right after the office (at most three). */
function skipComplement(ctx: Context, last: number): number {
  const { tokens, pack } = ctx;
  let k = last;
  // an office in the complement is part of it: "المتحدث باسم الحاكم الإقليمي عمر زواك"
  const complement = (j: number): boolean => {
    const m = pack.entities.matchAt(tokens, j, false);
    return !m || (m.last === j && m.values.every((v) => v.type === 'title'));
  };
  // ("رئيس الإدارة العسكرية للعاصمة": a definite noun behind the preposition ل is part of it too)
  const definite = (t: Token) => pack.morphology.isDefinite(t.text) || (pack.morphology.hasProcliticArticle(t.text) && pack.morphology.stripConjunction(t.text) === null && pack.morphology.dativeProclitic(t.text.slice(0, 1)));
  while (k - last < 3 && tokens[k + 1]?.spaced && definite(tokens[k + 1]!) && complement(k + 1)) k++;
  return k;
}

/** A name run ending at token `last` is closed: a comma, a quotation, the end, a complementizer or a reporting word follows. */
function runClosed(ctx: Context, last: number): boolean {
  const { tokens, pack } = ctx;
  const after = tokens[last + 1];
  if (!after || !after.spaced) return true;
  return pack.grammar.has('complementizers', after.word) || !!pack.speech.matchAt(tokens, last + 1) || !!pack.time.matchAt(tokens, last + 1, false);
}

/** Whether only a comma stands between tokens k and k + 1. */
function commaBetween(ctx: Context, k: number): boolean {
  const a = ctx.tokens[k];
  const b = ctx.tokens[k + 1];
  return !!a && !!b && !b.spaced && ctx.pack.morphology.isCommaGap(ctx.source.folded.slice(a.end, b.start));
}

/** ", NAME ," or ", NAME VERB": a name run set off by a comma after token `last`, closed by a comma or a reporting word. */
function commaName(ctx: Context, last: number): { first: number; last: number } | null {
  if (!commaBetween(ctx, last)) return null;
  const run = nameRun(ctx, last + 1, 'person', true);
  if (!run || run.last === run.first) return null;
  const after = ctx.tokens[run.last + 1];
  if (!after) return run;
  if (commaBetween(ctx, run.last) || !after.spaced) return run;
  const { pack, tokens } = ctx;
  return pack.speech.matchAt(tokens, run.last + 1) || pack.grammar.has('complementizers', after.word) ? run : null;
}

/** `العميد "نبيل عبد الله"`: a name run in quotation marks right after token `last`, the marks only setting it apart. */
function quotedName(ctx: Context, last: number): { first: number; last: number } | null {
  const { tokens, pack } = ctx;
  const close = quoteOpensAfter(ctx, last);
  if (close === undefined) return null;
  // the marks delimit the name: up to four words of letters, none a function word, a verb or the article's
  for (let k = last + 1; k <= last + 4 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if ((k > last + 1 && !t.spaced) || !/^\p{L}{2,}$/u.test(t.text) || pack.stopwords.has(t.text) || pack.speech.matchAt(tokens, k, false)) return null;
    if (pack.casualties.matchAt(tokens, k, false) || pack.events.matchAt(tokens, k, false) || pack.numbers.matchAt(tokens, k, false) || pack.time.matchAt(tokens, k, false)) return null;
    if (k === last + 1 && (pack.morphology.isDefinite(t.text) || pack.morphology.hasProcliticArticle(t.text))) return null;
    if (quoteClosesAfter(ctx, k, close)) return { first: last + 1, last: k };
  }
  return null;
}

function titleName(t: TitleEntry, country: CountryEntry | null): string {
  return country?.demonym_en ? `${country.demonym_en} ${t.en}` : country ? `${t.en} of ${country.name}` : t.en;
}

/** Whether an entity match reads as an office or a body (a title, an institution, a group, a leader): those need no capital. */
function namesAnOffice(values: readonly EntityLex[]): boolean {
  for (let k = 0; k < values.length; k++) {
    const type = values[k]!.type;
    if (type === 'title' || type === 'institution' || type === 'group' || type === 'leader') return true;
  }
  return false;
}

/** Whether the original text of a match is shaped as a proper name (pack.nameShaped). */
function nameShapedAt(ctx: Context, m: Span): boolean {
  const o = ctx.source.toOriginal(m);
  return ctx.pack.nameShaped(ctx.source.original, o.start, o.end);
}

export function findMentions(ctx: Context): void {
  const idx = new MentionIndex();
  const places = new PlaceFinder(ctx, idx);
  const { tokens, pack, source } = ctx;

  creditPersons(ctx, idx);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!isReportedZone(ctx, tok)) continue;
    // "مسؤولة كردية تدعى هيفي مصطفى", "الشاب المدعو جيمس شو": a name introduced as a name
    if (pack.grammar.has('naming_cues', tok.word) && tokens[i + 1]?.spaced) {
      const run = nameRun(ctx, i + 1);
      if (run && !pack.entities.matchAt(tokens, i + 1)) {
        const span = spanOf(tokens, run);
        const name = source.evidence(span).text;
        addActor(ctx, idx, {
          identity: `person:${foldKey(name)}`, kind: 'person', name, name_native: name, title: null, title_en: null,
          country: null, sector: null, wikidata: null, rule: 'actors:named-by-naming-word',
        }, span);
        registerAliases(ctx, idx, `person:${foldKey(name)}`, name);
        i = run.last;
        continue;
      }
    }
    // "الطفل الفلسطيني عبد الله عيسى (12 سنة)", "ابنها أمير \"…": a noun of a person, a demonym, then a
    // name closed by punctuation, a complementizer or a reporting verb
    if (pack.grammar.has('person_nouns', tok.word)) {
      const described = describedPerson(ctx, idx, i);
      if (described !== null) {
        i = described;
        continue;
      }
    }
    const found = pack.entities.matchAt(tokens, i);
    // a proper name in a script with case is capitalised ("Turkey", not "turkey"); offices and bodies need not be
    const m = found && (namesAnOffice(found.values) || nameShapedAt(ctx, found)) ? found : null;
    // "واعتبر حكمت حاجييف، أحد مساعدي الرئيس الأذري، أن": a name after a reporting verb, described
    // by an apposition between commas, is a person even when no lexicon knows the name
    if (!m && i > 0 && pack.speech.matchAt(tokens, i - 1)?.values.some((v) => v.type === 'verb')) {
      const person = appositionPerson(ctx, idx, i);
      if (person !== null) {
        i = person;
        continue;
      }
    }
    const head = m ? null : idx.headAt(tokens, i);
    if (head) {
      const a = idx.actorByIdentity.get(head.identity)!;
      addActor(ctx, idx, { ...specOf(a, head.identity), rule: a.rule }, spanOf(tokens, head.match));
      i = head.match.last;
      continue;
    }
    if (!m) {
      // a place named after its class noun ("قرية X", "بلدتي X وY"), or a GeoNames name in context
      const last = places.atToken(i);
      if (last !== null) i = last;
      continue;
    }
    places.noteCountries(m);
    const span = spanOf(tokens, m);
    const title = first(m, 'title');
    const person = first(m, 'person');
    const inst = first(m, 'institution');
    const group = first(m, 'group');
    const leader = first(m, 'leader');
    const actor = first(m, 'actor');
    // among homonyms, the place in a country the article names
    const place = places.choose(m);
    const country = first(m, 'country');

    if (place && actor && !person && !title && places.placeReading(m)) {
      // "بين البوكمال والميادين": the town, not the channel
      lexPlace(ctx, idx, place, span);
      places.placed(m.last);
      i = m.last;
      continue;
    }

    if (person) {
      addActor(ctx, idx, {
        identity: `person:${person.person.name}`, kind: 'person', name: person.person.name, name_native: person.person.native,
        title: person.person.title, title_en: person.person.title_en, country: person.person.country, sector: person.person.sector ?? 'gov',
        wikidata: person.person.wikidata, rule: 'actors:person-lexicon',
      }, span);
      registerAliases(ctx, idx, `person:${person.person.name}`, source.evidence(span).text);
      i = m.last;
      continue;
    }

    if (title) {
      let last = m.last;
      let ofCountry: CountryEntry | null = null;
      let body: ActorDraft | null = null;
      const ca = countryAfter(ctx, last);
      if (ca) {
        ofCountry = ca.country;
        last = ca.m.last;
      } else {
        // "المتحدث باسم الجيش الأذربيجاني", "الأمين العام للأمم المتحدة": the body the official serves
        // "الأمين العام للأمم المتحدة": the body may carry the preposition ل; "مدير المرصد": its head word
        const bm = pack.entities.matchAt(tokens, last + 1);
        const bodyHead = !bm && tokens[last + 1]?.spaced ? idx.headAt(tokens, last + 1) : null;
        // "مبعوث الأمم المتحدة للشرق الأوسط": the territory of an office held for one is a place,
        // not a body of that name (the newspaper)
        const territory = title.title.for_territory && bm && tokens[last + 1]!.spaced && pack.morphology.dativeProclitic(bm.proclitic) ? places.choose(bm) : undefined;
        if (territory && bm) {
          lexPlace(ctx, idx, territory, spanOf(tokens, bm));
          places.placed(bm.last);
          last = bm.last;
        } else if (bodyHead) {
          const a = idx.actorByIdentity.get(bodyHead.identity)!;
          body = addActor(ctx, idx, { ...specOf(a, bodyHead.identity), rule: a.rule }, spanOf(tokens, bodyHead.match));
          ofCountry = body.country ? (pack.countries.get(body.country) ?? null) : null;
          last = bodyHead.match.last;
        } else if (bm && tokens[last + 1]!.spaced) {
          const sub = bodyActor(ctx, idx, bm, { bare: true });
          if (sub) {
            body = sub.actor;
            ofCountry = sub.actor.country ? (pack.countries.get(sub.actor.country) ?? null) : null;
            last = sub.last;
          }
        }
      }
      last = afterModifiers(ctx, last);
      // a rank after the office: "المتحدث باسم الجيش اليمني العميد فهد ناصر"
      const rank = tokens[last + 1]?.spaced ? pack.entities.matchAt(tokens, last + 1, false) : null;
      const rankTitle = first(rank, 'title');
      if (rank && rankTitle && !rankTitle.title.requires_of && !rankTitle.title.counterpart && nameRun(ctx, rank.last + 1)) last = rank.last;
      const titleSpan = { start: m.start, end: tokens[last]!.end };
      const titleText = source.evidence(titleSpan).text;
      const knownAfter = tokens[last + 1]?.spaced ? pack.entities.matchAt(tokens, last + 1, false) : null;
      const known = first(knownAfter, 'person');
      if (known && knownAfter) {
        const p = known.person;
        addActor(ctx, idx, {
          identity: `person:${p.name}`, kind: 'person', name: p.name, name_native: p.native,
          title: title.title.counterpart ? p.title : titleText, title_en: title.title.counterpart ? p.title_en : title.title.en,
          country: p.country ?? ofCountry?.iso3 ?? null, sector: p.sector ?? title.title.sector, wikidata: p.wikidata, rule: 'actors:title-then-known-person',
          affiliationIdentity: body ? identityOf(idx, body) : null,
        }, { start: titleSpan.start, end: tokens[knownAfter.last]!.end });
        registerAliases(ctx, idx, `person:${p.name}`, source.evidence(spanOf(tokens, knownAfter)).text);
        i = knownAfter.last;
        continue;
      }
      // "المتحدث باسم الحركة محمد خرساني": an office's complement no lexicon knows (a definite
      // noun and its adjectives) belongs to the title, and the name follows it
      if (title.title.requires_of && !ofCountry && !body) {
        last = skipComplement(ctx, last);
        // "وزير الطاقة الأوكراني سيرغي بوبكو": the state after the complement
        const ca2 = countryAfter(ctx, last);
        if (ca2 && first(ca2.m, 'demonym')) {
          ofCountry = ca2.country;
          last = afterModifiers(ctx, ca2.m.last);
        }
      }
      // "الناطق باسم حركة حماس، عبداللطيف القانوع،": the name set off by commas after the office
      // ("رئيس الإدارة العسكرية للعاصمة، تيمور تكاتشينكو،": a complement after the body, then the name)
      let run = title.title.plural ? null : (nameRun(ctx, last + 1) ?? commaName(ctx, last) ?? (body ? commaName(ctx, skipComplement(ctx, last)) : null) ?? quotedName(ctx, last));
      // "المتحدث باسم شرطة قندز": one word right after the body qualifies the body (a place), it
      // is not a name; names after a body are written in full
      if (run && body && run.first === last + 1 && run.last === run.first) run = null;
      // "رئيس بلدية ناشفيل", "حاكم منطقة خان آباد": the words after the office of a place name the
      // place, and where the place ends and a name begins is not written; only a name set off by a
      // comma is taken ("محافظ حلب، حسين دياب،")
      // (a title with the article is not in construct: "الحاكم أولكسندر بروكودين" names the governor)
      if (run && title.title.of_place && !ofCountry && !body && run.first === last + 1 && !(m.first === last && pack.morphology.isDefinite(tokens[last]!.text) && runClosed(ctx, run.last))) run = null;
      if (!run && title.title.of_place) {
        let p = last + 1;
        if (tokens[p] && variantsOf(tokens[p]!).some((v) => pack.places.classOf(v.w))) p++;
        const pm = tokens[p]?.spaced ? pack.entities.matchAt(tokens, p, false) : null;
        const place = !tokens[p]?.spaced ? null : pm && first(pm, 'place') ? { first: p, last: pm.last } : nameRun(ctx, p, 'place');
        // "محافظ حلب، حسين دياب،"; after a place the lexicon knows, also a name closed by a complementizer,
        // a comma or a reporting word ("رئيس بلدية كييف فيتالي كليتشكو إن")
        const afterKnown = place && pm && first(pm, 'place') && tokens[place.last + 1]?.spaced ? nameRun(ctx, place.last + 1) : null;
        const named = place ? (commaName(ctx, place.last) ?? (afterKnown && afterKnown.last > afterKnown.first && runClosed(ctx, afterKnown.last) ? afterKnown : null)) : null;
        if (named) run = named;
        else if (place) {
          // "حاكم منطقة شبيلي السفلى، …": after a class noun the place is read as any class noun's
          // name is (the office holder stays unnamed: where a name would begin is not written)
          const placed = p > last + 1 ? places.atToken(last + 1) : null;
          i = Math.max(place.last, placed ?? -1);
          continue;
        }
      }
      if (run) {
        const nameSpan = spanOf(tokens, run);
        const name = source.evidence(nameSpan).text;
        // "القاضي نيازي" after "القاضي طاهر خان نيازي": the surname of a person already named is that person
        const aliasOf = idx.personAliases.get(foldKey(name));
        const named = aliasOf && aliasOf !== `person:${foldKey(name)}` ? idx.actorByIdentity.get(aliasOf) : undefined;
        if (aliasOf && named) {
          addActor(ctx, idx, { ...specOf(named, aliasOf), rule: named.rule }, { start: titleSpan.start, end: nameSpan.end });
          i = run.last;
          continue;
        }
        // "نظيره الروسي": a counterpart's office is not written; the press uses it loosely (a prime
        // minister's "counterpart" may be a president), so it stays unknown unless a lexicon knows it
        addActor(ctx, idx, {
          identity: `person:${foldKey(name)}`, kind: 'person', name, name_native: name,
          title: titleText, title_en: title.title.counterpart ? null : title.title.en,
          country: ofCountry?.iso3 ?? null, sector: title.title.sector, wikidata: null, rule: 'actors:title-then-name',
          affiliationIdentity: body ? identityOf(idx, body) : null,
        }, { start: titleSpan.start, end: nameSpan.end });
        registerAliases(ctx, idx, `person:${foldKey(name)}`, name);
        i = run.last;
        continue;
      }
      if (title.title.requires_of && !ofCountry && last > m.last) {
        // "أعلن المتحدث باسم الفصائل": an unnamed office of a body the text names is who speaks,
        // not a person (the codebook's person is someone named)
        const of = source.evidence({ start: tokens[m.last + 1]!.start, end: tokens[last]!.end }).text;
        const sector = title.title.sector ?? body?.sector ?? null;
        const officeSpan = { start: m.start, end: tokens[last]!.end };
        const officeText = source.evidence(officeSpan).text;
        addActor(ctx, idx, {
          identity: `official:${title.title.en}:${foldKey(of)}`, kind: officeKind(sector), name: officeText, name_native: officeText,
          title: officeText, title_en: title.title.en, country: null, sector, wikidata: null, rule: 'actors:unnamed-official-of-body',
          affiliationIdentity: body ? identityOf(idx, body) : null,
        }, officeSpan);
        i = last;
        continue;
      }
      if (ofCountry && !title.title.counterpart) {
        // an unnamed official ("وزير الدفاع الأذربيجاني") is the office, not a named person: the
        // codebook's person is someone named; the office acts for its government or force
        addActor(ctx, idx, {
          identity: `official:${title.title.en}:${ofCountry.iso3}`, kind: officeKind(title.title.sector), name: titleName(title.title, ofCountry), name_native: titleText,
          title: titleText, title_en: title.title.en, country: ofCountry.iso3, sector: title.title.sector, wikidata: null, rule: 'actors:unnamed-official',
        }, titleSpan);
        if (ca) countryOrDemonymMention(ctx, idx, ca.m);
        i = last;
        continue;
      }
      // an office the lexicon also lists as a group of sources ("a police captain", "the official"):
      // unnamed, it still speaks
      if (group && !ofCountry && !body) {
        addActor(ctx, idx, groupSpec(group.group, null, 'actors:group-noun'), titleSpan);
        i = last;
        continue;
      }
      i = last;
      continue;
    }

    if (leader && tokens[m.last + 1]?.spaced) {
      // "قادة الانفصاليين في كاراباخ"
      const gm = pack.entities.matchAt(tokens, m.last + 1, false);
      const g = first(gm, 'group');
      if (g && gm) {
        let last = gm.last;
        let where: PlaceDraft | null = null;
        if (tokens[last + 1] && pack.grammar.has('in', tokens[last + 1]!.word) && tokens[last + 1]!.spaced) {
          const pm = pack.entities.matchAt(tokens, last + 2, false);
          const p = first(pm, 'place');
          if (p && pm) {
            where = lexPlace(ctx, idx, p.place, spanOf(tokens, pm));
            last = pm.last;
          }
        }
        const groupActor = addActor(ctx, idx, groupSpec(g.group, null, 'actors:group-noun'), spanOf(tokens, gm));
        // the place says where the group is, not which state it represents: no country
        const groupName = `${where ? `${where.name} ` : ''}${g.group.en}`;
        addActor(ctx, idx, {
          identity: `leaders:${g.group.en}:${where?.name ?? ''}`, kind: g.group.kind, name: `${groupName}${groupName.endsWith('s') ? "'" : "'s"} leaders`,
          name_native: source.evidence({ start: m.start, end: tokens[last]!.end }).text, title: null, title_en: leader.en,
          country: null, sector: g.group.sector, wikidata: null, rule: 'actors:leaders-of-group',
          affiliationIdentity: identityOf(idx, groupActor),
        }, { start: m.start, end: tokens[last]!.end });
        i = last;
        continue;
      }
    }

    if (inst || group) {
      const sub = bodyActor(ctx, idx, m);
      if (sub) {
        i = sub.last;
        continue;
      }
    }

    if (actor) {
      const a = actor.actor;
      addActor(ctx, idx, {
        identity: `actor:${a.name}`, kind: a.kind, name: a.name, name_native: a.native, title: null, title_en: null,
        country: a.country, sector: a.sector, wikidata: a.wikidata, rule: 'actors:lexicon',
        affiliationIdentity: a.part_of ? `actor:${a.part_of}` : null,
      }, span);
      if (a.kind !== 'person' && a.kind !== 'state') idx.registerHead(ctx, `actor:${a.name}`, source.evidence(span).text);
      i = m.last;
      continue;
    }

    if (place) {
      if (!places.accept(m, place)) {
        i = m.last;
        continue;
      }
      lexPlace(ctx, idx, place, span);
      places.placed(m.last);
      const cap = place.capital_of ? pack.countries.get(place.capital_of) : undefined;
      if (cap && capitalActsAsState(ctx, m)) addActor(ctx, idx, stateSpec(cap, 'actors:capital-metonym'), span);
      i = m.last;
      continue;
    }

    if (country) {
      // "روسية وسورية": a country name that is also a demonym, after a demonym, is one
      const prev = tokens[m.first - 1];
      // (not after a country name: "روسيا وأوكرانيا" lists two countries whose names read as accusative demonyms too)
      const prevMatch = prev && tokens[m.first]!.spaced ? pack.entities.matchAt(tokens, m.first - 1, false) : null;
      const prevDemonym = !!first(prevMatch, 'demonym') && !first(prevMatch, 'country');
      if (!(first(m, 'demonym') && prevDemonym)) countryOrDemonymMention(ctx, idx, m);
      if (first(m, 'country')) places.placed(m.last);
      i = m.last;
      continue;
    }
  }

  // names no lexicon knows, where the pack finds runs of name words (none in Arabic)
  findNameRuns(ctx, idx);

  // bare surnames of people named earlier or later with a title: "علييف", "وأضاف باشينيان"
  if (idx.personAliases.size > 0) {
    // spans already claimed by a mention, sorted: an alias inside one ("علييف" in "إلهام علييف") is
    // not new. Gathered at the first alias found (many articles have none), before it adds a span.
    let claimed: Span[] | null = null;
    let cursor = 0;
    const aliases = new PhraseMatcher<string>({ memo: false });
    for (const [alias, id] of idx.personAliases) aliases.add(alias, id);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!isReportedZone(ctx, t)) continue;
      const m = aliases.matchAt(tokens, i);
      const id = m?.values[0];
      const a = id ? idx.actorByIdentity.get(id) : undefined;
      if (!m || !a) continue;
      claimed ??= sortSpans(ctx.records.actors.flatMap((x) => x.spans));
      // token starts only grow, so the cursor is where advancing it at every token would have left it
      while (cursor < claimed.length && claimed[cursor]!.end <= t.start) cursor++;
      const span = { start: m.start, end: tokens[m.last]!.end };
      let inside = false;
      for (let c = cursor; c < claimed.length && claimed[c]!.start <= span.start && !inside; c++) inside = span.start < claimed[c]!.end;
      if (!inside) addActor(ctx, idx, { ...specOf(a, id!), rule: a.rule }, span);
      i = m.last;
    }
  }
  speakerPhrases(ctx, idx);
  places.finish();
  mergeUnnamedOfficials(ctx, idx);
  mergeBareInstitutions(ctx, idx);
  // (in a script with case only: where names are not told by their capitals, as in Arabic, a name
  // found after a title may have taken in the verb after it, and the one-word name is the right one)
  if (pack.letterCase) mergeOneWordPersons(ctx, idx);

  // a person or body of a country belongs to that state, where the state is in the text
  for (const a of ctx.records.actors) {
    if (a.affiliation) {
      const body = idx.actorByIdentity.get(a.affiliation);
      a.affiliation = body?.key ?? null;
      // the spokesperson of a ministry placed in Gaza represents what that ministry represents
      a.country ??= body?.country ?? null;
    } else if (a.country && a.kind !== 'state') {
      a.affiliation = idx.actorByIdentity.get(`state:${a.country}`)?.key ?? null;
    }
  }
  ctx.actorMentions = keyedSpans(ctx.records.actors);
  ctx.placeMentions = keyedSpans(ctx.records.places);
}

/**
 * Once a full name is in the article, its surname alone names the same person there ("علييف" after
 * "إلهام علييف"; "جاووش أوغلو" after "مولود جاووش أوغلو", a two-word surname with a particle).
 */
/**
 * The subject of a reporting verb that no lexicon knows is still who speaks: "وقالت مصادر طبية إن",
 * "وأفاد مسعف في البلدة بأن", "وأصدرت جماعة X بيانا". A short noun phrase right after the verb (a
 * time word may stand between), closed by a complementizer, punctuation, a preposition or a time
 * word, becomes an actor: a population for vague sources, an office for an office, else a body.
 */
function speakerPhrases(ctx: Context, idx: MentionIndex): void {
  const { tokens, pack, source } = ctx;
  let claimed: Span[] | null = null;
  const isClaimed = (t: Token): boolean => {
    claimed ??= sortSpans(ctx.records.actors.flatMap((x) => x.spans));
    // binary search for the first span ending after the token's start
    let lo = 0;
    let hi = claimed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (claimed[mid]!.end <= t.start) lo = mid + 1;
      else hi = mid;
    }
    for (let c = lo; c < claimed.length && claimed[c]!.start < t.end; c++) if (claimed[c]!.end > t.start) return true;
    return false;
  };
  const ends = (k: number): boolean => {
    const t = tokens[k];
    if (!t) return true;
    if (!t.spaced) return true; // punctuation, a quotation mark or a colon
    // "خدمات الطوارئ وشهود عيان": a vague source joined by its conjunction is a second subject
    const bare = pack.morphology.opensClause(t.text) ? pack.morphology.stripConjunction(t.text) : null;
    if (bare && (pack.grammar.has('vague_sources', bare) || pack.stopwords.has(bare))) return true;
    return pack.grammar.has('complementizers', t.word) || pack.stopwords.has(t.text) || !!pack.time.matchAt(tokens, k, false) || pack.morphology.hasProcliticArticle(t.text);
  };
  let prevVerbEnd = -1;
  const addSpeakerPhrase = (k: number, span: Span, text: string): void => {
    const title = first(pack.entities.matchAt(tokens, k, false), 'title');
    const vague = pack.grammar.has('vague_sources', tokens[k]!.word);
    addActor(ctx, idx, {
      identity: `speaker:${foldKey(text)}`, kind: vague ? 'population' : title ? officeKind(title.title.sector) : 'organization',
      name: text, name_native: text, title: title ? text : null, title_en: title?.title.en ?? null,
      country: null, sector: title?.title.sector ?? null, wikidata: null, rule: 'actors:subject-of-reporting-verb',
    }, span);
  };
  // "لكن وسائل الإعلام الرسمية السورية اتهمت …": a short noun phrase between a connective and a
  // reporting verb with no conjunction of its own is that verb's subject (SVO inside a sentence)
  const subjectAfterConnective = (i: number): void => {
    for (let c = i - 2; c >= 0 && c >= i - 5; c--) {
      if (!pack.grammar.has('connectives', tokens[c]!.word)) continue;
      for (let q = c + 1; q < i; q++) {
        const t = tokens[q]!;
        if (!t.spaced || !/^\p{L}{2,}$/u.test(t.text) || isClaimed(t) || pack.stopwords.has(t.text) || pack.speech.matchAt(tokens, q) || pack.time.matchAt(tokens, q, false)) return;
      }
      if (pack.morphology.hasProcliticArticle(tokens[c + 1]!.text) || pack.morphology.looksLikePresentVerb(tokens[c + 1]!.text)) return;
      const span = { start: tokens[c + 1]!.start, end: tokens[i - 1]!.end };
      addSpeakerPhrase(c + 1, span, source.evidence(span).text);
      return;
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!isReportedZone(ctx, tokens[i]!)) continue;
    const m = pack.speech.matchAt(tokens, i);
    // "نقلت X عن مصادر أمنية قولها": the source a channel relays speaks
    let k = -1;
    if (m?.values.some((v) => v.type === 'relay')) {
      // (a channel's name may be quoted: 'نقلت خدمة «X» الإخبارية عن …'; the sentence's end stops the search)
      for (let j = m.last + 1; j < m.last + 10 && j < tokens.length && !/[.!?:\n]/u.test(ctx.source.folded.slice(tokens[j - 1]!.end, tokens[j]!.start)); j++) {
        if (pack.grammar.has('relay_source', tokens[j]!.word)) {
          k = j + 1;
          break;
        }
      }
    }
    const verb = m?.values.find((v) => v.type === 'verb');
    // "وأوضح بيان صادر عن مكتب العلاقات العامة أن …": the body a document is issued by speaks
    if (k < 0 && m && verb && tokens[m.last + 1] && pack.grammar.has('document_nouns', tokens[m.last + 1]!.word)) {
      for (let j = m.last + 2; j <= m.last + 3 && tokens[j]?.spaced; j++) {
        if (pack.grammar.has('relay_source', tokens[j]!.word)) {
          k = j + 1;
          break;
        }
      }
    }
    if (k < 0 && (!m || !verb || verb.type !== 'verb' || verb.participle || verb.verb.in_document)) continue;
    if (!m) continue;
    // only a verb that opens its clause has its subject after it (a headline's "X يعترف بـ…", a
    // subordinate "منذ أعلنت …" or a negated "ولم تذكر …" do not): the sentence's first word, a
    // verb with its conjunction, or one after punctuation
    const verbTok = tokens[i]!;
    if (verb && verb.type === 'verb' && !verb.participle && !verb.verb.in_document && k < 0 && verbTok.spaced && ctx.tokenZones[i] !== 'title' && !pack.morphology.opensClause(verbTok.text)) subjectAfterConnective(i);
    const atStart = ctx.tokenZones[i - 1] !== ctx.tokenZones[i] || !tokens[i - 1] || !verbTok.spaced || ctx.source.folded.slice(tokens[i - 1]!.end, verbTok.start).includes('\n');
    // ("حسبما قال X", "وفق ما أفادت X": the verb of an according-to phrase has its subject after it too)
    const isSource = (q: number) => q >= 0 && !!pack.speech.matchAt(tokens, q)?.values.some((v) => v.type === 'source') && pack.speech.matchAt(tokens, q)!.last === i - 1;
    // (not a relay's: "وفق ما نقلت الرئاسة عن الوزير" names the relayed one by an office already named)
    const afterSource = k < 0 && (isSource(i - 1) || isSource(i - 2));
    if (ctx.tokenZones[i] === 'title' || !(atStart || afterSource || pack.morphology.opensClause(verbTok.text))) continue;
    // "وذكر X أن … ووصف الوضع بأنه …": a verb conjoined to a reporting clause of its sentence goes on
    // with that clause's subject; an unknown noun after it is its object
    const afterClause = !atStart && !afterSource && prevVerbEnd >= 0 && !sentenceBreakBetween(ctx, prevVerbEnd, verbTok.start);
    prevVerbEnd = verbTok.end;
    if (k < 0) k = m.last + 1;
    while (tokens[k]?.spaced && pack.time.matchAt(tokens, k, false)) k = pack.time.matchAt(tokens, k, false)!.last + 1;
    const head = tokens[k];
    if (!head || !head.spaced || isClaimed(head) || ends(k)) continue;
    if (!/^\p{L}{2,}$/u.test(head.text) || pack.speech.matchAt(tokens, k) || (pack.morphology.looksLikePresentVerb(head.text) && !pack.grammar.has('vague_sources', head.word))) continue;
    // "وأضاف البيان": a document speaks for the body that issued it (the statements stage finds it)
    if (pack.grammar.has('document_nouns', head.word)) continue;
    const glued = pack.entities.matchAt(tokens, k);
    if (glued && glued.proclitic !== '') continue; // "قالت لوكالة …": to whom, not who
    // "وقال مسؤولو وزارة الصحة", 'وأدانت منظمة "هيومن رايتس ووتش"': a noun before a known body (its
    // officials, its account, its class) is no speaker of its own; the statements stage reads the body
    const nextTok = tokens[k + 1];
    if (nextTok && isClaimed(nextTok) && (pack.grammar.has('voice_heads', head.word) || pack.grammar.has('body_nouns', head.word))) continue;
    let last = k;
    while (last - k < 3 && !ends(last + 1) && !isClaimed(tokens[last + 1]!) && /^\p{L}{2,}$/u.test(tokens[last + 1]!.text) && !pack.speech.matchAt(tokens, last + 1) && !opensHearer(ctx, tokens[last + 1]!)) last++;
    if (!ends(last + 1) && !isClaimed(tokens[last + 1]!) && !opensHearer(ctx, tokens[last + 1]!)) {
      // "وقال محمد نور ضابط بشرطة المرور إن": a given name's run, then a noun in apposition describing him
      const named = givenNameAt(ctx, k, k) ? nameRun(ctx, k) : null;
      const next = named ? tokens[named.last + 1] : undefined;
      const described = next?.spaced && !pack.morphology.isDefinite(next.text) && (pack.grammar.has('vague_sources', next.word) || pack.grammar.has('apposition_heads', next.word) || !!first(pack.entities.matchAt(tokens, named!.last + 1, false), 'title'));
      if (named && described && named.last > named.first) {
        namedPerson(ctx, idx, spanOf(tokens, named), 'actors:named-subject-of-reporting-verb');
        i = named.last;
        continue;
      }
      // not closed: a clause, not a subject; but a vague source is its head with its adjectives
      // ("وأفادت تقارير بمقتل …", "وقالت مصادر طبية لوكالة …")
      if (!pack.grammar.has('vague_sources', head.word)) continue;
      last = k;
      while (last - k < 2 && tokens[last + 1]?.spaced && pack.morphology.isNisbaAdjective(tokens[last + 1]!.text)) last++;
    }
    const span = { start: head.start, end: tokens[last]!.end };
    const text = source.evidence(span).text;
    const title = first(pack.entities.matchAt(tokens, k, false), 'title');
    const vague = pack.grammar.has('vague_sources', head.word);
    // "وقال محمد الحسن إن", "وقال رحمة الله يرمال،": a subject that opens with a given name is a person
    if (!title && !vague && (givenNameAt(ctx, k, last) || bareNameAt(ctx, k, last))) {
      // the name ends where a name run ends ("أحمد سعيد أحد سكان الحي": not "أحد")
      const nameLast = Math.min(last, nameRun(ctx, k)?.last ?? last);
      namedPerson(ctx, idx, { start: head.start, end: tokens[nameLast]!.end }, 'actors:named-subject-of-reporting-verb');
      i = nameLast;
      continue;
    }
    if (afterClause && !title && !vague) continue;
    addSpeakerPhrase(k, span, text);
    i = last;
  }
}

/** "المتحدث لوكالة رويترز": a dative proclitic on a unit, channel or body word opens the hearer, not the subject. */
function opensHearer(ctx: Context, t: Token): boolean {
  const { pack } = ctx;
  return variantsOf(t).some((v) => v.proclitic !== '' && pack.morphology.dativeProclitic(v.proclitic) && (pack.places.is('organisation_heads', v.w) || !!pack.entities.matchAt([withText(t, v.word)], 0, false)));
}

/**
 * Whether tokens k..last open with a given name: one of the pack's given names, a name particle
 * ("عبد", "أبو") with the word after it, or a compound ("رحمة الله", "نور الدين"). No word of it is
 * glued to a preposition or the article with one ("للحكومة").
 */
function givenNameAt(ctx: Context, k: number, last: number): boolean {
  const { tokens, pack } = ctx;
  for (let j = k; j <= last; j++) if (pack.morphology.hasProcliticArticle(tokens[j]!.text) || (j === k && pack.morphology.isDefinite(tokens[j]!.text))) return false;
  const head = tokens[k]!.word;
  if (pack.grammar.has('given_names', head)) return true;
  return last > k && (pack.grammar.has('name_particles', head) || pack.grammar.has('compound_tails', tokens[k + 1]!.word));
}

/**
 * "وقال تيمور تكاتشنكو، في منشور": two or three words, none with the article or a proclitic, none a
 * word the pack knows as a class, a unit, a person noun, a vague source or a function word, closed by a
 * comma or a complementizer. A body named without the article opens with such a word ("منظمة",
 * "حركة") or has a definite complement ("شبكة أطباء السودان"); a personal name has neither.
 */
function bareNameAt(ctx: Context, k: number, last: number): boolean {
  const { tokens, pack } = ctx;
  if (last === k || last - k > 2) return false;
  for (let j = k; j <= last; j++) {
    const t = tokens[j]!;
    const w = t.word;
    if (pack.morphology.isDefinite(t.text) || pack.morphology.hasProcliticArticle(t.text) || pack.morphology.stripConjunction(t.text) !== null) return false;
    if (pack.morphology.unlikelyNameWord(t.text) || pack.morphology.isNisbaAdjective(t.text) || pack.morphology.isParticiple(t.text)) return false;
    if (pack.stopwords.has(t.text) || pack.grammar.has('vague_sources', w) || pack.grammar.has('person_nouns', w) || pack.grammar.has('document_nouns', w)) return false;
    if (pack.places.is('organisation_heads', w) || pack.places.classOf(w.text) || pack.places.is('not_place_names', w)) return false;
    if (pack.entities.matchAt(tokens, j, true) || pack.events.matchAt(tokens, j, true) || pack.casualties.matchAt(tokens, j, true) || pack.numbers.matchAt(tokens, j, true)) return false;
  }
  return runClosed(ctx, last);
}

/** Whether a sentence ends between two folded offsets (`from` an end offset, `to` a start). */
function sentenceBreakBetween(ctx: Context, from: number, to: number): boolean {
  const at = sentenceIndexAt(ctx, from - 1);
  return at < 0 || at !== sentenceIndexAt(ctx, to);
}

/** The photographer or author of a caption or byline credit ("(جيم أوزديل/ الأناضول)") is a named person. */
function creditPersons(ctx: Context, idx: MentionIndex): void {
  for (const span of ctx.creditPersons) {
    const name = ctx.source.evidence(span).text;
    if (name.trim() === '') continue;
    addActor(ctx, idx, {
      identity: `person:${foldKey(name)}`, kind: 'person', name, name_native: name, title: null, title_en: null,
      country: null, sector: 'med', wikidata: null, rule: 'actors:credit',
    }, span);
  }
}

export function registerAliases(ctx: Context, idx: MentionIndex, identity: string, fullName: string): void {
  const words = foldKey(fullName).split(' ');
  idx.personAliases.set(words.join(' '), identity);
  if (words.length < 2) return;
  const particle = (w: string | undefined) => !!w && ctx.pack.grammar.has('name_particles', w);
  const surname = particle(words[words.length - 1]) || particle(words[words.length - 2]) ? words.slice(-2).join(' ') : words[words.length - 1]!;
  if (surname !== words.join(' ') && surname.length >= 3 && !idx.personAliases.has(surname)) idx.personAliases.set(surname, identity);
}

/**
 * "الرئيس الأذربيجاني" with no name, where the article also names "الرئيس الأذربيجاني إلهام علييف":
 * the same person. An unnamed official merges into the one named person with its office and country.
 */
function mergeUnnamedOfficials(ctx: Context, idx: MentionIndex): void {
  for (const [identity, official] of [...idx.actorByIdentity]) {
    if (!identity.startsWith('official:')) continue;
    const named = ctx.records.actors.filter((a) => a.kind === 'person' && a.rule !== 'actors:unnamed-official' && a.title_en === official.title_en && a.country === official.country);
    if (named.length === 1) mergeActorInto(ctx, idx, identity, official, named[0]!);
  }
}

/** "وزارة الصحة" after "وزارة الصحة في غزة": the one body of that kind the article places. */
function mergeBareInstitutions(ctx: Context, idx: MentionIndex): void {
  for (const [identity, bare] of [...idx.actorByIdentity]) {
    if (!identity.startsWith('inst:') || !identity.endsWith(':') || idx.actorByIdentity.get(identity) !== bare) continue;
    const placed = [...new Set([...idx.actorByIdentity].filter(([k, a]) => k.startsWith(identity) && k !== identity && a !== bare).map(([, a]) => a))];
    if (placed.length !== 1) continue;
    const target = placed[0]!;
    mergeActorInto(ctx, idx, identity, bare, target);
    const targetIdentity = identityOf(idx, target);
    for (const a of ctx.records.actors) if (a.affiliation === identity && targetIdentity) a.affiliation = targetIdentity;
  }
}

/** Move an actor's mentions onto another and let its identity point there. */
export function mergeActorInto(ctx: Context, idx: MentionIndex, identity: string, from: ActorDraft, into: ActorDraft): void {
  from.spans.forEach((sp, n) => {
    if (!into.spans.some((x) => x.start === sp.start)) {
      into.spans.push(sp);
      into.mentions.push(from.mentions[n]!);
      into.evidence.push(from.mentions[n]!);
    }
  });
  ctx.records.actors.splice(ctx.records.actors.indexOf(from), 1);
  idx.actorByIdentity.set(identity, into);
}

function identityOf(idx: MentionIndex, a: ActorDraft): string | null {
  for (const [k, v] of idx.actorByIdentity) if (v === a) return k;
  return null;
}

function specOf(a: ActorDraft, identity: string): ActorSpec {
  return { identity, kind: a.kind, name: a.name, name_native: a.name_native, title: a.title, title_en: a.title_en, country: a.country, sector: a.sector, wikidata: a.wikidata, rule: a.rule };
}

function groupSpec(g: { en: string; kind: Kind; sector: string | null }, country: CountryEntry | null, rule: string): ActorSpec {
  const name = country ? `${country.demonym_en ?? country.name} ${g.en}` : g.en;
  return { identity: `group:${g.en}:${country?.iso3 ?? ''}`, kind: g.kind, name, name_native: '', title: null, title_en: null, country: country?.iso3 ?? null, sector: g.sector, wikidata: null, rule };
}

/** An institution or group, with the demonym or country that says whose: "القوات الأرمينية", "جيش أذربيجان". */
function bodyActor(ctx: Context, idx: MentionIndex, m: PhraseMatch<EntityLex>, options: { bare?: boolean } = {}): { actor: ActorDraft; last: number } | null {
  const inst = first(m, 'institution');
  const group = first(m, 'group');
  const actor = first(m, 'actor');
  const ca = countryAfter(ctx, m.last) ?? (ctx.pack.ownerBefore && (inst || group) ? countryBefore(ctx, m.first) : null);
  // the owner written before the body ("Syrian foreign ministry"): the span starts with it
  const before = ca !== null && ca.m.last < m.first;
  if (inst && !ca) {
    // "وزارة الصحة في غزة": the place says whose body it is
    const where = placeAfterIn(ctx, m.last);
    if (where) {
      const i = inst.institution;
      const span = { start: m.start, end: ctx.tokens[where.last]!.end };
      lexPlace(ctx, idx, where.place, where.span);
      const a = addActor(ctx, idx, {
        identity: `inst:${i.en}:${where.place.name}`, kind: i.kind, name: `${where.place.name} ${i.en}`, name_native: ctx.source.evidence(span).text,
        title: null, title_en: null, country: where.place.country, sector: i.sector, wikidata: null, rule: 'actors:institution-in-place',
      }, span);
      return { actor: a, last: where.last };
    }
    if (options.bare) {
      // "المتحدث باسم وزارة الصحة": the body of a named official, even when it says no country
      const span = { start: m.start, end: ctx.tokens[m.last]!.end };
      const i = inst.institution;
      const a = addActor(ctx, idx, {
        identity: `inst:${i.en}:`, kind: i.kind, name: i.en, name_native: ctx.source.evidence(span).text,
        title: null, title_en: null, country: null, sector: i.sector, wikidata: null, rule: 'actors:institution-of-official',
      }, span);
      return { actor: a, last: m.last };
    }
  }
  const span = before ? { start: ca.m.start, end: ctx.tokens[m.last]!.end } : { start: m.start, end: ctx.tokens[ca ? ca.m.last : m.last]!.end };
  const native = ctx.source.evidence(span).text;
  const lastOf = (c: typeof ca): number => (c && !before ? c.m.last : m.last);
  if (inst && ca) {
    const i = inst.institution;
    const ofCountry = (c: CountryEntry, sp: Span) =>
      addActor(ctx, idx, {
        identity: `inst:${i.en}:${c.iso3}`, kind: i.kind, name: c.demonym_en ? `${c.demonym_en} ${i.en}` : `${i.en} of ${c.name}`,
        name_native: ctx.source.evidence(sp).text, title: null, title_en: null, country: c.iso3, sector: i.sector, wikidata: null, rule: 'actors:institution-of-country',
      }, sp);
    const a = ofCountry(ca.country, span);
    idx.registerHead(ctx, `inst:${i.en}:${ca.country.iso3}`, native);
    if (before) return { actor: a, last: m.last };
    // "طائرات حربية روسية وسورية": a second demonym joined by و is a second body of the same kind
    const next = ctx.tokens[ca.m.last + 1];
    const bare = next?.spaced ? ctx.pack.morphology.stripConjunction(next.text) : null;
    if (next && bare) {
      const second = ctx.pack.entities.matchAt([withText(next, bare)], 0, false);
      const dem = first(second, 'demonym');
      if (dem && second && second.last === 0) {
        ofCountry(dem.country, { start: next.start + (next.text.length - bare.length), end: next.end });
        return { actor: a, last: ca.m.last + 1 };
      }
    }
    return { actor: a, last: ca.m.last };
  }
  if (group) {
    const spec = groupSpec(group.group, ca?.country ?? null, 'actors:group-noun');
    const a = addActor(ctx, idx, { ...spec, name_native: native }, span);
    if (!a.name_native) a.name_native = native;
    return { actor: a, last: lastOf(ca) };
  }
  if (actor) {
    const x = actor.actor;
    const a = addActor(ctx, idx, {
      identity: `actor:${x.name}`, kind: x.kind, name: x.name, name_native: x.native, title: null, title_en: null,
      country: x.country, sector: x.sector, wikidata: x.wikidata, rule: 'actors:lexicon',
    }, { start: m.start, end: ctx.tokens[m.last]!.end });
    return { actor: a, last: m.last };
  }
  return null;
}

/**
 * A country name gives the place, and the state as an actor unless it only says where ("غرب
 * السودان", "في سوريا", "بسوريا"); a demonym alone gives neither (it qualifies a noun).
 */
/** "في", and "وفي" with its conjunction: a place after it is where, not who. */
function isLocativeWord(ctx: Context, t: Token): boolean {
  if (ctx.pack.grammar.has('locative', t.word)) return true;
  const bare = ctx.pack.morphology.stripConjunction(t.text);
  return bare !== null && ctx.pack.grammar.has('locative', bare);
}

function countryOrDemonymMention(ctx: Context, idx: MentionIndex, m: PhraseMatch<EntityLex>): void {
  const c = first(m, 'country');
  if (!c) return;
  const span = spanOf(ctx.tokens, m);
  countryPlace(ctx, idx, c.country, span);
  const prev = ctx.tokens[m.first - 1];
  const locative = ctx.pack.morphology.locativeProclitic(m.proclitic) || (!!prev && ctx.tokens[m.first]!.spaced && isLocativeWord(ctx, prev));
  if (!locative) addActor(ctx, idx, stateSpec(c.country, 'actors:country-name'), span);
}


/**
 * A capital stands for its state when it acts: right after a verb ("ردت موسكو", "تقدمها موسكو"),
 * before a reporting verb ("باكو تؤكد"), as the agent after من ("المدعومين من يريفان") or as the
 * one something is given to ("ليريفان"). After في, إلى or a visit it is only a place.
 */
function capitalActsAsState(ctx: Context, m: PhraseMatch<EntityLex>): boolean {
  const { tokens, pack } = ctx;
  if (pack.morphology.locativeProclitic(m.proclitic)) return false;
  if (pack.morphology.dativeProclitic(m.proclitic)) return true;
  const prev = tokens[m.first - 1];
  const next = tokens[m.last + 1];
  if (next?.spaced && pack.speech.matchAt(tokens, m.last + 1)) return true;
  if (!prev || !tokens[m.first]!.spaced) return false;
  if (isLocativeWord(ctx, prev)) return false;
  // "اتهمت يريفان باكو": a capital right after another state's name is the other party
  const before = pack.entities.matchAt(tokens, m.first - 1);
  if (before && before.last === m.first - 1 && before.values.some((v) => v.type === 'country' || (v.type === 'place' && v.place.capital_of))) return true;
  if (pack.grammar.has('of', prev.word)) {
    const before = tokens[m.first - 2];
    return !!before && pack.morphology.isParticiple(before.text);
  }
  if (pack.speech.matchAt(tokens, m.first - 1)) return true;
  // a present-tense verb (ت/ي prefix, optionally with an object pronoun) directly before the name
  return pack.morphology.looksLikePresentVerb(prev.text) && !pack.entities.matchAt(tokens, m.first - 1);
}
