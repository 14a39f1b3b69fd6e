// Date expressions read through the whole extractor: each row is an event sentence of our own, the
// publication date it is read against, and the event's exact date, ACLED time precision (1 the day, 2
// within the week, 3 within the month), the words that gave it and the rule. 2016-09-11 is a Sunday and
// 2016-09-08 a Thursday; a sentence with no date takes the publication day at precision 2.
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

interface Row {
  pub: string;
  text: string;
  count: number;
  subEventType: string;
  /** The words of the date evidence, or null when the date is the publication's. */
  dateText: string | null;
  date: string;
  precision: 1 | 2 | 3;
  rule: string;
}

const r = (pub: string, text: string, count: number, subEventType: string, dateText: string | null, date: string, precision: 1 | 2 | 3, rule: string): Row =>
  ({ pub, text, count, subEventType, dateText, date, precision, rule });

const rows: Row[] = [
  r('2016-09-11', 'قصفت الطائرات الحربية مدينة سراقب اليوم.', 1, 'Air/drone strike', 'اليوم', '2016-09-11', 1, 'date.relative.0'),
  r('2016-09-11', 'سقطت قذائف هاون على مدينة حلب أمس.', 1, 'Shelling/artillery/missile attack', 'أمس', '2016-09-10', 1, 'date.relative.-1'),
  r('2016-09-11', 'انفجرت عبوة ناسفة في مدينة الرمادي أمس الأول.', 1, 'Remote explosive/landmine/IED', 'أمس الأول', '2016-09-09', 1, 'date.relative.-2'),
  r('2016-09-11', 'اغتال مسلحون مجهولون مسؤولا محليا في مدينة درعا أول من أمس.', 1, 'Attack', 'أول من أمس', '2016-09-09', 1, 'date.relative.-2'),
  r('2016-09-11', 'هاجم مسلحون حاجزا للجيش في مدينة العريش الخميس الماضي.', 1, 'Armed clash', 'الخميس الماضي', '2016-09-08', 1, 'date.weekday.past'),
  r('2016-09-08', 'هاجم مسلحون حاجزا للجيش في مدينة العريش الخميس الماضي.', 1, 'Armed clash', 'الخميس الماضي', '2016-09-01', 1, 'date.weekday.past'),
  r('2016-09-08', 'خرج المحتجون إلى الشوارع في مدينة البصرة يوم الخميس.', 1, 'Peaceful protest', 'يوم الخميس', '2016-09-08', 1, 'date.weekday'),
  r('2016-09-11', 'دارت معارك في محيط مدينة الحسكة ليل الخميس الجمعة.', 1, 'Armed clash', 'ليل الخميس الجمعة', '2016-09-08', 1, 'date.weekday'),
  r('2016-09-11', 'شن الطيران غارات على مدينة إدلب فجر اليوم.', 1, 'Air/drone strike', 'فجر اليوم', '2016-09-11', 1, 'date.relative.0'),
  r('2016-09-11', 'اندلعت اشتباكات عنيفة في مدينة درنة مساء أمس.', 1, 'Armed clash', 'مساء أمس', '2016-09-10', 1, 'date.relative.-1'),
  r('2016-09-11', 'قصفت الطائرات مدينة حلب صباح الثلاثاء.', 1, 'Air/drone strike', 'صباح الثلاثاء', '2016-09-06', 1, 'date.weekday'),
  r('2016-09-11', 'أعلنت الشرطة المصرية مقتل 3 مسلحين في مدينة العريش يوم الإثنين الماضي.', 1, 'Armed clash', 'يوم الإثنين الماضي', '2016-09-05', 1, 'date.weekday.past'),
  r('2016-09-20', 'قتل خمسة أشخاص في غارة على مدينة إدلب في 11 أيلول/سبتمبر 2016.', 1, 'Air/drone strike', '11 أيلول/سبتمبر 2016', '2016-09-11', 1, 'date.dmy'),
  r('2023-10-05', 'قصفت المدفعية مدينة القنيطرة في 2 تشرين الأول 2023.', 1, 'Shelling/artillery/missile attack', '2 تشرين الأول 2023', '2023-10-02', 1, 'date.dmy'),
  r('2016-09-11', 'اعتقلت قوات الأمن ناشطين في مدينة حمص في 3 مارس.', 1, 'Arrests', '3 مارس', '2016-03-03', 1, 'date.dm'),
  r('2017-01-20', 'نظم المتظاهرون وقفة احتجاجية أمام الولاية في مدينة القصرين يوم 15 جانفي.', 1, 'Peaceful protest', '15 جانفي', '2017-01-15', 1, 'date.dm'),
  r('2016-09-11', 'قتل جندي في هجوم على دوريته في مدينة الموصل في 4 آب الماضي.', 1, 'Armed clash', '4 آب الماضي', '2016-08-04', 1, 'date.dm'),
  r('2016-11-05', 'انفجرت سيارة مفخخة في مدينة الباب بتاريخ 2016/11/04.', 1, 'Remote explosive/landmine/IED', '2016/11/04', '2016-11-04', 1, 'date.numeric'),
  r('2016-09-12', 'انفجرت سيارة مفخخة في مدينة عفرين يوم ١١/٩/٢٠١٦.', 1, 'Remote explosive/landmine/IED', '١١/٩/٢٠١٦', '2016-09-11', 1, 'date.numeric'),
  r('2016-09-11', 'تعرض مخيم اليرموك لقصف متواصل منذ يومين.', 1, 'Shelling/artillery/missile attack', 'منذ يومين', '2016-09-09', 2, 'date.ago'),
  r('2016-09-11', 'قصفت الطائرات مدينة سراقب قبل ثلاثة أيام.', 1, 'Air/drone strike', 'قبل ثلاثة أيام', '2016-09-08', 2, 'date.ago'),
  r('2016-09-11', 'قتل عشرات المدنيين في غارات على مدينة دوما الأسبوع الماضي.', 1, 'Air/drone strike', 'الأسبوع الماضي', '2016-09-10', 2, 'date.week'),
  r('2016-09-11', 'تصاعدت الاشتباكات في مدينة القامشلي الشهر الماضي.', 1, 'Armed clash', 'الشهر الماضي', '2016-08-27', 3, 'date.month'),
  r('2016-09-11', 'فرقت الشرطة المتظاهرين في مدينة البصرة.', 1, 'Protest with intervention', null, '2016-09-11', 2, 'date.publication'),
  r('2016-09-11', 'سيطر تنظيم داعش على بلدة في ريف حلب البارحة.', 1, 'Non-state actor overtakes territory', 'البارحة', '2016-09-10', 1, 'date.relative.-1'),
  r('2017-06-08', 'قتل 3 مدنيين في قصف على مدينة درعا يوم 7 حزيران.', 1, 'Shelling/artillery/missile attack', '7 حزيران', '2017-06-07', 1, 'date.dm'),
  r('2017-06-08', 'انفجرت عبوة ناسفة في مدينة بنغازي في 6 يونيو 2017.', 1, 'Remote explosive/landmine/IED', '6 يونيو 2017', '2017-06-06', 1, 'date.dmy'),
  // a headline and a dateline give the publication's day: the event they tell takes the lead's date
  r('2015-12-28', 'قصف بالغازات السامة على حي جوبر\n28 ديسمبر، 2015\nاستهدفت قوات النظام أمس الأحد حي جوبر في دمشق بقنابل تحمل غازات سامة.', 1,
    'Chemical weapon', 'أمس الأحد', '2015-12-27', 1, 'date.lead'),
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

describe('the date of an event', () => {
  it('the table has at least twenty date expressions', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
  });
  it.each(rows)('$text ($pub) → $date', (row) => {
    const doc = extract({ id: 'date-events-test', text: row.text, publishedAt: row.pub });
    expect(doc.events).toHaveLength(row.count);
    const e = doc.events[0];
    const ev = e.evidence.find((x) => x.field === 'date');
    expect({ subEventType: e.subEventType, dateText: ev?.text ?? null, date: e.date, precision: e.timePrecision, rule: e.rules.date })
      .toEqual({ subEventType: row.subEventType, dateText: row.dateText, date: row.date, precision: row.precision, rule: row.rule });
    if (ev) expect(row.text.slice(ev.start, ev.end)).toBe(ev.text);
  });
});
