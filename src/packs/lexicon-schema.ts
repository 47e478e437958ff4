/**
 * zod schemas of the YAML lexicons in data/lexicons/<lang>/. A lexicon that does not match fails at
 * load time with the file and the path of the bad entry, never later in a stage.
 */
import { z } from 'zod';

const names = z.array(z.string().min(1)).min(1);
const iso3 = z.string().regex(/^[A-Z]{3}$/u);
const nullableString = z.string().nullable().optional().transform((v) => v ?? null);

export const MonthsLexicon = z.object({
  gregorian: z.array(z.object({ month: z.number().int().min(1).max(12), names })).length(12),
  hijri: z.array(z.object({ month: z.number().int().min(1).max(12), names })).length(12),
  /** dates are also written month first ("July 7, 2005") */
  month_first: z.boolean().optional().default(false),
  /** a day and month without a year is the one nearer publication, ahead or behind (else the last one not after it) */
  year_nearest: z.boolean().optional().default(false),
});

export const WeekdaysLexicon = z.object({
  weekdays: z.array(z.object({ weekday: z.number().int().min(0).max(6), names })).length(7),
});

export const PartOfDay = z.enum(['dawn', 'morning', 'noon', 'afternoon', 'evening', 'night']);
export const TimeWordsLexicon = z.object({
  relative_days: z.array(z.object({ names, offset: z.number().int(), part: PartOfDay.optional() })),
  relative_periods: z.array(z.object({ names, unit: z.enum(['week', 'weekend', 'month', 'year']), offset: z.number().int() })),
  parts_of_day: z.array(z.object({ names, part: PartOfDay })),
  future_markers: names,
  past_markers: names,
  since_markers: names,
  until_markers: z.array(z.string()).optional().default([]),
  event_days: z.array(z.string()).optional().default([]),
  offsets: z.object({ before: names, after: names }).optional(),
  offset_anchors: z.array(z.string()).optional().default([]),
  durations: z.array(z.object({ unit: z.enum(['day', 'week', 'month', 'year']), singular: names, dual: names, plural: names })).optional().default([]),
  future_particles: z.array(z.string()).optional().default([]),
  in_a_row: z.array(z.string()).optional().default([]),
});

const valueMap = z.record(z.string().regex(/^\d+$/u), names);
export const Qualifier = z.enum(['exact', 'at_least', 'more_than', 'about', 'at_most', 'range', 'vague']);
export const NumbersLexicon = z.object({
  units: valueMap,
  teens: valueMap,
  tens: valueMap,
  hundreds: valueMap,
  scales: z.record(z.string().regex(/^\d+$/u), z.object({ singular: names, dual: names, plural: names })),
  vague: z.array(z.object({ names, value: z.number().int().positive().nullable() })),
  qualifiers: z.array(z.object({ names, qualifier: Qualifier, position: z.enum(['before', 'after']) })),
  ordinals: valueMap,
  conjunctions: z.array(z.string()).optional().default([]),
  fractions: z.array(z.object({ names, value: z.number().positive().lt(1) })).optional().default([]),
  not_counts: z.array(z.string()).optional().default([]),
});

export const Stance = z.enum(['asserts', 'denies', 'accuses', 'demands', 'threatens', 'other']);
export const SpeechVerbsLexicon = z.object({
  verbs: z.array(
    z.object({
      lemma: z.string(),
      en: z.string().optional(),
      stance: Stance,
      forms: names,
      participles: z.array(z.string()).optional().default([]),
      // "جاء في بيان": the words after the verb name a document, never a subject
      in_document: z.boolean().optional().default(false),
    }),
  ),
  sources: z.array(z.object({ names, kind: z.string() })),
  relay_verbs: names,
  quote_marks: z.array(z.object({ open: z.string().min(1), close: z.string().min(1) })),
  /** the subject of a reporting verb comes before it ("Straw said"); the actor after it is whom it was said to */
  subject_first: z.boolean().optional().default(false),
});

export const TitlesLexicon = z.object({
  titles: z.array(
    z.object({
      forms: names,
      en: z.string(),
      sector: z.string().nullable().optional().transform((v) => v ?? null),
      requires_of: z.boolean().optional().default(false),
      counterpart: z.boolean().optional().default(false),
      // "مسؤولون", "مسؤولين": several unnamed office holders, never followed by a name
      plural: z.boolean().optional().default(false),
      // "رئيس بلدية ناشفيل", "حاكم منطقة X": the office of a place; the word after it names the place
      of_place: z.boolean().optional().default(false),
      // "مبعوث الأمم المتحدة للشرق الأوسط": an office for a territory; a place with ل after it is that territory
      for_territory: z.boolean().optional().default(false),
    }),
  ),
});

export const ActorKind = z.enum(['person', 'state', 'government', 'armed_forces', 'armed_group', 'organization', 'population', 'media']);
export const ActorsLexicon = z.object({
  actors: z.array(
    z.object({
      name: z.string(),
      native: z.string(),
      forms: names,
      kind: ActorKind,
      sector: nullableString,
      country: iso3.nullable().optional().transform((v) => v ?? null),
      wikidata: z.string().regex(/^Q\d+$/u).nullable().optional().transform((v) => v ?? null),
      code: nullableString,
      part_of: nullableString,
    }),
  ),
});

export const PersonsLexicon = z.object({
  persons: z.array(
    z.object({
      name: z.string(),
      native: z.string(),
      forms: names,
      title: z.string(),
      title_en: z.string(),
      country: iso3.nullable(),
      sector: nullableString,
      wikidata: z.string().regex(/^Q\d+$/u).nullable().optional().transform((v) => v ?? null),
    }),
  ),
});

const institution = z.object({
  forms: names,
  en: z.string(),
  kind: ActorKind,
  sector: nullableString,
});
export const InstitutionsLexicon = z.object({
  institutions: z.array(institution),
  groups: z.array(institution),
  leaders: z.array(z.object({ forms: names, en: z.string() })),
  /** the country or demonym that says whose body it is may stand before it ("Syrian foreign ministry", "Pakistan's army") */
  owner_before: z.boolean().optional().default(false),
});

export const CountriesGenerated = z.object({
  countries: z.array(
    z.object({
      iso3,
      name: z.string(),
      native: z.string(),
      forms: names,
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      demonyms: z.array(z.string()).optional().default([]),
      plurals: z.array(z.string()).optional().default([]),
      demonym_en: z.string().optional(),
      ambiguous_forms: z.array(z.string()).optional().default([]),
    }),
  ),
});

export const DemonymsLexicon = z.object({
  demonyms: z.array(
    z.object({
      forms: names,
      en: z.string(),
      country: iso3.nullable(),
      actor: z.string().nullable(),
      plurals: z.array(z.string()).optional().default([]),
    }),
  ),
});

export const CountriesExtra = z.object({
  countries: z.record(
    iso3,
    z.object({
      forms: z.array(z.string()).optional().default([]),
      demonyms: z.array(z.string()).optional().default([]),
      demonym_en: z.string().optional(),
    }),
  ),
});

export const PlaceKind = z.enum(['country', 'region', 'city', 'town', 'district', 'site', 'water']);
export const PlacesLexicon = z.object({
  places: z.array(
    z.object({
      name: z.string(),
      native: z.string(),
      forms: names,
      kind: PlaceKind,
      country: iso3.nullable(),
      lat: z.number().min(-90).max(90).nullable(),
      lon: z.number().min(-180).max(180).nullable(),
      capital_of: iso3.nullable().optional().transform((v) => v ?? null),
      stands_for: iso3.nullable().optional().transform((v) => v ?? null),
      admin1: nullableString,
      ambiguous: z.boolean().optional().default(false),
    }),
  ),
});

export const Outcome = z.enum(['killed', 'injured', 'missing', 'detained', 'abducted', 'displaced']);
export const VictimGroup = z.enum(['all', 'civilians', 'children', 'women', 'combatants', 'security_forces', 'attackers', 'unknown']);
export const CasualtiesLexicon = z.object({
  outcomes: z.record(
    Outcome,
    z.object({
      counted_nouns: z.object({ singular: names, dual: names, plural: names }),
      event_nouns: names,
      verbs: names,
    }),
  ),
  victims: z.array(
    z.object({
      group: VictimGroup,
      en: z.string(),
      singular: z.array(z.string()).default([]),
      dual: z.array(z.string()).default([]),
      plural: z.array(z.string()).default([]),
    }),
  ),
  partial_cues: names,
  higher_cues: names,
  subset_markers: names,
  cumulative_markers: names,
  split_verbs: z.array(z.object({ outcome: Outcome, first: names, last: names })).optional().default([]),
  /** words that join two figures of one outcome like a conjunction ("قتل 252 … مقابل 281") */
  coordinators: z.array(z.string()).optional().default([]),
  /** words that say a figure is additional to one given before ("آخرين"): never a repeat of it */
  others: z.array(z.string()).optional().default([]),
  /** negations before a casualty word: "لم يسفر عن سقوط قتلى" is no figure */
  negations: z.array(z.string()).optional().default([]),
  /** "أو" between two outcomes: "أصيبوا أو قتلوا" has no single outcome */
  disjunctions: z.array(z.string()).optional().default([]),
  /** words that link a toll to its number across a phrase: "حصيلة القتلى منذ بدء الهجوم إلى 149" */
  toll_links: z.array(z.string()).optional().default([]),
  /** a superseded toll ("في حصيلة سابقة"): a report of its own, never merged with the current one */
  earlier_toll_cues: z.array(z.string()).optional().default([]),
  /** nouns a number can count that are not people: durations, strikes, weapons, vehicles, places */
  not_people: z.array(z.string()).optional().default([]),
  /** words that open a clause of its own between a casualty word and a later figure ("killed on Tuesday when two men …") */
  clause_breaks: z.array(z.string()).optional().default([]),
  /** a possessive ending written as a token of its own after a name ("Russia's": s) */
  possessive_tokens: z.array(z.string()).optional().default([]),
  /** words after a bare participle that show it is passive ("Priest killed in church", "killed by a bomb"), not an active verb before its object */
  passive_after: z.array(z.string()).optional().default([]),
  /** verb forms whose subject is the victim ("a priest was killed", "Priest killed in church"): one person as their subject is one victim */
  victim_subject_verbs: z.array(z.object({ outcome: Outcome, forms: names })).optional().default([]),
  /** an attacker who killed himself: verb before the attacker, the reflexive after ("فجر انتحاري نفسه") = 1 killed attacker */
  self_killing: z.object({ first: names, last: names }).optional(),
  /** a noun with an attached pronoun ("وطفلتها"): the ending as written and the bare noun's ending instead */
  possessive_endings: z.array(z.object({ bound: z.string(), free: z.string() })).optional().default([]),
  /** word endings of a dual noun of people (a nisba in the nominative dual: "فلسطينيان" = 2) */
  dual_person_endings: z.array(z.string()).optional().default([]),
});

export const CeasefireKind = z.enum(['ceasefire', 'humanitarian_truce', 'truce', 'cessation_of_hostilities']);
export const CeasefireStatus = z.enum(['proposed', 'agreed', 'in_effect', 'violated', 'failed', 'rejected']);
export const CeasefiresLexicon = z.object({
  kinds: z.array(z.object({ kind: CeasefireKind, names })),
  statuses: z.array(z.object({ status: CeasefireStatus, names })),
  /** status words said of the truce itself (an adjective, a predicate): only right after its word */
  descriptions: z.array(z.object({ status: CeasefireStatus, names })).optional().default([]),
  /** "still", "remained" right before such a word: its predicate, which may stand further from the truce word */
  description_copulas: z.array(z.string()).optional().default([]),
  attempt_nouns: names,
  attempt_nouns_dual: z.array(z.string()).optional().default([]),
  generic_markers: z.array(z.string()).optional().default([]),
  /** words that make a failure or a breach a possibility, not an event: "احتمال انهيار", "أي خرق", "any violation" */
  hypothetical_markers: z.array(z.string()).optional().default([]),
  /** talks taken up again ("return to negotiations"): by meaning after a break, so later than a refusal of what they are about */
  resumption: z.array(z.string()).optional().default([]),
  /** a purpose word after a ceasefire word ("… to complete a round of talks") … */
  interim_purposes: z.array(z.string()).optional().default([]),
  /** … followed by a talks noun: a truce that opens the way to talks, apart from the arrangement they negotiate */
  talks: z.array(z.string()).optional().default([]),
});

export const EventCategory = z.enum([
  'fight', 'assault', 'consult', 'request', 'accuse', 'aid', 'agree', 'reject', 'threaten', 'mobilize',
  'coerce', 'concede', 'retreat', 'protest', 'sanction', 'support', 'cooperate', 'other',
]);
export const EventsLexicon = z.object({
  events: z.array(
    z.object({
      names,
      category: EventCategory,
      acled_event_type: z.string().nullable(),
      acled_sub_event_type: z.string().nullable(),
    }),
  ),
  planned_markers: names,
  alleged_markers: names,
  ongoing_markers: names,
  denial_markers: names,
  conditional_markers: z.array(z.string()).optional().default([]),
  civilian_targets: names,
  negation_markers: z.array(z.string()).optional().default([]),
  future_negation_markers: z.array(z.string()).optional().default([]),
  not_negation: z.array(z.string()).optional().default([]),
  anaphor_markers: z.array(z.string()).optional().default([]),
  with_markers: z.array(z.string()).optional().default([]),
  asked_of_markers: z.array(z.string()).optional().default([]),
});

export const CreditsLexicon = z.object({
  page_remnants: names,
  credit_markers: z.array(z.string()).optional().default([]),
  /** words that open a wire editor's note to subscribers at the end of a title line ("ATTENTION - ADDS quotes ///") */
  editor_notes: z.array(z.string()).optional().default([]),
});

const words = z.array(z.string().min(1));
export const GrammarLexicon = z.object({
  complementizers: words,
  saying_nouns: words,
  auxiliaries: words,
  relay_source: words,
  addressee_markers: words,
  title_modifiers: words,
  name_particles: words,
  locative: words,
  mediation: words,
  conditional: words,
  modals: words,
  connectives: words,
  between: words,
  range_to: words,
  in: words,
  year_nouns: words,
  month_parts: words,
  apposition_heads: words,
  not_names: words,
  unnamed_adjectives: words,
  naming_cues: words,
  kinship: words,
  vague_sources: words,
  subject_openers: words,
  document_nouns: words,
  person_nouns: words,
  relatives: words,
  era_hijri: words,
  era_gregorian: words,
  day_nouns: words,
  of: words,
  stopwords: words,
  /** prepositions after which an unknown name is a place ("in Hackney") */
  place_prepositions: words.optional().default([]),
  /** words that make a run of name words an organisation or a publication, not a person ("Party", "Times") */
  org_words: words.optional().default([]),
  /** words that make a run of name words a named site ("Hospital", "Road"), written in it or right after it */
  facility_words: words.optional().default([]),
  /** last words of the names of events, wars and holidays ("Bastille Day", "Cold War"): such a run names no one */
  event_name_words: words.optional().default([]),
  /** first words of place names ("Bab", "Jabal", "Wadi" in transliterated toponyms) */
  place_heads: words.optional().default([]),
  /** subject pronouns: "he said" is the last speaker speaking again */
  pronouns: words.optional().default([]),
  /** reporting verbs whose object is whom it was said to, never their subject ("told AFP") */
  addressee_verbs: words.optional().default([]),
  /** words that open a noun phrase before its noun ("the statement", "a statement") */
  determiners: words.optional().default([]),
  /** nouns in construct before a body that speak for it ("its officials", "its account") */
  voice_heads: words.optional().default([]),
  /** adverbials between a reporting verb and its subject ("for his part", "also") */
  verb_adverbials: words.optional().default([]),
  /** class nouns of bodies that the body's own name may follow in quotation marks */
  body_nouns: words.optional().default([]),
  /** vague sources written as known ("the source"): the source the text last quoted */
  vague_references: words.optional().default([]),
});

/** given-names.yaml: first words of personal names, read as a person only in a slot that makes a name likely */
export const GivenNamesLexicon = z.object({
  given_names: words,
  /** second words of a compound given name ("رحمة الله", "نور الدين") */
  compound_tails: words.optional().default([]),
});

export const PlaceContextLexicon = z.object({
  class_nouns: z.array(
    z.object({
      kind: PlaceKind,
      singular: names,
      dual: words.optional().default([]),
      plural: words.optional().default([]),
      keep: z.boolean().optional().default(false),
    }),
  ),
  not_place_names: words,
  boundaries: words,
  list_heads: words,
  resumptive_pronouns: words,
  organisation_heads: words,
  directions: words,
  place_references: words,
  located_prepositions: words,
  locative_prepositions: words,
  common_words: words,
});

/** data/lexicons/<lang>/gazetteer.generated.json (scripts/generate-gazetteer.ts): GeoNames rows. */
export const GazetteerGenerated = z.object({
  source: z.string(),
  license: z.string(),
  places: z.array(
    z.tuple([
      z.number().int(),
      z.string(),
      iso3.nullable(),
      z.enum(['city', 'town', 'district']),
      z.string(),
      z.number().int().min(0),
      z.number().min(-90).max(90),
      z.number().min(-180).max(180),
      z.array(z.string().min(1)).min(1),
    ]),
  ),
});

/**
 * The schema of every lexicon file a language may have, by file name. The build (scripts/build.mjs)
 * validates each YAML file of data/lexicons/<lang>/ with its schema and fails on a file not named
 * here; a new lexicon file needs its schema added here.
 */
export const LEXICON_FILES: Readonly<Record<string, z.ZodType>> = {
  'months.yaml': MonthsLexicon,
  'weekdays.yaml': WeekdaysLexicon,
  'time-words.yaml': TimeWordsLexicon,
  'numbers.yaml': NumbersLexicon,
  'speech-verbs.yaml': SpeechVerbsLexicon,
  'titles.yaml': TitlesLexicon,
  'actors.yaml': ActorsLexicon,
  'persons.yaml': PersonsLexicon,
  'institutions.yaml': InstitutionsLexicon,
  'countries.generated.yaml': CountriesGenerated,
  'countries-extra.yaml': CountriesExtra,
  'demonyms.yaml': DemonymsLexicon,
  'places.yaml': PlacesLexicon,
  'casualties.yaml': CasualtiesLexicon,
  'ceasefires.yaml': CeasefiresLexicon,
  'events.yaml': EventsLexicon,
  'credits.yaml': CreditsLexicon,
  'grammar.yaml': GrammarLexicon,
  'given-names.yaml': GivenNamesLexicon,
  'place-context.yaml': PlaceContextLexicon,
  'gazetteer.generated.json': GazetteerGenerated,
};
