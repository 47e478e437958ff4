/**
 * Writes the measured figures into docs/accuracy.md between its `<!-- eval:NAME -->` markers, from
 * the same run `npm run eval` makes (tests/docs-accuracy.test.ts fails when the file is stale).
 * Usage: npx tsx scripts/accuracy-doc.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runEval } from '../src/cli/eval.ts';
import { accuracyTable } from '../src/eval/table.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOC = path.join(ROOT, 'docs/accuracy.md');

export async function renderAccuracyDoc(doc: string): Promise<string> {
  let out = doc;
  for (const m of doc.matchAll(/<!-- eval:(\S+) -->\n[\s\S]*?<!-- \/eval -->/gu)) {
    // "corpus" scores a whole corpus, "corpus:ID" one of its articles
    const [name, id] = m[1]!.split(':') as [string, string | undefined];
    const corpus = path.resolve(ROOT, '../shared', name);
    const articles = id ? path.join(corpus, 'articles', `${id}.txt`) : path.join(corpus, 'articles');
    const { report } = await runEval({ articles, gold: path.join(corpus, 'gold'), lang: name === 'corpus' ? 'ar' : 'en' }, ROOT);
    out = out.replace(m[0], `<!-- eval:${m[1]} -->\n${accuracyTable(report)}<!-- /eval -->`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const doc = readFileSync(DOC, 'utf8');
  const next = await renderAccuracyDoc(doc);
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/accuracy.md is stale: run npx tsx scripts/accuracy-doc.ts');
      process.exitCode = 1;
    }
  } else writeFileSync(DOC, next);
}
