/** What the CLI says on stderr: one line per problem, and a closing summary. */
import { RECORD_SCHEMAS, type ExtractionDocument, type RecordTable } from '../schema/index.ts';
import { PROGRAM } from './args.ts';

/** Keep every message on one line: a multi-line message would break `grep` and log parsers. */
export const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/gu, ' ').trim();

export function problemLine(source: string, line: number | null, message: string): string {
  return `${PROGRAM}: ${source}${line === null ? '' : `:${line}`}: ${oneLine(message)}\n`;
}

const TABLES = Object.keys(RECORD_SCHEMAS) as RecordTable[];

export class RunStats {
  ok = 0;
  failed = 0;
  readonly records = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<RecordTable, number>;

  add(doc: ExtractionDocument): void {
    this.ok++;
    for (const t of TABLES) this.records[t] += doc[t].length;
  }

  summary(seconds: number): string {
    const records = TABLES.map((t) => `${this.records[t]} ${t}`).join(', ');
    const total = this.ok + this.failed;
    const rate = seconds > 0 ? (total / seconds).toFixed(1) : '-';
    return `${PROGRAM}: ${this.ok} articles ok, ${this.failed} failed; records: ${records}; ${seconds.toFixed(2)} s, ${rate} articles/s\n`;
  }
}
