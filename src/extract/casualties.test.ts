// Casualty phrasings of Arabic news, read by the whole extractor: each row is a sentence of our own and
// the exact list of casualty mentions it must give — kind, count, qualifier, subset and update marks,
// and the evidence span in the original text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CasualtyKind, CasualtyMention, Qualifier } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

interface Expected {
  kind: CasualtyKind;
  value: number | null;
  /** The original text of the mention (word and number). */
  span: string;
  qualifier?: Qualifier | null;
  subset?: boolean;
  update?: boolean;
  /** The rule id, or its start. */
  rule?: string;
}

interface Row {
  text: string;
  want: Expected[];
}

const m = (kind: CasualtyKind, value: number | null, span: string, more: Partial<Expected> = {}): Expected => ({ kind, value, span, ...more });
const row = (text: string, ...want: Expected[]): Row => ({ text, want });

const counted: Row[] = [
  row('قال مصدر طبي إن 7 قتلى سقطوا في القصف.', m('killed', 7, '7 قتلى', { qualifier: 'exact', rule: 'casualties.killed.number-noun' })),
  row('قال المرصد إن ٧ قتلى سقطوا في القصف.', m('killed', 7, '٧ قتلى')),
  row('أعلنت الشرطة مقتل 5 أشخاص في انفجار سيارة مفخخة.', m('killed', 5, 'مقتل 5', { rule: 'casualties.killed.word-number' })),
  row('قتل 12 شخصا في هجوم مسلح على سوق شعبي.', m('killed', 12, 'قتل 12')),
  row('وقتل 12 شخصا في هجوم على حافلة.', m('killed', 12, 'وقتل 12')),
  row('انفجرت عبوة ناسفة ما أسفر عن مقتل 3 مدنيين.', m('killed', 3, 'أسفر عن مقتل 3')),
  row('استشهد 6 فلسطينيين برصاص قوات الاحتلال.', m('killed', 6, 'استشهد 6')),
  row('أسفرت الغارة عن مقتل عشرة مدنيين.', m('killed', 10, 'مقتل عشرة')),
  row('قتل ثلاثة أشخاص وأصيب خمسة آخرون.', m('killed', 3, 'قتل ثلاثة'), m('injured', 5, 'وأصيب خمسة')),
  row('أدى القصف إلى سقوط 4 قتلى و10 جرحى.', m('killed', 4, '4 قتلى'), m('injured', 10, '10 جرحى')),
  row('أسفر الهجوم عن إصابة 20 آخرين.', m('injured', 20, 'إصابة 20', { rule: 'casualties.injured.word-number' })),
  row('جرح ١٥ شخصا في التدافع عند المعبر.', m('injured', 15, 'جرح ١٥')),
  row('أسفرت الاشتباكات عن مقتل 4 مسلحين وإصابة 7 من عناصر الأمن.', m('killed', 4, 'مقتل 4'), m('injured', 7, 'وإصابة 7')),
  row('انفجرت قنبلة أودت بحياة 6 أشخاص.', m('killed', 6, 'أودت بحياة 6')),
  row('اختطف مسلحون 4 مدنيين على الطريق الدولي.', m('abducted', 4, 'اختطف مسلحون 4')),
  row('اعتقلت الشرطة 12 متظاهرا وسط العاصمة.', m('arrested', 12, 'اعتقلت الشرطة 12')),
];

const personNouns: Row[] = [
  row('أعلن الجيش مقتل جنديين في كمين.', m('killed', 2, 'مقتل جنديين', { qualifier: 'exact' })),
  row('أعلنت الشرطة مقتل شخص في إطلاق نار.', m('killed', 1, 'مقتل شخص', { qualifier: 'exact', rule: 'casualties.killed.person-singular' })),
  row('قتل مدني برصاص قناص.', m('killed', 1, 'قتل مدني')),
  row('خلف الانفجار قتيلين.', m('killed', 2, 'قتيلين', { rule: 'casualties.killed.dual-noun' })),
  row('قتل شخصان وأصيب 20 آخرون في الهجوم.', m('killed', 2, 'قتل شخصان'), m('injured', 20, 'وأصيب 20')),
  // the number after وأصيب counts the injured, not the soldier killed before it
  row('قتل جندي وأصيب اثنان آخران في الكمين.', m('killed', 1, 'قتل جندي'), m('injured', 2, 'وأصيب اثنان')),
  // an accusative singular with no number before it is one person
  row('اختطف مجهولون طبيبا من عيادته.', m('abducted', 1, 'اختطف مجهولون طبيبا')),
];

// the people come first and the casualty word carries a pronoun that points back to them
const countBefore: Row[] = [
  row('لقي 3 أشخاص مصرعهم في غارة جوية.', m('killed', 3, '3 أشخاص مصرعهم', { rule: 'casualties.killed.number-person-word' })),
  row('لقي 4 أشخاص حتفهم في انهيار مبنى قصفته الطائرات.', m('killed', 4, '4 أشخاص حتفهم')),
  row('لقي شخصان حتفهما في حادث إطلاق نار.', m('killed', 2, 'شخصان حتفهما')),
  row('لقي طفل مصرعه بقذيفة هاون.', m('killed', 1, 'طفل مصرعه', { rule: 'casualties.killed.person-singular-word' })),
  row('لقي 3 أشخاص مصرعهم وأصيب 5 آخرون.', m('killed', 3, '3 أشخاص مصرعهم'), m('injured', 5, 'وأصيب 5')),
  row('سقط 5 مدنيين قتلى في القصف.', m('killed', 5, '5 مدنيين قتلى')),
];

const qualified: Row[] = [
  row('سقط أكثر من 20 قتيلا في المعارك.', m('killed', 20, 'أكثر من 20 قتيلا', { qualifier: 'atLeast' })),
  row('سقط نحو 30 قتيلا في الاشتباكات.', m('killed', 30, 'نحو 30 قتيلا', { qualifier: 'approximate' })),
  row('قتل ما لا يقل عن 8 أشخاص في التفجير.', m('killed', 8, 'قتل ما لا يقل عن 8', { qualifier: 'atLeast' })),
  row('قتل 8 أشخاص على الأقل في التفجير.', m('killed', 8, 'قتل 8 أشخاص على الأقل', { qualifier: 'atLeast' })),
  row('قتل 14 شخصا على الأقل وأصيب أكثر من 50 آخرين.', m('killed', 14, 'قتل 14 شخصا على الأقل', { qualifier: 'atLeast' }), m('injured', 50, 'وأصيب أكثر من 50', { qualifier: 'atLeast' })),
  // vague quantities, coded as ACLED does: عشرات 12, مئات 100
  row('أصيب العشرات بجروح في المواجهات.', m('injured', 12, 'أصيب العشرات', { qualifier: 'vague' })),
  row('أصيب عشرات المدنيين في الغارات.', m('injured', 12, 'أصيب عشرات', { qualifier: 'vague' })),
  row('خلفت الغارات عشرات القتلى.', m('killed', 12, 'عشرات القتلى', { qualifier: 'vague' })),
  row('أسفرت المعارك عن مئات الجرحى.', m('injured', 100, 'مئات الجرحى', { qualifier: 'vague' })),
  row('قتل 45 مدنيا وجرح العشرات في القصف.', m('killed', 45, 'قتل 45', { qualifier: 'exact' }), m('injured', 12, 'وجرح العشرات', { qualifier: 'vague' })),
];

const subsetsAndUpdates: Row[] = [
  row('قتل 9 أشخاص بينهم 3 أطفال في الغارة.', m('killed', 9, 'قتل 9', { subset: false }), m('killed', 3, 'بينهم 3 أطفال', { subset: true, rule: 'casualties.killed.subset' })),
  row('قتل ٣٥ شخصا بينهم ١٠ نساء.', m('killed', 35, 'قتل ٣٥'), m('killed', 10, 'بينهم ١٠ نساء', { subset: true })),
  row('قتل 9 أشخاص بينهم طفلان.', m('killed', 9, 'قتل 9'), m('killed', 2, 'بينهم طفلان', { subset: true })),
  row('قتل 9 أشخاص من بينهم امرأة.', m('killed', 9, 'قتل 9'), m('killed', 1, 'من بينهم امرأة', { subset: true })),
  row('أصيب خمسة مدنيين بينهم طفل.', m('injured', 5, 'أصيب خمسة'), m('injured', 1, 'بينهم طفل', { subset: true })),
  row('قتل 9 أشخاص بينهم أكثر من 3 أطفال.', m('killed', 9, 'قتل 9'), m('killed', 3, 'بينهم أكثر من 3 أطفال', { subset: true, qualifier: 'atLeast' })),
  row('قتل 9 أشخاص بينهم 4 قتلى من الأطفال.', m('killed', 9, 'قتل 9'), m('killed', 4, '4 قتلى', { subset: true, rule: 'casualties.killed.number-noun' })),
  // the injured after the subset are not part of it
  row('قتل 6 مدنيين بينهم طفلان وأصيب 15 آخرون.', m('killed', 6, 'قتل 6'), m('killed', 2, 'بينهم طفلان', { subset: true }), m('injured', 15, 'وأصيب 15', { subset: false })),
  row('ارتفعت حصيلة القتلى إلى 20 شخصا.', m('killed', 20, 'القتلى إلى 20', { update: true, rule: 'casualties.killed.toll' })),
  row('ارتفع عدد القتلى إلى 33.', m('killed', 33, 'القتلى إلى 33', { update: true })),
  row('بلغت حصيلة ضحايا الانفجار 40 قتيلا.', m('killed', 40, 'ضحايا الانفجار 40', { update: true })),
];

const noneOrUncounted: Row[] = [
  // no injuries: nobody killed or injured; no deaths: nothing said of the injured
  row('سقطت قذيفة على الحي دون وقوع إصابات.', m('killed', 0, 'دون وقوع إصابات', { rule: 'casualties.none' }), m('injured', 0, 'دون وقوع إصابات', { rule: 'casualties.none' })),
  row('سقطت قذيفة على الحي دون سقوط قتلى.', m('killed', 0, 'دون سقوط قتلى', { rule: 'casualties.none' })),
  row('لم يسفر القصف عن إصابات.', m('killed', 0, 'إصابات', { rule: 'casualties.none.negated' }), m('injured', 0, 'إصابات', { rule: 'casualties.none.negated' })),
  row('لم تسفر الغارة على البلدة عن سقوط قتلى.', m('killed', 0, 'سقوط قتلى', { rule: 'casualties.none.negated' })),
  row('لم يسفر القصف عن أي إصابات.', m('killed', 0, 'إصابات', { rule: 'casualties.none.negated' }), m('injured', 0, 'إصابات', { rule: 'casualties.none.negated' })),
  row('أسفر القصف عن سقوط قتلى.', m('killed', null, 'سقوط قتلى', { qualifier: null, rule: 'fatalities.unquantified' })),
  // one figure for two kinds cannot be split
  row('أسفر الانفجار عن مقتل وإصابة 15 شخصا.', m('killed', null, 'مقتل', { rule: 'casualties.killed.mixed' })),
  // … but a pronoun already counts the dead: his death and two wounded
  row('وأعلنت الشرطة انفجار الحزام الناسف ومقتله وإصابة اثنين من المواطنين.',
    m('killed', 1, 'ومقتله', { rule: 'casualties.killed.pronoun-singular' }), m('injured', 2, 'وإصابة اثنين', { rule: 'casualties.injured.word-number' })),
  // a running total is not one event's figure, before or after the period
  row('منذ بدء الحرب قتل 5000 شخص.'),
  row('قتل 1500 مدني منذ بداية العام.'),
  row('قتل 20 ألف شخص منذ بداية الحرب.'),
];

// duals, people joined by و, counts told before a plural verb, verbs split by their subject
const dualsAndCountsBefore: Row[] = [
  row('أصيب مستوطنان قرب البلدة.', m('injured', 2, 'أصيب مستوطنان')),
  row('قتل جنديان وأصيب آخران في الكمين.', m('killed', 2, 'قتل جنديان'), m('injured', 2, 'وأصيب آخران', { rule: 'casualties.injured.word-number' })),
  row('لقي جنديان آخران مصرعهما في الهجوم.', m('killed', 2, 'جنديان آخران مصرعهما')),
  row('أصيب طفل وامرأة في القصف.', m('injured', 2, 'أصيب طفل وامرأة', { rule: 'casualties.injured.person-singular' })),
  row('وكان 14 جنديا قتلوا أول من أمس في الهجوم.', m('killed', 14, '14 جنديا قتلوا', { rule: 'casualties.killed.number-before-verb' })),
  row('قال مصدر إن اثنين من عناصر الشرطة وثلاثة من المسلحين قتلوا في الاشتباك.',
    m('killed', 5, 'اثنين من عناصر الشرطة وثلاثة من المسلحين قتلوا', { rule: 'casualties.killed.number-before-verb' })),
  row('وقال المتحدث إن عشرة رجال على الأقل قتلوا وجرح عشرون آخرون في الغارة.',
    m('killed', 10, 'عشرة رجال على الأقل قتلوا', { qualifier: 'atLeast' }), m('injured', 20, 'وجرح عشرون')),
  row('أودى الانفجار بحياة 4 أشخاص.', m('killed', 4, 'بحياة 4', { rule: 'casualties.killed.word-number' })),
  // a running total since a day is not this event's figure
  row('وقال زعيم القبيلة إن أكثر من 200 شخص قتلوا منذ الجمعة الماضية.'),
];

// an age, a span of time or a distance is not a count of people
const measures: Row[] = [
  row('أدى القصف إلى إصابة طفل (15 عاما) بشظايا.', m('injured', 1, 'إصابة طفل')),
  row('قتل شاب يبلغ 22 عاما برصاص قناص.', m('killed', 1, 'قتل شاب')),
];

const years: Row[] = [
  row('قتل 4 أشخاص في هجوم مماثل عام 2021.', m('killed', 4, 'قتل 4')),
  row('قتل 12 شخصا عام 2016.', m('killed', 12, 'قتل 12')),
  row('سقط قتلى في معارك عام 2021.', m('killed', null, 'قتلى', { rule: 'fatalities.unquantified' })),
];

// leaders and ranks are people; a singular object after a plural subject; a verb's object pronoun; attempts
const titlesAndAttempts: Row[] = [
  row('اغتال مسلحون العقيد سالم الورفلي قرب منزله.', m('killed', 1, 'اغتال مسلحون العقيد', { rule: 'casualties.killed.person-singular' })),
  row('اغتال مسلحون مجهولون العقيد سالم الورفلي أمام منزله.', m('killed', 1, 'اغتال مسلحون مجهولون العقيد', { rule: 'casualties.killed.person-singular' })),
  row('قتل مجهولون زعيم عشيرة على طريق المطار.', m('killed', 1, 'قتل مجهولون زعيم', { rule: 'casualties.killed.person-singular' })),
  row('أعلنت الشرطة مقتل قائد كتيبة في اشتباك ليلي.', m('killed', 1, 'مقتل قائد', { rule: 'casualties.killed.person-singular' })),
  row('أطلق مسلحون النار على التاجر وأردوه قتيلا.', m('killed', 1, 'وأردوه قتيلا', { rule: 'casualties.killed.object-pronoun-singular' })),
  row('اقتحم ملثمون المنزل وقتلوه أمام عائلته.', m('killed', 1, 'وقتلوه', { rule: 'casualties.killed.object-pronoun-singular' })),
  // (a plural pronoun counts no one)
  row('اقتحم ملثمون المنزل وقتلوهم أمام الجيران.'),
  row('نجا ضابط من محاولة لاغتياله قرب منزله.'),
  row('تعرض القاضي لمحاولة اغتيال فاشلة صباح اليوم.'),
  row('نجا المحافظ من الموت بعد انفجار عبوة ناسفة بموكبه.'),
  row('حاول مسلحون اغتيال رئيس البلدية أمس.'),
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

function casualtiesOf(text: string): CasualtyMention[] {
  return extract({ id: 'casualties-test', text, publishedAt: '2016-09-11' }).layers.casualties;
}

describe('casualty mentions', () => {
  const groups: Array<[string, Row[]]> = [
    ['a count and a casualty word', counted],
    ['a person noun for the count', personNouns],
    ['the count before the people', countBefore],
    ['qualified and vague counts', qualified],
    ['subsets and updated tolls', subsetsAndUpdates],
    ['no casualties, no count, running totals', noneOrUncounted],
    ['duals, people joined by و, counts before a plural verb', dualsAndCountsBefore],
    ['measures are never counts', measures],
    ['years are never counts', years],
    ['titles, object pronouns and attempts', titlesAndAttempts],
  ];
  for (const [name, rows] of groups) {
    describe(name, () => {
      it.each(rows)('$text', ({ text, want }) => {
        const got = casualtiesOf(text);
        expect(got.map((c) => ({ kind: c.kind, value: c.value, span: text.slice(c.start, c.end) }))).toEqual(
          want.map((w) => ({ kind: w.kind, value: w.value, span: w.span })),
        );
        want.forEach((w, k) => {
          const c = got[k];
          if (w.qualifier !== undefined) expect(c.qualifier).toBe(w.qualifier);
          expect(c.subset).toBe(w.subset ?? false);
          expect(c.update).toBe(w.update ?? false);
          if (w.rule) expect(c.ruleId.startsWith(w.rule)).toBe(true);
          // evidence: the word and the number lie inside the mention
          expect(c.wordSpan.start).toBeGreaterThanOrEqual(c.start);
          expect(c.wordSpan.end).toBeLessThanOrEqual(c.end);
          if (c.numberSpan) {
            expect(c.numberSpan.start).toBeGreaterThanOrEqual(c.start);
            expect(c.numberSpan.end).toBeLessThanOrEqual(c.end);
          } else if (c.value !== null && c.value > 2) {
            throw new Error(`a count of ${c.value} without a number span`);
          }
        });
      });
    });
  }
});

describe('a year is never a count of people', () => {
  it.each(['عام 2021', 'سنة 2014', '2019'])('%s', (year) => {
    const text = `قتل 3 أشخاص وأصيب آخرون في هجوم على القرية ${year} بحسب الشهود.`;
    for (const c of casualtiesOf(text)) {
      expect(c.value === null || c.value < 1900).toBe(true);
    }
  });
});
