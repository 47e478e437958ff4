/**
 * Write documents under --out: DIR/json/<id>.json and DIR/yaml/<id>.yaml per article (atomically),
 * and DIR/csv/<table>.csv streamed row by row into temporary files that replace the tables only when
 * the run finishes — a rerun never leaves stale rows and a killed run never leaves a torn table.
 */
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractionDocument } from '../schema/index.ts';
import { CSV_BOM, CSV_TABLES, csvHeader, csvRows, type CsvTable } from '../writers/csv.ts';
import { toJson } from '../writers/json.ts';
import { toYaml } from '../writers/yaml.ts';
import { tempPath, writeFileAtomic } from './atomic.ts';
import { IdRegistry, type AssignedId } from './unique-ids.ts';

export const OUTPUT_FORMATS = ['json', 'yaml', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  dir: string;
  formats: ReadonlySet<OutputFormat>;
  /** start each CSV file with a UTF-8 BOM (spreadsheets need it to read Arabic) */
  bom: boolean;
}

/** One line of DIR/errors.jsonl. */
export interface FailureRecord {
  source: string;
  line: number | null;
  code: string;
  message: string;
}

export interface OutputWriter {
  /** Write one document; returns the id it was written under (renamed when the id was taken). */
  write(doc: ExtractionDocument): Promise<AssignedId>;
  fail(failure: FailureRecord): Promise<void>;
  /** Close the tables and move them (and errors.jsonl) into place. */
  finish(): Promise<void>;
  /** Remove the temporary files; the previous outputs stay as they were. */
  abort(): Promise<void>;
}

/** An append-only file written under a temporary name and renamed into place at the end. */
class PendingFile {
  private constructor(readonly target: string, private readonly handle: FileHandle) {}

  static async open(target: string, header: string): Promise<PendingFile> {
    const handle = await open(tempPath(target), 'w');
    const file = new PendingFile(target, handle);
    if (header !== '') await file.append(header);
    return file;
  }

  async append(text: string): Promise<void> {
    await this.handle.write(text, null, 'utf8');
  }

  async commit(): Promise<void> {
    await this.handle.close();
    await rename(tempPath(this.target), this.target);
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(tempPath(this.target), { force: true });
  }
}

export async function openOutput(options: OutputOptions): Promise<OutputWriter> {
  const { dir, formats } = options;
  const jsonDir = path.join(dir, 'json');
  const yamlDir = path.join(dir, 'yaml');
  const csvDir = path.join(dir, 'csv');
  const errorsPath = path.join(dir, 'errors.jsonl');
  await mkdir(dir, { recursive: true });
  if (formats.has('json')) await mkdir(jsonDir, { recursive: true });
  if (formats.has('yaml')) await mkdir(yamlDir, { recursive: true });

  const tables = new Map<CsvTable, PendingFile>();
  let errors: PendingFile | null = null;
  const pending = (): PendingFile[] => [...tables.values(), ...(errors ? [errors] : [])];
  const abort = async (): Promise<void> => {
    await Promise.all(pending().map((f) => f.discard()));
    tables.clear();
    errors = null;
  };

  try {
    if (formats.has('csv')) {
      await mkdir(csvDir, { recursive: true });
      const bom = options.bom ? CSV_BOM : '';
      for (const table of CSV_TABLES) {
        tables.set(table, await PendingFile.open(path.join(csvDir, `${table}.csv`), bom + csvHeader(table)));
      }
    }
  } catch (err) {
    await abort();
    throw err;
  }

  const ids = new IdRegistry();
  return {
    async write(doc) {
      const assigned = ids.assign(doc.article.id, doc.article.source);
      const final = assigned.id === doc.article.id ? doc : { ...doc, article: { ...doc.article, id: assigned.id } };
      // The id is [A-Za-z0-9._-] and not '.'/'..', so these paths stay inside --out.
      if (formats.has('json')) await writeFileAtomic(path.join(jsonDir, `${assigned.id}.json`), toJson(final));
      if (formats.has('yaml')) await writeFileAtomic(path.join(yamlDir, `${assigned.id}.yaml`), toYaml(final));
      for (const [table, file] of tables) {
        const rows = csvRows(final, table);
        if (rows !== '') await file.append(rows);
      }
      return assigned;
    },
    async fail(failure) {
      errors ??= await PendingFile.open(errorsPath, '');
      await errors.append(`${JSON.stringify(failure)}\n`);
    },
    async finish() {
      for (const file of tables.values()) await file.commit();
      tables.clear();
      // errors.jsonl describes this run only: a clean run removes the one an earlier run left.
      if (errors) await errors.commit();
      else await rm(errorsPath, { force: true });
      errors = null;
    },
    abort,
  };
}
