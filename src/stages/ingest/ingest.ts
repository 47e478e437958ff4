import type { Context } from '../../core/context.ts';
export function ingest(ctx: Context): void { void ctx; }
