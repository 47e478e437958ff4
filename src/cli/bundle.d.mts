// Types of bundle.mjs (plain JavaScript: it runs before TypeScript can be loaded).

export interface Bundle {
  /** the cache directory holding this bundle */
  dir: string;
  /** entry name → bundled file */
  files: Record<string, string>;
  /** the sources' hash: the directory's name */
  hash: string;
  /** built by this call (false: found in the cache) */
  built: boolean;
}

export interface BundleOptions {
  /** the package root: src/ under it is bundled and hashed (default: this package) */
  root?: string;
  /** output name → entry source relative to root (default: ENTRIES) */
  entries?: Record<string, string>;
  /** cache directories, first choice first (default: defaultCacheDirs(root)) */
  cacheDirs?: string[];
}

export declare const ENTRIES: Record<string, string>;
export declare function defaultCacheDirs(root?: string): string[];
export declare function sourceFiles(root: string): string[];
export declare function prepareCacheDir(cacheDir: string, root?: string): void;
export declare function sourceHash(root: string, entries: Record<string, string>): string;
export declare function ensureBundle(options?: BundleOptions): Promise<Bundle>;
export declare function projectBundle(): Promise<Bundle>;
export declare function loadMain(options?: { debug?: boolean }): Promise<(argv: string[]) => Promise<number>>;
export declare function poolWorkerFile(options?: { debug?: boolean }): Promise<{ file: string; bundled: boolean }>;
