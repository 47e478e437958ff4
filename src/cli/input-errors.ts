/** Why an input could not become an article. Errors are data: they go to stderr and DIR/errors.jsonl. */
export type InputErrorCode =
  | 'not_found' // the path does not exist
  | 'unreadable' // exists but cannot be read (permissions, not a regular file, symlink loop …)
  | 'unknown_extension' // a file given explicitly whose extension is not an input format
  | 'unsupported_format' // a known format that is not implemented yet
  | 'no_articles' // a directory, JSON array or JSONL file with no articles in it
  | 'too_large' // over --max-bytes (a whole .txt/.json file, or one JSONL line)
  | 'empty_file' // no bytes, or only whitespace
  | 'binary_file' // contains NUL bytes
  | 'invalid_utf8' // a JSONL line that is not valid UTF-8 (in a file that is)
  | 'undecodable' // neither UTF-8 nor a supported legacy encoding (Windows-1256, ISO-8859-6, UTF-16 with BOM)
  | 'invalid_json' // does not parse
  | 'invalid_article' // parses, but is not an article object (or a field has the wrong type)
  | 'invalid_published' // a "published" value that names no date
  | 'missing_text' // an article object without `text`
  | 'text_not_string' // `text` is not a string
  | 'empty_text'; // `text` is empty or only whitespace

export interface InputError {
  code: InputErrorCode;
  message: string;
  /** 1-based line in the file, where the problem has one */
  line?: number;
}

export function inputError(code: InputErrorCode, message: string, line?: number): InputError {
  return line === undefined ? { code, message } : { code, message, line };
}

/** 20 MB: far above any news article, low enough that a stray dump file is refused quickly. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLarge(size: number, maxBytes: number, what: string, line?: number): InputError {
  return inputError('too_large', `${what} is ${formatBytes(size)}, over the --max-bytes limit of ${formatBytes(maxBytes)}`, line);
}
