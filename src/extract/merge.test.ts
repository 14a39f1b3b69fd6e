// One event per place and day within an article: how several tellings of one event become one record.
// Sentences written for these tests, news-style.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const events = (text: string, publishedAt = '2024-05-30'): EventRecord[] => extract({ id: 'merge-test', text, publishedAt }).events;

describe('merging the tellings of one event', () => {
  it('folds a province told in summary into the town within it that the article names', () => {
    const list = events('شنت طائرات أمريكية غارات على محافظة الحديدة غرب اليمن. واستهدفت إحدى الغارات مبنى الإذاعة في مدينة الحديدة ما أدى إلى مقتل شخصين.');
    expect(list).toHaveLength(1);
    expect(list[0].location?.nameAr).toBe('الحديدة');
    expect(list[0].location?.geoPrecision).toBe(1);
    expect(list[0].fatalities).toBe(2);
    expect(list[0].rules.location).toMatch(/folded-broad$/);
    // the province's mention stays as evidence of the location
    expect(list[0].evidence.filter((e) => e.field === 'location').map((e) => e.text)).toContain('محافظة الحديدة');
  });

  it('keeps a province whose towns the article does not name', () => {
    const list = events('شنت طائرات أمريكية غارات على محافظة الحديدة غرب اليمن.');
    expect(list).toHaveLength(1);
    expect(list[0].location?.geoPrecision).toBe(3);
  });

  it('keeps two towns apart, even when one is "south of" a town a few km from the other', () => {
    const list = events('استشهد 9 أشخاص في قصف إسرائيلي على منزل جنوب مدينة خان يونس. كما قصفت الطائرات الإسرائيلية منزلا في مدينة رفح ما أدى إلى استشهاد 4 مواطنين.');
    expect(list.map((e) => e.location?.nameAr)).toEqual(['جنوب مدينة خان يونس', 'رفح']);
    expect(list.map((e) => e.fatalities)).toEqual([9, 4]);
  });

  it('takes the lead\'s total over a part of it told later at the same place', () => {
    const list = events('استشهاد 20 فلسطينيا في قصف إسرائيلي على مدينة رفح. وقالت مصادر طبية إن ثمانية مواطنين لقوا حتفهم في قصف منزل غرب رفح.');
    expect(list).toHaveLength(1);
    expect(list[0].fatalities).toBe(20);
  });

  it('folds the launch of an intercepted missile, and the blast heard that day, into the interception', () => {
    const list = events('أعلنت قوات الدفاع الجوي السعودية أنها اعترضت صاروخا باليستيا فوق مدينة جازان مساء اليوم. وقالت جماعة الحوثي إنها أطلقت صاروخا على مطار جازان. وسمع دوي انفجار في المدينة.');
    expect(list).toHaveLength(1);
    expect(list[0].subEventType).toBe('Disrupted weapons use');
    expect(list[0].actor1?.name).toBe('Military Forces of Saudi Arabia (2015-)');
    // the side that fired is the other side of the interception
    expect(list[0].actor2?.name).toBe('Military Forces of Yemen (2017-) Houthi');
  });

  it('keeps a missile that killed apart from an interception the same day', () => {
    const list = events('اعترضت الدفاعات الجوية صاروخا فوق مدينة جازان اليوم. وفي وقت لاحق سقطت قذائف أطلقها الحوثيون على مطار جازان ما أدى إلى مقتل شخصين.');
    expect(list.map((e) => e.subEventType)).toEqual(['Disrupted weapons use', 'Shelling/artillery/missile attack']);
  });

  it('puts a lead that names no place (only where the victims were heading) at the place told further on', () => {
    const list = events('اختطفت جماعة مسلحة مجهولة ستة عمال مصريين أثناء عودتهم إلى القاهرة. وقالت وزارة الخارجية إن مسلحين اعترضوا سيارتهم على الطريق الصحراوي قرب بني وليد واقتادوهم إلى مكان مجهول.');
    expect(list).toHaveLength(1);
    expect(list[0].subEventType).toBe('Abduction/forced disappearance');
    expect(list[0].location?.nameAr).toBe('قرب بني وليد');
    expect(list[0].location?.country).toBe('Libya');
  });

  it('keeps an execution apart from a clash at the same place and day: an act of its own, not the battle\'s toll', () => {
    const list = events('تشهد مدينة سرت اشتباكات عنيفة بين تنظيم داعش ومسلحين محليين اليوم. وأعدم التنظيم 7 أسرى في المدينة اليوم.', '2015-08-15');
    expect(list.map((e) => [e.subEventType, e.fatalities])).toEqual([['Armed clash', 0], ['Attack', 7]]);
  });

  it('does not read صلب in "في صلب اهتمامات" (at the heart of) as a crucifixion', () => {
    const doc = extract({ id: 'merge-test', text: 'وضع المسؤول ملف الأمن في صلب اهتمامات الحكومة في مدينة سرت.', publishedAt: '2015-08-15' });
    expect(doc.layers.triggers.some((t) => t.ruleId === 'trigger.killing-execution')).toBe(true);
    expect(doc.events).toEqual([]);
  });

  it('reads a day and month with no year, right after a dated history, as more of that history', () => {
    const text = 'نيسان 19, 2025\nمن صفحات التاريخ\nفي 13 نيسان 1975 وقعت مواجهة مسلحة في بلدة عين الرمانة. وفي صباح يوم الأحد 13 نيسان حاول مسلحون اغتيال زعيم حزب الكتائب في البلدة.';
    expect(extract({ id: 'merge-test', text, publishedAt: null }).events).toEqual([]);
  });

  it('leaves a place just before a trigger joined by و to the clause it ends', () => {
    const list = events('اندلعت اشتباكات عنيفة في مدينة طرابلس سمع دويها في أرجاء المدينة وقذائف سقطت على مطار معيتيقة.', '2020-04-14');
    expect(list.map((e) => [e.subEventType, e.location?.nameAr])).toEqual([['Armed clash', 'مدينة طرابلس'], ['Shelling/artillery/missile attack', 'مطار معيتيقة']]);
  });

  it('reads "the clashes were concentrated in X" as the clashes told before, placed more closely', () => {
    const list = events('اندلعت اشتباكات عنيفة في مدينة طرابلس مساء أمس. وقال شهود إن الاشتباكات تركزت في منطقة مشروع الهضبة مع أصوات انفجارات قوية.', '2020-04-14');
    expect(list).toHaveLength(1);
    expect(list[0].subEventType).toBe('Armed clash');
    expect(list[0].date).toBe('2020-04-13');
  });

  it('does not add the dead of a retelling to the dead told first', () => {
    const list = events('اندلعت اشتباكات عنيفة في مدينة طرابلس مساء أمس أسفرت عن مقتل 4 مقاتلين. وقال شهود إن الاشتباكات تركزت في منطقة مشروع الهضبة وخلفت 4 قتلى.', '2020-04-14');
    expect(list.map((e) => e.fatalities)).toEqual([4]);
  });

  it('keeps the larger of two figures a retelling gives for the same dead, as folding two tellings does', () => {
    const more = events('اندلعت اشتباكات عنيفة في مدينة طرابلس مساء أمس أسفرت عن مقتل 4 مقاتلين. وقال شهود إن الاشتباكات تركزت في منطقة مشروع الهضبة وخلفت 6 قتلى.', '2020-04-14');
    expect(more.map((e) => [e.fatalities, e.rules.fatalities])).toEqual([[6, 'killed.toll-update']]);
    const fewer = events('اندلعت اشتباكات عنيفة في مدينة طرابلس مساء أمس أسفرت عن مقتل 6 مقاتلين. وقال شهود إن الاشتباكات تركزت في منطقة مشروع الهضبة وخلفت 4 قتلى.', '2020-04-14');
    expect(fewer.map((e) => e.fatalities)).toEqual([6]);
  });

  it('drops the place a drone took off from before choosing among the places of its downing', () => {
    const list = events('أعلن الجيش إسقاط طائرة مسيرة تركية جنوب طرابلس بعد إقلاعها من مطار معيتيقة.', '2020-04-14');
    expect(list.map((e) => [e.subEventType, e.location?.nameAr])).toEqual([['Disrupted weapons use', 'جنوب طرابلس']]);
  });

  it('reads a town 180 كيلومترا away (the accusative unit) as a far reference, not a place of the event', () => {
    const doc = extract({ id: 'merge-test', text: 'سيطرت قوات الدعم السريع على مدينة ود مدني أمس. وتجول مقاتلوها في شوارع المدينة (180 كيلومترا جنوب الخرطوم) بعد اشتباكات مع الجيش.', publishedAt: '2023-12-19' });
    const khartoum = doc.layers.places.find((p) => doc.text.slice(p.start, p.end) === 'جنوب الخرطوم');
    expect(khartoum?.context).toBe(true);
    expect(doc.events.map((e) => e.location?.nameAr)).toEqual(['ود مدني']);
  });

  it('reads a trigger opening a relative clause (الذي تعرض لإطلاق نار) as how a victim of the event before it died', () => {
    const list = events('اندلعت اشتباكات عنيفة بين حركة فتح وجند الشام في مخيم عين الحلوة مساء أمس، وقتل عنصر من فتح الذي تعرض لإطلاق نار أثناء عودته من مدينة صيدا في منطقة الطوارئ.', '2015-07-29');
    expect(list.map((e) => [e.subEventType, e.location?.nameAr, e.fatalities])).toEqual([['Armed clash', 'مخيم عين الحلوة', 1]]);
  });

  it('resolves المخيم to the camp named before, not to the town named after it', () => {
    const doc = extract({ id: 'merge-test', text: 'دخل وفد من الفصائل إلى مخيم عين الحلوة ثم زار مدينة صيدا. وعاد الوفد إلى المخيم مساء.', publishedAt: '2015-07-29' });
    const anaphor = doc.layers.places.find((p) => p.anaphor);
    expect(anaphor?.kind).toBe('camp');
    expect(anaphor?.gazetteerId).toBe(doc.layers.places[0].gazetteerId);
  });

  it('reads "قرية في X" (an unnamed village in X) as the region X, at precision 3', () => {
    const list = events('سيطر تنظيم داعش على قرية في دير الزور أمس.', '2017-09-10');
    expect(list).toHaveLength(1);
    expect(list[0].location?.kind).toBe('admin1');
    expect(list[0].location?.geoPrecision).toBe(3);
  });

  it('folds the lead\'s summary into the body\'s closer telling of one event: same type, day and count of dead, one region', () => {
    const list = events('قتل 10 جنود ماليين في هجوم شنه مسلحون على معسكر للجيش في تمبكتو أمس. وقال مصدر عسكري إن معسكر غورما رواس تعرض لهجوم خلف 10 قتلى في صفوف الجيش.', '2019-05-12');
    expect(list.map((e) => [e.location?.nameAr, e.fatalities])).toEqual([['غورما رواس', 10]]);
  });

  it('keeps two attacks with different counts of dead in one region apart', () => {
    const list = events('قتل 10 جنود ماليين في هجوم شنه مسلحون على معسكر للجيش في تمبكتو أمس. وفي هجوم آخر قتل مسلحون 3 جنود في غورما رواس أمس.', '2019-05-12');
    expect(list.map((e) => e.fatalities)).toEqual([10, 3]);
  });

  it('reads a country\'s own name as the country, not a namesake district', () => {
    const doc = extract({ id: 'merge-test', text: 'غارات على محافظة الحديدة غرب اليمن.', publishedAt: '2024-05-30' });
    const yemen = doc.layers.places.find((p) => doc.text.slice(p.start, p.end).includes('اليمن'));
    expect(yemen?.kind).toBe('country');
  });
});
