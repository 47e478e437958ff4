import type { Context } from '../../core/context.ts';
export function splitSentences(ctx: Context): void { void ctx; }
