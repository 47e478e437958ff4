/**
 * CSV column lists derived from the zod schemas, so a field added to the codebook shows up in the
 * tables without anyone editing this file. A field of a shape this file cannot flatten throws at
 * load time (and so fails every test) rather than silently vanishing from the CSV.
 */
import type { z } from 'zod';
import { ArticleSchema, RECORD_SCHEMAS, type RecordTable } from '../schema/index.ts';

export type CsvTable = 'articles' | RecordTable;
/** A cell before formatting: numbers stay numbers so the formula guard can leave them alone. */
export type CellValue = string | number | boolean | null;
export type Row = Readonly<Record<string, unknown>>;

export interface Column {
  name: string;
  value: (record: Row) => CellValue;
}

export const LIST_SEPARATOR = '; ';
/** Separates the parts of one list item that is an object (a credit: person / organisation). */
const PART_SEPARATOR = ' / ';

type AnySchema = z.ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.def.type === 'nullable' || s.def.type === 'optional') s = (s.def as unknown as { innerType: AnySchema }).innerType;
  return s;
}

function isScalar(schema: AnySchema): boolean {
  const s = unwrap(schema);
  switch (s.def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'enum':
    case 'literal':
      return true;
    case 'union':
      return (s.def as unknown as { options: AnySchema[] }).options.every(isScalar);
    default:
      return false;
  }
}

function objectShape(schema: AnySchema): Record<string, AnySchema> | null {
  const s = unwrap(schema);
  return s.def.type === 'object' ? (s.def as unknown as { shape: Record<string, AnySchema> }).shape : null;
}

function arrayElement(schema: AnySchema): AnySchema | null {
  const s = unwrap(schema);
  return s.def.type === 'array' ? (s.def as unknown as { element: AnySchema }).element : null;
}

/** An evidence span: {start, end, text}. */
function isSpan(schema: AnySchema): boolean {
  const shape = objectShape(schema);
  return shape !== null && 'start' in shape && 'end' in shape && 'text' in shape;
}

const scalarOrNull = (v: unknown): CellValue =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asRow = (v: unknown): Row | null => (typeof v === 'object' && v !== null ? (v as Row) : null);

/** The scalar parts of an object, in schema order, nulls left out: a credit → "Karen Minasyan / AFP". */
function describeItem(shape: Record<string, AnySchema>, item: unknown): string {
  const row = asRow(item);
  if (!row) return '';
  return Object.keys(shape)
    .filter((k) => isScalar(shape[k]!))
    .map((k) => scalarOrNull(row[k]))
    .filter((v) => v !== null && v !== '')
    .join(PART_SEPARATOR);
}

function columnsForField(field: string, schema: AnySchema): Column[] {
  if (isScalar(schema)) return [{ name: field, value: (r) => scalarOrNull(r[field]) }];

  const element = arrayElement(schema);
  if (element && isScalar(element)) {
    return [{ name: field, value: (r) => asList(r[field]).map((v) => String(v)).join(LIST_SEPARATOR) }];
  }
  if (element && isSpan(element) && field === 'evidence') {
    // The first span locates the record; the count tells a reader there is more in the JSON.
    const first = (r: Row): Row | null => asRow(asList(r[field])[0]);
    return [
      { name: 'evidence_start', value: (r) => scalarOrNull(first(r)?.['start']) },
      { name: 'evidence_end', value: (r) => scalarOrNull(first(r)?.['end']) },
      { name: 'evidence_text', value: (r) => scalarOrNull(first(r)?.['text']) },
      // "title" where the first span slices article.title rather than article.text
      { name: 'evidence_field', value: (r) => scalarOrNull(first(r)?.['field']) },
      { name: 'evidence_count', value: (r) => asList(r[field]).length },
    ];
  }
  if (element && isSpan(element)) {
    // mentions: the distinct surface forms, in text order; offsets stay in the JSON.
    return [{
      name: field,
      value: (r) => [...new Set(asList(r[field]).map((m) => String(asRow(m)?.['text'] ?? '')))].join(LIST_SEPARATOR),
    }];
  }
  const elementShape = element ? objectShape(element) : null;
  if (elementShape) {
    return [{ name: field, value: (r) => asList(r[field]).map((item) => describeItem(elementShape, item)).join(LIST_SEPARATOR) }];
  }
  const shape = objectShape(schema);
  if (shape) {
    // agency → agency_name, agency_code: the object's scalar fields; its evidence stays in the JSON.
    return Object.keys(shape)
      .filter((k) => isScalar(shape[k]!))
      .map((k) => ({ name: `${field}_${k}`, value: (r: Row) => scalarOrNull(asRow(r[field])?.[k]) }));
  }
  throw new Error(`csv: no column mapping for field "${field}" (${unwrap(schema).def.type})`);
}

/** id, then every other field of the schema in schema order, flattened (the writer puts article_id first). */
function columnsForSchema(schema: AnySchema): Column[] {
  const shape = objectShape(schema);
  if (!shape) throw new Error('csv: a table schema must be an object');
  const columns: Column[] = [{ name: 'id', value: (r) => scalarOrNull(r['id']) }];
  for (const [field, fieldSchema] of Object.entries(shape)) {
    if (field !== 'id') columns.push(...columnsForField(field, fieldSchema));
  }
  return columns;
}

function buildColumns(): Record<CsvTable, Column[]> {
  const tables = { articles: columnsForSchema(ArticleSchema) } as Record<CsvTable, Column[]>;
  for (const [table, schema] of Object.entries(RECORD_SCHEMAS) as Array<[RecordTable, AnySchema]>) {
    tables[table] = columnsForSchema(schema);
  }
  return tables;
}

export const TABLE_COLUMNS: Readonly<Record<CsvTable, readonly Column[]>> = buildColumns();
