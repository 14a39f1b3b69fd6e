// Versioned migrations: an ordered list of steps, each applied once in its own transaction and
// recorded in schema_migrations. Never edit a published step; append a new one.

import { sql, type Kysely } from 'kysely';
import { fatalityFigures } from '../corroborate/figures.js';
import { parseJson } from './rows.js';
import type { StoreDialect } from './dialect/types.js';
import { createEventArticles, rebuildEventArticles } from './event-articles.js';
import { createActorRollup, createRollups, rebuildActorRollup, rebuildRollups } from './rollup.js';
import type { Database } from './schema.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, dialect: StoreDialect): Promise<void>;
}

// Kysely's schema builder is untyped with respect to Database; these steps create it.
type AnyDb = Kysely<any>;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, reports, canonical events, actors, places, ingest log',
    async up(kdb) {
      const db = kdb as AnyDb;
      await db.schema.createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('counters').values([
        { name: 'articles', value: 0 },
        { name: 'events', value: 0 },
        { name: 'ingest_log', value: 0 },
      ]).execute();

      await db.schema.createTable('articles')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('num', 'integer', (c) => c.notNull().unique())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('outlet', 'text')
        .addColumn('url', 'text')
        .addColumn('canonical_url', 'text', (c) => c.unique())
        .addColumn('content_hash', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text')
        .addColumn('published_at', 'text')
        .addColumn('fetched_at', 'text')
        .addColumn('lang', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('diagnostics', 'text', (c) => c.notNull())
        .addColumn('layers', 'text', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_published_at').on('articles').column('published_at').execute();

      await db.schema.createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('disorder_type', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('sub_event_type', 'text', (c) => c.notNull())
        .addColumn('actor1', 'text')
        .addColumn('actor2', 'text')
        .addColumn('interaction', 'integer')
        .addColumn('civilian_targeting', 'integer', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('country', 'text')
        .addColumn('event_date', 'text')
        .addColumn('time_precision', 'integer', (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('injured', 'integer')
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('sentence_start', 'integer', (c) => c.notNull())
        .addColumn('sentence_end', 'integer', (c) => c.notNull())
        .addUniqueConstraint('reports_article_record', ['article_id', 'record_id'])
        .execute();

      await db.schema.createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('num', 'integer', (c) => c.notNull().unique())
        .addColumn('event_id_cnty', 'text', (c) => c.notNull().unique())
        .addColumn('event_date', 'text')
        .addColumn('year', 'integer')
        .addColumn('time_precision', 'integer', (c) => c.notNull())
        .addColumn('disorder_type', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('sub_event_type', 'text', (c) => c.notNull())
        .addColumn('actor1', 'text')
        .addColumn('actor1_ar', 'text')
        .addColumn('actor1_id', 'text')
        .addColumn('assoc_actor_1', 'text')
        .addColumn('inter1', 'integer')
        .addColumn('actor2', 'text')
        .addColumn('actor2_ar', 'text')
        .addColumn('actor2_id', 'text')
        .addColumn('assoc_actor_2', 'text')
        .addColumn('inter2', 'integer')
        .addColumn('interaction', 'integer')
        .addColumn('civilian_targeting', 'integer', (c) => c.notNull())
        .addColumn('iso', 'integer')
        .addColumn('iso3', 'text')
        .addColumn('region', 'text')
        .addColumn('country', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('admin3', 'text')
        .addColumn('location', 'text')
        .addColumn('location_ar', 'text')
        .addColumn('place_id', 'text')
        .addColumn('latitude', 'double precision')
        .addColumn('longitude', 'double precision')
        .addColumn('geo_precision', 'integer')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_scale', 'text')
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('fatalities', 'integer')
        .addColumn('fatalities_low', 'integer')
        .addColumn('fatalities_high', 'integer')
        .addColumn('injured', 'integer')
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('conflict', 'integer', (c) => c.notNull())
        .addColumn('report_count', 'integer', (c) => c.notNull())
        .addColumn('tags', 'text')
        .addColumn('timestamp', 'bigint', (c) => c.notNull()) // Unix seconds outgrow int4 in 2038
        .addColumn('primary_report_id', 'text', (c) => c.references('reports.id').onDelete('set null'))
        .addColumn('article_url', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One index per filter, plus the keyset sort keys (expression indexes match the ORDER BY).
      await db.schema.createIndex('events_date').on('events').expression(sql`(coalesce(event_date, '')), id`).execute();
      await db.schema.createIndex('events_fatalities').on('events').expression(sql`(coalesce(fatalities, -1)), id`).execute();
      await db.schema.createIndex('events_confidence').on('events').columns(['confidence', 'id']).execute();
      await db.schema.createIndex('events_country').on('events').columns(['country', 'event_date']).execute();
      await db.schema.createIndex('events_iso3').on('events').columns(['iso3', 'event_date']).execute();
      await db.schema.createIndex('events_admin1').on('events').columns(['admin1', 'event_date']).execute();
      await db.schema.createIndex('events_type').on('events').columns(['event_type', 'sub_event_type', 'event_date']).execute();
      await db.schema.createIndex('events_sub_type').on('events').columns(['sub_event_type', 'event_date']).execute();
      await db.schema.createIndex('events_lat_lon').on('events').columns(['latitude', 'longitude']).execute();

      await db.schema.createTable('event_reports')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('report_id', 'text', (c) => c.notNull().unique().references('reports.id').onDelete('cascade'))
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_reports_pk', ['event_id', 'report_id'])
        .execute();

      await db.schema.createTable('actors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_ar', 'text', (c) => c.notNull())
        .addColumn('name_fold', 'text', (c) => c.notNull())
        .addColumn('name_ar_fold', 'text', (c) => c.notNull())
        .addColumn('inter', 'integer')
        .addColumn('country', 'text')
        .execute();
      await db.schema.createIndex('actors_name_fold').on('actors').column('name_fold').execute();
      await db.schema.createIndex('actors_name_ar_fold').on('actors').column('name_ar_fold').execute();

      await db.schema.createTable('event_actors')
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('actor_id', 'text', (c) => c.notNull().references('actors.id'))
        .addColumn('role', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_actors_pk', ['event_id', 'role'])
        .execute();
      await db.schema.createIndex('event_actors_actor').on('event_actors').column('actor_id').execute();

      await db.schema.createTable('places')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_ar', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('country_code', 'text')
        .addColumn('admin1', 'text')
        .addColumn('admin2', 'text')
        .addColumn('latitude', 'double precision')
        .addColumn('longitude', 'double precision')
        .execute();

      await db.schema.createTable('ingest_log')
        .addColumn('num', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('message', 'text')
        .addColumn('article_id', 'text')
        .execute();
      await db.schema.createIndex('ingest_log_outcome').on('ingest_log').columns(['outcome', 'num']).execute();
    },
  },
  {
    version: 2,
    name: 'full-text index over folded article text',
    async up(db, dialect) {
      await dialect.createTextIndex(db);
    },
  },
  {
    version: 3,
    name: 'feed poller state (conditional GET validators per feed); articles by fetched URL',
    async up(kdb) {
      const db = kdb as AnyDb;
      await db.schema.createTable('feed_state')
        .addColumn('feed_url', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('checked_at', 'text')
        .execute();
      // A feed item whose page names another canonical URL is still recognised, before it is fetched, by this URL.
      await db.schema.createIndex('articles_url').on('articles').column('url').execute();
    },
  },
  {
    version: 4,
    name: 'event indexes that answer a filtered page in date order and a timeline from the index alone',
    async up(kdb) {
      const db = kdb as AnyDb;
      // Measured over 1,000,000 generated events (`npm run bench -- --only api`, one request at a
      // time over HTTP). Each index leads with an equality or range filter, then the date sort
      // key, so a page newest first is a walk that stops after 51 entries (country=SY: 2.9 s →
      // 5 ms; with the old (iso3, event_date) index SQLite gathered and sorted all 220,000). The
      // columns after it are what the timeline reads (event_type, fatalities, and event_date as a
      // plain column: SQLite counts an index as covering only when every column the query names is
      // in it), so the timeline reads no table row (country=SY: 350 → 57 ms; a bbox: 88 → 44 ms).
      const key = sql`(coalesce(event_date, ''))`;
      await db.schema.createIndex('events_iso3_key').on('events')
        .expression(sql`iso3, ${key}, event_type, fatalities, event_date, id`).execute();
      await db.schema.createIndex('events_type_key').on('events')
        .expression(sql`event_type, ${key}, fatalities, event_date, id`).execute();
      await db.schema.createIndex('events_sub_type_key').on('events')
        .expression(sql`sub_event_type, ${key}, event_type, fatalities, event_date, id`).execute();
      // A box is a latitude range; its events are few enough to sort (around Aleppo: 300 → 13 ms).
      await db.schema.createIndex('events_lat_lon_key').on('events')
        .expression(sql`latitude, longitude, ${key}, event_type, fatalities, event_date, id`).execute();
      // The unfiltered and date-bounded timeline (every event, by day: 1,140 → 120 ms).
      await db.schema.createIndex('events_timeline').on('events')
        .expression(sql`${key}, event_type, fatalities, event_date`).execute();
      // Superseded by the indexes above, which lead with the same columns.
      for (const name of ['events_iso3', 'events_type', 'events_sub_type', 'events_lat_lon']) {
        await db.schema.dropIndex(name).execute();
      }
    },
  },
  {
    version: 5,
    name: "fatalities as UCDP's low/best/high with ACLED's lowest stated toll as fatalities",
    async up(kdb) {
      const db = kdb as AnyDb;
      await db.schema.alterTable('events').addColumn('fatalities_best', 'integer').execute();
      // One report: its toll is low, best, high and ACLED's figure alike (v1 already wrote it so).
      await db.updateTable('events').set({ fatalities_best: sql.ref('fatalities') }).where('report_count', '<=', 1).execute();
      // Several: v1 took the median as `fatalities` and counted a report's silence as a toll of 0;
      // recompute them from their reports as refreshEvent now does. A few per cent of events.
      const rows: Array<{ event_id: string; fatalities: number | null; rules: string; event_type: string; sub_event_type: string }> =
        await db.selectFrom('event_reports')
          .innerJoin('reports', 'reports.id', 'event_reports.report_id')
          .innerJoin('events', 'events.id', 'event_reports.event_id')
          .select(['event_reports.event_id', 'reports.fatalities', 'reports.rules', 'reports.event_type', 'reports.sub_event_type'])
          .where('events.report_count', '>', 1)
          .orderBy('event_reports.event_id')
          .execute();
      const byEvent = new Map<string, typeof rows>();
      for (const r of rows) {
        let list = byEvent.get(r.event_id);
        if (!list) byEvent.set(r.event_id, (list = []));
        list.push(r);
      }
      for (const [id, list] of byEvent) {
        const f = fatalityFigures(list.map((r) => ({
          fatalities: r.fatalities === null ? null : Number(r.fatalities),
          rule: parseJson<Record<string, string | undefined>>(r.rules, {}).fatalities ?? null,
        })));
        const types = new Set(list.map((r) => `${r.event_type}\u0000${r.sub_event_type}`));
        await db.updateTable('events').set({
          fatalities: f.fatalities, fatalities_low: f.low, fatalities_best: f.best, fatalities_high: f.high,
          conflict: types.size > 1 || f.conflict ? 1 : 0,
        }).where('id', '=', id).execute();
      }
    },
  },
  {
    version: 6,
    name: 'timeline rollups (events and fatalities per day, event type, country, admin1, sub-event type), counted from the events stored; a data version counter',
    async up(db) {
      // Kept up to date by refreshEvent from here on; see ./rollup.ts for the grains and figures.
      await createRollups(db);
      await rebuildRollups(db);
      // Bumped by every document that changes events: what a reader's cache is valid for (Store.dataVersion).
      await db.insertInto('counters').values({ name: 'data', value: 0 }).execute();
    },
  },
  {
    version: 7,
    name: 'event indexes for a page under admin1 in date order, and under a country by fatalities or confidence',
    async up(kdb) {
      const db = kdb as AnyDb;
      // Found by EXPLAIN over every filter × sort at 100,000 events: these sorted every match (admin1
      // by date: the old (admin1, event_date) index is not on the date key; a country by fatalities
      // or confidence: 22,000 rows for Syria, 220,000 at 1M) instead of walking 51 index entries.
      const key = sql`(coalesce(event_date, ''))`;
      await db.schema.createIndex('events_admin1_key').on('events')
        .expression(sql`admin1, ${key}, event_type, fatalities, event_date, id`).execute();
      await db.schema.createIndex('events_iso3_fatalities').on('events').expression(sql`iso3, (coalesce(fatalities, -1)), id`).execute();
      await db.schema.createIndex('events_iso3_confidence').on('events').columns(['iso3', 'confidence', 'id']).execute();
      await db.schema.dropIndex('events_admin1').execute();
    },
  },
  {
    version: 8,
    name: 'covering indexes for the text and actor filters; a timeline rollup per actor',
    async up(kdb) {
      const db = kdb as AnyDb;
      // A text or actor filter read as a set goes from the matches to the events through ids: article
      // num → article id → its reports → their events → each event's date, type and toll. Each step
      // read a table row, and reports rows are kilobytes (a page each); with these, the reports and
      // the events are index entries (q=غارة timeline at 100,000 events: 608 → 324 ms of CPU).
      // Covering indexes for the other two steps (articles (num, id), event_reports (report_id,
      // event_id)) halve it again, but SQLite without ANALYZE statistics prefers the unique index
      // on the same first column, so they would only cost writes.
      await db.schema.createIndex('reports_article_id').on('reports').columns(['article_id', 'id']).execute();
      await db.schema.createIndex('event_actors_actor_event').on('event_actors').columns(['actor_id', 'event_id']).execute();
      await db.schema.dropIndex('event_actors_actor').execute(); // the index above leads with the same column
      // An event by id with what the timeline counts, so a set of ids is counted without its rows.
      await db.schema.createIndex('events_id_timeline').on('events')
        .expression(sql`id, (coalesce(event_date, '')), event_type, fatalities, event_date`).execute();
      // The dashboard's actor filter on the timeline, from cells instead of the actor's events (./rollup.ts).
      await createActorRollup(kdb);
      await rebuildActorRollup(kdb);
    },
  },
  {
    version: 9,
    name: 'events by article, with their day, type and toll: the timeline of a text filter',
    async up(db, dialect) {
      // The timeline of a common word (q=غارة, a third of all articles) went from the matches to
      // the events through four lookups each (~7 s of CPU at 1,000,000 events); see ./event-articles.ts.
      await createEventArticles(db, dialect);
      await rebuildEventArticles(db);
    },
  },
];

/** Apply the steps not yet recorded; returns the schema version reached. */
export async function migrate(db: Kysely<Database>, dialect: StoreDialect, steps: readonly Migration[] = MIGRATIONS): Promise<number> {
  await (db as AnyDb).schema.createTable('schema_migrations').ifNotExists()
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
  const ordered = [...steps].sort((a, b) => a.version - b.version);
  for (const step of ordered) {
    await db.transaction().execute(async (trx) => {
      await dialect.lockMigrations(trx);
      // Checked inside the transaction: another process may have applied it while we waited.
      const done = await trx.selectFrom('schema_migrations').select('version').where('version', '=', step.version).executeTakeFirst();
      if (done) return;
      await step.up(trx, dialect);
      await trx.insertInto('schema_migrations')
        .values({ version: step.version, name: step.name, applied_at: new Date().toISOString() })
        .execute();
    });
  }
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}
