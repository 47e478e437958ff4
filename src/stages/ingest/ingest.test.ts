import { describe, expect, it } from 'vitest';
import { extract } from '../../index.ts';

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
});
