/**
 * schemas/*.schema.json: generated from the zod schemas (stale files fail here: run `npm run schemas`),
 * and every document the extractor writes validates against them, read from disk, with ajv in strict mode
 * (validateDocument's compiled path uses ajv too, on a reworked copy of the same schema built in memory).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR, schemaFiles } from '../scripts/generate-schemas.ts';
import { createExtractor } from '../src/pipeline.ts';
import { RECORD_SCHEMAS } from '../src/schema/index.ts';
import { sampleDocument } from './fixtures/sample-document.ts';
import { SEED_TEXT } from './fixtures/seed-page.ts';

// ajv is CommonJS: under nodenext the default import is module.exports, whose .default is the class.
const Ajv2020 = Ajv2020Module.default;

const OUTPUT_JSON = path.join(import.meta.dirname, '..', 'output', 'json');

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')) as Record<string, unknown>;
}

function validator(name: string): (doc: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(loadSchema(name));
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}

describe('schemas/', () => {
  it('is up to date with the zod schemas (run `npm run schemas` after changing src/schema)', () => {
    const expected = schemaFiles();
    const present = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(present).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), name).toBe(content);
  });

  it('holds the document, one schema per record type and the stories file, with field descriptions', () => {
    const names = [...schemaFiles().keys()];
    expect(names).toEqual(['document', 'article', 'actor', 'place', 'date', 'statement', 'event', 'casualty', 'ceasefire', 'stories'].map((n) => `${n}.schema.json`));
    const casualty = loadSchema('casualty.schema.json') as { $schema: string; properties: Record<string, { description?: string }> };
    expect(casualty.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(casualty.properties['number_text']?.description).toBe('the figure as written');
  });

  it('validates a stories file, and rejects one whose story id or toll outcome is not the codebook\'s', async () => {
    const { buildStories } = await import('../src/stories/build.ts');
    const validate = validator('stories.schema.json');
    const file = JSON.parse(JSON.stringify(buildStories([sampleDocument()]))) as { stories: Array<Record<string, unknown>> };
    expect(file.stories).toHaveLength(1);
    expect(validate(file)).toEqual([]);
    expect(validate({ ...file, stories: [{ ...file.stories[0], id: 'S1' }] })).not.toEqual([]);
    expect(validate({ ...file, stories: [{ ...file.stories[0], toll: { killed: null, injured: null, missing: null, detained: null } }] })).not.toEqual([]);
  });

  it('validates every document in output/json', () => {
    expect(existsSync(OUTPUT_JSON), 'run `npm run extract` first').toBe(true);
    const validate = validator('document.schema.json');
    const files = readdirSync(OUTPUT_JSON).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(validate(JSON.parse(readFileSync(path.join(OUTPUT_JSON, file), 'utf8'))), file).toEqual([]);
  });

  it('validates a freshly extracted document, and each of its records against its record schema', () => {
    const doc = createExtractor().extract({ text: SEED_TEXT }, { source: 'seed.txt', fallbackId: 'seed' });
    expect(validator('document.schema.json')(doc)).toEqual([]);
    expect(validator('article.schema.json')(doc.article)).toEqual([]);
    const recordFile: Record<keyof typeof RECORD_SCHEMAS, string> = {
      actors: 'actor', places: 'place', dates: 'date', statements: 'statement', events: 'event', casualties: 'casualty', ceasefires: 'ceasefire',
    };
    for (const [table, stem] of Object.entries(recordFile) as Array<[keyof typeof RECORD_SCHEMAS, string]>) {
      const validate = validator(`${stem}.schema.json`);
      expect(doc[table].length, table).toBeGreaterThan(0);
      for (const record of doc[table]) expect(validate(record), `${table} ${record.id}`).toEqual([]);
    }
  });

  it('rejects what the codebook forbids', () => {
    const validate = validator('document.schema.json');
    const doc = sampleDocument();
    expect(validate({ ...doc, schema: 'conflict-events/2' })).not.toEqual([]);
    expect(validate({ ...doc, casualties: [{ ...doc.casualties[0], low: '12' }] })).not.toEqual([]);
    expect(validate({ ...doc, dates: [{ ...doc.casualties[0] }] })).not.toEqual([]);
    expect(validate({ ...doc, article: { ...doc.article, published: '1/11/2020' } })).not.toEqual([]);
    expect(validate({ ...doc, article: { ...doc.article, published_at: '2020-11-01T08:00:00Z' } })).toEqual([]);
    expect(validate({ ...doc, article: { ...doc.article, published_at: '2020-11-01 08:00' } })).not.toEqual([]);
  });
});
