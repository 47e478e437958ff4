/**
 * A worker thread of the extraction pool (loaded through pool-worker.mjs, which registers tsx).
 * The extractor is created once per worker, so lexicons are compiled once per thread, not per batch.
 */
import { workerData } from 'piscina';
import type { Extractor } from '../pipeline.ts';
import { extractBatch, type ItemResult } from './batch.ts';
import type { InputItem } from './inputs.ts';
import type { WorkerConfig } from './pool.ts';

interface ExtractorModule {
  createExtractor(options: { language?: string }): Extractor;
}

const config = workerData as WorkerConfig;
const module = (await import(config.extractorModule ?? '../pipeline.ts')) as ExtractorModule;
const extractor = module.createExtractor({ language: config.language });
const options = { formats: new Set(config.formats), debug: config.debug };

export default function extractTask(items: InputItem[]): ItemResult[] {
  return extractBatch(extractor, items, options);
}
