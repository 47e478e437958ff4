/** Files appear whole or not at all: write a temporary sibling, then rename over the target. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';

export const tempPath = (target: string): string => `${target}.tmp-${process.pid}`;

export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const tmp = tempPath(target);
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The same, blocking. For the per-article files of a batch: small writes one after another in the
 * writing thread cost far less CPU than as many round trips through libuv's thread pool, whose
 * threads then contend for the directory (measured: half the system time), and the worker threads
 * go on extracting meanwhile.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const tmp = tempPath(target);
  try {
    if (typeof data === 'string') writeFileSync(tmp, data, 'utf8');
    else writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The same for a file written in pieces (a generator of strings), never held whole. */
export async function writePartsAtomic(target: string, parts: Iterable<string>): Promise<void> {
  const tmp = tempPath(target);
  let handle;
  try {
    handle = await open(tmp, 'w');
    let buffered: string[] = [];
    let size = 0;
    for (const part of parts) {
      buffered.push(part);
      size += part.length;
      if (size >= 1 << 16) {
        await handle.write(buffered.join(''), null, 'utf8');
        buffered = [];
        size = 0;
      }
    }
    await handle.write(buffered.join(''), null, 'utf8');
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}
