// The corroborator on SAMPLE news-style Arabic written for these tests (test-helpers/reports.ts):
// one air strike on Kafr Nabl told by ten outlets in other numbers, words, places and publication
// dates, and look-alikes that are other events. Read by the real extractor, saved through a real
// SQLite store (and PostgreSQL where reachable) with the corroborator.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarsadDocument } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
import { backends, sqliteBackend, type Backend } from '../store/test-helpers/backends.js';
import type { Store } from '../store/types.js';
import { createCorroborator } from './corroborator.js';
import { factsOfRecord, matchReports, type MatchResult } from './match.js';
import {
  AS_SHELLING, DISTRICT_ONLY, FIRST, KAFR_NABL_STRIKE, LOOK_ALIKES, NEIGHBOURING_TOWN, NEXT_VILLAGE, NO_TOLL, OTHER_TOWN, PROTEST,
  SAME_STRIKE, TOLD_THRICE, TOLL_ROSE, TOLL_SEVEN, TOLL_SIX, TWO_DAYS_EARLIER, TWO_DAYS_LATER, UNDATED, type SampleReport,
} from './test-helpers/reports.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const open: Array<Store & { close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** Every decision the corroborator took, by report id. */
type Decisions = Map<string, { eventId: string | null; result: MatchResult | null }>;

async function storeWithCorroborator(backend: Backend = sqliteBackend) {
  const decisions: Decisions = new Map();
  const s = await backend.open({ corroborator: createCorroborator({ onDecision: (d) => decisions.set(d.reportId, d) }) });
  open.push(s);
  return Object.assign(s, { decisions });
}

const docs = new Map<string, MarsadDocument>();
function docOf(s: SampleReport): MarsadDocument {
  let d = docs.get(s.text);
  if (!d) docs.set(s.text, (d = extract({ id: s.key, text: s.text, url: `https://sample.example/${s.key}`, publishedAt: s.publishedAt })));
  return d;
}

function save(store: Store, s: SampleReport, opts?: { replace?: boolean }) {
  return store.saveArticle({ source: 'test', url: `https://sample.example/${s.key}`, outlet: s.outlet }, docOf(s), opts);
}

/** matchReports between the single events two samples are read as. */
function match(a: SampleReport, b: SampleReport): MatchResult {
  const [x, y] = [docOf(a), docOf(b)];
  return matchReports(factsOfRecord(x.events[0], x.publishedAt), factsOfRecord(y.events[0], y.publishedAt));
}
const rules = (r: MatchResult | null | undefined) => r?.reasons.map((x) => x.rule) ?? [];

describe('the test set as the extractor reads it', () => {
  it('reads every sample as one event, at its town or district, the headline and the repeated toll included', () => {
    const expected: Record<string, [string, string]> = {
      district: ['Air/drone strike', "Ma'arrat an Nu'man (countryside)"],
      shelling: ['Shelling/artillery/missile attack', 'Kafr Nabl'],
      hass: ['Air/drone strike', 'Hassef'],
      saraqib: ['Air/drone strike', 'Saraqib'],
      maarat: ['Air/drone strike', "Ma'arrat an Nu'man"],
      protest: ['Peaceful protest', 'Kafr Nabl'],
    };
    for (const s of [...SAME_STRIKE, DISTRICT_ONLY, ...LOOK_ALIKES]) {
      const doc = docOf(s);
      expect(s.sample).toBe(true);
      expect(doc.events.map((e) => [e.subEventType, e.location?.name]), s.key).toEqual([expected[s.key] ?? ['Air/drone strike', 'Kafr Nabl']]);
    }
    // Tolls as each outlet states them; none or no number for two of them.
    expect([...SAME_STRIKE, DISTRICT_ONLY].map((s) => [s.key, docOf(s).events[0].fatalities])).toEqual([
      ['first', 5], ['seven', 7], ['six', 6], ['shelling', 6], ['hass', 5], ['undated', 5], ['no-toll', 0], ['toll-rose', null], ['thrice', 5], ['district', 6],
    ]);
  });
});

describe('one event told differently joins one canonical event', () => {
  // For each way of telling it differently, the rule that shows the difference was weighed.
  const cases: Array<[SampleReport, string]> = [
    [TOLL_SEVEN, 'date.same-day'], // "yesterday" in a later publication; FIRST's headline takes its lead's day (اليوم الثلاثاء)
    [TOLL_SIX, 'place.same-gazetteer-id'],
    [AS_SHELLING, 'type.compatible'],
    [NEXT_VILLAGE, 'place.within-5km'],
    [DISTRICT_ONLY, 'place.near-low-precision'], // a district 10 km away, its region the same
    [UNDATED, 'figures.same-fatalities'],
    [NO_TOLL, 'type.same'],
    [TOLL_ROSE, 'type.same'],
    [TOLD_THRICE, 'figures.same-fatalities'],
  ];
  for (const [s, rule] of cases) {
    it(`${s.key}: joins the first report's event (${rule})`, async () => {
      const store = await storeWithCorroborator();
      const a = await save(store, FIRST);
      const b = await save(store, s);
      expect(b.eventIds).toEqual(a.eventIds);
      const [reportId] = (await store.getArticle(b.articleId))!.reports.map((r) => r.id);
      const d = store.decisions.get(reportId)!;
      expect(d.eventId).toBe(a.eventIds[0]);
      expect(rules(d.result)).toContain(rule);
    });
  }
});

describe('look-alikes stay events of their own', () => {
  const cases: Array<[SampleReport, string]> = [
    // FIRST's lead gives Tuesday: Thursday's strike is after it, Sunday's too long before.
    [TWO_DAYS_LATER, 'date.too-far'],
    [TWO_DAYS_EARLIER, 'date.too-far'], // the same town, toll and words, two days before
    [OTHER_TOWN, 'place.too-far'],
    [NEIGHBOURING_TOWN, 'place.too-far'], // the same day and toll, 10 km away
    [PROTEST, 'type.incompatible'],
  ];
  for (const [s, veto] of cases) {
    it(`${s.key}: vetoed by ${veto}, stored apart from every telling of the strike`, async () => {
      for (const t of SAME_STRIKE) expect(match(s, t).same, `${s.key} / ${t.key}`).toBe(false);
      expect(match(s, FIRST).veto).toBe(veto);
      // Against a report that gives the day (Tuesday), the day decides.
      if (veto.startsWith('date.')) expect(match(s, TOLL_SEVEN).veto).toBe('date.too-far');
      const store = await storeWithCorroborator();
      const a = await save(store, FIRST);
      const b = await save(store, s);
      expect(b.eventIds).toHaveLength(1);
      expect(b.eventIds).not.toEqual(a.eventIds);
    });
  }
});

/** The articles (by sample key) of each canonical event, as a sorted list of sorted groups. */
async function partition(store: Store, keys: Map<string, string>): Promise<string[][]> {
  const groups: string[][] = [];
  for (const e of (await store.listEvents({}, { limit: 500 })).items) groups.push(e.sources.map((s) => keys.get(s.articleId)!).sort());
  return groups.sort((x, y) => x.join().localeCompare(y.join()));
}

for (const backend of await backends()) {
  describe.skipIf(!backend.available)(`the corroborator in the store (${backend.name})`, () => {
    // Look-alikes first, so every telling of the strike must find its event among them.
    const ORDER = [TWO_DAYS_EARLIER, NEIGHBOURING_TOWN, FIRST, PROTEST, TOLL_SEVEN, OTHER_TOWN, TOLL_SIX, TWO_DAYS_LATER,
      AS_SHELLING, NEXT_VILLAGE, UNDATED, NO_TOLL, TOLL_ROSE, TOLD_THRICE];

    it('joins every telling of the strike into one event, incrementally, with every source and UCDP-style figures', async () => {
      const store = await storeWithCorroborator(backend);
      const keys = new Map<string, string>();
      let strike: string | null = null;
      for (const s of ORDER) {
        const r = await save(store, s);
        keys.set(r.articleId, s.key);
        expect(r.eventIds, s.key).toHaveLength(1);
        if (!SAME_STRIKE.includes(s)) continue;
        // Each new article joins the event stored before it.
        strike ??= r.eventIds[0];
        expect(r.eventIds[0], s.key).toBe(strike);
      }
      expect(await partition(store, keys)).toEqual([
        ['earlier'], ['first', 'hass', 'no-toll', 'seven', 'shelling', 'six', 'thrice', 'toll-rose', 'undated'].sort(), ['later'],
        ['maarat'], ['protest'], ['saraqib'],
      ].sort((x, y) => x.join().localeCompare(y.join())));

      const e = (await store.getEvent(strike!))!;
      expect([e.location, e.eventDate, e.subEventType]).toEqual([KAFR_NABL_STRIKE.location, KAFR_NABL_STRIKE.date, KAFR_NABL_STRIKE.subEventType]);
      expect(e.reportCount).toBe(9);
      // Stated tolls 5, 7, 6, 6, 5, 5, 5 (silence and "deaths, no number" state none): ACLED's lowest,
      // UCDP's low, best (the toll most outlets give) and high; the sources disagree.
      expect([e.fatalities, e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh, e.conflict]).toEqual([5, 5, 5, 7, true]);
      // Every report one request away, each with its own outlet, date and toll.
      expect(e.reports.map((r) => [r.article.outlet, r.article.publishedAt, r.record.fatalities, r.record.rules.fatalities ?? null])
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))))
        .toEqual(SAME_STRIKE.map((s) => [s.outlet, s.publishedAt, docOf(s).events[0].fatalities, docOf(s).events[0].rules.fatalities ?? null])
          .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
      // Sources: every article, by publication date, as {articleId, url, outlet, publishedAt}.
      expect(e.sources).toHaveLength(9);
      expect(e.sources.map((s) => s.publishedAt)).toEqual([...e.sources.map((s) => s.publishedAt)].sort());
      for (const src of e.sources) {
        const s = SAME_STRIKE.find((x) => x.key === keys.get(src.articleId))!;
        expect(src).toEqual({ articleId: src.articleId, url: `https://sample.example/${s.key}`, outlet: s.outlet, publishedAt: s.publishedAt });
      }
      expect(await store.stats()).toMatchObject({ articles: 14, reports: 14, events: 6 });
    });

    it('gives the same canonical ids on a re-run in the same order, and the same events in another order', async () => {
      const run = async (order: readonly SampleReport[]) => {
        const store = await storeWithCorroborator(backend);
        const keys = new Map<string, string>();
        for (const s of order) keys.set((await save(store, s)).articleId, s.key);
        const ids = (await store.listEvents({}, { sort: 'date', limit: 500 })).items.map((e) => [e.id, e.eventIdCnty, e.reportCount]);
        return { ids, groups: await partition(store, keys), store };
      };
      const first = await run(ORDER);
      const again = await run(ORDER);
      expect(again.ids).toEqual(first.ids);
      expect(first.ids).toHaveLength(6);
      expect((await run([...ORDER].reverse())).groups).toEqual(first.groups);

      // Re-reading every article into the same store (a newer extractor: replace) keeps every id.
      for (const s of ORDER) await save(first.store, s, { replace: true });
      expect((await first.store.listEvents({}, { sort: 'date', limit: 500 })).items.map((e) => [e.id, e.eventIdCnty, e.reportCount])).toEqual(first.ids);
    });

    it('keeps a re-read article a duplicate, and an updated article in its event with its new toll', async () => {
      const store = await storeWithCorroborator(backend);
      const a = await save(store, FIRST);
      await save(store, TOLL_SEVEN);
      expect((await save(store, TOLL_SEVEN)).status).toBe('duplicate');
      const updated = await save(store, { ...TOLL_SEVEN, text: TOLL_SEVEN.text.replace('سبعة', 'ثمانية') });
      expect(updated.status).toBe('updated');
      expect(updated.eventIds).toEqual(a.eventIds);
      const e = await store.getEvent(a.eventIds[0]);
      expect([e!.reportCount, e!.fatalities, e!.fatalitiesLow, e!.fatalitiesBest, e!.fatalitiesHigh]).toEqual([2, 5, 5, 5, 8]);
    });

    it('serves sources in the JSON Lines export', async () => {
      const store = await storeWithCorroborator(backend);
      await save(store, FIRST);
      await save(store, TOLL_SIX);
      const rows = [];
      for await (const e of store.exportEvents({})) rows.push(JSON.parse(JSON.stringify(e)));
      expect(rows).toHaveLength(1);
      expect(rows[0].sources.map((s: { outlet: string }) => s.outlet)).toEqual(['وكالة العينة', 'موقع النموذج']);
      expect([rows[0].fatalities, rows[0].fatalitiesLow, rows[0].fatalitiesBest, rows[0].fatalitiesHigh, rows[0].conflict]).toEqual([5, 5, 5, 6, true]);
    });
  });
}
