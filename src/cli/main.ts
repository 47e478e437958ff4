/**
 * The conflict-events command. Everything it prints goes to stderr (stdout is kept free for data,
 * except --help/--version); I/O is injectable so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createExtractor, type Extractor } from '../pipeline.ts';
import type { ExtractionDocument } from '../schema/index.ts';
import { PROGRAM, USAGE, parseCommand, type ExtractOptions } from './args.ts';
import { readInputs } from './inputs.ts';
import { openOutput, type FailureRecord, type OutputWriter } from './output.ts';
import { RunStats, oneLine, problemLine } from './report.ts';
import { UnsafeIdError } from './unique-ids.ts';

export interface MainIO {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  stdin?: AsyncIterable<Uint8Array | string>;
  /** relative paths (inputs, --out) resolve against this */
  cwd?: string;
  /** replaces the pipeline (tests use it to make one article fail) */
  extractor?: Extractor;
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
  }
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function describe(err: unknown, debug: boolean): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!debug || !(err instanceof Error) || !err.stack) return oneLine(message);
  return `${oneLine(message)}\n${err.stack}`;
}

async function extractCommand(options: ExtractOptions, io: MainIO & { stderr: (s: string) => void; cwd: string }): Promise<number> {
  const { stderr, cwd } = io;
  const started = performance.now();
  const outDir = path.resolve(cwd, options.out);
  let out: OutputWriter;
  try {
    out = await openOutput({ dir: outDir, formats: options.formats, bom: options.bom });
  } catch (err) {
    stderr(`${PROGRAM}: cannot write to ${options.out}: ${describe(err, options.debug)}\n`);
    return 1;
  }
  const run: Run = { options, stderr, out, stats: new RunStats() };
  const extractor = io.extractor ?? createExtractor({ language: options.lang });
  try {
    const items = readInputs(options.inputs, {
      cwd,
      maxBytes: options.maxBytes,
      skipDirs: [outDir], // `extract . --out output` must not read its own output
      // process.stdin is only touched when '-' asks for it: opening it can hold a terminal.
      ...(options.inputs.includes('-') ? { stdin: io.stdin ?? process.stdin } : {}),
    });
    for await (const item of items) {
      if (item.error) {
        await reportFailure(run, { source: item.source, line: item.error.line ?? null, code: item.error.code, message: item.error.message });
        continue;
      }
      let doc: ExtractionDocument;
      try {
        doc = extractor.extract(item.input, { source: item.source, fallbackId: item.fallbackId });
      } catch (err) {
        // One article's failure is that article's error, never the end of the batch.
        await reportFailure(run, { source: item.source, line: null, code: 'extraction_failed', message: `extraction failed: ${describe(err, options.debug)}` });
        continue;
      }
      await writeDocument(run, doc);
    }
    await out.finish();
  } catch (err) {
    // Output failures (disk full, permissions) end the run; the previous tables stay as they were.
    await out.abort();
    stderr(`${PROGRAM}: ${options.out}: cannot write output: ${describe(err, options.debug)}\n`);
    return 1;
  }
  if (!options.quiet) stderr(run.stats.summary((performance.now() - started) / 1000));
  return run.stats.failed > 0 ? 1 : 0;
}

async function writeDocument(run: Run, doc: ExtractionDocument): Promise<void> {
  try {
    const assigned = await run.out.write(doc);
    if (assigned.duplicateOf !== undefined && !run.options.quiet) {
      run.stderr(problemLine(doc.article.source, null,
        `warning: article id '${doc.article.id}' is already used by ${assigned.duplicateOf}; written as '${assigned.id}'`));
    }
    run.stats.add(doc);
  } catch (err) {
    if (!(err instanceof UnsafeIdError)) throw err;
    await reportFailure(run, { source: doc.article.source, line: null, code: 'unsafe_id', message: err.message });
  }
}

async function reportFailure(run: Run, failure: FailureRecord): Promise<void> {
  run.stats.failed++;
  const [first = '', ...stack] = failure.message.split('\n');
  run.stderr(problemLine(failure.source, failure.line, first));
  if (stack.length > 0) run.stderr(`${stack.join('\n')}\n`); // --debug only: the stack follows its error line
  await run.out.fail({ ...failure, message: first });
}
