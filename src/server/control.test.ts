import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_FIXTURES, SARAQIB_REGAINED, SARAQIB_TAKEN } from '../store/test-helpers/control-fixtures.js';
import { FIXTURES, articleInputOf, docOf } from '../store/test-helpers/fixtures.js';
import { testApp, type TestApp } from './test-helpers/app.js';

interface Period {
  from: string;
  to: string | null;
  holder: { name: string; id: string | null; inter: number | null };
  previousHolder: { id: string | null } | null;
  eventId: string;
  evidence: Array<{ articleId: string; field: string; start: number; end: number; text: string }>;
}

describe('territorial control API', () => {
  let t: TestApp;
  const articleIds = new Map<string, string>();
  beforeAll(async () => {
    t = await testApp();
    for (const a of [...FIXTURES, ...CONTROL_FIXTURES]) {
      const r = await t.store.saveArticle(articleInputOf(a), docOf(a));
      articleIds.set(a.url!, r.articleId);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers a place\'s timeline: who held it when, with evidence spans into the articles', async () => {
    const res = await t.app.inject({ url: '/api/places/gz:saraqib/control' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { place: Record<string, unknown>; periods: Period[] };
    expect(body.place).toMatchObject({ id: 'gz:saraqib', name: 'Saraqib', nameAr: 'سراقب', country: 'Syria', latitude: 35.8646, longitude: 36.8051 });
    expect(body.periods.map((p) => [p.from, p.to, p.holder.id, p.holder.inter, p.previousHolder?.id])).toEqual([
      ['2024-01-20', '2024-02-10', 'SYR-HTS', 2, 'SYR-MIL'],
      ['2024-02-10', null, 'SYR-MIL', 1, 'SYR-HTS'],
    ]);
    expect(body.periods[0].eventId).toMatch(/^evt_/);
    const texts = { [articleIds.get(SARAQIB_TAKEN.url!)!]: SARAQIB_TAKEN.text, [articleIds.get(SARAQIB_REGAINED.url!)!]: SARAQIB_REGAINED.text };
    for (const p of body.periods) {
      expect(p.evidence.length).toBeGreaterThan(0);
      for (const ev of p.evidence) expect(texts[ev.articleId].slice(ev.start, ev.end)).toBe(ev.text);
    }
    expect(body.periods[1].evidence.find((v) => v.field === 'actor1')?.text).toBe('القوات الحكومية');
  });

  it('answers 404 for a place without control events', async () => {
    for (const id of ['gz:idlib', 'gz:nowhere']) {
      const res = await t.app.inject({ url: `/api/places/${id}/control` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  const at = async (query: string) => {
    const res = await t.app.inject({ url: `/api/control?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { date: string; places: Array<{ id: string; latitude: number; longitude: number; holder: { id: string }; since: string }> };
  };

  it('answers who held each place on a day, with coordinates', async () => {
    expect((await at('date=2024-01-01')).places).toEqual([]);
    const feb = await at('date=2024-02-05');
    expect(feb.date).toBe('2024-02-05');
    expect(feb.places.map((p) => [p.id, p.holder.id, p.since])).toEqual([
      ['gz:harib', 'YEM-HOUTHI', '2024-01-15'],
      ['gz:manbij', 'SYR-SDF', '2024-02-01'],
      ['gz:saraqib', 'SYR-HTS', '2024-01-20'],
    ]);
    expect(feb.places[1]).toMatchObject({ latitude: 36.5281, longitude: 37.9549, name: 'Manbij', nameAr: 'منبج' });
    expect((await at('date=2024-02-10')).places.find((p) => p.id === 'gz:saraqib')?.holder.id).toBe('SYR-MIL');
  });

  it('filters by country', async () => {
    expect((await at('date=2024-12-31&country=YE')).places.map((p) => p.id)).toEqual(['gz:harib']);
    expect((await at('date=2024-12-31&country=Syria')).places.map((p) => p.id)).toEqual(['gz:manbij', 'gz:saraqib']);
  });

  it('refuses a missing or impossible date and unknown parameters', async () => {
    for (const q of ['', 'date=2024-02-30', 'date=yesterday', 'date=2024-01-01&actor=x']) {
      const res = await t.app.inject({ url: `/api/control?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    }
  });
});
