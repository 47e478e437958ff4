/**
 * vitest's global setup: `npm run build` (incremental: nothing to do when src/ and data/lexicons/ are
 * as the last build left them). The tests import the sources, but the pool's worker threads run
 * dist/cli/pool-worker.js and every language pack reads dist/lexicons/<lang>.json.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url)), '--quiet'], { stdio: 'inherit' });
}
