import { describe, expect, it } from 'vitest';
import type { ItemResult } from './batch.ts';
import { packBatch } from './transfer.ts';

const doc = (id: string, json: string, yaml: string): ItemResult => ({
  kind: 'document',
  rendered: { id, source: `${id}.txt`, files: { json, yaml }, rows: { actors: `${id},row\n` } },
  records: { actors: 1, places: 0, dates: 0, statements: 0, events: 0, casualties: 0, ceasefires: 0 },
});

describe('packBatch', () => {
  it('turns every file of a batch into UTF-8 views of one buffer and leaves the rest as it was', () => {
    const failure: ItemResult = { kind: 'failure', failure: { source: 'bad.json', line: 3, code: 'invalid_json', message: 'x' } };
    const results = [doc('a', '{"t":"قتيل"}\n', 't: قتيل\n'), failure, doc('b', '{"t":"𝐀"}\n', '')];
    const packed = packBatch(results);
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
