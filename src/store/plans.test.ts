// SQLite's plans for the shapes the API runs most, over the migrations' indexes: a page under a
// filter is an index walk (no sort of every match), a timeline reads an index and no table row.
// `npm run bench -- --only api` measures what these plans cost at 1,000,000 events.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryTable } from './countries.js';
import { sqliteDialect } from './dialect/sqlite.js';
import { migrate } from './migrations.js';
import { listEvents, timeline, timelineScan } from './read-events.js';
import type { Database as Schema } from './schema.js';
import type { EventFilter, EventSort } from './types.js';

describe('query plans (SQLite)', () => {
  let dir: string;
  let raw: Database.Database;
  let db: Kysely<Schema>;
  let last: CompiledQuery | null = null;
  let sent: CompiledQuery[] = [];
  const ctx = { dialect: sqliteDialect, countries: countryTable() };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-plans-'));
    raw = new Database(join(dir, 'plans.db'));
    db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: raw }),
      log: (e) => {
        if (e.level === 'query' && !last) last = e.query;
        if (e.level === 'query') sent.push(e.query);
      },
    });
    await migrate(db, sqliteDialect);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The plan of the first statement `run` sends. */
  const planOf = async (run: () => Promise<unknown>) => {
    last = null;
    await run();
    const q = last as CompiledQuery | null;
    if (!q) throw new Error('no statement');
    return (raw.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
  };

  /** The plans of every statement `run` sends, in order. */
  const plansOf = async (run: () => Promise<unknown>) => {
    sent = [];
    await run();
    return sent.map((q) => (raw.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as Array<{ detail: string }>).map((r) => r.detail).join('\n'));
  };

  it('goes from text or actor matches to the counted events through index entries, not reports or events rows', async () => {
    // A text filter with one no table but events holds: the matches' events from event_articles (v9).
    const p = await planOf(() => timelineScan(db, ctx, { q: 'غارة', minFatalities: 1 }, 'day'));
    expect(p).toContain('COVERING INDEX events_id_timeline');
    expect(p).toMatch(/SEARCH event_articles USING PRIMARY KEY \(article_num=\?\)/);
    expect(p).not.toMatch(/\b(reports|event_reports|articles)\b/);
    const a = await planOf(() => timelineScan(db, ctx, { actor: 'houthi', admin1: 'Taizz' }, 'day'));
    expect(a).toContain('COVERING INDEX event_actors_actor_event');
  });

  it('answers the timeline of a text filter from the events by article, reading no event', async () => {
    const p = await planOf(() => timeline(db, ctx, { q: 'غارة', from: '2024-01-01', eventType: 'Battles' }, 'day'));
    expect(p).toMatch(/SEARCH event_articles USING PRIMARY KEY \(article_num=\?\)/);
    expect(p).not.toMatch(/\b(events|reports|event_reports|articles)\b/);
  });

  it('tests the events of a page under a text filter by their own rows of event_articles, not by probing every match', async () => {
    const p = await planOf(() => listEvents(db, ctx, { q: 'غارة' }, { limit: 50 }));
    expect(p).toContain('SEARCH event_articles EXISTS USING COVERING INDEX event_articles_event (event_id=?)');
    expect(p).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('answers the timeline of one actor from its rollup, reading no event', async () => {
    const [find, cells] = await plansOf(() => timeline(db, ctx, { actor: 'Houthi Movement', country: 'YE', from: '2024-01-01' }, 'day'));
    // No such actor in an empty store: the rollup is not even read. Store one to see the second statement.
    expect(find).toContain('actors');
    expect(cells).toBeUndefined();
    await db.insertInto('actors').values({ id: 'houthi', name: 'Houthi Movement', name_ar: 'جماعة الحوثي', name_fold: 'houthi movement', name_ar_fold: 'جماعه الحوثي', inter: 2, country: 'Yemen' }).execute();
    const plans = await plansOf(() => timeline(db, ctx, { actor: 'houthi', country: 'YE', from: '2024-01-01' }, 'day'));
    expect(plans).toHaveLength(2);
    expect(plans[1]).toMatch(/SEARCH timeline_actors USING (COVERING )?INDEX sqlite_autoindex_timeline_actors_1 \(actor_id=\? AND day>\?\)/);
    expect(plans[1]).not.toMatch(/\bevents\b/);
  });

  it('walks an index for a page under a country, an event type or dates, never sorting every match', async () => {
    for (const [filter, index] of [
      [{ country: 'SY' }, 'events_iso3_key'],
      [{ eventType: 'Protests' }, 'events_type_key'],
      [{ subEventType: 'Armed clash', from: '2024-01-01' }, 'events_sub_type_key'],
      [{ from: '2024-06-01', to: '2024-06-30' }, 'events_date'],
      [{ admin1: 'Aleppo' }, 'events_admin1_key'],
    ] as Array<[EventFilter, string]>) {
      const p = await planOf(() => listEvents(db, ctx, filter, { limit: 50 }));
      expect(p, JSON.stringify(filter)).toContain(index);
      expect(p, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('walks an index for a page under a country by fatalities or confidence, and from the bound of minFatalities', async () => {
    for (const [filter, sort, index] of [
      [{ country: 'SY' }, '-fatalities', 'events_iso3_fatalities'],
      [{ country: 'SY' }, 'confidence', 'events_iso3_confidence'],
      [{ minFatalities: 5 }, 'fatalities', 'events_fatalities (<expr>>?)'],
    ] as Array<[EventFilter, EventSort, string]>) {
      const p = await planOf(() => listEvents(db, ctx, filter, { limit: 50, sort }));
      expect(p, `${JSON.stringify(filter)} ${sort}`).toContain(index);
      expect(p, `${JSON.stringify(filter)} ${sort}`).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('counts a scanned timeline from an index of events alone', async () => {
    for (const [filter, index] of [
      [{}, 'events_timeline'],
      [{ country: 'YE' }, 'events_iso3_key'],
      [{ bbox: [36.9, 36, 37.4, 36.4] }, 'events_lat_lon_key'],
    ] as Array<[EventFilter, string]>) {
      expect(await planOf(() => timelineScan(db, ctx, filter, 'day')), JSON.stringify(filter)).toContain(`COVERING INDEX ${index}`);
    }
    // A filter no rollup holds is scanned.
    expect(await planOf(() => timeline(db, ctx, { bbox: [36.9, 36, 37.4, 36.4] }, 'day'))).toContain('COVERING INDEX events_lat_lon_key');
  });

  it('answers a timeline under rollup filters from the coarsest rollup, through an index leading with the filter', async () => {
    for (const [filter, uses] of [
      [{}, 'SCAN timeline_days USING INDEX'],
      [{ from: '2024-01-01', to: '2024-03-31', eventType: 'Battles' }, 'SEARCH timeline_days USING INDEX'],
      [{ country: 'YE' }, 'COVERING INDEX timeline_countries_iso3'],
      [{ admin1: 'Aleppo' }, 'COVERING INDEX timeline_places_admin1'],
      [{ subEventType: 'Armed clash' }, 'COVERING INDEX timeline_places_sub_event_type'],
      [{ country: 'SY', subEventType: 'Armed clash', from: '2024-01-01' }, 'COVERING INDEX timeline_places_iso3_sub_event_type'],
    ] as Array<[EventFilter, string]>) {
      const p = await planOf(() => timeline(db, ctx, filter, 'week'));
      expect(p, JSON.stringify(filter)).toContain(uses);
      expect(p, JSON.stringify(filter)).not.toMatch(/\bevents\b/);
    }
  });
});
