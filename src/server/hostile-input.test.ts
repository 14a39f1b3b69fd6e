// The API against hostile clients: every write route without a token or with a wrong one, bodies over
// the limit sent over a real socket (declared and streamed), and SQL metacharacters, Arabic, bidi
// controls and NUL in every text filter of every read route that takes filters.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../store/test-helpers/fixtures.js';
import { listen } from './listen.js';
import { auth, testApp, TOKEN, type TestApp } from './test-helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { maxBodyBytes: 64 * 1024, maxExtractBytes: 16 * 1024 } });
  for (const a of FIXTURES) {
    const res = await t.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: a.text, publishedAt: a.publishedAt, title: a.title } });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

async function writeRoutes(): Promise<{ method: string; path: string; secured: boolean }[]> {
  const spec = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).filter(([m]) => WRITE_METHODS.includes(m)).map(([m, op]) => ({ method: m.toUpperCase(), path, secured: !!op.security?.length })));
}

describe('write routes', () => {
  it('are the two known ones: articles (token) and extract (no token, stores nothing)', async () => {
    // A new write route must be added here on purpose, with its token decided.
    expect(await writeRoutes()).toEqual([
      { method: 'POST', path: '/api/articles', secured: true },
      { method: 'POST', path: '/api/extract', secured: false },
    ]);
    const before = await t.store.stats();
    const res = await t.app.inject({ method: 'POST', url: '/api/extract', payload: { text: FIXTURES[0].text } });
    expect(res.statusCode).toBe(200);
    expect(await t.store.stats()).toEqual(before);
  });

  it('answer 401 with a stable code to no token, a wrong one, or a malformed header, and store nothing', async () => {
    const before = await t.store.stats();
    const payload = { text: 'قتل ثلاثة أشخاص في قصف على مدينة حلب أمس.' };
    const cases: [Record<string, string>, string][] = [
      [{}, 'AUTH_REQUIRED'],
      [{ authorization: '' }, 'AUTH_REQUIRED'],
      [{ authorization: 'Bearer' }, 'AUTH_REQUIRED'],
      [{ authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }, 'AUTH_REQUIRED'],
      [{ authorization: `Bearer ${TOKEN} extra` }, 'AUTH_REQUIRED'],
      [{ authorization: 'Bearer wrong' }, 'AUTH_INVALID'],
      [{ authorization: `Bearer ${TOKEN.toUpperCase()}` }, 'AUTH_INVALID'],
      [{ authorization: `Bearer ${TOKEN.slice(0, -1)}` }, 'AUTH_INVALID'],
      [{ authorization: `Bearer ${TOKEN}${TOKEN}` }, 'AUTH_INVALID'],
      [{ authorization: "Bearer '||1=1--" }, 'AUTH_INVALID'],
      [{ authorization: "Bearer ' or 1=1 --" }, 'AUTH_REQUIRED'], // spaces: not one token
    ];
    for (const route of (await writeRoutes()).filter((r) => r.secured)) {
      for (const [headers, code] of cases) {
        const res = await t.app.inject({ method: route.method as 'POST', url: route.path, headers, payload });
        expect(res.statusCode, `${route.path} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.json().error.code).toBe(code);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="marsad"/);
      }
    }
    expect(await t.store.stats()).toEqual(before);
  });
});

describe('oversized bodies over a real socket', () => {
  let base: URL;
  let served: TestApp;
  beforeAll(async () => {
    served = await testApp({ config: { maxBodyBytes: 64 * 1024, maxExtractBytes: 16 * 1024 } });
    base = new URL(await listen(served.app, { host: '127.0.0.1', port: 0 }));
  });
  afterAll(async () => {
    await served?.close();
  });

  /** POST a JSON body of about `bytes`, declared with content-length or streamed in chunks without it. */
  function post(path: string, bytes: number, headers: Record<string, string>, chunked: boolean): Promise<{ status: number; body: any }> {
    const body = Buffer.from(JSON.stringify({ text: 'ق'.repeat(Math.ceil(bytes / 2)) }));
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...(chunked ? {} : { 'content-length': String(body.length) }) },
      }, (res) => {
        let data = '';
        res.setEncoding('utf8').on('data', (d: string) => (data += d)).on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }));
      });
      // the server may answer and close before the whole body is sent
      req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
      if (chunked) {
        for (let k = 0; k < body.length; k += 8192) req.write(body.subarray(k, k + 8192));
        req.end();
      } else req.end(body);
    });
  }

  it('answer 413 PAYLOAD_TOO_LARGE, declared or streamed, and store nothing', async () => {
    for (const chunked of [false, true]) {
      const a = await post('/api/articles', 200 * 1024, auth, chunked);
      expect(a.status, `articles chunked=${chunked}`).toBe(413);
      expect(a.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const x = await post('/api/extract', 40 * 1024, {}, chunked);
      expect(x.status, `extract chunked=${chunked}`).toBe(413);
      expect(x.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect((await served.store.stats()).articles).toBe(0);
  });

  it('check the token before reading a large body', async () => {
    const r = await post('/api/articles', 200 * 1024, {}, true);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('take a body just under the limit', async () => {
    const r = await post('/api/articles', 60 * 1024, auth, false);
    expect(r.status).toBe(201);
  });
});

describe('hostile values in every filter of every filtered read', () => {
  const TEXT_FILTERS = ['country', 'admin1', 'eventType', 'subEventType', 'actor', 'q'] as const;
  const HOSTILE = [
    "'; drop table events; --", '" or 1=1 --', "') or ('1'='1", "1' union select sql from sqlite_master --",
    '%', '_', '%%', '\\', '*', 'NEAR(a b)', 'a AND b OR NOT c', '"unbalanced', '^', 'col:value', '(', ')',
    'سوريا', "إدلب'; delete from articles;--", '\u0000', 'حلب\u0000', '٪_\\', '\u202eبلدإ\u202c',
    'x'.repeat(100),
  ];
  // Sent as raw percent-escapes: bytes that are not UTF-8 (a lone surrogate's CESU-8, 0xFF, an overlong '/').
  const RAW = ['%ED%A0%80', '%FF', '%C0%AF', '%00', '%'];
  // Each route with a way to count what it returned.
  const ROUTES: { path: string; count: (res: { body: string; json(): any }) => number; locatedOnly?: boolean }[] = [
    { path: '/api/events?limit=500', count: (r) => r.json().items.length },
    { path: '/api/stats/timeline?bucket=day', count: (r) => r.json().totals.events },
    { path: '/api/export?format=csv', count: (r) => r.body.trim().split('\n').length - 1 },
    // GeoJSON leaves out events without coordinates (they stay in CSV and JSON Lines)
    { path: '/api/export?format=geojson', count: (r) => r.json().features.length, locatedOnly: true },
    { path: '/api/export?format=jsonl', count: (r) => r.body.split('\n').filter(Boolean).length },
    { path: '/api/map?zoom=2', count: (r) => r.json().total },
    { path: '/api/facets', count: (r) => r.json().total },
  ];
  const getRaw = (path: string, key: string, encoded: string) => t.app.inject({ url: `${path}&${key}=${encoded}`.replace('facets&', 'facets?') });
  const get = (path: string, key: string, v: string) => getRaw(path, key, encodeURIComponent(v));

  function expectHandled(res: { statusCode: number; body: string }, what: string) {
    expect([200, 400], `${what}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    expect(res.body, what).not.toMatch(/sqlite|syntax error|SQL logic|no such (table|column)|unrecognized token/i);
  }

  it('give 200 with nothing matched, or 400 for what the schema refuses; never 500, never an SQL error', async () => {
    let ok = 0;
    for (const route of ROUTES) {
      for (const key of TEXT_FILTERS) {
        for (const v of HOSTILE) {
          const res = await get(route.path, key, v);
          const what = `${route.path} ${key}=${JSON.stringify(v)}`;
          expectHandled(res, what);
          if (res.statusCode === 200) {
            ok++;
            expect(route.count(res), what).toBe(0);
          }
        }
        for (const v of RAW) expectHandled(await getRaw(route.path, key, v), `${route.path} ${key}=${v}`);
      }
      // the other filters have a form the schema checks: a hostile value is a 400
      for (const key of ['from', 'to', 'bbox', 'minFatalities']) {
        for (const v of HOSTILE.slice(0, 6)) expect((await get(route.path, key, v)).statusCode, `${route.path} ${key}`).toBe(400);
      }
    }
    expect(ok).toBeGreaterThan(ROUTES.length * TEXT_FILTERS.length * 20);
    // nothing was dropped or deleted
    expect((await t.app.inject({ url: '/api/events' })).json().items).toHaveLength(4);
  });

  it('find the right events for an Arabic value, the same on every route', async () => {
    // [filter, value, events, of them with coordinates]
    const cases: [string, string, number, number][] = [
      ['actor', 'جماعة الحوثي', 1, 1], ['actor', 'جماعه الحوثي', 1, 1], ['actor', 'القوات الحكومية', 2, 2],
      ['q', 'مدينة ادلب', 1, 1], ['q', 'إدلب', 1, 1], ['q', '\u2067إدلب\u2069', 1, 1], // bidi isolates are folded away ['country', 'YEM', 2, 1], ['country', 'Yemen', 2, 1],
    ];
    for (const [key, v, n, located] of cases) {
      for (const route of ROUTES) {
        const res = await get(route.path, key, v);
        expect(res.statusCode, `${route.path} ${key}=${v}`).toBe(200);
        expect(route.count(res), `${route.path} ${key}=${v}`).toBe(route.locatedOnly ? located : n);
      }
    }
  });

  it('never fail on any string in any filter of any route (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES.map((r) => r.path)),
        fc.constantFrom(...TEXT_FILTERS),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom(..."'\"%_\\*()-;:^ \u0000\u202eحلب".split('')), maxLength: 30 })),
        async (path, key, v) => expectHandled(await get(path, key, v), `${path} ${key}=${JSON.stringify(v)}`),
      ),
      { numRuns: 150 },
    );
  });
});
