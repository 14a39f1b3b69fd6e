// Casualty phrasings, read by the whole extractor into event figures: each row is a sentence of our own
// and the exact events it must give — fatalities and injured as ACLED codes them (the most conservative
// stated figure, عشرات 12, مئات 100, "more than 20" 20, no number null), the rule that decided each, and
// the evidence, which must be the words of the sentence that state the figure.
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

interface Want {
  /** The event's place as written. */
  placeAr: string;
  fatalities: number | null;
  injured: number | null;
  fatalitiesRule: string;
  injuredRule: string;
  /** The text of the fatalities and the injured evidence, in order. */
  fatalitiesEvidence: string[];
  injuredEvidence: string[];
}

interface Row {
  pub: string;
  text: string;
  want: Want[];
}

const e = (
  placeAr: string, fatalities: number | null, injured: number | null, fatalitiesRule: string, injuredRule: string,
  fatalitiesEvidence: string[], injuredEvidence: string[],
): Want => ({ placeAr, fatalities, injured, fatalitiesRule, injuredRule, fatalitiesEvidence, injuredEvidence });
const r = (pub: string, text: string, ...want: Want[]): Row => ({ pub, text, want });

const rows: Row[] = [
  // a count with a killing or injuring word
  r('2024-03-14', 'قتل 12 شخصا في غارة جوية على سوق مدينة نيالا أمس.', e('نيالا', 12, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 12'], [])),
  r('2024-03-14', 'أسفر قصف مدفعي على مدينة الفاشر عن مقتل 7 مدنيين وإصابة 20 آخرين.', e('الفاشر', 7, 20, 'casualties.killed.word-number', 'casualties.injured.word-number', ['مقتل 7'], ['وإصابة 20'])),
  r('2019-05-12', 'لقي 4 أشخاص مصرعهم في انفجار عبوة ناسفة بمدينة الرمادي.', e('الرمادي', 4, null, 'casualties.killed.number-person-word', 'injured.none-reported', ['4 أشخاص مصرعهم'], [])),
  r('2019-05-12', 'قتل جندي وأصيب اثنان آخران في هجوم على حاجز للجيش قرب مدينة العريش.', e('قرب مدينة العريش', 1, 2, 'casualties.killed.person-singular', 'casualties.injured.word-number', ['قتل جندي'], ['وأصيب اثنان'])),
  r('2019-05-12', 'أصيب 15 شخصا بجروح في قصف على مدينة إدلب.', e('إدلب', 0, 15, 'fatalities.none-reported', 'casualties.injured.word-number', [], ['أصيب 15'])),
  r('2019-05-12', 'جرح 6 مدنيين في انفجار سيارة مفخخة بمدينة عفرين.', e('عفرين', 0, 6, 'fatalities.none-reported', 'casualties.injured.word-number', [], ['جرح 6'])),
  r('2019-05-12', 'قتل ثلاثة أشخاص وأصيب خمسة آخرون في غارة على مدينة معرة النعمان.', e('معرة النعمان', 3, 5, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل ثلاثة'], ['وأصيب خمسة'])),
  r('2019-05-12', 'سقط 5 قتلى و11 جريحا في قصف على مدينة حلب.', e('حلب', 5, 11, 'casualties.killed.number-noun', 'casualties.injured.number-noun', ['5 قتلى'], ['11 جريحا'])),
  r('2019-05-12', 'قتل ٧ أشخاص وأصيب ١٢ في قصف على مدينة حلب.', e('حلب', 7, 12, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل ٧'], ['وأصيب ١٢'])),
  r('2023-10-20', 'أعلنت وزارة الصحة مقتل 25 شخصا وإصابة 60 في غارات على مدينة غزة.', e('غزة', 25, 60, 'casualties.killed.word-number', 'casualties.injured.word-number', ['مقتل 25'], ['وإصابة 60'])),
  r('2019-05-12', 'أسفر الهجوم على مدينة بيدوا عن سقوط 3 قتلى.', e('بيدوا', 3, null, 'casualties.killed.number-noun', 'injured.none-reported', ['3 قتلى'], [])),
  r('2019-05-12', 'قتل مسلحان في اشتباك مع الشرطة في مدينة العريش.', e('العريش', 2, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل مسلحان'], [])),
  r('2019-05-12', 'استشهد 3 فلسطينيين برصاص الجيش الإسرائيلي في مدينة جنين.', e('جنين', 3, null, 'casualties.killed.word-number', 'injured.none-reported', ['استشهد 3'], [])),
  r('2019-05-12', 'أسفرت الاشتباكات في مدينة القامشلي عن مقتل 4 مسلحين وإصابة 7 من عناصر الأمن.', e('القامشلي', 4, 7, 'casualties.killed.word-number', 'casualties.injured.word-number', ['مقتل 4'], ['وإصابة 7'])),
  r('2019-05-12', 'أصيب 3 جنود بجروح خطيرة في انفجار لغم قرب مدينة تلعفر.', e('قرب مدينة تلعفر', 0, 3, 'fatalities.none-reported', 'casualties.injured.word-number', [], ['أصيب 3'])),
  r('2019-05-12', 'قتل أربعة جنود بانفجار عبوة ناسفة في مدينة الشيخ زويد، بينما أصيب ضابط.', e('الشيخ زويد', 4, 1, 'casualties.killed.word-number', 'casualties.injured.person-singular', ['قتل أربعة'], ['أصيب ضابط'])),
  // more than, about, at least: the stated figure
  r('2019-05-12', 'قتل أكثر من 20 مدنيا في غارات على مدينة سراقب.', e('سراقب', 20, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل أكثر من 20'], [])),
  r('2019-05-12', 'قتل نحو 30 شخصا في اشتباكات في مدينة طرابلس الليبية.', e('مدينة طرابلس', 30, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل نحو 30'], [])),
  r('2019-05-12', 'قتل ما لا يقل عن 8 أشخاص في تفجير انتحاري في مدينة مقديشو.', e('مقديشو', 8, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل ما لا يقل عن 8'], [])),
  r('2019-05-12', 'قتل 14 شخصا على الأقل وأصيب أكثر من 50 آخرين في تفجير بمدينة مقديشو.', e('مقديشو', 14, 50, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل 14 شخصا على الأقل'], ['وأصيب أكثر من 50'])),
  // vague quantities as ACLED codes them: عشرات 12, مئات 100, عدة none
  r('2019-05-12', 'قتل العشرات في قصف على مدينة دوما.', e('دوما', 12, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل العشرات'], [])),
  r('2019-05-12', 'أصيب عشرات المدنيين في غارات على مدينة خان شيخون.', e('خان شيخون', 0, 12, 'fatalities.none-reported', 'casualties.injured.word-number', [], ['أصيب عشرات'])),
  r('2019-05-12', 'خلفت الغارات على مدينة أريحا عشرات القتلى.', e('أريحا', 12, null, 'casualties.killed.vague-number', 'injured.none-reported', ['عشرات القتلى'], [])),
  r('2019-05-12', 'قتل 45 مدنيا وجرح العشرات في قصف على مدينة الأبيض.', e('الأبيض', 45, 12, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل 45'], ['وجرح العشرات'])),
  r('2019-05-12', 'أسفرت المعارك في مدينة درنة عن مئات القتلى.', e('درنة', 100, null, 'casualties.killed.vague-number', 'injured.none-reported', ['مئات القتلى'], [])),
  r('2019-05-12', 'قتل عدة أشخاص في قصف على مدينة إدلب.', e('إدلب', null, null, 'fatalities.unquantified', 'injured.none-reported', ['قتل عدة أشخاص'], [])),
  // a subset is part of the total, not added to it
  r('2019-05-12', 'قتل 9 أشخاص بينهم 3 أطفال في غارة على مدينة صعدة.', e('صعدة', 9, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 9'], [])),
  r('2019-05-12', 'قتل 6 مدنيين بينهم طفلان وأصيب 15 آخرون في قصف على مدينة تعز.', e('تعز', 6, 15, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل 6'], ['وأصيب 15'])),
  r('2019-05-12', 'أصيب خمسة مدنيين بينهم طفل في انفجار لغم في مدينة درنة.', e('درنة', 0, 5, 'fatalities.none-reported', 'casualties.injured.word-number', [], ['أصيب خمسة'])),
  r('2019-05-12', 'قتل 9 أشخاص من بينهم امرأة في قصف على مدينة جسر الشغور.', e('جسر الشغور', 9, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 9'], [])),
  // one person, two people, without a digit
  r('2019-05-12', 'قتل مدني برصاص قناص في مدينة درعا.', e('درعا', 1, null, 'casualties.killed.person-singular', 'injured.none-reported', ['قتل مدني'], [])),
  r('2019-05-12', 'خلف الانفجار في مدينة بنغازي قتيلين.', e('بنغازي', 2, null, 'casualties.killed.dual-noun', 'injured.none-reported', ['قتيلين'], [])),
  r('2019-05-12', 'لقي طفل مصرعه بقذيفة هاون في مدينة دمشق.', e('مدينة دمشق', 1, null, 'casualties.killed.person-singular-word', 'injured.none-reported', ['طفل مصرعه'], [])),
  r('2019-05-12', 'لقي شخصان حتفهما في إطلاق نار في مدينة عدن.', e('عدن', 2, null, 'casualties.killed.person-dual-word', 'injured.none-reported', ['شخصان حتفهما'], [])),
  r('2019-05-12', 'اغتيل ضابط في الجيش برصاص مسلحين مجهولين في مدينة درعا.', e('درعا', 1, null, 'casualties.killed.person-singular', 'injured.none-reported', ['اغتيل ضابط'], [])),
  // figures in the sentence after the event, tolls and their updates
  r('2019-05-12', 'انفجرت سيارة مفخخة في مدينة الباب. وأسفر الانفجار عن مقتل 8 أشخاص وإصابة 12 آخرين.', e('الباب', 8, 12, 'casualties.killed.word-number', 'casualties.injured.word-number', ['مقتل 8'], ['وإصابة 12'])),
  r('2019-05-12', 'شنت طائرات حربية غارات على مدينة سراقب. وقتل في الغارات 5 مدنيين.', e('سراقب', 5, null, 'casualties.killed.word-number', 'injured.none-reported', ['وقتل في الغارات 5'], [])),
  r('2019-05-12', 'انفجرت عبوة ناسفة في مدينة الموصل ما أسفر عن مقتل 5 أشخاص. ثم ارتفعت حصيلة القتلى إلى 9.', e('الموصل', 9, null, 'killed.toll-update', 'injured.none-reported', ['القتلى إلى 9'], [])),
  r('2019-05-12', 'قتل 3 أشخاص في قصف على مدينة حلب، وارتفع عدد القتلى لاحقا إلى 7.', e('حلب', 7, null, 'killed.toll-update', 'injured.none-reported', ['القتلى لاحقا إلى 7'], [])),
  r('2019-05-12', 'بلغت حصيلة ضحايا التفجير في مدينة مقديشو 40 قتيلا.', e('مقديشو', 40, null, 'killed.toll-update', 'injured.none-reported', ['ضحايا التفجير في مدينة مقديشو 40'], [])),
  // two sources, two figures: the most conservative
  r('2019-05-12', 'قتل 10 أشخاص في تفجير بمدينة كركوك بحسب الشرطة، فيما قالت مصادر طبية إن 14 شخصا قتلوا.', e('كركوك', 10, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 10'], [])),
  r('2019-05-12', 'قتل 8 أشخاص في تفجير بمدينة مقديشو، وقالت حركة الشباب المجاهدين إن 20 قتلوا.', e('مقديشو', 8, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 8'], [])),
  // no casualties, deaths without a number, a figure for two kinds
  r('2019-05-12', 'سقطت قذيفة على مدينة حلب دون وقوع إصابات.', e('حلب', 0, 0, 'casualties.none', 'casualties.none', ['دون وقوع إصابات'], ['دون وقوع إصابات'])),
  r('2019-05-12', 'سقطت قذيفة على مدينة حلب دون سقوط قتلى.', e('حلب', 0, null, 'casualties.none', 'injured.none-reported', ['دون سقوط قتلى'], [])),
  r('2019-05-12', 'أسفر القصف على مدينة حماة عن سقوط قتلى.', e('حماة', null, null, 'fatalities.unquantified', 'injured.none-reported', ['سقوط قتلى'], [])),
  r('2019-05-12', 'أسفر الانفجار في مدينة البصرة عن مقتل وإصابة 15 شخصا.', e('البصرة', null, null, 'fatalities.unquantified', 'injured.none-reported', ['مقتل'], [])),
  // a new clause (كما، فيما) with its own event takes the casualties told in it
  r('2019-05-12', 'قتل 10 جنود في هجوم على معسكر في مدينة تمبكتو، كما لقي جنديان آخران مصرعهما في كمين قرب مدينة نامبالا.',
    e('تمبكتو', 10, null, 'casualties.killed.word-number', 'injured.none-reported', ['قتل 10'], []),
    e('قرب مدينة نامبالا', 2, null, 'casualties.killed.number-person-word', 'injured.none-reported', ['جنديان آخران مصرعهما'], [])),
  r('2019-05-12', 'قال مصدر إن اثنين من عناصر الشرطة وثلاثة من المسلحين قتلوا خلال اشتباكات في مدينة العريش.',
    e('العريش', 5, null, 'casualties.killed.number-before-verb', 'injured.none-reported', ['اثنين من عناصر الشرطة وثلاثة من المسلحين قتلوا'], [])),
  // dead told with a definite noun for the event (في الغارة الجوية) are that event's, not the last one's of any kind
  r('2019-05-12', 'شنت طائرة مجهولة غارة جوية على موقع قرب مطار طرابلس. وسيطر مسلحون على مقر الجيش في مدينة ترهونة. وقال مصدر إن عشرة رجال على الأقل قتلوا وجرح عشرون آخرون في الغارة الجوية.',
    e('قرب مطار طرابلس', 10, 20, 'casualties.killed.number-before-verb', 'casualties.injured.word-number', ['عشرة رجال على الأقل قتلوا'], ['وجرح عشرون']),
    e('ترهونة', 0, null, 'fatalities.none-reported', 'injured.none-reported', [], [])),
  // … and "الهجوم" is not the similar attacks told beside it (هجمات مماثلة)
  r('2019-05-12', 'شن مسلحون هجوما على مواقع للجيش في بلدة الميادين شرق دير الزور. وتزامن ذلك مع هجمات مماثلة على مواقع للجيش في مدينة البوكمال. ونشرت صفحات موالية أسماء 8 قتلى من الجيش جراء الهجوم.',
    e('الميادين', 8, null, 'casualties.killed.number-noun', 'injured.none-reported', ['8 قتلى'], []),
    e('البوكمال', 0, null, 'fatalities.none-reported', 'injured.none-reported', [], [])),
  // an attempted killing kills no one
  r('2019-05-12', 'نجا ضابط في الجيش من محاولة لاغتياله في مدينة بنغازي.', e('بنغازي', 0, null, 'fatalities.none-reported', 'injured.none-reported', [], [])),
  // a killing in a clause of its own (بينما …), with its place, is its own event, not the toll of the next clause's
  r('2019-05-12', 'قتل مجهولون زعيم قبيلة في مدينة درنة بينما نجا ضابط في الجيش من محاولة لاغتياله في مدينة بنغازي.',
    e('درنة', 1, null, 'casualties.killed.person-singular', 'injured.none-reported', ['قتل مجهولون زعيم'], []),
    e('بنغازي', 0, null, 'fatalities.none-reported', 'injured.none-reported', [], [])),
  // a sentence with no event of its own gives its dead to the recent event at the place it names
  r('2019-05-12', 'اشتبك مسلحون مع حراس زعيم قبيلة في مدينة درنة بينما نجا ضابط في الجيش من محاولة لاغتياله في مدينة بنغازي. وقال مصدر أمني في مدينة درنة إن ثلاثة أشخاص لقوا حتفهم.',
    e('درنة', 3, null, 'casualties.killed.number-person-word', 'injured.none-reported', ['ثلاثة أشخاص لقوا حتفهم'], []),
    e('بنغازي', 0, null, 'fatalities.none-reported', 'injured.none-reported', [], [])),
  // a total for several places goes on the first
  r('2019-05-12', 'قتل 12 شخصا وأصيب 30 في تفجيرين بمدينتي بغداد والموصل.', e('بغداد', 12, 30, 'casualties.killed.word-number', 'casualties.injured.word-number', ['قتل 12'], ['وأصيب 30']), e('الموصل', 0, null, 'fatalities.total-on-first-place', 'injured.total-on-first-place', [], [])),
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

describe('casualty figures of events', () => {
  it('the table has at least forty phrasings', () => {
    expect(new Set(rows.map((x) => x.text)).size).toBeGreaterThanOrEqual(40);
  });
  it.each(rows)('$text', ({ pub, text, want }) => {
    const doc = extract({ id: 'casualty-events-test', text, publishedAt: pub });
    const got = doc.events.map((ev) => ({
      placeAr: ev.location?.nameAr ?? '',
      fatalities: ev.fatalities,
      injured: ev.injured,
      fatalitiesRule: ev.rules.fatalities ?? '',
      injuredRule: ev.rules.injured ?? '',
      fatalitiesEvidence: ev.evidence.filter((x) => x.field === 'fatalities').map((x) => x.text),
      injuredEvidence: ev.evidence.filter((x) => x.field === 'injured').map((x) => x.text),
    }));
    expect(got).toEqual(want);
    for (const ev of doc.events) for (const x of ev.evidence) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});
