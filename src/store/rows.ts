// Database rows → the store's public shapes. JSON columns are parsed here and nowhere else.

import type { Selectable } from 'kysely';
import type { EventRecord, Evidence } from '../doc/types.js';
import type { EventsTable, ReportsTable } from './schema.js';
import type { EventRow, EvidenceView, ReportView, SourceRef } from './types.js';

export type EventDbRow = Selectable<EventsTable> & { primary_evidence: string | null; sources: string | null };

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  return JSON.parse(text) as T;
}

export function toEventRow(r: EventDbRow): EventRow {
  return {
    id: r.id,
    eventIdCnty: r.event_id_cnty,
    eventDate: r.event_date,
    year: r.year,
    timePrecision: r.time_precision,
    disorderType: r.disorder_type,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    actor1: r.actor1,
    actor1Ar: r.actor1_ar,
    actor1Id: r.actor1_id,
    assocActor1: r.assoc_actor_1,
    inter1: r.inter1,
    actor2: r.actor2,
    actor2Ar: r.actor2_ar,
    actor2Id: r.actor2_id,
    assocActor2: r.assoc_actor_2,
    inter2: r.inter2,
    interaction: r.interaction,
    civilianTargeting: r.civilian_targeting === 1,
    iso: r.iso,
    iso3: r.iso3,
    region: r.region,
    country: r.country,
    admin1: r.admin1,
    admin2: r.admin2,
    admin3: r.admin3,
    location: r.location,
    locationAr: r.location_ar,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geo_precision,
    source: r.source,
    sourceScale: r.source_scale,
    notes: r.notes,
    fatalities: r.fatalities,
    fatalitiesLow: r.fatalities_low,
    fatalitiesBest: r.fatalities_best,
    fatalitiesHigh: r.fatalities_high,
    injured: r.injured,
    confidence: r.confidence,
    conflict: r.conflict === 1,
    reportCount: r.report_count,
    tags: r.tags,
    timestamp: Number(r.timestamp),
    articleUrl: r.article_url,
    evidence: parseJson<Evidence[]>(r.primary_evidence, []),
    sources: parseJson<SourceRef[]>(r.sources, []),
  };
}

/** The EventRecord a report row was written from. */
export function toRecord(r: Selectable<ReportsTable>): EventRecord {
  return {
    id: r.record_id,
    disorderType: r.disorder_type,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    actor1: parseJson(r.actor1, null),
    actor2: parseJson(r.actor2, null),
    interaction: r.interaction,
    civilianTargeting: r.civilian_targeting === 1,
    location: parseJson(r.location, null),
    date: r.event_date,
    timePrecision: r.time_precision as 1 | 2 | 3,
    fatalities: r.fatalities,
    injured: r.injured,
    rules: parseJson(r.rules, {}),
    evidence: parseJson(r.evidence, []),
    sentence: { start: r.sentence_start, end: r.sentence_end },
    confidence: r.confidence,
    notes: r.notes,
  };
}

/** Context shown around evidence: 80 characters either side is about one short Arabic clause. */
const EXCERPT_CONTEXT = 80;

function excerpt(text: string, start: number, end: number) {
  const s = Math.max(0, start - EXCERPT_CONTEXT);
  const e = Math.min(text.length, end + EXCERPT_CONTEXT);
  return { start: s, end: e, text: text.slice(s, e) };
}

export function toReportView(
  r: Selectable<ReportsTable>,
  eventId: string | null,
  article: { id: string; url: string | null; outlet: string | null; title: string | null; published_at: string | null; text: string },
): ReportView {
  const record = toRecord(r);
  const evidence: EvidenceView[] = record.evidence.map((ev) => ({ ...ev, excerpt: excerpt(article.text, ev.start, ev.end) }));
  return {
    id: r.id,
    articleId: r.article_id,
    recordId: r.record_id,
    eventId,
    record,
    sentence: { start: r.sentence_start, end: r.sentence_end, text: article.text.slice(r.sentence_start, r.sentence_end) },
    evidence,
    article: { id: article.id, url: article.url, outlet: article.outlet, title: article.title, publishedAt: article.published_at },
  };
}
