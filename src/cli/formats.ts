/** Input formats by file extension (case-insensitive). */
import path from 'node:path';

export type InputFormat = 'txt' | 'json' | 'jsonl' | 'html';

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.txt': 'txt',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
};

export function formatOf(file: string): InputFormat | undefined {
  return BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** Whether a directory walk reads this file (.txt, .json, .jsonl, .ndjson, .html, .htm). */
export function isInputExtension(file: string): boolean {
  return formatOf(file) !== undefined;
}

/** The base name without extension: the article id when the input has none. */
export function baseId(file: string): string {
  return path.basename(file, path.extname(file));
}
