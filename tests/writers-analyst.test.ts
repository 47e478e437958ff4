/**
 * The analyst-facing outputs: csv/acled_view.csv (ACLED columns and spellings, conservative
 * fatalities), csv/datapackage.json (describes every table as written) and the review page
 * (escaping, overlapping spans, self-contained).
 */
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import type { Actor, Casualty, ExtractionDocument } from '../src/schema/index.ts';
import { ACLED_COLUMNS, acledCsvRows, acledHeader, acledRows, fatalities, interaction, interCode, sentenceAt } from '../src/writers/acled.ts';
import { dataPackage } from '../src/writers/datapackage.ts';
import { CSV_COLUMNS, CSV_TABLES } from '../src/writers/csv.ts';
import { escapeHtml, highlightText, toReviewHtml, toReviewIndexHtml, reviewIndexEntry } from '../src/writers/review.ts';
import { csvRecords, parseCsv } from './fixtures/csv-parse.ts';
import { sampleDocument } from './fixtures/sample-document.ts';
import { SEED_TEXT } from './fixtures/seed-page.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

const seedDoc = (): ExtractionDocument => createExtractor().extract({ text: SEED_TEXT }, { source: 'seed.txt', fallbackId: 'seed' });

const actor = (over: Partial<Actor>): Actor => ({
  id: 'act-9', rule: 'r', evidence: [{ start: 0, end: 1, text: 'x' }], kind: 'armed_forces', name: 'x', name_native: 'x',
  mentions: [{ start: 0, end: 1, text: 'x' }], title: null, title_en: null, country: null, sector: 'mil', affiliation: null, wikidata: null,
  ...over,
});

describe('acled_view', () => {
  it('writes the seed article\'s political-violence events in ACLED spellings', () => {
    const doc = seedDoc();
    const rows = acledRows(doc);
    expect(rows.length).toBe(doc.events.filter((e) => e.acled_event_type !== null && ['occurred', 'ongoing', 'alleged'].includes(e.status)).length);
    const battle = rows.find((r) => r.event_type === 'Battles')!;
    expect(battle).toMatchObject({
      disorder_type: 'Political violence', sub_event_type: 'Armed clash', inter1: 1, inter2: 8, interaction: 18,
      iso: 31, country: 'Azerbaijan', location: 'Nagorno-Karabakh', geo_precision: 3, source: 'Agence France-Presse',
      civilian_targeting: null, fatalities: 0, // the 1,250+ toll is cumulative: never an event's fatalities
    });
    const shelling = rows.find((r) => r.sub_event_type === 'Shelling/artillery/missile attack')!;
    expect(shelling).toMatchObject({
      event_type: 'Explosions/Remote violence', actor2: 'Civilians (Azerbaijan)', inter2: 7, interaction: 17,
      civilian_targeting: 'Civilian targeting', location: 'Shusha', admin1: 'Nagorno-Karabakh', time_precision: 1, year: 2020,
    });
    expect(shelling.notes).toBe(SEED_TEXT.split('\n').find((l) => l.includes('بقصف مناطق مدنية')));
  });

  it('counts only killed figures of scope event, the lowest per group, subsets left out', () => {
    const base = sampleDocument().casualties[0]!;
    const cas = (id: string, over: Partial<Casualty>): Casualty => ({ ...base, id, scope: 'event', ...over });
    const event = { ...sampleDocument().events[0]!, casualties: ['cas-1', 'cas-2', 'cas-3', 'cas-4', 'cas-5', 'cas-6'] };
    expect(fatalities(event, [cas('cas-1', { scope: 'cumulative', low: 1250 })])).toBe(0);
    expect(fatalities(event, [
      cas('cas-1', { low: 12 }), // "12 killed", one claimant
      cas('cas-2', { low: 10 }), // "10 killed", another: the lower counts
      cas('cas-3', { low: 3, subset_of: 'cas-1', group: 'children' }), // part of the total
      cas('cas-4', { low: 40, outcome: 'injured' }),
      cas('cas-5', { low: null, qualifier: 'vague' }),
      cas('cas-7', { low: 99 }), // not linked to this event
    ])).toBe(10);
    expect(fatalities(event, [cas('cas-1', { low: 3, group: 'civilians' }), cas('cas-2', { low: 2, group: 'security_forces' })])).toBe(5);
  });

  it('codes inter and interaction as ACLED does', () => {
    expect(interCode(actor({ country: 'AZE' }), 'AZE')).toBe(1);
    expect(interCode(actor({ country: 'ARM' }), 'AZE')).toBe(8); // state forces abroad: external
    expect(interCode(actor({ kind: 'armed_group', sector: 'reb' }), 'AZE')).toBe(2);
    expect(interCode(actor({ kind: 'armed_group', sector: null }), 'AZE')).toBe(3);
    expect(interCode(actor({ kind: 'population', sector: 'cvl' }), 'AZE')).toBe(7);
    expect(interCode(actor({ kind: 'organization', sector: 'igo' }), 'AZE')).toBe(8);
    expect([interaction(8, 1), interaction(2, null), interaction(null, null)]).toEqual([18, 20, null]);
  });

  it('keeps the formula guard and the column order', () => {
    expect(parseCsv(acledHeader())[0]).toEqual([...ACLED_COLUMNS]);
    const doc = sampleDocument();
    const text = doc.article.text;
    const row = csvRecords(acledHeader() + acledCsvRows({ ...doc, article: { ...doc.article, outlet: '=HYPERLINK("x")' } }))[0]!;
    expect(row['source']).toBe(`'=HYPERLINK("x"); Agence France-Presse`);
    expect(row['latitude']).toBe('-3.5'); // numbers are never guarded
    expect(row['notes']).toBe(sentenceAt(text, text.indexOf('وقتل')));
  });
});

describe('datapackage.json', () => {
  it('describes every CSV table, column for column, with keys', () => {
    const pkg = dataPackage({ bom: true }) as { profile: string; resources: Array<Record<string, any>> };
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => r['name'])).toEqual([...CSV_TABLES, 'acled_view']);
    for (const resource of pkg.resources) {
      expect(resource).toMatchObject({ profile: 'tabular-data-resource', encoding: 'utf-8-sig', path: `${resource['name']}.csv` });
      const names = resource['schema'].fields.map((f: { name: string }) => f.name);
      expect(names).toEqual(resource['name'] === 'acled_view' ? [...ACLED_COLUMNS] : [...CSV_COLUMNS[resource['name'] as keyof typeof CSV_COLUMNS]]);
      for (const f of resource['schema'].fields) expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(f.type);
      if (resource['name'] !== 'articles' && resource['name'] !== 'acled_view') {
        expect(resource['schema'].primaryKey).toEqual(['article_id', 'id']);
        expect(resource['schema'].foreignKeys).toEqual([{ fields: ['article_id'], reference: { resource: 'articles', fields: ['id'] } }]);
      }
    }
    const casualties = pkg.resources.find((r) => r['name'] === 'casualties')!['schema'].fields as Array<Record<string, unknown>>;
    expect(casualties.find((f) => f['name'] === 'low')).toMatchObject({ type: 'integer' });
    expect(casualties.find((f) => f['name'] === 'as_of')).toMatchObject({ type: 'date' });
    expect(casualties.find((f) => f['name'] === 'partial')).toMatchObject({ type: 'boolean' });
    expect(casualties.find((f) => f['name'] === 'number_text')).toMatchObject({ type: 'string', description: 'the figure as written' });
    expect(casualties.find((f) => f['name'] === 'outcome')).toMatchObject({ constraints: { enum: ['killed', 'injured', 'missing', 'detained', 'abducted', 'displaced'] } });
    expect((dataPackage({ bom: false }) as { resources: Array<{ encoding: string }> }).resources.every((r) => r.encoding === 'utf-8')).toBe(true);
  });
});

describe('CLI: the new CSV files', () => {
  let tree: TempTree;
  beforeEach(() => {
    tree = tempTree();
  });
  afterEach(() => tree.remove());

  it('writes acled_view.csv and datapackage.json with the tables, with and without BOM, byte-identical on rerun', async () => {
    tree.write({ 'in/seed.txt': SEED_TEXT });
    const run = (out: string, ...extra: string[]): Promise<number> =>
      main(['extract', 'in', '--out', out, '--format', 'csv', '-q', ...extra], { cwd: tree.root, extractor: createExtractor() });
    expect(await run('bom')).toBe(0);
    expect(await run('plain', '--no-bom')).toBe(0);
    expect(await run('again')).toBe(0);
    expect(readdirSync(tree.path('bom/csv')).sort()).toEqual([...CSV_TABLES.map((t) => `${t}.csv`), 'acled_view.csv', 'datapackage.json'].sort());
    expect(tree.read('bom/csv/acled_view.csv').startsWith(`\uFEFF${ACLED_COLUMNS.join(',')}\n`)).toBe(true);
    expect(tree.read('plain/csv/acled_view.csv').startsWith(`${ACLED_COLUMNS.join(',')}\n`)).toBe(true);
    expect(JSON.parse(tree.read('bom/csv/datapackage.json')).resources[0].encoding).toBe('utf-8-sig');
    expect(JSON.parse(tree.read('plain/csv/datapackage.json')).resources[0].encoding).toBe('utf-8');
    expect(tree.snapshot('again/csv')).toEqual(tree.snapshot('bom/csv'));
    expect(csvRecords(tree.read('bom/csv/acled_view.csv')).length).toBeGreaterThan(0);
    // every table the package lists exists, and its header is the package's field list
    const pkg = JSON.parse(tree.read('bom/csv/datapackage.json')) as { resources: Array<{ path: string; schema: { fields: Array<{ name: string }> } }> };
    for (const r of pkg.resources) expect(parseCsv(tree.read(`bom/csv/${r.path}`).replace(/^\uFEFF/u, ''))[0]).toEqual(r.schema.fields.map((f) => f.name));
  });
});

describe('review page', () => {
  it('splits overlapping and nested spans into pieces carrying every covering record', () => {
    const text = 'abcdefgh';
    const html = highlightText(text, [
      { start: 0, end: 6, type: 'statements', record: 'stm-1' },
      { start: 2, end: 4, type: 'actors', record: 'act-1' },
      { start: 3, end: 8, type: 'places', record: 'plc-2' },
    ]);
    const pieces = [...html.matchAll(/<mark class="([^"]+)" data-records="([^"]+)"[^>]*>([^<]*)<\/mark>/gu)].map((m) => [m[3], m[1], m[2]]);
    expect(pieces).toEqual([
      ['ab', 'ev ev-statements', 'stm-1'],
      ['c', 'ev ev-actors ev-statements', 'act-1 stm-1'],
      ['d', 'ev ev-actors ev-places ev-statements', 'act-1 plc-2 stm-1'],
      ['ef', 'ev ev-places ev-statements', 'plc-2 stm-1'],
      ['gh', 'ev ev-places', 'plc-2'],
    ]);
    expect(html.replace(/<[^>]+>/gu, '')).toBe(text);
  });

  it('escapes the text, titles and record values', () => {
    const doc = sampleDocument({ text: '<script>alert(1)</script> & "q"\nقالت وزارة الدفاع الأذربيجانية إن "-القصف مستمر" في ستيباناكيرت.\nوقتل أكثر من 1250 شخصاً بحسب أرقام جزئية. وباءت بالفشل ثلاث محاولات لعقد هدنة إنسانية.\nأ ف ب' });
    const html = toReviewHtml({ ...doc, article: { ...doc.article, title: '<img src=x onerror=alert(1)>' } });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is self-contained: one inline style and script, no external URL, RTL for Arabic, a mark per evidence', () => {
    const doc = seedDoc();
    const html = toReviewHtml(doc);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/u);
    expect(html).not.toMatch(/<link\b|<img\b|\bsrc=|url\(|@import|https?:\/\/(?!news\.example)/u);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif');
    for (const c of doc.casualties) expect(html).toContain(`data-record="${c.id}"`);
    for (const id of [...doc.actors, ...doc.dates, ...doc.events, ...doc.ceasefires].map((r) => r.id)) expect(html).toMatch(new RegExp(`data-records="[^"]*\\b${id}\\b`, 'u'));
    expect(toReviewHtml(doc)).toBe(html);
  });

  it('indexes the articles in input order, the order of the CSV rows', () => {
    const a = reviewIndexEntry(sampleDocument({ id: 'b' }));
    const b = reviewIndexEntry(sampleDocument({ id: 'a' }));
    const html = toReviewIndexHtml([a, b]);
    expect(html.indexOf('href="b.html"')).toBeLessThan(html.indexOf('href="a.html"'));
    expect(html).toContain('<p class="meta">2 articles</p>');
    expect(html.endsWith('</tr>\n</tbody>\n</table>\n</main>\n</body>\n</html>\n')).toBe(true);
    expect(escapeHtml(`<&"'>`)).toBe('&lt;&amp;&quot;&#39;&gt;');
  });
});
