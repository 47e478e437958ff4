/** List the article files under a directory: recursive, sorted, hidden entries and unknown extensions skipped. */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInputExtension } from './formats.ts';
import { OUTPUT_ENTRIES, OUTPUT_MARKERS } from './output.ts';

/** Code-unit order, not localeCompare: the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);


export interface WalkOptions {
  /**
   * Absolute real paths of output directories (--out): what the tool writes there is not read,
   * as in any directory that carries an output marker.
   */
  outputDirs?: ReadonlySet<string>;
  /** told of each output directory met, with its entries left unread (relative to root, with '/') */
  onOutputSkipped?: (dirRel: string, entries: string[]) => void;
}

/**
 * Relative paths (with '/') of the input files under `root`, sorted. The tool's own output trees
 * (the --out directory, and any directory with a marker file) are not read: their json/, yaml/,
 * review/, csv/, dataset.jsonl and errors.jsonl are the output of an earlier run, not articles.
 */
export async function listInputFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const outputDirs = options.outputDirs ?? new Set<string>();
  const found: string[] = [];
  const visited = new Set<string>(); // real paths: a symlink cycle is entered once
  const visit = async (dir: string, rel: string): Promise<void> => {
    const real = await realpath(dir);
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    const isOutput = outputDirs.has(real) || entries.some((e) => OUTPUT_MARKERS.includes(e.name));
    const skipped: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (isOutput && OUTPUT_ENTRIES.includes(entry.name)) {
        skipped.push(rel === '' ? entry.name : `${rel}/${entry.name}`);
        continue;
      }
      const abs = path.join(dir, entry.name);
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(abs).catch(() => null); // a dangling link is skipped like an unknown file
        isDir = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDir) await visit(abs, relPath);
      else if (isFile && isInputExtension(entry.name)) found.push(relPath);
    }
    if (skipped.length > 0) options.onOutputSkipped?.(rel, skipped.sort(byCodeUnit));
  };
  await visit(root, '');
  return found.sort(byCodeUnit);
}
