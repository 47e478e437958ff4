/**
 * Extraction in parallel with the output in input order. Items are cut into batches (one message per
 * batch, not per article), at most `maxInFlight` batches are being extracted at once — the input is
 * read no faster than the workers take it, so memory stays flat — and finished batches are handed on
 * strictly in the order they were sent.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Extractor } from '../pipeline.ts';
import { poolWorkerFile } from './bundle.mjs';
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

/** TypeScript the bundled worker cannot import by itself (tests' stub extractors): such runs use the tsx worker. */
const isTypeScript = (specifier: string): boolean => /\.[cm]?tsx?$/u.test(new URL(specifier, 'file:///').pathname);

/** The worker threads' module: the bundled worker, or the tsx one (bundling failed, or a TypeScript extractor module). */
async function workerFile(config: WorkerConfig): Promise<{ file: string; bundled: boolean }> {
  if (config.extractorModule !== undefined && isTypeScript(config.extractorModule)) {
    return { file: fileURLToPath(new URL('./pool-worker.mjs', import.meta.url)), bundled: false };
  }
  return poolWorkerFile({ debug: config.debug });
}

export function poolEngine(jobs: number, config: WorkerConfig): Engine {
  const asWorkerError = (err: unknown): WorkerError =>
    new WorkerError(`extraction worker failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  // A worker that fails outside a task (its module does not load) is reported by the pool, not the
  // task: the batches waiting then fail with it. (Not Promise.race with a long-lived promise: every
  // race would stay attached to it, and with it every batch's results.)
  let broken: WorkerError | undefined;
  const waiting = new Set<(err: WorkerError) => void>();
  // The threads start as soon as the worker's module is known (a first run may bundle it first).
  const ready = workerFile(config).then(({ file, bundled }) => {
    const pool = new Piscina<InputItem[], PackedBatch>({
      filename: file,
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: Number.POSITIVE_INFINITY,
      workerData: config,
      // a smaller young generation keeps each worker's heap (and the run's RSS) lower at no measured cost in speed
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      // the bundle's stack traces point at the TypeScript sources
      ...(bundled && config.debug ? { execArgv: [...process.execArgv, '--enable-source-maps'] } : {}),
    });
    pool.on('error', (err: unknown) => {
      broken = asWorkerError(err);
      for (const reject of waiting) reject(broken);
      waiting.clear();
    });
    return pool;
  });
  ready.catch(() => undefined); // a pool that cannot be made fails the runs; with none, nothing to report
  return {
    run: (items) => new Promise<ItemResult[]>((resolve, reject) => {
      if (broken) return reject(broken);
      waiting.add(reject);
      ready
        .then((pool) => pool.run(items))
        .then((packed) => resolve(packed.results), (err: unknown) => reject(err instanceof WorkerError ? err : asWorkerError(err)))
        .finally(() => waiting.delete(reject));
    }),
    close: () => ready.then((pool) => pool.close({ force: true }), () => undefined),
  };
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
