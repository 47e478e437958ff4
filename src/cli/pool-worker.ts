/**
 * A worker thread of the extraction pool: loaded from the bundle (bundle.mjs), or through
 * pool-worker.mjs, which registers tsx, when bundling failed or the extractor module is TypeScript.
 * The extractor is created once per worker, so lexicons are compiled once per thread, not per batch.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Extractor } from '../pipeline.ts';
import { extractBatch, type ItemResult } from './batch.ts';
import type { InputItem } from './inputs.ts';
import type { WorkerConfig } from './pool.ts';
import { packBatch } from './transfer.ts';

interface ExtractorModule {
  createExtractor(options: { language?: string }): Extractor;
}

const config = workerData as WorkerConfig;
// The pipeline by a literal specifier, so a bundle includes it; an extractor module is loaded as it is.
const module: ExtractorModule = config.extractorModule === undefined
  ? await import('../pipeline.ts')
  : ((await import(config.extractorModule)) as ExtractorModule);
const extractor = module.createExtractor({ language: config.language });
const options = { formats: new Set(config.formats), debug: config.debug };

/** The batch's results, their files packed into one buffer that moves to the writing thread uncopied. */
export default function extractTask(items: InputItem[]): unknown {
  const packed = packBatch(extractBatch(extractor, items, options));
  // piscina transfers what a returned "transferable" names and sends its value
  return move({
    get [transferableSymbol]() {
      return packed.buffer;
    },
    get [valueSymbol]() {
      return packed;
    },
  });
}
