/**
 * The conflict-events command. Everything it prints goes to stderr (stdout is kept free for data,
 * except --help/--version); I/O is injectable so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createExtractor, type Extractor } from '../pipeline.ts';
import { PROGRAM, USAGE, parseCommand, type ExtractOptions } from './args.ts';
import { evalCommand } from './eval.ts';
import { readInputs, type InputItem } from './inputs.ts';
import { OutputLockedError, openOutput, type FailureRecord, type OutputWriter, type RenderedDocument } from './output.ts';
import { removeStories, storiesCommand } from './stories.ts';
import { POOL_MIN_CHARS, POOL_MIN_ITEMS, WorkerError, extractInOrder, inProcessEngine, poolEngine, readAhead, type Engine } from './pool.ts';
import { countInputs, createProgress, silentProgress } from './progress.ts';
import { RunStats, articles, describeError, problemLine, type RecordCounts } from './report.ts';
import { UnsafeIdError } from './unique-ids.ts';

export interface MainIO {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  stdin?: AsyncIterable<Uint8Array | string>;
  /** relative paths (inputs, --out) resolve against this */
  cwd?: string;
  /** replaces the pipeline and extracts in this thread whatever --jobs says (tests use it to make one article fail) */
  extractor?: Extractor;
  /** a module exporting createExtractor(options) for the worker threads to use instead of the pipeline (tests) */
  extractorModule?: string;
  /** items per worker message (tests use small batches to exercise reordering) */
  batchSize?: number;
  /** draw the progress bar (default: process.stderr.isTTY when stderr is not injected) */
  stderrIsTTY?: boolean;
  stderrColumns?: number;
  /** where SIGINT and SIGTERM come from (default: the process; tests emit them) */
  signals?: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

interface Run {
  options: ExtractOptions;
  stderr: (text: string) => void;
  out: OutputWriter;
  stats: RunStats;
}

export async function main(argv: string[], io: MainIO = {}): Promise<number> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  // decided here, while it is still known whether stderr is the process's own
  const stderrIsTTY = io.stderrIsTTY ?? (io.stderr === undefined && process.stderr.isTTY === true);
  const cwd = io.cwd ?? process.cwd();

  const command = parseCommand(argv, (p) => existsSync(path.resolve(cwd, p)));
  switch (command.kind) {
    case 'usage_error':
      stderr(`${PROGRAM}: ${command.message} (see '${PROGRAM} --help')\n`);
      return 2;
    case 'help':
      stdout(USAGE);
      return 0;
    case 'version':
      stdout(`${PROGRAM} ${await readVersion()}\n`);
      return 0;
    case 'extract':
      return extractCommand(command.options, { ...io, stderr, cwd, stderrIsTTY });
    case 'eval':
      return evalCommand(command.options, { stdout, stderr, cwd });
    case 'stories':
      return storiesCommand(command.options, { stderr, cwd });
  }
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** Items per message to a worker: enough to make messaging cheap, few enough to keep memory flat. */
const BATCH_SIZE = 32;

type Signals = Pick<NodeJS.EventEmitter, 'on' | 'off'>;

/** Exit status of a run stopped by a signal, as a shell reports a process killed by it: 128 + its number. */
const SIGNAL_EXIT: Readonly<Record<'SIGINT' | 'SIGTERM', number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The items until a signal: reading stops at once (a pending read, stdin waiting for a line, is
 * abandoned), the items already taken are still extracted and written.
 */
async function* untilStopped<T>(items: AsyncIterable<T>, stopped: Promise<void>): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  const stop = stopped.then(() => null);
  try {
    for (;;) {
      const pending = iterator.next();
      pending.catch(() => undefined); // abandoned when the stop wins the race
      const next = await Promise.race([pending, stop]);
      if (next === null || next.done === true) return;
      yield next.value;
    }
  } finally {
    void iterator.return?.(undefined)?.catch(() => undefined); // not awaited: it may be blocked on a read
  }
}

/** Each path given (not '-') that does not exist: a usage error, found before anything is read or written. */
async function missingInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const missing: string[] = [];
  for (const given of inputs) {
    if (given === '-') continue;
    try {
      await stat(path.resolve(cwd, given));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') missing.push(given);
    }
  }
  return missing;
}

async function extractCommand(options: ExtractOptions, io: MainIO & { stderr: (s: string) => void; cwd: string; stderrIsTTY: boolean }): Promise<number> {
  const { stderr, cwd } = io;
  const started = performance.now();
  const outDir = path.resolve(cwd, options.out);
  const missing = await missingInputs(options.inputs, cwd);
  if (missing.length > 0) {
    stderr(`${PROGRAM}: no such file or directory: ${missing.join(', ')} (see '${PROGRAM} --help')\n`);
    return 2;
  }
  if (!options.quiet) for (const warning of options.warnings) stderr(`${PROGRAM}: warning: ${warning}\n`);
  const showProgress = !options.quiet && io.stderrIsTTY;
  const progress = showProgress ? createProgress(stderr, io.stderrColumns ?? (process.stderr.columns || 80)) : silentProgress;
  // Problem lines clear the bar first, so it never ends up glued to them.
  const say = (text: string): void => {
    progress.clear();
    stderr(text);
  };
  const outputDirs = [outDir]; // `extract . --out output` must not read its own output
  let total: number | undefined;
  if (showProgress) {
    // Counted alongside the run; the bar shows an ETA once the total is known.
    void countInputs(options.inputs, cwd, outputDirs).then((n) => {
      total = n;
      if (n !== undefined) progress.setTotal(n);
    }, () => undefined);
  }

  // Ctrl-C or SIGTERM: stop reading, write what is done, say so. A second one quits at once.
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined;
  let onStop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (onStop = resolve));
  const signals: Signals = io.signals ?? process;
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = (): void => {
      if (stoppedBy !== undefined) process.exit(SIGNAL_EXIT[signal]);
      stoppedBy = signal;
      if (!options.quiet) say(`${PROGRAM}: ${signal}: stopping; writing the articles already read (${signal === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again quits at once)\n`);
      onStop();
    };
    signals.on(signal, handler);
    return [signal, handler] as const;
  });

  const batchOptions = { formats: options.formats, debug: options.debug };
  let engine: Engine | undefined;
  const usesStdin = options.inputs.includes('-');
  let out: OutputWriter | undefined;
  try {
    const items = untilStopped(readInputs(options.inputs, {
      cwd,
      maxBytes: options.maxBytes,
      outputDirs,
      onOutputSkipped: (paths) => {
        if (!options.quiet) say(`${PROGRAM}: note: not reading ${paths.join(', ')}: output of an earlier ${PROGRAM} run\n`);
      },
      // process.stdin is only touched when '-' asks for it: opening it can hold a terminal.
      ...(usesStdin ? { stdin: io.stdin ?? process.stdin } : {}),
    }), stopped);

    // Nothing under --out is touched until an article has been read: a run that reads none
    // (every input broken, an empty pipe) leaves the previous output as it was.
    const before: InputItem[] = [];
    let next = await items.next();
    while (next.done !== true && next.value.input === undefined) {
      before.push(next.value);
      next = await items.next();
    }
    if (next.done === true) {
      for (const item of before) say(problemLine(item.source, item.error?.line ?? null, item.error?.message ?? ''));
      if (stoppedBy !== undefined) {
        say(`${PROGRAM}: interrupted before any article was read; ${options.out} is left as it was\n`);
        return SIGNAL_EXIT[stoppedBy];
      }
      say(`${PROGRAM}: no article read (${before.length} ${before.length === 1 ? 'input' : 'inputs'} failed); ${options.out} is left as it was\n`);
      return 1;
    }
    const first = next.value;
    try {
      out = await openOutput({ dir: outDir, formats: options.formats, bom: options.bom });
    } catch (err) {
      const reason = err instanceof OutputLockedError ? err.message : describeError(err, options.debug);
      say(`${PROGRAM}: cannot write to ${options.out}: ${reason}\n`);
      return 1;
    }
    if (out.staleTemporaries > 0 && !options.quiet) {
      say(`${PROGRAM}: note: removed ${out.staleTemporaries} temporary ${out.staleTemporaries === 1 ? 'file' : 'files'} left in ${options.out} by a run that did not finish\n`);
    }
    const run: Run = { options, stderr: say, out, stats: new RunStats() };
    const all = (async function* (): AsyncGenerator<InputItem> {
      yield* before;
      yield first;
      yield* items;
    })();
    // An injected extractor (tests) lives in this thread; --jobs 1 needs no worker threads either, nor,
    // without --jobs, an input too small to gain from them (read ahead to find out).
    let source: AsyncIterable<InputItem> = all;
    let inThread = io.extractor !== undefined || options.jobs === 1;
    if (!inThread && !options.jobsGiven) {
      const ahead = await readAhead(all, { count: POOL_MIN_ITEMS, size: POOL_MIN_CHARS, sizeOf: (item) => item.input?.text.length ?? 0 });
      source = ahead.items;
      inThread = ahead.ended;
    }
    engine = inThread
      ? inProcessEngine(io.extractor ?? createExtractor({ language: options.lang }), batchOptions)
      : poolEngine(options.jobs, {
          language: options.lang,
          formats: [...options.formats],
          debug: options.debug,
          ...(io.extractorModule === undefined ? {} : { extractorModule: io.extractorModule }),
        });
    const batches = extractInOrder(source, engine, { batchSize: io.batchSize ?? BATCH_SIZE, maxInFlight: options.jobs * 2 });
    for await (const results of batches) {
      for (const result of results) {
        if (result.kind === 'failure') await reportFailure(run, result.failure);
        else {
          if (result.warning !== undefined && !options.quiet) say(problemLine(result.rendered.source, null, `warning: ${result.warning}`));
          await addDocument(run, result.rendered, result.records);
        }
      }
      await out.flush();
      progress.update(run.stats.done);
    }
    if (stoppedBy !== undefined) {
      const done = run.stats.done;
      // the total, if the bar has not counted it yet: counted now, for two seconds at most
      total ??= await Promise.race([
        countInputs(options.inputs, cwd, outputDirs).catch(() => undefined),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref()),
      ]);
      const of = total === undefined ? `${done} ${done === 1 ? 'article' : 'articles'} (of a number not known)` : `${done} of ${articles(total)}`;
      await out.finish({ incomplete: `interrupted (${stoppedBy}) after ${of}: the documents, tables and errors here are those of the articles read before; run the same command again to complete it` });
      progress.clear();
      stderr(`${PROGRAM}: interrupted after ${of}; ${options.out.endsWith('/') ? options.out : `${options.out}/`} is incomplete\n`);
      return SIGNAL_EXIT[stoppedBy];
    }
    await out.finish();
    progress.clear();
    if (!options.quiet) stderr(run.stats.summary((performance.now() - started) / 1000));
    // a completed run without --stories leaves no stories of an earlier run beside its documents
    if (!options.stories) await removeStories(path.resolve(cwd, options.out));
    const storiesStatus = options.stories ? await storiesCommand({ dir: options.out, bom: options.bom, quiet: options.quiet }, { stderr, cwd }) : 0;
    return run.stats.failed > 0 || storiesStatus !== 0 ? 1 : 0;
  } catch (err) {
    // Output failures (disk full, permissions) and broken workers end the run; the previous tables stay as they were.
    await out?.abort();
    // (no engine yet: the extractor could not be made, e.g. the lexicons are not built)
    if (err instanceof WorkerError || engine === undefined) say(`${PROGRAM}: ${describeError(err, options.debug)}\n`);
    else say(`${PROGRAM}: ${options.out}: cannot write output: ${describeError(err, options.debug)}\n`);
    return 1;
  } finally {
    for (const [signal, handler] of handlers) signals.off(signal, handler);
    await engine?.close();
    // a read of stdin abandoned by a signal would keep the process alive
    if (stoppedBy !== undefined && usesStdin && io.stdin === undefined) process.stdin.destroy();
  }
}

async function addDocument(run: Run, rendered: RenderedDocument, records: RecordCounts): Promise<void> {
  try {
    const assigned = run.out.add(rendered);
    if (assigned.duplicateOf !== undefined && !run.options.quiet) {
      run.stderr(problemLine(rendered.source, null,
        `warning: article id '${rendered.id}' is already used by ${assigned.duplicateOf}; written as '${assigned.id}'`));
    }
    if (assigned.file !== assigned.id && !run.options.quiet) {
      // the id is kept in the document and the tables; only the file name had to change
      run.stderr(problemLine(rendered.source, null, `warning: article id '${assigned.id}' is kept in the documents and tables; its files are named '${assigned.file}'`));
    }
    if (!run.options.quiet) for (const w of rendered.warnings ?? []) run.stderr(problemLine(rendered.source, null, w));
    run.stats.add(records);
  } catch (err) {
    if (!(err instanceof UnsafeIdError)) throw err;
    await reportFailure(run, { source: rendered.source, line: null, code: 'unsafe_id', message: err.message });
  }
}

async function reportFailure(run: Run, failure: FailureRecord): Promise<void> {
  run.stats.failed++;
  const [first = '', ...stack] = failure.message.split('\n');
  run.stderr(problemLine(failure.source, failure.line, first));
  if (stack.length > 0) run.stderr(`${stack.join('\n')}\n`); // --debug only: the stack follows its error line
  await run.out.fail({ ...failure, message: first });
}
