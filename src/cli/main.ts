/**
 * The conflict-events command. Everything it prints goes to stderr (stdout is kept free for data,
 * except --help/--version); I/O is injectable so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createExtractor, type Extractor } from '../pipeline.ts';
import { PROGRAM, USAGE, parseCommand, type ExtractOptions } from './args.ts';
import { evalCommand } from './eval.ts';
import { readInputs } from './inputs.ts';
import { openOutput, type FailureRecord, type OutputWriter, type RenderedDocument } from './output.ts';
import { WorkerError, extractInOrder, inProcessEngine, poolEngine } from './pool.ts';
import { countInputs, createProgress, silentProgress } from './progress.ts';
import { RunStats, describeError, problemLine, type RecordCounts } from './report.ts';
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
      return extractCommand(command.options, { ...io, stderr, cwd });
    case 'eval':
      return evalCommand(command.options, { stdout, stderr, cwd });
  }
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** Items per message to a worker: enough to make messaging cheap, few enough to keep memory flat. */
const BATCH_SIZE = 32;

async function extractCommand(options: ExtractOptions, io: MainIO & { stderr: (s: string) => void; cwd: string }): Promise<number> {
  const { stderr, cwd } = io;
  const started = performance.now();
  const outDir = path.resolve(cwd, options.out);
  let out: OutputWriter;
  try {
    out = await openOutput({ dir: outDir, formats: options.formats, bom: options.bom });
  } catch (err) {
    stderr(`${PROGRAM}: cannot write to ${options.out}: ${describeError(err, options.debug)}\n`);
    return 1;
  }
  const showProgress = !options.quiet && (io.stderrIsTTY ?? (io.stderr === undefined && process.stderr.isTTY === true));
  const progress = showProgress ? createProgress(stderr, io.stderrColumns ?? process.stderr.columns ?? 80) : silentProgress;
  // Problem lines clear the bar first, so it never ends up glued to them.
  const say = (text: string): void => {
    progress.clear();
    stderr(text);
  };
  const run: Run = { options, stderr: say, out, stats: new RunStats() };
  const skipDirs = [outDir]; // `extract . --out output` must not read its own output
  if (showProgress) {
    // Counted alongside the run; the bar shows an ETA once the total is known.
    void countInputs(options.inputs, cwd, skipDirs).then((total) => total !== undefined && progress.setTotal(total), () => undefined);
  }
  const batchOptions = { formats: options.formats, debug: options.debug };
  // An injected extractor (tests) lives in this thread; --jobs 1 needs no worker threads either.
  const engine = io.extractor || options.jobs === 1
    ? inProcessEngine(io.extractor ?? createExtractor({ language: options.lang }), batchOptions)
    : poolEngine(options.jobs, {
        language: options.lang,
        formats: [...options.formats],
        debug: options.debug,
        ...(io.extractorModule === undefined ? {} : { extractorModule: io.extractorModule }),
      });
  try {
    const items = readInputs(options.inputs, {
      cwd,
      maxBytes: options.maxBytes,
      skipDirs,
      // process.stdin is only touched when '-' asks for it: opening it can hold a terminal.
      ...(options.inputs.includes('-') ? { stdin: io.stdin ?? process.stdin } : {}),
    });
    const batches = extractInOrder(items, engine, { batchSize: io.batchSize ?? BATCH_SIZE, maxInFlight: options.jobs * 2 });
    for await (const results of batches) {
      for (const result of results) {
        if (result.kind === 'failure') await reportFailure(run, result.failure);
        else await addDocument(run, result.rendered, result.records);
      }
      await out.flush();
      progress.update(run.stats.done);
    }
    await out.finish();
  } catch (err) {
    // Output failures (disk full, permissions) and broken workers end the run; the previous tables stay as they were.
    await out.abort();
    if (err instanceof WorkerError) say(`${PROGRAM}: ${describeError(err, options.debug)}\n`);
    else say(`${PROGRAM}: ${options.out}: cannot write output: ${describeError(err, options.debug)}\n`);
    return 1;
  } finally {
    await engine.close();
  }
  progress.clear();
  if (!options.quiet) stderr(run.stats.summary((performance.now() - started) / 1000));
  return run.stats.failed > 0 ? 1 : 0;
}

async function addDocument(run: Run, rendered: RenderedDocument, records: RecordCounts): Promise<void> {
  try {
    const assigned = run.out.add(rendered);
    if (assigned.duplicateOf !== undefined && !run.options.quiet) {
      run.stderr(problemLine(rendered.source, null,
        `warning: article id '${rendered.id}' is already used by ${assigned.duplicateOf}; written as '${assigned.id}'`));
    }
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
