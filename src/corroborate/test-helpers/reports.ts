// SAMPLE articles for the corroboration tests: news-style Arabic written by the marsad developers,
// NOT real reports (the places are real, the events invented; no sentence comes from any outlet).
// Every entry carries `sample: true`.
//
// One air strike on the market of Kafr Nabl (southern Idlib) on Tuesday 12 March 2024, told by ten
// outlets that disagree on the toll (5, 6, 7, a toll without a number, none at all), on the weapon
// (an air strike, a missile), on the place (the town, the next village, the district around it),
// on the wording and on the day they published it. And look-alikes that are other events: the same
// town two days before and two days after, the same day in Saraqib and in Maarat al-Numan ten km
// away, a protest in the town that day.

export interface SampleReport {
  key: string;
  sample: true;
  outlet: string;
  publishedAt: string;
  text: string;
}

const sample = (key: string, outlet: string, publishedAt: string, text: string): SampleReport => ({ key, sample: true, outlet, publishedAt, text });

/** The canonical event every report below tells (until the look-alikes). */
export const KAFR_NABL_STRIKE = { location: 'Kafr Nabl', date: '2024-03-12', subEventType: 'Air/drone strike' } as const;

// --- One event, many tellings --------------------------------------------------------------------

/** The headline and the body tell it twice: one event. 5 killed, 8 injured. */
export const FIRST = sample('first', 'وكالة العينة', '2024-03-12',
  'مقتل خمسة مدنيين بغارة جوية على كفرنبل\n'
  + 'قُتل خمسة مدنيين وأصيب ثمانية آخرون، اليوم الثلاثاء، جراء غارة جوية شنها الطيران الحربي الروسي على بلدة كفرنبل في ريف إدلب الجنوبي، '
  + 'بحسب الدفاع المدني السوري. واستهدفت الغارة سوقاً شعبياً وسط البلدة.');

/** The next day, "yesterday, Tuesday": 7 killed. */
export const TOLL_SEVEN = sample('seven', 'شبكة المثال', '2024-03-13',
  'قتل سبعة مدنيين أمس الثلاثاء في غارة جوية شنتها طائرات حربية روسية على سوق بلدة كفرنبل بريف إدلب، وفق ما أفاد ناشطون محليون.');

/** Other words ("the Russian planes shelled"): 6 killed. */
export const TOLL_SIX = sample('six', 'موقع النموذج', '2024-03-13',
  'قصفت الطائرات الروسية بلدة كفرنبل جنوبي إدلب يوم الثلاثاء، ما أسفر عن مقتل ستة أشخاص.');

/** Told as a missile strike (shelling), not an air strike: a compatible type. 6 killed. */
export const AS_SHELLING = sample('shelling', 'نشرة الاختبار', '2024-03-13',
  'قتل ستة مدنيين، أمس الثلاثاء، جراء قصف صاروخي استهدف سوق بلدة كفرنبل في ريف إدلب الجنوبي.');

/** Placed in Hass, the village 2.4 km east of Kafr Nabl. 5 killed. */
export const NEXT_VILLAGE = sample('hass', 'صحيفة المسودة', '2024-03-12',
  'قتل خمسة مدنيين، اليوم الثلاثاء، بغارة جوية شنتها طائرات روسية على بلدة حاس في ريف إدلب الجنوبي.');

/** Placed only in the district ("the countryside of Maarat al-Numan"): low precision, same second-level region. */
export const DISTRICT_ONLY = sample('district', 'إذاعة التجربة', '2024-03-12',
  'قتل ستة مدنيين، اليوم الثلاثاء، في غارة جوية روسية على ريف معرة النعمان.');

/** No day in the text: dated by its publication the day after. 5 killed. */
export const UNDATED = sample('undated', 'مدونة الشاهد', '2024-03-13',
  'لقي خمسة مدنيين حتفهم في غارة جوية روسية استهدفت سوق بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد مراسلنا.');

/** No death mentioned: says nothing about the toll. */
export const NO_TOLL = sample('no-toll', 'وكالة الأمثلة', '2024-03-12',
  'شنت طائرات حربية روسية، اليوم الثلاثاء، غارة جوية على سوق بلدة كفرنبل جنوبي إدلب، وهرعت فرق الدفاع المدني إلى المكان.');

/** Deaths without a number ("the toll rose", no figure read). */
export const TOLL_ROSE = sample('toll-rose', 'شبكة المثال', '2024-03-13',
  'ارتفعت حصيلة قتلى الغارة الجوية الروسية على بلدة كفرنبل بريف إدلب، أمس الثلاثاء، إلى ثمانية مدنيين، بحسب ما أعلن الدفاع المدني.');

/** Within one article: a headline, the body, and the toll repeated in a later paragraph. */
export const TOLD_THRICE = sample('thrice', 'صحيفة المسودة', '2024-03-12',
  'غارة روسية تقتل خمسة مدنيين في كفرنبل اليوم\n'
  + 'قتل خمسة مدنيين، اليوم الثلاثاء، في غارة جوية روسية على بلدة كفرنبل بريف إدلب الجنوبي.\n'
  + 'وقال مسؤول في الدفاع المدني إن فرقه انتشلت جثث القتلى الخمسة من تحت الأنقاض، مشيراً إلى أن الغارة استهدفت سوقاً شعبياً.');

// --- Look-alikes: other events --------------------------------------------------------------------

/** The same town, two days later (Thursday 14 March): 2 killed. */
export const TWO_DAYS_LATER = sample('later', 'شبكة المثال', '2024-03-14',
  'قُتل مدنيان اثنان، اليوم الخميس، بغارة جوية شنتها طائرات حربية روسية على بلدة كفرنبل في ريف إدلب الجنوبي، في ثاني استهداف للبلدة خلال أيام.');

/** The same town two days before (Sunday 10 March), with the very same toll and words. */
export const TWO_DAYS_EARLIER = sample('earlier', 'وكالة العينة', '2024-03-10',
  'قتل خمسة مدنيين، اليوم الأحد، في غارة جوية روسية على بلدة كفرنبل في ريف إدلب الجنوبي.');

/** The same day in Saraqib, 35 km away: 3 killed. */
export const OTHER_TOWN = sample('saraqib', 'وكالة العينة', '2024-03-12',
  'شن الطيران الحربي الروسي، اليوم الثلاثاء، غارة جوية على مدينة سراقب في ريف إدلب الشرقي، ما أدى إلى مقتل ثلاثة مدنيين.');

/** The same day, the same toll, in Maarat al-Numan, 10 km from Kafr Nabl. */
export const NEIGHBOURING_TOWN = sample('maarat', 'موقع النموذج', '2024-03-12',
  'قتل خمسة مدنيين، اليوم الثلاثاء، في غارة جوية روسية على مدينة معرة النعمان في ريف إدلب الجنوبي.');

/** The same town and day, another kind of event: a protest. */
export const PROTEST = sample('protest', 'إذاعة التجربة', '2024-03-12',
  'خرج مئات المتظاهرين، اليوم الثلاثاء، في مظاهرة سلمية وسط بلدة كفرنبل بريف إدلب، للمطالبة بالإفراج عن المعتقلين.');

/**
 * Every telling of the Kafr Nabl strike but DISTRICT_ONLY: "the countryside of Maarat al-Numan"
 * fits the Maarat look-alike as well as it fits Kafr Nabl, so it is tested beside FIRST alone.
 */
export const SAME_STRIKE: readonly SampleReport[] = [FIRST, TOLL_SEVEN, TOLL_SIX, AS_SHELLING, NEXT_VILLAGE, UNDATED, NO_TOLL, TOLL_ROSE, TOLD_THRICE];
export const LOOK_ALIKES: readonly SampleReport[] = [TWO_DAYS_LATER, TWO_DAYS_EARLIER, OTHER_TOWN, NEIGHBOURING_TOWN, PROTEST];
