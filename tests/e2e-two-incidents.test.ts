/**
 * End to end (issue 17): an article with two incidents in two countries, the second told with a
 * definite "الهجوم". Each is its own event with its own place, day and toll, and each is its own
 * row of csv/acled_view.csv with the fatalities linked to it. The article is our own composition.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import { csvRecords } from './fixtures/csv-parse.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

const FILE = 'tests/fixtures/articles/ar-two-incidents-2024-06-15.txt';

describe('two incidents in two countries', () => {
  let tree: TempTree;
  beforeEach(() => {
    tree = tempTree();
  });
  afterEach(() => tree.remove());

  it('gives two rows of acled_view.csv, each with its own place, day and fatalities', async () => {
    tree.write({ 'in/ar-two-incidents-2024-06-15.txt': readFileSync(FILE, 'utf8') });
    expect(await main(['extract', 'in', '--out', 'out', '--format', 'json,csv', '-q'], { cwd: tree.root, extractor: createExtractor() })).toBe(0);
    const rows = csvRecords(tree.read('out/csv/acled_view.csv'));
    expect(rows.map((r) => [r['event_date'], r['event_type'], r['sub_event_type'], r['country'], r['location'], r['fatalities'], r['civilian_targeting']])).toEqual([
      ['2024-06-13', 'Violence against civilians', 'Attack', 'Sudan', 'Darfur', '4', 'Civilian targeting'],
      ['2024-06-14', 'Violence against civilians', 'Attack', 'Libya', 'Tripoli', '7', ''],
    ]);
    expect(rows[0]!['notes']).toBe('هاجم مسلحون قرية في إقليم دارفور غرب السودان يوم الخميس، ما أسفر عن مقتل 4 مدنيين على الأقل، بحسب شهود عيان.');
    expect(rows[1]!['notes']).toBe('وفي ليبيا، قتل 7 أشخاص في الهجوم على مطار معيتيقة في طرابلس الجمعة، وأصيب 12 آخرون.');

    // the document: the Tripoli attack gathers its later mentions and both its tolls; the
    // Darfur attack keeps its own
    const doc = JSON.parse(tree.read('out/json/ar-two-incidents-2024-06-15.json')) as import('../src/schema/index.ts').ExtractionDocument;
    const toll = (ids: string[]) => ids.map((id) => doc.casualties.find((c) => c.id === id)!).map((c) => [c.outcome, c.low, c.evidence[0]!.text]);
    expect(doc.events.map((e) => [e.trigger, e.evidence.map((x) => x.text), toll(e.casualties)])).toEqual([
      ['هاجم', ['هاجم', 'يوم الخميس'], [['killed', 4, 'مقتل 4 مدنيين على الأقل']]],
      ['الهجوم', ['الهجوم', 'الجمعة', 'الهجوم', 'استهدف'], [['killed', 7, 'قتل 7 أشخاص'], ['injured', 12, 'أصيب 12']]],
    ]);
    for (const e of doc.events) for (const ev of e.evidence) expect(doc.article.text.slice(ev.start, ev.end)).toBe(ev.text);
  });
});
