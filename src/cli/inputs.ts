/**
 * Turn INPUT paths into articles, lazily and in input order: one item per article or per failure.
 * Directories are walked recursively in sorted order; `-` reads JSON Lines from stdin.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../schema/index.ts';
import { toArticleInput } from './article-object.ts';
import { LANGUAGES } from './args.ts';
import { bomOf, decodeChunks, decodeText, decodeUtf8, detectLegacyEncoding, isUtf8Prefix, jsonErrorMessage, mostlyUtf8 } from './decode.ts';
import { articleFromHtml, declaredCharset } from './html.ts';
import { invalidJsonMessage, lineAt } from './json-error-position.ts';
import { baseId, formatOf } from './formats.ts';
import { DEFAULT_MAX_BYTES, inputError, tooLarge, type InputError } from './input-errors.ts';
import { splitLines } from './lines.ts';
import { listInputFiles } from './walk.ts';

export type InputItem =
  | { source: string; fallbackId: string; input: ArticleInput; error?: undefined; /** said on stderr; the article is still read */ warning?: string }
  | { source: string; fallbackId: string; input?: undefined; error: InputError };

export interface ReadOptions {
  /** largest .txt/.json file, or JSONL line, in bytes */
  maxBytes?: number;
  /** relative INPUT paths are resolved against this; sources keep them as given */
  cwd?: string;
  stdin?: AsyncIterable<Uint8Array | string>;
  /** output directories (--out): a walk does not read what the tool writes there (see walk.ts) */
  outputDirs?: readonly string[];
  /** told of the tool's own output met in a walk and left unread (paths as the sources name them) */
  onOutputSkipped?: (paths: string[]) => void;
}

export const STDIN_SOURCE = '<stdin>';

interface Context {
  maxBytes: number;
  cwd: string;
  stdin: AsyncIterable<Uint8Array | string> | undefined;
  skip: ReadonlySet<string>;
  onOutputSkipped: ((paths: string[]) => void) | undefined;
}

/** Sources use '/' on every platform so outputs are identical across machines. */
const toPosix = (p: string): string => p.split(path.sep).join('/');

function failure(source: string, error: InputError): InputItem {
  return { source, fallbackId: baseId(source), error };
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

function readFailure(source: string, err: unknown): InputItem {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') return failure(source, inputError('not_found', 'no such file or directory'));
  const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ELOOP' ? 'too many symbolic links' : (err as Error).message;
  return failure(source, inputError('unreadable', `cannot read: ${reason}`));
}

export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const cwd = options.cwd ?? process.cwd();
  const skip = new Set<string>();
  for (const dir of options.outputDirs ?? []) skip.add(await realpathOrSelf(path.resolve(cwd, dir)));
  const ctx: Context = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, cwd, stdin: options.stdin, skip, onOutputSkipped: options.onOutputSkipped };
  for (const given of paths) {
    if (given === '-') yield* readStdin(ctx);
    else yield* readPath(toPosix(given), ctx);
  }
}

async function realpathOrSelf(p: string): Promise<string> {
  return realpath(p).catch(() => p);
}

async function* readStdin(ctx: Context): AsyncGenerator<InputItem> {
  if (!ctx.stdin) {
    yield failure(STDIN_SOURCE, inputError('unreadable', 'no standard input available'));
    return;
  }
  yield* readJsonLines(ctx.stdin, STDIN_SOURCE, 'stdin', ctx);
}

async function* readPath(given: string, ctx: Context): AsyncGenerator<InputItem> {
  const abs = path.resolve(ctx.cwd, given);
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    yield readFailure(given, err);
    return;
  }
  if (info.isDirectory()) {
    let files: string[];
    try {
      files = await listInputFiles(abs, {
        outputDirs: ctx.skip,
        onOutputSkipped: (_dir, entries) => ctx.onOutputSkipped?.(entries.map((rel) => path.posix.join(given, rel))),
      });
    } catch (err) {
      yield readFailure(given, err);
      return;
    }
    if (files.length === 0) {
      yield failure(given, inputError('no_articles', 'directory holds no .txt, .json, .jsonl, .ndjson, .html or .htm files'));
      return;
    }
    for (const rel of files) yield* readFileInput(path.posix.join(given, rel), path.join(abs, rel), ctx);
    return;
  }
  if (!info.isFile()) {
    yield failure(given, inputError('unreadable', 'not a regular file'));
    return;
  }
  yield* readFileInput(given, abs, ctx);
}

async function* readFileInput(source: string, abs: string, ctx: Context): AsyncGenerator<InputItem> {
  const format = formatOf(source);
  if (format === undefined) {
    const ext = path.extname(source) || '(none)';
    yield failure(source, inputError('unknown_extension', `unknown extension ${ext}: expected .txt, .json, .jsonl, .ndjson, .html or .htm`));
    return;
  }
  if (format === 'jsonl') {
    let chunks: AsyncIterable<Uint8Array | string>;
    try {
      chunks = await jsonLinesChunks(abs);
    } catch (err) {
      yield readFailure(source, err);
      return;
    }
    yield* readJsonLines(chunks, source, baseId(source), ctx);
    return;
  }
  const whole = await readWhole(source, abs, ctx, format);
  if (!('text' in whole)) {
    yield whole;
    return;
  }
  const { text, warning } = whole;
  const warned = warning === undefined ? {} : { warning };
  if (format === 'txt') yield { source, fallbackId: baseId(source), input: { text }, ...warned };
  else if (format === 'html') {
    const page = articleFromHtml(text, { languages: LANGUAGES });
    if (page.error !== undefined) yield failure(source, inputError('empty_text', page.error));
    else yield { source, fallbackId: baseId(source), input: page.input, ...warned };
  } else yield* parseJsonFile(source, text, ctx.maxBytes);
}

/**
 * A JSONL file's bytes, or its text when it is not UTF-8: the encoding is settled once from the
 * start of the file (a BOM, or the Arabic code page the first 64 KB read in), so each line need not
 * guess. A UTF-8 file with a bad line stays bytes, and that line is reported on its own.
 */
async function jsonLinesChunks(abs: string): Promise<AsyncIterable<Uint8Array | string>> {
  const handle = await open(abs, 'r');
  let sample: Buffer;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    sample = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const bom = bomOf(sample);
  if (bom && bom.encoding !== 'utf-8') return decodeChunks(createReadStream(abs), bom.encoding);
  if (bom || sample.includes(0) || isUtf8Prefix(sample) || mostlyUtf8(sample)) return createReadStream(abs);
  const legacy = detectLegacyEncoding(sample);
  return legacy ? decodeChunks(createReadStream(abs), legacy.encoding) : createReadStream(abs);
}

/**
 * The largest .json file read: --max-bytes holds for each article of an array, the file as a whole
 * may hold many (V8's longest string is ~512 MB; a bigger array should be JSON Lines).
 */
export const MAX_JSON_FILE_BYTES = 256 * 1024 * 1024;

/** A whole .txt/.json/.html file as text (with a warning about it), or the item that reports why not. */
async function readWhole(source: string, abs: string, ctx: Context, format: 'txt' | 'json' | 'html'): Promise<{ text: string; warning?: string } | InputItem> {
  const html = format === 'html';
  let bytes: Buffer;
  try {
    const { size } = await stat(abs);
    const limit = format === 'json' ? Math.max(ctx.maxBytes, MAX_JSON_FILE_BYTES) : ctx.maxBytes;
    if (size > limit) return failure(source, tooLarge(size, limit, 'file'));
    bytes = await readFile(abs);
  } catch (err) {
    return readFailure(source, err);
  }
  const decoded = decodeText(bytes, html ? { declared: declaredCharset(bytes) } : {});
  if (decoded.error) return failure(source, decoded.error);
  if (decoded.text.trim() === '') return failure(source, inputError('empty_file', bytes.length === 0 ? 'file is empty' : 'file holds only whitespace'));
  return decoded.warning === undefined ? { text: decoded.text } : { text: decoded.text, warning: decoded.warning };
}

function* parseJsonFile(source: string, text: string, maxBytes: number): Generator<InputItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const { message, offset } = invalidJsonMessage(text, jsonErrorMessage((err as Error).message));
    yield failure(source, inputError('invalid_json', message, offset === null ? undefined : lineAt(text, offset)));
    return;
  }
  const base = baseId(source);
  if (!Array.isArray(value)) {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > maxBytes) {
      yield failure(source, tooLarge(size, maxBytes, 'file'));
      return;
    }
    const checked = toArticleInput(value);
    yield checked.error ? failure(source, checked.error) : { source, fallbackId: base, input: checked.input };
    return;
  }
  if (value.length === 0) {
    yield failure(source, inputError('no_articles', 'the JSON array is empty'));
    return;
  }
  for (const [i, element] of value.entries()) {
    // Each element is its own article: #N in the source, and a fallback id unique within the file.
    const itemSource = `${source}#${i + 1}`;
    const fallbackId = `${base}-${i + 1}`;
    // --max-bytes holds per article: an element's size as JSON
    const size = Buffer.byteLength(JSON.stringify(element) ?? '', 'utf8');
    if (size > maxBytes) {
      yield { source: itemSource, fallbackId, error: tooLarge(size, maxBytes, 'article') };
      continue;
    }
    const checked = toArticleInput(element);
    yield checked.error ? { source: itemSource, fallbackId, error: checked.error } : { source: itemSource, fallbackId, input: checked.input };
  }
}

/** JSON Lines, streamed: one article per non-blank line; a bad line is reported and the rest still read. */
async function* readJsonLines(
  chunks: AsyncIterable<Uint8Array | string>,
  source: string,
  base: string,
  ctx: Context,
): AsyncGenerator<InputItem> {
  let articles = 0;
  let failures = 0;
  try {
    for await (const line of splitLines(chunks, ctx.maxBytes)) {
      if (line.bytes === null) {
        failures++;
        yield failure(source, tooLarge(line.size, ctx.maxBytes, 'line', line.number));
        continue;
      }
      const decoded = decodeUtf8(line.bytes, line.number);
      if (decoded.error) {
        yield failure(source, decoded.error);
        if (decoded.error.code === 'binary_file') return; // the rest is binary too: one error is enough
        failures++;
        continue;
      }
      if (decoded.text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(decoded.text);
      } catch (err) {
        failures++;
        yield failure(source, inputError('invalid_json', invalidJsonMessage(decoded.text, jsonErrorMessage((err as Error).message)).message, line.number));
        continue;
      }
      const checked = toArticleInput(value, line.number);
      if (checked.error) {
        failures++;
        yield failure(source, checked.error);
        continue;
      }
      articles++;
      yield { source: `${source}#${line.number}`, fallbackId: `${base}-${line.number}`, input: checked.input };
    }
  } catch (err) {
    yield readFailure(source, err);
    return;
  }
  if (articles === 0 && failures === 0) yield failure(source, inputError('empty_file', 'no JSON lines in the input'));
}
