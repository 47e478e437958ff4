/**
 * Every regular expression in src/ is checked for catastrophic backtracking with recheck (a ReDoS
 * checker): the sources are transpiled with esbuild, parsed with acorn, and every regex literal and
 * `new RegExp('…')` with a literal pattern is checked. A pathological input then cannot hang a stage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { transformSync } from 'esbuild';
import { checkSync } from 'recheck';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

interface Found {
  file: string;
  pattern: string;
  flags: string;
}

function regexesIn(file: string): Found[] {
  const js = transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  const found: Found[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; regex?: { pattern: string; flags: string }; callee?: { name?: string }; arguments?: Array<{ type: string; value?: unknown }> };
    if (n.type === 'Literal' && n.regex) found.push({ file, pattern: n.regex.pattern, flags: n.regex.flags });
    if ((n.type === 'NewExpression' || n.type === 'CallExpression') && n.callee?.name === 'RegExp') {
      const [p, f] = n.arguments ?? [];
      if (p?.type === 'Literal' && typeof p.value === 'string') found.push({ file, pattern: p.value, flags: f?.type === 'Literal' && typeof f.value === 'string' ? f.value : '' });
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(acorn.parse(js, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

const all = sources('src').flatMap(regexesIn);

describe('regular expressions in src/', () => {
  it('finds the regexes it checks', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all.map((r) => [`${r.file}: /${r.pattern}/${r.flags}`, r] as const))('%s is safe from catastrophic backtracking', (_name, r) => {
    const result = checkSync(r.pattern, r.flags);
    expect(result.status, result.status === 'vulnerable' ? `attack: ${JSON.stringify(result.attack?.pattern)}` : '').not.toBe('vulnerable');
  });
});
