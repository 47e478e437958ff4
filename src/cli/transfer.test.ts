import { describe, expect, it } from 'vitest';
import type { ItemResult } from './batch.ts';
import { BatchPacker } from './transfer.ts';

const doc = (id: string, json: string, yaml: string): ItemResult => ({
  kind: 'document',
  rendered: { id, source: `${id}.txt`, files: { json, yaml }, rows: { actors: `${id},row\n` } },
  records: { actors: 1, places: 0, dates: 0, statements: 0, events: 0, casualties: 0, ceasefires: 0 },
});

describe('BatchPacker', () => {
  it('turns every file of a batch into UTF-8 views of one buffer and leaves the rest as it was', () => {
    const failure: ItemResult = { kind: 'failure', failure: { source: 'bad.json', line: 3, code: 'invalid_json', message: 'x' } };
    const results = [doc('a', '{"t":"قتيل"}\n', 't: قتيل\n'), failure, doc('b', '{"t":"𝐀"}\n', '')];
    const packer = new BatchPacker();
    packer.begin();
    for (const r of results) packer.add(r);
    const packed = packer.finish(results);
    expect(packed.results).toBe(results);
    expect(packed.results[1]).toEqual(failure);
    const decoded = packed.results.flatMap((r) => (r.kind === 'document' ? Object.values(r.rendered.files) : []));
    expect(decoded.every((v) => v instanceof Uint8Array && v.buffer === packed.buffer)).toBe(true);
    expect(decoded.map((v) => Buffer.from(v as Uint8Array).toString('utf8'))).toEqual(['{"t":"قتيل"}\n', 't: قتيل\n', '{"t":"𝐀"}\n', '']);
    expect(packed.buffer.byteLength).toBe(Buffer.byteLength('{"t":"قتيل"}\nt: قتيل\n{"t":"𝐀"}\n'));
    // rows stay strings: they are appended to the tables as text
    expect(packed.results[0]!.kind === 'document' && packed.results[0]!.rendered.rows.actors).toBe('a,row\n');
  });
});

describe('BatchPacker across batches', () => {
  it('encodes each result as it is added, keeps its arena from batch to batch and grows it past its size', () => {
    const packer = new BatchPacker();
    const big = 'ق'.repeat(700_000); // 1.4 MB of UTF-8: more than the first arena
    const first = [doc('a', '{"a":1}\n', big), doc('b', 'x', 'y')];
    packer.begin();
    packer.add(first[0]!);
    // the string is gone from the result as soon as it is encoded
    expect(first[0]!.kind === 'document' && first[0]!.rendered.files.yaml).toEqual(new Uint8Array(0));
    packer.add(first[1]!);
    const a = packer.finish(first);
    const text = (r: ItemResult, f: 'json' | 'yaml'): string => (r.kind === 'document' ? Buffer.from(r.rendered.files[f] as Uint8Array).toString('utf8') : '');
    expect([text(a.results[0]!, 'json'), text(a.results[0]!, 'yaml') === big, text(a.results[1]!, 'json'), text(a.results[1]!, 'yaml')]).toEqual(['{"a":1}\n', true, 'x', 'y']);
    expect(a.buffer.byteLength).toBe(8 + 1_400_000 + 2);
    // a batch that failed half-way leaves nothing behind once the next one begins
    packer.add(doc('lost', 'lost', 'lost'));
    packer.begin();
    const second = [doc('c', 'ج', '')];
    packer.add(second[0]!);
    const b = packer.finish(second);
    expect(b.buffer.byteLength).toBe(2);
    expect(text(b.results[0]!, 'json')).toBe('ج');
    // the first batch's views are still intact: its buffer is its own
    expect(text(a.results[1]!, 'yaml')).toBe('y');
  });
});
