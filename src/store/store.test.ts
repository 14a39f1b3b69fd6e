import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MarsadError } from '../doc/diagnostics.js';
import { MIGRATIONS } from './migrations.js';
import pg from 'pg';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import { backends, PG_URL } from './test-helpers/backends.js';
import { CONTROL_FIXTURES, SARAQIB_TAKEN } from './test-helpers/control-fixtures.js';
import { articleInputOf, docOf, IDLIB, JABALIA, TAIZ, fixtureExtractor, inputOf, type FixtureArticle } from './test-helpers/fixtures.js';
import type { Corroborator, Store } from './types.js';

const all = await backends();

for (const backend of all) {
  describe.skipIf(!backend.available)(`store (${backend.name})`, () => {
    let store: (Store & { location: string }) | null = null;
    const open = async (o?: Parameters<typeof backend.open>[0]) => (store = await backend.open(o));
    afterEach(async () => {
      await store?.close();
      store = null;
    });

    const save = (s: Store, a: FixtureArticle, source = 'test') => s.saveArticle(articleInputOf(a, source), docOf(a));

    it('saves an article, its reports and one canonical event per report with ACLED fields', async () => {
      const s = await open();
      const r = await save(s, IDLIB);
      expect(r.status).toBe('inserted');
      expect(r.eventIds).toHaveLength(1);
      const e = await s.getEvent(r.eventIds[0]);
      expect(e).not.toBeNull();
      expect(e!.eventIdCnty).toMatch(/^SYR\d+$/);
      expect(e!.iso).toBe(760);
      expect(e!.region).toBe('Middle East');
      expect(e!.country).toBe('Syria');
      expect(e!.admin1).toBe('Idlib');
      expect(e!.year).toBe(2024);
      expect(e!.fatalities).toBe(5);
      expect([e!.fatalitiesLow, e!.fatalitiesHigh]).toEqual([5, 5]);
      expect(e!.injured).toBe(10);
      expect(e!.civilianTargeting).toBe(true);
      expect(e!.conflict).toBe(false);
      expect(e!.reportCount).toBe(1);
      expect(e!.source).toBe('Example Arabic');
      expect(e!.articleUrl).toBe(IDLIB.url);
      expect(e!.sources).toEqual([{ articleId: r.articleId, url: IDLIB.url, outlet: 'Example Arabic', publishedAt: '2024-03-06' }]);
    });

    it('returns evidence with offsets into the article and an excerpt around each span', async () => {
      const s = await open();
      const r = await save(s, IDLIB);
      const e = await s.getEvent(r.eventIds[0]);
      expect(e!.reports).toHaveLength(1);
      const rep = e!.reports[0];
      expect(rep.article.id).toBe(r.articleId);
      for (const ev of rep.evidence) {
        expect(IDLIB.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.excerpt.text).toContain(ev.text);
        expect(IDLIB.text.slice(ev.excerpt.start, ev.excerpt.end)).toBe(ev.excerpt.text);
      }
      expect(rep.record.rules.fatalities).toBe('casualty.killed.words');
      expect(e!.evidence.map((v) => v.field)).toContain('fatalities');
      // by ACLED id too
      expect((await s.getEvent(e!.eventIdCnty))?.id).toBe(e!.id);
    });

    it('keeps the annotation layers and diagnostics of the article', async () => {
      const s = await open();
      const doc = docOf(IDLIB);
      doc.layers.sentences.push({ start: 0, end: 10, tokenStart: 0, tokenEnd: 2 });
      doc.diagnostics.push({ code: 'GEO_UNRESOLVED', severity: 'warning', message: 'x', source: 'geo' });
      const r = await s.saveArticle(articleInputOf(IDLIB), doc);
      const a = await s.getArticle(r.articleId);
      expect(a!.text).toBe(IDLIB.text);
      expect(a!.title).toBe(IDLIB.title);
      expect(a!.lang).toBe('ar');
      expect(a!.layers).toMatchObject({ sentences: [{ start: 0, end: 10 }], tokens: [], places: [] });
      expect(a!.diagnostics[0].code).toBe('GEO_UNRESOLVED');
      expect(a!.reports.map((x) => x.eventId)).toEqual(r.eventIds);
      expect(await s.getArticle('art_missing')).toBeNull();
    });

    it('is idempotent: saving the same document again changes nothing', async () => {
      const s = await open();
      const first = await save(s, TAIZ);
      const before = await s.stats();
      const again = await save(s, TAIZ);
      expect(again).toEqual({ ...first, status: 'duplicate' });
      const after = await s.stats();
      expect({ ...after, lastIngestAt: null }).toEqual({ ...before, lastIngestAt: null });
    });

    it('recognises a duplicate by canonical URL and by content hash', async () => {
      const s = await open();
      const first = await save(s, JABALIA);
      // Same canonical URL from another feed.
      const byUrl = await s.saveArticle({ source: 'other-feed', url: 'https://m.example.com/x', canonicalUrl: JABALIA.url }, docOf(JABALIA));
      expect(byUrl.status).toBe('duplicate');
      expect(byUrl.articleId).toBe(first.articleId);
      // Same text, other URL, whitespace changed: a syndicated copy.
      const copy = { ...JABALIA, url: 'https://mirror.example.net/jabalia', text: JABALIA.text + '\n\n' };
      const byHash = await s.saveArticle(articleInputOf(copy), docOf(copy, fixtureExtractor([copy])));
      expect(byHash.status).toBe('duplicate');
      expect(byHash.articleId).toBe(first.articleId);
      expect(byHash.eventIds).toEqual(first.eventIds);
      expect((await s.stats()).articles).toBe(1);
    });

    it('answers one insert and duplicates when the same article is saved concurrently', async () => {
      const s = await open();
      const results = await Promise.all(Array.from({ length: 6 }, () => save(s, JABALIA)));
      expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'inserted']);
      expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
      const stats = await s.stats();
      expect([stats.articles, stats.reports, stats.events]).toEqual([1, 1, 1]);
    });

    it('updates an article whose URL is known but whose content changed', async () => {
      const s = await open();
      const first = await save(s, IDLIB);
      const revised: FixtureArticle = { ...IDLIB, text: IDLIB.text.replace('الأحياء السكنية', 'المنازل') };
      const doc = fixtureExtractor([revised])(inputOf(revised));
      doc.events[0].fatalities = 7;
      const r = await s.saveArticle(articleInputOf(revised), doc);
      expect(r.status).toBe('updated');
      expect(r.articleId).toBe(first.articleId);
      const stats = await s.stats();
      expect([stats.articles, stats.reports, stats.events]).toEqual([1, 1, 1]);
      const page = await s.listEvents({});
      expect(page.items.map((e) => e.fatalities)).toEqual([7]);
      expect((await s.getArticle(first.articleId))!.text).toContain('المنازل');
      // the old text is gone from the full-text index, the new one is there
      expect((await s.listEvents({ q: 'السكنية' })).items).toHaveLength(0);
      expect((await s.listEvents({ q: 'المنازل' })).items).toHaveLength(1);
    });

    it('re-extraction with replace keeps content-derived event ids and ACLED numbers', async () => {
      const s = await open();
      const first = await save(s, TAIZ);
      const before = (await s.listEvents({}, { sort: 'date' })).items.map((e) => [e.id, e.eventIdCnty]);
      const r = await s.saveArticle(articleInputOf(TAIZ), docOf(TAIZ), { replace: true });
      expect(r.status).toBe('updated');
      expect(r.eventIds).toEqual(first.eventIds);
      expect((await s.listEvents({}, { sort: 'date' })).items.map((e) => [e.id, e.eventIdCnty])).toEqual(before);
    });

    it('rolls back the whole document when a write fails midway', async () => {
      let calls = 0;
      const failing: Corroborator = {
        async assign() {
          calls++;
          if (calls === 2) throw new Error('disk on fire');
          return null;
        },
      };
      const s = await open({ corroborator: failing });
      await expect(save(s, TAIZ)).rejects.toThrow('disk on fire');
      expect(calls).toBe(2); // the first report and its event were written before the failure
      const stats = await s.stats();
      expect([stats.articles, stats.reports, stats.events]).toEqual([0, 0, 0]);
      expect((await s.listEvents({ q: 'تعز' })).items).toHaveLength(0);
      expect(await s.ingestLog()).toEqual([]);
      // And the same document saves cleanly afterwards.
      const r = await save(s, TAIZ);
      expect(r.status).toBe('inserted');
      expect(r.eventIds).toHaveLength(2);
    });

    it('refuses a corroborator that points at an unknown event, and rolls back', async () => {
      const s = await open({ corroborator: { assign: async () => 'evt_nope' } });
      const err = await save(s, IDLIB).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MarsadError);
      expect((await s.stats()).articles).toBe(0);
    });

    it('lets a corroborator merge reports into one canonical event with a fatality range', async () => {
      // Merge any report of the same sub-event type and date into the event already stored.
      const sameDay: Corroborator = {
        async assign(report, reader) {
          const page = await reader.listEvents({ subEventType: report.record.subEventType, from: report.record.date ?? undefined, to: report.record.date ?? undefined });
          return page.items[0]?.id ?? null;
        },
      };
      const s = await open({ corroborator: sameDay });
      const a = await save(s, IDLIB);
      const other: FixtureArticle = {
        ...IDLIB, url: 'https://other.example/idlib', outlet: 'Other Outlet', publishedAt: '2024-03-05',
        text: IDLIB.text.replace('الأحياء السكنية', 'مخيم للنازحين'),
      };
      const doc = fixtureExtractor([other])(inputOf(other));
      doc.events[0].fatalities = 8;
      doc.events[0].confidence = 0.7;
      const b = await s.saveArticle(articleInputOf(other), doc);
      expect(b.eventIds).toEqual(a.eventIds);
      const e = await s.getEvent(a.eventIds[0]);
      expect(e!.reportCount).toBe(2);
      // ACLED's lowest stated toll; UCDP's low, best (5 and 8 tie: the lower median) and high.
      expect([e!.fatalities, e!.fatalitiesLow, e!.fatalitiesBest, e!.fatalitiesHigh]).toEqual([5, 5, 5, 8]);
      expect(e!.conflict).toBe(true);
      expect(e!.sources.map((x) => x.outlet)).toEqual(['Other Outlet', 'Example Arabic']); // by publication date
      expect(e!.source).toBe('Other Outlet; Example Arabic');
      expect(e!.reports).toHaveLength(2);
      expect(e!.reports.map((r) => r.record.fatalities).sort()).toEqual([5, 8]);
      expect((await s.stats()).events).toBe(1);

      // A third outlet that mentions no death does not bring the toll down to 0; a fourth saying 8
      // makes 8 the toll most sources state.
      const retell = async (n: number, fatalities: number, rule: string | null) => {
        const a: FixtureArticle = { ...IDLIB, url: `https://other.example/idlib-${n}`, outlet: `Outlet ${n}`, text: `${IDLIB.text} (${n})` };
        const d = fixtureExtractor([a])(inputOf(a));
        d.events[0].fatalities = fatalities;
        if (rule) d.events[0].rules.fatalities = rule;
        else delete d.events[0].rules.fatalities;
        return (await s.saveArticle(articleInputOf(a), d)).eventIds;
      };
      expect(await retell(3, 0, 'fatalities.none-reported')).toEqual(a.eventIds);
      const silent = await s.getEvent(a.eventIds[0]);
      expect([silent!.reportCount, silent!.fatalities, silent!.fatalitiesLow, silent!.fatalitiesBest, silent!.fatalitiesHigh]).toEqual([3, 5, 5, 5, 8]);
      expect(await retell(4, 8, 'casualty.killed.digits')).toEqual(a.eventIds);
      const four = await s.getEvent(a.eventIds[0]);
      expect([four!.fatalities, four!.fatalitiesLow, four!.fatalitiesBest, four!.fatalitiesHigh, four!.conflict]).toEqual([5, 5, 8, 8, true]);
    });

    it('migrates a version 4 store: fatalities_best added, multi-report events recomputed from their reports', async () => {
      const sameDay: Corroborator = {
        async assign(report, reader) {
          return (await reader.listEvents({ subEventType: report.record.subEventType })).items[0]?.id ?? null;
        },
      };
      const s = await open({ corroborator: sameDay });
      const a = await save(s, IDLIB); // 5 killed
      await save(s, TAIZ); // two events of one report each
      const silent: FixtureArticle = { ...IDLIB, url: 'https://other.example/silent', outlet: 'Silent', text: `${IDLIB.text} ..` };
      const d = fixtureExtractor([silent])(inputOf(silent));
      d.events[0].fatalities = 0;
      d.events[0].rules.fatalities = 'fatalities.none-reported';
      await s.saveArticle(articleInputOf(silent), d);
      const before = await s.listEvents({}, { sort: 'date' });
      // `s` stays open (closing a test store drops it); a second store on the same place migrates.
      const where = s.location;
      // Back to what version 4 wrote: no fatalities_best, the lower median as fatalities, silence counted as 0.
      const downgrade = [
        'alter table events drop column fatalities_best',
        'delete from schema_migrations where version = 5',
        `update events set fatalities = 0, fatalities_low = 0, fatalities_high = 5 where id = '${a.eventIds[0]}'`,
      ];
      if (backend.name === 'sqlite') {
        const raw = new Database(where);
        for (const q of downgrade) raw.prepare(q).run();
        raw.close();
      } else {
        const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${where}` });
        await client.connect();
        for (const q of downgrade) await client.query(q);
        await client.end();
      }
      const again = backend.name === 'sqlite'
        ? await openSqliteStore({ path: where })
        : await openPostgresStore({ connectionString: PG_URL, schema: where });
      try {
        expect((await again.stats()).schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
        const e = await again.getEvent(a.eventIds[0]);
        expect([e!.reportCount, e!.fatalities, e!.fatalitiesLow, e!.fatalitiesBest, e!.fatalitiesHigh, e!.conflict]).toEqual([2, 5, 5, 5, 5, false]);
        // Events of one report: best is their toll.
        const after = (await again.listEvents({}, { sort: 'date' })).items;
        expect(after.map((x) => x.id)).toEqual(before.items.map((x) => x.id));
        for (const x of after.filter((x) => x.reportCount === 1)) expect([x.fatalitiesBest, x.fatalitiesLow, x.fatalitiesHigh]).toEqual([x.fatalities, x.fatalities, x.fatalities]);
      } finally {
        await again.close();
      }
    });

    it('records failures with their source, and successes, in the ingest log', async () => {
      const s = await open();
      await save(s, IDLIB, 'feed:example');
      await save(s, IDLIB, 'feed:example');
      await s.logFailure({ source: 'feed:broken', url: 'https://broken.example/a', code: 'FETCH_TIMEOUT', message: 'fetch timed out after 10 s' });
      const log = await s.ingestLog();
      expect(log.map((l) => [l.outcome, l.source, l.code])).toEqual([
        ['failed', 'feed:broken', 'FETCH_TIMEOUT'],
        ['duplicate', 'feed:example', 'DUPLICATE'],
        ['inserted', 'feed:example', null],
      ]);
      expect((await s.ingestLog({ outcome: 'failed' }))[0].url).toBe('https://broken.example/a');
      const stats = await s.stats();
      expect(stats).toMatchObject({ articles: 1, reports: 1, events: 1, failures: 1, schemaVersion: MIGRATIONS[MIGRATIONS.length - 1].version });
      expect(stats.lastIngestAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    });

    it('stores text holding a NUL character without shifting any offset', async () => {
      const s = await open();
      const withNul = { ...IDLIB, url: 'https://example.org/nul', text: IDLIB.text.replace('يوم الثلاثاء.', 'يوم الثلاثاء.\u0000') };
      const r = await s.saveArticle(articleInputOf(withNul), docOf(withNul, fixtureExtractor([withNul])));
      const a = await s.getArticle(r.articleId);
      expect(a!.text.length).toBe(withNul.text.length);
      const e = await s.getEvent(r.eventIds[0]);
      for (const ev of e!.reports[0].evidence) expect(a!.text.slice(ev.start, ev.end)).toBe(ev.text);
      expect(await s.getArticle('art_\u0000')).toBeNull();
    });

    it('finds a stored article by canonical URL, else by content hash', async () => {
      const s = await open();
      const r = await s.saveArticle({ ...articleInputOf(IDLIB), contentHash: 'hash-idlib' }, docOf(IDLIB));
      expect(await s.findArticle({ canonicalUrl: IDLIB.url })).toEqual({ articleId: r.articleId, by: 'url' });
      expect(await s.findArticle({ canonicalUrl: 'https://example.org/amp/idlib', url: IDLIB.url })).toEqual({ articleId: r.articleId, by: 'url' });
      expect(await s.findArticle({ canonicalUrl: 'https://example.org/other', contentHash: 'hash-idlib' })).toEqual({ articleId: r.articleId, by: 'content' });
      expect(await s.findArticle({ canonicalUrl: 'https://example.org/other', contentHash: 'hash-other' })).toBeNull();
      expect(await s.findArticle({})).toBeNull();
    });

    it('keeps each feed\'s poll validators, replaced on every poll', async () => {
      const s = await open();
      const feed = 'https://news.example/feed.xml';
      expect(await s.getFeedState(feed)).toBeNull();
      await s.setFeedState(feed, { etag: '"v1"', checkedAt: '2024-01-01T00:00:00.000Z' });
      expect(await s.getFeedState(feed)).toEqual({ etag: '"v1"', checkedAt: '2024-01-01T00:00:00.000Z' });
      await s.setFeedState(feed, { lastModified: 'Sun, 10 Mar 2019 10:00:00 GMT', checkedAt: '2024-01-02T00:00:00.000Z' });
      expect(await s.getFeedState(feed)).toEqual({ lastModified: 'Sun, 10 Mar 2019 10:00:00 GMT', checkedAt: '2024-01-02T00:00:00.000Z' });
      expect(await s.getFeedState('https://news.example/other.xml')).toBeNull();
    });

    it('reads territorial-control events by place id, oldest first, with the article of their evidence', async () => {
      const s = await open();
      await save(s, IDLIB);
      const saved = new Map<FixtureArticle, string>();
      for (const a of CONTROL_FIXTURES) saved.set(a, (await save(s, a)).articleId);
      const all = await s.controlEvents();
      expect(all.map((e) => [e.eventDate, e.placeId, e.subEventType])).toEqual([
        ['2024-01-15', 'gz:harib', 'Non-state actor overtakes territory'],
        ['2024-01-20', 'gz:saraqib', 'Non-state actor overtakes territory'],
        ['2024-02-01', 'gz:manbij', 'Non-violent transfer of territory'],
        ['2024-02-10', 'gz:saraqib', 'Government regains territory'],
      ]);
      const saraqib = await s.controlEvents('gz:saraqib');
      expect(saraqib.map((e) => e.actor1Id)).toEqual(['SYR-HTS', 'SYR-MIL']);
      expect(saraqib[0].articleId).toBe(saved.get(SARAQIB_TAKEN));
      const ev = saraqib[0].evidence.find((v) => v.field === 'actor1')!;
      expect(SARAQIB_TAKEN.text.slice(ev.start, ev.end)).toBe('هيئة تحرير الشام');
      expect((await s.controlEvents(null, { country: 'YE' })).map((e) => e.placeId)).toEqual(['gz:harib']);
      expect((await s.controlEvents('gz:saraqib', { to: '2024-01-31' })).map((e) => e.eventDate)).toEqual(['2024-01-20']);
      expect(await s.controlEvents('gz:idlib')).toEqual([]);
    });

    it('stores an article with no events and one with no URL', async () => {
      const s = await open();
      const noEvents = fixtureExtractor([])(inputOf(IDLIB));
      const r = await s.saveArticle({ source: 'cli' }, { ...noEvents, url: null });
      expect(r).toMatchObject({ status: 'inserted', eventIds: [] });
      expect((await s.getArticle(r.articleId))!.url).toBeNull();
      expect((await s.saveArticle({ source: 'cli' }, { ...noEvents, url: null })).status).toBe('duplicate');
    });
  });
}

describe('SQLite file', () => {
  it('uses WAL, foreign keys and versioned migrations applied once', async () => {
    const { sqliteBackend } = await import('./test-helpers/backends.js');
    const s = await sqliteBackend.open();
    await s.saveArticle(articleInputOf(IDLIB), docOf(IDLIB));
    const { openSqliteStore } = await import('./sqlite.js');
    // Reopening the same file applies nothing new and keeps the data.
    const again = await openSqliteStore({ path: s.location });
    expect((await again.stats()).events).toBe(1);
    await again.close();
    const raw = new Database(s.location, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('select version, name from schema_migrations order by version').all().map((r: any) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    raw.close();
    await s.close();
  });
});
