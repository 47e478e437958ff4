/**
 * A worker thread of the extraction pool, always run compiled (dist/cli/pool-worker.js). The extractor
 * is created once per worker, so lexicons are compiled once per thread, not per batch.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Extractor } from '../pipeline.ts';
import { extractItem, type ItemResult } from './batch.ts';
import type { InputItem } from './inputs.ts';
import type { WorkerConfig } from './pool.ts';
import { BatchPacker } from './transfer.ts';

interface ExtractorModule {
  createExtractor(options: { language?: string | undefined }): Extractor;
}

const config = workerData as WorkerConfig;
const module: ExtractorModule = config.extractorModule === undefined
  ? await import('../pipeline.ts')
  : await importExtractorModule(config.extractorModule);
const extractor = module.createExtractor({ language: config.language });
const options = { formats: new Set(config.formats), debug: config.debug };

const packer = new BatchPacker();

/**
 * An extractor module given in place of the pipeline (tests). A TypeScript one (the tests' stubs) is
 * loaded through tsx, a devDependency: a worker thread has no TypeScript loader of its own.
 */
async function importExtractorModule(specifier: string): Promise<ExtractorModule> {
  if (/\.[cm]?tsx?$/u.test(new URL(specifier, 'file:///').pathname)) {
    const tsx = 'tsx/esm/api'; // not a literal import: the package does not depend on tsx
    const { register } = (await import(tsx)) as { register(): unknown };
    register();
  }
  return (await import(specifier)) as ExtractorModule;
}

/**
 * The batch's results, their files packed into one buffer that moves to the writing thread uncopied.
 * Each document's files are encoded as soon as it is rendered (BatchPacker), in input order.
 */
export default function extractTask(items: InputItem[]): unknown {
  const results: ItemResult[] = [];
  packer.begin();
  for (const item of items) {
    const result = extractItem(extractor, item, options);
    packer.add(result);
    results.push(result);
  }
  const packed = packer.finish(results);
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
