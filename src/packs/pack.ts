/**
 * A language pack: the compiled lexicons of one language. Stages only see this interface, so a
 * new language is new data (and, where its grammar differs, new rules here), never a branch in a stage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { PhraseMatcher } from '../core/phrase-matcher.ts';
import { foldKey, foldText } from '../core/source-text.ts';
import { pinnedWord, wordOf, type Token, type Word } from '../core/tokens.ts';
import * as L from './lexicon-schema.ts';
import { readCompiledLexicons, LEXICON_ROOTS, type CompiledLexicons } from './compiled-lexicons.ts';
import { gazetteerPlaces, type PlaceNeeds, type Row } from './gazetteer.ts';
import { arabicPack } from './ar/index.ts';
import { englishPack } from './en/index.ts';

export type ActorEntry = z.infer<typeof L.ActorsLexicon>['actors'][number];
export type PersonEntry = z.infer<typeof L.PersonsLexicon>['persons'][number];
export type TitleEntry = z.infer<typeof L.TitlesLexicon>['titles'][number];
export type InstitutionEntry = z.infer<typeof L.InstitutionsLexicon>['institutions'][number];
/** a hand-kept place (places.yaml) or a GeoNames place (gazetteer.generated.json: with its id and population) */
export type PlaceEntry = z.infer<typeof L.PlacesLexicon>['places'][number] & { geonameid?: number; population?: number; needs?: PlaceNeeds };
export type VerbEntry = z.infer<typeof L.SpeechVerbsLexicon>['verbs'][number];
export type EventEntry = z.infer<typeof L.EventsLexicon>['events'][number];

export interface CountryEntry {
  iso3: string;
  name: string;
  native: string;
  lat: number | null;
  lon: number | null;
  demonym_en: string | null;
  /** the capital, which the press uses for the state's government ("باكو تؤكد") */
  capital: PlaceEntry | null;
}

/** Everything a name-like phrase can be: one matcher, one pass over the tokens. */
export type EntityLex =
  | { type: 'country'; country: CountryEntry }
  | { type: 'demonym'; country: CountryEntry }
  | { type: 'place'; place: PlaceEntry }
  | { type: 'actor'; actor: ActorEntry }
  | { type: 'person'; person: PersonEntry }
  | { type: 'title'; title: TitleEntry }
  | { type: 'institution'; institution: InstitutionEntry }
  | { type: 'group'; group: InstitutionEntry }
  | { type: 'leader'; en: string };

export type TimeLex =
  | { type: 'month'; month: number; calendar: 'gregorian' | 'hijri' }
  | { type: 'weekday'; weekday: number }
  | { type: 'relative_day'; offset: number; part: z.infer<typeof L.PartOfDay> | null }
  | { type: 'relative_period'; unit: 'week' | 'month' | 'year'; offset: number }
  | { type: 'part_of_day'; part: z.infer<typeof L.PartOfDay> }
  | { type: 'future' }
  | { type: 'past' }
  | { type: 'since' }
  | { type: 'event_day' }
  | { type: 'offset'; direction: -1 | 1 }
  | { type: 'offset_anchor' }
  | { type: 'duration'; unit: 'day' | 'week' | 'month' | 'year'; form: 'singular' | 'dual' | 'plural' }
  | { type: 'future_particle' }
  | { type: 'in_a_row' };

export type NumberLex =
  | { type: 'unit'; value: number }
  | { type: 'teen'; value: number }
  | { type: 'ten'; value: number }
  | { type: 'hundred'; value: number }
  | { type: 'scale'; value: number; form: 'singular' | 'dual' | 'plural' }
  | { type: 'vague'; value: number | null }
  | { type: 'qualifier'; qualifier: z.infer<typeof L.Qualifier>; position: 'before' | 'after' }
  | { type: 'ordinal'; value: number }
  | { type: 'conjunction' }
  | { type: 'not_count' }
  | { type: 'fraction'; value: number };

export type CasualtyLex =
  | { type: 'counted_noun'; outcome: z.infer<typeof L.Outcome>; form: 'singular' | 'dual' | 'plural' }
  | { type: 'event_noun'; outcome: z.infer<typeof L.Outcome> }
  | { type: 'verb'; outcome: z.infer<typeof L.Outcome> }
  | { type: 'victim'; group: z.infer<typeof L.VictimGroup>; en: string; form: 'singular' | 'dual' | 'plural' }
  | { type: 'partial' }
  | { type: 'higher' }
  | { type: 'subset' }
  | { type: 'cumulative' }
  | { type: 'split_first'; outcome: z.infer<typeof L.Outcome> }
  | { type: 'split_last'; outcome: z.infer<typeof L.Outcome> }
  | { type: 'others' }
  | { type: 'coordinator' }
  | { type: 'negation' }
  | { type: 'disjunction' }
  | { type: 'toll_link' }
  | { type: 'earlier_toll' }
  | { type: 'not_people' }
  | { type: 'clause_break' }
  | { type: 'passive_after' }
  | { type: 'possessive' }
  | { type: 'victim_subject'; outcome: z.infer<typeof L.Outcome> }
  | { type: 'self_first' }
  | { type: 'self_last' };

export type CeasefireLex =
  | { type: 'kind'; kind: z.infer<typeof L.CeasefireKind> }
  | { type: 'status'; status: z.infer<typeof L.CeasefireStatus>; resumes?: true; describes?: true }
  | { type: 'attempt'; dual: boolean }
  | { type: 'generic' }
  | { type: 'hypothetical' }
  | { type: 'purpose' }
  | { type: 'talks' }
  | { type: 'copula' };

export type SpeechLex =
  | { type: 'verb'; verb: VerbEntry; participle: boolean }
  | { type: 'source'; kind: string }
  | { type: 'relay' };

export type EventLex =
  | { type: 'event'; event: EventEntry }
  | { type: 'planned' }
  | { type: 'alleged' }
  | { type: 'ongoing' }
  | { type: 'denial' }
  | { type: 'conditional' }
  | { type: 'civilian_target' }
  | { type: 'negation' }
  | { type: 'future_negation' }
  | { type: 'not_negation' }
  | { type: 'anaphor' }
  | { type: 'with' }
  | { type: 'asked_of' };

export interface LanguagePack {
  language: string;
  entities: PhraseMatcher<EntityLex>;
  /** GeoNames places (gazetteer.generated.json), read by the place rules only */
  gazetteer: PhraseMatcher<EntityLex>;
  time: PhraseMatcher<TimeLex>;
  /** words that help read a date but are none (offsets, durations, future particles): TimeLex cue types */
  timeCues: PhraseMatcher<TimeLex>;
  numbers: PhraseMatcher<NumberLex>;
  speech: PhraseMatcher<SpeechLex>;
  casualties: PhraseMatcher<CasualtyLex>;
  /** the words around a casualty figure (others, negations, links, what is not people): casualties.yaml */
  casualtyCues: PhraseMatcher<CasualtyLex>;
  /** folded endings of a dual noun of people ("فلسطينيان" = 2): casualties.yaml dual_person_endings */
  casualtyDualEndings: readonly string[];
  /** folded endings of a noun with an attached pronoun and what its bare form ends with (casualties.yaml possessive_endings), longest first */
  possessiveEndings: ReadonlyArray<{ bound: string; free: string }>;
  ceasefires: PhraseMatcher<CeasefireLex>;
  events: PhraseMatcher<EventLex>;
  /** folded opening quotation mark → its folded closing mark (“ and ” fold to ") */
  quoteClose: Map<string, string>;
  /** 1 at the code unit of each opening quotation mark in quoteClose (a 64K table) */
  quoteOpenCodes: Uint8Array;
  /** folded lines that are site chrome, not article content */
  pageRemnants: Set<string>;
  /** folded words that open a wire editor's note, written after a title and closed by the line end */
  editorNotes: Set<string>;
  countries: Map<string, CountryEntry>;
  /** function words by role (grammar.yaml), folded */
  grammar: Grammar;
  morphology: Morphology;
  /** words that end a run of name words (function words, prepositions) */
  stopwords: Set<string>;
  /** place class nouns and the words around place names (place-context.yaml) */
  places: PlaceContext;
  /** a reporting clause puts its subject before the verb ("Straw said"), not after it ("قال سترو") */
  subjectFirst: boolean;
  /** dates are written month first ("July 7, 2005") as well as day first */
  monthFirst: boolean;
  /** a country or demonym before a body says whose it is ("Syrian foreign ministry"), as well as one after it */
  ownerBefore: boolean;
  /** a day and month written without a year is the reading nearer publication, ahead or behind */
  yearNearest: boolean;
  /** whether the original text of a span is shaped as a proper name (a script with case: its capital) */
  nameShaped(original: string, start: number, end: number): boolean;
  /** a word that folds to a function word but is written, in this article, as a name (see PackSpec) */
  homographName(original: string, start: number, end: number): boolean;
  /** runs of proper-name words no lexicon knows (English capitalised words), as token ranges; none in a script without case */
  nameRuns(original: string, tokens: readonly Token[], toOriginal: (folded: number) => number): NameRun[];
  /** the script has letter case, so a name is told by its capitals (the pack finds name runs) */
  letterCase: boolean;
}

export type PlaceKind = z.infer<typeof L.PlaceKind>;
/** A class noun: "قرية" (town, one), "بلدتي" (town, two), "مطار" (site, kept in the name). */
export interface PlaceClass {
  kind: PlaceKind;
  number: 'singular' | 'dual' | 'plural';
  /** the class noun is part of the place's name (a facility: "معبر نصيب") */
  keep: boolean;
}
const PLACE_WORD_ROLES = [
  'not_place_names', 'boundaries', 'list_heads', 'resumptive_pronouns', 'organisation_heads', 'directions', 'place_references', 'located_prepositions', 'locative_prepositions', 'common_words',
] as const;
export type PlaceWordRole = (typeof PLACE_WORD_ROLES)[number];
export interface PlaceContext {
  /** the class a folded word names, or undefined */
  classOf(word: Word | string): PlaceClass | undefined;
  /** whether a folded word has a role around place names */
  is(role: PlaceWordRole, word: Word | string): boolean;
}


/** A run of name-shaped tokens [first, last] found by a pack. */
export interface NameRun {
  first: number;
  last: number;
}

/** What a language needs beyond its lexicons: word shapes and the few rules data cannot say. */
export interface PackSpec {
  morphology: Morphology;
  /** a pack whose places, actors and persons this one also reads under their English `name` */
  namesFrom?: string;
  nameShaped?: LanguagePack['nameShaped'];
  nameRuns?: LanguagePack['nameRuns'];
  /** folding merges some names with function words (Arabic علي, the name, and على); the original may tell them apart */
  homographName?: LanguagePack['homographName'];
}

/** Word-shape rules of a language, on folded words. */
export interface Morphology {
  isDefinite(word: string): boolean;
  hasProcliticArticle(word: string): boolean;
  locativeProclitic(proclitic: string): boolean;
  dativeProclitic(proclitic: string): boolean;
  stripConjunction(word: string): string | null;
  looksLikePresentVerb(word: string): boolean;
  /** a verb with the future prefix (Arabic سـ): puts a date in its clause ahead of publication */
  looksLikeFutureVerb(word: string): boolean;
  isVerbWithObject(word: string): boolean;
  isNisbaAdjective(word: string): boolean;
  /** a nisba adjective that can describe the noun `head` (it agrees with it in gender) */
  nisbaDescribes(head: string, word: string): boolean;
  isParticiple(word: string): boolean;
  dayNumber(word: string): number | null;
  adjectiveForms(stem: string): string[];
  /** the word begins a new clause with a conjunction glued to it ("وقال") */
  opensClause(word: string): boolean;
  /** the text between two words is a comma (with spaces); `isFoldedCommaGap` where folding already gives an ASCII comma */
  isCommaGap(gap: string): boolean;
  /** a word shape no personal name has (a verb's plural ending, an attached pronoun) */
  unlikelyNameWord(word: string): boolean;
  /** a verb form whose ending is its own plural subject ("they accused"): a noun after it is its object */
  verbCarriesSubject(word: string): boolean;
  /** a proclitic that, glued to a verb form, makes it a verbal noun ("to condemn", "by request"), not a finite verb */
  nominalizingProclitic(proclitic: string): boolean;
}

/** A comma between two words of folded text: folding turns the Arabic comma (and its kin) into ",". */
export function isFoldedCommaGap(gap: string): boolean {
  return /^\s*,\s*$/u.test(gap);
}

export type GrammarRole = keyof z.infer<typeof L.GrammarLexicon> | keyof z.infer<typeof L.GivenNamesLexicon>;
export interface Grammar {
  /** whether a folded word (a token's Word, or a spelling) has a role */
  has(role: GrammarRole, word: Word | string): boolean;
}

/** Each language's compiled lexicons (compiled-lexicons.ts) while its pack is being built. */
const compiledLexicons = new Map<string, CompiledLexicons>();

/** One lexicon of a language, as the build validated it with `schema`. */
function load<S extends z.ZodType>(lang: string, file: string, schema: S, optional = false): z.infer<S> | null {
  let compiled = compiledLexicons.get(lang);
  if (compiled === undefined) compiledLexicons.set(lang, (compiled = readCompiledLexicons(lang)));
  if (!(file in compiled.lexicons)) {
    if (optional) return null;
    throw new Error(`lexicon ${lang}/${file} is missing`);
  }
  if (L.LEXICON_FILES[file] !== schema) throw new Error(`lexicon ${lang}/${file}: LEXICON_FILES names another schema for it`);
  return compiled.lexicons[file] as z.infer<S>;
}

const SPECS: Record<string, PackSpec> = { ar: arabicPack, en: englishPack };

/** The languages with a pack. */
export const PACK_LANGUAGES: readonly string[] = Object.keys(SPECS);

const packCache = new Map<string, LanguagePack>();
/** each pack's grammar keeps its words' roles in two slots of its own (`Word.roles[2 * slot]`, `[2 * slot + 1]`): 62 roles */
let nextGrammarSlot = 0;

/** Whether a language has a pack. */
export function hasPack(language: string): boolean {
  return Object.hasOwn(SPECS, language) && existsSync(join(LEXICON_ROOTS.sources, language));
}

const neutralCache = new Map<string, LanguagePack>();
/**
 * The pack of a language that has none: empty lexicons and word rules that say no, so the stages
 * run (numeric dates and the article's own fields still come out) and find no words.
 */
export function neutralPack(language: string): LanguagePack {
  const cached = neutralCache.get(language);
  if (cached) return cached;
  const no = (): false => false;
  const pack: LanguagePack = {
    language,
    entities: new PhraseMatcher(), time: new PhraseMatcher(), numbers: new PhraseMatcher(), speech: new PhraseMatcher(),
    casualties: new PhraseMatcher(), ceasefires: new PhraseMatcher(), events: new PhraseMatcher(),
    quoteClose: new Map(), quoteOpenCodes: new Uint8Array(0x10000), pageRemnants: new Set(), editorNotes: new Set(), countries: new Map(),
    grammar: { has: no },
    places: { classOf: () => undefined, is: no },
    gazetteer: new PhraseMatcher(),
    morphology: {
      isDefinite: no, hasProcliticArticle: no, locativeProclitic: no, dativeProclitic: no,
      stripConjunction: () => null, looksLikePresentVerb: no, isParticiple: no, dayNumber: () => null, adjectiveForms: (s) => [s],
      isCommaGap: isFoldedCommaGap, unlikelyNameWord: no, opensClause: no, looksLikeFutureVerb: no, isVerbWithObject: no, isNisbaAdjective: no, nisbaDescribes: no,
      verbCarriesSubject: no, nominalizingProclitic: no,
    },
    casualtyCues: new PhraseMatcher(), casualtyDualEndings: [], possessiveEndings: [], timeCues: new PhraseMatcher(),
    stopwords: new Set(), monthFirst: false, ownerBefore: false, yearNearest: false, subjectFirst: false, nameShaped: () => true, nameRuns: () => [], homographName: () => false, letterCase: false,
  };
  neutralCache.set(language, pack);
  return pack;
}

export function loadPack(language: string): LanguagePack {
  const cached = packCache.get(language);
  if (cached) return cached;
  if (!SPECS[language] || !existsSync(join(LEXICON_ROOTS.sources, language))) throw new Error(`no language pack for '${language}'`);
  let pack: LanguagePack;
  try {
    pack = buildPack(language);
  } finally {
    // the pack keeps what it uses
    compiledLexicons.delete(language);
    const from = SPECS[language]!.namesFrom;
    if (from !== undefined && !packCache.has(from)) compiledLexicons.delete(from);
  }
  packCache.set(language, pack);
  return pack;
}

function buildPack(lang: string): LanguagePack {
  const spec = SPECS[lang]!;
  const morphology = spec.morphology;
  const demonymForms = morphology.adjectiveForms;
  const months = load(lang, 'months.yaml', L.MonthsLexicon)!;
  const weekdays = load(lang, 'weekdays.yaml', L.WeekdaysLexicon)!;
  const timeWords = load(lang, 'time-words.yaml', L.TimeWordsLexicon)!;
  const numbers = load(lang, 'numbers.yaml', L.NumbersLexicon)!;
  const speech = load(lang, 'speech-verbs.yaml', L.SpeechVerbsLexicon)!;
  const titles = load(lang, 'titles.yaml', L.TitlesLexicon)!;
  const actors = load(lang, 'actors.yaml', L.ActorsLexicon)!;
  const persons = load(lang, 'persons.yaml', L.PersonsLexicon, true);
  const institutions = load(lang, 'institutions.yaml', L.InstitutionsLexicon)!;
  const countriesGen = load(lang, 'countries.generated.yaml', L.CountriesGenerated)!;
  const demonyms = load(lang, 'demonyms.yaml', L.DemonymsLexicon, true);
  const places = load(lang, 'places.yaml', L.PlacesLexicon)!;
  const personEntries = [...(persons?.persons ?? [])];
  if (spec.namesFrom) {
    // the shared gazetteer, actors and people under their English names (their Arabic forms are not read)
    const english = <T extends { name: string; native: string; forms: string[] }>(e: T): T => ({ ...e, native: e.name, forms: [e.name] });
    // "Tripoli (Lebanon)": a name qualified to tell homonyms apart is written without the qualifier;
    // the places rules choose among the homonyms by the countries the article names
    const unqualified = <T extends { name: string; native: string; forms: string[] }>(e: T): T => {
      const bare = /^(.+?) \([^()]+\)$/u.exec(e.name)?.[1];
      return bare ? { ...english(e), native: bare, forms: [bare] } : english(e);
    };
    places.places.push(...load(spec.namesFrom, 'places.yaml', L.PlacesLexicon)!.places.map(unqualified));
    actors.actors.push(...load(spec.namesFrom, 'actors.yaml', L.ActorsLexicon)!.actors.map(english));
    const borrowed = load(spec.namesFrom, 'persons.yaml', L.PersonsLexicon, true);
    if (borrowed) personEntries.push(...borrowed.persons.map((p) => ({ ...english(p), title: p.title_en })));
  }
  const casualties = load(lang, 'casualties.yaml', L.CasualtiesLexicon)!;
  const ceasefires = load(lang, 'ceasefires.yaml', L.CeasefiresLexicon)!;
  const events = load(lang, 'events.yaml', L.EventsLexicon)!;
  const credits = load(lang, 'credits.yaml', L.CreditsLexicon)!;
  const grammarLex = load(lang, 'grammar.yaml', L.GrammarLexicon)!;
  // given names are roles of the grammar too (one bit read per word), but not function words
  const givenNames = load(lang, 'given-names.yaml', L.GivenNamesLexicon, true) ?? { given_names: [], compound_tails: [] };
  const placeContext = load(lang, 'place-context.yaml', L.PlaceContextLexicon)!;
  // GeoNames rows (scripts/generate-gazetteer.ts), validated at build time like the YAML lexicons
  const gazetteer = (load(lang, 'gazetteer.generated.json', L.GazetteerGenerated, true)?.places ?? []) as Row[];
  // every word's roles as one bit set on the (pinned) word itself, in this grammar's slot: one
  // field read per question, at every token of every stage
  const slot = nextGrammarSlot++;
  // a role is a word of the pair (0 or 1) and a bit in it: 31 bits a word keep the sets positive small integers
  const roleBit = new Map<string, { at: number; bit: number }>();
  for (const [role, list] of [...Object.entries(grammarLex), ...Object.entries(givenNames)]) {
    const n = roleBit.size;
    if (n >= 62) throw new Error(`lexicon ${lang}/grammar.yaml: more than 62 roles`);
    const rb = { at: 2 * slot + (n >= 31 ? 1 : 0), bit: 1 << n % 31 };
    roleBit.set(role, rb);
    for (const w of list as string[]) {
      const word = pinnedWord(foldKey(w));
      const roles = (word.roles ??= []);
      roles[rb.at] = (roles[rb.at] ?? 0) | rb.bit;
    }
  }
  const grammar: Grammar = {
    has: (role, word) => {
      const roles = (typeof word === 'string' ? wordOf(word) : word).roles;
      const rb = roles === undefined ? undefined : roleBit.get(role);
      return rb !== undefined && ((roles![rb.at] ?? 0) & rb.bit) !== 0;
    },
  };
  const placeWords = buildPlaceContext(placeContext);

  const time = new PhraseMatcher<TimeLex>();
  for (const m of months.gregorian) for (const n of m.names) time.add(n, { type: 'month', month: m.month, calendar: 'gregorian' });
  for (const m of months.hijri) for (const n of m.names) time.add(n, { type: 'month', month: m.month, calendar: 'hijri' });
  for (const w of weekdays.weekdays) for (const n of w.names) time.add(n, { type: 'weekday', weekday: w.weekday });
  for (const r of timeWords.relative_days) for (const n of r.names) time.add(n, { type: 'relative_day', offset: r.offset, part: r.part ?? null });
  for (const r of timeWords.relative_periods) {
    // a weekend is not a calendar period date-fns can bound without a locale's week; left unresolved
    if (r.unit === 'weekend') continue;
    const unit = r.unit;
    for (const n of r.names) time.add(n, { type: 'relative_period', unit, offset: r.offset });
  }
  for (const p of timeWords.parts_of_day) for (const n of p.names) time.add(n, { type: 'part_of_day', part: p.part });
  const future: TimeLex = { type: 'future' };
  const past: TimeLex = { type: 'past' };
  const since: TimeLex = { type: 'since' };
  timeWords.future_markers.forEach((n) => time.add(n, future));
  timeWords.past_markers.forEach((n) => time.add(n, past));
  timeWords.since_markers.forEach((n) => time.add(n, since));
  const eventDay: TimeLex = { type: 'event_day' };
  timeWords.event_days.forEach((n) => time.add(n, eventDay));
  // words that only help read a date (قبل، من، يوم، سوف): a matcher of their own, so that stages
  // asking "is this a date word?" of the time matcher do not stop at every preposition
  const timeCues = new PhraseMatcher<TimeLex>();
  const before: TimeLex = { type: 'offset', direction: -1 };
  const after: TimeLex = { type: 'offset', direction: 1 };
  timeWords.offsets?.before.forEach((n) => timeCues.add(n, before));
  timeWords.offsets?.after.forEach((n) => timeCues.add(n, after));
  const anchor: TimeLex = { type: 'offset_anchor' };
  timeWords.offset_anchors.forEach((n) => timeCues.add(n, anchor));
  for (const d of timeWords.durations) {
    for (const form of ['singular', 'dual', 'plural'] as const) for (const n of d[form]) timeCues.add(n, { type: 'duration', unit: d.unit, form });
  }
  const futureParticle: TimeLex = { type: 'future_particle' };
  timeWords.future_particles.forEach((n) => timeCues.add(n, futureParticle));
  const inARow: TimeLex = { type: 'in_a_row' };
  timeWords.in_a_row.forEach((n) => timeCues.add(n, inARow));

  const num = new PhraseMatcher<NumberLex>();
  const addValues = (map: Record<string, string[]>, type: 'unit' | 'teen' | 'ten' | 'hundred' | 'ordinal'): void => {
    for (const [v, forms] of Object.entries(map)) for (const f of forms) num.add(f, { type, value: Number(v) });
  };
  addValues(numbers.units, 'unit');
  addValues(numbers.teens, 'teen');
  addValues(numbers.tens, 'ten');
  addValues(numbers.hundreds, 'hundred');
  addValues(numbers.ordinals, 'ordinal');
  for (const [v, s] of Object.entries(numbers.scales)) {
    for (const form of ['singular', 'dual', 'plural'] as const) for (const f of s[form]) num.add(f, { type: 'scale', value: Number(v), form });
  }
  for (const v of numbers.vague) for (const n of v.names) num.add(n, { type: 'vague', value: v.value });
  for (const q of numbers.qualifiers) for (const n of q.names) num.add(n, { type: 'qualifier', qualifier: q.qualifier, position: q.position });
  const conjunction: NumberLex = { type: 'conjunction' };
  const notCount: NumberLex = { type: 'not_count' };
  numbers.conjunctions.forEach((n) => num.add(n, conjunction));
  for (const f of numbers.fractions) for (const n of f.names) num.add(n, { type: 'fraction', value: f.value });
  numbers.not_counts.forEach((n) => num.add(n, notCount));

  const sp = new PhraseMatcher<SpeechLex>();
  for (const v of speech.verbs) {
    for (const f of v.forms) sp.add(f, { type: 'verb', verb: v, participle: false });
    for (const f of v.participles) sp.add(f, { type: 'verb', verb: v, participle: true });
  }
  for (const s of speech.sources) for (const n of s.names) sp.add(n, { type: 'source', kind: s.kind });
  const relay: SpeechLex = { type: 'relay' };
  speech.relay_verbs.forEach((n) => sp.add(n, relay));

  // countries: generated names + curated press spellings, demonyms, and capitals from places
  const countries = new Map<string, CountryEntry>();
  for (const c of countriesGen.countries) {
    countries.set(c.iso3, { iso3: c.iso3, name: c.name, native: c.native, lat: c.lat, lon: c.lon, demonym_en: null, capital: null });
  }
  for (const p of places.places) {
    if (p.capital_of) {
      const c = countries.get(p.capital_of);
      if (c && !c.capital) c.capital = p;
    }
  }
  const ent = new PhraseMatcher<EntityLex>();
  for (const c of countriesGen.countries) {
    const entry = countries.get(c.iso3)!;
    entry.demonym_en = c.demonym_en ?? null;
    const ambiguous = new Set(c.ambiguous_forms.map(foldKey));
    const lex: EntityLex = { type: 'country', country: entry };
    for (const f of c.forms) if (!ambiguous.has(foldKey(f))) ent.add(f, lex);
    const dem: EntityLex = { type: 'demonym', country: entry };
    for (const d of c.demonyms) for (const f of demonymForms(d)) ent.add(f, dem);
    for (const pl of c.plurals) ent.add(pl, dem);
  }
  for (const d of demonyms?.demonyms ?? []) {
    const c = d.country ? countries.get(d.country) : undefined;
    if (!c) continue;
    const dem: EntityLex = { type: 'demonym', country: c };
    for (const f of d.forms) for (const g of demonymForms(f)) ent.add(g, dem);
  }
  for (const p of places.places) {
    const lex: EntityLex = { type: 'place', place: p.stands_for && !p.capital_of ? { ...p, capital_of: p.stands_for } : p };
    for (const f of p.forms) ent.add(f, lex);
    ent.add(p.native, lex);
  }
  for (const a of actors.actors) {
    const lex: EntityLex = { type: 'actor', actor: a };
    for (const f of a.forms) ent.add(f, lex);
    ent.add(a.native, lex);
  }
  for (const p of personEntries) {
    const lex: EntityLex = { type: 'person', person: p };
    for (const f of p.forms) ent.add(f, lex);
    ent.add(p.native, lex);
  }
  for (const t of titles.titles) {
    const lex: EntityLex = { type: 'title', title: t };
    for (const f of t.forms) ent.add(f, lex);
  }
  for (const i of institutions.institutions) {
    const lex: EntityLex = { type: 'institution', institution: i };
    for (const f of i.forms) ent.add(f, lex);
  }
  for (const g of institutions.groups) {
    const lex: EntityLex = { type: 'group', group: g };
    for (const f of g.forms) ent.add(f, lex);
  }
  for (const l of institutions.leaders) {
    const lex: EntityLex = { type: 'leader', en: l.en };
    for (const f of l.forms) ent.add(f, lex);
  }

  const cas = new PhraseMatcher<CasualtyLex>();
  for (const [outcome, o] of Object.entries(casualties.outcomes) as Array<[z.infer<typeof L.Outcome>, (typeof casualties.outcomes)[keyof typeof casualties.outcomes]]>) {
    if (!o) continue;
    for (const form of ['singular', 'dual', 'plural'] as const) for (const n of o.counted_nouns[form]) cas.add(n, { type: 'counted_noun', outcome, form });
    for (const n of o.event_nouns) cas.add(n, { type: 'event_noun', outcome });
    for (const n of o.verbs) cas.add(n, { type: 'verb', outcome });
  }
  for (const v of casualties.victims) {
    for (const form of ['singular', 'dual', 'plural'] as const) for (const n of v[form]) cas.add(n, { type: 'victim', group: v.group, en: v.en, form });
  }
  const cue = <T extends CasualtyLex['type']>(type: T): CasualtyLex => ({ type }) as CasualtyLex;
  const partial = cue('partial');
  const higher = cue('higher');
  const subset = cue('subset');
  const cumulative = cue('cumulative');
  casualties.partial_cues.forEach((n) => cas.add(n, partial));
  casualties.higher_cues.forEach((n) => cas.add(n, higher));
  casualties.subset_markers.forEach((n) => cas.add(n, subset));
  casualties.cumulative_markers.forEach((n) => cas.add(n, cumulative));
  // the words around a figure, apart from the casualty words other stages consult
  const casCues = new PhraseMatcher<CasualtyLex>();
  for (const [list, type] of [
    [casualties.others, 'others'], [casualties.coordinators, 'coordinator'], [casualties.negations, 'negation'], [casualties.disjunctions, 'disjunction'], [casualties.toll_links, 'toll_link'],
    [casualties.earlier_toll_cues, 'earlier_toll'], [casualties.not_people, 'not_people'],
    [casualties.self_killing?.first ?? [], 'self_first'], [casualties.self_killing?.last ?? [], 'self_last'],
    [casualties.clause_breaks, 'clause_break'], [casualties.passive_after, 'passive_after'], [casualties.possessive_tokens, 'possessive'],
  ] as const) {
    const lex = cue(type);
    for (const n of list) casCues.add(n, lex);
  }
  for (const v of casualties.victim_subject_verbs) {
    const lex: CasualtyLex = { type: 'victim_subject', outcome: v.outcome };
    for (const n of v.forms) casCues.add(n, lex);
  }
  for (const sv of casualties.split_verbs) {
    const firstLex: CasualtyLex = { type: 'split_first', outcome: sv.outcome };
    const lastLex: CasualtyLex = { type: 'split_last', outcome: sv.outcome };
    sv.first.forEach((n) => cas.add(n, firstLex));
    sv.last.forEach((n) => cas.add(n, lastLex));
  }

  const cf = new PhraseMatcher<CeasefireLex>();
  for (const k of ceasefires.kinds) for (const n of k.names) cf.add(n, { type: 'kind', kind: k.kind });
  for (const s of ceasefires.statuses) for (const n of s.names) cf.add(n, { type: 'status', status: s.status });
  for (const s of ceasefires.descriptions) for (const n of s.names) cf.add(n, { type: 'status', status: s.status, describes: true });
  const attempt: CeasefireLex = { type: 'attempt', dual: false };
  const attempts2: CeasefireLex = { type: 'attempt', dual: true };
  ceasefires.attempt_nouns.forEach((n) => cf.add(n, attempt));
  ceasefires.attempt_nouns_dual.forEach((n) => cf.add(n, attempts2));
  const generic: CeasefireLex = { type: 'generic' };
  ceasefires.generic_markers.forEach((n) => cf.add(n, generic));
  const hypothetical: CeasefireLex = { type: 'hypothetical' };
  ceasefires.hypothetical_markers.forEach((n) => cf.add(n, hypothetical));
  const resumes: CeasefireLex = { type: 'status', status: 'proposed', resumes: true };
  const copula: CeasefireLex = { type: 'copula' };
  ceasefires.description_copulas.forEach((n) => cf.add(n, copula));
  const purpose: CeasefireLex = { type: 'purpose' };
  ceasefires.interim_purposes.forEach((n) => cf.add(n, purpose));
  const talks: CeasefireLex = { type: 'talks' };
  ceasefires.talks.forEach((n) => cf.add(n, talks));
  // a resumption of talks is talks too ("… تمهيدا لاستئناف المفاوضات")
  ceasefires.resumption.forEach((n) => (cf.add(n, resumes), cf.add(n, talks)));

  const ev = new PhraseMatcher<EventLex>();
  for (const e of events.events) for (const n of e.names) ev.add(n, { type: 'event', event: e });
  const marker = (type: Exclude<EventLex['type'], 'event'>): EventLex => ({ type }) as EventLex;
  const planned = marker('planned');
  const alleged = marker('alleged');
  const ongoing = marker('ongoing');
  const denial = marker('denial');
  const civ = marker('civilian_target');
  events.planned_markers.forEach((n) => ev.add(n, planned));
  events.alleged_markers.forEach((n) => ev.add(n, alleged));
  events.ongoing_markers.forEach((n) => ev.add(n, ongoing));
  events.denial_markers.forEach((n) => ev.add(n, denial));
  const conditional = marker('conditional');
  events.conditional_markers.forEach((n) => ev.add(n, conditional));
  events.civilian_targets.forEach((n) => ev.add(n, civ));
  events.negation_markers.forEach((n) => ev.add(n, marker('negation')));
  events.future_negation_markers.forEach((n) => ev.add(n, marker('future_negation')));
  events.not_negation.forEach((n) => ev.add(n, marker('not_negation')));
  events.anaphor_markers.forEach((n) => ev.add(n, marker('anaphor')));
  events.with_markers.forEach((n) => ev.add(n, marker('with')));
  events.asked_of_markers.forEach((n) => ev.add(n, marker('asked_of')));

  // GeoNames places last: a phrase another entity lexicon knows keeps that reading (gazetteer.ts)
  const functionWords = new Set(Object.values(grammarLex).flatMap((list) => list.map(foldKey)));
  const entityHeads = new Set<string>();
  for (const forms of [...actors.actors.map((a) => a.forms), ...institutions.institutions.map((i) => i.forms), ...institutions.groups.map((g) => g.forms), ...titles.titles.map((t) => t.forms)]) {
    for (const f of forms) {
      const words = foldKey(f).split(' ');
      if (words.length > 1) entityHeads.add(words[0]!);
    }
  }
  const gazetteerOptions = {
    claimed: (key: string) => ent.hasKey(key),
    // a word another lexicon reads (a function word, a time word, a number, a verb, an event or casualty word, a class noun)
    excluded: (key: string) =>
      functionWords.has(key) || time.hasKey(key) || num.hasKey(key) || sp.hasKey(key) || ev.hasKey(key) || cas.hasKey(key) || cf.hasKey(key) ||
      placeWords.classOf(key) !== undefined || placeWords.is('not_place_names', key) || placeWords.is('boundaries', key) ||
      placeWords.is('list_heads', key) || placeWords.is('resumptive_pronouns', key) || placeWords.is('place_references', key),
    // the head word of a body's name ("التحالف" of "التحالف الدولي") stands for that body alone
    common: (key: string) => placeWords.is('common_words', key) || entityHeads.has(key),
    isDefinite: morphology.isDefinite,
    looksLikeVerb: morphology.looksLikePresentVerb,
  };
  // a matcher of its own: only the place rules read GeoNames names (src/stages/mentions/places.ts),
  // so a village called "لجنة" or "كريم" never stands in another stage's way
  const geo = new PhraseMatcher<EntityLex>();
  for (const { key, place } of gazetteerPlaces(gazetteer, gazetteerOptions)) {
    geo.addKey(key, { type: 'place', place });
  }

  const quoteClose = new Map(speech.quote_marks.map((q) => [foldText(q.open).folded, foldText(q.close).folded] as [string, string]).filter(([o, c]) => o.length === 1 && c.length === 1));
  const quoteOpenCodes = new Uint8Array(0x10000);
  for (const open of quoteClose.keys()) quoteOpenCodes[open.charCodeAt(0)] = 1;

  return {
    language: lang,
    entities: ent,
    gazetteer: geo,
    time,
    timeCues,
    numbers: num,
    speech: sp,
    casualties: cas,
    casualtyCues: casCues,
    casualtyDualEndings: casualties.dual_person_endings.map((e) => foldKey(e)),
    possessiveEndings: casualties.possessive_endings.map((e) => ({ bound: foldKey(e.bound), free: e.free ? foldKey(e.free) : '' })).sort((a, b) => b.bound.length - a.bound.length),
    ceasefires: cf,
    events: ev,
    quoteClose,
    quoteOpenCodes,
    pageRemnants: new Set(credits.page_remnants.map(foldKey)),
    editorNotes: new Set(credits.editor_notes.map(foldKey)),
    countries,
    grammar,
    morphology,
    stopwords: new Set(grammarLex.stopwords.map(foldKey)),
    places: placeWords,
    monthFirst: months.month_first,
    ownerBefore: institutions.owner_before,
    yearNearest: months.year_nearest,
    subjectFirst: speech.subject_first,
    nameShaped: spec.nameShaped ?? (() => true),
    nameRuns: spec.nameRuns ?? (() => []),
    homographName: spec.homographName ?? (() => false),
    letterCase: spec.nameRuns !== undefined,
  };
}

function buildPlaceContext(lex: z.infer<typeof L.PlaceContextLexicon>): PlaceContext {
  // keyed by the pinned Word: a lookup at every token is a reference test, not a string hash
  const classes = new Map<Word, PlaceClass>();
  for (const c of lex.class_nouns) {
    for (const number of ['singular', 'dual', 'plural'] as const) {
      for (const w of c[number]) {
        const word = pinnedWord(foldKey(w));
        if (!classes.has(word)) classes.set(word, { kind: c.kind, number, keep: c.keep });
      }
    }
  }
  const roles = new Map<PlaceWordRole, Set<Word>>();
  for (const role of PLACE_WORD_ROLES) roles.set(role, new Set(lex[role].map((w) => pinnedWord(foldKey(w)))));
  const word = (w: Word | string): Word => (typeof w === 'string' ? wordOf(w) : w);
  return {
    classOf: (w) => classes.get(word(w)),
    is: (role, w) => roles.get(role)!.has(word(w)),
  };
}
