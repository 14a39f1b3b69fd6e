// Hand-written Arabic articles about places changing hands: the three territorial-control
// sub-event types, at two Syrian towns and one Yemeni district. Evidence spans come from the text.

import { actor, event, evidence, place, type FixtureArticle } from './fixtures.js';

const GOV_SY = actor('Military Forces of Syria', 'القوات الحكومية', 1, 'Syria', 'SYR-MIL');
const HTS = actor('Hayat Tahrir al-Sham', 'هيئة تحرير الشام', 2, 'Syria', 'SYR-HTS');
const SDF = actor('Syrian Democratic Forces', 'قوات سوريا الديمقراطية', 2, 'Syria', 'SYR-SDF');
const MMC = actor('Manbij Military Council', 'مجلس منبج العسكري', 3, 'Syria', 'SYR-MMC');
const HOUTHI = actor('Houthis (Ansar Allah)', 'جماعة الحوثي', 2, 'Yemen', 'YEM-HOUTHI');

const SARAQIB = place({ name: 'Saraqib', nameAr: 'سراقب', country: 'Syria', countryCode: 'SY', admin1: 'Idlib', lat: 35.8646, lon: 36.8051, gazetteerId: 'gz:saraqib' });
const MANBIJ = place({ name: 'Manbij', nameAr: 'منبج', country: 'Syria', countryCode: 'SY', admin1: 'Aleppo', lat: 36.5281, lon: 37.9549, gazetteerId: 'gz:manbij' });
const HARIB = place({ name: 'Harib', nameAr: 'حريب', country: 'Yemen', countryCode: 'YE', admin1: "Ma'rib", lat: 14.933, lon: 45.503, geoPrecision: 2, gazetteerId: 'gz:harib' });

export const SARAQIB_TAKEN: FixtureArticle = {
  url: 'https://example.org/control/saraqib-taken',
  outlet: 'Example Arabic',
  title: 'الهيئة تسيطر على سراقب',
  publishedAt: '2024-01-21',
  text: 'سيطرت هيئة تحرير الشام على مدينة سراقب بعد انسحاب القوات الحكومية منها أمس.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      disorderType: 'Strategic developments', eventType: 'Strategic developments', subEventType: 'Non-state actor overtakes territory',
      actor1: HTS, actor2: GOV_SY, interaction: 12, location: SARAQIB, date: '2024-01-20', fatalities: 0,
      evidence: [
        evidence(t, 'eventType', 'سيطرت', 'trigger.control'),
        evidence(t, 'actor1', 'هيئة تحرير الشام', 'actor.dictionary'),
        evidence(t, 'location', 'سراقب', 'place.gazetteer'),
        evidence(t, 'actor2', 'القوات الحكومية', 'actor.dictionary'),
        evidence(t, 'date', 'أمس', 'date.relative'),
      ],
    })];
  },
};

export const SARAQIB_REGAINED: FixtureArticle = {
  url: 'https://example.org/control/saraqib-regained',
  outlet: 'Example Arabic',
  title: 'القوات الحكومية تستعيد سراقب',
  publishedAt: '2024-02-10',
  text: 'استعادت القوات الحكومية السيطرة على مدينة سراقب من هيئة تحرير الشام اليوم بعد معارك عنيفة.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      disorderType: 'Strategic developments', eventType: 'Strategic developments', subEventType: 'Government regains territory',
      actor1: GOV_SY, actor2: HTS, interaction: 12, location: SARAQIB, date: '2024-02-10', fatalities: 0,
      evidence: [
        evidence(t, 'eventType', 'استعادت', 'trigger.regain'),
        evidence(t, 'actor1', 'القوات الحكومية', 'actor.dictionary'),
        evidence(t, 'location', 'سراقب', 'place.gazetteer'),
        evidence(t, 'actor2', 'هيئة تحرير الشام', 'actor.dictionary'),
      ],
    })];
  },
};

export const MANBIJ_HANDED_OVER: FixtureArticle = {
  url: 'https://example.org/control/manbij',
  outlet: 'Example Arabic',
  title: 'تسليم منبج',
  publishedAt: '2024-02-01',
  text: 'تسلمت قوات سوريا الديمقراطية مدينة منبج من مجلس منبج العسكري دون قتال.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      disorderType: 'Strategic developments', eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory',
      actor1: SDF, actor2: MMC, interaction: 23, location: MANBIJ, date: '2024-02-01', fatalities: 0,
      evidence: [
        evidence(t, 'eventType', 'تسلمت', 'trigger.transfer'),
        evidence(t, 'actor1', 'قوات سوريا الديمقراطية', 'actor.dictionary'),
        evidence(t, 'location', 'منبج', 'place.gazetteer'),
        evidence(t, 'actor2', 'مجلس منبج العسكري', 'actor.dictionary'),
      ],
    })];
  },
};

export const HARIB_TAKEN: FixtureArticle = {
  url: 'https://example.net/yemen/harib',
  outlet: 'Example Yemen',
  title: 'الحوثيون يسيطرون على حريب',
  publishedAt: '2024-01-15',
  text: 'سيطرت جماعة الحوثي على مديرية حريب في محافظة مأرب.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      disorderType: 'Strategic developments', eventType: 'Strategic developments', subEventType: 'Non-state actor overtakes territory',
      actor1: HOUTHI, interaction: 20, location: HARIB, date: '2024-01-15', fatalities: 0,
      evidence: [
        evidence(t, 'eventType', 'سيطرت', 'trigger.control'),
        evidence(t, 'actor1', 'جماعة الحوثي', 'actor.dictionary'),
        evidence(t, 'location', 'مديرية حريب', 'place.cue'),
      ],
    })];
  },
};

export const CONTROL_FIXTURES = [SARAQIB_TAKEN, SARAQIB_REGAINED, MANBIJ_HANDED_OVER, HARIB_TAKEN];
