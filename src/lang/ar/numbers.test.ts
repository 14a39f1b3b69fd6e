import { describe, expect, it } from 'vitest';
import type { NumberMention, Qualifier } from '../../doc/types.js';
import { parseDigits } from './numbers.js';
import { arabicData, read, slice } from './test-helpers/read.js';

interface Row {
  text: string;
  value: number;
  /** Upper end of a range; the value itself otherwise. */
  high?: number;
  qualifier: Qualifier;
  form: NumberMention['form'];
  /** The original text of the whole mention: qualifier, proclitic and (for an after-qualifier) the noun. */
  span: string;
  /** The original text of the number itself. */
  valueSpan: string;
  /** How many numbers the sentence holds (1 unless said) and which one the row is about. */
  of?: number;
  nth?: number;
}

const r = (text: string, value: number, qualifier: Qualifier, form: NumberMention['form'], span: string, valueSpan = span, more: Partial<Row> = {}): Row =>
  ({ text, value, qualifier, form, span, valueSpan, ...more });

const digits: Row[] = [
  r('قتل 5 أشخاص في قصف على المدينة', 5, 'exact', 'digits', '5'),
  r('قُتل ٧ مدنيين بينهم أطفال', 7, 'exact', 'digits', '٧'),
  r('أصيب ۱۲ شخصا بجروح', 12, 'exact', 'digits', '۱۲'),
  r('نزح ۲۳۴۵ شخصا من المخيم', 2345, 'exact', 'digits', '۲۳۴۵'),
  r('نزح 1,500 شخص من القرية', 1500, 'exact', 'digits', '1,500'),
  r('نزح ١٬٥٠٠ شخص من البلدة', 1500, 'exact', 'digits', '١٬٥٠٠'),
  r('تضرر 1,250,000 شخص من الفيضانات', 1_250_000, 'exact', 'digits', '1,250,000'),
  r('ارتفع المؤشر ٣٫٥ نقطة', 3.5, 'exact', 'digits', '٣٫٥'),
  r('بلغت الخسائر 3.5 مليون دولار', 3_500_000, 'exact', 'digits', '3.5 مليون'),
  r('نزح 3 آلاف شخص من المدينة', 3000, 'exact', 'digits', '3 آلاف'),
  r('فر 1.5 مليون لاجئ عبر الحدود', 1_500_000, 'exact', 'digits', '1.5 مليون'),
  r('قدرت الخسائر بـ٢ مليار دولار', 2_000_000_000, 'exact', 'digits', '٢ مليار'),
  r('نزح ٢٠ ألفا من السكان', 20_000, 'exact', 'digits', '٢٠ ألفا'),
  r('قُتِلَ ١٥ شـخصاً في الغارة', 15, 'exact', 'digits', '١٥'),
];

const units: Row[] = [
  r('قتل شخص واحد في الهجوم', 1, 'exact', 'words', 'واحد'),
  r('أصيبت امرأة واحدة بجروح', 1, 'exact', 'words', 'واحدة'),
  r('قتل اثنان من المسلحين', 2, 'exact', 'words', 'اثنان'),
  r('اعتقلت القوات اثنتين من الناشطات', 2, 'exact', 'words', 'اثنتين'),
  r('قتل ثلاثة جنود في كمين', 3, 'exact', 'words', 'ثلاثة'),
  r('أصيبت ثلاث نساء في القصف', 3, 'exact', 'words', 'ثلاث'),
  r('قتل أربعة مسلحين في اشتباك', 4, 'exact', 'words', 'أربعة'),
  r('احترقت أربع سيارات', 4, 'exact', 'words', 'أربع'),
  r('قتل خمسة أطفال في الغارة', 5, 'exact', 'words', 'خمسة'),
  r('سقطت خمس قذائف على الحي', 5, 'exact', 'words', 'خمس'),
  r('اعتقل ستة عناصر من الخلية', 6, 'exact', 'words', 'ستة'),
  r('سقطت ست قذائف هاون', 6, 'exact', 'words', 'ست'),
  r('قتل سبعة مدنيين في القصف', 7, 'exact', 'words', 'سبعة'),
  r('شن الطيران سبع غارات على البلدة', 7, 'exact', 'words', 'سبع'),
  r('قتل ثمانية أشخاص في الانفجار', 8, 'exact', 'words', 'ثمانية'),
  r('شن الطيران ثماني غارات', 8, 'exact', 'words', 'ثماني'),
  r('أصيب تسعة عناصر من الشرطة', 9, 'exact', 'words', 'تسعة'),
  r('سقطت تسع قذائف على المخيم', 9, 'exact', 'words', 'تسع'),
  r('قتل عشرة مسلحين في المواجهات', 10, 'exact', 'words', 'عشرة'),
  r('استمر الحصار عشر سنوات', 10, 'exact', 'words', 'عشر'),
  r('قُتِلَ خَمْسَةُ جُنُودٍ', 5, 'exact', 'words', 'خَمْسَةُ'),
];

const teens: Row[] = [
  r('قتل أحد عشر جنديا في الهجوم', 11, 'exact', 'words', 'أحد عشر'),
  r('أصيبت إحدى عشرة امرأة', 11, 'exact', 'words', 'إحدى عشرة'),
  r('قتل اثنا عشر مسلحا', 12, 'exact', 'words', 'اثنا عشر'),
  r('أسرت القوات اثني عشر جنديا', 12, 'exact', 'words', 'اثني عشر'),
  r('قتلت اثنتا عشرة سيدة', 12, 'exact', 'words', 'اثنتا عشرة'),
  r('قتل ثلاثة عشر شخصا', 13, 'exact', 'words', 'ثلاثة عشر'),
  r('أصيبت ثلاث عشرة امرأة', 13, 'exact', 'words', 'ثلاث عشرة'),
  r('قتل خمسة عشر عنصرا', 15, 'exact', 'words', 'خمسة عشر'),
  r('شن الطيران ثماني عشرة غارة', 18, 'exact', 'words', 'ثماني عشرة'),
  r('قتل تسعة عشر مدنيا', 19, 'exact', 'words', 'تسعة عشر'),
  r('قُتِلَ أَحَدَ عَشَرَ جُنْدِيّاً', 11, 'exact', 'words', 'أَحَدَ عَشَرَ'),
];

const tens: Row[] = [
  r('قتل عشرون شخصا في الاشتباكات', 20, 'exact', 'words', 'عشرون'),
  r('أصيب عشرين شخصا بجروح', 20, 'exact', 'words', 'عشرين'),
  r('اعتقل ثلاثون ناشطا', 30, 'exact', 'words', 'ثلاثون'),
  r('اعتقلت الشرطة ثلاثين ناشطا', 30, 'exact', 'words', 'ثلاثين'),
  r('قتل أربعون مدنيا', 40, 'exact', 'words', 'أربعون'),
  r('أصيب خمسين شخصا', 50, 'exact', 'words', 'خمسين'),
  r('نزحت ستون أسرة', 60, 'exact', 'words', 'ستون'),
  r('دمر سبعين منزلا', 70, 'exact', 'words', 'سبعين'),
  r('اعتقل ثمانون شخصا', 80, 'exact', 'words', 'ثمانون'),
  r('أصيب تسعين مدنيا', 90, 'exact', 'words', 'تسعين'),
];

const compounds: Row[] = [
  r('قتل خمسة وعشرون شخصا', 25, 'exact', 'words', 'خمسة وعشرون'),
  r('أصيبت خمس وعشرين امرأة', 25, 'exact', 'words', 'خمس وعشرين'),
  r('قتل خمسة و عشرون شخصا', 25, 'exact', 'words', 'خمسة و عشرون'),
  r('قتل واحد وعشرون جنديا', 21, 'exact', 'words', 'واحد وعشرون'),
  r('اعتقل مئة وخمسون شخصا', 150, 'exact', 'words', 'مئة وخمسون'),
  r('نزحت مئتان وثلاثة أسر', 203, 'exact', 'words', 'مئتان وثلاثة'),
  r('اعتقل ثلاث مئة شخص', 300, 'exact', 'words', 'ثلاث مئة'),
  r('نزحت خمسمئة عائلة', 500, 'exact', 'words', 'خمسمئة'),
  r('مرت ثلاثمائة وخمسة وستون يوما على الحصار', 365, 'exact', 'words', 'ثلاثمائة وخمسة وستون'),
  r('قتل ثلاثة آلاف شخص', 3000, 'exact', 'words', 'ثلاثة آلاف'),
  r('نزح ألف ومئتان من السكان', 1200, 'exact', 'words', 'ألف ومئتان'),
  r('نزح ألفان من السكان', 2000, 'exact', 'words', 'ألفان'),
  r('نزح ألفين وخمسمائة شخص', 2500, 'exact', 'words', 'ألفين وخمسمائة'),
  r('نزح ثلاثة عشر ألفا', 13_000, 'exact', 'words', 'ثلاثة عشر ألفا'),
  r('نزح مئتا ألف شخص', 200_000, 'exact', 'words', 'مئتا ألف'),
  r('نزح خمسة ملايين سوري', 5_000_000, 'exact', 'words', 'خمسة ملايين'),
  r('نزح ثلاثة آلاف وخمسمائة وعشرون شخصا', 3520, 'exact', 'words', 'ثلاثة آلاف وخمسمائة وعشرون'),
  r('بلغ عدد النازحين ثلاثة ملايين وخمسمائة ألف', 3_500_000, 'exact', 'words', 'ثلاثة ملايين وخمسمائة ألف'),
  r('قُتِلَ خَمْسَةٌ وَعِشْرُونَ شَخْصاً', 25, 'exact', 'words', 'خَمْسَةٌ وَعِشْرُونَ'),
  r('نزح خمســة وعشـرون ألفـا', 25_000, 'exact', 'words', 'خمســة وعشـرون ألفـا'),
];

const clitics: Row[] = [
  r('قتل جنديان وخمسة مدنيين', 5, 'exact', 'words', 'وخمسة', 'خمسة'),
  r('قدرت الحصيلة بثلاثين قتيلا', 30, 'exact', 'words', 'بثلاثين', 'ثلاثين'),
  r('تعرضت البلدة لعشرات الغارات', 12, 'vague', 'vague', 'لعشرات', 'عشرات'),
  r('ووصل العدد وخمسة وعشرون', 25, 'exact', 'words', 'وخمسة وعشرون', 'خمسة وعشرون'),
  r('قُتل ثلاثة، وَخَمْسَةٌ آخرون', 5, 'exact', 'words', 'وَخَمْسَةٌ', 'خَمْسَةٌ', { of: 2, nth: 1 }),
  r('قصفت المدينة بعشرات الصواريخ', 12, 'vague', 'vague', 'بعشرات', 'عشرات'),
];

const vague: Row[] = [
  r('قتل عشرات المدنيين في القصف', 12, 'vague', 'vague', 'عشرات'),
  r('أصيب العشرات بجروح', 12, 'vague', 'vague', 'العشرات'),
  r('نزح مئات الأشخاص', 100, 'vague', 'vague', 'مئات'),
  r('اعتقلت السلطات المئات', 100, 'vague', 'vague', 'المئات'),
  r('فر آلاف السكان من المدينة', 1000, 'vague', 'vague', 'آلاف'),
  r('نزح الآلاف من السكان', 1000, 'vague', 'vague', 'الآلاف'),
  r('نزح عشرات الآلاف', 12_000, 'vague', 'vague', 'عشرات الآلاف'),
  r('نزح مئات الآلاف من المدنيين', 100_000, 'vague', 'vague', 'مئات الآلاف'),
];

const qualifiers: Row[] = [
  r('قتل نحو 20 شخصا', 20, 'approximate', 'digits', 'نحو 20', '20'),
  r('نزح حوالي ٣٠٠٠ شخص', 3000, 'approximate', 'digits', 'حوالي ٣٠٠٠', '٣٠٠٠'),
  r('قتل حوالى خمسين مسلحا', 50, 'approximate', 'words', 'حوالى خمسين', 'خمسين'),
  r('قتل قرابة مئة شخص', 100, 'approximate', 'words', 'قرابة مئة', 'مئة'),
  r('نزح زهاء ألفي شخص', 2000, 'approximate', 'words', 'زهاء ألفي', 'ألفي'),
  r('قتل أكثر من 30 شخصا', 30, 'atLeast', 'digits', 'أكثر من 30', '30'),
  r('اعتقل أزيد من مئتي شخص', 200, 'atLeast', 'words', 'أزيد من مئتي', 'مئتي'),
  r('أصيب ما لا يقل عن 15 شخصا', 15, 'atLeast', 'digits', 'ما لا يقل عن 15', '15'),
  r('قتل على الأقل 12 جنديا', 12, 'atLeast', 'digits', 'على الأقل 12', '12'),
  r('قتل 20 شخصا على الأقل', 20, 'atLeast', 'digits', '20 شخصا على الأقل', '20'),
  r('قتل عشرة على الأقل', 10, 'atLeast', 'words', 'عشرة على الأقل', 'عشرة'),
  r('نزح 500 شخص تقريبا', 500, 'approximate', 'digits', '500 شخص تقريبا', '500'),
  r('قتل 100 أو أكثر', 100, 'atLeast', 'digits', '100 أو أكثر', '100'),
  r('تسبب القصف بنحو خمسين إصابة', 50, 'approximate', 'words', 'بنحو خمسين', 'خمسين'),
  r('ارتفعت الحصيلة لأكثر من 40', 40, 'atLeast', 'digits', 'لأكثر من 40', '40'),
  r('قتل قرابة الـ300 شخص', 300, 'approximate', 'digits', 'قرابة الـ300', '300'),
  r('قتل أقل من عشرة', 10, 'atMost', 'words', 'أقل من عشرة', 'عشرة'),
  r('قُتِلَ نَحْوَ ٢٠ شَخْصاً', 20, 'approximate', 'digits', 'نَحْوَ ٢٠', '٢٠'),
  r('قتل أكثر من عشرين ألفا', 20_000, 'atLeast', 'words', 'أكثر من عشرين ألفا', 'عشرين ألفا'),
];

const ranges: Row[] = [
  r('قتل بين 10 و15 شخصا', 10, 'range', 'digits', 'بين 10 و15', '10 و15', { high: 15 }),
  r('قتل بين 10 و 15 شخصا', 10, 'range', 'digits', 'بين 10 و 15', '10 و 15', { high: 15 }),
  r('قتل بين عشرة وخمسة عشر شخصا', 10, 'range', 'words', 'بين عشرة وخمسة عشر', 'عشرة وخمسة عشر', { high: 15 }),
  r('قتل بين عشرين وخمسة وعشرين', 20, 'range', 'words', 'بين عشرين وخمسة وعشرين', 'عشرين وخمسة وعشرين', { high: 25 }),
  r('قتل 10-15 شخصا', 10, 'range', 'digits', '10-15', '10-15', { high: 15 }),
  r('قتل ١٠-١٥ شخصا', 10, 'range', 'digits', '١٠-١٥', '١٠-١٥', { high: 15 }),
  r('ارتفع عدد القتلى من 10 إلى 15', 10, 'range', 'digits', 'من 10 إلى 15', '10 إلى 15', { high: 15 }),
  r('قتل ما بين 20 و30 شخصا', 20, 'range', 'digits', 'ما بين 20 و30', '20 و30', { high: 30 }),
  r('أصيب ثلاثة أو أربعة', 3, 'range', 'words', 'ثلاثة أو أربعة', 'ثلاثة أو أربعة', { high: 4 }),
  r('نزح بين 5 آلاف و7 آلاف', 5000, 'range', 'digits', 'بين 5 آلاف و7 آلاف', '5 آلاف و7 آلاف', { high: 7000 }),
  // a scale after the second number counts for the first too
  r('نزح بين 10 و15 ألفا', 10_000, 'range', 'digits', 'بين 10 و15 ألفا', '10 و15 ألفا', { high: 15_000 }),
  r('نزح خمسة أو ستة آلاف شخص', 5000, 'range', 'words', 'خمسة أو ستة آلاف', 'خمسة أو ستة آلاف', { high: 6000 }),
  r('نزح بين 500 و3 آلاف', 500, 'range', 'digits', 'بين 500 و3 آلاف', '500 و3 آلاف', { high: 3000 }),
];

// Separate numbers that must not run together, and sentences with two of them.
const apart: Row[] = [
  r('قتل عشرين وأصيب خمسة', 20, 'exact', 'words', 'عشرين', 'عشرين', { of: 2 }),
  r('قتل عشرين وأصيب خمسة', 5, 'exact', 'words', 'خمسة', 'خمسة', { of: 2, nth: 1 }),
  r('عشرين وخمسة', 5, 'exact', 'words', 'وخمسة', 'خمسة', { of: 2, nth: 1 }),
  r('قتل خمسة عشر و عشرون', 15, 'exact', 'words', 'خمسة عشر', 'خمسة عشر', { of: 2 }),
  r('الجرحى 5،6', 6, 'exact', 'digits', '6', '6', { of: 2, nth: 1 }),
  r('وقع الهجوم في 2024-05-12', 12, 'exact', 'digits', '12', '12', { of: 3, nth: 2 }),
];

const tables: Array<[string, Row[]]> = [
  ['digits', digits],
  ['units, masculine and feminine', units],
  ['teens', teens],
  ['tens', tens],
  ['compounds', compounds],
  ['attached clitics', clitics],
  ['vague quantities', vague],
  ['qualifiers', qualifiers],
  ['ranges', ranges],
  ['numbers apart', apart],
];

describe('findNumbers', () => {
  for (const [name, rows] of tables) {
    describe(name, () => {
      it.each(rows)('$text → $value', (row) => {
        const { text, layers } = read(row.text);
        const nums = layers.numbers;
        expect(nums.map((n) => slice(text, n)), 'numbers found').toHaveLength(row.of ?? 1);
        const m = nums[row.nth ?? 0];
        expect({ value: m.value, high: m.high, qualifier: m.qualifier, form: m.form }).toEqual({
          value: row.value,
          high: row.high ?? row.value,
          qualifier: row.qualifier,
          form: row.form,
        });
        expect(slice(text, m)).toBe(row.span);
        expect(slice(text, m.valueSpan)).toBe(row.valueSpan);
        // the very place, not only the same letters somewhere (each expected span occurs once in its row)
        expect(text.lastIndexOf(row.span)).toBe(text.indexOf(row.span));
        expect(m.start).toBe(text.indexOf(row.span));
        expect(m.valueSpan.start).toBe(text.indexOf(row.valueSpan));
        expect(m.valueSpan.start).toBeGreaterThanOrEqual(m.start);
        expect(m.valueSpan.end).toBeLessThanOrEqual(m.end);
      });
    });
  }

  // Words that look like numbers but count nothing.
  it.each([
    'قتل يوم الأحد أحد المسلحين',
    'قتلت إحدى النساء في القرية',
    'بدأ الهجوم يوم الاثنين',
    'سقطت قذيفة بأحد الأحياء',
    'أسقطت الدفاعات طائرة F-16',
    'وقع الهجوم بين الأربعاء والخميس',
    'لست أدري ماذا حدث',
    'أعلنت الثلاثاء حدادا',
  ])('no number in %s', (text) => {
    expect(read(text).layers.numbers.map((n) => slice(text, n))).toEqual([]);
  });

  it('keeps the numbers of one sentence in order, each once', () => {
    const text = 'قتل 5 أشخاص وأصيب نحو عشرين آخرين، فيما نزح عشرات الآلاف.';
    const nums = read(text).layers.numbers;
    expect(nums.map((n) => [slice(text, n), n.value, n.qualifier])).toEqual([
      ['5', 5, 'exact'],
      ['نحو عشرين', 20, 'approximate'],
      ['عشرات الآلاف', 12_000, 'vague'],
    ]);
    expect(nums.map((n) => n.ruleId)).toEqual(['num.digits', 'num.words.approximate', 'num.vague']);
  });

  it("ends a number's tokens at the number, so the counted noun is tokens[tokenEnd]", () => {
    const text = 'قتل 20 شخصا على الأقل';
    const doc = read(text);
    const [m] = doc.layers.numbers;
    expect(doc.layers.tokens[m.tokenEnd].norm).toBe('شخصا');
    expect(doc.layers.tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.norm)).toEqual(['20']);
  });

  it('reads a dual noun as 2 when the injected lexicon lists it (the casualty lexicon does)', () => {
    const base = arabicData();
    expect(read('قتل شخصين في الهجوم').layers.numbers).toEqual([]);
    const withDuals = { ...base, numbers: { ...base.numbers, duals: new Map([['شخصين', 2]]) } };
    const doc = read('قتل شخصين في الهجوم', withDuals);
    expect(doc.layers.numbers.map((n) => [slice(doc.text, n), n.value, n.form])).toEqual([['شخصين', 2, 'dual']]);
  });
});

describe('parseDigits', () => {
  it.each([
    ['5', 5],
    ['1500', 1500],
    ['1,500', 1500],
    ['1,250,000', 1_250_000],
    ['1,500.5', 1500.5],
    ['3.5', 3.5],
    ['1.000.000', 1_000_000],
  ])('%s → %d', (s, v) => {
    expect(parseDigits(s)).toBe(v);
  });

  it('gives NaN for what is not a quantity (a version number)', () => {
    expect(parseDigits('1.2.3')).toBeNaN();
  });
});
