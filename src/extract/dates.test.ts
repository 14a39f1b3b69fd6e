// Date expressions resolved against a publication date: relative days, weekdays, explicit and numeric
// dates, "n days ago", week and month periods, old years and days to come. Each row is a sentence of
// our own with one date expression in it; the table says what the date layer must make of it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DateMention } from '../doc/types.js';
import { dataPath } from '../knowledge/paths.js';
import { read, slice } from '../lang/ar/test-helpers/read.js';
import { findDates, loadDateLexicon, type DateLexicon } from './dates.js';

interface Row {
  text: string;
  /** The publication date the text is read against (YYYY-MM-DD), or null. */
  pub: string | null;
  /** The original text of the date expression. */
  span: string;
  date: string | null;
  precision: DateMention['precision'];
  kind: DateMention['kind'];
  /** The rule id, or its start (date.relative, date.weekday…). */
  rule: string;
}

const row = (text: string, pub: string | null, span: string, date: string | null, precision: Row['precision'], kind: Row['kind'], rule: string): Row =>
  ({ text, pub, span, date, precision, kind, rule });

// 2016-09-11 is a Sunday; 2016-09-08 a Thursday.
const SUN = '2016-09-11';
const THU = '2016-09-08';

const relativeDays: Row[] = [
  row('قصفت الطائرات الحربية البلدة اليوم', SUN, 'اليوم', '2016-09-11', 1, 'relative', 'date.relative.0'),
  row('سقطت قذائف على الحي السكني أمس', SUN, 'أمس', '2016-09-10', 1, 'relative', 'date.relative.-1'),
  row('انفجرت عبوة ناسفة يوم أمس قرب السوق', SUN, 'يوم أمس', '2016-09-10', 1, 'relative', 'date.relative.-1'),
  row('اندلعت اشتباكات عنيفة مساء أمس في المدينة', SUN, 'مساء أمس', '2016-09-10', 1, 'relative', 'date.relative.-1'),
  row('اغتال مسلحون مسؤولا محليا أمس الأول', SUN, 'أمس الأول', '2016-09-09', 1, 'relative', 'date.relative.-2'),
  row('داهمت الشرطة منزلا في الحي أول من أمس', SUN, 'أول من أمس', '2016-09-09', 1, 'relative', 'date.relative.-2'),
  row('شن الطيران غارات فجر اليوم على القرية', SUN, 'فجر اليوم', '2016-09-11', 1, 'relative', 'date.relative.0'),
  row('تعرضت البلدة لقصف مدفعي الليلة الماضية', SUN, 'الليلة الماضية', '2016-09-10', 1, 'relative', 'date.relative.-1'),
  row('قصفت المدفعية الأحياء الشرقية اليوم الأحد', SUN, 'اليوم الأحد', '2016-09-11', 1, 'relative', 'date.relative.0'),
  row('أعلنت الوزارة أمس الأحد مقتل جنديين', '2016-09-12', 'أمس الأحد', '2016-09-11', 1, 'relative', 'date.relative.-1'),
  row('أطلق مجهولون النار على حاجز البارحة', SUN, 'البارحة', '2016-09-10', 1, 'relative', 'date.relative.-1'),
  row('سقطت قذيفة على المدرسة صباح اليوم', SUN, 'صباح اليوم', '2016-09-11', 1, 'relative', 'date.relative.0'),
];

const weekdays: Row[] = [
  row('خرج المحتجون إلى الشوارع يوم الخميس', SUN, 'يوم الخميس', '2016-09-08', 1, 'weekday', 'date.weekday'),
  row('هاجم مسلحون حاجزا للجيش الخميس الماضي', SUN, 'الخميس الماضي', '2016-09-08', 1, 'weekday', 'date.weekday.past'),
  // published on a Thursday: "last Thursday" is a week back, "on Thursday" is the day itself
  row('هاجم مسلحون حاجزا للجيش الخميس الماضي', THU, 'الخميس الماضي', '2016-09-01', 1, 'weekday', 'date.weekday.past'),
  row('خرج المحتجون إلى الشوارع يوم الخميس', THU, 'يوم الخميس', '2016-09-08', 1, 'weekday', 'date.weekday'),
  row('دارت معارك ليل الخميس الجمعة في محيط المطار', SUN, 'ليل الخميس الجمعة', '2016-09-08', 1, 'weekday', 'date.weekday'),
  row('قصفت الطائرات الحي صباح الثلاثاء', SUN, 'صباح الثلاثاء', '2016-09-06', 1, 'weekday', 'date.weekday'),
  row('وصلت التعزيزات إلى المدينة مساء يوم الخميس', SUN, 'مساء يوم الخميس', '2016-09-08', 1, 'weekday', 'date.weekday'),
  row('اعتقلت الشرطة ثلاثة ناشطين يوم الإثنين الماضي', SUN, 'يوم الإثنين الماضي', '2016-09-05', 1, 'weekday', 'date.weekday.past'),
  row('انفجرت سيارة مفخخة الأربعاء قرب المستشفى', SUN, 'الأربعاء', '2016-09-07', 1, 'weekday', 'date.weekday'),
];

const explicit: Row[] = [
  row('قتل خمسة أشخاص في 11 أيلول/سبتمبر 2016 بغارة على السوق', '2016-09-20', '11 أيلول/سبتمبر 2016', '2016-09-11', 1, 'absolute', 'date.dmy'),
  row('قتل خمسة أشخاص في 11 أيلول (سبتمبر) 2016 بغارة على السوق', '2016-09-20', '11 أيلول (سبتمبر) 2016', '2016-09-11', 1, 'absolute', 'date.dmy'),
  row('وقع الهجوم في 2 تشرين الأول 2023 على الحدود', '2023-10-05', '2 تشرين الأول 2023', '2023-10-02', 1, 'absolute', 'date.dmy'),
  // no year: the latest such day not after publication
  row('اعتقلت قوات الأمن ناشطين في 3 مارس', SUN, '3 مارس', '2016-03-03', 1, 'absolute', 'date.dm'),
  row('اعتقلت قوات الأمن ناشطين في 3 مارس', '2016-02-11', '3 مارس', '2015-03-03', 1, 'absolute', 'date.dm'),
  row('نظم المتظاهرون وقفة احتجاجية يوم 15 جانفي أمام الولاية', '2017-01-20', '15 جانفي', '2017-01-15', 1, 'absolute', 'date.dm'),
  row('قتل جندي في هجوم على دوريته في 4 آب الماضي', SUN, '4 آب الماضي', '2016-08-04', 1, 'absolute', 'date.dm'),
  row('تعرض الحي لقصف عنيف في 29 فبراير', '2017-03-01', '29 فبراير', '2016-02-29', 1, 'absolute', 'date.dm'),
  row('انفجرت سيارة مفخخة بتاريخ 2016/11/04 وسط المدينة', '2016-11-05', '2016/11/04', '2016-11-04', 1, 'absolute', 'date.numeric'),
  row('انفجرت سيارة مفخخة يوم ١١/٩/٢٠١٦ وسط المدينة', '2016-09-12', '١١/٩/٢٠١٦', '2016-09-11', 1, 'absolute', 'date.numeric'),
  row('سقطت صواريخ على المطار في 2016-11-04 صباحا', '2016-11-05', '2016-11-04', '2016-11-04', 1, 'absolute', 'date.numeric'),
];

const periods: Row[] = [
  row('تعرض المخيم لقصف متواصل منذ يومين', SUN, 'منذ يومين', '2016-09-09', 2, 'relative', 'date.ago'),
  row('قصفت الطائرات البلدة قبل ثلاثة أيام', SUN, 'قبل ثلاثة أيام', '2016-09-08', 2, 'relative', 'date.ago'),
  row('سقطت قذيفة على المدرسة منذ ٣ أيام', SUN, 'منذ ٣ أيام', '2016-09-08', 2, 'relative', 'date.ago'),
  row('فقد الاتصال بالصيادين منذ أسبوعين', SUN, 'منذ أسبوعين', '2016-08-28', 2, 'relative', 'date.ago'),
  row('قتل عشرات المدنيين في غارات الأسبوع الماضي', SUN, 'الأسبوع الماضي', '2016-09-10', 2, 'relative', 'date.week'),
  row('تصاعدت الاشتباكات في المنطقة الشهر الماضي', SUN, 'الشهر الماضي', '2016-08-27', 3, 'relative', 'date.month'),
];

const notNews: Row[] = [
  row('قتل مئات المدنيين في المدينة عام 2011', SUN, 'عام 2011', null, 3, 'historical', 'date.year.past'),
  row('اندلعت الاحتجاجات في البلدة في آذار 2011', SUN, 'آذار 2011', '2011-03-01', 3, 'historical', 'date.my'),
  row('قتل 40 شخصا في تفجير 5 حزيران 2012 في السوق', SUN, '5 حزيران 2012', '2012-06-05', 1, 'historical', 'date.dmy'),
  // days to come: no event has happened on them
  row('ستشن القوات هجوما على المدينة غدا', SUN, 'غدا', null, 1, 'historical', 'date.future'),
  row('يعقد الطرفان جولة مفاوضات يوم الخميس المقبل', SUN, 'يوم الخميس المقبل', null, 1, 'historical', 'date.future'),
  row('تبدأ الانتخابات البلدية في 20 أيلول المقبل', SUN, '20 أيلول المقبل', null, 1, 'historical', 'date.future'),
  row('يصل الوفد إلى العاصمة الأسبوع المقبل', SUN, 'الأسبوع المقبل', null, 1, 'historical', 'date.future'),
];

// Without a publication date, relative expressions are found but not resolved; explicit ones are.
const noPublication: Row[] = [
  row('سقطت قذائف على الحي السكني أمس', null, 'أمس', null, 1, 'relative', 'date.relative.-1'),
  row('شن الطيران غارات فجر اليوم على القرية', null, 'فجر اليوم', null, 1, 'relative', 'date.relative.0'),
  row('اغتال مسلحون مسؤولا محليا أول من أمس', null, 'أول من أمس', null, 1, 'relative', 'date.relative.-2'),
  row('هاجم مسلحون حاجزا للجيش الخميس الماضي', null, 'الخميس الماضي', null, 1, 'weekday', 'date.weekday.past'),
  row('قصفت المدفعية الأحياء الشرقية اليوم الأحد', null, 'اليوم الأحد', null, 1, 'relative', 'date.relative.0'),
  row('تعرض المخيم لقصف متواصل منذ يومين', null, 'منذ يومين', null, 2, 'relative', 'date.ago'),
  row('قتل عشرات المدنيين في غارات الأسبوع الماضي', null, 'الأسبوع الماضي', null, 2, 'relative', 'date.week'),
  row('تصاعدت الاشتباكات في المنطقة الشهر الماضي', null, 'الشهر الماضي', null, 3, 'relative', 'date.month'),
  row('اعتقلت قوات الأمن ناشطين في 3 مارس', null, '3 مارس', null, 1, 'absolute', 'date.dm'),
  row('قتل خمسة أشخاص في 11 أيلول/سبتمبر 2016 بغارة على السوق', null, '11 أيلول/سبتمبر 2016', '2016-09-11', 1, 'absolute', 'date.dmy'),
];

// a relative day with its weekday: the weekday names the day when the publication date is a day off
const relativeWithWeekday: Row[] = [
  row('أعلنت الوزارة أمس الأحد مقتل جنديين', '2016-09-13', 'أمس الأحد', '2016-09-11', 1, 'relative', 'date.relative.-1'),
  row('قصفت المدفعية الأحياء الشرقية اليوم الأحد', '2016-09-12', 'اليوم الأحد', '2016-09-11', 1, 'relative', 'date.relative.0'),
  // the weekday never lands after publication
  row('قصفت المدفعية الحي مساء أمس الاثنين', SUN, 'مساء أمس الاثنين', '2016-09-05', 1, 'relative', 'date.relative.-1'),
  // a comma between the month and the year
  row('تعرض الحي لقصف في 28 ديسمبر، 2015 بحسب المصادر', SUN, '28 ديسمبر، 2015', '2015-12-28', 1, 'absolute', 'date.dmy'),
];

let lex: DateLexicon;
beforeAll(() => {
  lex = loadDateLexicon(dataPath('lang', 'ar', 'dates.json'));
});

function datesOf(text: string, pub: string | null) {
  const doc = read(text);
  return findDates(lex, doc.layers.tokens, pub, doc.layers.numbers);
}

describe('findDates resolves a date expression against the publication date', () => {
  const groups: Array<[string, Row[]]> = [
    ['relative days', relativeDays],
    ['weekdays', weekdays],
    ['explicit dates', explicit],
    ['week and month periods', periods],
    ['history and days to come', notNews],
    ['no publication date', noPublication],
    ['a relative day with its weekday', relativeWithWeekday],
  ];
  for (const [name, rows] of groups) {
    describe(name, () => {
      it.each(rows)('$text ($pub) → $span', (r) => {
        const found = datesOf(r.text, r.pub);
        expect(found).toHaveLength(1);
        const d = found[0];
        expect(slice(r.text, d)).toBe(r.span);
        expect({ date: d.date, precision: d.precision, kind: d.kind }).toEqual({ date: r.date, precision: r.precision, kind: r.kind });
        expect(d.ruleId.startsWith(r.rule)).toBe(true);
        // the token range covers the span
        expect(d.tokenEnd).toBeGreaterThan(d.tokenStart);
      });
    });
  }
});

describe('findDates without the numbers layer', () => {
  it('still reads a count in digits (منذ 3 أيام)', () => {
    const doc = read('تعرض الحي لقصف منذ 3 أيام');
    const [d] = findDates(lex, doc.layers.tokens, SUN);
    expect(slice(doc.text, d)).toBe('منذ 3 أيام');
    expect(d.date).toBe('2016-09-08');
  });
  it('leaves a count in words alone (قبل ثلاثة أيام)', () => {
    const doc = read('تعرض الحي لقصف قبل ثلاثة أيام');
    expect(findDates(lex, doc.layers.tokens, SUN)).toEqual([]);
  });
});

describe('findDates finds no date where there is none', () => {
  it.each([
    'قتل 5 أشخاص في غارة على السوق',
    'نزح 1500 شخص من القرية',
    'وصل خميس العلي إلى المدينة',
    // the current year is not history
    'قتل 3 جنود في هجوم عام 2016',
    'قال الشهود إن القصف كان عنيفا',
  ])('%s', (text) => {
    expect(datesOf(text, SUN)).toEqual([]);
  });
});

describe('findDates reads every date of a sentence, in order', () => {
  it('a weekday and the day and month that name it', () => {
    const text = 'قتل ثلاثة أشخاص الاثنين 12 سبتمبر في انفجار';
    const found = datesOf(text, '2016-09-13');
    expect(found.map((d) => [slice(text, d), d.date])).toEqual([
      ['الاثنين', '2016-09-12'],
      ['12 سبتمبر', '2016-09-12'],
    ]);
  });
});

describe('findDates without a publication date reads against the latest full date of the text', () => {
  it('a quoted post dated in English anchors "أمس الاثنين" (not a day and month, which may be history)', () => {
    const text = 'أعلن الدفاع المدني مساء أمس الاثنين إصابة خمسة مدنيين. وقال في 28 فبراير إن الأضرار كبيرة. — الدفاع المدني (@civil) March 1, 2021';
    expect(datesOf(text, null).map((d) => [slice(text, d), d.date, d.ruleId])).toEqual([
      ['مساء أمس الاثنين', '2021-03-01', 'date.relative.-1'],
      ['28 فبراير', null, 'date.dm'],
      ['March 1, 2021', '2021-03-01', 'date.mdy'],
    ]);
  });
  it('with no full date, relative words stay unresolved', () => {
    expect(datesOf('سقطت قذائف على الحي أمس بعد 3 مارس', null).map((d) => d.date)).toEqual([null, null]);
  });
});

describe('a weekday or relative day with the full date right after it', () => {
  it('keeps the written date when they differ by a day (a night named by two days)', () => {
    const text = 'شنت طائرة غارة ليل الجمعة السبت (23 أغسطس 2014) على موقع';
    expect(datesOf(text, '2014-08-24').map((d) => [slice(text, d), d.date])).toEqual([
      ['ليل الجمعة السبت', '2014-08-23'],
      ['23 أغسطس 2014', '2014-08-23'],
    ]);
  });
  it('leaves a weekday farther than a day from the date alone', () => {
    const text = 'قتل ثلاثة أشخاص الخميس 12 سبتمبر في انفجار';
    expect(datesOf(text, '2016-09-13').map((d) => d.date)).toEqual(['2016-09-08', '2016-09-12']);
  });
});
