/** What the CLI says on stderr: one line per problem, and a closing summary. */
import { RECORD_SCHEMAS, type ExtractionDocument, type RecordTable } from '../schema/index.ts';
import { PROGRAM } from './args.ts';

/** Keep every message on one line: a multi-line message would break `grep` and log parsers. */
export const oneLine = (s: string): string =>
  s
    .split(/[\r\n]+/u)
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');

export function problemLine(source: string, line: number | null, message: string): string {
  return `${PROGRAM}: ${source}${line === null ? '' : `:${line}`}: ${oneLine(message)}\n`;
}

/** An error as one line, followed by its stack with --debug. */
export function describeError(err: unknown, debug: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!debug || !(err instanceof Error) || !err.stack) return oneLine(message);
  return `${oneLine(message)}\n${err.stack}`;
}

/** '1 article', '2 articles' (the number as given: callers may group its digits). */
export const articles = (n: number, shown: string = String(n)): string => `${shown} ${n === 1 ? 'article' : 'articles'}`;

export const RECORD_TABLES = Object.keys(RECORD_SCHEMAS) as RecordTable[];
export type RecordCounts = Record<RecordTable, number>;

export function countRecords(doc: ExtractionDocument): RecordCounts {
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, doc[t].length])) as RecordCounts;
}

export class RunStats {
  ok = 0;
  failed = 0;
  readonly records = Object.fromEntries(RECORD_TABLES.map((t) => [t, 0])) as RecordCounts;

  add(counts: RecordCounts): void {
    this.ok++;
    for (const t of RECORD_TABLES) this.records[t] += counts[t];
  }

  get done(): number {
    return this.ok + this.failed;
  }

  summary(seconds: number): string {
    const records = RECORD_TABLES.map((t) => `${this.records[t]} ${t}`).join(', ');
    const rate = seconds > 0 ? (this.done / seconds).toFixed(1) : '-';
    return `${PROGRAM}: ${articles(this.ok)} ok, ${this.failed} failed; records: ${records}; ${seconds.toFixed(2)} s, ${rate} articles/s\n`;
  }
}
