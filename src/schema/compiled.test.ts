/**
 * The compiled fast path (./compiled.ts) against zod: the same verdict on every value, and for every
 * value both accept, the same output byte for byte (unknown keys stripped, keys in schema order).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extract } from '../index.ts';
import { compileFastParse, UnsupportedSchema } from './compiled.ts';
import { DocumentSchema, SCHEMA_ID, validateDocument, type ExtractionDocument } from './index.ts';

const ARTICLES = path.join(import.meta.dirname, '..', '..', 'data', 'articles');
const names = readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort();
const docs: ExtractionDocument[] = names.map((name) =>
  extract({ text: readFileSync(path.join(ARTICLES, name), 'utf8') }, { source: `data/articles/${name}`, fallbackId: name.replace(/\.txt$/u, '') }),
);
const fast = compileFastParse(DocumentSchema);

/** zod's verdict and output, as JSON (undefined when it rejects). */
const zodJson = (value: unknown): string | undefined => {
  const r = DocumentSchema.safeParse(value);
  return r.success ? JSON.stringify(r.data) : undefined;
};
const fastJson = (value: unknown): string | undefined => {
  const r = fast(value);
  return r === undefined ? undefined : JSON.stringify(r);
};

/** A small seeded generator, so that a failing case can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deep copy with every object's keys shuffled and the drafts' working keys (key, spans, span) added here and there. */
function messUp(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => messUp(v, random));
  if (value === null || typeof value !== 'object') return value;
  const entries: Array<[string, unknown]> = Object.entries(value).map(([k, v]) => [k, messUp(v, random)]);
  if (random() < 0.5) entries.push(['key', `act~${Math.floor(random() * 100)}`]);
  if (random() < 0.3) entries.push(['spans', [{ start: 0, end: 1, text: 'x', extra: true }]]);
  if (random() < 0.3) entries.push(['span', { start: -1 }]);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

describe('the compiled document schema', () => {
  it('compiles (validateDocument falls back to zod alone, slowly, when it does not)', () => {
    expect(() => compileFastParse(DocumentSchema)).not.toThrow();
    expect(docs).toHaveLength(readdirSync("data/articles").length);
    expect(docs.every((d) => d.actors.length > 0 && d.casualties.length > 0)).toBe(true);
  });

  it('gives zod output byte for byte for the development documents, junk keys and shuffled keys and all', () => {
    for (const [i, doc] of docs.entries()) {
      const expected = JSON.stringify(doc); // extract's output is already zod's
      expect(fastJson(doc), names[i]).toBe(expected);
      for (let seed = 1; seed <= 5; seed++) {
        const messy = messUp(doc, rng(seed * 1000 + i));
        expect(JSON.stringify(messy)).not.toBe(expected);
        expect(JSON.stringify(messy)).toContain('"spans"');
        expect(zodJson(messy), `${names[i]} seed ${seed}`).toBe(expected);
        expect(fastJson(messy), `${names[i]} seed ${seed}`).toBe(expected);
        expect(JSON.stringify(validateDocument(messy))).toBe(expected);
      }
    }
  });

  it('returns a copy: the input is not touched and nothing is shared but strings', () => {
    const messy = messUp(docs[0], rng(7)) as Record<string, unknown>;
    const before = JSON.stringify(messy);
    const out = fast(messy)!;
    expect(JSON.stringify(messy)).toBe(before);
    expect(out).not.toBe(messy);
    expect(out.article).not.toBe(messy['article']);
    expect(out.actors[0]!.evidence).not.toBe((messy['actors'] as Array<Record<string, unknown>>)[0]!['evidence']);
  });

  it('keeps an optional key that is present, even as undefined, and leaves out one that is absent, as zod does', () => {
    const doc = structuredClone(docs[0]!);
    doc.diagnostics = [
      { severity: 'info', code: 'a', message: 'absent' },
      { severity: 'info', code: 'b', message: 'undefined', evidence: undefined },
      { severity: 'warning', code: 'c', message: 'present', evidence: { start: 0, end: 1, text: doc.article.text.slice(0, 1) } },
    ];
    const ours = fast(doc)!.diagnostics;
    const zods = DocumentSchema.parse(doc).diagnostics;
    expect(ours.map((d) => Object.keys(d))).toEqual(zods.map((d) => Object.keys(d)));
    expect(ours.map((d) => 'evidence' in d)).toEqual([false, true, true]);
    expect(ours).toEqual(zods);
  });

  it('agrees with zod on accept and reject for mutated documents', () => {
    const oddValues: unknown[] = [
      null, undefined, 0, -1, 1, 2, 3, 4, 1.5, -0, -90.5, 2 ** 53, NaN, Infinity, -Infinity, true, false, [], {},
      '', 'x', 'ACT_1', 'act-1', 'act-', 'Q42', 'Q', 'SYR', 'syr', 'SY', '2020-11-01', '2020-1-1', '٢٠٢٠-١١-٠١',
      'person', 'city', 'killed', 'at_least', 'ceasefire', 'agreed', 'occurred', 'direct', 'asserts', 'gregorian', 'night', 'day',
      'bogus', 'Person', SCHEMA_ID, 'conflict-events/2', 'a'.repeat(64), 'A'.repeat(64), [{ start: 0, end: 1, text: 'x' }], [{ start: -1, end: 1, text: 'x' }], ['act-1'], [1],
      { start: 0, end: 0, text: '' }, { name: 'x', code: 'y', evidence: [] },
    ];
    const mutation = fc.oneof(
      fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(...oddValues) }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('empty' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('junk' as const), at: fc.nat(), value: fc.constantFrom(...oddValues) }),
    );
    let rejected = 0;
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const doc = structuredClone(docs[which]!) as unknown;
        for (const m of mutations) {
          // every slot of the document: [container, key], the root's own keys included
          const slots: Array<[Record<string, unknown> | unknown[], string | number]> = [];
          const walk = (v: unknown): void => {
            if (Array.isArray(v)) v.forEach((x, i) => (slots.push([v, i]), walk(x)));
            else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) slots.push([v as Record<string, unknown>, k]), walk(x);
          };
          walk(doc);
          const [container, key] = slots[m.at % slots.length]!;
          const c = container as Record<string | number, unknown>;
          if (m.op === 'set') c[key] = structuredClone(m.value);
          else if (m.op === 'empty') c[key] = Array.isArray(c[key]) ? [] : {};
          else if (m.op === 'junk') {
            const target = c[key];
            if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)['key'] = m.value;
          } else if (Array.isArray(container)) container.splice(key as number, 1);
          else delete c[key];
        }
        const expected = zodJson(doc);
        if (expected === undefined) rejected++;
        expect(fastJson(doc)).toBe(expected);
      }),
      { numRuns: 1500, seed: 20261126 },
    );
    expect(rejected).toBeGreaterThan(700); // most mutations break the document; the rest must still agree
  });

  it('rejects specific invalid documents as zod does', () => {
    const cases: Array<[string, (d: Record<string, any>) => void]> = [
      ['id with a bad pattern', (d) => (d.actors[0].id = 'ACT_1')],
      ['negative offset', (d) => (d.actors[0].evidence[0].start = -1)],
      ['fractional offset', (d) => (d.casualties[0].evidence[0].end = 2.5)],
      ['empty evidence', (d) => (d.events[0].evidence = [])],
      ['empty mentions', (d) => (d.places[0].mentions = [])],
      ['bad enum', (d) => (d.actors[0].kind = 'alien')],
      ['bad nullable enum', (d) => (d.dates[0].precision = 'century')],
      ['missing required key', (d) => delete d.events[0].status],
      ['missing nullable key', (d) => delete d.actors[0].wikidata],
      ['undefined required key', (d) => (d.article.title = undefined)],
      ['wrong schema', (d) => (d.schema = 'conflict-events/0')],
      ['NaN latitude', (d) => (d.places[0].lat = NaN)],
      ['latitude out of range', (d) => (d.places[0].lat = 91)],
      ['infinite count', (d) => (d.casualties[0].best = Infinity)],
      ['geo precision 4', (d) => (d.places[0].geo_precision = 4)],
      ['string geo precision', (d) => (d.places[0].geo_precision = '1')],
      ['empty rule', (d) => (d.actors[0].rule = '')],
      ['short sha', (d) => (d.article.text_sha256 = 'abc')],
      ['array for an object', (d) => (d.article = [])],
      ['object for an array', (d) => (d.actors = {})],
      ['number in quotes', (d) => (d.statements[0].quotes = [1])],
      ['hole in an array', (d) => (d.actors.length += 1)],
      ['string for a boolean', (d) => (d.events[0].civilian_targeting = 'false')],
      ['zero attempts', (d) => d.ceasefires.length && (d.ceasefires[0].attempts = 0)],
    ];
    for (const [what, mutate] of cases) {
      const doc = structuredClone(docs.find((d) => d.statements.length && d.ceasefires.length && d.places.length) ?? docs[0]!) as Record<string, any>;
      mutate(doc);
      expect(zodJson(doc), what).toBeUndefined();
      expect(fast(doc), what).toBeUndefined();
    }
    expect(fast(null)).toBeUndefined();
    expect(fast('doc')).toBeUndefined();
    expect(fast([docs[0]])).toBeUndefined();
  });
});

describe('validateDocument', () => {
  it("throws zod's issue list for a document that does not match the schema", () => {
    const doc = structuredClone(docs[0]!) as Record<string, any>;
    doc.actors[0].id = 'ACT_1';
    doc.actors[0].evidence = [];
    doc.article.published = '1/11/2020';
    expect(() => validateDocument(doc)).toThrow(
      `document does not match schema ${SCHEMA_ID}: article.published: Invalid string: must match pattern /^\\d{4}-\\d{2}-\\d{2}$/u; actors.0.id: Invalid string: must match pattern /^[a-z]+-\\d+$/u; actors.0.evidence: Too small: expected array to have >=1 items`,
    );
  });

  it('still runs the integrity checks on a document that matches the schema', () => {
    const doc = structuredClone(docs[0]!);
    doc.actors[0]!.evidence[0]!.text += 'x';
    expect(fast(doc)).toBeDefined();
    expect(() => validateDocument(doc)).toThrow(/^document is inconsistent: actors\.act-1: evidence \[\d+, \d+\) does not slice article\.text/u);
    const dup = structuredClone(docs[0]!);
    dup.actors[1]!.id = dup.actors[0]!.id;
    expect(() => validateDocument(dup)).toThrow(/duplicate id act-1/u);
  });

  it('falls back to zod when reading the document throws', () => {
    const doc = structuredClone(docs[0]!) as Record<string, unknown>;
    Object.defineProperty(doc, 'article', { enumerable: true, get: () => { throw new Error('getter'); } });
    expect(() => validateDocument(doc)).toThrow('getter');
  });
});

describe('compileFastParse on other schemas', () => {
  const agree = (schema: z.ZodType, values: unknown[]): void => {
    const parse = compileFastParse(schema);
    for (const value of values) {
      const r = schema.safeParse(value);
      const ours = parse(value);
      expect(ours === undefined ? 'rejected' : JSON.stringify(ours), JSON.stringify(value) ?? String(value)).toBe(r.success ? JSON.stringify(r.data) : 'rejected');
    }
  };

  it('counts string lengths in code points, as zod does', () => {
    const values = ['😀😀', '😀😀😀', '😀😀😀😀', '😀a', '😀', 'a', 'abcd', 'abc', '\uD800\uD800', '\uD800a\uDC00', '\uDC00\uD800'].map((s) => ({ s }));
    agree(z.object({ s: z.string().min(2).max(3) }), values);
    expect(compileFastParse(z.object({ s: z.string().max(3) }))({ s: '😀😀' })).toEqual({ s: '😀😀' });
    expect(compileFastParse(z.object({ s: z.string().min(2) }))({ s: '😀' })).toBeUndefined();
  });

  it('rejects NaN and infinities as z.number() does, and checks integer bounds', () => {
    agree(z.object({ n: z.number(), i: z.number().int().positive() }), [
      { n: NaN, i: 1 }, { n: Infinity, i: 1 }, { n: 1.5, i: 1 }, { n: 0, i: 0 }, { n: 0, i: 2 ** 53 }, { n: 0, i: 2 ** 53 - 1 }, { n: 0, i: 1.5 }, { n: 0, i: '1' },
    ]);
  });

  it('shapes nested, nullable and optional objects and arrays in schema order', () => {
    const inner = z.object({ b: z.string(), a: z.number().nullable() });
    const schema = z.object({ z: z.array(inner), y: inner.nullable(), x: inner.optional(), w: z.literal(1) });
    agree(schema, [
      { w: 1, x: { a: 1, b: 'b', c: 3 }, y: null, z: [{ a: null, b: '', junk: 1 }], extra: true },
      { w: 1, y: { a: 2, b: 'c' }, z: [] },
      { w: 1, y: { a: 2 }, z: [] },
      { w: 1, y: undefined, z: [] },
      { w: 1, x: undefined, y: null, z: [] },
      { w: 2, y: null, z: [] },
      { w: 1, y: null, z: [{ a: 1, b: 'x' }, null] },
    ]);
    expect(JSON.stringify(compileFastParse(schema)({ x: { a: 1, b: 'b' }, w: 1, z: [], y: null }))).toBe('{"z":[],"y":null,"x":{"b":"b","a":1},"w":1}');
  });

  it('refuses what its JSON Schema does not carry exactly', () => {
    const refused: z.ZodType[] = [
      z.object({ s: z.string().refine((s) => s.length > 2) }),
      z.strictObject({ a: z.string() }),
      z.looseObject({ a: z.string() }),
      z.object({ a: z.string() }).catchall(z.number()),
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.string().regex(/^a.$/) }),
      z.object({ a: z.string().regex(/^a$/iu) }),
      z.object({ a: z.email() }),
      z.object({ a: z.record(z.string(), z.string()) }),
      z.object({ a: z.union([z.object({ b: z.string() }), z.object({ c: z.string() })]) }),
      z.object({ a: z.array(z.string().optional()) }),
      z.object({ a: z.unknown() }),
      z.object({ a: z.coerce.number() }),
      z.object({ a: z.number().multipleOf(0.1) }),
      z.object({ a: z.tuple([z.string()]) }),
    ];
    for (const schema of refused) expect(() => compileFastParse(schema), JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }))).toThrow(UnsupportedSchema);
    type Node = { name: string; children: Node[] };
    const Tree: z.ZodType<Node> = z.object({ name: z.string(), get children() { return z.array(Tree); } });
    expect(() => compileFastParse(Tree)).toThrow(UnsupportedSchema);
  });
});
