/** List the article files under a directory: recursive, sorted, hidden entries and unknown extensions skipped. */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInputExtension } from './formats.ts';

/** Code-unit order, not localeCompare: the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Relative paths (with '/') of the input files under `root`, sorted. `skip` holds absolute real
 * paths of directories not to enter (the --out directory, so a run never reads its own output).
 */
export async function listInputFiles(root: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>(); // real paths: a symlink cycle is entered once
  const visit = async (dir: string, rel: string): Promise<void> => {
    const real = await realpath(dir);
    if (visited.has(real) || skip.has(real)) return;
    visited.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
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
  };
  await visit(root, '');
  return found.sort(byCodeUnit);
}
