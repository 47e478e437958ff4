import { describe, expect, it } from 'vitest';
import { extract } from '../../index.ts';
import { loadPack } from '../../packs/pack.ts';
import { SourceText } from '../../core/source-text.ts';
import { utcDate } from '../../core/calendar.ts';
import { isDateLine, readDateLine } from './ingest.ts';

const page = (lines: string[]) => lines.join('\n');
const ex = (text: string, extra: Record<string, string> = {}) => extract({ text, ...extra }, { source: 't.txt', fallbackId: 't' }).article;

describe('ingest', () => {
  it('reads title, subtitle, date line, caption credit and the wire credit', () => {
    const a = ex(page([
      'عنوان الخبر',
      'ملخص الخبر في سطر',
      '+ الخط -',
      '15 مارس 2021',
      'صورة من المدينة (أحمد علي/ رويترز)',
      'قال الجيش إن المعارك توقفت.',
      '(فرانس برس)',
      'المساهمون',
    ]));
    expect(a).toMatchObject({ title: 'عنوان الخبر', subtitle: 'ملخص الخبر في سطر', published: '2021-03-15', published_text: '15 مارس 2021', caption: 'صورة من المدينة' });
    expect(a.agency).toMatchObject({ code: 'AFP' });
    expect(a.credits).toEqual([{ person: 'أحمد علي', organization: 'رويترز', evidence: [expect.objectContaining({ text: '(أحمد علي/ رويترز)' })] }]);
  });

  it('finds a wire credit inside the first paragraph', () => {
    const a = ex(page(['عنوان', 'بغداد (أ ف ب) - قال الجيش إن المعارك توقفت.']));
    expect(a.agency?.code).toBe('AFP');
    expect(a.agency?.evidence[0]?.text).toBe('(أ ف ب)');
  });

  it('uses the published field when given, in any common form', () => {
    expect(ex('نص', { published: '2020-11-01T08:00:00Z' }).published).toBe('2020-11-01');
    expect(ex('نص', { published: '1 نوفمبر 2020' }).published).toBe('2020-11-01');
  });

  it('keeps the time of day of a published timestamp in published_at; published stays the day', () => {
    expect(ex('نص', { published: '2016-12-19T20:00:06Z' })).toMatchObject({ published: '2016-12-19', published_at: '2016-12-19T20:00:06Z' });
    expect(ex('نص', { published: '2020-11-01' })).toMatchObject({ published: '2020-11-01', published_at: null });
    expect(ex('نص', { published: '1 نوفمبر 2020' }).published_at).toBeNull();
    expect(ex('نص').published_at).toBeNull();
  });

  it('says why published is null', () => {
    const a = ex('نص بلا تاريخ', { published: 'غير معروف' });
    expect(a.published).toBeNull();
    expect(a.published_reason).toMatch(/could not read a date/u);
    expect(ex('عنوان\nنص بلا تاريخ').published_reason).toBe('no publication date given and no date line found');
  });

  it('a first paragraph that merely mentions a date is not a date line', () => {
    const a = ex(page(['عنوان', 'قتل 20 شخصا في هجوم وقع في 10 مارس 2021 على قرية في شمال البلاد، وفق ما أفاد مسؤولون محليون.']));
    expect(a.published).toBeNull();
  });

  describe('a .json article with a title and published: the first line is body unless it echoes that date', () => {
    const json = (text: string) => extract({ text, title: 'عنوان الخبر', published: '2016-05-25' }, { source: 't.json', fallbackId: 't' });
    it.each([
      ['قتل 5 أشخاص في 22 نيسان/أبريل 2016', '22 نيسان/أبريل 2016', '2016-04-22'],
      ['قتل 5 أشخاص في 22.04.2016', '22.04.2016', '2016-04-22'],
      ['اشتباكات عنيفة في المدينة يوم 25 مايو 2016', '25 مايو 2016', '2016-05-25'],
    ])('%s is body', (text, written, start) => {
      const doc = json(text);
      expect(doc.article.published).toBe('2016-05-25');
      expect(doc.dates.map((d) => ({ text: d.text, start: d.start, at: d.evidence[0]!.start }))).toEqual([{ text: written, start, at: text.indexOf(written) }]);
    });
    it.each([
      ['25 مايو 2016\nقتل 5 أشخاص في الهجوم.', '25 مايو 2016'],
      ['الأربعاء 25 مايو 2016\nقتل 5 أشخاص في الهجوم.', 'الأربعاء 25 مايو 2016'],
      ['نشر في: 24 مايو 2016 - 23:10\nقتل 5 أشخاص في الهجوم.', '24 مايو 2016'],
    ])('%s: a date line echoing published stays a date line (and its date is listed)', (text, written) => {
      const doc = json(text);
      expect(doc.dates.map((d) => ({ text: d.text, at: d.evidence[0]!.start }))).toEqual([{ text: written, at: text.indexOf(written) }]);
      expect(doc.casualties.map((c) => c.number_text)).toEqual(['5']);
    });
  });

  describe('which lines are date lines', () => {
    const pack = loadPack('ar');
    const line = (text: string) => readDateLine(pack, new SourceText(text).folded);
    const published = utcDate(2016, 5, 25)!;
    it.each([
      ['25 مايو 2016', null, true],
      ['الأربعاء 25 مايو 2016', null, true],
      ['2016/05/25', null, true],
      ['آخر تحديث: 25 مايو 2016 - 10:30 ص', null, true],
      ['25 مايو 2016', published, true],
      ['24 مايو 2016 - 23:10', published, true],
      // a short sentence holding a full date is body
      ['قتل 5 أشخاص في 22 أبريل 2016', null, false],
      ['قتل 5 أشخاص في 25 مايو 2016', published, false],
      // a date line that is not the given publication date is body text
      ['22 أبريل 2016', published, false],
    ] as const)('%s (published %s) → %s', (text, pub, want) => {
      expect(isDateLine(line(text), pub)).toBe(want);
    });
  });
});
