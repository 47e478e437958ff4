import { describe, expect, it } from 'vitest';
import { ArticleSchema, RECORD_SCHEMAS } from '../src/schema/index.ts';
import { CSV_BOM, CSV_COLUMNS, CSV_TABLES, csvHeader, csvRows, formatCell, toCsvTables } from '../src/writers/csv.ts';
import { csvRecords, parseCsv } from './fixtures/csv-parse.ts';
import { SAMPLE_TEXT, sampleDocument } from './fixtures/sample-document.ts';

const tables = toCsvTables(sampleDocument(), { bom: true });
const only = (table: keyof typeof tables): Record<string, string> => {
  const rows = csvRecords(tables[table]);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe('CSV columns', () => {
  it('has the eight tables of the codebook, in its order', () => {
    expect(CSV_TABLES).toEqual(['articles', 'actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires']);
  });

  it('leads every table with article_id and id', () => {
    for (const t of CSV_TABLES) expect(CSV_COLUMNS[t].slice(0, 2)).toEqual(['article_id', 'id']);
  });

  it('flattens the article: agency name and code, credits, the text kept', () => {
    expect(CSV_COLUMNS.articles).toEqual([
      'article_id', 'id', 'source', 'language', 'title', 'subtitle', 'published', 'published_at', 'published_text', 'published_reason',
      'outlet', 'url', 'agency_name', 'agency_code', 'credits', 'caption', 'text', 'text_sha256',
    ]);
  });

  it('spells the casualties table out field by field (the contract users import)', () => {
    expect(CSV_COLUMNS.casualties).toEqual([
      'article_id', 'id', 'outcome', 'number_text', 'qualifier', 'low', 'best', 'high', 'display', 'group', 'group_text',
      'side', 'subset_of', 'scope', 'period_start', 'as_of', 'claimant', 'partial', 'may_be_higher', 'rule',
      'evidence_start', 'evidence_end', 'evidence_text', 'evidence_field', 'evidence_count',
    ]);
  });

  it('follows the schemas: every field is a column or flattened into columns', () => {
    const flattened = (field: string, columns: readonly string[]): boolean =>
      columns.includes(field) || columns.some((c) => c.startsWith(`${field}_`));
    for (const field of Object.keys(ArticleSchema.shape)) expect(flattened(field, CSV_COLUMNS.articles), field).toBe(true);
    for (const [table, schema] of Object.entries(RECORD_SCHEMAS)) {
      const columns = CSV_COLUMNS[table as keyof typeof RECORD_SCHEMAS];
      for (const field of Object.keys(schema.shape)) expect(flattened(field, columns), `${table}.${field}`).toBe(true);
    }
  });

  it('writes the header even for an empty table', () => {
    expect(tables.dates).toBe(`${CSV_BOM}${CSV_COLUMNS.dates.join(',')}\n`);
    expect(csvRows(sampleDocument(), 'dates')).toBe('');
  });
});

describe('CSV cells', () => {
  it('guards text that a spreadsheet would run as a formula', () => {
    expect(formatCell('=1+1')).toBe("'=1+1");
    expect(formatCell('+33 1')).toBe("'+33 1");
    expect(formatCell('-القصف')).toBe("'-القصف");
    expect(formatCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCell('\tx')).toBe("'\tx");
    expect(formatCell('\rx')).toBe("'\rx");
    expect(formatCell('a=b')).toBe('a=b');
  });

  it('never guards numbers, spells booleans out and leaves null empty', () => {
    expect(formatCell(-3.5)).toBe('-3.5');
    expect(formatCell(0)).toBe('0');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(false)).toBe('false');
    expect(formatCell(null)).toBe('');
  });

  it('applies the guard in real rows but keeps negative coordinates numeric', () => {
    expect(only('articles')['title']).toBe("'=عنوان الخبر");
    expect(only('places')['lat']).toBe('-3.5');
    expect(only('places')['lon']).toBe('46.75');
    expect(only('statements')['quotes']).toBe("'-القصف مستمر; on");
  });
});

describe('CSV rows', () => {
  it('starts each file with a BOM by default and omits it on request', () => {
    expect(tables.articles.startsWith(`\uFEFFarticle_id,id,`)).toBe(true);
    const plain = toCsvTables(sampleDocument(), { bom: false });
    expect(plain.articles.startsWith('article_id,id,')).toBe(true);
    expect(csvHeader('articles').startsWith('\uFEFF')).toBe(false);
  });

  it('keeps the article text whole, with newlines, in one cell', () => {
    const row = only('articles');
    expect(row['article_id']).toBe('sample');
    expect(row['id']).toBe('sample');
    expect(row['text']).toBe(`'${SAMPLE_TEXT}`); // the sample text itself starts with '='
    expect(row['agency_name']).toBe('Agence France-Presse');
    expect(row['agency_code']).toBe('AFP');
    expect(row['credits']).toBe('Karen Minasyan / AFP; Reuters');
    expect(row['subtitle']).toBe('');
    expect(row['published']).toBe('2020-11-01');
  });

  it('gives the first evidence span and the number of spans', () => {
    const cas = only('casualties');
    expect(cas).toMatchObject({
      article_id: 'sample', id: 'cas-1', evidence_text: 'أكثر من 1250 شخصاً', evidence_count: '2',
      low: '1250', best: '1250', high: '', display: '1,250+', partial: 'true', may_be_higher: 'false',
    });
    expect(SAMPLE_TEXT.slice(Number(cas['evidence_start']), Number(cas['evidence_end']))).toBe(cas['evidence_text']);
  });

  it('joins lists with "; " and mentions by their (distinct) text', () => {
    expect(only('events')).toMatchObject({ places: 'plc-1', casualties: 'cas-1', civilian_targeting: 'false', actor2: '' });
    expect(only('ceasefires')).toMatchObject({ parties: 'act-1', mediators: '', attempts: '3' });
    expect(only('actors')['mentions']).toBe('وزارة الدفاع الأذربيجانية');
  });

  it('labels every record row with its article id', () => {
    const doc = sampleDocument({ id: 'other-article' });
    for (const t of CSV_TABLES) {
      for (const row of parseCsv(csvRows(doc, t))) expect(row[0]).toBe('other-article');
    }
  });
});
