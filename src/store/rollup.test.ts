// The timeline rollups answer exactly what the scan of events answers, through inserts, re-ingests,
// updates that move or drop events, and corroboration merges that change an event's primary report;
// and the migration that builds them over existing data counts the same. The oracle is independent
// of both: the matching events themselves (eventPoints, the scan's filter), bucketed here.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { openPostgresStore } from './postgres.js';
import { textTimelineAnswers } from './event-articles.js';
import { actorRollupAnswers, grainFor } from './rollup.js';
import { openSqliteStore } from './sqlite.js';
import { PG_URL, backends } from './test-helpers/backends.js';
import { actor, articleInputOf, event, evidence, fixtureExtractor, inputOf, place, type FixtureArticle } from './test-helpers/fixtures.js';
import type { ActorRef } from '../doc/types.js';
import type { Corroborator, EventFilter, Store, TimelineBucket, TimelinePoint } from './types.js';
import { seededRandom } from '../bench/corpus.js';

// the same deterministic generator (mulberry32) as the bench corpus: the same data on every run
const rng = seededRandom;

// Places across known countries, an unknown one, a three-letter unknown code and none at all.
const PLACES = [
  place({ name: 'Aleppo', nameAr: 'حلب', country: 'Syria', countryCode: 'SY', admin1: 'Aleppo', lat: 36.2, lon: 37.16 }),
  place({ name: 'Idlib', nameAr: 'إدلب', country: 'Syria', countryCode: 'SY', admin1: 'Idlib', lat: 35.93, lon: 36.63 }),
  place({ name: 'Taizz', nameAr: 'تعز', country: 'Yemen', countryCode: 'YE', admin1: 'Taizz', lat: 13.58, lon: 44.02 }),
  place({ name: 'Mosul', nameAr: 'الموصل', country: 'Iraq', countryCode: 'IQ', admin1: 'Ninewa' }),
  place({ name: 'Atlantis', nameAr: 'أطلنطس', country: 'Atlantis', countryCode: null, admin1: 'Deep' }),
  place({ name: 'Xanadu', nameAr: 'زانادو', country: 'Xanadu', countryCode: 'XAN', admin1: null }),
  null,
];
const TYPES = [
  ['Battles', 'Armed clash', 'اشتباكات'],
  ['Explosions/Remote violence', 'Air/drone strike', 'غارة جوية'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'قصف مدفعي'],
  ['Protests', 'Peaceful protest', 'تظاهرة'],
  ['Violence against civilians', 'Attack', 'هجوم على مدنيين'],
] as const;
// Actors: two with ids of their own, one found by its generated id, and two of one English name
// (a filter by that name stands for both: the scan answers it). Sometimes the same on both sides.
const ACTORS = [
  actor('Rapid Support Forces', 'قوات الدعم السريع', 2, 'Sudan', 'rsf'),
  actor('Houthi Movement', 'جماعة الحوثي', 2, 'Yemen', 'houthi'),
  actor('Civilians', 'مدنيون', 7, null),
  actor('Local Militia', 'ميليشيا محلية', 3, 'Syria', 'militia-sy'),
  actor('Local Militia', 'ميليشيا قبلية', 3, 'Yemen', 'militia-ye'),
  null,
];
// A handful of days across two months and a week boundary, so buckets merge and split.
const DAYS = ['2024-02-26', '2024-02-29', '2024-03-01', '2024-03-03', '2024-03-04', '2024-03-31', '2024-04-01'];

type Pick = <T>(xs: readonly T[]) => T;

/** An article of 1–3 random events; `version` changes its text (an update at the same URL). */
function randomArticle(n: number, version: number, pick: Pick, r: () => number): FixtureArticle {
  const count = 1 + Math.floor(r() * 3);
  const specs = Array.from({ length: count }, () => ({
    type: pick(TYPES), where: pick(PLACES), date: r() < 0.12 ? null : pick(DAYS),
    fatalities: r() < 0.2 ? null : Math.floor(r() * 9), confidence: 0.5 + Math.floor(r() * 5) / 10,
    actor1: pick(ACTORS), actor2: null as ActorRef | null,
  }));
  for (const s of specs) s.actor2 = r() < 0.15 ? s.actor1 : pick(ACTORS);
  const text = specs.map((s, i) => `خبر ${n} نسخة ${version} رقم ${i}: ${s.type[2]} في ${s.where?.nameAr ?? 'مكان غير معروف'}.`).join(' ');
  return {
    url: `https://example.org/rollup/${n}`,
    outlet: `Outlet ${n % 3}`,
    title: `خبر ${n}`,
    publishedAt: pick(DAYS),
    text,
    events(doc) {
      return specs.map((s, i) => event(doc, i, {
        eventType: s.type[0], subEventType: s.type[1], location: s.where, date: s.date, fatalities: s.fatalities, confidence: s.confidence,
        actor1: s.actor1, actor2: s.actor2,
        evidence: [evidence(doc.text, 'eventType', s.type[2], 'trigger.test', doc.text.indexOf(`رقم ${i}:`))],
      }));
    },
  };
}

/** Merges about a third of reports into some stored event: primaries, dates, places and tolls change under it. */
function mergingCorroborator(r: () => number): Corroborator {
  return {
    async assign(_report, reader) {
      if (r() >= 0.35) return null;
      const page = await reader.listEvents({}, { limit: 20, sort: '-confidence' });
      return page.items.length ? page.items[Math.floor(r() * page.items.length)].id : null;
    },
  };
}

/** The scenario: inserts, duplicates, updates with new content, forced re-extraction. */
async function populate(s: Store, seed: number): Promise<void> {
  const r = rng(seed);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const versions = new Map<number, number>();
  const save = async (n: number, opts?: { replace?: boolean }) => {
    const a = randomArticle(n, versions.get(n) ?? 0, pick, r);
    await s.saveArticle(articleInputOf(a), fixtureExtractor([a])(inputOf(a)), opts);
  };
  for (let n = 0; n < 24; n++) await save(n);
  for (let k = 0; k < 16; k++) {
    const n = Math.floor(r() * 24);
    const what = r();
    if (what < 0.5) versions.set(n, (versions.get(n) ?? 0) + 1); // new content at the same URL: reports replaced
    // else the same content again: a duplicate, or with replace: re-extracted
    await save(n, what > 0.8 ? { replace: true } : undefined);
  }
}

function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const back = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - back * 86_400_000).toISOString().slice(0, 10);
}

/** The oracle: the events the scan's filter matches, counted here. */
async function expected(s: Store, filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]> {
  const cells = new Map<string, TimelinePoint>();
  for (const p of await s.eventPoints(filter)) {
    if (!p.eventDate) continue;
    const period = bucket === 'day' ? p.eventDate : bucket === 'week' ? mondayOf(p.eventDate) : `${p.eventDate.slice(0, 7)}-01`;
    const key = `${period}|${p.eventType}`;
    const c = cells.get(key) ?? { period, eventType: p.eventType, events: 0, fatalities: 0 };
    c.events += 1;
    c.fatalities += p.fatalities ?? 0;
    cells.set(key, c);
  }
  return sortPoints([...cells.values()]);
}

const sortPoints = (ps: TimelinePoint[]) => [...ps].sort((a, b) => (a.period + '|' + a.eventType < b.period + '|' + b.eventType ? -1 : 1));

/** Every rollup-answerable filter shape, each value from the fixtures, plus values nothing has. */
const FILTERS: EventFilter[] = [
  {},
  { country: 'SY' }, { country: 'Syria' }, { country: 'YEM' }, { country: 'Atlantis' }, { country: 'XAN' }, { country: 'Xanadu' }, { country: 'Nowhere' },
  { admin1: 'Aleppo' }, { admin1: 'Deep' }, { country: 'SY', admin1: 'Idlib' }, { country: 'IQ', admin1: 'Aleppo' },
  { eventType: 'Explosions/Remote violence' }, { subEventType: 'Armed clash' }, { country: 'SY', subEventType: 'Air/drone strike' },
  { eventType: 'Battles', country: 'YE' }, { from: '2024-03-01' }, { to: '2024-02-29' }, { from: '2024-03-01', to: '2024-03-31', country: 'Syria' },
  { admin1: 'Taizz', subEventType: 'Armed clash', from: '2024-02-27' }, { eventType: 'Protests', subEventType: 'Armed clash' },
];

/** What the actor rollup answers: an actor by id, English or Arabic name, alone or with country, types and dates. */
const ACTOR_FILTERS: EventFilter[] = [
  { actor: 'rsf' }, { actor: 'Rapid Support Forces' }, { actor: 'جماعة الحوثي' }, { actor: 'civilians' }, { actor: 'مدنيون' },
  { actor: 'militia-ye' }, { actor: 'Nobody' },
  { actor: 'houthi', country: 'YE' }, { actor: 'Civilians', country: 'Syria', eventType: 'Battles' },
  { actor: 'rsf', subEventType: 'Armed clash', from: '2024-03-01' }, { actor: 'Civilians', to: '2024-02-29', country: 'XAN' },
];

/** A text filter alone or with dates and event type: the events-by-article table answers it (schema v9). */
const TEXT_FILTERS: EventFilter[] = [
  { q: 'خبر' }, { q: 'غارة' }, { q: 'نسخة 1' }, { q: 'غاره جويه' }, { q: 'لا يوجد' },
  { q: 'قصف', from: '2024-03-01' }, { q: 'خبر', to: '2024-02-29', eventType: 'Battles' }, { q: 'خبر', eventType: 'Protests' },
];

type Row = Record<string, unknown>;
const byKey = (rows: Row[]) => rows.map((r) => JSON.stringify([Number(r.article_num), r.event_id, r.day, r.event_type, Number(r.fatalities), Number(r.shared)])).sort();

/** event_articles as stored, and as the source tables say it should be (computed here, not by the store). */
async function eventArticles(backend: string, location: string): Promise<{ stored: string[]; expected: string[] }> {
  const storedSql = 'select article_num, event_id, day, event_type, fatalities, shared from event_articles';
  const sourceSql = `select distinct a.num as article_num, er.event_id, coalesce(e.event_date, '') as day, e.event_type, coalesce(e.fatalities, 0) as fatalities
    from event_reports er join reports r on r.id = er.report_id join articles a on a.id = r.article_id join events e on e.id = er.event_id`;
  let stored: Row[];
  let source: Row[];
  if (backend === 'sqlite') {
    const raw = new Database(location, { readonly: true });
    stored = raw.prepare(storedSql).all() as Row[];
    source = raw.prepare(sourceSql).all() as Row[];
    raw.close();
  } else {
    const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${location}` });
    await client.connect();
    stored = (await client.query(storedSql)).rows;
    source = (await client.query(sourceSql)).rows;
    await client.end();
  }
  const articles = new Map<unknown, number>();
  for (const r of source) articles.set(r.event_id, (articles.get(r.event_id) ?? 0) + 1);
  return { stored: byKey(stored), expected: byKey(source.map((r) => ({ ...r, shared: articles.get(r.event_id)! > 1 ? 1 : 0 }))) };
}

const all = await backends();

for (const backend of all) {
  describe.skipIf(!backend.available)(`timeline rollups (${backend.name})`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      // Most recent first: a second store on the same file or schema closes before the one that owns it.
      for (const s of opened.reverse()) await s.close();
      opened.length = 0;
    });

    const compareAll = async (s: Store) => {
      let compared = 0;
      for (const filter of [...FILTERS, ...ACTOR_FILTERS]) {
        if (filter.actor) expect(actorRollupAnswers(filter), JSON.stringify(filter)).toBe(true);
        else expect(grainFor(filter), JSON.stringify(filter)).not.toBeNull();
        for (const bucket of ['day', 'week', 'month'] as const) {
          const want = await expected(s, filter, bucket);
          expect(sortPoints(await s.timeline(filter, bucket)), `${JSON.stringify(filter)} by ${bucket}`).toEqual(want);
          compared += want.length;
        }
      }
      return compared;
    };

    it('answers every rollup filter as the scan would, through re-ingests, updates and corroboration merges', async () => {
      const s = await backend.open({ corroborator: mergingCorroborator(rng(7919)) });
      opened.push(s);
      await populate(s, 1);
      const stats = await s.stats();
      // The scenario did merge (fewer events than reports) and did leave some to count.
      expect(stats.events).toBeLessThan(stats.reports);
      expect(await compareAll(s)).toBeGreaterThan(100);
    }, 180_000);

    it('falls back to the scan for filters no rollup holds, with the same answer as the oracle', async () => {
      const s = await backend.open({ corroborator: mergingCorroborator(rng(3)) });
      opened.push(s);
      await populate(s, 3);
      for (const filter of [
        { minFatalities: 3 }, { q: 'غارة' }, { bbox: [36, 35, 38, 37] }, { country: 'SY', minFatalities: 1 },
        { actor: 'rsf', admin1: 'Aleppo' }, { actor: 'houthi', q: 'غارة' },
      ] as EventFilter[]) {
        expect(grainFor(filter)).toBeNull();
        expect(actorRollupAnswers(filter)).toBe(false);
        expect(sortPoints(await s.timeline(filter, 'week')), JSON.stringify(filter)).toEqual(await expected(s, filter, 'week'));
      }
      // A name two actors share: the rollup declines (an event of both would count twice), the scan answers.
      expect(actorRollupAnswers({ actor: 'Local Militia' })).toBe(true);
      for (const filter of [{ actor: 'Local Militia' }, { actor: 'local militia', country: 'YE' }] as EventFilter[]) {
        expect((await s.eventPoints(filter)).length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(sortPoints(await s.timeline(filter, 'week')), JSON.stringify(filter)).toEqual(await expected(s, filter, 'week'));
      }
    }, 180_000);

    it('keeps the events by article as the source tables say, and answers text timelines from it as the scan would', async () => {
      const s = (await backend.open({ corroborator: mergingCorroborator(rng(11)) })) as Store & { location: string };
      opened.push(s);
      await populate(s, 11);
      const { stored, expected: want } = await eventArticles(backend.name, s.location);
      expect(stored).toEqual(want);
      // Merges made events told by several articles: the rows that must be counted once.
      expect(stored.filter((r) => r.endsWith(',1]')).length).toBeGreaterThan(0);
      let compared = 0;
      for (const filter of TEXT_FILTERS) {
        expect(textTimelineAnswers(filter), JSON.stringify(filter)).toBe(true);
        for (const bucket of ['day', 'week'] as const) {
          const oracle = await expected(s, filter, bucket);
          expect(sortPoints(await s.timeline(filter, bucket)), `${JSON.stringify(filter)} by ${bucket}`).toEqual(oracle);
          compared += oracle.length;
        }
      }
      expect(compared).toBeGreaterThan(20);

      // Built by its migration (v9) from an existing database: the same rows.
      const undo = ['drop table event_articles', 'delete from schema_migrations where version = 9'];
      const again = await reopenAfter(backend.name, s.location, undo);
      opened.push(again);
      expect((await again.stats()).schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      expect((await eventArticles(backend.name, s.location)).stored).toEqual(want);
    }, 180_000);

    it('builds the actor rollup by its migration (v8) from the events of an existing database', async () => {
      const s = (await backend.open({ corroborator: mergingCorroborator(rng(5)) })) as Store & { location: string };
      opened.push(s);
      await populate(s, 5);
      // As before step 8: what it made gone, the index it replaced back, its record gone.
      const undo = [
        'drop table timeline_actors', 'drop index reports_article_id', 'drop index event_actors_actor_event', 'drop index events_id_timeline', 'create index event_actors_actor on event_actors (actor_id)',
        'delete from schema_migrations where version = 8',
      ];
      const again = await reopenAfter(backend.name, s.location, undo);
      opened.push(again);
      expect((await again.stats()).schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      let compared = 0;
      for (const filter of ACTOR_FILTERS) {
        for (const bucket of ['day', 'month'] as const) {
          const want = await expected(again, filter, bucket);
          expect(sortPoints(await again.timeline(filter, bucket)), `${JSON.stringify(filter)} by ${bucket}`).toEqual(want);
          compared += want.length;
        }
      }
      expect(compared).toBeGreaterThan(20);
    }, 180_000);

    it('is built by its migration from the events of an existing database', async () => {
      const s = (await backend.open({ corroborator: mergingCorroborator(rng(4)) })) as Store & { location: string };
      opened.push(s);
      await populate(s, 4);
      // As before step 6, with the events kept: what step 6 made and its record gone.
      const undo = [
        'drop table timeline_days', 'drop table timeline_countries', 'drop table timeline_places', "delete from counters where name = 'data'",
        'delete from schema_migrations where version = 6',
      ];
      const again = await reopenAfter(backend.name, s.location, undo);
      opened.push(again);
      expect((await again.stats()).schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      expect(await compareAll(again)).toBeGreaterThan(100);
    }, 180_000);
  });
}

/** The store at `location` reopened (its migrations run again) after `undo` rolled part of its schema back. */
async function reopenAfter(backend: string, location: string, undo: string[]): Promise<Store> {
  if (backend === 'sqlite') {
    const raw = new Database(location);
    for (const q of undo) raw.exec(q);
    raw.close();
    return openSqliteStore({ path: location });
  }
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${location}` });
  await client.connect();
  for (const q of undo) await client.query(q);
  await client.end();
  return openPostgresStore({ connectionString: PG_URL, schema: location });
}
