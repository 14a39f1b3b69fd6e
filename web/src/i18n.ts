// The interface in Arabic (the default, right to left) and English. ACLED's category names are
// ACLED's; the Arabic renderings are ours.

export type Lang = 'ar' | 'en';

const STRINGS = {
  appName: { ar: 'مرصد', en: 'marsad' },
  tagline: { ar: 'مرصد الأحداث في الأخبار العربية', en: 'Conflict events read from Arabic news' },
  sampleBadge: { ar: 'بيانات تجريبية', en: 'Sample data' },
  sampleNote: {
    ar: 'مقالات نموذجية كتبها مطورو مرصد للعرض، وليست أخباراً حقيقية',
    en: 'Sample articles written by the marsad developers for demonstration; not real news',
  },
  language: { ar: 'English', en: 'العربية' },
  languageLabel: { ar: 'Switch to English', en: 'التبديل إلى العربية' },
  skip: { ar: 'تخطَّ إلى القائمة', en: 'Skip to the list' },
  filters: { ar: 'التصفية', en: 'Filters' },
  country: { ar: 'البلد', en: 'Country' },
  eventType: { ar: 'نوع الحدث', en: 'Event type' },
  subEventType: { ar: 'النوع الفرعي', en: 'Sub-event type' },
  actor: { ar: 'الفاعل', en: 'Actor' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  search: { ar: 'بحث في النص', en: 'Full text' },
  searchPlaceholder: { ar: 'كلمة في نص المقال…', en: 'A word in the article text…' },
  all: { ar: 'الكل', en: 'All' },
  reset: { ar: 'مسح التصفية', en: 'Clear filters' },
  download: { ar: 'تنزيل', en: 'Download' },
  downloadCsv: { ar: 'CSV', en: 'CSV' },
  downloadGeojson: { ar: 'GeoJSON', en: 'GeoJSON' },
  downloadTitle: { ar: 'تنزيل الأحداث المختارة', en: 'Download the current selection' },
  map: { ar: 'الخريطة', en: 'Map' },
  mapLabel: { ar: 'خريطة الأحداث: زر لكل حدث أو مجموعة أحداث', en: 'Map of events: one button per event or group of events' },
  timeline: { ar: 'الخط الزمني', en: 'Timeline' },
  timelineHelp: {
    ar: 'اسحب على الخط الزمني لاختيار فترة؛ انقر مرتين لإلغائها',
    en: 'Drag across the timeline to choose a period; double-click to clear it',
  },
  events: { ar: 'أحداث', en: 'Events' },
  fatalities: { ar: 'قتلى', en: 'Fatalities' },
  byDay: { ar: 'يومياً', en: 'by day' },
  eventsCount: { ar: '{n} حدث', en: '{n} events' },
  ofTotal: { ar: '{n} من {total} حدث', en: '{n} of {total} events' },
  notLocated: { ar: '{n} بلا إحداثيات', en: '{n} without coordinates' },
  noEvents: { ar: 'لا أحداث تطابق التصفية', en: 'No events match the filters' },
  more: { ar: 'المزيد', en: 'More' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  failed: { ar: 'تعذّر التحميل', en: 'Could not load' },
  back: { ar: 'العودة إلى القائمة', en: 'Back to the list' },
  event: { ar: 'الحدث', en: 'Event' },
  article: { ar: 'المقال', en: 'Article' },
  openArticle: { ar: 'عرض المقال مع كل التعليقات', en: 'Open the article with all its annotations' },
  original: { ar: 'المقال الأصلي', en: 'Original article' },
  noOriginal: { ar: 'لا رابط أصلي', en: 'No original link' },
  sources: { ar: 'المصادر', en: 'Sources' },
  field: { ar: 'الحقل', en: 'Field' },
  value: { ar: 'القيمة', en: 'Value' },
  evidence: { ar: 'الدليل', en: 'Evidence' },
  rule: { ar: 'القاعدة', en: 'Rule' },
  inferred: { ar: 'مستنتج (لا نص)', en: 'inferred (no text)' },
  hoverHint: {
    ar: 'مرّر المؤشر على حقل (أو انتقل إليه بلوحة المفاتيح) لترى كلماته في النص',
    en: 'Hover over a field (or move to it with the keyboard) to see its words in the text',
  },
  location: { ar: 'المكان', en: 'Location' },
  date: { ar: 'التاريخ', en: 'Date' },
  actor1: { ar: 'الفاعل الأول', en: 'Actor 1' },
  actor2: { ar: 'الفاعل الثاني', en: 'Actor 2' },
  injured: { ar: 'جرحى', en: 'Injured' },
  civilianTargeting: { ar: 'استهداف المدنيين', en: 'Civilian targeting' },
  confidence: { ar: 'الثقة', en: 'Confidence' },
  yes: { ar: 'نعم', en: 'yes' },
  no: { ar: 'لا', en: 'no' },
  unknown: { ar: 'غير معروف', en: 'unknown' },
  notReported: { ar: 'غير مذكور', en: 'not reported' },
  unquantified: { ar: 'مذكور بلا عدد', en: 'reported without a number' },
  precision: { ar: 'الدقة', en: 'precision' },
  fatalityRange: { ar: 'أدنى {low} · أرجح {best} · أعلى {high}', en: 'low {low} · best {best} · high {high}' },
  sourcesDisagree: { ar: 'المصادر مختلفة', en: 'Sources disagree' },
  sourcesDisagreeNote: {
    ar: 'تختلف المصادر في الحصيلة أو في نوع الحدث؛ القتلى هنا أدنى حصيلة ذكرها مصدر، كما يفعل ACLED',
    en: 'The sources differ on the toll or the type of event; fatalities are the lowest toll a source states, as ACLED codes them',
  },
  sourceFigures: { ar: 'قتلى {f} · جرحى {i}', en: 'killed {f} · injured {i}' },
  sourceOf: { ar: 'ما ذكره كل مصدر', en: 'What each source reports' },
  reports: { ar: 'تقارير', en: 'reports' },
  annotations: { ar: 'التعليقات', en: 'Annotations' },
  layer_actors: { ar: 'فاعلون', en: 'Actors' },
  layer_places: { ar: 'أماكن', en: 'Places' },
  layer_numbers: { ar: 'أعداد', en: 'Numbers' },
  layer_dates: { ar: 'تواريخ', en: 'Dates' },
  layer_triggers: { ar: 'مؤشرات الحدث', en: 'Triggers' },
  layer_casualties: { ar: 'ضحايا', en: 'Casualties' },
  layer_modality: { ar: 'صيغة', en: 'Modality' },
  eventsInArticle: { ar: 'الأحداث في هذا المقال', en: 'Events in this article' },
  eventsHere: { ar: 'أحداث في هذا المكان', en: 'Events at this place' },
  cluster: { ar: '{n} حدث، {f}', en: '{n} events, {f}' },
  point: { ar: '{type} في {place}، {date}', en: '{type} in {place}, {date}' },
  zoomIn: { ar: 'تكبير', en: 'Zoom in' },
  control: { ar: 'السيطرة', en: 'Control' },
  controlDate: { ar: 'تاريخ السيطرة', en: 'Control on' },
  controlPlace: { ar: '{place}: بيد {holder} منذ {since}', en: '{place}: held by {holder} since {since}' },
  controlNone: { ar: 'لا أماكن معروفة السيطرة في هذا التاريخ', en: 'No place with known control on this date' },
  inter1: { ar: 'قوات حكومية', en: 'State forces' },
  inter2: { ar: 'جماعات متمردة', en: 'Rebel groups' },
  inter3: { ar: 'ميليشيات سياسية', en: 'Political militias' },
  inter4: { ar: 'ميليشيات هوياتية', en: 'Identity militias' },
  inter8: { ar: 'قوات خارجية وأخرى', en: 'External/other forces' },
  interOther: { ar: 'أخرى', en: 'Other' },
  zoomOut: { ar: 'تصغير', en: 'Zoom out' },
  noWebgl: { ar: 'خريطة مبسطة (WebGL غير متاح)', en: 'Simple map (WebGL is not available)' },
  close: { ar: 'إغلاق', en: 'Close' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export const EVENT_TYPE_AR: Record<string, string> = {
  Battles: 'معارك',
  'Explosions/Remote violence': 'انفجارات وعنف عن بُعد',
  'Violence against civilians': 'عنف ضد المدنيين',
  Protests: 'احتجاجات',
  Riots: 'أعمال شغب',
  'Strategic developments': 'تطورات استراتيجية',
};

export const SUB_EVENT_TYPE_AR: Record<string, string> = {
  'Armed clash': 'اشتباك مسلح',
  'Government regains territory': 'استعادة الحكومة أراضيَ',
  'Non-state actor overtakes territory': 'سيطرة جهة غير حكومية على أراضٍ',
  'Chemical weapon': 'سلاح كيميائي',
  'Air/drone strike': 'غارة جوية أو بمسيّرة',
  'Suicide bomb': 'تفجير انتحاري',
  'Shelling/artillery/missile attack': 'قصف مدفعي أو صاروخي',
  'Remote explosive/landmine/IED': 'عبوة ناسفة أو لغم',
  Grenade: 'قنبلة يدوية',
  'Sexual violence': 'عنف جنسي',
  Attack: 'هجوم',
  'Abduction/forced disappearance': 'خطف أو إخفاء قسري',
  'Peaceful protest': 'احتجاج سلمي',
  'Protest with intervention': 'احتجاج مع تدخل',
  'Excessive force against protesters': 'قوة مفرطة ضد المحتجين',
  'Violent demonstration': 'تظاهرة عنيفة',
  'Mob violence': 'عنف جماعي',
  Agreement: 'اتفاق',
  Arrests: 'اعتقالات',
  'Change to group/activity': 'تغيّر في جماعة أو نشاط',
  'Disrupted weapons use': 'إحباط استخدام سلاح',
  'Headquarters or base established': 'إنشاء مقر أو قاعدة',
  'Looting/property destruction': 'نهب أو تدمير ممتلكات',
  'Non-violent transfer of territory': 'انتقال السيطرة دون قتال',
  Other: 'أخرى',
};

// ISO 3166-1 alpha-3 → alpha-2 for the countries the gazetteer covers, so Intl can name them.
const ISO2: Record<string, string> = {
  ARE: 'AE', AFG: 'AF', BHR: 'BH', DJI: 'DJ', DZA: 'DZ', EGY: 'EG', ESH: 'EH', ERI: 'ER', ETH: 'ET', ISR: 'IL', IRQ: 'IQ',
  IRN: 'IR', JOR: 'JO', COM: 'KM', KWT: 'KW', LBN: 'LB', LBY: 'LY', MAR: 'MA', MLI: 'ML', MRT: 'MR', NER: 'NE', NGA: 'NG',
  OMN: 'OM', PSE: 'PS', QAT: 'QA', SAU: 'SA', SDN: 'SD', SOM: 'SO', SSD: 'SS', SYR: 'SY', TCD: 'TD', TUN: 'TN', TUR: 'TR',
  YEM: 'YE', KEN: 'KE', PAK: 'PK', CYP: 'CY', GRC: 'GR', ITA: 'IT', FRA: 'FR', GBR: 'GB', USA: 'US', RUS: 'RU', UKR: 'UA',
};

export class I18n {
  #lang: Lang;
  #regions = new Map<Lang, Intl.DisplayNames | null>();
  #numbers = new Map<Lang, Intl.NumberFormat>();

  constructor(lang: Lang) {
    this.#lang = lang;
  }

  get lang(): Lang {
    return this.#lang;
  }

  set lang(l: Lang) {
    this.#lang = l;
  }

  get dir(): 'rtl' | 'ltr' {
    return this.#lang === 'ar' ? 'rtl' : 'ltr';
  }

  t(key: StringKey, vars: Record<string, string | number> = {}): string {
    return STRINGS[key][this.#lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
  }

  /** Numbers in Latin digits in both languages, as most Arabic news sites print them. */
  num(n: number): string {
    let f = this.#numbers.get(this.#lang);
    if (!f) this.#numbers.set(this.#lang, (f = new Intl.NumberFormat(this.#lang === 'ar' ? 'ar-u-nu-latn' : 'en')));
    return f.format(n);
  }

  /** "5 killed" / "٥ قتلى": Arabic counts take the plural from 3 to 10 and the singular from 11 (قتيلاً). */
  killed(n: number): string {
    if (this.#lang === 'en') return `${this.num(n)} killed`;
    const m = n % 100;
    if (n === 1) return 'قتيل واحد';
    if (n === 2) return 'قتيلان';
    if (m >= 3 && m <= 10) return `${this.num(n)} قتلى`;
    return `${this.num(n)} قتيلاً`;
  }

  eventType(t: string): string {
    return this.#lang === 'ar' ? EVENT_TYPE_AR[t] ?? t : t;
  }

  subEventType(t: string): string {
    return this.#lang === 'ar' ? SUB_EVENT_TYPE_AR[t] ?? t : t;
  }

  country(name: string | null, iso3: string | null): string {
    const iso2 = iso3 ? ISO2[iso3] : undefined;
    if (iso2) {
      let names = this.#regions.get(this.#lang);
      if (names === undefined) {
        try {
          names = new Intl.DisplayNames([this.#lang], { type: 'region' });
        } catch {
          names = null;
        }
        this.#regions.set(this.#lang, names);
      }
      const n = names?.of(iso2);
      if (n && n !== iso2) return n;
    }
    return name ?? iso3 ?? this.t('unknown');
  }

  /** An Arabic name in the Arabic interface when there is one, else the English. */
  name(en: string | null, ar: string | null): string {
    if (this.#lang === 'ar') return ar || en || '';
    return en || ar || '';
  }
}
