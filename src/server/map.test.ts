import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_OUTLET } from '../samples/index.js';
import { articleInputOf, docOf, synthetic } from '../store/test-helpers/fixtures.js';
import { EVENT_TYPES } from './map/cluster.js';
import { filterKey } from './map/point-sets.js';
import { CONTENT_SECURITY_POLICY } from './routes/dashboard.js';
import { fillDashboardStore } from './test-helpers/dashboard-fixtures.js';
import { testApp, type TestApp } from './test-helpers/app.js';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown> & { cluster: boolean };
}

describe('map and facets API', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'marsad-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>marsad test page</title>');
    writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await testApp({ config: { webRoot: web } });
    await fillDashboardStore(t.store);
    // 60 events around Aleppo: enough to cluster at low zoom and to split at high zoom.
    for (const a of synthetic(60)) await t.store.saveArticle(articleInputOf(a), docOf(a));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  const getMap = async (query: string) => {
    const res = await t.app.inject({ url: `/api/map?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; located: number; samples: number; maxZoom: number; features: Feature[] };
  };

  it('clusters every located event at a low zoom and counts the unlocated ones in total', async () => {
    const m = await getMap('zoom=2');
    // 4 fixture articles give 5 events (one without coordinates), plus 60 synthetic.
    expect(m.total).toBe(65);
    expect(m.located).toBe(64);
    let count = 0;
    for (const f of m.features) {
      if (f.properties.cluster) {
        const types = f.properties.types as number[];
        expect(types).toHaveLength(EVENT_TYPES.length + 1);
        // The per-type counts of a cluster add up to its size (no event counted twice).
        expect(types.reduce((a, b) => a + b, 0)).toBe(f.properties.count);
        count += f.properties.count as number;
      } else {
        count += 1;
      }
    }
    expect(count).toBe(64);
    expect(m.features.some((f) => f.properties.cluster)).toBe(true);
  });

  it('answers single events with their id, type and fatalities when zoomed in, inside the viewport only', async () => {
    const m = await getMap('zoom=15&bbox=36.5,35.8,36.7,36.0');
    expect(m.features).toHaveLength(1);
    const p = m.features[0].properties;
    expect(p).toMatchObject({ cluster: false, eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', fatalities: 5, date: '2024-03-05', locationAr: 'إدلب', sample: false });
    expect(String(p.id)).toMatch(/^evt_/);
    expect(m.features[0].geometry.coordinates).toEqual([36.6339, 35.9306]);
  });

  it('filters what it clusters by the same filters as /api/events', async () => {
    const battles = await getMap('zoom=2&eventType=Battles');
    const list = (await t.app.inject({ url: '/api/events?eventType=Battles&limit=500' })).json() as { items: unknown[] };
    expect(battles.total).toBe(list.items.length);
    const dated = await getMap('zoom=2&from=2024-03-01&to=2024-03-31');
    expect(dated.total).toBeLessThan(65);
    expect(dated.total).toBeGreaterThan(0);
    expect((await getMap('zoom=2&country=YE')).total).toBe(2);
  });

  it('lists the events of a cluster, and 404s a cluster id it does not know', async () => {
    const m = await getMap('zoom=3');
    const c = m.features.find((f) => f.properties.cluster)!;
    const res = await t.app.inject({ url: `/api/map/leaves?cluster=${c.properties.clusterId}&limit=500` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(c.properties.count as number);
    expect((await t.app.inject({ url: '/api/map/leaves?cluster=999999999' })).json().error.code).toBe('NOT_FOUND');
  });

  it('rejects a bad viewport, zoom or unknown parameter with BAD_REQUEST', async () => {
    for (const q of ['bbox=1,2,3', 'zoom=99', 'zoom=abc', 'colour=red', 'bbox=0,50,10,40']) {
      const res = await t.app.inject({ url: `/api/map?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    }
  });

  it('gives the filter lists with counts: countries, types with sub-types, actors, date range', async () => {
    const f = (await t.app.inject({ url: '/api/facets' })).json();
    expect(f.total).toBe(65);
    expect(f.samples).toBe(0);
    expect(f.dates).toEqual({ min: '2024-01-01', max: '2024-05-19' });
    expect(f.countries[0]).toEqual({ name: 'Syria', iso3: 'SYR', count: 62 });
    const vac = f.eventTypes.find((e: { name: string }) => e.name === 'Violence against civilians');
    expect(vac.subEventTypes).toEqual([{ name: 'Attack', count: vac.count }]);
    expect(f.actors.find((a: { id: string }) => a.id === 'YEM-HOUTHI')).toMatchObject({ name: 'Houthis (Ansar Allah)', nameAr: 'جماعة الحوثي', count: 1 });
  });

  it('sees new events at once: the cached clusters are dropped when the data changes', async () => {
    const before = await getMap('zoom=2');
    const [extra] = synthetic(61).slice(60);
    await t.store.saveArticle({ ...articleInputOf(extra), outlet: SAMPLE_OUTLET, source: 'sample' }, docOf(extra));
    // The data version is trusted for one second.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await getMap('zoom=2');
    expect(after.total).toBe(before.total + 1);
    expect(after.samples).toBe(1);
  });

  it('keys the cache by filter whatever the order of its keys', () => {
    expect(filterKey({ country: 'SY', eventType: 'Battles' })).toBe(filterKey({ eventType: 'Battles', country: 'SY', q: undefined }));
  });
});

describe('dashboard pages', () => {
  let t: TestApp;
  let web: string;
  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'marsad-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>marsad test page</title>');
    writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await testApp({ config: { webRoot: web } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves the app page on its own routes, with a content security policy', async () => {
    for (const url of ['/', '/event/evt_123', '/article/art_9?lang=en&country=SY']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('marsad test page');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves built assets as immutable files', async () => {
    const res = await t.app.inject({ url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/immutable/);
    expect(res.body).toBe('console.log(1)');
  });

  it('keeps unknown paths, API or not, a JSON 404', async () => {
    for (const url of ['/api/nothing', '/nothing', '/assets/missing.js', '/event/a/b']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('explains how to build the dashboard when it is not built', async () => {
    const bare = await testApp({ config: { webRoot: join(web, 'missing') } });
    try {
      const res = await bare.app.inject({ url: '/' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});

