/**
 * The data contract of conflict-events (../shared/CODEBOOK.md, schema 1), as zod schemas.
 * These are the single source of truth: TypeScript types are inferred from them, every document is
 * validated against them before it is written, and schemas/*.json are generated from them.
 */
import { z } from 'zod';
import { compileFastParse, type FastParse } from './compiled.ts';

export const SCHEMA_ID = 'conflict-events/1';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .describe('ISO 8601 calendar date, YYYY-MM-DD');
const nullableIsoDate = isoDate.nullable();
const iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/u)
  .describe('ISO 3166-1 alpha-3 country code');
const recordId = z.string().regex(/^[a-z]+-\d+$/u).describe('record id, unique within the document (act-1, plc-2 …)');
const ruleId = z
  .string()
  .min(1)
  .describe('stable id of the rule that produced the record, e.g. casualties:qualified-number-before-killed-noun');

export const EvidenceSchema = z
  .object({
    start: z.number().int().nonnegative().describe('start offset in article.text, UTF-16 code units, inclusive'),
    end: z.number().int().nonnegative().describe('end offset in article.text, UTF-16 code units, exclusive'),
    text: z.string().describe('exactly article.text.slice(start, end)'),
    field: z
      .literal('title')
      .optional()
      .describe('"title" where the span is in article.title (an article object whose title is a separate field): it slices article.title instead of article.text'),
  })
  .describe('a span of the article that supports a value');
export type Evidence = z.infer<typeof EvidenceSchema>;

const evidence = z.array(EvidenceSchema).min(1).describe('the spans of article.text this record was read from');

export const AgencySchema = z.object({
  name: z.string().describe('full name of the wire agency, e.g. Agence France-Presse'),
  code: z.string().describe('short code, e.g. AFP'),
  evidence,
});

export const CreditSchema = z.object({
  person: z.string().nullable().describe('photographer or author credited'),
  organization: z.string().nullable().describe('organisation credited (agency, outlet)'),
  evidence,
});

export const ArticleSchema = z
  .object({
    id: z.string().min(1).describe('the input id exactly as given, or the input file base name without extension; a later article with an id already used gets -2, -3 … appended'),
    source: z.string().describe('input path, with #N for the N-th record of a JSON array or JSONL file'),
    language: z.string().describe('ISO 639-1 language code'),
    title: z.string().nullable().describe('title as published'),
    subtitle: z.string().nullable().describe('subtitle (standfirst) as published'),
    published: nullableIsoDate.describe('publication date (the day relative dates resolve against)'),
    published_at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u)
      .nullable()
      .describe('publication time as a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ) where the input published value has a time of day, else null; orders the versions of one day'),
    published_text: z.string().nullable().describe('the string the publication date was read from'),
    published_reason: z.string().nullable().describe('why published is null'),
    outlet: z.string().nullable().describe('publishing outlet where known'),
    url: z.string().nullable().describe('URL where known'),
    agency: AgencySchema.nullable().describe('wire agency credited, or null'),
    credits: z.array(CreditSchema).describe('photo and byline credits'),
    caption: z.string().nullable().describe('photo caption, where the article has one (extension)'),
    text: z.string().describe('the full text that every offset refers to'),
    text_sha256: z.string().regex(/^[0-9a-f]{64}$/u).describe('hex SHA-256 of text (UTF-8)'),
  })
  .describe('the article the document was extracted from');
export type Article = z.infer<typeof ArticleSchema>;

// id first, the record's own fields, then how it was found: rule and evidence last
const head = { id: recordId };
const tail = { rule: ruleId, evidence };

const mentions = z.array(EvidenceSchema).min(1).describe('every surface form in the text, with its offsets');

export const ActorKind = z.enum(['person', 'state', 'government', 'armed_forces', 'armed_group', 'organization', 'population', 'media']);
export const ActorSchema = z
  .object({
    ...head,
    kind: ActorKind.describe('what kind of actor'),
    name: z.string().describe('canonical display name (English where the lexicon knows it, else as written)'),
    name_native: z.string().describe("canonical form in the article's language"),
    mentions,
    title: z.string().nullable().describe('office as written, for persons and unnamed officials'),
    title_en: z.string().nullable().describe('office in English where known'),
    country: iso3.nullable().describe('state the actor belongs to or represents'),
    sector: z.string().nullable().describe('PLOVER-style sector: gov, mil, reb, cop, cvl, igo, ngo, med, jrn …'),
    affiliation: recordId.nullable().describe('id of the actor this one belongs to'),
    wikidata: z.string().regex(/^Q\d+$/u).nullable().describe('Wikidata Q-id where known'),
    ...tail,
  })
  .describe('a person, state, government body, armed force, armed group, organisation or population group');
export type Actor = z.infer<typeof ActorSchema>;

export const PlaceKind = z.enum(['country', 'region', 'city', 'town', 'district', 'site', 'water']);
export const PlaceSchema = z
  .object({
    ...head,
    kind: PlaceKind.describe('country, region, city, town, district, site (camps, airports, crossings) or water'),
    name: z.string().describe('canonical display name (English where known)'),
    name_native: z.string().describe("canonical form in the article's language"),
    mentions,
    country: iso3.nullable().describe('internationally recognised state the place lies in'),
    lat: z.number().min(-90).max(90).nullable().describe('WGS84 latitude'),
    lon: z.number().min(-180).max(180).nullable().describe('WGS84 longitude'),
    geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().describe('ACLED: 1 town, 2 part of a region, 3 province or larger'),
    ...tail,
  })
  .describe('a named geographic entity');
export type Place = z.infer<typeof PlaceSchema>;

export const DateKind = z.enum(['absolute', 'weekday', 'relative_day', 'since', 'range', 'month', 'year', 'part_of_day', 'relative_period']);
export const Precision = z.enum(['day', 'week', 'month', 'year']);
export const DateSchema = z
  .object({
    ...head,
    text: z.string().describe('the expression as written'),
    kind: DateKind.describe('absolute, weekday, relative_day (today, yesterday), since (to publication), range, month, year, part_of_day, relative_period (last week)'),
    start: nullableIsoDate.describe('resolved start, closed interval'),
    end: nullableIsoDate.describe('resolved end, closed interval'),
    precision: Precision.nullable().describe('precision of start'),
    part_of_day: z.enum(['dawn', 'morning', 'noon', 'afternoon', 'evening', 'night']).nullable().describe('part of the day named (extension)'),
    calendar: z.enum(['gregorian', 'hijri']).describe('calendar the expression was written in (extension)'),
    ambiguity: z.string().nullable().describe('why the resolution may be wrong, e.g. weekday_is_publication_weekday'),
    date_reason: z.string().nullable().describe('why start is null'),
    ...tail,
  })
  .describe('a temporal expression resolved to a date or span');
export type DateRecord = z.infer<typeof DateSchema>;

export const StatementSchema = z
  .object({
    ...head,
    speaker: recordId.nullable().describe('actor id of the speaker'),
    speaker_text: z.string().nullable().describe('the words naming the speaker in this clause'),
    via: recordId.nullable().describe('actor id of the channel that relayed it'),
    addressee: recordId.nullable().describe('actor id the statement was addressed to'),
    verb: z.string().describe('the reporting verb as written'),
    kind: z.enum(['direct', 'indirect', 'mixed']).describe('direct: the content is a quotation; mixed: it contains quoted words; indirect: none'),
    quotes: z.array(z.string()).describe('exact words inside quotation marks, each a substring of article.text'),
    content: z.string().describe('the reported clause as written'),
    stance: z.enum(['asserts', 'denies', 'accuses', 'demands', 'threatens', 'other']).describe("the reporting verb's stance"),
    date: nullableIsoDate.describe('when it was said'),
    ...tail,
  })
  .describe('who said what, when: one record per reporting clause');
export type Statement = z.infer<typeof StatementSchema>;

export const EventCategory = z.enum([
  'fight', 'assault', 'consult', 'request', 'accuse', 'aid', 'agree', 'reject', 'threaten', 'mobilize',
  'coerce', 'concede', 'retreat', 'protest', 'sanction', 'support', 'cooperate', 'other',
]);
export const EventSchema = z
  .object({
    ...head,
    category: EventCategory.describe('PLOVER event category'),
    trigger: z.string().describe('the word or phrase that names the event, as written (extension)'),
    acled_event_type: z.string().nullable().describe('ACLED event type in lower_snake_case, for political violence'),
    acled_sub_event_type: z.string().nullable().describe('ACLED sub-event type in lower_snake_case'),
    actor1: recordId.nullable().describe('actor id of the first side (the one acting, or the accused for alleged events)'),
    actor2: recordId.nullable().describe('actor id of the other side, or null where unnamed'),
    place: recordId.nullable().describe('main place id'),
    places: z.array(recordId).describe('every place the event names (extension)'),
    start: nullableIsoDate.describe('first day of the event (the start date of ongoing fighting)'),
    end: nullableIsoDate.describe('last day (the publication date for ongoing events)'),
    precision: Precision.nullable().describe('precision of start'),
    time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().describe('ACLED: 1 day, 2 week, 3 month or vaguer'),
    status: z.enum(['occurred', 'ongoing', 'alleged', 'planned', 'conditional', 'denied']).describe('alleged: inside an accusation (claimed_by says whose); denied: inside a denial'),
    claimed_by: recordId.nullable().describe('actor id of the claimant for alleged events'),
    civilian_targeting: z.boolean().describe('true where civilians are reported as the target'),
    casualties: z.array(recordId).describe('ids of casualty records that belong to this event'),
    ...tail,
  })
  .describe('something that happened, is alleged or is planned');
export type EventRecord = z.infer<typeof EventSchema>;

export const CasualtySchema = z
  .object({
    ...head,
    outcome: z.enum(['killed', 'injured', 'missing', 'detained', 'abducted', 'displaced']).describe('what happened to the people counted'),
    number_text: z.string().describe('the figure as written'),
    qualifier: z.enum(['exact', 'at_least', 'more_than', 'about', 'at_most', 'range', 'vague']).describe('how the figure is bounded: أكثر من → more_than, على الأقل → at_least, نحو → about, قرابة → at_most, بين → range, عشرات → vague'),
    low: z.number().int().nonnegative().nullable().describe('lowest count the text supports (UCDP low)'),
    best: z.number().int().nonnegative().nullable().describe('best estimate (UCDP best)'),
    high: z.number().int().nonnegative().nullable().describe('highest count the text supports, null when unbounded'),
    display: z.string().describe('short human form: 1,250+, ~40, 10–15, 12'),
    group: z.enum(['all', 'civilians', 'children', 'women', 'combatants', 'security_forces', 'attackers', 'unknown']).describe('who the victims were'),
    group_text: z.string().nullable().describe('the words naming the victims, as written'),
    side: recordId.nullable().describe('actor id of the side the victims belong to'),
    subset_of: recordId.nullable().describe('id of the total this figure is part of (بينهم …)'),
    scope: z.enum(['event', 'cumulative']).describe('event: one incident; cumulative: a toll since a start date'),
    period_start: nullableIsoDate.describe('start of the period a cumulative toll counts'),
    as_of: nullableIsoDate.describe('the date the figure refers to (publication date by default)'),
    claimant: recordId.nullable().describe('actor id of whoever gives the figure'),
    partial: z.boolean().describe('the text says the figures are partial or provisional'),
    may_be_higher: z.boolean().describe('the text says (or partial figures imply) the real toll may be higher'),
    ...tail,
  })
  .describe('one reported casualty figure');
export type Casualty = z.infer<typeof CasualtySchema>;

export const CeasefireSchema = z
  .object({
    ...head,
    kind: z.enum(['ceasefire', 'humanitarian_truce', 'truce', 'cessation_of_hostilities']).describe('what was attempted'),
    status: z.enum(['proposed', 'agreed', 'in_effect', 'violated', 'failed', 'rejected']).describe('its state as the text reports it'),
    attempts: z.number().int().positive().nullable().describe('how many attempts the sentence counts'),
    parties: z.array(recordId).describe('actor ids of the belligerents named with it'),
    mediators: z.array(recordId).describe('actor ids of mediators (برعاية، بوساطة)'),
    start: nullableIsoDate.describe('when it starts, where stated'),
    end: nullableIsoDate.describe('when it ends, where stated'),
    as_of: nullableIsoDate.describe('the date the status refers to (publication date by default)'),
    ...tail,
  })
  .describe('a ceasefire, truce or humanitarian-pause attempt');
export type Ceasefire = z.infer<typeof CeasefireSchema>;

export const DiagnosticSchema = z.object({
  severity: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  message: z.string(),
  evidence: EvidenceSchema.optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

export const DocumentSchema = z
  .object({
    schema: z.literal(SCHEMA_ID),
    article: ArticleSchema,
    actors: z.array(ActorSchema),
    places: z.array(PlaceSchema),
    dates: z.array(DateSchema),
    statements: z.array(StatementSchema),
    events: z.array(EventSchema),
    casualties: z.array(CasualtySchema),
    ceasefires: z.array(CeasefireSchema),
    diagnostics: z.array(DiagnosticSchema).describe('what the extractor could not do, as data (severity, code, message, evidence)'),
  })
  .describe('everything extracted from one article');
export type ExtractionDocument = z.infer<typeof DocumentSchema>;

/** The record tables, in the order the CSV writer and the docs list them. */
export const RECORD_SCHEMAS = {
  actors: ActorSchema,
  places: PlaceSchema,
  dates: DateSchema,
  statements: StatementSchema,
  events: EventSchema,
  casualties: CasualtySchema,
  ceasefires: CeasefireSchema,
} as const;
export type RecordTable = keyof typeof RECORD_SCHEMAS;

/** An article as given by the user (JSON object, JSONL line, or built from a .txt file). */
export const ArticleInputSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  title: z.string().nullable().optional(),
  published: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  lang: z.string().nullable().optional(),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/**
 * Cross-field checks zod's shape cannot express: every evidence span slices article.text exactly,
 * and every id a record points at exists. Returns the problems found (empty when the document holds).
 */
/**
 * Whether an evidence span slices `text` to its text. The slice compared with === (V8 compares the
 * code units natively) measured about twice as fast as startsWith at the offset or a code-unit loop.
 */
function spanHolds(articleText: string, e: Evidence, title: string | null = null): boolean {
  const { start, end } = e;
  const text = e.field === 'title' ? (title ?? '') : articleText;
  const part = e.text;
  if (!(start >= 0 && end >= start && end <= text.length && end - start === part.length)) return false;
  return text.slice(start, end) === part;
}

const RECORD_TABLES = Object.keys(RECORD_SCHEMAS) as RecordTable[];

export function checkDocumentIntegrity(doc: ExtractionDocument): string[] {
  // Runs for every document written: plain loops, and where a problem is, is worked out only when
  // there is one (no message closures per record otherwise).
  const problems: string[] = [];
  const text = doc.article.text;
  const title = doc.article.title;
  const checkSpans = (list: readonly Evidence[], where: () => string): void => {
    for (const e of list) {
      if (!spanHolds(text, e, title)) problems.push(`${where()}: evidence [${e.start}, ${e.end}) does not slice article.${e.field ?? 'text'} to ${JSON.stringify(e.text)}`);
    }
  };
  const allHold = (list: readonly Evidence[]): boolean => {
    for (let k = 0; k < list.length; k++) if (!spanHolds(text, list[k]!, title)) return false;
    return true;
  };
  if (doc.article.agency) checkSpans(doc.article.agency.evidence, () => 'article.agency');
  doc.article.credits.forEach((c, i) => checkSpans(c.evidence, () => `article.credits[${i}]`));
  const ids = new Set<string>();
  for (const table of RECORD_TABLES) {
    const records: ReadonlyArray<{ id: string; evidence: Evidence[]; mentions?: Evidence[] }> = doc[table];
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      if (ids.has(record.id)) problems.push(`duplicate id ${record.id}`);
      ids.add(record.id);
      if (!allHold(record.evidence)) checkSpans(record.evidence, () => `${table}.${record.id}`);
      if (record.mentions !== undefined && !allHold(record.mentions)) checkSpans(record.mentions, () => `${table}.${record.id}.mentions`);
    }
  }
  const missing = (from: string, to: string | null): void => {
    if (to !== null && !ids.has(to)) problems.push(`${from} points at missing ${to}`);
  };
  for (const a of doc.actors) missing(a.id, a.affiliation);
  for (const s of doc.statements) {
    missing(s.id, s.speaker);
    missing(s.id, s.via);
    missing(s.id, s.addressee);
  }
  for (const ev of doc.events) {
    missing(ev.id, ev.actor1);
    missing(ev.id, ev.actor2);
    missing(ev.id, ev.place);
    missing(ev.id, ev.claimed_by);
    for (const p of ev.places) missing(ev.id, p);
    for (const c of ev.casualties) missing(ev.id, c);
  }
  for (const c of doc.casualties) {
    missing(c.id, c.side);
    missing(c.id, c.subset_of);
    missing(c.id, c.claimant);
  }
  for (const cf of doc.ceasefires) {
    for (const p of cf.parties) missing(cf.id, p);
    for (const p of cf.mediators) missing(cf.id, p);
  }
  doc.diagnostics.forEach((d, i) => d.evidence && checkSpans([d.evidence], () => `diagnostics[${i}]`));
  return problems;
}

/** DocumentSchema's fast parse (./compiled.ts), compiled on first use, once per thread; null if it cannot be. */
let fastParseDocument: FastParse<ExtractionDocument> | null | undefined;

function fastParse(doc: unknown): ExtractionDocument | undefined {
  if (fastParseDocument === undefined) {
    try {
      fastParseDocument = compileFastParse(DocumentSchema);
    } catch {
      fastParseDocument = null; // a schema the fast path cannot translate (compiled.test.ts fails then): zod alone
    }
  }
  try {
    return fastParseDocument?.(doc);
  } catch {
    return undefined; // a getter that throws, say: zod reads the value again and reports it
  }
}

/**
 * Validate a document against the schema and the integrity checks; throws with every problem listed.
 * Returns DocumentSchema's output: a copy with unknown keys (the drafts' working keys) stripped and the
 * keys in schema order. A compiled validator does the work (./compiled.ts); when it rejects a document,
 * zod parses it again for the issue list, and zod's verdict is the one that counts.
 */
export function validateDocument(doc: unknown): ExtractionDocument {
  let data = fastParse(doc);
  if (data === undefined) {
    const parsed = DocumentSchema.safeParse(doc);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`document does not match schema ${SCHEMA_ID}: ${issues.join('; ')}`);
    }
    data = parsed.data;
  }
  const problems = checkDocumentIntegrity(data);
  if (problems.length > 0) throw new Error(`document is inconsistent: ${problems.slice(0, 5).join('; ')}`);
  return data;
}
