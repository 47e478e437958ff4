import type { Context } from '../../core/context.ts';
export function findStatements(ctx: Context): void { void ctx; }
