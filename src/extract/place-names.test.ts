// Place names as news writes them, read by the whole extractor: each row is a sentence of our own and
// the exact places it must give — the name as written, the gazetteer entry (null for a name the
// gazetteer lacks), ACLED's geo-precision and the rule that decided.
import { beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

interface Want {
  nameAr: string;
  gazetteerId: string | null;
  geoPrecision: 1 | 2 | 3;
  rule: string;
  /** For a name the gazetteer lacks: the admin-1 region it was placed at. */
  admin1?: string;
}

const w = (nameAr: string, gazetteerId: string | null, geoPrecision: 1 | 2 | 3, rule: string, admin1?: string): Want => ({ nameAr, gazetteerId, geoPrecision, rule, ...(admin1 ? { admin1 } : {}) });
const rows: Array<{ text: string; want: Want[] }> = [
  // a name joined to its first word (كفرجوم for كفر جوم), listed after و: the و is no preposition
  { text: 'تعرضت بلدتي كفرناها وكفرجوم لقصف جوي عنيف.', want: [w('كفرناها', 'gn:168651', 1, 'place.cue.place'), w('كفرجوم', 'gn:168678', 1, 'place.cue.list')] },
  { text: 'قصفت الطائرات بلدة كفرجوم وكفرناها.', want: [w('كفرجوم', 'gn:168678', 1, 'place.cue.place'), w('كفرناها', 'gn:168651', 1, 'place.cue.list')] },
  // a glued preposition (وب، ول) still needs a town: a small village after it is not taken
  { text: 'قصفت الطائرات بلدة كفرناها وبسومبي.', want: [w('كفرناها', 'gn:168651', 1, 'place.cue.place')] },
  // a small place after a bare preposition is taken when a relative clause of place follows it
  { text: 'هاجم مسلحون معسكرا للجيش في سومبي التي تبعد نحو 100 كيلومتر جنوب غربي تمبكتو.',
    want: [w('سومبي', 'cur:soumpi', 1, 'place.cue.preposition'), w('غربي تمبكتو', 'gn:2449067', 2, 'place.relative.غربي')] },
  { text: 'هاجم مسلحون معسكرا للجيش في سومبي أمس.', want: [] },
  // a dual relative word: both names of the pair are its countryside (precision 3); a singular one only the first
  { text: 'سيطرت الهيئة على مقرات الفصائل في ريفي إدلب وحلب.',
    want: [w('ريفي إدلب', 'gn:169389', 3, 'place.relative.ريفي'), w('حلب', 'gn:170063', 3, 'place.relative.ريفي')] },
  { text: 'اندلعت اشتباكات في ريف إدلب وحلب.',
    want: [w('ريف إدلب', 'gn:169389', 3, 'place.relative.ريف'), w('حلب', 'gn:170063', 1, 'place.cue.list')] },
  // a village the gazetteer knows only far from the town it is said to be near is a namesake: it is
  // placed near that town (precision 2), and the town only places it
  { text: 'هاجم التنظيم مواقع الجيش في قرية “الفيضة” قرب مدينة الميادين.',
    want: [w('الفيضة', null, 2, 'place.unknown-name.near'), w('قرب مدينة الميادين', 'gn:173480', 2, 'place.relative.قرب')] },
  // … but a village near the town it is said to be near is itself
  { text: 'قصفت الطائرات بلدة كفرناها قرب مدينة حلب.',
    want: [w('كفرناها', 'gn:168651', 1, 'place.cue.place'), w('قرب مدينة حلب', 'gn:170063', 2, 'place.relative.قرب')] },
  // the desert of a place (بادية) is near it, not the place
  { text: 'تقدم التنظيم في بادية الميادين.', want: [w('بادية الميادين', 'gn:173480', 2, 'place.relative.باديه')] },
  // a quoted name the gazetteer lacks: kept as written, at the admin-1 region of the nearest place named
  { text: 'دخل مسلحو الحركة صباح اليوم إلى بلدة "بلعيسو" في إقليم شبيلي الوسطى بعد انسحاب الجيش منها.',
    want: [w('بلعيسو', null, 3, 'place.unknown-name.admin1', 'Gobolka Shabeellaha Dhexe'), w('شبيلي الوسطى', 'gn:51967', 3, 'place.cue.region')] },
  { text: 'قصفت مدفعية النظام مدينة إدلب، ثم قرية «خربة السنديان» بعد الظهر.',
    want: [w('إدلب', 'gn:169389', 1, 'place.cue.place'), w('خربة السنديان', null, 3, 'place.unknown-name.admin1', 'Idlib')] },
  // unquoted, or with no place named anywhere, an unknown word is no place
  { text: 'سيطر المسلحون على بلدة "بلعيسو" بعد انسحاب القوات.', want: [] },
  // an unquoted name in construct after a place word, that the text puts in or near a known place: kept
  // as written, at that place's point, precision 2 (ب glued to the relation word, or في before it)
  { text: 'سقطت قذائف صاروخية على مخيم تل السمن بريف الرقة الشمالي.',
    want: [w('تل السمن', null, 2, 'place.unknown-name.in'), w('ريف الرقة', 'gn:172955', 3, 'place.relative.ريف')] },
  { text: 'قصفت الطائرات الحربية منطقة قبر الإنكليز في ريف حلب الشمالي بالقنابل.',
    want: [w('قبر الإنكليز', null, 2, 'place.unknown-name.in'), w('ريف حلب', 'gn:170063', 3, 'place.relative.ريف')] },
  // … but not an adjective, a common noun in construct, a lexicon word, or a name placed only in a country
  { text: 'قصفت الطائرات منطقة عسكرية في ريف حمص.', want: [w('ريف حمص', 'gn:169577', 3, 'place.relative.ريف')] },
  { text: 'سيطر الجيش على منطقة عمليات التنظيم في ريف حمص.', want: [w('ريف حمص', 'gn:169577', 3, 'place.relative.ريف')] },
  { text: 'تجددت المواجهات في منطقة الاشتباكات في ريف حمص.', want: [w('ريف حمص', 'gn:169577', 3, 'place.relative.ريف')] },
  { text: 'قصفت الطائرات منطقة تل السمن في سوريا.', want: [] },
  // a name after a place word that the gazetteer knows only far from the town the text puts it in is a
  // part of that town (left out: the town is the place); in a region, a village it lacks (at the region)
  { text: 'قتل ثلاثة مدنيين في قصف على منطقة السوق في مدينة إدلب.', want: [w('إدلب', 'gn:169389', 1, 'place.cue.place')] },
  { text: 'قصفت الطائرات قرية الصناعة في ريف حمص.',
    want: [w('الصناعة', null, 2, 'place.unknown-name.in'), w('ريف حمص', 'gn:169577', 3, 'place.relative.ريف')] },
  { text: 'تظاهر آلاف المواطنين في ساحة التحرير وسط بغداد للمطالبة بإصلاحات.', want: [w('بغداد', 'gn:98182', 1, 'place.name')] },
  // a region of another country is never the place ("منطقة الحدود" is also a Saudi province)
  { text: 'قصف الطيران منطقة الحدود في ريف إدلب.', want: [w('ريف إدلب', 'gn:169389', 3, 'place.relative.ريف')] },
  // … but a village near the region it is put in is itself
  { text: 'قصفت الطائرات بلدة كفرنبل في ريف إدلب.',
    want: [w('كفرنبل', 'gn:168661', 1, 'place.cue.place'), w('ريف إدلب', 'gn:169389', 3, 'place.relative.ريف')] },
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

describe('place names', () => {
  it.each(rows)('$text', ({ text, want }) => {
    const doc = extract({ id: 'place-names-test', text, publishedAt: '2019-05-12' });
    const got = doc.layers.places.filter((p) => !p.anaphor).map((p) => ({
      nameAr: p.nameAr, gazetteerId: p.gazetteerId, geoPrecision: p.geoPrecision, rule: p.ruleId,
      ...(p.gazetteerId || p.ruleId !== 'place.unknown-name.admin1' ? {} : { admin1: p.admin1 ?? '' }),
    }));
    expect(got).toEqual(want);
  });
});

describe('events at a name the gazetteer lacks', () => {
  it('are one event per place, at the region, precision 3', () => {
    const text = 'دخل مسلحو الحركة إلى بلدة "بلعيسو" في إقليم شبيلي الوسطى بعد انسحاب القوات الحكومية منها. وسيطر المسلحون على بلدة "بلعيسو" دون قتال.';
    const doc = extract({ id: 'place-names-test', text, publishedAt: '2019-05-12' });
    const at = doc.events.filter((e) => e.location?.nameAr === 'بلعيسو');
    expect(at.length).toBeGreaterThanOrEqual(1);
    for (const e of at) {
      expect(e.location?.geoPrecision).toBe(3);
      expect(e.location?.gazetteerId ?? null).toBeNull();
      expect(e.location?.countryCode).toBe('SO');
    }
  });
});

describe('events at an unquoted name the gazetteer lacks', () => {
  it('are events of their own: a precise place in the same region does not absorb them, nor they a town near their point', () => {
    const text = 'قصفت الطائرات الحربية منطقة قبر الإنكليز في ريف حلب الشمالي، فيما ألقت المروحيات براميل متفجرة على مدينة حلب.';
    const doc = extract({ id: 'place-names-test', text, publishedAt: '2019-05-12' });
    const places = doc.events.map((e) => [e.location?.nameAr, e.location?.geoPrecision]);
    expect(places).toEqual([['قبر الإنكليز', 2], ['حلب', 1]]);
  });
});

describe('a place said to hold the one before it (الواقعة، التابعة)', () => {
  it('only locates it: the event is at the village', () => {
    const doc = extract({ id: 'place-names-test', text: 'قصفت طائرة مسيرة تركية قرية «كاني زرد» الواقعة بجبل قنديل، ما أدى إلى مقتل امرأة.', publishedAt: '2019-05-12' });
    expect(doc.layers.places.find((p) => p.nameAr === 'جبل قنديل')?.context).toBe(true);
    expect(doc.events.map((e) => [e.location?.nameAr, e.fatalities])).toEqual([['كاني زرد', 1]]);
  });
});

describe('a namesake near its anchor', () => {
  it('is placed at the anchor, and so is the same name elsewhere in the article; one event', () => {
    const text = 'هاجم التنظيم مواقع الجيش في قرية “الفيضة” قرب مدينة الميادين. وتواصل القصف على منطقة الفيضة مساء.';
    const doc = extract({ id: 'place-names-test', text, publishedAt: '2019-05-12' });
    const fayda = doc.layers.places.filter((p) => p.nameAr.endsWith('الفيضة'));
    expect(fayda.length).toBe(2);
    for (const p of fayda) expect([p.gazetteerId, p.geoPrecision, Math.round(p.lat! * 10), Math.round(p.lon! * 10)]).toEqual([null, 2, 350, 405]);
    expect(doc.events.filter((e) => e.location?.nameAr === 'الفيضة').length).toBeLessThanOrEqual(2);
    expect(doc.events.some((e) => e.location?.gazetteerId === 'gn:173480')).toBe(false);
  });
});
