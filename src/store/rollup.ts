// Timeline rollups: events and fatalities per day and event type, kept in small tables that every
// write to `events` updates in the same transaction, so GET /api/stats/timeline under the filters
// they cover reads a few thousand rows instead of every matching event.
//
// Measured over 1,000,000 generated events (`npm run bench -- --only api`): the unfiltered
// timeline by day read 1,000,000 index entries (~0.5–1 s on a busy 2-core machine); from
// timeline_days it reads ~6,500 rows. Three grains, because one fine table would be nearly as large
// as `events` (day × admin1 × sub-event type × type is ~500,000 cells at 1M) and a coarse one
// cannot answer admin1 or sub-event type:
//   timeline_days       day, event_type                                   (~6,500 rows at 1M)
//   timeline_countries  + iso3, country                                   (~60,000)
//   timeline_places     + iso3, country, admin1, sub_event_type           (~500,000; read through
//                        an index leading with admin1 or sub_event_type, so a filter reads its part)
// Filters outside these columns (actor, bbox, q, minFatalities) go to the scan of `events`.
//
// Key columns hold '' for NULL: PostgreSQL refuses NULL in a primary key, and a filter value is
// never '' (empty filters are dropped), so '' never matches one.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CountryTable } from './countries.js';
import type { StoreDialect } from './dialect/types.js';
import type { Database } from './schema.js';
import type { EventFilter, TimelineBucket, TimelinePoint } from './types.js';

type KeyColumn = 'iso3' | 'country' | 'admin1' | 'sub_event_type';
export type RollupTable = 'timeline_days' | 'timeline_countries' | 'timeline_places';

export interface Grain {
  table: RollupTable;
  /** Columns besides day and event_type. */
  keys: readonly KeyColumn[];
  /** Secondary indexes: each leads with a filter column, then day (the range), then what is summed. */
  indexes: ReadonlyArray<readonly KeyColumn[]>;
}

/** Coarsest first: a filter is answered by the first grain holding all its columns. */
export const GRAINS: readonly Grain[] = [
  { table: 'timeline_days', keys: [], indexes: [] },
  { table: 'timeline_countries', keys: ['iso3', 'country'], indexes: [['iso3']] },
  { table: 'timeline_places', keys: ['iso3', 'country', 'admin1', 'sub_event_type'], indexes: [['admin1'], ['sub_event_type'], ['iso3', 'sub_event_type']] },
];

/** What of an event the rollups count; null when it counts in none (undated). */
export interface RollupEntry {
  day: string;
  event_type: string;
  iso3: string;
  country: string;
  admin1: string;
  sub_event_type: string;
  fatalities: number;
}

/** An `events` row (as stored, or about to be) → its rollup entry. */
export function rollupEntry(e: {
  event_date: string | null; event_type: string; sub_event_type: string; iso3: string | null; country: string | null; admin1: string | null;
  fatalities: number | null;
}): RollupEntry | null {
  // The scan counts dated events only: coalesce(event_date, '') > ''.
  if (e.event_date === null || e.event_date === '') return null;
  return {
    day: e.event_date,
    event_type: e.event_type,
    iso3: e.iso3 ?? '',
    country: e.country ?? '',
    admin1: e.admin1 ?? '',
    sub_event_type: e.sub_event_type,
    // PostgreSQL may hand integers back as strings.
    fatalities: e.fatalities === null ? 0 : Number(e.fatalities),
  };
}

const sameEntry = (a: RollupEntry | null, b: RollupEntry | null) =>
  a === b || (a !== null && b !== null && (Object.keys(a) as Array<keyof RollupEntry>).every((k) => a[k] === b[k]));

/** Add (sign 1) or remove (sign -1) one event's entry in every grain; a cell that reaches 0 events is deleted. */
async function applyEntry(db: Kysely<Database>, e: RollupEntry, sign: 1 | -1): Promise<void> {
  for (const g of GRAINS) {
    const cols = ['day', 'event_type', ...g.keys] as const;
    const t = sql.table(g.table);
    const values = cols.map((c) => e[c]);
    // Qualified with the table name, the only spelling both SQLite and PostgreSQL accept here.
    await sql`insert into ${t} (${sql.join(cols.map((c) => sql.ref(c)))}, events, fatalities)
      values (${sql.join(values)}, ${sign}, ${sign * e.fatalities})
      on conflict (${sql.join(cols.map((c) => sql.ref(c)))}) do update set
        events = ${sql.ref(`${g.table}.events`)} + excluded.events,
        fatalities = ${sql.ref(`${g.table}.fatalities`)} + excluded.fatalities`.execute(db);
    if (sign < 0) {
      const at = sql.join(cols.map((c) => sql`${sql.ref(c)} = ${e[c]}`), sql` and `);
      await sql`delete from ${t} where ${at} and events <= 0`.execute(db);
    }
  }
}

/** Move an event's counts from what it was to what it is (either null: not counted). Call inside the write transaction. */
export async function moveRollup(db: Kysely<Database>, before: RollupEntry | null, after: RollupEntry | null): Promise<void> {
  if (sameEntry(before, after)) return;
  if (before) await applyEntry(db, before, -1);
  if (after) await applyEntry(db, after, 1);
}

/** The columns of `events` that rollupEntry reads. */
export const ROLLUP_SOURCE_COLUMNS = ['event_date', 'event_type', 'sub_event_type', 'iso3', 'country', 'admin1', 'fatalities'] as const;

/** Migration step and bulk loads: the tables and their indexes, empty. */
export async function createRollups(db: Kysely<Database>): Promise<void> {
  // Kysely's schema builder is untyped with respect to Database; these steps create it.
  const kdb = db as Kysely<any>;
  for (const g of GRAINS) {
    const cols = ['day', 'event_type', ...g.keys];
    let t = kdb.schema.createTable(g.table);
    for (const c of cols) t = t.addColumn(c, 'text', (col) => col.notNull());
    await t.addColumn('events', 'integer', (c) => c.notNull())
      .addColumn('fatalities', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${g.table}_pk`, cols as never)
      .execute();
    for (const lead of g.indexes) {
      // The summed columns in the index too, so a filtered timeline reads no table row.
      await kdb.schema.createIndex(`${g.table}_${lead.join('_')}`).on(g.table)
        .columns([...lead, 'day', 'event_type', 'events', 'fatalities']).execute();
    }
  }
}

/** Recount every grain from `events` (a migration over existing data, a bulk load). */
export async function rebuildRollups(db: Kysely<Database>): Promise<void> {
  for (const g of GRAINS) {
    const t = sql.table(g.table);
    const src: Record<string, RawBuilder<unknown>> = {
      day: sql`event_date`, event_type: sql`event_type`, iso3: sql`coalesce(iso3, '')`, country: sql`coalesce(country, '')`,
      admin1: sql`coalesce(admin1, '')`, sub_event_type: sql`sub_event_type`,
    };
    const cols = ['day', 'event_type', ...g.keys];
    const exprs = cols.map((c) => src[c]);
    await sql`delete from ${t}`.execute(db);
    await sql`insert into ${t} (${sql.join(cols.map((c) => sql.ref(c)))}, events, fatalities)
      select ${sql.join(exprs)}, count(*), coalesce(sum(fatalities), 0)
      from events where coalesce(event_date, '') > ''
      group by ${sql.join(exprs)}`.execute(db);
  }
}

/** The columns a filter needs, or null when some filter is one no rollup holds. */
function filterColumns(filter: EventFilter): Set<KeyColumn> | null {
  if (filter.actor || filter.bbox || filter.minFatalities !== undefined || (filter.q && filter.q.trim())) return null;
  const need = new Set<KeyColumn>();
  if (filter.country) {
    need.add('iso3');
    need.add('country');
  }
  if (filter.admin1) need.add('admin1');
  if (filter.subEventType) need.add('sub_event_type');
  return need;
}

/** The coarsest grain that answers this filter, or null (the scan must). */
export function grainFor(filter: EventFilter): Grain | null {
  const need = filterColumns(filter);
  if (!need) return null;
  return GRAINS.find((g) => [...need].every((c) => g.keys.includes(c))) ?? null;
}

/** The timeline from a rollup: the same filter semantics as eventWhere in ./filter.ts, on the same columns. */
export async function timelineFromRollup(
  db: Kysely<Database>, dialect: StoreDialect, countries: CountryTable, grain: Grain, filter: EventFilter, bucket: TimelineBucket,
): Promise<TimelinePoint[]> {
  const conds: RawBuilder<unknown>[] = [];
  if (filter.country) {
    const known = countries.lookup(filter.country);
    if (known) conds.push(sql`iso3 = ${known.alpha3}`);
    else if (/^[A-Za-z]{3}$/.test(filter.country)) conds.push(sql`(country = ${filter.country} or iso3 = ${filter.country.toUpperCase()})`);
    else conds.push(sql`country = ${filter.country}`);
  }
  if (filter.admin1) conds.push(sql`admin1 = ${filter.admin1}`);
  if (filter.eventType) conds.push(sql`event_type = ${filter.eventType}`);
  if (filter.subEventType) conds.push(sql`sub_event_type = ${filter.subEventType}`);
  if (filter.from) conds.push(sql`day >= ${filter.from}`);
  if (filter.to) conds.push(sql`day <= ${filter.to}`);
  const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const days = sql`select day, event_type, sum(events) as events, sum(fatalities) as fatalities
    from ${sql.table(grain.table)} ${where} group by day, event_type`;
  const period = dialect.bucketStart(sql.ref('d.day'), bucket);
  const { rows } = await sql<{ period: string; event_type: string; events: number | string; fatalities: number | string }>`
    select ${period} as period, d.event_type as event_type, sum(d.events) as events, sum(d.fatalities) as fatalities
    from (${days}) d group by ${period}, d.event_type order by ${period}, d.event_type`.execute(db);
  // PostgreSQL returns sums as bigint or numeric strings.
  return rows.map((r) => ({ period: r.period, eventType: r.event_type, events: Number(r.events), fatalities: Number(r.fatalities) }));
}
