/**
 * Extraction in parallel with the output in input order. Items are cut into batches (one message per
 * batch, not per article), at most `maxInFlight` batches are being extracted at once — the input is
 * read no faster than the workers take it, so memory stays flat — and finished batches are handed on
 * strictly in the order they were sent.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Extractor } from '../pipeline.ts';
import { extractBatch, type BatchOptions, type ItemResult } from './batch.ts';
import type { InputItem } from './inputs.ts';
import type { PackedBatch } from './transfer.ts';
import type { OutputFormat } from './output.ts';

/** What each worker needs to build its extractor and render documents: plain data. */
export interface WorkerConfig {
  language: string | undefined;
  /** a module exporting createExtractor(options) to use instead of the pipeline (tests) */
  extractorModule?: string;
  formats: OutputFormat[];
  debug: boolean;
}

/** A worker thread failed as a whole (it could not start, or ran out of memory): the run cannot go on. */
export class WorkerError extends Error {}

export interface Engine {
  run(items: InputItem[]): Promise<ItemResult[]>;
  close(): Promise<void>;
}

/** --jobs 1: the same batches, extracted in the main thread. */
export function inProcessEngine(extractor: Extractor, options: BatchOptions): Engine {
  return {
    run: async (items) => extractBatch(extractor, items, options),
    close: async () => undefined,
  };
}

/**
 * The worker threads' module: the compiled worker, dist/cli/pool-worker.js. src/cli/ and dist/cli/ are
 * both two levels below the package root, so this finds it from the sources too (tests), which then
 * need `npm run build` first (vitest's global setup runs it).
 */
export const WORKER_FILE = fileURLToPath(new URL('../../dist/cli/pool-worker.js', import.meta.url));

export function poolEngine(jobs: number, config: WorkerConfig): Engine {
  const asWorkerError = (err: unknown): WorkerError =>
    new WorkerError(`extraction worker failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  // A worker that fails outside a task (its module does not load) is reported by the pool, not the
  // task: the batches waiting then fail with it. (Not Promise.race with a long-lived promise: every
  // race would stay attached to it, and with it every batch's results.)
  let broken: WorkerError | undefined;
  const waiting = new Set<(err: WorkerError) => void>();
  const pool = new Piscina<InputItem[], PackedBatch>({
    filename: WORKER_FILE,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: config,
    // a smaller young generation keeps each worker's heap (and the run's RSS) lower at no measured cost in speed
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    // stack traces point at the TypeScript sources
    ...(config.debug ? { execArgv: [...process.execArgv, '--enable-source-maps'] } : {}),
  });
  pool.on('error', (err: unknown) => {
    broken = asWorkerError(err);
    for (const reject of waiting) reject(broken);
    waiting.clear();
  });
  return {
    run: (items) => new Promise<ItemResult[]>((resolve, reject) => {
      if (broken) return reject(broken);
      waiting.add(reject);
      pool
        .run(items)
        .then((packed) => resolve(packed.results), (err: unknown) => reject(err instanceof WorkerError ? err : asWorkerError(err)))
        .finally(() => waiting.delete(reject));
    }),
    close: () => pool.close({ force: true }),
  };
}

/**
 * Fewest articles for which a run without --jobs starts worker threads. Starting them costs ~0.6 s of
 * wall time (one article on the 2-core development VM: ~0.9 s with --jobs 1, ~1.5 s with the pool:
 * each thread loads the pipeline and its lexicons), and the pool then saves well under a millisecond
 * per article (extraction, ~0.4 ms on one core, is shared out; the main thread still writes), so by
 * that estimate it pays from several hundred articles on 2 cores, fewer on more. Below this, the main
 * thread extracts.
 */
export const POOL_MIN_ITEMS = 512;

/** Read ahead this much text at most before deciding (a few huge articles gain from the pool too). */
export const POOL_MIN_CHARS = 16_000_000;

export interface ReadAhead<T> {
  /** the stream ended within the limits */
  ended: boolean;
  /** the whole stream again: the items read ahead, then the rest */
  items: AsyncIterable<T>;
}

/**
 * Reads a stream ahead until it ends or `count` items or `size` units (by sizeOf) are read, keeping
 * what it read for the run: whether the stream ended tells a small input from a large one.
 */
export async function readAhead<T>(items: AsyncIterable<T>, limits: { count: number; size: number; sizeOf(item: T): number }): Promise<ReadAhead<T>> {
  const iterator = items[Symbol.asyncIterator]();
  const ahead: T[] = [];
  let size = 0;
  let ended = false;
  while (ahead.length < limits.count && size < limits.size) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    ahead.push(next.value);
    size += limits.sizeOf(next.value);
  }
  async function* replay(): AsyncGenerator<T> {
    yield* ahead.splice(0); // handed on once: the run holds them from here
    if (ended) return;
    try {
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.(); // a run that stops early closes what the stream has open
    }
  }
  return { ended, items: replay() };
}

export interface OrderOptions {
  /** items per message to a worker */
  batchSize: number;
  /** batches sent and not yet handed on */
  maxInFlight: number;
}

interface InFlight {
  promise: Promise<ItemResult[]>;
  settled: boolean;
}

/** Results batch by batch, in input order, whatever order the workers finish in. */
export async function* extractInOrder(items: AsyncIterable<InputItem>, engine: Engine, options: OrderOptions): AsyncGenerator<ItemResult[]> {
  const queue: InFlight[] = [];
  const submit = (batch: InputItem[]): void => {
    const entry: InFlight = { promise: engine.run(batch), settled: false };
    // Marks the rejection handled until the batch's turn comes; awaiting it then still throws.
    entry.promise.then(() => void (entry.settled = true), () => void (entry.settled = true));
    queue.push(entry);
  };
  let batch: InputItem[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length < options.batchSize) continue;
    submit(batch);
    batch = [];
    // Hand on what is already done; wait only when the window is full (backpressure on the input).
    while (queue[0] && (queue[0].settled || queue.length >= options.maxInFlight)) yield await queue.shift()!.promise;
  }
  if (batch.length > 0) submit(batch);
  while (queue[0]) yield await queue.shift()!.promise;
}
