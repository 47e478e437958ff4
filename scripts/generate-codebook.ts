/**
 * Writes docs/codebook.md: the project's own account of every field, with the tables generated
 * from the zod schemas' descriptions so the document and the validator never disagree.
 *   npx tsx scripts/generate-codebook.ts          write it
 *   npx tsx scripts/generate-codebook.ts --check  exit 1 when it is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ArticleSchema, DocumentSchema, RECORD_SCHEMAS, SCHEMA_ID } from '../src/schema/index.ts';
import { STORIES_SCHEMA_ID, StorySchema, TollPointSchema } from '../src/schema/stories.ts';

type Json = { type?: string | string[]; description?: string; enum?: unknown[]; items?: Json; anyOf?: Json[]; properties?: Record<string, Json>; $ref?: string; pattern?: string; const?: unknown };

function typeOf(p: Json): string {
  if (p.enum) return p.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (p.const !== undefined) return `\`${JSON.stringify(p.const)}\``;
  if (p.anyOf) return p.anyOf.map(typeOf).join(' \\| ');
  if (p.type === 'array') return `list of ${p.items ? typeOf(p.items) : 'values'}`;
  if (Array.isArray(p.type)) return p.type.join(' \\| ');
  if (p.type === 'object') return 'object';
  return p.type ?? 'value';
}

function table(schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: 'output' }) as Json;
  const rows = Object.entries(json.properties ?? {}).map(([name, p]) => {
    const desc = (p.description ?? (p.items?.description ? `each: ${p.items.description}` : '')).replace(/\|/gu, '\\|');
    return `| \`${name}\` | ${typeOf(p)} | ${desc} |`;
  });
  return ['| field | type | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

const intro = `# Codebook (${SCHEMA_ID})

This is conflict-events' own description of its output. The contract it implements is the shared
codebook (schema 1); this page adds the types and the project's extensions. The tables are
generated from the zod schemas in \`src/schema/index.ts\` by \`npx tsx scripts/generate-codebook.ts\`
(a test fails when they are stale), and \`schemas/*.json\` holds the same definitions as JSON Schema.

## How to read the records

- One **document** per article. Records are numbered in order of their first evidence
  (\`act-1\`, \`plc-1\`, \`dat-1\`, \`stm-1\`, \`evt-1\`, \`cas-1\`, \`cf-1\`); \`(article.id, id)\` is unique in a dataset.
- **Evidence**: \`[{start, end, text}]\`, half-open UTF-16 offsets into \`article.text\` (the text as given,
  after \`\\r\\n\` → \`\\n\`), and \`article.text.slice(start, end) === text\` always. The first evidence is the
  main span (the figure for a casualty, the verb for a statement); the others support it (a partial-toll
  cue, the content of a statement, the date that dates an event).
- **rule** names the rule that produced a record (\`casualties:qualified-number-before-killed-noun\`,
  \`actors:title-then-name\`, \`dates\` rules say how a date was resolved: \`weekday_on_or_before_published\` …).
- **Unknown is \`null\`**, with a \`*_reason\` where a user would ask why (\`date_reason\`, \`published_reason\`).
- Numbers follow UCDP's low/best/high with ACLED's conservative constants: exact N → low = best = high = N;
  more than / at least N → low = best = N; about N → best = N; nearly N → best = high = N; between A and B →
  low = best = A, high = B; tens/hundreds/thousands → 10/100/1000 (\`vague\`).

## Extensions to schema 1

Added fields (nothing renamed): \`article.caption\`; \`article.published_at\` (the UTC time of an input
\`published\` with a time of day, so the versions of one day are ordered; \`published\` stays the day); \`dates.part_of_day\`, \`dates.calendar\` and the date kind
\`relative_period\` (\`الأسبوع الماضي\`, resolved to the calendar week/month/year at its precision);
\`events.trigger\` (the word that names the event) and \`events.places\` (every place the event names).
`;

const sections: string[] = [intro, '## Document\n', table(DocumentSchema.omit({ article: true })), '\n## article\n', table(ArticleSchema)];
for (const [name, schema] of Object.entries(RECORD_SCHEMAS)) sections.push(`\n## ${name}\n\n${schema.description ?? ''}\n`, table(schema));
sections.push(
  `\n## Stories (across articles)\n\n\`--stories\` (or \`conflict-events stories DIR\`) writes \`DIR/stories.json\`:
\`{"schema": "${STORIES_SCHEMA_ID}", "stories": [Story…]}\`, every article in exactly one story (\`schemas/stories.schema.json\`),
\`DIR/csv/stories.csv\` (one row per story: its fields, the toll per outcome as \`killed_low\` … \`killed_as_of\`) and
\`DIR/csv/toll_series.csv\` (one row per toll point, led by \`story_id\`). Generated from \`src/schema/stories.ts\`.

### Story

${StorySchema.description ?? ''}
`,
  table(StorySchema),
  `\n### Toll point\n\n${TollPointSchema.description ?? ''}\n`,
  table(TollPointSchema),
);
const out = `${sections.join('\n')}\n`;

const path = new URL('../docs/codebook.md', import.meta.url);
if (process.argv.includes('--check')) {
  const current = readFileSync(path, 'utf8');
  if (current !== out) {
    console.error('docs/codebook.md is stale: run npx tsx scripts/generate-codebook.ts');
    process.exit(1);
  }
} else {
  writeFileSync(path, out);
}
