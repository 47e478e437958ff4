/**
 * Generates schemas/*.schema.json (JSON Schema 2020-12) from the zod schemas in src/schema:
 * one for the whole document and one per record type, field descriptions taken from `.describe()`.
 *
 * Run: npx tsx scripts/generate-schemas.ts   (also `npm run schemas`)
 * tests/schemas.test.ts regenerates them in memory and fails when the checked-in files are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import {
  ActorSchema,
  ArticleSchema,
  CasualtySchema,
  CeasefireSchema,
  DateSchema,
  DocumentSchema,
  EventSchema,
  PlaceSchema,
  SCHEMA_ID,
  StatementSchema,
} from '../src/schema/index.ts';
import { STORIES_SCHEMA_ID, StoriesFileSchema } from '../src/schema/stories.ts';
import { outputJsonSchema } from '../src/schema/compiled.ts';

export const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');

/** File stem → zod schema, in the codebook's order (and the schema id its title names, where not the document's). */
const SOURCES: ReadonlyArray<[string, z.ZodType, string, string?]> = [
  ['document', DocumentSchema, 'Document'],
  ['article', ArticleSchema, 'Article'],
  ['actor', ActorSchema, 'Actor'],
  ['place', PlaceSchema, 'Place'],
  ['date', DateSchema, 'Date'],
  ['statement', StatementSchema, 'Statement'],
  ['event', EventSchema, 'Event'],
  ['casualty', CasualtySchema, 'Casualty'],
  ['ceasefire', CeasefireSchema, 'Ceasefire'],
  ['stories', StoriesFileSchema, 'Stories', STORIES_SCHEMA_ID],
];

/** File name → file content (2-space JSON and a final newline), deterministic. */
export function schemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [stem, schema, title, id = SCHEMA_ID] of SOURCES) {
    // the output's schema describes the documents as written (the shape users read); validateDocument compiles the same one
    const generated = outputJsonSchema(schema) as Record<string, unknown>;
    const { $schema, ...rest } = generated;
    const json = {
      $schema,
      $id: `${stem}.schema.json`,
      title: `${id} ${title}`,
      $comment: `Generated from src/schema/${id === SCHEMA_ID ? 'index' : 'stories'}.ts by scripts/generate-schemas.ts (npm run schemas); do not edit.`,
      ...rest,
    };
    files.set(`${stem}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
  }
  return files;
}

function writeSchemas(): void {
  mkdirSync(SCHEMAS_DIR, { recursive: true });
  const files = schemaFiles();
  for (const name of readdirSync(SCHEMAS_DIR)) {
    if (name.endsWith('.schema.json') && !files.has(name)) rmSync(join(SCHEMAS_DIR, name)); // a record type that went away
  }
  for (const [name, content] of files) writeFileSync(join(SCHEMAS_DIR, name), content);
  process.stderr.write(`wrote ${files.size} schemas to schemas/\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) writeSchemas();
