// The API benchmark's machinery, without a load run: no timing is asserted.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import { articleInputOf, docOf, IDLIB } from '../store/test-helpers/fixtures.js';
import type { Store } from '../store/types.js';
import { EVENT_QUERIES, percentile, roundsFor, sizeLabel, sizesFromEnv, TIMELINE_QUERIES } from './api.js';
import { filledStore, filledStorePath, SCHEMA_VERSION } from './fill-store.js';
import { BENCHES } from './run.js';

describe('the api bench', () => {
  it('is in the registry', () => {
    expect(BENCHES.map((b) => b.name)).toContain('api');
  });

  it('names sizes as figures do, and reads them from the environment', () => {
    expect(sizeLabel(100_000)).toBe('100k');
    expect(sizeLabel(1_000_000)).toBe('1m');
    expect(sizeLabel(2500)).toBe('2500');
    expect(sizesFromEnv(undefined)).toEqual([100_000, 1_000_000]);
    expect(sizesFromEnv('100000')).toEqual([100_000]);
    expect(sizesFromEnv('100_000, 1_000_000')).toEqual([100_000, 1_000_000]);
    expect(() => sizesFromEnv('1e5x')).toThrow(/MARSAD_BENCH_API_SIZES/);
  });

  it('takes percentiles by nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 95)).toBe(7);
  });

  it('sizes a run in whole rounds of the mix, within the time and request bounds', () => {
    expect(roundsFor(50, 16, 10, 2000)).toBe(125); // 200 rounds fit in 10 s; 2,000 requests allow 125
    expect(roundsFor(1000, 16, 10, 2000)).toBe(10);
    expect(roundsFor(60_000, 16, 10, 2000)).toBe(1); // at least one round
  });

  it('asks only what the API accepts: 50 a page, known sorts and buckets', () => {
    for (const q of EVENT_QUERIES) expect(q).toMatchObject({ limit: '50', sort: expect.stringMatching(/^-?date$/) });
    for (const q of TIMELINE_QUERIES) expect(['day', 'week', 'month']).toContain(q.bucket);
  });
});

describe('the bulk-filled store', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-fill-test-'));
    const filled = await filledStore(400, { dir });
    expect(filled.path).toBe(filledStorePath(400, dir));
    expect(filled.path).toContain(`-s${SCHEMA_VERSION}-`);
    store = await openSqliteStore({ path: filled.path });
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is reused on the next call', async () => {
    const again = await filledStore(400, { dir });
    expect(again.cached).toBe(true);
  });

  it('holds the events asked for, at the current schema version', async () => {
    const stats = await store.stats();
    expect(stats).toMatchObject({ events: 400, schemaVersion: SCHEMA_VERSION });
    expect(stats.reports).toBeGreaterThan(400); // some events are told twice
    expect(stats.articles).toBeGreaterThan(100);
  });

  it('reads back through the store: evidence points into the article, sources name the outlets', async () => {
    const page = await store.listEvents({}, { limit: 500 });
    expect(page.items).toHaveLength(400);
    const retold = page.items.find((e) => e.reportCount === 2);
    expect(retold?.sources).toHaveLength(2);
    for (const e of page.items.slice(0, 20)) {
      const detail = await store.getEvent(e.id);
      for (const r of detail!.reports) {
        const article = await store.getArticle(r.articleId);
        for (const ev of r.evidence) expect(article!.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(r.sentence.text.length).toBeGreaterThan(20);
      }
    }
  });

  it('answers the filters the bench sends, full text included', async () => {
    const syria = await store.listEvents({ country: 'SY' });
    expect(syria.items.length).toBeGreaterThan(0);
    expect(syria.items.every((e) => e.iso3 === 'SYR')).toBe(true);
    const strikes = await store.listEvents({ q: 'غارة' }, { limit: 500 });
    expect(strikes.items.length).toBeGreaterThan(0);
    const points = await store.timeline({}, 'day');
    const dated = (await store.listEvents({}, { limit: 500 })).items.filter((e) => e.eventDate !== null).length;
    expect(points.reduce((n, p) => n + p.events, 0)).toBe(dated);
  });

  it('takes a new article after the fill: the counters were left where the rows end', async () => {
    const saved = await store.saveArticle(articleInputOf(IDLIB), docOf(IDLIB));
    expect(saved.status).toBe('inserted');
    expect((await store.stats()).events).toBe(401);
  });
});

describe('a bulk-filled store of an older schema', () => {
  let dir: string;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is migrated in place rather than filled again, and its timeline counts every dated event', async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-fill-migrate-'));
    const filled = await filledStore(300, { dir });
    // Back to schema 4: steps 5 to 9 undone, the rows kept; named as schema 4 named it.
    const raw = new Database(filled.path);
    for (const q of [
      'drop table timeline_days', 'drop table timeline_countries', 'drop table timeline_places', "delete from counters where name = 'data'",
      'drop index events_admin1_key', 'drop index events_iso3_fatalities', 'drop index events_iso3_confidence', 'create index events_admin1 on events (admin1, event_date)',
      'alter table events drop column fatalities_best',
      'drop table timeline_actors', 'drop index reports_article_id', 'drop index events_id_timeline', 'drop index event_actors_actor_event',
      'create index event_actors_actor on event_actors (actor_id)',
      'drop table event_articles',
      'delete from schema_migrations where version >= 5',
    ]) raw.exec(q);
    raw.close();
    const old = filled.path.replace(`-s${SCHEMA_VERSION}-`, '-s4-');
    renameSync(filled.path, old);
    renameSync(`${filled.path}.json`, `${old}.json`);
    const again = await filledStore(300, { dir });
    expect(again).toMatchObject({ path: filled.path, cached: true, articles: filled.articles });
    expect(existsSync(old)).toBe(false);
    const store = await openSqliteStore({ path: again.path });
    try {
      expect((await store.stats()).schemaVersion).toBe(SCHEMA_VERSION);
      const dated = (await store.listEvents({}, { limit: 500 })).items.filter((e) => e.eventDate !== null).length;
      expect((await store.timeline({}, 'month')).reduce((n, p) => n + p.events, 0)).toBe(dated);
      // The actor rollup (v8), built by the migration, counts an actor's dated events as its scan does.
      const actor = (await store.listEvents({}, { limit: 1 })).items[0].actor1Id!;
      const ofActor = (await store.listEvents({ actor }, { limit: 500 })).items.filter((e) => e.eventDate !== null).length;
      expect(ofActor).toBeGreaterThan(0);
      expect((await store.timeline({ actor }, 'month')).reduce((n, p) => n + p.events, 0)).toBe(ofActor);
      // The events by article (v9), built by the migration: a word of every generated report's sentence
      // (…بحسب مصادر محلية) finds every event, in the list and in the timeline.
      const q = 'مصادر';
      const ofText = (await store.listEvents({ q }, { limit: 500 })).items.filter((e) => e.eventDate !== null).length;
      expect(ofText).toBe(dated);
      expect((await store.timeline({ q }, 'month')).reduce((n, p) => n + p.events, 0)).toBe(ofText);
    } finally {
      await store.close();
    }
  });
});
