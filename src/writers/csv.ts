/**
 * CSV writer: eight tables (articles + one per record type) as the codebook's "Files" section
 * describes. Pure: it turns one document into header and row strings; the CLI streams them to files.
 */
import { stringify } from 'csv-stringify/sync';
import { RECORD_SCHEMAS, type ExtractionDocument, type RecordTable } from '../schema/index.ts';
import { TABLE_COLUMNS, type CellValue, type CsvTable, type Row } from './csv-columns.ts';

export type { CsvTable } from './csv-columns.ts';
export { LIST_SEPARATOR } from './csv-columns.ts';

/** Table names in the order the codebook lists them. */
export const CSV_TABLES: readonly CsvTable[] = ['articles', ...(Object.keys(RECORD_SCHEMAS) as RecordTable[])];

/** Column names per table, derived from the zod schemas: article_id, id, then the record's fields. */
export const CSV_COLUMNS: Readonly<Record<CsvTable, readonly string[]>> = mapTables((t) => ['article_id', ...TABLE_COLUMNS[t].map((c) => c.name)]);

function mapTables<T>(f: (table: CsvTable) => T): Record<CsvTable, T> {
  const out = {} as Record<CsvTable, T>;
  for (const t of CSV_TABLES) out[t] = f(t);
  return out;
}

/** Written once at the start of each file so spreadsheets read the file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** Characters that make a spreadsheet evaluate a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** Format one cell: null → empty, booleans spelled out, text that could run as a formula prefixed with '. */
export function formatCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value); // a JSON number is data, never a formula: -3.5 stays
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function serialize(cells: string[][]): string {
  return cells.length === 0 ? '' : stringify(cells, { record_delimiter: '\n' });
}

/** The header line of a table (without BOM). */
export function csvHeader(table: CsvTable): string {
  return serialize([[...CSV_COLUMNS[table]]]);
}

/** The rows one document contributes to a table ('' when it has no records of that type). */
export function csvRows(doc: ExtractionDocument, table: CsvTable): string {
  const columns = TABLE_COLUMNS[table];
  const records: Row[] = table === 'articles' ? [doc.article] : doc[table];
  return serialize(records.map((record) => [formatCell(doc.article.id), ...columns.map((c) => formatCell(c.value(record)))]));
}

/** Every table of one document, as complete files: for tests and single-document use. */
export function toCsvTables(doc: ExtractionDocument, options: { bom: boolean }): Record<CsvTable, string> {
  const bom = options.bom ? CSV_BOM : '';
  return mapTables((t) => bom + csvHeader(t) + csvRows(doc, t));
}
