/** The eval figures as a Markdown table (docs/accuracy.md). */
import { CATEGORIES, type Report } from './score.ts';

const f2 = (x: number): string => x.toFixed(2);

export function accuracyTable(report: Report): string {
  const rows = ['| category | precision | recall | F1 | tp | fp | fn |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const c of CATEGORIES) {
    const f = report.categories[c];
    rows.push(`| ${c} | ${f2(f.precision)} | ${f2(f.recall)} | ${f2(f.f1)} | ${f.tp} | ${f.fp} | ${f.fn} |`);
  }
  rows.push(`| **macro F1** (six categories) | | | **${report.macro_f1.toFixed(3)}** | | | |`);
  rows.push(`| quotes (recall) | | ${f2(report.quotes.recall)} | | ${report.quotes.found} of ${report.quotes.total} | | |`);
  rows.push(`| casualty qualifier (accuracy) | | | ${f2(report.qualifier.accuracy)} | ${report.qualifier.equal} of ${report.qualifier.total} | | |`);
  return `${rows.join('\n')}\n\n${report.articles} articles.\n`;
}
