import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputs, type InputItem, type ReadOptions } from '../src/cli/inputs.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

let tree: TempTree;
beforeEach(() => {
  tree = tempTree();
});
afterEach(() => tree.remove());

async function read(paths: string[], options: ReadOptions = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths, { cwd: tree.root, ...options })) items.push(item);
  return items;
}

/** The one error a path produces: [source, code, line]. */
async function errorOf(paths: string[], options: ReadOptions = {}): Promise<[string, string, number | undefined]> {
  const items = await read(paths, options);
  expect(items).toHaveLength(1);
  const { source, error } = items[0]!;
  expect(error, JSON.stringify(items[0])).toBeDefined();
  return [source, error!.code, error!.line];
}

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield Buffer.from(p, 'utf8');
}

describe('.txt', () => {
  it('reads the whole file as the text, strips the BOM, names it after the file', async () => {
    tree.write({ 'in/كاراباخ 1.txt': '\uFEFFعنوان\n\nنص الخبر\r\n' });
    expect(await read(['in/كاراباخ 1.txt'])).toEqual([
      { source: 'in/كاراباخ 1.txt', fallbackId: 'كاراباخ 1', input: { text: 'عنوان\n\nنص الخبر\r\n' } },
    ]);
  });

  it('reports empty and whitespace-only files', async () => {
    tree.write({ 'empty.txt': '', 'blank.txt': ' \n\t\n' });
    expect(await errorOf(['empty.txt'])).toEqual(['empty.txt', 'empty_file', undefined]);
    expect(await errorOf(['blank.txt'])).toEqual(['blank.txt', 'empty_file', undefined]);
  });

  it('reports binary files, and text in no supported encoding with the line of the first non-UTF-8 byte', async () => {
    tree.write({
      'image.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.txt': Buffer.concat([Buffer.from('ok\nstill ok\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('\n')]),
    });
    expect(await errorOf(['image.txt'])).toEqual(['image.txt', 'binary_file', 1]);
    expect(await errorOf(['latin1.txt'])).toEqual(['latin1.txt', 'undecodable', 3]);
  });

  it('refuses a file over --max-bytes', async () => {
    tree.write({ 'big.txt': 'x'.repeat(101) });
    const items = await read(['big.txt'], { maxBytes: 100 });
    expect(items[0]?.error).toEqual({ code: 'too_large', message: 'file is 101 bytes, over the --max-bytes limit of 100 bytes' });
    expect((await read(['big.txt'], { maxBytes: 101 }))[0]?.input?.text).toHaveLength(101);
  });
});

describe('.json', () => {
  it('reads one article object with its fields', async () => {
    tree.write({ 'a.json': JSON.stringify({ id: 7, text: 'نص', title: 'عنوان', lang: 'ar', extra: true }) });
    expect(await read(['a.json'])).toEqual([
      { source: 'a.json', fallbackId: 'a', input: { id: 7, text: 'نص', title: 'عنوان', lang: 'ar' } },
    ]);
  });

  it('reads an array as articles #1, #2 … and reports bad elements by number', async () => {
    tree.write({ 'list.json': JSON.stringify([{ text: 'one' }, { title: 'no text' }, { text: 42 }, 'str', { text: 'five' }]) });
    const items = await read(['list.json']);
    expect(items.map((i) => [i.source, i.fallbackId, i.input?.text ?? i.error?.code])).toEqual([
      ['list.json#1', 'list-1', 'one'],
      ['list.json#2', 'list-2', 'missing_text'],
      ['list.json#3', 'list-3', 'text_not_string'],
      ['list.json#4', 'list-4', 'invalid_article'],
      ['list.json#5', 'list-5', 'five'],
    ]);
  });

  it('reports invalid JSON with its line, and wrong field types and empty text', async () => {
    tree.write({
      'broken.json': '{\n  "text": "x",\n  "title": \n}',
      'typed.json': '{"text": "x", "title": 5}',
      'blank-text.json': '{"text": "  "}',
      'empty.json': '[]',
      'scalar.json': '"just a string"',
    });
    expect(await errorOf(['broken.json'])).toEqual(['broken.json', 'invalid_json', 4]);
    expect((await read(['broken.json']))[0]?.error?.message).toMatch(/^invalid JSON at column 1: /u);
    expect(await errorOf(['typed.json'])).toEqual(['typed.json', 'invalid_article', undefined]);
    expect((await read(['typed.json']))[0]?.error?.message).toContain('"title"');
    expect(await errorOf(['blank-text.json'])).toEqual(['blank-text.json', 'empty_text', undefined]);
    expect(await errorOf(['empty.json'])).toEqual(['empty.json', 'no_articles', undefined]);
    expect(await errorOf(['scalar.json'])).toEqual(['scalar.json', 'invalid_article', undefined]);
  });
});

describe('.jsonl and .ndjson', () => {
  it('reads one article per line, skipping blank lines, with #LINE sources', async () => {
    tree.write({ 'feed.jsonl': '\uFEFF{"text":"one"}\r\n\n   \n{"text":"four","id":"x"}\n{"text":"five"}' });
    expect(await read(['feed.jsonl'])).toEqual([
      { source: 'feed.jsonl#1', fallbackId: 'feed-1', input: { text: 'one' } },
      { source: 'feed.jsonl#4', fallbackId: 'feed-4', input: { text: 'four', id: 'x' } },
      { source: 'feed.jsonl#5', fallbackId: 'feed-5', input: { text: 'five' } },
    ]);
  });

  it('reports a bad line with its number and goes on', async () => {
    tree.write({
      'feed.ndjson': Buffer.concat([
        Buffer.from('{"text":"ok"}\n{not json\n{"text":1}\n{"id":"a"}\n[1]\n'),
        Buffer.from([0x7b, 0xff, 0x7d, 0x0a]),
        Buffer.from('{"text":"%s"}\n'.replace('%s', 'x'.repeat(50)) + '{"text":"last"}\n'),
      ]),
    });
    const items = await read(['feed.ndjson'], { maxBytes: 40 });
    expect(items.map((i) => [i.source, i.error?.code ?? i.input?.text, i.error?.line])).toEqual([
      ['feed.ndjson#1', 'ok', undefined],
      ['feed.ndjson', 'invalid_json', 2],
      ['feed.ndjson', 'text_not_string', 3],
      ['feed.ndjson', 'missing_text', 4],
      ['feed.ndjson', 'invalid_article', 5],
      ['feed.ndjson', 'invalid_utf8', 6],
      ['feed.ndjson', 'too_large', 7],
      ['feed.ndjson#8', 'last', undefined],
    ]);
  });

  it('stops at the first NUL byte: a binary file gives one error', async () => {
    tree.write({ 'bin.jsonl': Buffer.concat([Buffer.from('{"text":"a"}\n'), Buffer.from([0, 1, 2, 10, 0, 10])]) });
    const items = await read(['bin.jsonl']);
    expect(items.map((i) => i.error?.code ?? 'ok')).toEqual(['ok', 'binary_file']);
    expect(items[1]?.error?.line).toBe(2);
  });

  it('reports a file with no lines as empty', async () => {
    tree.write({ 'none.jsonl': '\n \n' });
    expect(await errorOf(['none.jsonl'])).toEqual(['none.jsonl', 'empty_file', undefined]);
  });

  it('reads JSON Lines from stdin for "-", lines split across chunks', async () => {
    const stdin = chunks('{"text":"a', 'b"}\n{"te', 'xt":"cd"}\n');
    const items = await read(['-'], { stdin });
    expect(items).toEqual([
      { source: '<stdin>#1', fallbackId: 'stdin-1', input: { text: 'ab' } },
      { source: '<stdin>#2', fallbackId: 'stdin-2', input: { text: 'cd' } },
    ]);
  });

  it('streams: the first article arrives before the input is read to the end', async () => {
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.from(`{"text":"article ${i}"}\n`);
      }
    }
    const iterator = readInputs(['-'], { stdin: endless() });
    const first = await iterator.next();
    expect(first.value).toMatchObject({ input: { text: 'article 0' } });
    expect(pulled).toBeLessThan(5);
    await iterator.return(undefined);
  });
});

describe('paths and directories', () => {
  it('walks directories recursively in path order, skipping hidden and unknown files', async () => {
    tree.write({
      'in/b.txt': 'b',
      'in/a/z.txt': 'a/z',
      'in/a/y.json': '{"text":"a/y"}',
      'in/A.TXT': 'A',
      'in/.hidden.txt': 'hidden',
      'in/.git/x.txt': 'git',
      'in/notes.md': 'notes',
      'in/c/feed.jsonl': '{"text":"c/feed"}\n',
    });
    const items = await read(['in']);
    expect(items.map((i) => [i.source, i.input?.text])).toEqual([
      ['in/A.TXT', 'A'],
      ['in/a/y.json', 'a/y'],
      ['in/a/z.txt', 'a/z'],
      ['in/b.txt', 'b'],
      ['in/c/feed.jsonl#1', 'c/feed'],
    ]);
  });

  it('keeps the order of the INPUT arguments', async () => {
    tree.write({ 'b.txt': 'b', 'a.txt': 'a' });
    expect((await read(['b.txt', 'a.txt'])).map((i) => i.source)).toEqual(['b.txt', 'a.txt']);
  });

  it('reads a hidden file given explicitly', async () => {
    tree.write({ '.draft.txt': 'draft' });
    expect((await read(['.draft.txt']))[0]?.input?.text).toBe('draft');
  });

  it('reads .html and .htm pages, also inside a directory; a page without text is an error', async () => {
    tree.write({ 'in/page.html': '<title>عنوان</title><p>نص الخبر</p>', 'in/old.HTM': '<nav><a href="/">x</a></nav>' });
    const items = await read(['in']);
    expect(items.map((i) => [i.source, i.error?.code ?? i.input?.text, i.error?.message ?? i.input?.title])).toEqual([
      ['in/old.HTM', 'empty_text', 'no article text found in the page'],
      ['in/page.html', 'نص الخبر', 'عنوان'],
    ]);
  });

  it('reports an unknown extension given explicitly', async () => {
    tree.write({ 'notes.md': 'x', 'README': 'x' });
    expect(await errorOf(['notes.md'])).toEqual(['notes.md', 'unknown_extension', undefined]);
    expect(await errorOf(['README'])).toEqual(['README', 'unknown_extension', undefined]);
  });

  it('reports missing paths and directories without articles', async () => {
    tree.write({ 'only-notes/notes.md': 'x' });
    mkdirSync(tree.path('empty'));
    expect(await errorOf(['nope.txt'])).toEqual(['nope.txt', 'not_found', undefined]);
    expect(await errorOf(['nope/deeper.json'])).toEqual(['nope/deeper.json', 'not_found', undefined]);
    expect(await errorOf(['empty'])).toEqual(['empty', 'no_articles', undefined]);
    expect(await errorOf(['only-notes'])).toEqual(['only-notes', 'no_articles', undefined]);
  });

  it('reports unreadable paths: a symlink loop, a device', async () => {
    symlinkSync('loop.txt', tree.path('loop.txt'));
    expect(await errorOf(['loop.txt'])).toEqual(['loop.txt', 'unreadable', undefined]);
    expect(await errorOf(['/dev/null'])).toEqual(['/dev/null', 'unreadable', undefined]);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission as unreadable', async () => {
    tree.write({ 'secret.txt': 'x' });
    chmodSync(tree.path('secret.txt'), 0o000);
    expect(await errorOf(['secret.txt'])).toEqual(['secret.txt', 'unreadable', undefined]);
  });

  it('does not enter the directories it is told to skip (the output)', async () => {
    tree.write({ 'in/a.txt': 'a', 'in/out/json/a.json': '{"schema":"conflict-events/1"}' });
    expect((await read(['in'], { outputDirs: ['in/out'] })).map((i) => i.source)).toEqual(['in/a.txt']);
  });
});

describe('published values', () => {
  it('refuses an article whose published names no date, and keeps the others', async () => {
    const { main } = await import('../src/cli/main.ts');
    const { mkdtempSync, writeFileSync, readFileSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'pub-'));
    writeFileSync(join(dir, 'a.jsonl'), [
      JSON.stringify({ id: 'ok', text: 'قال الرئيس الأحد', published: '2020-11-01' }),
      JSON.stringify({ id: 'written', text: 'قال الرئيس الأحد', published: '1 نوفمبر 2020' }),
      JSON.stringify({ id: 'bad', text: 'قال الرئيس الأحد', published: 'next Tuesday-ish' }),
    ].join('\n'));
    const err: string[] = [];
    const code = await main([join(dir, 'a.jsonl'), '--out', join(dir, 'out'), '--jobs', '1', '-f', 'json'], { stderr: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(/a\.jsonl:3: "published" "next Tuesday-ish" is not a date/u);
    expect(existsSync(join(dir, 'out/json/ok.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'out/json/written.json'), 'utf8')).article.published).toBe('2020-11-01');
    expect(readFileSync(join(dir, 'out/errors.jsonl'), 'utf8')).toContain('"code":"invalid_published"');
  });
});
