/**
 * ACLED view: the political-violence events of a document (acled_event_type set) as rows in ACLED's
 * column names and value spellings, so they can be appended to an ACLED export. Pure: document →
 * rows; the CLI streams them into csv/acled_view.csv.
 *
 * Choices where our records and ACLED's coding differ:
 * - event_date is the event's start; a span of more than two calendar days lowers time_precision
 *   (ACLED: 2 week, 3 month or vaguer).
 * - inter codes come from the actor's kind and sector; state forces acting outside their own country
 *   (the event's country) are 8, external forces, as ACLED codes them.
 * - an event that targets civilians with no second actor gets ACLED's "Civilians (Country)" as actor2.
 * - fatalities follow ACLED's conservative rule: only `killed` records of scope `event` linked to the
 *   event (`events[].casualties`), their `low`; cumulative tolls are never event fatalities; 0 when none.
 * - only what happened or is reported as having happened (occurred, ongoing, alleged) is a row: ACLED
 *   codes no planned or conditional events, and an event its only source denies is not one.
 */
import { stringify } from 'csv-stringify/sync';
import type { Actor, Casualty, EventRecord, ExtractionDocument, Place } from '../schema/index.ts';
import { formatCell } from './csv.ts';
import type { CellValue } from './csv-columns.ts';
import { ISO_COUNTRIES } from './iso-countries.generated.ts';

export const ACLED_COLUMNS = [
  'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'civilian_targeting', 'iso', 'country', 'admin1', 'location', 'latitude', 'longitude',
  'geo_precision', 'source', 'notes', 'fatalities',
] as const;
export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, CellValue>;

/** What each column holds, for csv/datapackage.json. */
export const ACLED_COLUMN_DESCRIPTIONS: Readonly<Record<AcledColumn, string>> = {
  event_date: 'date of the event (its start), YYYY-MM-DD',
  year: 'year of event_date',
  time_precision: 'ACLED: 1 day, 2 week, 3 month or vaguer',
  disorder_type: 'ACLED disorder type: Political violence, Demonstrations or Strategic developments',
  event_type: 'ACLED event type (Battles, Explosions/Remote violence, Violence against civilians …)',
  sub_event_type: 'ACLED sub-event type (Armed clash, Shelling/artillery/missile attack …)',
  actor1: 'first actor (our canonical name)',
  assoc_actor_1: 'actors associated with actor1 (not coded: empty)',
  inter1: 'ACLED inter code of actor1: 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces',
  actor2: 'second actor, or Civilians (Country) for an attack on civilians with no named target',
  assoc_actor_2: 'actors associated with actor2 (not coded: empty)',
  inter2: 'ACLED inter code of actor2',
  interaction: 'the two inter codes as a two-digit number, smaller first (X0 when there is one actor)',
  civilian_targeting: '"Civilian targeting" where civilians were the target, else empty',
  iso: 'ISO 3166-1 numeric code of the country',
  country: 'country name',
  admin1: 'first-order region where known',
  location: 'the place named for the event',
  latitude: 'WGS84 latitude of the location',
  longitude: 'WGS84 longitude of the location',
  geo_precision: 'ACLED: 1 town, 2 part of a region, 3 province or larger',
  source: 'outlet and wire agency of the article',
  notes: 'the sentence of the article the event was read from',
  fatalities: 'ACLED conservative count: lowest reported figure of people killed in this event (0 when none)',
};

const EVENT_TYPES: Readonly<Record<string, string>> = {
  battles: 'Battles',
  explosions_remote_violence: 'Explosions/Remote violence',
  violence_against_civilians: 'Violence against civilians',
  protests: 'Protests',
  riots: 'Riots',
  strategic_developments: 'Strategic developments',
};

const DISORDER_TYPES: Readonly<Record<string, string>> = {
  battles: 'Political violence',
  explosions_remote_violence: 'Political violence',
  violence_against_civilians: 'Political violence',
  riots: 'Political violence',
  protests: 'Demonstrations',
  strategic_developments: 'Strategic developments',
};

const SUB_EVENT_TYPES: Readonly<Record<string, string>> = {
  armed_clash: 'Armed clash',
  government_regains_territory: 'Government regains territory',
  non_state_actor_overtakes_territory: 'Non-state actor overtakes territory',
  chemical_weapon: 'Chemical weapon',
  air_drone_strike: 'Air/drone strike',
  suicide_bomb: 'Suicide bomb',
  shelling_artillery_missile_attack: 'Shelling/artillery/missile attack',
  remote_explosive_landmine_ied: 'Remote explosive/landmine/IED',
  grenade: 'Grenade',
  sexual_violence: 'Sexual violence',
  attack: 'Attack',
  abduction_forced_disappearance: 'Abduction/forced disappearance',
  peaceful_protest: 'Peaceful protest',
  protest_with_intervention: 'Protest with intervention',
  excessive_force_against_protesters: 'Excessive force against protesters',
  violent_demonstration: 'Violent demonstration',
  mob_violence: 'Mob violence',
  agreement: 'Agreement',
  arrests: 'Arrests',
  change_to_group_activity: 'Change to group/activity',
  disrupted_weapons_use: 'Disrupted weapons use',
  headquarters_or_base_established: 'Headquarters or base established',
  looting_property_destruction: 'Looting/property destruction',
  non_violent_transfer_of_territory: 'Non-violent transfer of territory',
  other: 'Other',
};

/** An ACLED name we have no spelling for: armed_clash → "Armed clash". */
const sentenceCase = (code: string): string => {
  const words = code.replace(/_/gu, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const STATE_SECTORS = new Set(['gov', 'mil', 'cop']);

/**
 * ACLED inter code of an actor. `eventCountry` is the country the event happened in: state forces
 * outside their own country are external forces (8).
 */
export function interCode(actor: Actor, eventCountry: string | null): number {
  const sector = actor.sector ?? '';
  let code: number;
  switch (actor.kind) {
    case 'state':
    case 'government':
    case 'armed_forces':
      code = sector === 'reb' ? 2 : 1;
      break;
    case 'armed_group':
      code = sector === 'reb' ? 2 : sector === 'rel' || sector === 'eth' ? 4 : STATE_SECTORS.has(sector) ? 1 : 3;
      break;
    case 'person':
      code = STATE_SECTORS.has(sector) ? 1 : sector === 'reb' ? 2 : sector === 'igo' ? 8 : 7;
      break;
    case 'organization':
      code = sector === 'igo' ? 8 : STATE_SECTORS.has(sector) ? 1 : sector === 'reb' ? 2 : 7;
      break;
    case 'population':
      code = sector === 'pro' ? 6 : sector === 'rio' ? 5 : 7;
      break;
    case 'media':
      code = 7;
      break;
  }
  if (code === 1 && actor.country !== null && eventCountry !== null && actor.country !== eventCountry) return 8;
  return code;
}

/** ACLED's interaction: both codes, smaller first (18); a lone actor is X0. */
export function interaction(inter1: number | null, inter2: number | null): number | null {
  if (inter1 === null && inter2 === null) return null;
  if (inter1 === null || inter2 === null) return (inter1 ?? inter2)! * 10;
  return Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2);
}

/**
 * Fatalities by ACLED's conservative rule: killed records of scope `event` linked to the event,
 * subsets left out (they are part of a total). Within a victim group the lowest figure counts
 * (two claimants, two numbers); groups add up, and a figure for everyone is at least their sum.
 */
export function fatalities(event: EventRecord, casualties: readonly Casualty[]): number {
  const linked = new Set(event.casualties);
  const lowest = new Map<string, number>();
  for (const c of casualties) {
    if (!linked.has(c.id) || c.outcome !== 'killed' || c.scope !== 'event' || c.subset_of !== null || c.low === null) continue;
    lowest.set(c.group, Math.min(lowest.get(c.group) ?? Infinity, c.low));
  }
  let parts = 0;
  for (const [group, low] of lowest) if (group !== 'all') parts += low;
  const all = lowest.get('all');
  return all === undefined ? parts : Math.max(all, parts);
}

/** The sentence of `text` around offset `at`: from the previous sentence end or line break to the next. */
export function sentenceAt(text: string, at: number): string {
  const enders = /[.!?؟\n]/u;
  let start = at;
  while (start > 0 && !enders.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !enders.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '\n') end++; // keep the full stop
  return text.slice(start, end).trim();
}

function timePrecision(event: EventRecord): number | null {
  const base = event.time_precision;
  if (event.start === null || event.end === null || event.start === event.end) return base;
  const days = (Date.parse(event.end) - Date.parse(event.start)) / 86_400_000;
  if (days <= 1) return base; // "the night of Sunday" runs into the next day: still one day
  return Math.max(base ?? 1, days <= 7 ? 2 : 3);
}

const REPORTED_AS_HAPPENED: ReadonlySet<EventRecord['status']> = new Set(['occurred', 'ongoing', 'alleged']);

/** One ACLED row per political-violence event of the document that happened or is said to have, in event order. */
export function acledRows(doc: ExtractionDocument): AcledRow[] {
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const places = new Map(doc.places.map((p) => [p.id, p]));
  const source = [doc.article.outlet, doc.article.agency?.name ?? null].filter((s): s is string => s !== null && s !== '');
  const rows: AcledRow[] = [];
  for (const event of doc.events) {
    const type = event.acled_event_type;
    if (type === null || !REPORTED_AS_HAPPENED.has(event.status)) continue;
    const place: Place | undefined = event.place === null ? undefined : places.get(event.place);
    const countryCode = place?.country ?? null;
    const country = countryCode === null ? undefined : ISO_COUNTRIES.get(countryCode);
    const region = place?.kind === 'region'
      ? place
      : event.places.map((id) => places.get(id)).find((p) => p !== undefined && p.kind === 'region' && p.country === countryCode);
    const actor1 = event.actor1 === null ? undefined : actors.get(event.actor1);
    const actor2 = event.actor2 === null ? undefined : actors.get(event.actor2);
    const inter1 = actor1 ? interCode(actor1, countryCode) : null;
    let inter2 = actor2 ? interCode(actor2, countryCode) : null;
    let actor2Name = actor2?.name ?? null;
    if (!actor2 && event.civilian_targeting) {
      actor2Name = country ? `Civilians (${country[1]})` : 'Civilians';
      inter2 = 7;
    }
    const trigger = event.evidence[0]!;
    rows.push({
      event_date: event.start,
      year: event.start === null ? null : Number(event.start.slice(0, 4)),
      time_precision: timePrecision(event),
      disorder_type: DISORDER_TYPES[type] ?? 'Political violence',
      event_type: EVENT_TYPES[type] ?? sentenceCase(type),
      sub_event_type: event.acled_sub_event_type === null ? null : (SUB_EVENT_TYPES[event.acled_sub_event_type] ?? sentenceCase(event.acled_sub_event_type)),
      actor1: actor1?.name ?? null,
      assoc_actor_1: null,
      inter1,
      actor2: actor2Name,
      assoc_actor_2: null,
      inter2,
      interaction: interaction(inter1, inter2),
      civilian_targeting: event.civilian_targeting ? 'Civilian targeting' : null,
      iso: country?.[0] ?? null,
      country: country?.[1] ?? null,
      admin1: region?.name ?? null,
      location: place?.name ?? null,
      latitude: place?.lat ?? null,
      longitude: place?.lon ?? null,
      geo_precision: place?.geo_precision ?? null,
      source: source.length > 0 ? source.join('; ') : null,
      notes: sentenceAt(doc.article.text, trigger.start),
      fatalities: fatalities(event, doc.casualties),
    });
  }
  return rows;
}

/** The header line of acled_view.csv (without BOM). */
export function acledHeader(): string {
  return stringify([[...ACLED_COLUMNS]], { record_delimiter: '\n' });
}

/** The rows one document contributes to acled_view.csv ('' when none), formula guard applied. */
export function acledCsvRows(doc: ExtractionDocument): string {
  const rows = acledRows(doc);
  return rows.length === 0 ? '' : stringify(rows.map((r) => ACLED_COLUMNS.map((c) => formatCell(r[c]))), { record_delimiter: '\n' });
}
