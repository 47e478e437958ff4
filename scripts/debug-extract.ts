// Print the document extracted from one article, for development: npx tsx scripts/debug-extract.ts FILE
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extract } from '../src/index.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: debug-extract FILE');
const doc = extract({ text: readFileSync(file, 'utf8') }, { source: file, fallbackId: basename(file).replace(/\.[^.]+$/u, '') });
const { text: _text, ...article } = doc.article;
console.log(JSON.stringify({ ...doc, article }, null, 1));
