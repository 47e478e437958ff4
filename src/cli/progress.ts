/**
 * A one-line progress bar on stderr, for terminals only: articles done, rate and — when the number
 * of articles is known — a bar and the time left. Redrawn at most every REDRAW_MS; problem lines
 * printed meanwhile clear it first so they never end up glued to it.
 */
import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROGRAM } from './args.ts';
import { formatOf } from './formats.ts';
import { listInputFiles } from './walk.ts';
import { groupThousands } from '../core/format.ts';
import { articles } from './report.ts';

const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[K';

export interface Progress {
  /** `done` articles (written or failed) so far */
  update(done: number): void;
  /** remove the bar before other text is printed; the next update draws it again */
  clear(): void;
  /** set the number of articles when it becomes known */
  setTotal(total: number): void;
}

export const silentProgress: Progress = { update: () => undefined, clear: () => undefined, setTotal: () => undefined };

const grouped = (n: number): string => groupThousands(Math.round(n));

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** The bar's text for `done` articles after `seconds` (pure, for tests). */
export function progressLine(done: number, total: number | undefined, seconds: number, columns: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const rateText = `${grouped(rate)} articles/s`;
  if (total === undefined || total < done) return `${PROGRAM}: ${articles(done, grouped(done))} · ${rateText}`;
  const fraction = total === 0 ? 1 : done / total;
  const eta = rate > 0 ? ` · ${duration((total - done) / rate)} left` : '';
  const text = `${grouped(done)}/${articles(total, grouped(total))} · ${rateText}${eta}`;
  const width = Math.min(30, columns - PROGRAM.length - text.length - 12);
  if (width < 5) return `${PROGRAM}: ${text}`;
  const filled = Math.round(fraction * width);
  return `${PROGRAM}: [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${text}`;
}

export function createProgress(write: (text: string) => void, columns: number, now: () => number = () => performance.now()): Progress {
  const started = now();
  let total: number | undefined;
  let shown = false;
  let lastDraw = -Infinity;
  let lastDone = 0;
  const draw = (): void => {
    const line = progressLine(lastDone, total, (now() - started) / 1000, columns);
    write(`${CLEAR_LINE}${line.slice(0, Math.max(0, columns - 1))}`);
    shown = true;
    lastDraw = now();
  };
  return {
    update(done) {
      lastDone = done;
      if (now() - lastDraw >= REDRAW_MS) draw();
    },
    clear() {
      if (shown) write(CLEAR_LINE);
      shown = false;
      lastDraw = -Infinity;
    },
    setTotal(n) {
      total = n;
    },
  };
}

/**
 * How many items the inputs hold, counted ahead of the run for the bar's ETA: one per .txt/.html
 * file or JSON object, one per non-blank JSONL line. Undefined when it cannot be known cheaply
 * (stdin, a JSON array) — the bar then shows the count and rate only.
 */
export async function countInputs(paths: readonly string[], cwd: string, outputDirs: readonly string[]): Promise<number | undefined> {
  if (paths.includes('-')) return undefined;
  const skip = new Set<string>();
  for (const dir of outputDirs) skip.add(await realpath(dir).catch(() => dir));
  let total = 0;
  try {
    for (const given of paths) {
      const abs = path.resolve(cwd, given);
      const info = await stat(abs).catch(() => null);
      if (info === null) {
        total++; // reported as one failure
        continue;
      }
      const files = info.isDirectory() ? (await listInputFiles(abs, { outputDirs: skip })).map((rel) => path.join(abs, rel)) : [abs];
      if (files.length === 0) total++;
      for (const file of files) {
        const n = await countFile(file);
        if (n === undefined) return undefined;
        total += n;
      }
    }
  } catch {
    return undefined;
  }
  return total;
}

async function countFile(file: string): Promise<number | undefined> {
  const format = formatOf(file);
  if (format === 'jsonl') return countNonBlankLines(file);
  if (format !== 'json') return 1;
  // An object is one article; an array would have to be parsed to be counted.
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/u, '').trimStart()[0];
    return first === '[' ? undefined : 1;
  } finally {
    await handle.close();
  }
}

const isBlankByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d;

async function countNonBlankLines(file: string): Promise<number> {
  let count = 0;
  let lineHasText = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(0x0a, from);
      const end = nl < 0 ? chunk.length : nl;
      // Only the start of each line is looked at: the first non-blank byte settles it.
      for (let i = from; i < end && !lineHasText; i++) if (!isBlankByte(chunk[i]!)) lineHasText = true;
      if (nl < 0) break;
      if (lineHasText) count++;
      lineHasText = false;
      from = nl + 1;
    }
  }
  return lineHasText ? count + 1 : count;
}
