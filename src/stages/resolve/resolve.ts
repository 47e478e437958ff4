/**
 * Resolve: number records by first evidence (act-1, plc-1 …), turn draft keys into ids, and drop
 * the working fields stages keep for lookups. Output order is deterministic: by first evidence
 * offset, then by rule and text.
 */
import type { Context } from '../../core/context.ts';
import type { ExtractionDocument } from '../../schema/index.ts';

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

function firstOffset(r: { evidence: Array<{ start: number }> }): number {
  let min = Infinity;
  for (const e of r.evidence) if (e.start < min) min = e.start;
  return min;
}

/** Evidence keeps the order the stage gave (the main span first); duplicates go. */
function dedupeEvidence<T extends { start: number; end: number }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.start}:${e.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sortEvidence<T extends { start: number; end: number }>(list: T[]): T[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((e) => {
      const k = `${e.start}:${e.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

export function resolve(ctx: Context): Omit<ExtractionDocument, 'schema'> {
  const idOf = new Map<string, string>();
  const ordered = {} as Record<Table, Array<{ key: string; evidence: Array<{ start: number; end: number; text: string }> }>>;
  for (const table of Object.keys(PREFIX) as Table[]) {
    const list = ctx.records[table] as unknown as Array<{ key: string; rule: string; evidence: Array<{ start: number; end: number; text: string }> }>;
    const sorted = list
      .map((r) => ({ ...r, evidence: dedupeEvidence(r.evidence) }))
      .sort((a, b) => firstOffset(a) - firstOffset(b) || a.rule.localeCompare(b.rule) || a.key.localeCompare(b.key));
    sorted.forEach((r, i) => idOf.set(r.key, `${PREFIX[table]}-${i + 1}`));
    ordered[table] = sorted;
  }
  const ref = (k: string | null): string | null => (k === null ? null : (idOf.get(k) ?? null));
  const refs = (ks: readonly string[]): string[] => [...new Set(ks.map((k) => idOf.get(k)).filter((x): x is string => !!x))];

  const strip = <T extends { key: string }>(r: T, drop: string[] = []): Omit<T, 'key'> & { id: string } => {
    const { key, ...rest } = r;
    for (const d of drop) delete (rest as Record<string, unknown>)[d];
    return { id: idOf.get(key)!, ...rest };
  };
  const withMentions = <T extends { mentions: Array<{ start: number; end: number; text: string }> }>(r: T): T => ({
    ...r,
    mentions: sortEvidence(r.mentions),
  });

  const actors = (ordered.actors as unknown as Context['records']['actors']).map((a) => {
    const s = strip(withMentions(a), ['spans']);
    return { ...s, affiliation: ref(a.affiliation) };
  });
  const places = (ordered.places as unknown as Context['records']['places']).map((p) => strip(withMentions(p), ['spans']));
  const dates = (ordered.dates as unknown as Context['records']['dates']).map((d) => strip(d, ['span']));
  const statements = (ordered.statements as unknown as Context['records']['statements']).map((s) => ({
    ...strip(s),
    speaker: ref(s.speaker),
    via: ref(s.via),
    addressee: ref(s.addressee),
  }));
  const events = (ordered.events as unknown as Context['records']['events']).map((e) => ({
    ...strip(e),
    actor1: ref(e.actor1),
    actor2: ref(e.actor2),
    place: ref(e.place),
    places: refs(e.places),
    claimed_by: ref(e.claimed_by),
    casualties: refs(e.casualties),
  }));
  const casualties = (ordered.casualties as unknown as Context['records']['casualties']).map((c) => ({
    ...strip(c),
    side: ref(c.side),
    subset_of: ref(c.subset_of),
    claimant: ref(c.claimant),
  }));
  const ceasefires = (ordered.ceasefires as unknown as Context['records']['ceasefires']).map((c) => ({
    ...strip(c),
    parties: refs(c.parties),
    mediators: refs(c.mediators),
  }));
  return {
    article: ctx.article,
    actors,
    places,
    dates,
    statements,
    events,
    casualties,
    ceasefires,
    diagnostics: ctx.diagnostics,
  } as Omit<ExtractionDocument, 'schema'>;
}
