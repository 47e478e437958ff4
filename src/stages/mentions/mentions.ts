import type { Context } from '../../core/context.ts';
export function findMentions(ctx: Context): void { void ctx; }
