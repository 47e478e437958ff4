import type { Context } from '../../core/context.ts';
export function findCasualties(ctx: Context): void { void ctx; }
