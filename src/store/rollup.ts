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
// and one per actor (schema v8), for the dashboard's actor filter:
//   timeline_actors     actor_id, day, event_type, iso3, country, sub_event_type
//                        (an event counts once under each distinct actor of actor1/actor2; the
//                        timeline of Rapid Support Forces at 1M: 67,000 events read through
//                        event_actors, ~0.55 s of CPU, against its ~20,000 cells here)
// A text filter alone or with dates and event type is counted from the events by article
// (./event-articles.ts, schema v9). Other filters outside these columns (bbox, minFatalities, an
// actor with admin1, q with any of them) go to the scan of `events`.
//
// Key columns hold '' for NULL: PostgreSQL refuses NULL in a primary key, and a filter value is
// never '' (empty filters are dropped), so '' never matches one.

import { sql, type Kysely, type RawBuilder } from 'kysely';
import { fold } from '../lang/ar/normalize.js';
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
  /** The event's distinct actor ids (actor1_id, actor2_id), sorted: its cells in timeline_actors. */
  actors: string[];
}

/** An `events` row (as stored, or about to be) → its rollup entry. */
export function rollupEntry(e: {
  event_date: string | null; event_type: string; sub_event_type: string; iso3: string | null; country: string | null; admin1: string | null;
  fatalities: number | null; actor1_id: string | null; actor2_id: string | null;
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
    actors: [...new Set([e.actor1_id, e.actor2_id].filter((a): a is string => a !== null))].sort(),
  };
}

const sameEntry = (a: RollupEntry | null, b: RollupEntry | null) =>
  a === b || (a !== null && b !== null && (Object.keys(a) as Array<keyof RollupEntry>)
    .every((k) => (k === 'actors' ? a.actors.join('\u0000') === b.actors.join('\u0000') : a[k] === b[k])));

/** The actor rollup: one cell per actor, day, event type, country and sub-event type (./migrations.ts v8). */
const ACTOR_TABLE = 'timeline_actors';
const ACTOR_COLUMNS = ['actor_id', 'day', 'event_type', 'iso3', 'country', 'sub_event_type'] as const;

/** Add (sign 1) or remove (sign -1) one cell's counts; a cell left with no event is deleted. */
async function applyCell(db: Kysely<Database>, table: string, cols: readonly string[], values: readonly string[], fatalities: number, sign: 1 | -1): Promise<void> {
  const t = sql.table(table);
  // Qualified with the table name, the only spelling both SQLite and PostgreSQL accept here.
  await sql`insert into ${t} (${sql.join(cols.map((c) => sql.ref(c)))}, events, fatalities)
    values (${sql.join(values)}, ${sign}, ${sign * fatalities})
    on conflict (${sql.join(cols.map((c) => sql.ref(c)))}) do update set
      events = ${sql.ref(`${table}.events`)} + excluded.events,
      fatalities = ${sql.ref(`${table}.fatalities`)} + excluded.fatalities`.execute(db);
  if (sign < 0) {
    const at = sql.join(cols.map((c, i) => sql`${sql.ref(c)} = ${values[i]}`), sql` and `);
    await sql`delete from ${t} where ${at} and events <= 0`.execute(db);
  }
}

/** Add (sign 1) or remove (sign -1) one event's entry in every grain; a cell that reaches 0 events is deleted. */
async function applyEntry(db: Kysely<Database>, e: RollupEntry, sign: 1 | -1): Promise<void> {
  for (const g of GRAINS) {
    const cols = ['day', 'event_type', ...g.keys] as const;
    await applyCell(db, g.table, cols, cols.map((c) => e[c]), e.fatalities, sign);
  }
  for (const actor of e.actors) {
    const values = ACTOR_COLUMNS.map((c) => (c === 'actor_id' ? actor : e[c]));
    await applyCell(db, ACTOR_TABLE, ACTOR_COLUMNS, values, e.fatalities, sign);
  }
}

/** Move an event's counts from what it was to what it is (either null: not counted). Call inside the write transaction. */
export async function moveRollup(db: Kysely<Database>, before: RollupEntry | null, after: RollupEntry | null): Promise<void> {
  if (sameEntry(before, after)) return;
  if (before) await applyEntry(db, before, -1);
  if (after) await applyEntry(db, after, 1);
}

/** The columns of `events` that rollupEntry reads. */
export const ROLLUP_SOURCE_COLUMNS = ['event_date', 'event_type', 'sub_event_type', 'iso3', 'country', 'admin1', 'fatalities', 'actor1_id', 'actor2_id'] as const;

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

/** Migration step (v8) and bulk loads: the actor rollup, empty. Its key leads with the actor: a filter reads its part. */
export async function createActorRollup(db: Kysely<Database>): Promise<void> {
  let t = (db as Kysely<any>).schema.createTable(ACTOR_TABLE);
  for (const c of ACTOR_COLUMNS) t = t.addColumn(c, 'text', (col) => col.notNull());
  await t.addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${ACTOR_TABLE}_pk`, [...ACTOR_COLUMNS] as never)
    .execute();
}

/** Recount the actor rollup from `events`: each dated event once under each distinct actor of its two. */
export async function rebuildActorRollup(db: Kysely<Database>): Promise<void> {
  const cols = sql.join(ACTOR_COLUMNS.map((c) => sql.ref(c)));
  await sql`delete from ${sql.table(ACTOR_TABLE)}`.execute(db);
  // actor2 counts only when it is not actor1: an actor on both sides is one cell, as in the scan.
  await sql`insert into ${sql.table(ACTOR_TABLE)} (${cols}, events, fatalities)
    select a.actor_id, a.day, a.event_type, a.iso3, a.country, a.sub_event_type, count(*), coalesce(sum(a.fatalities), 0)
    from (
      select actor1_id as actor_id, event_date as day, event_type, coalesce(iso3, '') as iso3, coalesce(country, '') as country,
        sub_event_type, fatalities
      from events where coalesce(event_date, '') > '' and actor1_id is not null
      union all
      select actor2_id, event_date, event_type, coalesce(iso3, ''), coalesce(country, ''), sub_event_type, fatalities
      from events where coalesce(event_date, '') > '' and actor2_id is not null and (actor1_id is null or actor2_id <> actor1_id)
    ) a
    group by a.actor_id, a.day, a.event_type, a.iso3, a.country, a.sub_event_type`.execute(db);
}

/** Every rollup: the three grains and the actors (a bulk load that wrote `events` directly). */
export async function rebuildAllRollups(db: Kysely<Database>): Promise<void> {
  await rebuildRollups(db);
  await rebuildActorRollup(db);
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
  const conds = rollupConds(filter, countries);
  const where = conds.length > 0 ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  return timelineFromCells(db, dialect, sql`select day, event_type, sum(events) as events, sum(fatalities) as fatalities
    from ${sql.table(grain.table)} ${where} group by day, event_type`, bucket);
}

/**
 * The actor rollup answers a filter with an actor and otherwise only columns it holds (country,
 * event and sub-event type, dates): not admin1, nor what no rollup holds.
 */
export function actorRollupAnswers(filter: EventFilter): boolean {
  if (!filter.actor || filter.admin1) return false;
  return filterColumns({ ...filter, actor: undefined }) !== null;
}

/**
 * The timeline of an actor from timeline_actors, or null when the name stands for several actors
 * (an event of two of them would count twice: the scan answers that). The actor is found as the
 * scan finds it (./filter.ts): by id, or by its folded English or Arabic name.
 */
export async function timelineFromActorRollup(
  db: Kysely<Database>, dialect: StoreDialect, countries: CountryTable, filter: EventFilter, bucket: TimelineBucket,
): Promise<TimelinePoint[] | null> {
  const actor = filter.actor!;
  const key = fold(actor);
  const ids = await db.selectFrom('actors').select('id')
    .where((eb) => eb.or([eb('id', '=', actor), eb('name_fold', '=', key), eb('name_ar_fold', '=', key)]))
    .limit(2).execute();
  if (ids.length > 1) return null;
  if (ids.length === 0) return [];
  const conds = [sql`actor_id = ${ids[0].id}`, ...rollupConds(filter, countries)];
  return timelineFromCells(db, dialect, sql`select day, event_type, sum(events) as events, sum(fatalities) as fatalities
    from ${sql.table(ACTOR_TABLE)} where ${sql.join(conds, sql` and `)} group by day, event_type`, bucket);
}

/** What a filter says about the rollups' key columns, as eventWhere says it about the events'. */
function rollupConds(filter: EventFilter, countries: CountryTable): RawBuilder<unknown>[] {
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
  return conds;
}

/** Day cells (day, event_type, events, fatalities) → the timeline's buckets. */
export async function timelineFromCells(db: Kysely<Database>, dialect: StoreDialect, days: RawBuilder<unknown>, bucket: TimelineBucket): Promise<TimelinePoint[]> {
  const period = dialect.bucketStart(sql.ref('d.day'), bucket);
  const { rows } = await sql<{ period: string; event_type: string; events: number | string; fatalities: number | string }>`
    select ${period} as period, d.event_type as event_type, sum(d.events) as events, sum(d.fatalities) as fatalities
    from (${days}) d group by ${period}, d.event_type order by ${period}, d.event_type`.execute(db);
  // PostgreSQL returns sums as bigint or numeric strings.
  return rows.map((r) => ({ period: r.period, eventType: r.event_type, events: Number(r.events), fatalities: Number(r.fatalities) }));
}
