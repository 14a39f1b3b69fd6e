import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { backends } from './test-helpers/backends.js';
import { articleInputOf, docOf, IDLIB, synthetic } from './test-helpers/fixtures.js';
import { SORTS, type EventRow, type EventSort, type Store } from './types.js';

const all = await backends();
const N = 37;

function expectedOrder(rows: EventRow[], sort: EventSort): string[] {
  const key = (e: EventRow): string | number =>
    sort.endsWith('date') ? e.eventDate ?? '' : sort.endsWith('fatalities') ? e.fatalities ?? -1 : e.confidence;
  const dir = sort.startsWith('-') ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
      return (a.id < b.id ? -1 : 1) * dir;
    })
    .map((e) => e.id);
}

for (const backend of all) {
  describe.skipIf(!backend.available)(`paging, timeline and export (${backend.name})`, () => {
    let s: Store & { location: string };
    const articles = synthetic(N);
    beforeAll(async () => {
      s = await backend.open();
      for (const a of articles) await s.saveArticle(articleInputOf(a), docOf(a));
    });
    afterAll(async () => {
      await s?.close();
    });

    const everything = async () => {
      const rows: EventRow[] = [];
      for await (const e of s.exportEvents({})) rows.push(e);
      return rows;
    };

    it('cursor pages cover every row exactly once, in sort order, for every sort', async () => {
      const rows = await everything();
      expect(rows).toHaveLength(N);
      for (const sort of SORTS) {
        for (const limit of [1, 5, 36, 37, 50]) {
          const seen: string[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const page: Awaited<ReturnType<Store['listEvents']>> = await s.listEvents({}, { sort, limit, cursor });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items.map((e) => e.id));
            cursor = page.nextCursor;
            pages++;
          } while (cursor && pages < 100);
          expect(seen, `${sort} limit ${limit}`).toEqual(expectedOrder(rows, sort));
        }
      }
    });

    it('pages under a filter and clamps the page size to the hard maximum', async () => {
      const first = await s.listEvents({ eventType: 'Battles' }, { limit: 4 });
      const second = await s.listEvents({ eventType: 'Battles' }, { limit: 4, cursor: first.nextCursor });
      const ids = [...first.items, ...second.items].map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...first.items, ...second.items].every((e) => e.eventType === 'Battles')).toBe(true);
      expect((await s.listEvents({}, { limit: 100_000 })).limit).toBe(500);
      expect((await s.listEvents({})).limit).toBe(50);
    });

    it('rejects a forged cursor or one from another sort', async () => {
      const page = await s.listEvents({}, { sort: '-date', limit: 2 });
      await expect(s.listEvents({}, { sort: 'fatalities', cursor: page.nextCursor })).rejects.toBeInstanceOf(MarsadError);
      await expect(s.listEvents({}, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const forged = Buffer.from(JSON.stringify(['-date', 5, 'x'])).toString('base64url');
      await expect(s.listEvents({}, { cursor: forged })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('timeline sums events and fatalities of dated events by day, week and month', async () => {
      const rows = await everything();
      const dated = rows.filter((e) => e.eventDate !== null);
      const deaths = dated.reduce((n, e) => n + (e.fatalities ?? 0), 0);
      for (const bucket of ['day', 'week', 'month'] as const) {
        const points = await s.timeline({}, bucket);
        expect(points.reduce((n, p) => n + p.events, 0)).toBe(dated.length);
        expect(points.reduce((n, p) => n + p.fatalities, 0)).toBe(deaths);
        for (const p of points) expect(p.period).toMatch(/^\d{4}-\d\d-\d\d$/);
        if (bucket === 'week') for (const p of points) expect(new Date(p.period + 'T00:00:00Z').getUTCDay()).toBe(1);
        if (bucket === 'month') for (const p of points) expect(p.period.endsWith('-01')).toBe(true);
      }
      const months = await s.timeline({ eventType: 'Battles' }, 'month');
      const battles = dated.filter((e) => e.eventType === 'Battles');
      expect(months.every((p) => p.eventType === 'Battles')).toBe(true);
      expect(months.reduce((n, p) => n + p.events, 0)).toBe(battles.length);
      for (const p of months) {
        const inMonth = battles.filter((e) => e.eventDate!.slice(0, 7) === p.period.slice(0, 7));
        expect(p.events).toBe(inMonth.length);
        expect(p.fatalities).toBe(inMonth.reduce((n, e) => n + (e.fatalities ?? 0), 0));
      }
    });

    it('exports oldest first under a filter', async () => {
      const rows: EventRow[] = [];
      for await (const e of s.exportEvents({ eventType: 'Violence against civilians' })) rows.push(e);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((e) => e.eventType === 'Violence against civilians')).toBe(true);
      expect(rows.map((e) => e.id)).toEqual(expectedOrder(rows, 'date'));
      expect(rows[0].sources).toHaveLength(1);
    });

    it('serves other requests and writes while an export is open, and releases it when abandoned', async () => {
      let n = 0;
      for await (const _ of s.exportEvents({})) {
        n++;
        if (n === 3) {
          expect((await s.listEvents({}, { limit: 1 })).items).toHaveLength(1);
          await s.saveArticle(articleInputOf(IDLIB), docOf(IDLIB));
        }
        if (n === 10) break;
      }
      expect(n).toBe(10);
      expect((await s.stats()).events).toBe(N + 1);
    });
  });
}
