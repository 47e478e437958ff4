/**
 * Done-when check of issue 5: the seed article saved as a web page (with navigation, header, footer
 * and related articles), as Windows-1256, ISO-8859-6 and UTF-16 text, yields the same casualty,
 * ceasefire and date records as the original .txt; page furniture never reaches article.text; a file
 * in no supported encoding is an `undecodable` error, never mojibake.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/cli/decode.ts';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import type { ExtractionDocument } from '../src/schema/index.ts';
import { FURNITURE, SEED_TEXT, seedPageHtml } from './fixtures/seed-page.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
let code: number;
let stderr = '';

const INPUTS: Record<string, string | Uint8Array> = {
  'in/original.txt': SEED_TEXT,
  'in/page.html': seedPageHtml(),
  'in/cp1256.txt': iconv.encode(SEED_TEXT, 'windows-1256'),
  'in/iso-8859-6.txt': iconv.encode(SEED_TEXT, 'iso-8859-6'),
  'in/utf16le.txt': iconv.encode(SEED_TEXT, 'utf-16le', { addBOM: true }),
  'in/utf16be.txt': iconv.encode(SEED_TEXT, 'utf-16be', { addBOM: true }),
  'in/utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SEED_TEXT, 'utf8')]),
  // a page saved by an old browser: Windows-1256 bytes, declared in <meta charset>
  'in/page-1256.html': iconv.encode(seedPageHtml().replace('<meta charset="utf-8">', '<meta charset="windows-1256">'), 'windows-1256'),
  'in/feed-1256.jsonl': iconv.encode(`${JSON.stringify({ id: 'jsonl-1256', text: SEED_TEXT })}\n`, 'windows-1256'),
  'in/feed-utf16.jsonl': iconv.encode(`${JSON.stringify({ id: 'jsonl-utf16', text: SEED_TEXT })}\r\n`, 'utf-16le', { addBOM: true }),
  'in/article-utf16.json': iconv.encode(JSON.stringify({ id: 'json-utf16', text: SEED_TEXT }), 'utf-16le', { addBOM: true }),
};

beforeAll(async () => {
  tree = tempTree();
  tree.write(INPUTS);
  code = await main(['extract', 'in', '--out', 'out', '--format', 'json', '-q'], {
    cwd: tree.root,
    extractor: createExtractor(),
    stderr: (s) => void (stderr += s),
  });
});
afterAll(() => tree.remove());

const read = (id: string): ExtractionDocument => JSON.parse(tree.read(`out/json/${id}.json`)) as ExtractionDocument;

/** The values the done-when compares (ids and evidence offsets differ: the texts differ). */
function comparable(doc: ExtractionDocument): unknown {
  return {
    casualties: doc.casualties.map((c) => ({
      outcome: c.outcome, number_text: c.number_text, qualifier: c.qualifier, low: c.low, best: c.best, high: c.high,
      display: c.display, scope: c.scope, period_start: c.period_start, as_of: c.as_of, partial: c.partial, may_be_higher: c.may_be_higher,
    })),
    ceasefires: doc.ceasefires.map((c) => ({ kind: c.kind, status: c.status, attempts: c.attempts, as_of: c.as_of })),
    dates: doc.dates.map((d) => ({ kind: d.kind, text: d.text, start: d.start, end: d.end })),
  };
}

describe('the seed article as a web page and in legacy encodings', () => {
  it('reads every copy without errors', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('finds records in the original, so the comparison means something', () => {
    const original = read('original');
    expect(original.casualties.length).toBeGreaterThan(0);
    expect(original.ceasefires.length).toBeGreaterThan(0);
    expect(original.dates.length).toBeGreaterThan(3);
  });

  it.each(['page', 'page-1256', 'cp1256', 'iso-8859-6', 'utf16le', 'utf16be', 'utf8-bom', 'jsonl-1256', 'jsonl-utf16', 'json-utf16'])(
    '%s yields the same casualty, ceasefire and date records as the original',
    (id) => {
      expect(comparable(read(id))).toEqual(comparable(read('original')));
    },
  );

  it('decodes the legacy and UTF-16 copies to exactly the original text', () => {
    for (const id of ['cp1256', 'iso-8859-6', 'utf16le', 'utf16be', 'utf8-bom', 'json-utf16']) expect(read(id).article.text, id).toBe(SEED_TEXT);
    expect(read('jsonl-1256').article.text).toBe(SEED_TEXT);
    expect(read('jsonl-utf16').article.text).toBe(SEED_TEXT);
  });

  it('takes title, date, canonical URL and outlet from the page, and keeps navigation, footer and related articles out', () => {
    for (const id of ['page', 'page-1256']) {
      const { article } = read(id);
      expect(article).toMatchObject({
        title: SEED_TEXT.split('\n')[0],
        published: '2020-11-01',
        published_at: null,
        published_text: '2020-11-01',
        url: 'https://news.example/world/2020/11/01/karabakh-aliyev',
        outlet: 'موقع الأخبار',
        language: 'ar',
      });
      for (const text of [...FURNITURE.nav, ...FURNITURE.related, ...FURNITURE.footer, 'مقالات ذات صلة', 'window.analytics']) {
        expect(article.text, `${id}: ${text}`).not.toContain(text);
      }
      // one paragraph per line, each as in the original
      const lines = article.text.split('\n');
      for (const line of lines) expect(SEED_TEXT.split('\n'), line).toContain(line);
      expect(lines).toContain(SEED_TEXT.split('\n').find((l) => l.startsWith('وأسفرت المعارك')));
    }
  });
});

describe('undecodable input', () => {
  it('is an `undecodable` error naming the line, never mojibake', async () => {
    const t = tempTree();
    try {
      t.write({
        'latin1.txt': iconv.encode('Le cessez-le-feu a été violé à Stepanakert.\nDeux morts.', 'latin1'),
        'junk.html': Buffer.concat([Buffer.from('<p>'), iconv.encode('停火协议被违反，三人死亡', 'gbk'), Buffer.from('</p>')]),
        'broken-utf16.txt': Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), // a lone surrogate
        'hebrew-1255.txt': iconv.encode('הפסקת האש הופרה', 'windows-1255'),
        'ok.txt': 'نص عربي', // one article read: a run that reads none leaves --out untouched (no errors.jsonl)
      });
      let err = '';
      const exit = await main(['extract', '.', '--out', 'out', '--format', 'json', '-q'], { cwd: t.root, extractor: createExtractor(), stderr: (s) => void (err += s) });
      expect(exit).toBe(1);
      const errors = t.read('out/errors.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { source: string; code: string; line: number | null });
      expect(errors.map((e) => [e.source, e.code, e.line])).toEqual([
        ['broken-utf16.txt', 'undecodable', null],
        ['hebrew-1255.txt', 'undecodable', 1],
        ['junk.html', 'undecodable', 1],
        ['latin1.txt', 'undecodable', 1],
      ]);
      expect(err).toContain('latin1.txt:1: cannot be decoded');
    } finally {
      t.remove();
    }
  });

  it('prefers the Arabic code page whose decoding reads as Arabic, whatever chardet guesses first', () => {
    // short texts are where chardet guesses Hebrew (ISO-8859-8)
    for (const text of ['نص الخبر', 'قتل 3 مدنيين في قصف على المدينة', 'وفشلت ثلاث محاولات لإرساء هدنة إنسانية']) {
      for (const encoding of ['windows-1256', 'iso-8859-6'] as const) {
        expect(decodeText(iconv.encode(text, encoding)), `${encoding}: ${text}`).toEqual({ text, encoding });
      }
    }
    // One word without ال reads as Arabic in both code pages: the common one wins, unless the page declares the other.
    expect(decodeText(iconv.encode('هدنة', 'windows-1256')).text).toBe('هدنة');
    expect(decodeText(iconv.encode('هدنة', 'iso-8859-6'), { declared: 'ISO-8859-6' }).text).toBe('هدنة');
  });

  it('leaves UTF-8 alone, with or without BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFنص', 'utf8'))).toEqual({ text: 'نص', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('café', 'utf8'))).toEqual({ text: 'café', encoding: 'utf-8' });
  });
});
