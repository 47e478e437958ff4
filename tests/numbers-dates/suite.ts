/**
 * Numbers and dates in casualty and date sentences, run through the full extract(): the table the
 * harness (scripts/numbers-dates-suite.ts) scores and tests/numbers-dates.test.ts asserts row by row.
 *
 * Rows are written from the failure classes of issue 11 and the codebook's number and date rules
 * (../shared/CODEBOOK.md, ../shared/corpus/README.md), not from any article or test suite.
 * Default publication date: Wednesday 2016-05-25.
 */
import { extract } from '../../src/index.ts';

export const PUBLISHED = '2016-05-25';

/** A casualty figure: the written number and its codebook reading; null = no casualty record. */
export interface Figure {
  text: string;
  qualifier: 'exact' | 'at_least' | 'more_than' | 'about' | 'at_most' | 'range' | 'vague';
  value: number;
  high?: number;
}

export interface NumberRow {
  rule: string;
  sentence: string;
  figures: Figure[];
}

/** A date as listed: its evidence text, start, end and precision. */
export interface DateRow {
  rule: string;
  sentence: string;
  published?: string | null;
  dates: Array<{ text: string; start: string; end?: string; precision?: 'day' | 'week' | 'month' | 'year' }>;
}

const f = (text: string, value: number, qualifier: Figure['qualifier'] = 'exact', high?: number): Figure =>
  high === undefined ? { text, value, qualifier } : { text, value, qualifier, high };

export const NUMBER_ROWS: NumberRow[] = [
  // compounds, with the conjunction joined or free-standing
  { rule: 'compound', sentence: 'قتل اثنان و خمسون شخصا في الهجوم', figures: [f('اثنان و خمسون', 52)] },
  { rule: 'compound', sentence: 'قتل اثنان وخمسون شخصا في الهجوم', figures: [f('اثنان وخمسون', 52)] },
  { rule: 'compound', sentence: 'قتل مائة و ستون شخصا في القصف', figures: [f('مائة و ستون', 160)] },
  { rule: 'compound', sentence: 'قتل مئة وستون شخصا في القصف', figures: [f('مئة وستون', 160)] },
  { rule: 'compound', sentence: 'نزح ثلاثة آلاف وخمسمائة شخص من المدينة', figures: [f('ثلاثة آلاف وخمسمائة', 3500)] },
  { rule: 'compound', sentence: 'نزح ثلاثة آلاف و خمسمائة و عشرون شخصا', figures: [f('ثلاثة آلاف و خمسمائة و عشرون', 3520)] },
  { rule: 'compound', sentence: 'قتل خمسة و عشرون جنديا في المعارك', figures: [f('خمسة و عشرون', 25)] },
  { rule: 'compound', sentence: 'أصيب مئتان و ثلاثة أشخاص بجروح', figures: [f('مئتان و ثلاثة', 203)] },
  { rule: 'compound', sentence: 'قتل ألف و مائتا شخص منذ بدء الحرب', figures: [f('ألف و مائتا', 1200)] },
  // spellings
  { rule: 'spelling', sentence: 'قتل ثلاثمائة شخص في المعارك', figures: [f('ثلاثمائة', 300)] },
  { rule: 'spelling', sentence: 'قتل ثلاثمئة شخص في المعارك', figures: [f('ثلاثمئة', 300)] },
  { rule: 'spelling', sentence: 'نزح ثمانمئة شخص من القرية', figures: [f('ثمانمئة', 800)] },
  { rule: 'spelling', sentence: 'اعتقل ألفين شخص خلال الحملة', figures: [f('ألفين', 2000)] },
  { rule: 'spelling', sentence: 'قتل مائة مدني في الغارة', figures: [f('مائة', 100)] },
  { rule: 'spelling', sentence: 'قتل تسعة عشر جنديا في الكمين', figures: [f('تسعة عشر', 19)] },
  // singular and dual counted nouns
  { rule: 'counted-noun', sentence: 'قتل جنديان في الهجوم', figures: [f('جنديان', 2)] },
  { rule: 'counted-noun', sentence: 'أعلن الجيش مقتل جندي في الهجوم', figures: [f('جندي', 1)] },
  // dozens
  { rule: 'dozen', sentence: 'قتل دزينة من الجنود في الكمين', figures: [f('دزينة', 12)] },
  { rule: 'dozen', sentence: 'قتل دزينات المدنيين في القصف', figures: [f('دزينات', 12, 'vague')] },
  // digit groups
  { rule: 'digits', sentence: 'نزح ١،٢٣٤،٥٦٧ شخصا من المنطقة', figures: [f('١،٢٣٤،٥٦٧', 1234567)] },
  { rule: 'digits', sentence: 'قتل 1,250 شخصا في المعارك', figures: [f('1,250', 1250)] },
  { rule: 'digits', sentence: 'قتل 1.250 شخصا في المعارك', figures: [f('1.250', 1250)] },
  { rule: 'digits', sentence: 'قتل ١٬٢٥٠ شخصا في المعارك', figures: [f('١٬٢٥٠', 1250)] },
  { rule: 'digits', sentence: 'قتل 1 250 شخصا في المعارك', figures: [f('1 250', 1250)] },
  { rule: 'digits', sentence: 'نزح 12 345 678 شخصا من البلاد', figures: [f('12 345 678', 12345678)] },
  { rule: 'digits', sentence: 'قتل ١٢٥٠ شخصا في المعارك', figures: [f('١٢٥٠', 1250)] },
  { rule: 'digits', sentence: 'نزح 1.5 مليون شخص من البلاد', figures: [f('1.5 مليون', 1500000)] },
  { rule: 'digits', sentence: 'نزح 2٫5 مليون شخص من البلاد', figures: [f('2٫5 مليون', 2500000)] },
  { rule: 'digits', sentence: 'قتل 3 آلاف شخص في المعارك', figures: [f('3 آلاف', 3000)] },
  // qualifiers and ranges
  { rule: 'qualifier', sentence: 'قتل أكثر من 20 شخصا في الهجوم', figures: [f('أكثر من 20', 20, 'more_than')] },
  { rule: 'qualifier', sentence: 'قتل 20 شخصا على الأقل في الهجوم', figures: [f('20', 20, 'at_least')] },
  { rule: 'qualifier', sentence: 'قتل ما لا يقل عن 50 شخصا في الهجوم', figures: [f('ما لا يقل عن 50', 50, 'at_least')] },
  { rule: 'qualifier', sentence: 'قتل نحو 30 شخصا في الهجوم', figures: [f('نحو 30', 30, 'about')] },
  { rule: 'qualifier', sentence: 'قتل حوالي خمسين شخصا في الهجوم', figures: [f('حوالي خمسين', 50, 'about')] },
  { rule: 'qualifier', sentence: 'قتل قرابة 40 شخصا في الهجوم', figures: [f('قرابة 40', 40, 'at_most')] },
  { rule: 'qualifier', sentence: 'قتل ما بين 10 و 15 شخصا في الهجوم', figures: [f('ما بين 10 و 15', 10, 'range', 15)] },
  { rule: 'qualifier', sentence: 'قتل بين 10 إلى 15 شخصا في الهجوم', figures: [f('بين 10 إلى 15', 10, 'range', 15)] },
  { rule: 'qualifier', sentence: 'قتل ما بين عشرة و عشرين شخصا في الهجوم', figures: [f('ما بين عشرة و عشرين', 10, 'range', 20)] },
  { rule: 'qualifier', sentence: 'قتل أكثر من اثنين و ثلاثين شخصا في الهجوم', figures: [f('أكثر من اثنين و ثلاثين', 32, 'more_than')] },
  { rule: 'vague', sentence: 'قتل عشرات الأشخاص في القصف', figures: [f('عشرات', 10, 'vague')] },
  { rule: 'vague', sentence: 'نزح عشرات الآلاف من السكان', figures: [f('عشرات الآلاف', 10000, 'vague')] },
  // no figure: negation and zero
  { rule: 'no-figure', sentence: 'لم يقتل أي واحد في الهجوم', figures: [] },
  { rule: 'no-figure', sentence: 'لم يسفر الهجوم عن سقوط قتلى', figures: [] },
  { rule: 'no-figure', sentence: 'لم يصب أي شخص في الانفجار', figures: [] },
  { rule: 'no-figure', sentence: 'لم يقتل أحد في الهجوم', figures: [] },
  { rule: 'compound', sentence: 'قتل تسعة و ثلاثون شخصا في الانفجار', figures: [f('تسعة و ثلاثون', 39)] },
  { rule: 'compound', sentence: 'قتل أربعمائة و اثنا عشر مسلحا', figures: [f('أربعمائة و اثنا عشر', 412)] },
  { rule: 'compound', sentence: 'نزح عشرة آلاف و خمسمائة شخص', figures: [f('عشرة آلاف و خمسمائة', 10500)] },
  { rule: 'qualifier', sentence: 'قتل ما يزيد على مائة و عشرين شخصا', figures: [f('ما يزيد على مائة و عشرين', 120, 'more_than')] },
  { rule: 'qualifier', sentence: 'قتل ما يقرب من مئة شخص', figures: [f('ما يقرب من مئة', 100, 'at_most')] },
  { rule: 'dozen', sentence: 'قتل ثلاث دزينات من المسلحين', figures: [f('ثلاث دزينات', 36)] },
  { rule: 'dozen', sentence: 'قتل نحو دزينة من الجنود', figures: [f('نحو دزينة', 12, 'about')] },
  { rule: 'digits', sentence: 'قتل 2,345 شخصا منذ بداية العام', figures: [f('2,345', 2345)] },
  { rule: 'no-figure', sentence: 'لم يصب أي واحد من الجنود', figures: [] },
  { rule: 'no-figure', sentence: 'لم يسقط أي قتيل في الهجوم', figures: [] },
  { rule: 'counted-noun', sentence: 'قتل ألفي شخص خلال الحرب', figures: [f('ألفي', 2000)] },
  { rule: 'digits', sentence: 'قتل 20 ألفا و 300 شخص خلال الحرب', figures: [f('20 ألفا و 300', 20300)] },
  { rule: 'digits', sentence: 'نزح 3 آلاف و500 شخص من البلدة', figures: [f('3 آلاف و500', 3500)] },
  { rule: 'two-figures', sentence: 'قتل 3 آلاف و جرح 500 في الحرب', figures: [f('3 آلاف', 3000), f('500', 500)] },
  // fractions of a scale, and a decimal comma before one
  { rule: 'fraction', sentence: 'نزح نصف مليون شخص من المدينة', figures: [f('نصف مليون', 500000)] },
  { rule: 'fraction', sentence: 'نزح مليون ونصف شخص من المدينة', figures: [f('مليون ونصف', 1500000)] },
  { rule: 'fraction', sentence: 'نزح ربع مليون شخص من المدينة', figures: [f('ربع مليون', 250000)] },
  { rule: 'digits', sentence: 'نزح 1,5 مليون شخص من البلاد', figures: [f('1,5 مليون', 1500000)] },
  { rule: 'compound', sentence: 'قتل ثلاثة و عشرون ألفا في الحرب', figures: [f('ثلاثة و عشرون ألفا', 23000)] },
  // a conjunction between two clauses joins no numbers
  { rule: 'two-figures', sentence: 'قتل خمسة و جرح عشرة في الهجوم', figures: [f('خمسة', 5), f('عشرة', 10)] },
  { rule: 'two-figures', sentence: 'قتل 5 و جرح 10 في الهجوم', figures: [f('5', 5), f('10', 10)] },
  { rule: 'not-a-date', sentence: 'قتل الأحد 3 من الجنود في الهجوم', figures: [f('3', 3)] },
  // numbers that are not counts of people
  { rule: 'not-a-figure', sentence: 'قتل 5 أشخاص في هجوم وقع في 22/04', figures: [f('5', 5)] },
  { rule: 'not-a-figure', sentence: 'قتل 5 أشخاص في الهجوم الذي وقع في العاشر من سبتمبر ألفين وستة عشر', figures: [f('5', 5)] },
  // digits after a scale word, and thousands groups behind a conjunction
  { rule: 'scale-and-digits', sentence: 'ارتفع عدد القتلى إلى ألف و996 شخصا', figures: [f('ألف و996', 1996)] },
  { rule: 'scale-and-digits', sentence: 'قتل ألفان و500 شخص في المعارك', figures: [f('ألفان و500', 2500)] },
  { rule: 'groups-after-conjunction', sentence: 'قتل 69,799 شخصا، و170,972 مصابا منذ بدء الحرب', figures: [f('69,799', 69799), f('170,972', 170972)] },
  // killed and wounded in one figure: no single outcome, no record
  { rule: 'combined', sentence: 'أسفر الانفجار عن مقتل وإصابة 24 شخصا', figures: [] },
];

export const DATE_ROWS: DateRow[] = [
  // relative days and offsets in days
  { rule: 'relative-day', sentence: 'قتل 5 أشخاص في غارة أمس', dates: [{ text: 'أمس', start: '2016-05-24' }] },
  { rule: 'offset', sentence: 'قتل 5 أشخاص في غارة قبل يومين', dates: [{ text: 'قبل يومين', start: '2016-05-23' }] },
  { rule: 'offset', sentence: 'قتل 5 أشخاص في غارة أول أمس', dates: [{ text: 'أول أمس', start: '2016-05-23' }] },
  { rule: 'offset', sentence: 'قتل 5 أشخاص في غارة قبل ثلاثة أيام', dates: [{ text: 'قبل ثلاثة أيام', start: '2016-05-22' }] },
  { rule: 'offset', sentence: 'قتل 5 أشخاص في غارة قبل 4 أيام', dates: [{ text: 'قبل 4 أيام', start: '2016-05-21' }] },
  { rule: 'offset', sentence: 'قتل جندي في هجوم وقع قبل يوم واحد', dates: [{ text: 'قبل يوم واحد', start: '2016-05-24' }] },
  { rule: 'offset', sentence: 'قتل 5 أشخاص منذ يومين في القصف', dates: [{ text: 'منذ يومين', start: '2016-05-23' }] },
  { rule: 'offset', sentence: 'قال الجيش إن الهدنة ستبدأ بعد ثلاثة أيام', dates: [{ text: 'بعد ثلاثة أيام', start: '2016-05-28' }] },
  { rule: 'offset', sentence: 'قال الجيش إن الهدنة ستبدأ بعد 10 أيام', dates: [{ text: 'بعد 10 أيام', start: '2016-06-04' }] },
  { rule: 'offset', sentence: 'قتل 20 شخصا في هجوم قبل شهر', dates: [{ text: 'قبل شهر', start: '2016-04-01', end: '2016-04-30', precision: 'month' }] },
  { rule: 'offset', sentence: 'قتل 20 شخصا في هجوم قبل عامين', dates: [{ text: 'قبل عامين', start: '2014-01-01', end: '2014-12-31', precision: 'year' }] },
  { rule: 'offset', sentence: 'قتل 20 شخصا في هجوم قبل ثلاثة أشهر', dates: [{ text: 'قبل ثلاثة أشهر', start: '2016-02-01', end: '2016-02-29', precision: 'month' }] },
  // days the text implies without a date expression: not the publication day, not listed
  { rule: 'implied', sentence: 'قتل 5 أشخاص في اليوم التالي للهجوم', dates: [] },
  { rule: 'implied', sentence: 'وفي اليوم التالي قتل 5 أشخاص', dates: [] },
  { rule: 'implied', sentence: 'قتل 5 أشخاص في اليوم الماضي', dates: [] },
  { rule: 'implied', sentence: 'قتل 5 أشخاص غداة الهجوم على القرية', dates: [] },
  { rule: 'implied', sentence: 'قتل 5 أشخاص بعد يوم من الهجوم', dates: [] },
  { rule: 'implied', sentence: 'قتل 5 أشخاص بعد ثلاثة أيام من الهجوم', dates: [] },
  { rule: 'implied', sentence: 'قتل 5 أشخاص في القصف منذ أيام', dates: [] },
  // weekdays and their qualifiers
  { rule: 'weekday', sentence: 'قتل 5 أشخاص يوم الجمعة', dates: [{ text: 'يوم الجمعة', start: '2016-05-20' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الأحد الماضي', dates: [{ text: 'الأحد الماضي', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الأحد الماضي', published: '2016-05-22', dates: [{ text: 'الأحد الماضي', start: '2016-05-15' }] },
  { rule: 'weekday', sentence: 'ستبدأ المفاوضات الأحد المقبل', dates: [{ text: 'الأحد المقبل', start: '2016-05-29' }] },
  { rule: 'weekday', sentence: 'ستبدأ المفاوضات الأسبوع المقبل يوم الجمعة', dates: [{ text: 'الأسبوع المقبل يوم الجمعة', start: '2016-06-03' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص يوم الثلاثاء من الأسبوع الماضي', dates: [{ text: 'يوم الثلاثاء من الأسبوع الماضي', start: '2016-05-17' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الجمعة 15 أبريل', dates: [{ text: 'الجمعة 15 أبريل', start: '2016-04-15' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص يوم الجمعة 15', dates: [{ text: 'يوم الجمعة 15', start: '2016-04-15' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الأحد الثاني من أكتوبر', published: '2016-10-20', dates: [{ text: 'الأحد الثاني من أكتوبر', start: '2016-10-02' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الاثنين 2 مايو 2016', dates: [{ text: 'الاثنين 2 مايو 2016', start: '2016-05-02' }] },
  { rule: 'weekday', sentence: 'قتل 5 أشخاص الأحد', published: null, dates: [] },
  { rule: 'weekday', sentence: 'ستعقد القمة الخميس', dates: [{ text: 'الخميس', start: '2016-05-26' }] },
  { rule: 'weekday', sentence: 'سوف تعقد القمة الخميس', dates: [{ text: 'الخميس', start: '2016-05-26' }] },
  { rule: 'weekday', sentence: 'قتل 3 أشخاص في السيارة الخميس', dates: [{ text: 'الخميس', start: '2016-05-19' }] },
  { rule: 'weekday', sentence: 'سيطرت قوات الجيش الأحد على القرية بعد مقتل 3 مسلحين', dates: [{ text: 'الأحد', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'قال المحلل السياسي الأحد إن 3 أشخاص قتلوا', dates: [{ text: 'الأحد', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'سيطر المسلحون الأحد على البلدة', dates: [{ text: 'الأحد', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'قتل 3 أشخاص الأحد، 22 مايو 2016', dates: [{ text: 'الأحد، 22 مايو 2016', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'السبت الثاني على التوالي قتل 3 أشخاص', dates: [{ text: 'السبت', start: '2016-05-21' }] },
  { rule: 'weekday', sentence: 'قتل الجمعة 15 شخصا', dates: [{ text: 'الجمعة', start: '2016-05-20' }] },
  { rule: 'weekday', sentence: 'قتل الأحد 3 في الهجوم', dates: [{ text: 'الأحد', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'قتل الأحد 3 من الجنود', dates: [{ text: 'الأحد', start: '2016-05-22' }] },
  { rule: 'weekday', sentence: 'قتل 3 جنود يوم الأحد الثاني في هجوم', published: '2016-10-20', dates: [{ text: 'يوم الأحد الثاني', start: '2016-10-02' }] },
  { rule: 'implied', sentence: 'قتل 7 أشخاص صباح اليوم التالي', dates: [] },
  { rule: 'implied', sentence: 'قتل 7 أشخاص في اليوم الأول من المعارك', dates: [] },
  { rule: 'offset', sentence: 'قتل 3 أشخاص منذ 6 أيام', dates: [{ text: 'منذ 6 أيام', start: '2016-05-19' }] },
  { rule: 'offset', sentence: 'انفجرت سيارة وقبل ثلاثة أيام قتل 3 أشخاص', dates: [{ text: 'قبل ثلاثة أيام', start: '2016-05-22' }] },
  { rule: 'offset', sentence: 'قتل 3 أشخاص منذ عام 2014', dates: [{ text: 'عام 2014', start: '2014-01-01', end: '2014-12-31', precision: 'year' }] },
  { rule: 'night', sentence: 'قتل 3 أشخاص ليلة الخميس إلى الجمعة', dates: [{ text: 'ليلة الخميس إلى الجمعة', start: '2016-05-19', end: '2016-05-20' }] },
  { rule: 'numeric', sentence: 'قتل 3 أشخاص في 2016.05.15', dates: [{ text: '2016.05.15', start: '2016-05-15' }] },
  { rule: 'not-a-date', sentence: 'تعمل الفرق 24/7 لإنقاذ الجرحى', dates: [] },
  { rule: 'words', sentence: 'قتل 3 أشخاص في الحادي عشر من سبتمبر ألفين وواحد', dates: [{ text: 'الحادي عشر من سبتمبر ألفين وواحد', start: '2001-09-11' }] },
  { rule: 'words', sentence: 'قتل 3 أشخاص في الخامس والعشرين من أبريل 2016', dates: [{ text: 'الخامس والعشرين من أبريل 2016', start: '2016-04-25' }] },
  { rule: 'weekday', sentence: 'قتل 3 أشخاص أمس الثلاثاء', dates: [{ text: 'أمس الثلاثاء', start: '2016-05-24' }] },
  { rule: 'weekday', sentence: 'ستعقد القمة غدا الخميس', dates: [{ text: 'غدا الخميس', start: '2016-05-26' }] },
  { rule: 'relative-month', sentence: 'قتل 3 أشخاص في 15 من الشهر الجاري', dates: [{ text: '15 من الشهر الجاري', start: '2016-05-15' }] },
  { rule: 'relative-month', sentence: 'قتل 3 أشخاص في الخامس من الشهر الماضي', dates: [{ text: 'الخامس من الشهر الماضي', start: '2016-04-05' }] },
  { rule: 'relative-month', sentence: 'قتل 3 أشخاص في 15 من الشهر الجاري', published: null, dates: [] },
  { rule: 'part-of-day', sentence: 'قتل 3 أشخاص فجر الجمعة 15 أبريل', dates: [{ text: 'فجر الجمعة 15 أبريل', start: '2016-04-15' }] },
  { rule: 'part-of-day', sentence: 'قتل 3 أشخاص صباح أمس', dates: [{ text: 'صباح أمس', start: '2016-05-24' }] },
  { rule: 'no-year', sentence: 'قتل 3 أشخاص في 3 مارس الماضي', dates: [{ text: '3 مارس الماضي', start: '2016-03-03' }] },
  { rule: 'implied', sentence: 'نظمت وقفة في اليوم العالمي لحقوق الإنسان', dates: [] },
  { rule: 'day-of-month', sentence: 'قتل 3 أشخاص يوم 24', dates: [{ text: 'يوم 24', start: '2016-05-24' }] },
  { rule: 'day-of-month', sentence: 'قتل 3 أشخاص يوم 28 في الهجوم', dates: [{ text: 'يوم 28', start: '2016-04-28' }] },
  { rule: 'day-of-month', sentence: 'قتل 3 أشخاص يوم 24', published: null, dates: [] },
  { rule: 'day-of-month', sentence: 'قتل يوم 24 شخصا', dates: [] },
  { rule: 'implied', sentence: 'قتل 3 أشخاص في نفس اليوم', dates: [] },
  // days and years in words
  { rule: 'words', sentence: 'قتل 5 أشخاص في الحادي والعشرين من مايو', dates: [{ text: 'الحادي والعشرين من مايو', start: '2016-05-21' }] },
  { rule: 'words', sentence: 'قتل 5 أشخاص في العاشر من سبتمبر ألفين وستة عشر', published: '2016-10-20', dates: [{ text: 'العاشر من سبتمبر ألفين وستة عشر', start: '2016-09-10' }] },
  { rule: 'words', sentence: 'قتل 5 أشخاص في الثالث عشر من مارس 2016', dates: [{ text: 'الثالث عشر من مارس 2016', start: '2016-03-13' }] },
  { rule: 'words', sentence: 'قتل 5 أشخاص في الثلاثين من أبريل', dates: [{ text: 'الثلاثين من أبريل', start: '2016-04-30' }] },
  { rule: 'words', sentence: 'قتل 5 أشخاص في الأول من مايو', dates: [{ text: 'الأول من مايو', start: '2016-05-01' }] },
  { rule: 'words', sentence: 'قتل 5 أشخاص في 3 مايو عام ألفين وخمسة عشر', dates: [{ text: '3 مايو عام ألفين وخمسة عشر', start: '2015-05-03' }] },
  // numeric dates
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 2016/02/22', dates: [{ text: '2016/02/22', start: '2016-02-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 22/04', dates: [{ text: '22/04', start: '2016-04-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 22/06', dates: [{ text: '22/06', start: '2015-06-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 22-4-2016', dates: [{ text: '22-4-2016', start: '2016-04-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 22.04.2016', dates: [{ text: '22.04.2016', start: '2016-04-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في ٢٢/٠٤/٢٠١٦', dates: [{ text: '٢٢/٠٤/٢٠١٦', start: '2016-04-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 2016-04-22', dates: [{ text: '2016-04-22', start: '2016-04-22' }] },
  { rule: 'numeric', sentence: 'قتل 5 أشخاص في 22/04', published: null, dates: [] },
  { rule: 'not-a-date', sentence: 'قتل 10-15 شخصا في الهجوم', dates: [] },
  { rule: 'not-a-date', sentence: 'نزح 1.5 مليون شخص من البلاد', dates: [] },
  // month names: both systems and Maghrebi spellings
  { rule: 'month', sentence: 'قتل 5 أشخاص في 22 نيسان/أبريل 2016', dates: [{ text: '22 نيسان/أبريل 2016', start: '2016-04-22' }] },
  { rule: 'month', sentence: 'قتل 5 أشخاص في 3 شتنبر 2015', dates: [{ text: '3 شتنبر 2015', start: '2015-09-03' }] },
  { rule: 'month', sentence: 'قتل 5 أشخاص في 5 غشت 2015', dates: [{ text: '5 غشت 2015', start: '2015-08-05' }] },
  { rule: 'month', sentence: 'قتل 5 أشخاص في 12 جانفي 2016', dates: [{ text: '12 جانفي 2016', start: '2016-01-12' }] },
  { rule: 'month', sentence: 'قتل 5 أشخاص في 7 تشرين الأول 2015', dates: [{ text: '7 تشرين الأول 2015', start: '2015-10-07' }] },
  // nights
  { rule: 'night', sentence: 'قتل 5 أشخاص ليل الخميس-الجمعة', dates: [{ text: 'ليل الخميس-الجمعة', start: '2016-05-19', end: '2016-05-20' }] },
  { rule: 'night', sentence: 'قتل 5 أشخاص ليل الخميس الجمعة', dates: [{ text: 'ليل الخميس الجمعة', start: '2016-05-19', end: '2016-05-20' }] },
  { rule: 'night', sentence: 'قتل 5 أشخاص ليل الخميس', dates: [{ text: 'ليل الخميس', start: '2016-05-19' }] },
  // a day and month without a year: the most recent before publication unless marked future
  { rule: 'no-year', sentence: 'قتل 5 أشخاص في 10 يناير', published: '2016-01-05', dates: [{ text: '10 يناير', start: '2015-01-10' }] },
  { rule: 'no-year', sentence: 'قتل 5 أشخاص في 28 ديسمبر', published: '2016-01-05', dates: [{ text: '28 ديسمبر', start: '2015-12-28' }] },
  { rule: 'no-year', sentence: 'ستجرى الانتخابات في 10 يناير المقبل', published: '2016-01-05', dates: [{ text: '10 يناير المقبل', start: '2016-01-10' }] },
  { rule: 'no-year', sentence: 'سوف تجرى الانتخابات في 10 يناير', published: '2016-01-05', dates: [{ text: '10 يناير', start: '2016-01-10' }] },
  { rule: 'no-year', sentence: 'قتل 5 أشخاص في 10 مارس', published: null, dates: [] },
  { rule: 'no-year', sentence: 'قتل 5 أشخاص في 10 مارس 2016', published: null, dates: [{ text: '10 مارس 2016', start: '2016-03-10' }] },
  // the year after من العام / للعام, with its era mark glued, or named relative to publication
  { rule: 'year-phrase', sentence: 'قتل 5 أشخاص في 7 أكتوبر من العام 2014', dates: [{ text: '7 أكتوبر من العام 2014', start: '2014-10-07' }] },
  { rule: 'year-phrase', sentence: 'قتل 5 أشخاص في 7 أكتوبر 2014م', dates: [{ text: '7 أكتوبر 2014م', start: '2014-10-07' }] },
  { rule: 'year-phrase', sentence: 'قتل 5 أشخاص في 7 أكتوبر من العام الماضي', dates: [{ text: '7 أكتوبر من العام الماضي', start: '2015-10-07' }] },
  // a day counted in a series is no date
  { rule: 'counted-day', sentence: 'قتل 5 أشخاص لليوم الثالث على التوالي', dates: [] },
  { rule: 'counted-day', sentence: 'قتل 5 أشخاص لليوم الـ 35 على التوالي', dates: [] },
];

export interface Outcome {
  ok: boolean;
  got: unknown;
}

function run(sentence: string, published: string | null) {
  const doc = extract({ text: sentence, title: 'خبر', published }, { source: 'suite.json', fallbackId: 'suite' });
  for (const r of [...doc.casualties, ...doc.dates]) {
    for (const e of r.evidence) {
      if (sentence.slice(e.start, e.end) !== e.text) throw new Error(`evidence ${e.start}-${e.end} '${e.text}' does not slice '${sentence}'`);
    }
  }
  return doc;
}

/** The codebook's low/best/high of a figure. */
function expectedBounds(fig: Figure): { low: number | null; best: number; high: number | null } {
  switch (fig.qualifier) {
    case 'exact': return { low: fig.value, best: fig.value, high: fig.value };
    case 'at_least':
    case 'more_than':
    case 'vague': return { low: fig.value, best: fig.value, high: null };
    case 'about': return { low: null, best: fig.value, high: null };
    case 'at_most': return { low: null, best: fig.value, high: fig.value };
    case 'range': return { low: fig.value, best: fig.value, high: fig.high ?? null };
  }
}

export function checkNumberRow(row: NumberRow): Outcome {
  const doc = run(row.sentence, PUBLISHED);
  const got = doc.casualties.map((c) => {
    const ev = c.evidence[0]!;
    // where the figure's text sits in the sentence: inside the record's first evidence span
    const at = ev.text.indexOf(c.number_text ?? '\u0000');
    return { text: c.number_text, qualifier: c.qualifier, low: c.low, best: c.best, high: c.high, start: at < 0 ? null : ev.start + at };
  });
  const want = row.figures.map((fig) => ({ text: fig.text, qualifier: fig.qualifier, ...expectedBounds(fig), start: row.sentence.indexOf(fig.text) }));
  return { ok: JSON.stringify(got) === JSON.stringify(want), got };
}

export function checkDateRow(row: DateRow): Outcome {
  const published = row.published === undefined ? PUBLISHED : row.published;
  const doc = run(row.sentence, published);
  // a date listed is one that resolved to a start
  const got = doc.dates.filter((d) => d.start !== null).map((d) => ({ text: d.text, start: d.start, end: d.end, precision: d.precision, at: d.evidence[0]!.start }));
  const want = row.dates.map((d) => ({ text: d.text, start: d.start, end: d.end ?? d.start, precision: d.precision ?? 'day', at: row.sentence.indexOf(d.text) }));
  return { ok: JSON.stringify(got) === JSON.stringify(want), got };
}
