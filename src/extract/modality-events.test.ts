// Planned, threatened, conditional, called-for, questioned, commemorated and historical events are not
// events; each row pairs such a sentence of our own with a plain report of the same kind of event, which
// must give exactly one event with the fields the row states. The cue that keeps the first out must be
// on the modality layer (or a date in the past, for history).
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarsadDocument } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

interface Pair {
  notEvent: string;
  /** Suppressing modalities found, comma-separated; "date.historical" for a date in the past. */
  cues: string[];
  event: string;
  count: number;
  subEventType: string;
  actor1: string | null;
  actor2: string | null;
  placeAr: string;
  date: string;
  precision: 1 | 2 | 3;
  fatalities: number | null;
}

const p = (
  notEvent: string, cues: string, event: string, count: number, subEventType: string, actor1: string | null, actor2: string | null,
  placeAr: string, date: string, precision: 1 | 2 | 3, fatalities: number | null,
): Pair => ({ notEvent, cues: cues.split(',').filter(Boolean), event, count, subEventType, actor1, actor2, placeAr, date, precision, fatalities });

const PUB = '2019-05-12';

const pairs: Pair[] = [
  p('يعتزم الجيش السوداني شن هجوم على مدينة الفاشر خلال الأيام المقبلة.', 'planned',
    'شن الجيش السوداني هجوما على مدينة الفاشر أمس.', 1, 'Armed clash', 'Military Forces of Sudan (2019-)', null, 'الفاشر', '2019-05-11', 1, 0),
  p('تخطط قوات النظام لاقتحام بلدة كفرنبل.', 'planned',
    'اقتحمت قوات النظام بلدة كفرنبل فجر اليوم.', 1, 'Other', 'Military Forces of Syria (2000-2024)', null, 'كفرنبل', '2019-05-12', 1, 0),
  p('هددت حركة الشباب المجاهدين بتفجير مقرات حكومية في مدينة مقديشو.', 'threatened',
    'فجرت حركة الشباب المجاهدين سيارة مفخخة قرب مقر حكومي في مدينة مقديشو.', 1, 'Remote explosive/landmine/IED', 'Al Shabaab', null, 'مقديشو', '2019-05-12', 2, 0),
  p('توعد الحوثيون بقصف مدينة جازان بالصواريخ.', 'threatened',
    'قصفت جماعة الحوثي مدينة جازان بالصواريخ أمس.', 1, 'Shelling/artillery/missile attack', 'Military Forces of Yemen (2017-) Houthi', null, 'جازان', '2019-05-11', 1, 0),
  p('في حال هاجمت قوات الجيش الوطني الليبي مدينة ترهونة فإن قوات الوفاق سترد.', 'conditional,threatened',
    'هاجمت قوات الجيش الوطني الليبي مدينة ترهونة صباح اليوم.', 1, 'Armed clash', 'Military Forces of Libya (2014-) Libyan National Army', null, 'ترهونة', '2019-05-12', 1, 0),
  p('إذا قصفت الطائرات مدينة إدلب فإن الاتفاق سينهار.', 'conditional',
    'قصفت الطائرات الحربية مدينة إدلب مساء أمس.', 1, 'Air/drone strike', 'Military Forces of Syria (2000-2024)', null, 'إدلب', '2019-05-11', 1, 0),
  p('أحيا أهالي مدينة حلبجة ذكرى القصف الكيماوي الذي تعرضت له المدينة عام 1988.', 'historical,date.historical',
    'قصفت قوات النظام بلدة اللطامنة بغاز الكلور اليوم.', 1, 'Chemical weapon', 'Military Forces of Syria (2000-2024)', null, 'اللطامنة', '2019-05-12', 1, 0),
  p('استذكر سكان مدينة الموصل سيطرة تنظيم داعش على المدينة عام 2014.', ',date.historical',
    'سيطر تنظيم داعش على قرية في محيط مدينة الموصل أمس.', 1, 'Non-state actor overtakes territory', 'Islamic State (Iraq)', null, 'محيط مدينة الموصل', '2019-05-11', 1, 0),
  p('قتل مئات المدنيين في مدينة حماة عام 1982.', ',date.historical',
    'قصفت قوات النظام مدينة حماة أمس، ما أدى إلى مقتل 5 مدنيين.', 1, 'Shelling/artillery/missile attack', 'Military Forces of Syria (2000-2024)', 'Civilians (Syria)', 'حماة', '2019-05-11', 1, 5),
  p('تنظم نقابة المعلمين وقفة احتجاجية في مدينة البصرة يوم الخميس المقبل.', 'planned,date.historical',
    'نظمت نقابة المعلمين وقفة احتجاجية في مدينة البصرة اليوم.', 1, 'Peaceful protest', 'Teachers (Iraq)', null, 'البصرة', '2019-05-12', 1, 0),
  p('دعت الأمم المتحدة إلى وقف الغارات على مدينة الحديدة.', 'call',
    'شن طيران التحالف العربي غارات على مدينة الحديدة فجر اليوم.', 1, 'Air/drone strike', 'Operation Restoring Hope', null, 'الحديدة', '2019-05-12', 1, 0),
  p('تستعد قوات الدعم السريع لمهاجمة مدينة الأبيض.', 'planned',
    'هاجمت قوات الدعم السريع مدينة الأبيض فجر اليوم، ما أسفر عن مقتل 6 أشخاص.', 1, 'Armed clash', 'Military Forces of Sudan (2019-2023) Rapid Support Forces', null, 'الأبيض', '2019-05-12', 1, 6),
  // a sentence without a date of its own goes on telling the history the sentence before it dated
  p('في 13 نيسان 1975 وقعت مواجهة مسلحة في بلدة عين الرمانة. وخلال المواجهة حاول مسلحون اغتيال زعيم حزب الكتائب في البلدة.', ',date.historical',
    // (an attempted killing kills no one: 0, not an unknown toll)
    'حاول مسلحون اغتيال زعيم محلي في بلدة عين الرمانة صباح اليوم.', 1, 'Attack', 'Unidentified Armed Group (Lebanon)', null, 'عين الرمانة', '2019-05-12', 1, 0),
  // an agreement named as the object of its carrying out or keeping (تنفيذ بنود، التزام) already exists: no new one
  p('قال مسؤول في حركة حماس إن إسرائيل تماطل في تنفيذ بنود اتفاق وقف إطلاق النار في قطاع غزة.', '',
    'توصلت حركة حماس وإسرائيل إلى اتفاق لوقف إطلاق النار في قطاع غزة اليوم.', 1, 'Agreement', 'Hamas Movement', null, 'قطاع غزة', '2019-05-12', 1, 0),
  p('هل قصفت الطائرات الروسية مدينة سراقب؟', 'hypothetical-question',
    'قصفت الطائرات الروسية مدينة سراقب صباح اليوم.', 1, 'Air/drone strike', 'Military Forces of Russia (2000-)', null, 'سراقب', '2019-05-12', 1, 0),
];

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const run = (text: string): MarsadDocument => extract({ id: 'modality-events-test', text, publishedAt: PUB });

describe('not an event, and the event it is not', () => {
  it('the table has at least ten pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(10);
  });
  it.each(pairs)('$notEvent', (row) => {
    const no = run(row.notEvent);
    expect(no.layers.triggers.length).toBeGreaterThan(0);
    expect(no.events).toEqual([]);
    for (const cue of row.cues) {
      if (cue === 'date.historical') expect(no.layers.dates.some((d) => d.kind === 'historical'), cue).toBe(true);
      else expect(no.layers.modality.some((m) => m.modality === cue && m.effect === 'suppress'), cue).toBe(true);
    }
    const yes = run(row.event);
    expect(yes.events).toHaveLength(row.count);
    const e = yes.events[0];
    expect({
      subEventType: e.subEventType, actor1: e.actor1?.name ?? null, actor2: e.actor2?.name ?? null, placeAr: e.location?.nameAr,
      date: e.date, precision: e.timePrecision, fatalities: e.fatalities,
    }).toEqual({
      subEventType: row.subEventType, actor1: row.actor1, actor2: row.actor2, placeAr: row.placeAr,
      date: row.date, precision: row.precision, fatalities: row.fatalities,
    });
    expect(yes.layers.modality.filter((m) => m.effect === 'suppress')).toEqual([]);
  });
});

// An event told only as the time reference of another (بعد أيام من…، غداة…) happened before it: it is
// set aside, and so are its place, its dead and what it led to — none of them go to the event reported.
describe('an event told as the time reference of another', () => {
  it.each([
    ['قتل ثلاثة جنود في هجوم على حاجز في مدينة درعا بعد أيام من اغتيال قيادي في بلدة الحراك.', 'درعا', 3],
    ['اغتيل مسؤول محلي برصاص مجهولين في مدينة درعا، وذلك بعد نحو أسبوعين من اختطاف مسؤول آخر في بلدة علما القريبة.', 'درعا', 1],
    ['قتل أربعة جنود في هجوم على معسكر في مدينة ميناكا، غداة هجوم أسفر عن مقتل 14 جنديا في بلدة سومبي.', 'ميناكا', 4],
  ])('%s', (text, placeAr, fatalities) => {
    const doc = run(text);
    expect(doc.layers.modality.some((m) => m.modality === 'earlier' && m.effect === 'suppress')).toBe(true);
    expect(doc.events.map((e) => [e.location?.nameAr, e.fatalities])).toEqual([[placeAr, fatalities]]);
  });

  it('a protest is where it is held, not where the death it protests happened', () => {
    const doc = run('تظاهر المئات في مدينة حلب تنديدا بمقتل شاب في إدلب.');
    expect(doc.events.map((e) => [e.subEventType, e.location?.nameAr])).toEqual([['Peaceful protest', 'حلب']]);
  });
});
