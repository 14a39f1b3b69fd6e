// Reading canonical events: pages, one event with its reports, timeline, and the export scan.

import { sql, type Kysely } from 'kysely';
import { CONTROL_SUB_EVENT_TYPES } from '../corroborate/control.js';
import type { CountryTable } from './countries.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { StoreDialect } from './dialect/types.js';
import { textTimelineAnswers, timelineFromText } from './event-articles.js';
import { afterCursor, eventWhere, sortSpec } from './filter.js';
import { toEventRow, toReportView, type EventDbRow } from './rows.js';
import { actorRollupAnswers, grainFor, timelineFromActorRollup, timelineFromRollup } from './rollup.js';
import type { Database } from './schema.js';
import {
  PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX,
  type ControlEventRow, type EventDetail, type EventFilter, type EventPoint, type EventPage, type EventRow, type PageRequest, type TimelineAnswer, type TimelineBucket,
  type TimelinePoint,
} from './types.js';

export interface ReadContext {
  dialect: StoreDialect;
  countries: CountryTable;
}

/** Export reads in pages of this size when it cannot hold one statement open (PostgreSQL, :memory:). */
export const EXPORT_CHUNK = 500;

function selectEvents(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter) {
  return db.selectFrom('events')
    .leftJoin('reports as pr', 'pr.id', 'events.primary_report_id')
    .selectAll('events')
    .select([
      'pr.evidence as primary_evidence',
      ctx.dialect.sourcesJson(sql.ref('events.id')).as('sources'),
    ])
    .where(eventWhere(filter, ctx.dialect, ctx.countries));
}

export async function listEvents(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter, page: PageRequest = {}): Promise<EventPage> {
  const sort = page.sort ?? '-date';
  const limit = Math.max(1, Math.min(PAGE_SIZE_MAX, Math.floor(page.limit ?? PAGE_SIZE_DEFAULT)));
  const spec = sortSpec(sort);
  const dir = spec.desc ? 'desc' : 'asc';
  // Two statements: the page's ids from `events` alone, then their rows. In one statement SQLite
  // computed the evidence and sources of every match before sorting (350 ms for Syria's 22,000
  // events at 100k), and a join to the ids made it walk all events in date order to meet them
  // (3 s at 1M). Alone, the ids come from a walk of a (filter, sort key, …, id) index that stops
  // after limit + 1 entries; at worst they are sorted, which is cheap for ids.
  let ids = db.selectFrom('events').select('events.id').where(eventWhere(filter, ctx.dialect, ctx.countries, { perRow: true }));
  if (page.cursor) ids = ids.where(afterCursor(spec, decodeCursor(page.cursor, sort)));
  // One row more than asked tells whether another page exists without counting.
  const order = (await ids.orderBy(spec.key, dir).orderBy('events.id', dir).limit(limit + 1).execute()).map((r) => r.id);
  const byId = new Map<string, EventDbRow>();
  if (order.length > 0) {
    for (const row of await selectEvents(db, ctx, {}).where('events.id', 'in', order).execute()) byId.set(row.id, row);
  }
  // An event deleted between the two statements (another connection of PostgreSQL's pool) drops out.
  const rows = order.map((id) => byId.get(id)).filter((r): r is EventDbRow => r !== undefined);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toEventRow),
    nextCursor: order.length > limit && last ? encodeCursor({ sort, key: spec.keyOf(last), id: last.id }) : null,
    limit,
    sort,
  };
}

export async function getEvent(db: Kysely<Database>, ctx: ReadContext, id: string): Promise<EventDetail | null> {
  const row = await selectEvents(db, ctx, {})
    .where((eb) => eb.or([eb('events.id', '=', id), eb('events.event_id_cnty', '=', id)]))
    .executeTakeFirst();
  if (!row) return null;
  const reports = await db.selectFrom('event_reports')
    .innerJoin('reports', 'reports.id', 'event_reports.report_id')
    .innerJoin('articles', 'articles.id', 'reports.article_id')
    .selectAll('reports')
    .select([
      'articles.url as a_url', 'articles.canonical_url as a_canonical_url', 'articles.outlet as a_outlet',
      'articles.title as a_title', 'articles.published_at as a_published_at', 'articles.text as a_text',
    ])
    .where('event_reports.event_id', '=', row.id)
    .orderBy('articles.published_at')
    .orderBy('reports.id')
    .execute();
  return {
    ...toEventRow(row),
    reports: reports.map((r) => toReportView(r, row.id, {
      id: r.article_id, url: r.a_url ?? r.a_canonical_url, outlet: r.a_outlet, title: r.a_title,
      published_at: r.a_published_at, text: r.a_text,
    })),
  };
}

/** Events and fatalities per bucket and event type; undated events have no bucket and are left out. */
export async function timeline(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]> {
  // From a rollup when one holds every filtered column (./rollup.ts), else from the events.
  const grain = grainFor(filter);
  if (grain) return timelineFromRollup(db, ctx.dialect, ctx.countries, grain, filter, bucket);
  if (actorRollupAnswers(filter)) {
    const points = await timelineFromActorRollup(db, ctx.dialect, ctx.countries, filter, bucket);
    if (points) return points;
  }
  if (textTimelineAnswers(filter)) return timelineFromText(db, ctx.dialect, filter, bucket);
  return timelineScan(db, ctx, filter, bucket);
}

/** The timeline's answer: its points and their totals. */
export function timelineAnswer(points: TimelinePoint[], bucket: TimelineBucket): TimelineAnswer {
  let events = 0;
  let fatalities = 0;
  for (const p of points) {
    events += p.events;
    fatalities += p.fatalities;
  }
  return { bucket, points, totals: { events, fatalities } };
}

/**
 * An answer as UTF-8 JSON. JSON.stringify, not the route's schema serializer: the store's shapes
 * (EventPage with its evidence cut as eventPageJson cuts it, TimelineAnswer) are the documented
 * response schemas property for property, which src/server/api.test.ts checks against the OpenAPI
 * schemas.
 */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/**
 * A page as the API documents it, as UTF-8 JSON. Each evidence span is cut to its documented fields
 * (field, start, end, text, ruleId): the pipeline's spans carry more (token offsets, cues, gazetteer
 * fields), which the route's schema serializer used to drop and the CSV export drops too.
 */
export function eventPageJson(page: EventPage): Buffer {
  return jsonBytes({
    ...page,
    items: page.items.map((e) => ({ ...e, evidence: e.evidence.map(({ field, start, end, text, ruleId }) => ({ field, start, end, text, ruleId })) })),
  });
}

/** The timeline counted from the matching events themselves: any filter. */
export async function timelineScan(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]> {
  // Days first, then buckets. The inner GROUP BY reads an index holding (…, date key, event_type,
  // fatalities) in its order: no table row, no sort, no per-event date arithmetic (the bucket is
  // computed once per day and type, 12,000 groups for three years, instead of once per event).
  const key = sortSpec('date').key;
  const days = db.selectFrom('events')
    .where(eventWhere(filter, ctx.dialect, ctx.countries))
    .where(key, '>', '') // dated events only, said on the key so the index answers it
    .select([
      key.as('day'),
      'events.event_type as event_type',
      sql<number>`count(*)`.as('events'),
      sql<number>`coalesce(sum(events.fatalities), 0)`.as('fatalities'),
    ])
    .groupBy([key, 'events.event_type']);
  const period = ctx.dialect.bucketStart(sql.ref('d.day'), bucket);
  const rows = await db.selectFrom(days.as('d'))
    .select([
      period.as('period'),
      'd.event_type',
      sql<number>`sum(d.events)`.as('events'),
      sql<number>`sum(d.fatalities)`.as('fatalities'),
    ])
    .groupBy([period, 'd.event_type'])
    .orderBy(period)
    .orderBy('d.event_type')
    .execute();
  // PostgreSQL returns sums as bigint or numeric strings.
  return rows.map((r) => ({ period: r.period, eventType: r.event_type, events: Number(r.events), fatalities: Number(r.fatalities) }));
}

/** The slim scan behind maps and facets: no JSON columns, no sources subquery. */
export async function eventPoints(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter): Promise<EventPoint[]> {
  const rows = await db.selectFrom('events')
    .where(eventWhere(filter, ctx.dialect, ctx.countries))
    .select([
      'events.id', 'events.latitude', 'events.longitude', 'events.event_date', 'events.event_type', 'events.sub_event_type',
      'events.fatalities', 'events.country', 'events.iso3', 'events.location', 'events.location_ar',
      'events.actor1_id', 'events.actor1', 'events.actor1_ar', 'events.actor2_id', 'events.actor2', 'events.actor2_ar', 'events.source',
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    // PostgreSQL's double precision arrives as a number, its integers may arrive as strings.
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    eventDate: r.event_date,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    fatalities: r.fatalities === null ? null : Number(r.fatalities),
    country: r.country,
    iso3: r.iso3,
    location: r.location,
    locationAr: r.location_ar,
    actor1Id: r.actor1_id,
    actor1: r.actor1,
    actor1Ar: r.actor1_ar,
    actor2Id: r.actor2_id,
    actor2: r.actor2,
    actor2Ar: r.actor2_ar,
    source: r.source,
  }));
}

/** Territorial-control events at known places (one place, or all), oldest first, with their place id and primary article. */
export async function controlEvents(db: Kysely<Database>, ctx: ReadContext, placeId: string | null, filter: EventFilter): Promise<ControlEventRow[]> {
  let q = selectEvents(db, ctx, filter)
    .select('pr.article_id as primary_article_id')
    .where('events.sub_event_type', 'in', [...CONTROL_SUB_EVENT_TYPES])
    .where('events.place_id', 'is not', null);
  if (placeId !== null) q = q.where('events.place_id', '=', placeId);
  const rows = await q.orderBy('events.event_date', 'asc').orderBy('events.id', 'asc').execute();
  return rows.map((r) => ({ ...toEventRow(r), placeId: r.place_id!, articleId: r.primary_article_id ?? null }));
}

/** Export over one open statement: better-sqlite3's iterate() underneath, one row in memory at a time. */
export async function* exportByStatement(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter): AsyncGenerator<EventRow> {
  const spec = sortSpec('date');
  const q = selectEvents(db, ctx, filter).orderBy(spec.key, 'asc').orderBy('events.id', 'asc');
  for await (const row of q.stream()) yield toEventRow(row);
}

/** Export by keyset pages: no statement stays open between pages, so it never holds the connection. */
export async function* exportByPages(db: Kysely<Database>, ctx: ReadContext, filter: EventFilter): AsyncGenerator<EventRow> {
  let cursor: string | null = null;
  do {
    const page: EventPage = await listEvents(db, ctx, filter, { sort: 'date', limit: EXPORT_CHUNK, cursor });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
