import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAt } from '../src/cli/json-error-position.ts';

describe('jsonErrorOffset', () => {
  it('returns null for valid JSON of every kind', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ', '"s"', '0', '[{"a":{}}]']) {
      expect(jsonErrorOffset(ok), ok).toBeNull();
      expect(() => JSON.parse(ok)).not.toThrow();
    }
  });

  it('points at the first bad character', () => {
    const cases: Array<[string, number]> = [
      ['{"a":1,}', 7],
      ['{\n  "text": "x",\n  "title": \n}', 29],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['[01]', 2],
      ['"tab\tinside"', 0],
      ['{"a":1} x', 8],
      ['', 0],
      ['[', 1],
    ];
    for (const [text, at] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(jsonErrorOffset(text), text).toBe(at);
    }
  });

  it('counts lines from 1', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
