/** Files appear whole or not at all: write a temporary sibling, then rename over the target. */
import { rename, rm, writeFile } from 'node:fs/promises';

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
