import type { Context } from '../../core/context.ts';
export function findEvents(ctx: Context): void { void ctx; }
