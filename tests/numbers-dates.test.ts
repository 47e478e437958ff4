// Every row of the numbers-and-dates table (tests/numbers-dates/suite.ts) through the full
// extract(): values, written text and where it sits in the sentence. scripts/numbers-dates-suite.ts
// prints the same rows as a score.
import { describe, expect, it } from 'vitest';
import { checkDateRow, checkNumberRow, DATE_ROWS, NUMBER_ROWS } from './numbers-dates/suite.ts';

describe('numbers in casualty sentences', () => {
  it.each(NUMBER_ROWS.map((r) => [r.rule, r.sentence, r] as const))('[%s] %s', (_rule, _sentence, row) => {
    const { ok, got } = checkNumberRow(row);
    expect({ ok, got }).toMatchObject({ ok: true });
  });
});

describe('dates in casualty and date sentences', () => {
  it.each(DATE_ROWS.map((r) => [r.rule, r.sentence, r] as const))('[%s] %s', (_rule, _sentence, row) => {
    const { ok, got } = checkDateRow(row);
    expect({ ok, got }).toMatchObject({ ok: true });
  });
});
