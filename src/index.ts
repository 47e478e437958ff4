/** Library API: extract(article) → a validated ExtractionDocument. */
export { createExtractor, extract } from './pipeline.ts';
export type { Extractor, ExtractMeta } from './pipeline.ts';
export * from './schema/index.ts';
