#!/usr/bin/env node
// The CLI, compiled from src/ into dist/ by `npm run build` (which `npm ci`/`npm install` run as `prepare`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(`conflict-events: ${main.pathname} is missing: run npm run build (npm ci runs it)\n`);
  process.exit(1);
}
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true); // stack traces point at the TypeScript sources
process.exitCode = await (await import(main.href)).main(process.argv.slice(2));
