import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { EXPORT_COLUMNS } from '../store/export/columns.js';
import { createCorroborator } from '../corroborate/index.js';
import { FIRST, NO_TOLL, TOLL_ROSE, TOLL_SEVEN, TOLL_SIX } from '../corroborate/test-helpers/reports.js';
import { createExtractor } from '../pipeline/index.js';
import { MIGRATIONS } from '../store/migrations.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { FIXTURES, IDLIB, JABALIA, TAIZ } from '../store/test-helpers/fixtures.js';
import type { EventRow, Store } from '../store/types.js';
import { eventPage, eventRow, timelineResponse } from './schemas.js';
import { auth, testApp, TOKEN, type TestApp } from './test-helpers/app.js';

const post = (t: TestApp, a: { text: string; publishedAt: string; title: string }, headers: Record<string, string> = auth) =>
  t.app.inject({ method: 'POST', url: '/api/articles', headers, payload: { text: a.text, publishedAt: a.publishedAt, title: a.title } });

function expectError(res: { statusCode: number; json(): any; headers: Record<string, unknown> }, status: number, code: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  const body = res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
}

describe('HTTP API (inject)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    for (const a of FIXTURES) expect((await post(t, a)).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/articles', () => {
    it('answers 200 duplicate when the same text comes again', async () => {
      const res = await post(t, IDLIB);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'duplicate', eventIds: [expect.stringMatching(/^evt_/)] });
    });

    it('needs a bearer token: missing or wrong → 401 with a Bearer challenge', async () => {
      const missing = await post(t, IDLIB, {});
      expectError(missing, 401, 'AUTH_REQUIRED');
      expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
      expectError(await post(t, IDLIB, { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'AUTH_REQUIRED');
      const wrong = await post(t, IDLIB, { authorization: 'Bearer wrong-token' });
      expectError(wrong, 401, 'AUTH_INVALID');
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
      expectError(await post(t, IDLIB, { authorization: `Bearer ${TOKEN}x` }), 401, 'AUTH_INVALID');
    });

    it('refuses a body over the size limit with 413', async () => {
      const small = await testApp({ config: { maxBodyBytes: 1024 } });
      try {
        const res = await small.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: 'ا'.repeat(2000) } });
        expectError(res, 413, 'PAYLOAD_TOO_LARGE');
        expect((await small.store.stats()).articles).toBe(0);
      } finally {
        await small.close();
      }
    });

    it('validates the body: exactly one of text, html or url; dates as YYYY-MM-DD', async () => {
      const bad = [
        {},
        { text: 'نص', url: 'https://example.org/a' },
        { text: '' },
        { text: 'نص', publishedAt: '05/03/2024' },
        { text: 'نص', extra: 1 },
        { url: 'ftp://example.org/a' },
      ];
      for (const payload of bad) expectError(await t.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({
        method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'application/json' }, payload: '{"text": ',
      }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({
        method: 'POST', url: '/api/articles', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'text=x',
      }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('records a failed input with its source in the ingest log', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { url: 'https://unreachable.example/x' } });
      expectError(res, 502, 'FETCH_FAILED');
      const [entry] = await t.store.ingestLog({ outcome: 'failed', limit: 1 });
      expect(entry).toMatchObject({ source: 'api', url: 'https://unreachable.example/x', code: 'FETCH_FAILED' });
    });

    it('with no token configured, writes are disabled', async () => {
      const open = await testApp({ config: { token: null } });
      try {
        expectError(await post(open, IDLIB, {}), 403, 'AUTH_DISABLED');
        expectError(await post(open, IDLIB), 403, 'AUTH_DISABLED');
      } finally {
        await open.close();
      }
    });
  });

  describe('GET /api/events', () => {
    it('lists canonical events with their sources, newest first', async () => {
      const res = await t.app.inject({ url: '/api/events' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((e: EventRow) => e.location)).toEqual(['Jabalya', "Sana'a", 'Taizz', 'Idlib']);
      expect(body).toMatchObject({ nextCursor: null, limit: 50, sort: '-date' });
      const jab = body.items[0];
      expect(jab.eventIdCnty).toMatch(/^PSE\d+$/);
      expect(jab.sources).toEqual([{ articleId: expect.stringMatching(/^art_/), url: null, outlet: null, publishedAt: '2024-04-02' }]);
      expect(jab.evidence[0]).toMatchObject({ field: 'fatalities', text: 'استشهد 12' });
      expect(jab.civilianTargeting).toBe(true);
    });

    it('applies every filter from the query string', async () => {
      const get = async (qs: string) => (await t.app.inject({ url: `/api/events?${qs}` })).json().items.map((e: EventRow) => e.location);
      expect(await get('country=YEM')).toEqual(["Sana'a", 'Taizz']);
      expect(await get('admin1=Idlib')).toEqual(['Idlib']);
      expect(await get(`eventType=${encodeURIComponent('Explosions/Remote violence')}`)).toEqual(['Jabalya', 'Idlib']);
      expect(await get('subEventType=Armed%20clash')).toEqual(['Taizz']);
      expect(await get(`actor=${encodeURIComponent('جماعه الحوثي')}`)).toEqual(['Taizz']);
      expect(await get('from=2024-03-06&to=2024-03-31')).toEqual(["Sana'a", 'Taizz']);
      expect(await get('bbox=34,31,37,37')).toEqual(['Jabalya', 'Idlib']);
      expect(await get(`q=${encodeURIComponent('مدينة ادلب')}`)).toEqual(['Idlib']);
      expect(await get('minFatalities=4')).toEqual(['Jabalya', 'Idlib']);
      expect(await get('sort=fatalities&limit=2')).toEqual(["Sana'a", 'Taizz']);
    });

    it('pages with an opaque cursor', async () => {
      const first = (await t.app.inject({ url: '/api/events?limit=3&sort=date' })).json();
      expect(first.items).toHaveLength(3);
      const second = (await t.app.inject({ url: `/api/events?limit=3&sort=date&cursor=${encodeURIComponent(first.nextCursor)}` })).json();
      expect(second.items.map((e: EventRow) => e.location)).toEqual(['Jabalya']);
      expect(second.nextCursor).toBeNull();
      expectError(await t.app.inject({ url: `/api/events?sort=-fatalities&cursor=${encodeURIComponent(first.nextCursor)}` }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({ url: '/api/events?cursor=garbage' }), 400, 'BAD_REQUEST');
    });

    it('answers 400 for a bad filter, a page over the hard limit or an unknown parameter', async () => {
      for (const qs of [
        'limit=501', 'limit=0', 'limit=ten', 'minFatalities=-1', 'minFatalities=abc', 'from=2024-13-01', 'from=2024-02-30',
        'from=yesterday', 'from=2024-03-10&to=2024-03-01', 'bbox=1,2,3', 'bbox=0,95,10,96', 'bbox=200,0,210,10', 'bbox=0,10,10,0',
        'sort=random', 'contry=Syria', `q=${'x'.repeat(501)}`,
      ]) {
        expectError(await t.app.inject({ url: `/api/events?${qs}` }), 400, 'BAD_REQUEST');
      }
    });

    it('treats SQL metacharacters and Arabic in every filter as plain values', async () => {
      const values = ["'; drop table events; --", '" or 1=1 --', '%', '_', '\\', 'سوريا', 'إدلب\'; delete from articles;--'];
      for (const v of values) {
        for (const key of ['country', 'admin1', 'eventType', 'subEventType', 'actor', 'q']) {
          const res = await t.app.inject({ url: `/api/events?${key}=${encodeURIComponent(v)}` });
          expect(res.statusCode, `${key}=${v}`).toBe(200);
          expect(res.json().items).toEqual([]);
        }
      }
      expect((await t.app.inject({ url: '/api/events' })).json().items).toHaveLength(4);
    });
  });

  describe('GET /api/events/:id', () => {
    it('returns the event with its reports, evidence offsets, excerpts and sources; by our id or ACLED id', async () => {
      const list = (await t.app.inject({ url: '/api/events?admin1=Idlib' })).json();
      const id = list.items[0].id;
      const res = await t.app.inject({ url: `/api/events/${id}` });
      expect(res.statusCode).toBe(200);
      const e = res.json();
      expect(e.reports).toHaveLength(1);
      const rep = e.reports[0];
      expect(rep.record.fatalities).toBe(5);
      for (const ev of rep.evidence) {
        expect(IDLIB.text.slice(ev.start, ev.end)).toBe(ev.text);
        expect(ev.excerpt.text).toContain(ev.text);
      }
      expect(rep.sentence.text).toBe(IDLIB.text.slice(rep.sentence.start, rep.sentence.end));
      expect(e.sources).toHaveLength(1);
      const byAcled = await t.app.inject({ url: `/api/events/${e.eventIdCnty}` });
      expect(byAcled.json().id).toBe(id);
    });

    it('answers 404 with a JSON error for an unknown id', async () => {
      expectError(await t.app.inject({ url: '/api/events/evt_0000000000000000' }), 404, 'NOT_FOUND');
      expectError(await t.app.inject({ url: `/api/events/${encodeURIComponent("x' or '1'='1")}` }), 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/articles/:id', () => {
    it('returns the text and every annotation layer', async () => {
      const e = (await t.app.inject({ url: '/api/events?country=PS' })).json().items[0];
      const res = await t.app.inject({ url: `/api/articles/${e.sources[0].articleId}` });
      expect(res.statusCode).toBe(200);
      const a = res.json();
      expect(a.text).toBe(JABALIA.text);
      expect(a.title).toBe(JABALIA.title);
      expect(a.publishedAt).toBe('2024-04-02');
      expect(Object.keys(a.layers)).toEqual(expect.arrayContaining(['tokens', 'sentences', 'numbers', 'dates', 'places', 'actors', 'triggers']));
      expect(a.reports[0].eventId).toBe(e.id);
      expect(a.reports[0].record.evidence.length).toBeGreaterThan(0);
      expect(a.contentHash).toMatch(/^sha256:/);
    });

    it('answers 404 for an unknown article', async () => {
      expectError(await t.app.inject({ url: '/api/articles/art_nope' }), 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/extract', () => {
    it('extracts without storing and without a token', async () => {
      const before = await t.store.stats();
      const res = await t.app.inject({ method: 'POST', url: '/api/extract', payload: { text: TAIZ.text, publishedAt: '2024-03-11' } });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.events).toHaveLength(2);
      expect(doc.text).toBe(TAIZ.text);
      expect(doc.layers).toBeUndefined();
      expect(await t.store.stats()).toEqual(before);
      const withLayers = await t.app.inject({ method: 'POST', url: '/api/extract?layers=true', payload: { text: TAIZ.text } });
      expect(withLayers.json().layers).toHaveProperty('tokens');
    });

    it('is size-limited and validated', async () => {
      const big = 'ب'.repeat(300 * 1024);
      expectError(await t.app.inject({ method: 'POST', url: '/api/extract', payload: { text: big } }), 413, 'PAYLOAD_TOO_LARGE');
      expectError(await t.app.inject({ method: 'POST', url: '/api/extract', payload: { url: 'https://example.org' } }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({ method: 'POST', url: '/api/extract', payload: { text: '   ' } }), 400, 'INPUT_EMPTY');
    });

    it('reports an extractor crash as EXTRACT_FAILED without leaking internals', async () => {
      const broken = await testApp({ extract: () => { throw new TypeError('secret stack detail'); } });
      try {
        const res = await broken.app.inject({ method: 'POST', url: '/api/extract', payload: { text: 'نص' } });
        expectError(res, 500, 'EXTRACT_FAILED');
      } finally {
        await broken.close();
      }
    });
  });

  describe('GET /api/stats/timeline and /api/stats', () => {
    it('counts events and fatalities per bucket and type under the filters', async () => {
      const res = await t.app.inject({ url: '/api/stats/timeline?bucket=month' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.bucket).toBe('month');
      expect(body.points).toEqual([
        { period: '2024-03-01', eventType: 'Battles', events: 1, fatalities: 3 },
        { period: '2024-03-01', eventType: 'Explosions/Remote violence', events: 1, fatalities: 5 },
        { period: '2024-03-01', eventType: 'Protests', events: 1, fatalities: 0 },
        { period: '2024-04-01', eventType: 'Explosions/Remote violence', events: 1, fatalities: 12 },
      ]);
      expect(body.totals).toEqual({ events: 4, fatalities: 20 });
      const weeks = (await t.app.inject({ url: '/api/stats/timeline?country=YE' })).json();
      expect(weeks.bucket).toBe('week');
      expect(weeks.points.map((p: { period: string }) => p.period)).toEqual(['2024-03-04', '2024-03-11']);
      expectError(await t.app.inject({ url: '/api/stats/timeline?bucket=year' }), 400, 'BAD_REQUEST');
    });

    it('answers the list and the timeline with JSON of exactly their documented schemas (made by the store, not serialized by the route)', async () => {
      // Every property a schema names is there and nothing else, down to evidence and sources.
      const keysOf = (schema: { properties: object }) => Object.keys(schema.properties).sort();
      const page = await t.app.inject({ url: '/api/events?limit=2&sort=-date' });
      expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = page.json();
      expect(Object.keys(body).sort()).toEqual(keysOf(eventPage));
      expect(body.items).toHaveLength(2);
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(keysOf(eventRow));
        for (const ev of item.evidence) expect(Object.keys(ev).sort()).toEqual(keysOf(eventRow.properties.evidence.items));
        for (const src of item.sources) expect(Object.keys(src).sort()).toEqual(keysOf(eventRow.properties.sources.items));
        expect(item.evidence.length + item.sources.length).toBeGreaterThan(1);
      }
      const tl = await t.app.inject({ url: '/api/stats/timeline?bucket=day' });
      expect(tl.headers['content-type']).toBe('application/json; charset=utf-8');
      const answer = tl.json();
      expect(Object.keys(answer).sort()).toEqual(keysOf(timelineResponse));
      for (const p of answer.points) expect(Object.keys(p).sort()).toEqual(keysOf(timelineResponse.properties.points.items));
      expect(Object.keys(answer.totals).sort()).toEqual(keysOf(timelineResponse.properties.totals));
      // And the OpenAPI document still describes both answers.
      const spec = (await t.app.inject({ url: '/openapi.json' })).json();
      expect(spec.paths['/api/events'].get.responses['200'].content['application/json'].schema.properties.items.items.$ref).toMatch(/EventRow/);
      expect(Object.keys(spec.paths['/api/stats/timeline'].get.responses['200'].content['application/json'].schema.properties).sort())
        .toEqual(keysOf(timelineResponse));
    });

    it('gives store counts', async () => {
      const s = (await t.app.inject({ url: '/api/stats' })).json();
      // The schema version is the last migration's, whatever later issues add.
      expect(s).toMatchObject({ articles: 3, reports: 4, events: 4, schemaVersion: MIGRATIONS[MIGRATIONS.length - 1].version });
    });
  });

  describe('GET /api/export', () => {
    it('streams CSV with ACLED columns under the filters', async () => {
      const res = await t.app.inject({ url: '/api/export?format=csv&country=YE' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="marsad-events.csv"');
      const rows = parse(res.body, { columns: true }) as Record<string, string>[];
      expect(Object.keys(rows[0])).toEqual([...EXPORT_COLUMNS]);
      expect(rows.map((r) => r.location)).toEqual(['Taizz', "Sana'a"]);
      expect(rows[0].event_id_cnty).toMatch(/^YEM\d+$/);
    });

    it('streams GeoJSON and JSON Lines', async () => {
      const geo = await t.app.inject({ url: '/api/export?format=geojson' });
      expect(geo.headers['content-type']).toBe('application/geo+json');
      expect(geo.json().features).toHaveLength(3);
      const jl = await t.app.inject({ url: '/api/export?format=jsonl&minFatalities=1' });
      expect(jl.headers['content-type']).toBe('application/x-ndjson');
      const lines = jl.body.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((e) => e.location)).toEqual(['Idlib', 'Taizz', 'Jabalya']);
      expect(lines[0].sources).toHaveLength(1);
    });

    it('validates format and filters before streaming', async () => {
      expectError(await t.app.inject({ url: '/api/export' }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({ url: '/api/export?format=xlsx' }), 400, 'BAD_REQUEST');
      expectError(await t.app.inject({ url: '/api/export?format=csv&from=2024-99-01' }), 400, 'BAD_REQUEST');
    });
  });

  describe('OpenAPI and docs', () => {
    it('serves /openapi.json describing every route, with bearer security on writes', async () => {
      const res = await t.app.inject({ url: '/openapi.json' });
      expect(res.statusCode).toBe(200);
      const spec = res.json();
      expect(spec.openapi).toBe('3.1.0');
      expect(Object.keys(spec.paths).sort()).toEqual([
        '/api/articles', '/api/articles/{id}', '/api/control', '/api/events', '/api/events/{id}', '/api/export', '/api/extract', '/api/facets',
        '/api/map', '/api/map/leaves', '/api/places/{id}/control', '/api/stats', '/api/stats/timeline', '/api/status',
      ]);
      expect(spec.paths['/api/articles'].post.security).toEqual([{ bearer: [] }]);
      expect(spec.components.securitySchemes.bearer.scheme).toBe('bearer');
      const params = spec.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(expect.arrayContaining(['country', 'bbox', 'q', 'cursor', 'limit', 'sort']));
    });

    it('serves the human-readable page at /docs from bundled assets', async () => {
      const res = await t.app.inject({ url: '/docs' });
      const page = res.statusCode === 302 ? await t.app.inject({ url: String(res.headers.location) }) : res;
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toMatch(/swagger/i);
      const js = await t.app.inject({ url: '/docs/static/swagger-ui-bundle.js' });
      expect(js.statusCode).toBe(200);
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    expectError(await t.app.inject({ url: '/api/nothing' }), 404, 'NOT_FOUND');
  });
});

describe('HTTP API over corroborated events (SAMPLE articles, real extractor)', () => {
  let t: TestApp;
  const told = [FIRST, TOLL_SEVEN, TOLL_SIX, NO_TOLL, TOLL_ROSE];
  beforeAll(async () => {
    const extract = createExtractor();
    t = await testApp({ store: await sqliteBackend.open({ corroborator: createCorroborator() }) });
    for (const s of told) {
      const doc = extract({ id: s.key, text: s.text, url: `https://sample.example/${s.key}`, publishedAt: s.publishedAt });
      await t.store.saveArticle({ source: 'test', url: `https://sample.example/${s.key}`, outlet: s.outlet }, doc);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists one canonical event with its five sources and the tolls as ACLED and UCDP give them', async () => {
    const page = (await t.app.inject({ url: '/api/events' })).json();
    expect(page.items).toHaveLength(1);
    const e = page.items[0];
    expect([e.fatalities, e.fatalitiesLow, e.fatalitiesBest, e.fatalitiesHigh, e.conflict, e.reportCount]).toEqual([5, 5, 6, 7, true, 5]);
    expect(e.sources).toHaveLength(5);
    for (const src of e.sources) expect(Object.keys(src).sort()).toEqual(['articleId', 'outlet', 'publishedAt', 'url']);
    // The extractor's spans carry token offsets, cues and gazetteer fields; the page gives the documented ones only.
    expect(e.evidence.length).toBeGreaterThan(2);
    for (const ev of e.evidence) expect(Object.keys(ev).sort()).toEqual(['end', 'field', 'ruleId', 'start', 'text']);
  });

  it('gives every report, with its own outlet and figures, in one request', async () => {
    const id = (await t.app.inject({ url: '/api/events' })).json().items[0].id;
    const res = await t.app.inject({ url: `/api/events/${id}` });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    const byOutlet = Object.fromEntries(e.reports.map((r: any) => [r.article.url, [r.article.outlet, r.article.publishedAt, r.record.fatalities, r.record.rules.fatalities]]));
    expect(byOutlet).toEqual({
      'https://sample.example/first': ['وكالة العينة', '2024-03-12', 5, 'casualties.killed.word-number'],
      'https://sample.example/seven': ['شبكة المثال', '2024-03-13', 7, 'casualties.killed.word-number'],
      'https://sample.example/six': ['موقع النموذج', '2024-03-13', 6, 'casualties.killed.word-number'],
      'https://sample.example/no-toll': ['وكالة الأمثلة', '2024-03-12', 0, 'fatalities.none-reported'],
      'https://sample.example/toll-rose': ['شبكة المثال', '2024-03-13', null, 'fatalities.unquantified'],
    });
  });

  it('exports the figures and the sources in CSV and GeoJSON', async () => {
    const csv = parse((await t.app.inject({ url: '/api/export?format=csv' })).body, { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(1);
    expect([csv[0].fatalities, csv[0].fatalities_low, csv[0].fatalities_best, csv[0].fatalities_high]).toEqual(['5', '5', '6', '7']);
    expect(JSON.parse(csv[0].sources).map((s: { outlet: string }) => s.outlet).sort()).toEqual(told.map((s) => s.outlet).sort());
    const geo = (await t.app.inject({ url: '/api/export?format=geojson' })).json();
    expect(geo.features[0].properties).toMatchObject({ fatalities: 5, fatalities_low: 5, fatalities_best: 6, fatalities_high: 7 });
    expect(JSON.parse(geo.features[0].properties.sources)).toHaveLength(5);
  });
});

describe('HTTP API failures inside the store', () => {
  it('answers 500 INTERNAL without leaking the cause', async () => {
    const failing = {
      listEvents: async () => { throw new Error('SQLITE_CORRUPT: secret path /var/lib/x'); },
      close: async () => {},
    } as unknown as Store;
    const t = await testApp({ store: failing });
    try {
      const res = await t.app.inject({ url: '/api/events' });
      expectError(res, 500, 'INTERNAL');
      expect(res.body).not.toContain('secret');
    } finally {
      await t.close();
    }
  });
});
