import type { Context } from '../../core/context.ts';
export function findNumbers(ctx: Context): void { void ctx; }
