import type { Context } from '../../core/context.ts';
export function findDates(ctx: Context): void { void ctx; }
