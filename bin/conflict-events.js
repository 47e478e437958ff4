#!/usr/bin/env node
// The CLI is written in TypeScript. It runs from a JavaScript bundle of src/ that esbuild makes on
// first use and caches (src/cli/bundle.mjs), so a fresh clone needs no build step; if bundling
// fails, it runs through tsx's loader.
import { loadMain } from '../src/cli/bundle.mjs';

const main = await loadMain({ debug: process.argv.includes('--debug') });
process.exitCode = await main(process.argv.slice(2));
