/**
 * Write documents under --out: DIR/json/<id>.json and DIR/yaml/<id>.yaml per article (atomically),
 * DIR/dataset.jsonl (one document per line) and DIR/csv/<table>.csv streamed into temporary files
 * that replace the previous ones only when the run finishes — a rerun never leaves stale rows and a
 * killed run never leaves a torn table.
 *
 * Serialising is split from writing: renderDocument() is pure and runs where the document was
 * extracted (a worker thread — YAML costs more than extraction), the writer only assigns ids and
 * writes, in input order, holding one batch at a time.
 */
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { appendFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ExtractionDocument } from '../schema/index.ts';
import { CSV_BOM, CSV_TABLES, csvHeader, csvRows, type CsvTable } from '../writers/csv.ts';
import { ACLED_VIEW, toDataPackageJson } from '../writers/datapackage.ts';
import { acledCsvRows, acledHeader } from '../writers/acled.ts';
import { toJson } from '../writers/json.ts';
import { REVIEW_INDEX_FOOT, reviewIndexEntry, reviewIndexHead, reviewIndexRow, toReviewHtml, type ReviewIndexEntry } from '../writers/review.ts';
import { toYaml } from '../writers/yaml.ts';
import { tempPath, writeFileAtomic, writeFileAtomicSync } from './atomic.ts';
import { IdRegistry, type AssignedId } from './unique-ids.ts';

export const OUTPUT_FORMATS = ['json', 'yaml', 'csv', 'jsonl', 'review'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** What a run writes when --format is not given. */
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'csv', 'review'];

/** Formats written as one file per article: DIR/<format>/<id>.<extension>. */
const FILE_FORMATS = {
  json: { extension: 'json', render: toJson },
  yaml: { extension: 'yaml', render: toYaml },
  review: { extension: 'html', render: toReviewHtml }, // DIR/review/<id>.html, plus review/index.html at the end
} as const satisfies Partial<Record<OutputFormat, { extension: string; render: (doc: ExtractionDocument) => string }>>;
type FileFormat = keyof typeof FILE_FORMATS;
const isFileFormat = (f: OutputFormat): f is FileFormat => Object.hasOwn(FILE_FORMATS, f);

export const DATASET_FILE = 'dataset.jsonl';

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

/** A document serialised for every requested format: plain strings, cheap to send between threads. */
export interface RenderedDocument {
  id: string;
  source: string;
  /**
   * the document as one line of JSON: the dataset.jsonl line. Only made when a run writes jsonl, or
   * writes no JSON file to read the document back from when its id must change.
   */
  compact?: string;
  /** file contents: strings where rendered, UTF-8 bytes when they came from a worker (transfer.ts) */
  files: Partial<Record<FileFormat, string | Uint8Array>>;
  /** rows per CSV table, and of csv/acled_view.csv ('' when the document has none) */
  rows: Partial<Record<CsvTable | typeof ACLED_VIEW, string>>;
  /** the line of review/index.html (with --format review) */
  review?: ReviewIndexEntry;
  /** warnings the user must see on stderr (no language pack for the article's language) */
  warnings?: string[];
}

export function renderDocument(doc: ExtractionDocument, formats: ReadonlySet<OutputFormat>): RenderedDocument {
  const files: Partial<Record<FileFormat, string | Uint8Array>> = {};
  for (const format of formats) if (isFileFormat(format)) files[format] = FILE_FORMATS[format].render(doc);
  const rows: RenderedDocument['rows'] = {};
  if (formats.has('csv')) for (const table of CSV_TABLES) rows[table] = csvRows(doc, table);
  if (formats.has('csv')) rows[ACLED_VIEW] = acledCsvRows(doc);
  const rendered: RenderedDocument = { id: doc.article.id, source: doc.article.source, files, rows };
  if (formats.has('jsonl') || files.json === undefined) rendered.compact = JSON.stringify(doc);
  if (formats.has('review')) rendered.review = reviewIndexEntry(doc);
  const warnings = doc.diagnostics.filter((d) => d.code === 'no_language_pack').map((d) => `warning: ${d.message}`);
  if (warnings.length > 0) rendered.warnings = warnings;
  return rendered;
}

export interface OutputWriter {
  /** Write one document now; returns the id it was written under (renamed when the id was taken). */
  write(doc: ExtractionDocument): Promise<AssignedId>;
  /**
   * Take the next document in input order: its id is assigned and its rows queued at once, its
   * files are written by the next flush(). Throws UnsafeIdError for an id that cannot be a file name.
   */
  add(doc: RenderedDocument): AssignedId;
  /** Write what add() queued (the files of one batch concurrently). */
  flush(): Promise<void>;
  fail(failure: FailureRecord): Promise<void>;
  /**
   * Close the tables and move them (and dataset.jsonl, errors.jsonl) into place, remove what an
   * earlier run wrote and this one did not, and release --out. With `incomplete` (the run was
   * interrupted) nothing earlier is removed and DIR/INCOMPLETE says why.
   */
  finish(options?: { incomplete?: string }): Promise<void>;
  /** Remove the temporary files and release --out; the previous outputs stay as they were. */
  abort(): Promise<void>;
  /** temporary files of dead runs removed when --out was opened */
  readonly staleTemporaries: number;
}

/** Appended text is buffered up to this size, so a table costs one write per many documents. */
const FLUSH_BYTES = 64 * 1024;

/** An append-only file written under a temporary name and renamed into place at the end. */
class PendingFile {
  private buffered: string[] = [];
  private size = 0;

  private constructor(readonly target: string, private readonly handle: FileHandle) {}

  static async open(target: string, header: string): Promise<PendingFile> {
    const handle = await open(tempPath(target), 'w');
    const file = new PendingFile(target, handle);
    file.append(header);
    await file.flush();
    return file;
  }

  append(text: string): void {
    if (text === '') return;
    this.buffered.push(text);
    this.size += text.length;
  }

  get full(): boolean {
    return this.size >= FLUSH_BYTES;
  }

  async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const text = this.buffered.join('');
    this.buffered = [];
    this.size = 0;
    await this.handle.write(text, null, 'utf8');
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await rename(tempPath(this.target), this.target);
  }

  /**
   * Close, then put the target in place as head + everything appended + foot, for a file whose
   * beginning is only known at the end (review/index.html: how many articles, which language). The
   * appended part is copied in chunks, never held whole.
   */
  async commitBetween(head: string, foot: string): Promise<void> {
    await this.flush();
    await this.handle.close();
    const body = tempPath(this.target);
    const whole = `${body}-whole`;
    const out = await open(whole, 'w');
    try {
      await out.write(head, null, 'utf8');
      const input = await open(body, 'r');
      try {
        const chunk = Buffer.allocUnsafe(1 << 20);
        for (;;) {
          const { bytesRead } = await input.read(chunk, 0, chunk.length, null);
          if (bytesRead === 0) break;
          await out.write(chunk, 0, bytesRead);
        }
      } finally {
        await input.close();
      }
      await out.write(foot, null, 'utf8');
      await out.close();
    } catch (err) {
      await out.close().catch(() => undefined);
      await rm(whole, { force: true });
      throw err;
    }
    await rename(whole, this.target);
    await rm(body, { force: true });
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(tempPath(this.target), { force: true });
  }
}

/** Wait for every promise, then throw the first failure: nothing is still writing when abort() cleans up. */
async function settleAll(promises: Iterable<Promise<unknown>>): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * The per-article files the last run wrote, so a rerun can remove the ones it no longer writes. A
 * run appends each file to it before writing it and rewrites it at the end, so files of a run that
 * was killed are known to the next. It is also the mark of an output tree: a walk over the inputs
 * does not read what the tool wrote there.
 */
export const MANIFEST = '.conflict-events-files';
/** Held (created exclusively, holding the process id) while a run writes into --out. */
export const LOCK = '.conflict-events-lock';
/** Left by an interrupted run, saying so; a run that completes removes it. */
export const INCOMPLETE = 'INCOMPLETE';
/** What the tool writes directly under --out (a walk over the inputs leaves these unread). */
export const OUTPUT_ENTRIES: readonly string[] = ['json', 'yaml', 'review', 'csv', DATASET_FILE, 'errors.jsonl', INCOMPLETE];
/** Files whose presence marks a directory as conflict-events output: the manifest, the lock of a running run. */
export const OUTPUT_MARKERS: readonly string[] = [MANIFEST, LOCK];

/** Files a run writes once for all articles, by the format that writes them (relative to --out). */
const AGGREGATE_FILES: Readonly<Record<'csv' | 'review' | 'jsonl', readonly string[]>> = {
  csv: [...CSV_TABLES.map((t) => `csv/${t}.csv`), `csv/${ACLED_VIEW}.csv`, 'csv/datapackage.json'],
  review: ['review/index.html'],
  jsonl: [DATASET_FILE],
};

/** A manifest line this tool could have written: json|yaml|review, then one file name not starting with '.'. */
const MANIFEST_ENTRY = /^(?:json|yaml|review)\/[^/\\.\u0000][^/\\\u0000]*$/u;

/** Another run is writing into the same --out. */
export class OutputLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Take --out for this run, or throw OutputLockedError naming the run that has it. A lock whose process is gone is taken over. */
async function takeLock(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK);
  const release = (): Promise<void> => rm(file, { force: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isSafeInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new OutputLockedError(`another conflict-events run (process ${pid}) is writing there; wait for it to finish or choose another --out`);
    }
    await rm(file, { force: true }); // left by a run that died
  }
  throw new OutputLockedError(`another conflict-events run took it at the same moment; try again`);
}

/** Temporary files (see atomic.ts, PendingFile) left by runs that died: with the lock held, none is in use. */
const TEMPORARY = /\.tmp-\d+(?:-whole)?$/u;

async function removeStaleTemporaries(dir: string): Promise<number> {
  let removed = 0;
  for (const sub of ['', 'json', 'yaml', 'review', 'csv']) {
    let entries;
    try {
      entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !TEMPORARY.test(entry.name)) continue; // only files: the tool makes no temporary directories here
      await rm(path.join(dir, sub, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}

async function readManifest(dir: string): Promise<string[]> {
  try {
    return (await readFile(path.join(dir, MANIFEST), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * A rerun over the same --out replaces its outputs: files an earlier run wrote (listed in its
 * manifest) that this run did not write are removed, and so are the files of formats it did not
 * write (review/index.html, dataset.jsonl, the tables). Files the tool never wrote are left alone.
 * An interrupted run removes nothing: its manifest lists the earlier files too, for the next run.
 */
async function replaceManifest(dir: string, written: WrittenFiles, formats: ReadonlySet<OutputFormat>, complete: boolean): Promise<void> {
  // the previous run's files, and this run's (listed as they were written)
  const previous = [...new Set(await readManifest(dir))].filter((rel) => MANIFEST_ENTRY.test(rel));
  const stale = previous.filter((rel) => !written.has(rel));
  if (complete) {
    await Promise.all(stale.map((rel) => rm(path.join(dir, rel), { force: true })));
    for (const [format, files] of Object.entries(AGGREGATE_FILES)) {
      if (!formats.has(format as OutputFormat)) await Promise.all(files.map((rel) => rm(path.join(dir, rel), { force: true })));
    }
  }
  const listed = complete ? written.list() : [...new Set([...written.list(), ...stale])];
  await writeFileAtomic(path.join(dir, MANIFEST), listed.sort().map((rel) => `${rel}\n`).join(''));
}

/** The per-article files of this run, relative to --out: every assigned file name in every file format (nothing kept per file). */
interface WrittenFiles {
  has(rel: string): boolean;
  list(): string[];
}

function writtenFiles(ids: IdRegistry, formats: readonly FileFormat[]): WrittenFiles {
  return {
    has(rel) {
      const slash = rel.indexOf('/');
      const format = rel.slice(0, slash) as FileFormat;
      if (!formats.includes(format)) return false;
      const suffix = `.${FILE_FORMATS[format].extension}`;
      return rel.endsWith(suffix) && ids.assigned(rel.slice(slash + 1, -suffix.length));
    },
    list() {
      const out: string[] = [];
      for (const file of ids.files()) for (const format of formats) out.push(`${format}/${file}.${FILE_FORMATS[format].extension}`);
      return out;
    },
  };
}

export async function openOutput(options: OutputOptions): Promise<OutputWriter> {
  const { dir, formats } = options;
  const fileDirs = new Map<FileFormat, string>();
  for (const format of formats) if (isFileFormat(format)) fileDirs.set(format, path.join(dir, format));
  const csvDir = path.join(dir, 'csv');
  const errorsPath = path.join(dir, 'errors.jsonl');
  await mkdir(dir, { recursive: true });
  const manifestPath = path.join(dir, MANIFEST);
  const releaseLock = await takeLock(dir);
  let staleTemporaries: number;
  try {
    staleTemporaries = await removeStaleTemporaries(dir);
    for (const d of fileDirs.values()) await mkdir(d, { recursive: true });
    // marks the tree as output from the start: a walk over it skips what a run (even a killed one) wrote
    if (!existsSync(manifestPath)) await writeFileAtomic(manifestPath, '');
  } catch (err) {
    await releaseLock();
    throw err;
  }

  const tables = new Map<CsvTable | typeof ACLED_VIEW, PendingFile>();
  // review/index.html's rows are streamed like a table; its head is written at the end
  let reviewIndex: PendingFile | null = null;
  const reviewLanguages = new Set<string>();
  let reviewCount = 0;
  let dataset: PendingFile | null = null;
  let errors: PendingFile | null = null;
  const pending = (): PendingFile[] => [...tables.values(), ...(reviewIndex ? [reviewIndex] : []), ...(dataset ? [dataset] : []), ...(errors ? [errors] : [])];
  let queuedFiles: Array<[string, string | Uint8Array, string]> = [];
  const abort = async (): Promise<void> => {
    queuedFiles = [];
    await Promise.all(pending().map((f) => f.discard()));
    tables.clear();
    reviewIndex = null;
    dataset = null;
    errors = null;
    await releaseLock();
  };

  try {
    if (formats.has('csv')) {
      await mkdir(csvDir, { recursive: true });
      const bom = options.bom ? CSV_BOM : '';
      for (const table of CSV_TABLES) {
        tables.set(table, await PendingFile.open(path.join(csvDir, `${table}.csv`), bom + csvHeader(table)));
      }
      tables.set(ACLED_VIEW, await PendingFile.open(path.join(csvDir, `${ACLED_VIEW}.csv`), bom + acledHeader()));
    }
    if (formats.has('jsonl')) dataset = await PendingFile.open(path.join(dir, DATASET_FILE), '');
    const reviewDir = fileDirs.get('review');
    if (reviewDir !== undefined) reviewIndex = await PendingFile.open(path.join(reviewDir, 'index.html'), '');
  } catch (err) {
    await abort();
    throw err;
  }

  const ids = new IdRegistry();
  const writer: OutputWriter = {
    async write(doc) {
      const assigned = writer.add(renderDocument(doc, formats));
      await writer.flush();
      return assigned;
    },
    add(rendered) {
      const assigned = ids.assign(rendered.id, rendered.source);
      let final = rendered;
      if (assigned.id !== rendered.id) {
        // Rare (a duplicate id): render again from the document with the id it is written under.
        const json = rendered.compact ?? rendered.files.json!;
        const doc = JSON.parse(typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as ExtractionDocument;
        final = renderDocument({ ...doc, article: { ...doc.article, id: assigned.id } }, formats);
      }
      // The file name is letters, digits, '.', '_' and '-', not starting with '.': these paths stay inside --out.
      for (const [format, fileDir] of fileDirs) {
        const content = final.files[format];
        if (content !== undefined) {
          const rel = `${format}/${assigned.file}.${FILE_FORMATS[format].extension}`;
          queuedFiles.push([path.join(fileDir, `${assigned.file}.${FILE_FORMATS[format].extension}`), content, rel]);
        }
      }
      for (const [table, file] of tables) file.append(final.rows[table] ?? '');
      if (dataset) dataset.append(`${final.compact!}\n`);
      if (final.review && reviewIndex) {
        reviewIndex.append(reviewIndexRow({ ...final.review, id: assigned.id, file: assigned.file }));
        reviewLanguages.add(final.review.language);
        reviewCount++;
      }
      return assigned;
    },
    async flush() {
      const files = queuedFiles;
      queuedFiles = [];
      // the tables' appends go out in the background while this thread writes the batch's files
      const tableWrites = settleAll(pending().filter((f) => f.full).map((f) => f.flush()));
      try {
        // listed before they exist: a run killed after this (even with SIGKILL) leaves no file the next run does not know of
        if (files.length > 0) appendFileSync(manifestPath, files.map(([, , rel]) => `${rel}\n`).join(''));
        for (const [target, content] of files) writeFileAtomicSync(target, content);
      } finally {
        await tableWrites;
      }
    },
    async fail(failure) {
      errors ??= await PendingFile.open(errorsPath, '');
      errors.append(`${JSON.stringify(failure)}\n`);
    },
    async finish(finishing = {}) {
      const complete = finishing.incomplete === undefined;
      await writer.flush();
      if (tables.size > 0) await writeFileAtomic(path.join(csvDir, 'datapackage.json'), toDataPackageJson({ bom: options.bom }));
      for (const file of tables.values()) await file.commit();
      tables.clear();
      if (reviewIndex) await reviewIndex.commitBetween(reviewIndexHead(reviewLanguages, reviewCount), REVIEW_INDEX_FOOT);
      reviewIndex = null;
      if (dataset) await dataset.commit();
      dataset = null;
      // errors.jsonl describes this run only: a clean run removes the one an earlier run left.
      if (errors) await errors.commit();
      else await rm(errorsPath, { force: true });
      errors = null;
      await replaceManifest(dir, writtenFiles(ids, [...fileDirs.keys()]), formats, complete);
      if (complete) await rm(path.join(dir, INCOMPLETE), { force: true });
      else await writeFileAtomic(path.join(dir, INCOMPLETE), `${finishing.incomplete}\n`);
      await releaseLock();
    },
    abort,
    staleTemporaries,
  };
  return writer;
}
