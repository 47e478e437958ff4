// Entry of a pool worker thread when it runs the TypeScript sources (bundling failed, or the
// extractor module is TypeScript; see bundle.mjs). Plain JavaScript because a fresh thread cannot
// load TypeScript until tsx's loader is registered in it; then the real worker module is imported.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./pool-worker.ts');

export default worker.default;
