// ACLED's export columns, in ACLED's order, then ours. A consumer that reads ACLED files reads
// ours unchanged; our extra columns come after, where ACLED readers ignore them.

import type { EventRow } from '../types.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

// Appended only, so existing readers of our columns keep their positions too. `fatalities` is
// ACLED's conservative figure; low/best/high are UCDP's estimates over the sources' tolls.
export const OUR_COLUMNS = [
  'injured', 'confidence', 'article_url', 'evidence', 'fatalities_low', 'fatalities_best', 'fatalities_high', 'sources',
] as const;

export const EXPORT_COLUMNS = [...ACLED_COLUMNS, ...OUR_COLUMNS] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** One event as ACLED-named flat values; absent values are null (empty in CSV). */
export function exportRecord(e: EventRow): Record<ExportColumn, string | number | null> {
  return {
    event_id_cnty: e.eventIdCnty,
    event_date: e.eventDate,
    year: e.year,
    time_precision: e.timePrecision,
    disorder_type: e.disorderType,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: e.actor1,
    assoc_actor_1: e.assocActor1,
    inter1: e.inter1,
    actor2: e.actor2,
    assoc_actor_2: e.assocActor2,
    inter2: e.inter2,
    interaction: e.interaction,
    // ACLED writes the label when civilians were targeted and leaves the cell empty otherwise.
    civilian_targeting: e.civilianTargeting ? 'Civilian targeting' : null,
    iso: e.iso,
    region: e.region,
    country: e.country,
    admin1: e.admin1,
    admin2: e.admin2,
    admin3: e.admin3,
    location: e.location,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: e.geoPrecision,
    source: e.source,
    source_scale: e.sourceScale,
    notes: e.notes,
    fatalities: e.fatalities,
    tags: e.tags,
    timestamp: e.timestamp,
    injured: e.injured,
    confidence: e.confidence,
    article_url: e.articleUrl,
    // Compact: where each field was read, so a spreadsheet user can check it against the article.
    evidence: JSON.stringify(e.evidence.map(({ field, start, end, text, ruleId }) => ({ field, start, end, text, ruleId }))),
    fatalities_low: e.fatalitiesLow,
    fatalities_best: e.fatalitiesBest,
    fatalities_high: e.fatalitiesHigh,
    // Every article that tells the event, as JSON text (a list of {articleId, url, outlet, publishedAt}).
    sources: JSON.stringify(e.sources.map(({ articleId, url, outlet, publishedAt }) => ({ articleId, url, outlet, publishedAt }))),
  };
}
