import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands } from './format.ts';

describe('groupThousands', () => {
  it('writes what toLocaleString("en-US") writes', () => {
    expect(groupThousands(1250)).toBe('1,250');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000000)).toBe('1,000,000');
    expect(groupThousands(-12345)).toBe('-12,345');
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(-0)).toBe('-0');
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double({ noNaN: true })), (n) => {
        expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
  });
});
