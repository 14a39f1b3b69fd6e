// A synthetic corpus of Arabic news articles for the benchmarks: news-length (3–5 KB of UTF-8) texts
// assembled from template sentences with random numbers, places, actors and names. Seeded, so every run
// and every machine reads the same corpus and figures can be compared.

/** A small fast PRNG (mulberry32): deterministic for a seed, good enough to shuffle templates. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Slots: {N} a number (digits of three kinds or words, sometimes with a qualifier), {PLACE}, {ACTOR},
// {NAME}, {DAY}, {AGENCY}, {YEAR}. Some sentences carry diacritics, quotes and abbreviations, as real copy does.
const SENTENCES = [
  'قُتل {N} أشخاص وأصيب {N} آخرون في غارة جوية استهدفت {PLACE} يوم {DAY}.',
  'قال مصدر طبي في {PLACE} إن حصيلة القتلى ارتفعت إلى {N} بينهم {N} أطفال.',
  'أعلنت {ACTOR} سيطرتها على بلدة قرب {PLACE} بعد اشتباكات عنيفة استمرت {N} ساعات.',
  'وأفادت {AGENCY} بأن {ACTOR} شنت هجوما على مواقع {ACTOR} في ريف {PLACE}.',
  'نزح أكثر من {N} شخص من {PLACE} خلال الأسبوع الماضي، وفق الأمم المتحدة.',
  'وأضاف المتحدث باسم {ACTOR}، {NAME}، أن قواته "تصدت للهجوم" وقتلت {N} من المهاجمين.',
  'وأكد شهود عيان سماع دوي انفجارات في أحياء {PLACE} الشرقية منذ ساعات الفجر.',
  'واعتقلت {ACTOR} نحو {N} شخصا خلال حملة مداهمات في {PLACE}.',
  'وسقطت قذائف هاون على سوق شعبي في {PLACE} ما أدى إلى مقتل {N} مدنيين على الأقل.',
  'من جهتها، نفت {ACTOR} مسؤوليتها عن الهجوم، واتهمت {ACTOR} بتنفيذه.',
  'وتظاهر المئات في {PLACE} يوم {DAY} احتجاجا على تردي الأوضاع المعيشية.',
  'وفرّقت قوات الأمن المتظاهرين بالغاز المسيل للدموع، ما أسفر عن إصابة {N} منهم.',
  'وقال {NAME}، وهو أحد سكان {PLACE}، لـ{AGENCY}: «لم نعد نشعر بالأمان».',
  'ودعت الأمم المتحدة إلى وقف فوري لإطلاق النار في {PLACE} وفتح ممرات إنسانية.',
  'وبحسب {AGENCY}، فإن ما بين {N} و{N} مسلحا قتلوا في المواجهات.',
  'وانفجرت عبوة ناسفة بدورية تابعة لـ{ACTOR} على الطريق بين {PLACE} و{PLACE}.',
  'وأسفر الانفجار عن مقتل جنديين وإصابة {N} آخرين بجروح متفاوتة.',
  'وأعلنت وزارة الصحة أن عدد الضحايا منذ بداية الشهر بلغ {N} قتيلا و{N} جريحا.',
  'وخُطف {N} مدنيين على يد مسلحين مجهولين في ريف {PLACE} الغربي.',
  'واستهدفت طائرة مسيّرة سيارة كانت تقلّ قياديين في {ACTOR} قرب {PLACE}.',
  'وشهدت {PLACE} اشتباكات متقطعة بالأسلحة الخفيفة والمتوسطة ليل {DAY}.',
  'وقدّرت منظمات إغاثة عدد النازحين بنحو {N} ألف شخص.',
  'وأشار د. {NAME} مدير مستشفى {PLACE} إلى نقص حاد في الأدوية والمستلزمات الطبية.',
  'وتبادلت {ACTOR} و{ACTOR} القصف المدفعي على خطوط التماس شمال {PLACE}.',
  'ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.',
  'وكانت {PLACE} قد شهدت هجوما مماثلا قبل {N} أيام أودى بحياة {N} أشخاص.',
  'وأطلقت {ACTOR} سراح {N} معتقلين في إطار صفقة تبادل برعاية إقليمية.',
  'وأحرق محتجون إطارات وأغلقوا طرقا رئيسية في {PLACE} و{PLACE}.',
  'وقالت مصادر أمنية إن ما لا يقل عن {N} عنصرا من {ACTOR} قتلوا في كمين.',
  'وذكرت {AGENCY} أن الغارات دمرت {N} منازل وألحقت أضرارا بمدرسة ومسجد.',
  'وتأتي هذه التطورات في ظل تصعيد عسكري تشهده المنطقة منذ أسابيع.',
  'ويُقدَّر عدد سكان {PLACE} بنحو {N} نسمة، نزح معظمهم خلال الأشهر الماضية.',
  'وفي وقت لاحق، أعلن الجيش إسقاط {N} طائرات مسيّرة أُطلقت باتجاه {PLACE}.',
  'وأُصيب {N} عناصر من الشرطة بجروح خلال مواجهات مع مهربين قرب الحدود.',
  'وناشد الهلال الأحمر جميع الأطراف احترام القانون الدولي الإنساني وحماية المدنيين.',
  'وتُعدّ {PLACE} من أكثر المناطق تضررا من النزاع المستمر منذ عام {YEAR}.',
  'هل تصمد الهدنة في {PLACE}؟ يقول مراقبون إن فرصها ضئيلة.',
  'وأوضح البيان أن {N} من الجرحى في حالة حرجة، وأن فرق الإنقاذ ما زالت تبحث عن مفقودين تحت الأنقاض.',
];

const PLACES = [
  'غزة', 'رفح', 'خان يونس', 'حلب', 'إدلب', 'دير الزور', 'درعا', 'الموصل', 'كركوك', 'بنغازي', 'طرابلس', 'سرت',
  'مصراتة', 'صنعاء', 'تعز', 'الحديدة', 'مأرب', 'عدن', 'الفاشر', 'نيالا', 'الخرطوم', 'أم درمان', 'جنين', 'نابلس',
  'طولكرم', 'بيروت', 'صيدا', 'النبطية', 'بعلبك', 'الرقة', 'الأنبار', 'سيناء',
];
const ACTORS = [
  'قوات الدعم السريع', 'الجيش السوداني', 'قوات النظام السوري', 'الجيش الإسرائيلي', 'حركة حماس', 'جماعة الحوثي',
  'قوات سوريا الديمقراطية', 'تنظيم الدولة', 'الجيش الوطني الليبي', 'فصائل المعارضة', 'الشرطة', 'قوات الأمن',
  'حزب الله', 'الجيش العراقي', 'قوات الحشد الشعبي', 'مسلحون مجهولون',
];
const NAMES = ['أحمد عبد الله', 'سامي يوسف', 'ليلى حسين', 'عمر خليل', 'يوسف إبراهيم', 'مريم سعيد', 'خالد العمر', 'فاطمة الزهراء'];
const DAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const AGENCIES = ['وكالة الأنباء الرسمية', 'مصادر محلية', 'المرصد السوري', 'وكالة (أ. ف. ب)', 'رويترز', 'الهلال الأحمر'];
const NUMBER_WORDS = [
  'ثلاثة', 'خمسة', 'سبعة', 'عشرة', 'أحد عشر', 'خمسة عشر', 'عشرين', 'خمسة وعشرين', 'ثلاثين', 'مئة', 'مئتين',
  'ثلاثة آلاف', 'عشرات', 'مئات', 'اثنا عشر', 'ثماني', 'أربعين',
];
const QUALIFIERS = ['نحو ', 'حوالي ', 'قرابة ', 'أكثر من ', 'زهاء '];
const TITLE_CUTS = 6; // a title is the first words of a sentence

const EASTERN = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

function renderNumber(rng: () => number): string {
  const r = rng();
  const qualifier = rng() < 0.15 ? pick(rng, QUALIFIERS) : '';
  if (r < 0.35) return qualifier + pick(rng, NUMBER_WORDS);
  // mostly small counts, sometimes thousands (with a separator half of the time)
  const v = rng() < 0.85 ? 1 + Math.floor(rng() * 60) : 1000 + Math.floor(rng() * 9000);
  let s = v >= 1000 && rng() < 0.5 ? v.toLocaleString('en-US') : String(v);
  if (r < 0.6) {
    s = s.replace(/\d/g, (d) => EASTERN[Number(d)]).replace(/,/g, '٬');
  } else if (r < 0.63) {
    s = s.replace(/\d/g, (d) => PERSIAN[Number(d)]).replace(/,/g, '٬');
  }
  return qualifier + s;
}

function fill(template: string, rng: () => number): string {
  return template.replace(/\{(N|PLACE|ACTOR|NAME|DAY|AGENCY|YEAR)\}/g, (_m, slot: string) => {
    switch (slot) {
      case 'N': return renderNumber(rng);
      case 'PLACE': return pick(rng, PLACES);
      case 'ACTOR': return pick(rng, ACTORS);
      case 'NAME': return pick(rng, NAMES);
      case 'DAY': return pick(rng, DAYS);
      case 'AGENCY': return pick(rng, AGENCIES);
      default: return String(2011 + Math.floor(rng() * 13));
    }
  });
}

/** One article: a title line, then paragraphs of 2–5 sentences, until it reaches 3–5 KB of UTF-8. */
export function generateArticle(rng: () => number): string {
  const target = 3000 + Math.floor(rng() * 2000);
  const title = fill(pick(rng, SENTENCES), rng).split(' ').slice(0, TITLE_CUTS).join(' ').replace(/[.،]$/, '');
  const parts: string[] = [title, '\n\n'];
  let bytes = Buffer.byteLength(title);
  let inParagraph = 0;
  let paragraphLength = 2 + Math.floor(rng() * 4);
  while (bytes < target) {
    const s = fill(pick(rng, SENTENCES), rng);
    if (inParagraph === paragraphLength) {
      parts.push('\n\n');
      inParagraph = 0;
      paragraphLength = 2 + Math.floor(rng() * 4);
    } else if (inParagraph > 0) parts.push(' ');
    parts.push(s);
    inParagraph++;
    bytes += Buffer.byteLength(s) + 1;
  }
  return parts.join('');
}

/** `count` articles from a seed. */
export function generateCorpus(count: number, seed = 20240601): string[] {
  const rng = seededRandom(seed);
  return Array.from({ length: count }, () => generateArticle(rng));
}
