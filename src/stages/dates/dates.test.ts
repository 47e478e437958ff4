import { describe, expect, it } from 'vitest';
import { run } from '../test-helpers.ts';

const dates = (text: string, published: string | null = '2020-11-01') =>
  run(text, published).dates.map((d) => ({ text: d.text, kind: d.kind, start: d.start, end: d.end, precision: d.precision }));

describe('dates (published Sunday 2020-11-01)', () => {
  it.each([
    ['قال الأحد إن', 'الأحد', 'weekday', '2020-11-01', '2020-11-01', 'day'],
    ['قال يوم السبت إن', 'يوم السبت', 'weekday', '2020-10-31', '2020-10-31', 'day'],
    ['وصل الجمعة', 'الجمعة', 'weekday', '2020-10-30', '2020-10-30', 'day'],
    ['يصل الاثنين المقبل', 'الاثنين المقبل', 'weekday', '2020-11-02', '2020-11-02', 'day'],
    ['قال اليوم', 'اليوم', 'relative_day', '2020-11-01', '2020-11-01', 'day'],
    ['قال أمس', 'أمس', 'relative_day', '2020-10-31', '2020-10-31', 'day'],
    ['قال أول أمس', 'أول أمس', 'relative_day', '2020-10-30', '2020-10-30', 'day'],
    ['يصل غدا', 'غدا', 'relative_day', '2020-11-02', '2020-11-02', 'day'],
    ['الأسبوع الماضي', 'الأسبوع الماضي', 'relative_period', '2020-10-19', '2020-10-25', 'week'],
    ['الشهر الماضي', 'الشهر الماضي', 'relative_period', '2020-10-01', '2020-10-31', 'month'],
    ['منذ 27 سبتمبر/ أيلول', 'منذ 27 سبتمبر/ أيلول', 'since', '2020-09-27', '2020-11-01', 'day'],
    ['منذ 27 أيلول/سبتمبر', 'منذ 27 أيلول/سبتمبر', 'since', '2020-09-27', '2020-11-01', 'day'],
    ['وقع الهجوم على القرية في 10 مارس (آذار) 2019', '10 مارس (آذار) 2019', 'absolute', '2019-03-10', '2019-03-10', 'day'],
    ['في 5 شتنبر', '5 شتنبر', 'absolute', '2020-09-05', '2020-09-05', 'day'],
    ['في 3 نونبر', '3 نونبر', 'absolute', '2019-11-03', '2019-11-03', 'day'], // no year: the most recent before publication
    ['وقع الهجوم على القرية في 12 جانفي 2021', '12 جانفي 2021', 'absolute', '2021-01-12', '2021-01-12', 'day'],
    ['في الـ10 من تشرين الأول', 'الـ10 من تشرين الأول', 'absolute', '2020-10-10', '2020-10-10', 'day'],
    ['وقع الهجوم على القرية في كانون الثاني 2020', 'كانون الثاني 2020', 'month', '2020-01-01', '2020-01-31', 'month'],
    ['منذ عام 2014', 'عام 2014', 'year', '2014-01-01', '2014-12-31', 'year'],
    ['وقع الهجوم على القرية في 15 ربيع الأول 1442 هـ', '15 ربيع الأول 1442 هـ', 'absolute', '2020-11-01', '2020-11-01', 'day'],
    ['فجر الاثنين', 'فجر الاثنين', 'part_of_day', '2020-10-26', '2020-10-26', 'day'],
    ['مساء أمس', 'مساء أمس', 'part_of_day', '2020-10-31', '2020-10-31', 'day'],
    ['ليل السبت الأحد', 'ليل السبت الأحد', 'part_of_day', '2020-10-31', '2020-11-01', 'day'],
    ['وقع الهجوم على القرية في 2020-10-05', '2020-10-05', 'absolute', '2020-10-05', '2020-10-05', 'day'],
  ])('%s', (text, written, kind, start, end, precision) => {
    expect(dates(text)).toEqual([{ text: written, kind, start, end, precision }]);
  });

  it.each([['رجب طيب أردوغان'], ['قال إن مارس الضغط'], ['الجيش في 2020 قتيل'.slice(0, 8)], ['يوم حزين']])('%s has no date', (text) => {
    expect(dates(text)).toEqual([]);
  });

  it('explains a weekday it cannot anchor', () => {
    const d = run('قال الأحد', null).dates[0]!;
    expect(d).toMatchObject({ start: null, date_reason: 'no publication date to anchor the weekday' });
  });

  it('flags a weekday equal to the publication weekday', () => {
    expect(run('الأحد').dates[0]!.ambiguity).toBe('weekday_is_publication_weekday');
    expect(run('السبت').dates[0]!.ambiguity).toBeNull();
  });
});
