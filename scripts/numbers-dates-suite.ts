// Score the numbers-and-dates table (tests/numbers-dates/suite.ts) through the full extract():
//   npx tsx scripts/numbers-dates-suite.ts [--failures]
import { checkDateRow, checkNumberRow, DATE_ROWS, NUMBER_ROWS } from '../tests/numbers-dates/suite.ts';

const showFailures = process.argv.includes('--failures');
function score<R extends { rule: string; sentence: string }>(name: string, rows: R[], check: (r: R) => { ok: boolean; got: unknown }): void {
  let right = 0;
  const byRule = new Map<string, [number, number]>();
  for (const row of rows) {
    const { ok, got } = check(row);
    if (ok) right++;
    const r = byRule.get(row.rule) ?? [0, 0];
    byRule.set(row.rule, [r[0] + (ok ? 1 : 0), r[1] + 1]);
    if (!ok && showFailures) console.log(`  ✗ ${name} [${row.rule}] ${row.sentence}\n      got ${JSON.stringify(got)}`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
  console.log(`${name}: ${right}/${rows.length} right (${pct(right, rows.length)})`);
  for (const [rule, [a, b]] of byRule) console.log(`  ${rule.padEnd(14)} ${a}/${b}`);
}
score('numbers', NUMBER_ROWS, checkNumberRow);
score('dates', DATE_ROWS, checkDateRow);
