import type { Context } from '../../core/context.ts';
export function findCeasefires(ctx: Context): void { void ctx; }
