import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
const mode = process.argv[3];
if (isMainThread) {
  if (mode === 'main-tsx') register();
  const n = Number(process.argv[2]);
  let done = 0;
  for (let i = 0; i < n; i++) new Worker(new URL(import.meta.url), { argv: process.argv.slice(2) }).on('message', () => { if (++done === n) { console.log(n, mode, 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0)); process.exit(0); } });
  if (n === 0) { if (mode === 'main-tsx') { const { createExtractor } = await import('/work/main/src/pipeline.ts'); createExtractor().extract({text: 'قال'}, {source:'x', fallbackId:'x'}); } console.log(0, mode, 'rss MB', (process.memoryUsage().rss / 1e6).toFixed(0)); }
} else {
  if (mode !== 'no-register') register();
  const { readFileSync } = await import('node:fs');
  const { createExtractor } = await import('/work/main/src/pipeline.ts');
  const text = readFileSync('/work/main/data/articles/ar-sample-karabakh-2020-11-01.txt', 'utf8');
  const ex = createExtractor();
  for (let i = 0; i < Number(process.env.ITER ?? 200); i++) ex.extract({ text, id: 'a' + i }, { source: 'x', fallbackId: 'x' });
  parentPort.postMessage('ok');
}
