// Hand-written Arabic articles and the events an extractor should read from them. Evidence spans
// are computed from the text itself, so they point exactly at the words they cite.

import { createHash } from 'node:crypto';
import { createDocument, type DocumentInput } from '../../doc/document.js';
import type { ActorRef, EventLocation, EventRecord, Evidence, EvidenceField, MarsadDocument } from '../../doc/types.js';
import type { Extractor } from '../../pipeline/types.js';
import type { ArticleInput } from '../types.js';

export function docIdOf(text: string): string {
  return 'doc_' + createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** Evidence for the first occurrence of `needle` at or after `from`. */
export function evidence(text: string, field: EvidenceField, needle: string, ruleId: string, from = 0): Evidence {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { field, start, end: start + needle.length, text: needle, ruleId };
}

export function actor(name: string, nameAr: string, inter: number, country: string | null, id: string | null = null): ActorRef {
  return { name, nameAr, id, inter, country };
}

export function place(p: Partial<EventLocation> & { name: string; nameAr: string }): EventLocation {
  return {
    country: null, countryCode: null, admin1: null, admin2: null, lat: null, lon: null, geoPrecision: 1, gazetteerId: null, ...p,
  };
}

export function event(doc: { id: string; text: string }, ordinal: number, e: Partial<EventRecord> & Pick<EventRecord, 'eventType' | 'subEventType'>): EventRecord {
  const evid = e.evidence ?? [];
  const start = evid.length ? Math.min(...evid.map((v) => v.start)) : 0;
  const end = evid.length ? Math.max(...evid.map((v) => v.end)) : Math.min(doc.text.length, 40);
  const rules: EventRecord['rules'] = {};
  for (const v of evid) rules[v.field] = v.ruleId;
  return {
    id: `${doc.id}:e${ordinal}`,
    disorderType: 'Political violence',
    actor1: null,
    actor2: null,
    interaction: null,
    civilianTargeting: false,
    location: null,
    date: null,
    timePrecision: 1,
    fatalities: null,
    injured: null,
    rules,
    evidence: evid,
    sentence: { start, end },
    confidence: 0.8,
    notes: '',
    ...e,
  };
}

export interface FixtureArticle {
  url: string | null;
  outlet: string;
  title: string;
  publishedAt: string;
  text: string;
  events(doc: { id: string; text: string }): EventRecord[];
}

// Written with hamza seats (أ) and a final ه where the usual spelling has ة (مدينه), so folded
// search has something to fold.
export const IDLIB: FixtureArticle = {
  url: 'https://example.org/news/idlib-strike',
  outlet: 'Example Arabic',
  title: 'قصف جوي على إدلب',
  publishedAt: '2024-03-06',
  text: 'قُتل خمسة مدنيين وأصيب عشرة آخرون في قصف جوي استهدف مدينه إدلب يوم الثلاثاء. ' +
    'وقالت مصادر محلية إن الطائرات الحربية التابعة للقوات الحكومية نفذت الغارة على الأحياء السكنية وأسواق المدينه.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      actor1: actor('Military Forces of Syria', 'القوات الحكومية', 1, 'Syria', 'SYR-MIL'),
      actor2: actor('Civilians (Syria)', 'مدنيين', 7, 'Syria'),
      interaction: 17,
      civilianTargeting: true,
      location: place({ name: 'Idlib', nameAr: 'إدلب', country: 'Syria', countryCode: 'SY', admin1: 'Idlib', admin2: 'Idlib', lat: 35.9306, lon: 36.6339, gazetteerId: 'gz:idlib' }),
      date: '2024-03-05',
      fatalities: 5,
      injured: 10,
      confidence: 0.9,
      notes: 'Air strike on Idlib city; 5 civilians killed, 10 injured.',
      evidence: [
        evidence(t, 'eventType', 'قصف جوي', 'trigger.airstrike'),
        evidence(t, 'fatalities', 'قُتل خمسة', 'casualty.killed.words'),
        evidence(t, 'injured', 'أصيب عشرة', 'casualty.injured.words'),
        evidence(t, 'location', 'إدلب', 'place.gazetteer'),
        evidence(t, 'date', 'يوم الثلاثاء', 'date.weekday'),
        evidence(t, 'actor1', 'للقوات الحكومية', 'actor.dictionary'),
      ],
    })];
  },
};

export const TAIZ: FixtureArticle = {
  url: 'https://example.net/yemen/taiz-clashes?utm_source=feed',
  outlet: 'Example Yemen',
  title: 'اشتباكات في تعز',
  publishedAt: '2024-03-11',
  text: 'اندلعت اشتباكات عنيفة بين القوات الحكومية ومسلحي جماعة الحوثي في محافظة تعز، أسفرت عن مقتل ثلاثة مقاتلين. ' +
    'وفي سياق متصل، خرج مئات المتظاهرين في صنعاء احتجاجاً على انقطاع الرواتب.',
  events(doc) {
    const t = doc.text;
    return [
      event(doc, 0, {
        eventType: 'Battles',
        subEventType: 'Armed clash',
        actor1: actor('Military Forces of Yemen', 'القوات الحكومية', 1, 'Yemen', 'YEM-MIL'),
        actor2: actor('Houthis (Ansar Allah)', 'جماعة الحوثي', 2, 'Yemen', 'YEM-HOUTHI'),
        interaction: 12,
        location: place({ name: 'Taizz', nameAr: 'تعز', country: 'Yemen', countryCode: 'YE', admin1: 'Taizz', lat: 13.5795, lon: 44.0209, geoPrecision: 2, gazetteerId: 'gz:taizz' }),
        date: '2024-03-10',
        fatalities: 3,
        confidence: 0.85,
        evidence: [
          evidence(t, 'eventType', 'اشتباكات عنيفة', 'trigger.clash'),
          evidence(t, 'actor2', 'جماعة الحوثي', 'actor.dictionary'),
          evidence(t, 'location', 'محافظة تعز', 'place.cue'),
          evidence(t, 'fatalities', 'مقتل ثلاثة', 'casualty.killed.words'),
        ],
      }),
      event(doc, 1, {
        disorderType: 'Demonstrations',
        eventType: 'Protests',
        subEventType: 'Peaceful protest',
        actor1: actor('Protesters (Yemen)', 'المتظاهرين', 6, 'Yemen'),
        interaction: 60,
        // No coordinates: kept in CSV and JSON Lines, left out of GeoJSON.
        location: place({ name: "Sana'a", nameAr: 'صنعاء', country: 'Yemen', countryCode: 'YEM', admin1: "Amanat al Asimah", geoPrecision: 3 }),
        date: '2024-03-11',
        fatalities: 0,
        confidence: 0.6,
        evidence: [
          evidence(t, 'eventType', 'المتظاهرين', 'trigger.protest'),
          evidence(t, 'location', 'صنعاء', 'place.gazetteer'),
        ],
      }),
    ];
  },
};

export const JABALIA: FixtureArticle = {
  url: 'https://example.com/gaza/jabalia',
  outlet: 'Example Gaza',
  title: 'غارة على مخيم جباليا',
  publishedAt: '2024-04-02',
  text: 'استشهد 12 فلسطينياً في غارة إسرائيلية على مخيم جباليا شمال قطاع غزة فجر اليوم، وفق مصادر طبية.',
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      eventType: 'Explosions/Remote violence',
      subEventType: 'Air/drone strike',
      actor1: actor('Military Forces of Israel', 'القوات الإسرائيلية', 8, 'Israel', 'ISR-MIL'),
      actor2: actor('Civilians (Palestine)', 'فلسطينيين', 7, 'Palestine'),
      interaction: 78,
      civilianTargeting: true,
      location: place({ name: 'Jabalya', nameAr: 'جباليا', country: 'Palestine', countryCode: 'PS', admin1: 'Gaza Strip', admin2: 'North Gaza', lat: 31.5272, lon: 34.4833, gazetteerId: 'gz:jabalia' }),
      date: '2024-04-02',
      fatalities: 12,
      confidence: 0.95,
      evidence: [
        evidence(t, 'fatalities', 'استشهد 12', 'casualty.martyred.digits'),
        evidence(t, 'eventType', 'غارة إسرائيلية', 'trigger.airstrike'),
        evidence(t, 'location', 'مخيم جباليا', 'place.cue'),
      ],
    })];
  },
};

export const FIXTURES = [IDLIB, TAIZ, JABALIA];

export function inputOf(a: Pick<FixtureArticle, 'text' | 'url' | 'publishedAt' | 'title'>): DocumentInput {
  return { id: docIdOf(a.text), text: a.text, url: a.url, publishedAt: a.publishedAt, title: a.title };
}

/** A real Extractor over the fixtures: the document is built by createDocument; events come from the fixture whose text it is. */
export function fixtureExtractor(articles: FixtureArticle[] = FIXTURES): Extractor {
  return (input) => {
    const doc = createDocument(input);
    const match = articles.find((a) => a.text === input.text);
    if (match) doc.events.push(...match.events(doc));
    return doc;
  };
}

export function docOf(a: FixtureArticle, extract: Extractor = fixtureExtractor([a])): MarsadDocument {
  return extract(inputOf(a));
}

export function articleInputOf(a: FixtureArticle, source = 'test'): ArticleInput {
  return { source, url: a.url, outlet: a.outlet, lang: 'ar' };
}

/** Many small synthetic articles for paging, timeline and export tests; dates and tolls vary, some absent. */
export function synthetic(n: number): FixtureArticle[] {
  const out: FixtureArticle[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i * 7) % 28;
    const month = 1 + (i % 3);
    const date = `2024-0${month}-${String(day).padStart(2, '0')}`;
    const text = `تقرير رقم ${i}: سقط قتلى في هجوم على بلدة في ريف حلب، وقالت مصادر إن الهجوم وقع صباحاً.`;
    out.push({
      url: `https://example.org/synthetic/${i}`,
      outlet: i % 2 ? 'Outlet A' : 'Outlet B',
      title: `هجوم ${i}`,
      publishedAt: date,
      text,
      events(doc) {
        return [event(doc, 0, {
          eventType: i % 3 === 0 ? 'Battles' : 'Violence against civilians',
          subEventType: i % 3 === 0 ? 'Armed clash' : 'Attack',
          location: place({ name: 'Aleppo', nameAr: 'حلب', country: 'Syria', countryCode: 'SY', admin1: 'Aleppo', lat: 36.2 + i / 1000, lon: 37.15 }),
          // Every fifth undated and every fourth without a toll: paging must handle NULL sort keys.
          date: i % 5 === 4 ? null : date,
          fatalities: i % 4 === 3 ? null : i % 7,
          confidence: 0.5 + (i % 5) / 10,
          evidence: [evidence(doc.text, 'eventType', 'هجوم', 'trigger.attack')],
        })];
      },
    });
  }
  return out;
}
