// Roles: who did it (actor1) and to whom (actor2). Sentences written for these tests, news-style.
// Each row asserts the actors by name and the rule that chose actor1, so a change of reasoning shows.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const events = (text: string, publishedAt = '2020-03-02'): EventRecord[] => extract({ id: 'roles-test', text, publishedAt }).events;

describe('actor roles', () => {
  it.each([
    {
      why: 'the counted dead are victims; a nationality adjective names their country; "شنه" names the attacker',
      text: 'قتل 4 جنود ماليين في هجوم شنه مسلحون على معسكر للجيش في مدينة تمبكتو شمال مالي.',
      actor1: 'Unidentified Armed Group (Mali)', rule: 'actor1.agent-marker', actor2: /^Military Forces of Mali/,
    },
    {
      why: 'the wounded civilians before the trigger are not its subject',
      text: 'أعلن الدفاع المدني السعودي إصابة خمسة مدنيين إثر سقوط قذيفة أطلقتها جماعة الحوثي على قرية في منطقة جازان.',
      actor1: /Houthi/, rule: 'actor1.agent-marker', actor2: 'Civilians (Saudi Arabia)',
    },
    {
      why: 'an agent glued to the event noun with ل',
      text: 'قتل ثلاثة مدنيين وأصيب سبعة آخرون في قصف مدفعي لقوات النظام على بلدة كفرنبل جنوب إدلب.',
      actor1: /^Military Forces of Syria/, rule: 'actor1.agent-marker', actor2: 'Civilians (Syria)',
    },
    {
      why: 'a victim named after a partitive من is not the attacker either',
      text: 'قتل ضابط من الشرطة العراقية بانفجار عبوة ناسفة في قضاء الطارمية شمال بغداد.',
      actor1: 'Unidentified Armed Group (Iraq)', rule: 'actor1.unidentified', actor2: /^Police Forces of Iraq/,
    },
    {
      why: 'the fighters of a group glued with ل after the attack noun name the attacker',
      text: 'قتل ثلاثة جنود من الجيش العراقي بهجوم لمسلحي داعش على موقع عسكري في قضاء الطارمية.',
      actor1: 'Islamic State (Iraq)', rule: 'actor1.agent-marker', actor2: /^Military Forces of Iraq/,
    },
    {
      why: 'a nationality adjective after any trigger of the frame ("قصف إسرائيلي استهدف")',
      text: 'استشهد خمسة مدنيين إثر قصف إسرائيلي استهدف منزلا في مخيم جباليا شمال قطاع غزة.',
      actor1: /^Military Forces of Israel/, rule: 'actor1.nationality-adjective', actor2: /Palestine/,
    },
    {
      why: 'the body a victim serves in ("ضابط في الجيش") is no attacker',
      text: 'نجا ضابط في الجيش من محاولة لاغتياله قرب منزله في مدينة بنغازي.',
      actor1: 'Unidentified Armed Group (Libya)', rule: 'actor1.unidentified', actor2: /^Military Forces of Libya/,
    },
    {
      why: 'an agent marker still names the attacker in quotation marks ("شنه «مسلحون»")',
      text: 'قتل ثلاثة جنود في هجوم شنه «مسلحون» على نقطة تفتيش في مدينة تمبكتو.',
      actor1: 'Unidentified Armed Group (Mali)', rule: 'actor1.agent-marker', actor2: /^Military Forces of Mali/,
    },
    {
      why: 'a clash told by its dead on both sides: the sides are the actors, the first named first',
      text: 'وقالت مصادر إن اثنين من مسلحي المقاومة الشعبية وثلاثة من مليشيا الحوثي قتلوا خلال مواجهات في مدينة تعز.',
      actor1: 'Popular Resistance (Yemen)', rule: 'actor1.clash-side', actor2: /Houthi/,
    },
    {
      why: 'people counted by their nationality alone are civilians of that country',
      text: 'اختطف مسلحون 6 مصريين على الطريق الساحلي قرب مدينة سرت.',
      actor1: 'Unidentified Armed Group (Libya)', rule: 'actor1.subject-after-verb', actor2: 'Civilians (Egypt)',
    },
    {
      why: 'the first side of "بين عناصر من X و…" after the clash word',
      text: 'اندلعت اشتباكات عنيفة بين عناصر من الجيش ومسلحين من العشائر في مدينة الرمادي.',
      actor1: /^Military Forces of Iraq/, rule: 'actor1.between', actor2: 'Unidentified Tribal Militia (Iraq)',
    },
    {
      why: 'the sides of a quarrel named before the clash it grew into, the first of them',
      text: 'وقع إشكال في مخيم عين الحلوة بين عناصر من حركة «فتح» وعنصر من «جند الشام»، وتطور الأمر إلى اشتباكات عنيفة في المخيم.',
      actor1: 'Fatah Movement', rule: 'actor1.between', actor2: 'Jund al Sham',
    },
    {
      why: '"على يد X" names the doer',
      text: 'وخطف 12 مدنيا على يد مسلحين مجهولين في ريف الرقة الغربي.',
      actor1: 'Unidentified Armed Group (Syria)', rule: 'actor1.agent-marker', actor2: 'Civilians (Syria)',
    },
    {
      why: 'civilians who demonstrate are protesters',
      text: 'تظاهر آلاف المواطنين في مدينة البصرة للمطالبة بتحسين الخدمات.',
      actor1: 'Protesters (Iraq)', rule: 'actor1.protesters', actor2: /^$/,
    },
    {
      why: 'a target verb that opens its clause has the group right after it as its subject (verb first)',
      text: 'استهدفت قوات النظام أمس محور جبهة الطيبة في ريف دمشق بغاز الكلور.',
      actor1: /^Military Forces of Syria/, rule: 'actor1.nearest-before', actor2: /^$/,
    },
    {
      why: '… but after a subject, the group right after a target verb is its target',
      text: 'غارة إسرائيلية استهدفت عناصر حزب الله في بلدة الخيام جنوب لبنان.',
      actor1: /^Military Forces of Israel/, rule: 'actor1.nationality-adjective', actor2: 'Hezbollah',
    },
    {
      why: 'a group glued to ل after the object is the object\'s owner, not the subject',
      text: 'الطائرة استهدفت مقرا للجيش في مدينة حمص.',
      actor1: 'Unidentified Armed Group (Syria)', rule: 'actor1.unidentified', actor2: /^Military Forces of Syria/,
    },
    {
      why: 'a verb phrase around its subject: أطلق … صواريخ',
      text: 'أطلق حزب الله صواريخ على بلدة المطلة في إصبع الجليل.',
      actor1: 'Hezbollah', rule: 'actor1.in-trigger', actor2: /^$/,
    },
    {
      why: 'the owner of a patrol a bomb hit is its target, not the bomber',
      text: 'وانفجرت عبوة ناسفة بدورية تابعة للجيش العراقي على الطريق بين بغداد والفلوجة.',
      actor1: 'Unidentified Armed Group (Iraq)', rule: 'actor1.unidentified', actor2: /^Military Forces of Iraq/,
    },
    {
      why: 'a riot\'s actor1 is its rioters, not the force they threw stones at',
      text: 'أطلقت قوات الاحتلال الرصاص على الشبان الذين رشقوا الجنود بالحجارة في بلدة عزون.',
      actor1: 'Rioters (Palestine)', rule: 'actor1.rioters', actor2: /^Military Forces of Israel/,
    },
    {
      why: 'the youths named as the genitive of a riot noun are its rioters',
      text: 'أصيب مستوطنان بعد رشق الشبان مركبتهما بالحجارة في بلدة عزون شرق قلقيلية.',
      actor1: 'Rioters (Palestine)', rule: 'actor1.rioters', actor2: /^$/,
    },
  ])('$why', ({ text, actor1, rule, actor2 }) => {
    const [e] = events(text);
    expect(e).toBeDefined();
    expect(e.actor1?.name).toMatch(actor1 instanceof RegExp ? actor1 : new RegExp(`^${actor1.replace(/[()]/g, '\\$&')}$`));
    expect(e.rules.actor1).toBe(rule);
    expect(e.actor2?.name ?? '').toMatch(actor2 instanceof RegExp ? actor2 : new RegExp(`^${actor2.replace(/[()]/g, '\\$&')}$`));
  });

  it('carries the attacker of the event just reported to more of the same that names none', () => {
    const list = events('شنت طائرات حربية تركية غارات على قرية كوزينه مساء الأحد. وبعد ساعة شن قصف جوي على قرية بولي المجاورة.');
    expect(list.map((e) => e.location?.nameAr)).toEqual(['كوزينه', 'بولي']);
    expect(list.map((e) => e.subEventType)).toEqual(['Air/drone strike', 'Air/drone strike']);
    expect(list[1].actor1?.name).toBe(list[0].actor1?.name);
    expect(list[0].actor1?.name).toMatch(/^Military Forces of Turkey/);
    expect(list[1].rules.actor1).toBe('actor1.previous-event');
    // the evidence of the carried attacker is the span that named it in the first sentence
    const ev = list[1].evidence.find((x) => x.field === 'actor1');
    expect(ev && list[0].evidence.some((x) => x.field === 'actor1' && x.start === ev.start)).toBe(true);
  });

  it('reads an agent marker further on in the same clause ("قتلوا … خلال هجوم شنه «إرهابيون»")', () => {
    const list = events('وكان 14 جنديا قتلوا أول من أمس، وأصيب 18 بجروح خلال هجوم شنه «إرهابيون» على معسكر في مدينة غاو.');
    expect(list).toHaveLength(1);
    expect(list[0].actor1?.name).toBe('Unidentified Armed Group (Mali)');
    expect(list[0].actor1?.nameAr).toBe('إرهابيون');
    expect(list[0].rules.actor1).toBe('actor1.agent-marker');
  });

  it('takes no target from a clause of its own after the event (في حين، فيما، بينما)', () => {
    const list = events('أعدم مسلحون 5 أشخاص في مدينة سرت، في حين تواصلت المعارك مع الجيش في المدينة.');
    expect(list[0].subEventType).toBe('Attack');
    expect(list[0].fatalities).toBe(5);
    expect(list[0].actor2).toBeNull();
  });

  it('takes a force named by its kind alone, right after a foreign force did the same, as that force', () => {
    const list = events('قصفت الطائرات الإسرائيلية منزلا في مخيم جباليا شمال قطاع غزة. كما قصفت الطائرات الحربية منزلا في مدينة رفح جنوب القطاع.');
    expect(list.map((e) => e.location?.nameAr)).toEqual(['مخيم جباليا', 'رفح']);
    expect(list[1].actor1?.name).toMatch(/^Military Forces of Israel/);
    expect(list[1].actor1?.nameAr).toBe('الطائرات الحربية');
    expect(list[1].rules.actor1).toBe('actor1.same-force-as-previous');
    // (a force named by its country is its country's, whatever came before)
    const named = events('قصفت الطائرات الروسية بلدة كفرنبل جنوب إدلب. كما قصف الجيش السوري بلدة حيش المجاورة.');
    expect(named[1].actor1?.name).toMatch(/^Military Forces of Syria/);
  });

  it('codes the killing of people counted by their nationality as violence against civilians', () => {
    const [e] = events('قتل خمسة فلسطينيين برصاص جنود الاحتلال قرب حاجز عسكري في مدينة جنين.');
    expect(e.subEventType).toBe('Attack');
    expect(e.actor2?.name).toBe('Civilians (Palestine)');
    expect(e.actor2?.nameAr).toBe('فلسطينيين');
    expect(e.rules.actor2).toBe('actor2.counted-nationals');
  });

  it('reads "X تابعة لـ Y": the owner of a force attacks, the owner of a site is hit', () => {
    const [air] = events('شنت غارات جوية مكثفة من طائرات حربية تابعة لنظام الأسد على بلدة الفيضة شرق دير الزور.', '2019-05-12');
    expect(air.actor1?.name).toMatch(/^Military Forces of Syria/);
    expect(air.actor1?.nameAr).toBe('نظام الأسد');
    expect(air.rules.actor1).toBe('actor1.agent-marker');
    const [site] = events('استهدفت الغارات مواقع تابعة لتنظيم داعش في بلدة هجين شرق دير الزور.', '2019-05-12');
    expect(site.actor1?.name).toBe('Unidentified Armed Group (Syria)');
    expect(site.actor2?.name).toBe('Islamic State (Syria)');
    expect(site.rules.actor2).toBe('actor2.target-marker');
  });

  it('knows the lexicon names added for these rules (نظام الأسد، مقاتلون إسلاميون)', () => {
    const names = (text: string) => extract({ id: 'roles-test', text, publishedAt: '2019-05-12' }).layers.actors.map((a) => [a.nameAr, a.name]);
    expect(names('قال نظام الأسد إن قواته سيطرت على بلدة الفيضة.')).toContainEqual(['نظام الأسد', 'Military Forces of Syria (2000-2024)']);
    expect(names('سيطر مقاتلون إسلاميون على المقر في غريان الليبية.')).toContainEqual(['مقاتلون إسلاميون', 'Islamist Militia (Libya)']);
  });

  it('of two tellings of one event keeps the attacker its sentence names over a name from afar', () => {
    const list = events('قالت مصادر من الجيش الحر إن مدينة معرة النعمان تعرضت لقصف عنيف أمس. وشنت الطائرات الروسية غارات على مدينة معرة النعمان أمس.');
    expect(list).toHaveLength(1);
    expect(list[0].actor1?.name).toMatch(/^Military Forces of Russia/);
    expect(list[0].rules.actor1).toBe('actor1.in-trigger');
  });

  it('reads a weak alias (حركة الشباب) only in an article about its actor\'s country, and the group an attacker is from', () => {
    const names = (text: string) => extract({ id: 'roles-test', text, publishedAt: '2019-05-12' }).layers.actors.map((a) => a.name);
    expect(names('نظمت حركة الشباب وقفة احتجاجية أمام مبنى المحافظة في القاهرة.')).not.toContain('Al Shabaab');
    const list = events('فجر انتحاري من حركة الشباب نفسه في مطعم بمدينة مقديشو، ما أدى إلى مقتل تسعة أشخاص.');
    expect(list.map((e) => [e.subEventType, e.actor1?.name, e.rules.actor1, e.fatalities])).toEqual([['Suicide bomb', 'Al Shabaab', 'actor1.agent-marker', 9]]);
  });

  it('takes no side from the source a report is attributed to (وفق، بحسب)', () => {
    const list = events('تعرضت سفينة تجارية لهجوم بزورق مفخخ قبالة سواحل الحديدة، وفق هيئة عمليات التجارة البحرية البريطانية.');
    expect(list).toHaveLength(1);
    expect(list[0].actor2).toBeNull();
    expect(list[0].actor1?.name).toBe('Unidentified Armed Group (Yemen)');
  });
});
