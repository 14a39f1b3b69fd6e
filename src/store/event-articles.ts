// Events by article (schema v9): for each article, by its number (the full-text index's key), the
// canonical events its reports belong to, with what the timeline counts of each (day, event type,
// fatalities). Kept by refreshEvent in the write transaction that changes the event, like the rollups
// (./rollup.ts).
//
// Why: a text filter (q) is a set of articles, and the timeline counts their events. Through the
// source tables that is four lookups per match — article number → article id → its reports →
// their events → each event's day, type and toll — and a common word is in a third of all articles
// (q=غارة at 1,000,000 events: 160,000 articles, 470,000 events, ~7 s of CPU). Here it is the
// full-text match joined to one narrow table clustered by article number, grouped by day.
//
// An event told by several articles has a row under each (`shared` = 1): when more than one of
// them matches it must still count once, so those rows (about one in six) are made distinct by
// event first; the others are counted as they are.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { fold } from '../lang/ar/normalize.js';
import type { StoreDialect } from './dialect/types.js';
import { timelineFromCells } from './rollup.js';
import type { Database } from './schema.js';
import type { EventFilter, TimelineBucket, TimelinePoint } from './types.js';

const TABLE = 'event_articles';

/** What of an event each of its rows holds; day is '' when the event is undated (the timeline skips it). */
export interface EventArticleFields {
  event_date: string | null;
  event_type: string;
  fatalities: number | null;
}

/** Migration step (v9) and bulk loads: the table and its index, empty. */
export async function createEventArticles(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  await (db as Kysely<any>).schema.createTable(TABLE)
    .addColumn('article_num', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('fatalities', 'integer', (c) => c.notNull())
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${TABLE}_pk`, ['article_num', 'event_id'])
    .modifyEnd(dialect.clusteredByKey())
    .execute();
  // An event's rows, for refreshEvent to replace them, and for a page's per-event text test.
  await (db as Kysely<any>).schema.createIndex(`${TABLE}_event`).on(TABLE).columns(['event_id', 'article_num']).execute();
}

/** Recount the table from event_reports, reports and articles (the migration over existing data, a bulk load). */
export async function rebuildEventArticles(db: Kysely<Database>): Promise<void> {
  await sql`delete from ${sql.table(TABLE)}`.execute(db);
  await sql`insert into ${sql.table(TABLE)} (article_num, event_id, day, event_type, fatalities, shared)
    select l.article_num, l.event_id, coalesce(e.event_date, ''), e.event_type, coalesce(e.fatalities, 0), 0
    from (select distinct a.num as article_num, er.event_id as event_id
          from event_reports er join reports r on r.id = er.report_id join articles a on a.id = r.article_id) l
    join events e on e.id = l.event_id`.execute(db);
  await sql`update ${sql.table(TABLE)} set shared = 1
    where event_id in (select event_id from ${sql.table(TABLE)} group by event_id having count(*) > 1)`.execute(db);
}

/**
 * Make an event's rows say what it now is: one per article of its reports (`articleNums`), or none
 * when the event is gone (null). Call inside the write transaction that changed it.
 */
export async function syncEventArticles(db: Kysely<Database>, eventId: string, e: EventArticleFields | null, articleNums: readonly number[]): Promise<void> {
  await db.deleteFrom(TABLE).where('event_id', '=', eventId).execute();
  const nums = [...new Set(articleNums.map(Number))];
  if (!e || nums.length === 0) return;
  const shared = nums.length > 1 ? 1 : 0;
  await db.insertInto(TABLE).values(nums.map((n) => ({
    article_num: n, event_id: eventId, day: e.event_date ?? '', event_type: e.event_type, fatalities: e.fatalities === null ? 0 : Number(e.fatalities), shared,
  }))).execute();
}

/** The table answers a timeline filtered by text, and by nothing else than dates and event type. */
export function textTimelineAnswers(filter: EventFilter): boolean {
  if (!filter.q || !filter.q.trim()) return false;
  return !(filter.country || filter.admin1 || filter.subEventType || filter.actor || filter.bbox || filter.minFatalities !== undefined);
}

/** The timeline of a text filter (with dates and event type) from the table alone: no event row is read. */
export async function timelineFromText(db: Kysely<Database>, dialect: StoreDialect, filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]> {
  const conds: RawBuilder<unknown>[] = [dialect.textMatch(sql.ref('article_num'), fold(filter.q!)), sql`day > ''`];
  if (filter.eventType) conds.push(sql`event_type = ${filter.eventType}`);
  if (filter.from) conds.push(sql`day >= ${filter.from}`);
  if (filter.to) conds.push(sql`day <= ${filter.to}`);
  const where = sql.join(conds, sql` and `);
  const t = sql.table(TABLE);
  return timelineFromCells(db, dialect, sql`
    select day, event_type, count(*) as events, sum(fatalities) as fatalities
    from ${t} where ${where} and shared = 0 group by day, event_type
    union all
    select day, event_type, count(*), sum(fatalities)
    from (select distinct event_id, day, event_type, fatalities from ${t} where ${where} and shared = 1) s
    group by day, event_type`, bucket);
}

