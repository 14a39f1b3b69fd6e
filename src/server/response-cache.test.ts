import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { IDLIB, JABALIA, TAIZ, articleInputOf, docOf, synthetic } from '../store/test-helpers/fixtures.js';
import type { Store } from '../store/types.js';
import { queryKey, ResponseCache } from './response-cache.js';
import { auth, testApp, type TestApp } from './test-helpers/app.js';

describe('ResponseCache', () => {
  it('computes an answer once per key and version, and again after the version moves', async () => {
    const c = new ResponseCache();
    let made = 0;
    const make = async () => `answer ${++made}`;
    expect(await Promise.all([c.get(1, 'a', make), c.get(1, 'a', make)])).toEqual(['answer 1', 'answer 1']);
    expect(await c.get(1, 'b', make)).toBe('answer 2');
    expect(await c.get(1, 'a', make)).toBe('answer 1');
    expect(await c.get(2, 'a', make)).toBe('answer 3');
    // A reader that read the older version gets a fresh answer, and the newer entries stay.
    expect(await c.get(1, 'a', make)).toBe('answer 4');
    expect(await c.get(2, 'a', make)).toBe('answer 3');
  });

  it('keeps no failure and drops the least recently used beyond its bounds', async () => {
    const c = new ResponseCache({ maxEntries: 2, maxBytes: 1000 });
    await expect(c.get(1, 'x', async () => { throw new Error('store down'); })).rejects.toThrow('store down');
    expect(c.size).toBe(0);
    let made = 0;
    const make = async () => `v${++made}`;
    await c.get(1, 'a', make);
    await c.get(1, 'b', make);
    await c.get(1, 'a', make); // a is now the most recent
    await c.get(1, 'c', make); // b goes
    expect(c.size).toBe(2);
    expect(await c.get(1, 'a', make)).toBe('v1');
    expect(await c.get(1, 'b', make)).toBe('v4');
    // One answer over the byte bound leaves only itself.
    await c.get(1, 'big', async () => 'x'.repeat(600));
    expect(c.size).toBe(1);
  });

  it('keys a query by its parameters, whatever their order', () => {
    expect(queryKey('/api/events', { country: 'SY', limit: 50 })).toBe(queryKey('/api/events', { limit: 50, country: 'SY', q: undefined }));
    expect(queryKey('/api/events', { country: 'SY' })).not.toBe(queryKey('/api/stats/timeline', { country: 'SY' }));
  });
});

describe('read routes through the response cache', () => {
  let cached: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    // One clock for both, so the two stores write the same timestamps.
    const now = () => new Date('2024-05-01T10:00:00Z');
    cached = await testApp({ store: await sqliteBackend.open({ now }) });
    plain = await testApp({ store: await sqliteBackend.open({ now }), config: { responseCache: false } });
    for (const t of [cached, plain]) {
      for (const a of [IDLIB, TAIZ]) await t.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: a.text, publishedAt: a.publishedAt, title: a.title } });
    }
  });
  afterAll(async () => {
    await cached?.close();
    await plain?.close();
  });

  const urls = ['/api/events?country=YE&sort=-date', '/api/events?limit=1', '/api/stats/timeline?bucket=day', '/api/stats/timeline?bucket=month&eventType=Battles'];

  it('answers byte for byte what the uncached app answers, with the same content type', async () => {
    for (const url of urls) {
      const a = await cached.app.inject(url);
      const again = await cached.app.inject(url);
      const b = await plain.app.inject(url);
      expect(a.statusCode, url).toBe(200);
      expect(a.body, url).toBe(b.body);
      expect(again.body, url).toBe(b.body);
      expect(a.headers['content-type']).toBe(b.headers['content-type']);
    }
  });

  it('answers anew once a document changes events, from this process or another', async () => {
    const before = (await cached.app.inject('/api/stats/timeline?bucket=month')).json();
    await cached.app.inject({ method: 'POST', url: '/api/articles', headers: auth, payload: { text: JABALIA.text, publishedAt: JABALIA.publishedAt, title: JABALIA.title } });
    const after = (await cached.app.inject('/api/stats/timeline?bucket=month')).json();
    expect(after.totals.events).toBe(before.totals.events + 1);
    // Another process (the CLI's ingest) writing to the same file.
    const other: Store = await openSqliteStore({ path: (cached.store as Store & { location: string }).location });
    try {
      const [extra] = synthetic(1); // dated 2024-01-01
      await other.saveArticle(articleInputOf(extra), docOf(extra));
    } finally {
      await other.close();
    }
    const later = (await cached.app.inject('/api/stats/timeline?bucket=month')).json();
    expect(later.totals.events).toBe(after.totals.events + 1);
  });

  it('moves the data version for changes only: a duplicate leaves it', async () => {
    const s = await sqliteBackend.open();
    try {
      const v0 = await s.dataVersion();
      await s.saveArticle(articleInputOf(IDLIB), docOf(IDLIB));
      const v1 = await s.dataVersion();
      expect(v1).toBeGreaterThan(v0);
      await s.saveArticle(articleInputOf(IDLIB), docOf(IDLIB));
      expect(await s.dataVersion()).toBe(v1);
      await s.saveArticle(articleInputOf(IDLIB), docOf(IDLIB), { replace: true });
      expect(await s.dataVersion()).toBeGreaterThan(v1);
    } finally {
      await s.close();
    }
  });
});
