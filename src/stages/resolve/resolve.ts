/**
 * Resolve: number records by first evidence (act-1, plc-1 …) and turn draft keys into record ids.
 * Output order is deterministic: by first evidence offset, then by rule and key. Drafts are updated
 * in place (the context ends with the article); the working fields stages keep for lookups (`key`,
 * `spans`, `span`) are left for the schema to drop: zod objects strip unknown keys when the
 * pipeline validates the document.
 */
import type { Context } from '../../core/context.ts';
import type { Evidence, ExtractionDocument } from '../../schema/index.ts';

const PREFIX = {
  actors: 'act',
  places: 'plc',
  dates: 'dat',
  statements: 'stm',
  events: 'evt',
  casualties: 'cas',
  ceasefires: 'cf',
} as const;

type Table = keyof typeof PREFIX;

interface DraftLike {
  key: string;
  id?: string;
  rule: string;
  evidence: Evidence[];
}

function firstOffset(r: { evidence: Array<{ start: number }> }): number {
  let min = Infinity;
  for (const e of r.evidence) if (e.start < min) min = e.start;
  return min;
}

/** Evidence keeps the order the stage gave (the main span first); duplicates go. */
function dedupeEvidence(list: Evidence[]): Evidence[] {
  if (list.length < 2) return list;
  if (list.length <= 32) {
    // short lists (nearly all): compare pairs, and allocate nothing when there is no duplicate
    let duplicated = false;
    for (let i = 1; i < list.length && !duplicated; i++) {
      for (let j = 0; j < i; j++) {
        if (list[i]!.start === list[j]!.start && list[i]!.end === list[j]!.end) {
          duplicated = true;
          break;
        }
      }
    }
    if (!duplicated) return list;
  }
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.start}:${e.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Mentions in text order, once each. */
function sortEvidence(list: Evidence[]): Evidence[] {
  return dedupeEvidence([...list].sort((a, b) => a.start - b.start || a.end - b.end));
}

export function resolve(ctx: Context): Omit<ExtractionDocument, 'schema'> {
  const idOf = new Map<string, string>();
  for (const table of Object.keys(PREFIX) as Table[]) {
    const list = ctx.records[table] as unknown as DraftLike[];
    for (const r of list) r.evidence = dedupeEvidence(r.evidence);
    list.sort((a, b) => firstOffset(a) - firstOffset(b) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    list.forEach((r, i) => {
      r.id = `${PREFIX[table]}-${i + 1}`;
      idOf.set(r.key, r.id);
    });
  }
  const ref = (k: string | null): string | null => (k === null ? null : (idOf.get(k) ?? null));
  const refs = (ks: readonly string[]): string[] => [...new Set(ks.map((k) => idOf.get(k)).filter((x): x is string => !!x))];

  const { actors, places, statements, events, casualties, ceasefires } = ctx.records;
  for (const a of actors) {
    a.mentions = sortEvidence(a.mentions);
    a.affiliation = ref(a.affiliation);
  }
  for (const p of places) p.mentions = sortEvidence(p.mentions);
  for (const s of statements) {
    s.speaker = ref(s.speaker);
    s.via = ref(s.via);
    s.addressee = ref(s.addressee);
  }
  for (const e of events) {
    e.actor1 = ref(e.actor1);
    e.actor2 = ref(e.actor2);
    e.place = ref(e.place);
    e.places = refs(e.places);
    e.claimed_by = ref(e.claimed_by);
    e.casualties = refs(e.casualties);
  }
  for (const c of casualties) {
    c.side = ref(c.side);
    c.subset_of = ref(c.subset_of);
    c.claimant = ref(c.claimant);
  }
  for (const c of ceasefires) {
    c.parties = refs(c.parties);
    c.mediators = refs(c.mediators);
  }
  return {
    article: ctx.article,
    actors,
    places,
    dates: ctx.records.dates,
    statements,
    events,
    casualties,
    ceasefires,
    diagnostics: ctx.diagnostics,
  } as unknown as Omit<ExtractionDocument, 'schema'>;
}
