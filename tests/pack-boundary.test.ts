/**
 * The pack boundary: stage code (src/stages/**, tests aside) names no word of any language and never
 * asks which language it is in. Language facts live in data/lexicons/<lang>/ and src/packs/<lang>/.
 * Comments are stripped by esbuild (already a dependency) before the checks, so they may quote
 * examples in any script.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const STAGES = join(ROOT, 'src', 'stages');

function stageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return stageFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'test-helpers.ts' ? [p] : [];
  });
}

/**
 * The code without its comments: esbuild with whitespace minified drops every comment and keeps
 * strings, regular expressions and templates as written (charset utf8: not escaped).
 */
export function codeOf(source: string): string {
  return transformSync(source, { loader: 'ts', charset: 'utf8', legalComments: 'none', minifyWhitespace: true }).code;
}

/** A letter outside ASCII: any script but the Latin of code (Arabic, Cyrillic, accented Latin …). */
const NON_ASCII_LETTER = /(?=\p{L})[^\p{ASCII}]/gu;
/** A test of the language: a property named language/lang, or a language code compared. */
const LANGUAGE_TEST = /\.(?:language|lang)\b|\blanguage\s*[=!]==?|['"`](?:ar|en|fr|es|de|fa|ur|tr)['"`]/gu;

const around = (code: string, at: number): string => code.slice(Math.max(0, at - 40), at + 40);

export function boundaryViolations(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(NON_ASCII_LETTER)) found.push(`letters ${m[0]}: …${around(code, m.index)}…`);
  for (const m of code.matchAll(LANGUAGE_TEST)) found.push(`tests the language: …${around(code, m.index)}…`);
  return found;
}

describe('pack boundary', () => {
  it('finds the stage files', () => {
    expect(stageFiles(STAGES).map((f) => relative(STAGES, f))).toContain('statements/statements.ts');
  });

  it.each(stageFiles(STAGES).map((f) => [relative(ROOT, f), f]))('%s names no language word and tests no language', (_, file) => {
    expect(boundaryViolations(codeOf(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it.each([
    ['const PROCLITIC = /^[\u0648\u0641]/u;', 'letters'],
    ["if (word === '\u0642\u0627\u0644') return;", 'letters'],
    ["const hello = '\u043f\u0440\u0438\u0432\u0435\u0442';", 'letters'],
    ["if (ctx.pack.language === 'en') return;", 'tests the language'],
    ["if (ctx.article.lang === 'ar') run();", 'tests the language'],
    ["const isEnglish = code === 'en';", 'tests the language'],
  ])('catches %s', (code, what) => {
    expect(boundaryViolations(codeOf(code)).join('\n')).toContain(what);
  });

  it.each([
    ['// \u0642\u0627\u0644: a comment may quote Arabic\nconst x = 1;'],
    ['/** "\u0648\u0623\u0636\u0627\u0641" continues a clause */\nexport const y = (w: string) => w.length;'],
    ['const END = /[.!?]+["\'\u00bb)]*/gu;'],
    ['const lengthOf = (s: { length: number }) => s.length;'],
  ])('lets pass %s', (code) => {
    expect(boundaryViolations(codeOf(code))).toEqual([]);
  });
});
