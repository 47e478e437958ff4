/** The title of an article object is part of the article: what it names counts, with spans that slice article.title. */
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/pipeline.ts';

const extractor = createExtractor({ language: 'ar' });
const meta = { source: 't.json', fallbackId: 't' };

describe('a separate title field', () => {
  const title = 'مقتل 12 شخصا في قصف على مدينة حلب';
  const text = 'قال المرصد السوري لحقوق الإنسان إن القصف استمر الأحد.';
  const doc = extractor.extract({ id: 't', title, text, published: '2019-05-12' }, meta);

  it('yields records from the title, each span marked field: "title" and slicing article.title', () => {
    const place = doc.places.find((p) => p.name === 'Aleppo');
    expect(place?.mentions).toEqual([{ start: title.indexOf('حلب'), end: title.indexOf('حلب') + 3, text: 'حلب', field: 'title' }]);
    expect(title.slice(place!.mentions[0]!.start, place!.mentions[0]!.end)).toBe('حلب');
  });

  it('keeps offsets of the text as they were, without field', () => {
    expect(doc.article.text).toBe(text);
    expect(doc.article.title).toBe(title);
    const date = doc.dates.find((d) => d.start === '2019-05-12');
    expect(date?.evidence[0]).toEqual({ start: text.indexOf('الأحد'), end: text.indexOf('الأحد') + 5, text: 'الأحد' });
    for (const table of ['actors', 'places', 'dates', 'statements', 'casualties'] as const) {
      for (const r of doc[table] as Array<{ evidence: Array<{ start: number; end: number; text: string; field?: string }> }>) {
        for (const e of r.evidence) expect((e.field === 'title' ? title : text).slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it('does not read a title twice when the text repeats it as its first line', () => {
    const again = extractor.extract({ id: 't', title, text: `${title}\n\n${text}`, published: '2019-05-12' }, meta);
    const aleppo = again.places.find((p) => p.name === 'Aleppo');
    expect(aleppo?.mentions).toEqual([{ start: title.indexOf('حلب'), end: title.indexOf('حلب') + 3, text: 'حلب' }]);
  });
});
