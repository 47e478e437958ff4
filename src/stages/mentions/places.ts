/**
 * Places in context. A gazetteer knows towns and cities; the press also names villages, hills,
 * camps, crossings and neighbourhoods no list has, and its ordinary words include names GeoNames
 * gives to some village. The rules here (words from place-context.yaml):
 *   - a class noun introduces a place: "قرية X", "مخيم X"; its dual or plural several: "بلدتي X وY",
 *     "بلدات … بينها X وY وZ". The class noun is dropped when it only describes ("منطقة الزيتون" →
 *     الزيتون) and kept for facilities ("معبر نصيب"); a known place after a facility's class noun is
 *     the facility and the place ("مطار طرابلس", "طرابلس").
 *   - the name after a class noun is one or two words (three with a particle such as أبو), not an
 *     adjective or a quantifier ("قاعدة عسكرية", "مدينة واحدة"), not a verb after a definite name
 *     ("الشيفونية كانتا": a name with the article is not followed by an indefinite word of the same
 *     name), and ends at a direction ("لحج شمال عدن").
 *   - a gazetteer name marked ambiguous (a short name, an ordinary word, a small place, gazetteer.ts)
 *     counts only with a cue: a class noun, a place it is listed with ("البوكمال والميادين"), a
 *     place after it that locates it ("باركلاند بفلوريدا"), or a preposition before it in an
 *     article that names its country.
 */
import type { Context, PlaceDraft } from '../../core/context.ts';
import { valueOfType, variantsOf, type PhraseMatch } from '../../core/phrase-matcher.ts';
import type { Span } from '../../core/source-text.ts';
import { foldKey } from '../../core/source-text.ts';
import { wordOf, type Token, type Word } from '../../core/tokens.ts';
import type { PlaceNeeds } from '../../packs/gazetteer.ts';
import type { CountryEntry, EntityLex, PlaceClass, PlaceContext, PlaceEntry } from '../../packs/pack.ts';

/** What the place rules need of the mention index. */
export interface PlaceIndex {
  readonly placeByIdentity: Map<string, PlaceDraft>;
}

type PlaceFields = Omit<PlaceDraft, 'key' | 'mentions' | 'evidence' | 'spans' | 'rule'> & { rule: string };

export function addPlace(ctx: Context, idx: PlaceIndex, p: PlaceFields, identity: string, span: Span): PlaceDraft {
  const ev = ctx.source.evidence(span);
  let place = idx.placeByIdentity.get(identity);
  if (!place) {
    place = { key: ctx.nextKey('plc'), ...p, mentions: [], evidence: [], spans: [] };
    idx.placeByIdentity.set(identity, place);
    ctx.records.places.push(place);
  }
  if (!place.spans.some((s) => s.start === span.start)) {
    place.mentions.push(ev);
    place.evidence.push(ev);
    place.spans.push(span);
  }
  return place;
}

function precisionOf(kind: PlaceDraft['kind']): 1 | 2 | 3 {
  return kind === 'country' || kind === 'region' ? 3 : kind === 'district' || kind === 'site' || kind === 'city' || kind === 'town' ? 1 : 2;
}

export function lexPlace(ctx: Context, idx: PlaceIndex, p: PlaceEntry, span: Span): PlaceDraft {
  return addPlace(ctx, idx, {
    kind: p.kind, name: p.name, name_native: p.native, country: p.country, lat: p.lat, lon: p.lon,
    geo_precision: p.lat === null ? null : precisionOf(p.kind), rule: p.geonameid === undefined ? 'places:gazetteer' : 'places:geonames',
  }, p.geonameid === undefined ? `place:${p.name}:${p.country ?? ''}` : `geonames:${p.geonameid}:${foldKey(p.native)}`, span);
}

export function countryPlace(ctx: Context, idx: PlaceIndex, c: CountryEntry, span: Span): PlaceDraft {
  return addPlace(ctx, idx, {
    kind: 'country', name: c.name, name_native: c.native, country: c.iso3, lat: c.lat, lon: c.lon,
    geo_precision: c.lat === null ? null : 3, rule: 'places:country-name',
  }, `country:${c.iso3}`, span);
}

/** A place named by the text alone: no coordinates. */
function contextPlace(ctx: Context, idx: PlaceIndex, kind: PlaceDraft['kind'], span: Span, rule: string): PlaceDraft {
  const name = ctx.source.evidence(span).text;
  return addPlace(ctx, idx, { kind, name, name_native: name, country: null, lat: null, lon: null, geo_precision: null, rule }, `cue:${foldKey(name)}`, span);
}

type ClassReading = PlaceClass & { offset: number };

/**
 * What placeClassOf found for a word, per pack's place words: it depends on the spelling alone, and
 * every token is asked (weak maps: a word the word table lets go is let go here too).
 */
const classReadings = new WeakMap<PlaceContext, WeakMap<Word, ClassReading | null>>();
let lastPlaces: PlaceContext | null = null;
let lastReadings = new WeakMap<Word, ClassReading | null>();

/**
 * The closing mark of a quotation that opens right after token i (only spaces and the opening mark
 * between it and the next token), or undefined: `مدينة "جارديز"`, `الشرطي «محمد عدن»`.
 */
export function quoteOpensAfter(ctx: Context, i: number): string | undefined {
  const { tokens, source, pack } = ctx;
  const a = tokens[i];
  const b = tokens[i + 1];
  if (!a || !b || b.spaced) return undefined;
  const open = /^[ \t]*(.)$/su.exec(source.folded.slice(a.end, b.start))?.[1];
  return open === undefined ? undefined : pack.quoteClose.get(open);
}

/** Whether the closing mark `close` stands right after token k (spaces aside). */
export function quoteClosesAfter(ctx: Context, k: number, close: string): boolean {
  const { tokens, source } = ctx;
  const next = tokens[k + 1];
  return source.folded.slice(tokens[k]!.end, next ? next.start : source.folded.length).trimStart().startsWith(close);
}

/** The class noun a token is, with the code units of its proclitics ("وبلدة", "لنهر"). */
function placeClassOf(ctx: Context, tok: Token): ClassReading | undefined {
  const places = ctx.pack.places;
  if (places !== lastPlaces) {
    let readings = classReadings.get(places);
    if (!readings) {
      readings = new WeakMap();
      classReadings.set(places, readings);
    }
    lastPlaces = places;
    lastReadings = readings;
  }
  const known = lastReadings.get(tok.word);
  if (known !== undefined) return known ?? undefined;
  let found: ClassReading | null = null;
  for (const v of variantsOf(tok)) {
    const c = places.classOf(v.w);
    if (c) {
      found = { kind: c.kind, number: c.number, keep: c.keep, offset: v.offset };
      break;
    }
  }
  lastReadings.set(tok.word, found);
  return found ?? undefined;
}

/** What a lexicon place needs to count (gazetteer.ts); a hand-kept ambiguous place: its country named. */
function needsOf(place: PlaceEntry): PlaceNeeds {
  return place.needs !== undefined ? place.needs : place.ambiguous ? 'country' : null;
}

/** The GeoNames places of an entity match, most populous first (gazetteer.ts adds them in that order). */
function homonymsOf(m: PhraseMatch<EntityLex>): PlaceEntry[] {
  const out: PlaceEntry[] = [];
  for (const v of m.values) if (v.type === 'place') out.push(v.place);
  return out;
}

function cuedGeoNames(p: PlaceEntry | CountryEntry): p is PlaceEntry {
  return !isCountry(p) && p.geonameid !== undefined && needsOf(p) !== null;
}

/**
 * The match at token k that can name a place: the pack's entity lexicons first (a person, a title or
 * an organisation there wins, and is returned as such), else the GeoNames gazetteer.
 */
function placeAt(ctx: Context, k: number, clitics = true): PhraseMatch<EntityLex> | null {
  return ctx.pack.entities.matchAt(ctx.tokens, k, clitics) ?? ctx.pack.gazetteer.matchAt(ctx.tokens, k, clitics);
}

function knownPlace(m: PhraseMatch<EntityLex> | null): PlaceEntry | CountryEntry | undefined {
  return valueOfType(m?.values, 'place')?.place ?? valueOfType(m?.values, 'country')?.country;
}

function isCountry(p: PlaceEntry | CountryEntry): p is CountryEntry {
  return 'iso3' in p;
}

/** A word that is a conjunction و glued to a word: "وحوش" → 3 code units later… of "حوش". */
function conjunctionOffset(ctx: Context, tok: Token): number {
  const bare = ctx.pack.morphology.stripConjunction(tok.text);
  return bare !== null && bare.length >= 2 ? tok.text.length - bare.length : 0;
}

interface NameRun {
  first: number;
  last: number;
  span: Span;
}

/**
 * The name after a class noun, from token `from` (whose first `skip` code units are a conjunction):
 * one or two words, three when the second is a name particle ("عين أبو X").
 */
export function placeNameRun(ctx: Context, from: number, skip = 0, head: string | null = null): NameRun | null {
  const { tokens, pack } = ctx;
  const pw = pack.places;
  let last = -1;
  let firstDefinite = false;
  for (let k = from; k < tokens.length && k - from < 3; k++) {
    const t = tokens[k]!;
    if (!t.spaced) break;
    const text = k === from ? t.text.slice(skip) : t.text;
    // the token's shared Word, or the Word of what follows a stripped conjunction
    const w = k === from && skip > 0 ? wordOf(foldKey(text)) : t.word;
    const word = w.text;
    if (!/^\p{L}{2,}$/u.test(text)) break;
    // in a script with case a name opens with a capital or a name particle ("the city centre" names
    // no place; "Port el Kantaoui" does)
    if (k === from && !pack.grammar.has('name_particles', w)) {
      const o = ctx.source.toOriginal(t);
      if (!pack.nameShaped(ctx.source.original, o.start + skip, o.end)) break;
    }
    if (pack.stopwords.has(word) || pw.is('not_place_names', w) || pw.is('boundaries', w) || pw.is('resumptive_pronouns', w) || pw.is('place_references', w) || placeClassOf(ctx, t)) break;
    // "قرى ومواقع": a second noun joined to the class noun, not a name
    const bare = k === from && skip === 0 ? pack.morphology.stripConjunction(word) : null;
    if (bare !== null && (pw.is('not_place_names', bare) || pw.classOf(bare))) break;
    if (pack.grammar.has('title_modifiers', w) || pack.grammar.has('not_names', w)) break;
    if (k > from) {
      // the next item of a list ("حوش الظواهرة وحوش الزريقية"), or a preposition glued to a word
      if (conjunctionOffset(ctx, t) > 0 || pack.morphology.hasProcliticArticle(t.text)) break;
      // "الشيفونية كانتا": a name with the article is followed by no indefinite word of its own;
      // "لبوزة مستفيدة": nor is a name by a participle
      if (firstDefinite && !pack.morphology.isDefinite(word)) break;
      if (!pack.morphology.isDefinite(word) && pack.morphology.isParticiple(word)) break;
      // a third word only after a name particle
      if (k - from === 2 && !pack.grammar.has('name_particles', tokens[k - 1]!.word)) break;
      // "بفلوريدا", "بسوريا": a known place or country with a preposition locates the name
      const located = placeAt(ctx, k);
      if (located && located.proclitic !== '' && knownPlace(located)) break;
    } else {
      if (pack.morphology.hasProcliticArticle(text)) break;
      firstDefinite = pack.morphology.isDefinite(word);
      // "قرية جنوبية": an indefinite relative adjective after the class noun describes it;
      // "معسكرات يتخذها": a verb opens a relative clause
      // (one that cannot agree with the class noun `head` is a name: "منطقة شبيلي السفلى")
      if ((head === null ? pack.morphology.isNisbaAdjective(word) : pack.morphology.nisbaDescribes(head, word)) || pack.morphology.isVerbWithObject(word)) break;
    }
    if (skip === 0 || k > from) {
      const tm = pack.time.matchAt(tokens, k, false);
      if (tm && tm.values.some((v) => v.type !== 'month')) break;
      if (pack.speech.matchAt(tokens, k, false) || pack.events.matchAt(tokens, k, false) || pack.casualties.matchAt(tokens, k, false)) break;
      const em = pack.entities.matchAt(tokens, k, false);
      if (em && em.values.some((v) => v.type !== 'person' && !(v.type === 'place' && v.place.ambiguous))) break;
    }
    last = k;
  }
  if (last < from) return null;
  // "مناطق تسيطر عليها": a verb with its resumptive pronoun, not a name
  const after = tokens[last + 1];
  if (after?.spaced && pw.is('resumptive_pronouns', after.word)) return null;
  return { first: from, last, span: { start: tokens[from]!.start + skip, end: tokens[last]!.end } };
}

/** words before a dative place within which an office names it as its territory */
const OFFICE_REACH = 4;
/** tokens after a plural class noun within which a list head opens its names ("بلدات في محيط … بينها") */
const LIST_REACH = 16;
/** tokens after a preposition within which a locator may follow its names (four names of three words) */
const LOCATOR_REACH = 12;

export class PlaceFinder {
  /** a dual or plural class noun seen ("بلدات"): a list head soon after opens its names */
  private listKind: PlaceDraft['kind'] | null = null;
  private listUntil = -1;
  /** the last token of the last place found, for places listed together */
  private lastPlaceEnd = -2;
  /** ambiguous gazetteer names after a preposition: kept if the article names their country */
  private readonly deferred: Array<{ place: PlaceEntry; span: Span; homonyms: PlaceEntry[] }> = [];
  /** GeoNames names after a class noun: their coordinates if the article names their country */
  private readonly named: Array<{ homonyms: PlaceEntry[]; span: Span; kind: PlaceDraft['kind'] }> = [];
  /** countries the article names, also by a demonym ("برعاية سعودية") */
  private readonly countries = new Set<string>();

  constructor(
    private readonly ctx: Context,
    private readonly idx: PlaceIndex,
  ) {}

  /**
   * The place of an entity match: a GeoNames name shared by several places (الطيبة in Syria, Jordan
   * and Palestine) is the one in a country the article has named so far, else the most populous.
   */
  choose(m: PhraseMatch<EntityLex>): PlaceEntry | undefined {
    const first = valueOfType(m.values, 'place')?.place;
    if (first === undefined || m.values.length < 2) return first;
    // "TRIPOLI, Lebanon": a country right after the name, set off by a comma, says which
    const { tokens, source, pack } = this.ctx;
    const next = tokens[m.last + 1];
    if (next && pack.morphology.isCommaGap(source.folded.slice(tokens[m.last]!.end, next.start))) {
      const c = valueOfType(pack.entities.matchAt(tokens, m.last + 1, false)?.values ?? [], 'country')?.country.iso3;
      const inIt = c ? homonymsOf(m).find((h) => h.country === c) : undefined;
      if (inIt) {
        this.countries.add(c!);
        return inIt;
      }
    }
    const named = this.namedCountries();
    return homonymsOf(m).find((h) => h.country !== null && named.has(h.country)) ?? first;
  }

  /** Countries the article has named so far: by name, demonym, place or actor. */
  private namedCountries(): Set<string> {
    const named = new Set(this.countries);
    for (const p of this.ctx.records.places) if (p.country) named.add(p.country);
    for (const a of this.ctx.records.actors) if (a.country) named.add(a.country);
    return named;
  }

  /** Note the countries an entity match names (a country or a demonym). */
  noteCountries(m: PhraseMatch<EntityLex>): void {
    for (const v of m.values) if (v.type === 'country' || v.type === 'demonym') this.countries.add(v.country.iso3);
  }

  /** Note that a place record ends at token `last` (for lists: "البوكمال والميادين"). */
  placed(last: number): void {
    this.lastPlaceEnd = last;
  }

  /**
   * At a token no other rule reads: a class noun and the places it introduces, a list head, or a
   * GeoNames name that needs a cue (`cued`, its match) in its context. Returns the last token
   * consumed, or null.
   */
  atToken(i: number): number | null {
    const last = this.classNounAt(i) ?? this.locatedAt(i);
    if (last !== null) return last;
    const cued = this.ctx.pack.gazetteer.matchAt(this.ctx.tokens, i);
    if (!cued) return null;
    const place = this.choose(cued)!;
    if (this.accept(cued, place)) {
      lexPlace(this.ctx, this.idx, place, { start: cued.start, end: this.ctx.tokens[cued.last]!.end });
      this.placed(cued.last);
    }
    return cued.last;
  }

  /**
   * "في دار سعد بمدينة عدن", "في الستين والهشمة شمالي المحافظة", "في نقيل سمارة بمحافظة إب": after a
   * preposition of place, names no list knows that the words after them locate — a direction or
   * "عاصمة" before a place or a word that refers to one, or ب with a known place or a class noun and
   * its place. Returns the last token consumed, or null.
   */
  private locatedAt(i: number): number | null {
    const { tokens, pack } = this.ctx;
    if (!pack.places.is('located_prepositions', tokens[i]!.word) || !tokens[i + 1]?.spaced) return null;
    // most prepositions locate nothing: look for a direction or a ب word ahead before reading names
    let ahead = false;
    for (let k = i + 2; k < tokens.length && k <= i + 1 + LOCATOR_REACH && tokens[k]!.spaced && !ahead; k++) {
      const t = tokens[k]!;
      if (pack.places.is('directions', t.word)) ahead = true;
      else for (const v of variantsOf(t)) if (v.proclitic !== '' && pack.morphology.locativeProclitic(v.proclitic)) ahead = true;
    }
    if (!ahead) return null;
    if (pack.entities.matchAt(tokens, i + 1)) return null;
    const runs: NameRun[] = [];
    let k = i + 1;
    while (k < tokens.length && runs.length < 4) {
      // the names after the first are joined by و: "في الستين والهشمة"
      const skip = runs.length === 0 ? 0 : conjunctionOffset(this.ctx, tokens[k]!);
      if (runs.length > 0 && (skip === 0 || !tokens[k]!.spaced)) break;
      const run = placeNameRun(this.ctx, k, skip);
      if (!run || !this.plainName(run)) break;
      runs.push(run);
      k = run.last + 1;
    }
    if (runs.length === 0 || !this.locatorAt(k)) return null;
    for (const run of runs) {
      const pm = placeAt(this.ctx, run.first);
      const known = pm && pm.last === run.last ? knownPlace(pm) : undefined;
      if (known && pm && !isCountry(known)) this.cuedPlace(pm, known, run.span, 'town');
      else contextPlace(this.ctx, this.idx, 'town', run.span, 'places:located-name');
    }
    this.placed(runs[runs.length - 1]!.last);
    return runs[runs.length - 1]!.last;
  }

  /** A name run of plain words: no adjective ("مؤتمر صحفي"), no word that only describes. */
  private plainName(run: NameRun): boolean {
    const { tokens, pack } = this.ctx;
    for (let k = run.first; k <= run.last; k++) {
      const w = tokens[k]!.word.text;
      if (pack.morphology.isNisbaAdjective(w) || pack.places.is('common_words', w)) return false;
      // "في مقرها جنوبي الخرطوم": a common noun with an attached pronoun names no place
      for (const e of pack.possessiveEndings) {
        if (!w.endsWith(e.bound) || w.length - e.bound.length < 2) continue;
        const stem = w.slice(0, w.length - e.bound.length) + e.free;
        if (pack.places.is('common_words', stem) || pack.places.is('not_place_names', stem) || pack.places.classOf(stem)) return false;
      }
    }
    return true;
  }

  /** Whether the words from token k locate the name before them (see locatedAt). */
  private locatorAt(k: number): boolean {
    const { tokens, pack } = this.ctx;
    const t = tokens[k];
    if (!t?.spaced) return false;
    const pw = pack.places;
    const refersToPlace = (j: number): boolean => {
      const n = tokens[j];
      if (!n?.spaced) return false;
      if (pw.is('place_references', n.word)) return true;
      const m = placeAt(this.ctx, j, false);
      const p = knownPlace(m);
      return !!p && (isCountry(p) || needsOf(p) === null) || (!!placeClassOf(this.ctx, n) && !!knownPlace(placeAt(this.ctx, j + 1, false)));
    };
    if (pw.is('directions', t.word)) return refersToPlace(k + 1);
    // "بمدينة عدن", "بالمحافظة", "بالحديدة"
    for (const v of variantsOf(t)) {
      if (!pack.morphology.locativeProclitic(v.proclitic)) continue;
      if (pw.is('place_references', v.w)) return true;
      if (pw.classOf(v.w)) return !!knownPlace(placeAt(this.ctx, k + 1, false));
    }
    const m = placeAt(this.ctx, k);
    const p = m && pack.morphology.locativeProclitic(m.proclitic) ? knownPlace(m) : undefined;
    return !!p && (isCountry(p) || needsOf(p) === null);
  }

  private classNounAt(i: number): number | null {
    const { tokens, pack } = this.ctx;
    const tok = tokens[i]!;
    if (this.listKind && i <= this.listUntil && pack.places.is('list_heads', tok.word) && tokens[i + 1]?.spaced) {
      const kind = this.listKind;
      this.listKind = null;
      return this.listFrom(i + 1, kind, true);
    }
    const cls = placeClassOf(this.ctx, tok);
    if (!cls || !tokens[i + 1]) return null;
    if (!tokens[i + 1]!.spaced) return this.quotedNameAfter(i, cls.kind);
    // "قرية تل الشيخ": the second class noun belongs to the name; the loop reads it next
    if (placeClassOf(this.ctx, tokens[i + 1]!)) return i;
    if (cls.number !== 'singular') {
      this.listKind = cls.kind;
      this.listUntil = i + LIST_REACH;
    }
    const pm = placeAt(this.ctx, i + 1, false);
    let known = knownPlace(pm);
    // a GeoNames name that needs a cue and only begins a longer name ("قرية تل الشيخ": تل) is not the name
    if (known && pm && cuedGeoNames(known) && (placeNameRun(this.ctx, i + 1)?.last ?? -1) > pm.last) known = undefined;
    if (known && pm) {
      if (cls.keep) {
        // "مطار طرابلس": the airport, and the city the loop reads next (if it counts there)
        contextPlace(this.ctx, this.idx, cls.kind, { start: tokens[i]!.start + cls.offset, end: tokens[pm.last]!.end }, 'places:class-noun-and-place');
        return i;
      }
      if (isCountry(known)) return i;
      this.cuedPlace(pm, known, { start: pm.start, end: tokens[pm.last]!.end }, cls.kind);
      this.placed(pm.last);
      return cls.number === 'singular' ? pm.last : this.listFrom(pm.last + 1, cls.kind, false, pm.last);
    }
    if (pm && !knownPlace(pm) && !valueOfType(pm.values, 'person')) return null;
    const run = placeNameRun(this.ctx, i + 1, 0, cls.number === 'singular' ? tok.word.text.slice(cls.offset) : null);
    if (!run) return null;
    const span = cls.keep ? { start: tok.start + cls.offset, end: run.span.end } : run.span;
    contextPlace(this.ctx, this.idx, cls.kind, span, 'places:class-noun-name');
    this.placed(run.last);
    return cls.number === 'singular' ? run.last : this.listFrom(run.last + 1, cls.kind, false, run.last);
  }

  /**
   * Names joined by و (and by commas after a list head) from token k: "والنعيمة وصيدا وأم المياذن".
   * `fromHead`: k is the first name (no conjunction needed). Returns the last token consumed.
   */
  private listFrom(k: number, kind: PlaceDraft['kind'], fromHead: boolean, consumed = k - 1): number {
    const { tokens, source } = this.ctx;
    let last = consumed;
    let first = fromHead;
    while (k < tokens.length) {
      const t = tokens[k]!;
      let skip = 0;
      if (!first) {
        const gap = source.folded.slice(tokens[k - 1]!.end, t.start);
        const comma = fromHead && this.ctx.pack.morphology.isCommaGap(gap);
        if (!t.spaced && !comma) break;
        skip = conjunctionOffset(this.ctx, t);
        if (skip === 0 && !comma) break;
      }
      const pm = placeAt(this.ctx, k);
      const known = knownPlace(pm);
      let end: number;
      if (known && pm) {
        if (isCountry(known)) countryPlace(this.ctx, this.idx, known, { start: pm.start, end: tokens[pm.last]!.end });
        else this.cuedPlace(pm, known, { start: pm.start, end: tokens[pm.last]!.end }, kind);
        end = pm.last;
      } else {
        const run = placeNameRun(this.ctx, k, skip);
        if (!run) break;
        contextPlace(this.ctx, this.idx, kind, run.span, 'places:class-noun-list');
        end = run.last;
      }
      this.placed(end);
      last = end;
      k = end + 1;
      first = false;
    }
    return last;
  }

  /**
   * Whether a lexicon place found at match `m` counts now: always when it is unambiguous; an
   * ambiguous one after a place it is listed with or before a place that locates it. After a
   * preposition it is deferred (see finish); otherwise it is dropped.
   */
  accept(m: PhraseMatch<EntityLex>, place: PlaceEntry): boolean {
    if (this.insideOrganisation(m)) return false;
    const needs = needsOf(place);
    if (needs === null) return true;
    const { tokens, pack } = this.ctx;
    const span = { start: m.start, end: tokens[m.last]!.end };
    if (this.listedAfterPlace(m)) return true;
    if (needs === 'cue') return false;
    // a homonym whose country the article has already named ("Tripoli" after "Lebanon")
    if (needs === 'country' && place.country !== null && this.namedCountries().has(place.country)) return true;
    // "باركلاند بفلوريدا", "كرش في لحج": a place after it says where it is
    const next = tokens[m.last + 1];
    // "دبي، الإمارات العربية المتحدة": its own country after a comma (a dateline, an address)
    if (next && !next.spaced && pack.morphology.isCommaGap(this.ctx.source.folded.slice(tokens[m.last]!.end, next.start))) {
      const after = placeAt(this.ctx, m.last + 1, false);
      const c = knownPlace(after);
      if (c && isCountry(c) && homonymsOf(m).some((h) => h.country === c.iso3)) return true;
    }
    if (next?.spaced) {
      const after = placeAt(this.ctx, m.last + 1);
      const inPlace = after && pack.morphology.locativeProclitic(after.proclitic) ? after : pack.grammar.has('in', next.word) ? placeAt(this.ctx, m.last + 2, false) : null;
      const where = knownPlace(inPlace);
      if (where && (isCountry(where) || needsOf(where) === null)) return true;
    }
    if (!place.country) return false;
    if (needs === 'country' || this.afterPreposition(m)) this.deferred.push({ place, span, homonyms: homonymsOf(m) });
    return false;
  }

  /**
   * Whether a phrase that is both a place and an organisation ("الميادين", a town and a channel) is
   * the place here: listed right after another place ("بين البوكمال والميادين") or after a preposition of place.
   */
  placeReading(m: PhraseMatch<EntityLex>): boolean {
    return this.listedAfterPlace(m) || this.afterPreposition(m) || this.officeTerritory(m);
  }

  /**
   * "المبعوث الخاص للأمم المتحدة للشرق الأوسط": the dative after an office held for a territory
   * (an envoy, a coordinator), within OFFICE_REACH words, names that territory (the region, not the
   * newspaper of that name); "قال المتحدث باسم الجيش للشرق الأوسط" is said to the newspaper.
   */
  private officeTerritory(m: PhraseMatch<EntityLex>): boolean {
    const { tokens, pack } = this.ctx;
    if (!pack.morphology.dativeProclitic(m.proclitic)) return false;
    for (let k = m.first - 1; k >= 0 && m.first - k <= OFFICE_REACH && tokens[k + 1]!.spaced; k--) {
      if (valueOfType(pack.entities.matchAt(tokens, k, false)?.values, 'title')?.title.for_territory) return true;
    }
    return false;
  }

  /** "لواء القدس", "جامعة دمشق": the place is part of the name of a unit, a medium or an institution. */
  private insideOrganisation(m: PhraseMatch<EntityLex>): boolean {
    const { tokens, pack } = this.ctx;
    const prev = tokens[m.first - 1];
    if (!prev || !tokens[m.first]!.spaced || m.proclitic !== '') return false;
    return variantsOf(prev).some((v) => pack.places.is('organisation_heads', v.w));
  }

  /** "البوكمال والميادين", "حلب، إدلب": right after another place, joined by و or a comma. */
  private listedAfterPlace(m: PhraseMatch<EntityLex>): boolean {
    const { tokens, source, pack } = this.ctx;
    if (m.first === 0 || this.lastPlaceEnd !== m.first - 1) return false;
    // (a proclitic is the start of the token: it opens with the conjunction when the token does)
    return (m.proclitic !== '' && pack.morphology.stripConjunction(tokens[m.first]!.text) !== null) || pack.morphology.isCommaGap(source.folded.slice(tokens[m.first - 1]!.end, tokens[m.first]!.start));
  }

  /** "في X", "بX", "قرب X". */
  private afterPreposition(m: PhraseMatch<EntityLex>): boolean {
    const { tokens, pack } = this.ctx;
    const prev = tokens[m.first - 1];
    return pack.morphology.locativeProclitic(m.proclitic) || (!!prev && tokens[m.first]!.spaced && pack.places.is('locative_prepositions', prev.word));
  }

  /** Deferred places whose country the article names (as a country, a place or an actor's country). */
  finish(): void {
    if (this.deferred.length === 0 && this.named.length === 0) return;
    const countries = this.namedCountries();
    for (const d of this.deferred) {
      const place = d.homonyms.find((h) => h.country !== null && countries.has(h.country));
      if (place) lexPlace(this.ctx, this.idx, place, d.span);
    }
    // "بلدة المحمدية" in an article that never names Morocco: a town of that name, not Mohammedia's coordinates
    for (const d of this.named) {
      const place = d.homonyms.find((h) => h.country !== null && countries.has(h.country));
      if (place) lexPlace(this.ctx, this.idx, place, d.span);
      else contextPlace(this.ctx, this.idx, d.kind, d.span, 'places:class-noun-name');
    }
  }

  /**
   * A known place its class noun introduces. A GeoNames name that needs a cue gets that place's
   * coordinates only if the article names its country (see finish); a hand-kept or standalone place at once.
   */
  /**
   * `مدينة "جارديز"`: a name of one to three words (a word may be hyphenated: `"داشت-إي-أرتشي"`) in
   * quotation marks right after a class noun. The marks only set the name apart, so the name is read
   * as after a class noun, without them.
   */
  private quotedNameAfter(i: number, kind: PlaceDraft['kind']): number | null {
    const { tokens, pack, source } = this.ctx;
    const first = i + 1;
    const close = quoteOpensAfter(this.ctx, i);
    if (close === undefined) return null;
    let words = 0;
    for (let last = first; last < tokens.length; last++) {
      const t = tokens[last]!;
      // "داشت-إي-أرتشي": a part joined by a hyphen belongs to the word before it, whatever it reads as alone
      const hyphened = last > first && source.folded.slice(tokens[last - 1]!.end, t.start) === '-';
      if (!hyphened && ++words > 3) return null;
      if ((last > first && !t.spaced && !hyphened) || !/^\p{L}{2,}$/u.test(t.text)) return null;
      if (!hyphened && (pack.stopwords.has(t.word.text) || pack.places.is('not_place_names', t.word))) return null;
      if (!quoteClosesAfter(this.ctx, last, close)) continue;
      const pm = placeAt(this.ctx, first, false);
      const known = knownPlace(pm);
      const span = { start: tokens[first]!.start, end: t.end };
      if (known && pm && pm.last === last && !isCountry(known)) this.cuedPlace(pm, known, span, kind);
      else if (!known) contextPlace(this.ctx, this.idx, kind, span, 'places:class-noun-quoted-name');
      else return null;
      this.placed(last);
      return last;
    }
    return null;
  }

  private cuedPlace(m: PhraseMatch<EntityLex>, place: PlaceEntry, span: Span, kind: PlaceDraft['kind']): void {
    if (cuedGeoNames(place)) this.named.push({ homonyms: homonymsOf(m), span, kind });
    else lexPlace(this.ctx, this.idx, place, span);
  }
}
