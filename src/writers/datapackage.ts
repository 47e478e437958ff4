/**
 * csv/datapackage.json: a Frictionless Data Package (tabular-data-package) describing the CSV
 * tables, so `frictionless validate` checks them and typed readers (frictionless, R's
 * frictionless, pandas via the schema) import them with the right types. Field names come from the
 * CSV column lists, types and descriptions from the zod schemas (through their JSON Schema), so the
 * package follows the codebook without being edited by hand. Pure and deterministic.
 */
import { z } from 'zod';
import { AgencySchema, ArticleSchema, RECORD_SCHEMAS, SCHEMA_ID, type RecordTable } from '../schema/index.ts';
import { ACLED_COLUMN_DESCRIPTIONS, ACLED_COLUMNS, type AcledColumn } from './acled.ts';
import { CSV_COLUMNS, CSV_TABLES, LIST_SEPARATOR, type CsvTable } from './csv.ts';
import { STORIES_SCHEMA_ID, StorySchema, TollPointSchema } from '../schema/stories.ts';
import { STORIES_COLUMNS, TOLL_SERIES_COLUMNS } from './stories.ts';

export const ACLED_VIEW = 'acled_view';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface TableField {
  name: string;
  type: FieldType;
  description?: string;
  constraints?: { enum?: Array<string | number> };
}

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: Array<string | number>;
  const?: string | number | boolean;
  pattern?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function propertiesOf(schema: z.ZodType): Record<string, JsonSchema> {
  return (z.toJSONSchema(schema, { io: 'output' }) as JsonSchema).properties ?? {};
}

/** The non-null alternative of a nullable JSON Schema, with the outer description kept. */
function nonNull(schema: JsonSchema): JsonSchema {
  if (schema.anyOf) {
    const options = schema.anyOf.filter((s) => s.type !== 'null');
    if (options.length === 1) return { ...options[0], ...(schema.description ? { description: schema.description } : {}) };
    // 1 | 2 | 3 (precision codes): a union of constants
    if (options.every((o) => o.const !== undefined)) {
      return { type: typeof options[0]!.const === 'number' ? 'integer' : 'string', enum: options.map((o) => o.const as string | number), ...(schema.description ? { description: schema.description } : {}) };
    }
    return { ...schema, anyOf: options };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    return { ...schema, type: types.length === 1 ? types[0]! : types };
  }
  return schema;
}

function scalarField(name: string, schema: JsonSchema, fallbackDescription?: string): TableField {
  const s = nonNull(schema);
  let type: FieldType = 'string';
  if (s.type === 'integer') type = 'integer';
  else if (s.type === 'number') type = 'number';
  else if (s.type === 'boolean') type = 'boolean';
  else if (s.type === 'string' && s.pattern === ISO_DATE_PATTERN) type = 'date';
  const field: TableField = { name, type };
  const description = s.description ?? fallbackDescription ?? (s.enum ? `one of: ${s.enum.join(', ')}` : undefined);
  if (description !== undefined) field.description = description;
  if (s.enum) field.constraints = { enum: [...s.enum] };
  return field;
}

/** Fields of a record table, column by column as the CSV writer flattens them. */
function fieldsFor(table: CsvTable): TableField[] {
  const properties = propertiesOf(table === 'articles' ? ArticleSchema : RECORD_SCHEMAS[table as RecordTable]);
  const agency = propertiesOf(AgencySchema);
  const byColumn = (column: string): TableField => {
    if (column === 'article_id') return { name: column, type: 'string', description: 'id of the article the record comes from (articles.id)' };
    const property = properties[column];
    if (property) {
      const s = nonNull(property);
      if (s.type === 'array') {
        const what = s.items?.properties?.['start'] ? 'distinct surface forms' : 'values';
        const description = `${s.description ?? column}; ${what} joined with "${LIST_SEPARATOR}"`;
        return { name: column, type: 'string', description };
      }
      return scalarField(column, property);
    }
    switch (column) {
      case 'evidence_start':
        return { name: column, type: 'integer', description: 'start offset of the first evidence span in articles.text (UTF-16 code units, inclusive)' };
      case 'evidence_end':
        return { name: column, type: 'integer', description: 'end offset of the first evidence span in articles.text (UTF-16 code units, exclusive)' };
      case 'evidence_text':
        return { name: column, type: 'string', description: 'text of the first evidence span; the JSON holds every span' };
      case 'evidence_field':
        return { name: column, type: 'string', description: '"title" where the first evidence span slices articles.title instead of articles.text (an article object with a separate title), else empty' };
      case 'evidence_count':
        return { name: column, type: 'integer', description: 'number of evidence spans (the JSON lists them all)' };
    }
    const agencyField = /^agency_(.+)$/u.exec(column)?.[1];
    if (agencyField !== undefined && agency[agencyField]) return scalarField(column, agency[agencyField], `wire agency ${agencyField}`);
    throw new Error(`datapackage: no type for column ${table}.${column}`);
  };
  return CSV_COLUMNS[table].map(byColumn);
}

const ACLED_TYPES: Partial<Record<AcledColumn, FieldType>> = {
  event_date: 'date', year: 'integer', time_precision: 'integer', inter1: 'integer', inter2: 'integer',
  interaction: 'integer', iso: 'integer', latitude: 'number', longitude: 'number', geo_precision: 'integer', fatalities: 'integer',
};

function acledFields(): TableField[] {
  return ACLED_COLUMNS.map((name) => ({ name, type: ACLED_TYPES[name] ?? 'string', description: ACLED_COLUMN_DESCRIPTIONS[name] }));
}

const TABLE_DESCRIPTIONS: Readonly<Record<CsvTable, string>> = {
  articles: 'one row per article',
  actors: 'persons, states, government bodies, armed forces and groups, organisations and populations',
  places: 'named geographic entities',
  dates: 'temporal expressions resolved to dates',
  statements: 'who said what, when: one row per reporting clause',
  events: 'events, PLOVER and ACLED coded',
  casualties: 'one row per reported casualty figure',
  ceasefires: 'ceasefire, truce and humanitarian-pause attempts',
};

/** Fields of csv/stories.csv and csv/toll_series.csv: types and descriptions from the stories schemas. */
function storyFields(): { stories: TableField[]; toll_series: TableField[] } {
  const point = propertiesOf(TollPointSchema);
  const story = propertiesOf(StorySchema);
  const fromPoint = (column: string, field = column): TableField => scalarField(column, point[field]!);
  const list = (name: string, description: string): TableField => ({ name, type: 'string', description: `${description}, separated by "${LIST_SEPARATOR}"` });
  const stories: TableField[] = STORIES_COLUMNS.map((column): TableField => {
    switch (column) {
      case 'story_id':
        return { name: column, type: 'string', description: story['id']!.description ?? 'story id' };
      case 'articles':
        return list(column, 'article ids in order of publication');
      case 'article_count':
        return { name: column, type: 'integer', description: 'number of articles in the story' };
      case 'start':
      case 'end':
      case 'event_type':
        return scalarField(column, story[column]!);
      case 'place':
        return { name: column, type: 'string', description: "the main event's place name" };
      case 'country':
        return { name: column, type: 'string', description: "ISO 3166-1 alpha-3 code of the main event's place" };
      case 'lat':
      case 'lon':
        return { name: column, type: 'number', description: `${column === 'lat' ? 'latitude' : 'longitude'} of the main event's place (WGS84)` };
      case 'actors':
        return list(column, "names of the actors the story's headlines and leads name, most often first");
      case 'disputed':
        return scalarField(column, story['disputed']!);
      default: {
        // killed_low, injured_as_of, …: the current toll per outcome
        const [outcome, ...rest] = column.split('_');
        const field = rest.join('_');
        const f = fromPoint(column, field === 'as_of' ? 'published' : field);
        return { ...f, description: `${outcome} toll: ${f.description ?? field}` };
      }
    }
  });
  const toll_series: TableField[] = TOLL_SERIES_COLUMNS.map((column) => (column === 'story_id' ? { name: column, type: 'string', description: 'the story (stories.story_id)' } : fromPoint(column)));
  return { stories, toll_series };
}

/** The data package for the CSV tables as written (with or without a BOM); `stories` adds the stories tables, `tables: false` leaves the record tables out. */
export function dataPackage(options: { bom: boolean; stories?: boolean; tables?: boolean }): Record<string, unknown> {
  const common = {
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: options.bom ? 'utf-8-sig' : 'utf-8',
    dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true, skipInitialSpace: false },
  };
  const resources: Array<Record<string, unknown>> = (options.tables === false ? [] : CSV_TABLES).map((table) => ({
    name: table,
    path: `${table}.csv`,
    description: TABLE_DESCRIPTIONS[table],
    ...common,
    schema: {
      fields: fieldsFor(table),
      missingValues: [''],
      primaryKey: table === 'articles' ? ['id'] : ['article_id', 'id'],
      ...(table === 'articles' ? {} : { foreignKeys: [{ fields: ['article_id'], reference: { resource: 'articles', fields: ['id'] } }] }),
    },
  }));
  if (options.tables !== false) resources.push({
    name: ACLED_VIEW,
    path: `${ACLED_VIEW}.csv`,
    description: "the political-violence events in ACLED's column names and spellings, to append to an ACLED export",
    ...common,
    schema: { fields: acledFields(), missingValues: [''] },
  });
  if (options.stories === true) {
    const fields = storyFields();
    resources.push(
      { name: 'stories', path: 'stories.csv', description: 'one row per story (the real-world event its articles report) with its current toll per outcome and where it comes from', ...common, schema: { fields: fields.stories, missingValues: [''], primaryKey: ['story_id'] } },
      {
        name: 'toll_series', path: 'toll_series.csv', description: 'the toll of each story over time: one row per (story, article, outcome)', ...common,
        schema: { fields: fields.toll_series, missingValues: [''], primaryKey: ['story_id', 'article_id', 'outcome'], foreignKeys: [{ fields: ['story_id'], reference: { resource: 'stories', fields: ['story_id'] } }] },
      },
    );
  }
  return {
    profile: 'tabular-data-package',
    name: 'conflict-events',
    title: 'conflict-events tables',
    description: `Records extracted from news articles (${SCHEMA_ID}); see CODEBOOK.md for what every field means. Text cells a spreadsheet would run as a formula are prefixed with an apostrophe.`,
    resources,
    // the whole stories file lies beside csv/, outside the package's folder (a resource path may not go up)
    ...(options.stories === true ? { stories_json: { path: '../stories.json', format: 'json', mediatype: 'application/json', schema: STORIES_SCHEMA_ID, json_schema: 'schemas/stories.schema.json (in the conflict-events package)', description: 'every story with its articles, place, actors, toll and toll series (CODEBOOK.md, "Stories")' } } : {}),
  };
}

/** csv/datapackage.json as written: 2-space JSON and a final newline. */
export function toDataPackageJson(options: { bom: boolean; stories?: boolean; tables?: boolean }): string {
  return `${JSON.stringify(dataPackage(options), null, 2)}\n`;
}
