import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { fixtureExtractor, FIXTURES, synthetic } from '../store/test-helpers/fixtures.js';
import { EXPORT_COLUMNS } from '../store/export/columns.js';
import { serve, type Serving } from './listen.js';
import { auth, readTextOnly, TOKEN } from './test-helpers/app.js';

describe('over real HTTP on loopback', () => {
  let server: Serving;
  const many = synthetic(120);
  beforeAll(async () => {
    const store = await sqliteBackend.open();
    server = await serve(
      { store, extract: fixtureExtractor([...FIXTURES, ...many]), readArticle: readTextOnly, config: { token: TOKEN, logger: false } },
      { host: '127.0.0.1', port: 0, handleSignals: false },
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('listens on 127.0.0.1 with a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('ingests with the token, then lists, pages and exports', async () => {
    for (const a of [...FIXTURES, ...many]) {
      const res = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ text: a.text, title: a.title, publishedAt: a.publishedAt }),
      });
      expect(res.status).toBe(201);
    }
    const denied = await fetch(`${server.url}/api/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'نص' }),
    });
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('AUTH_REQUIRED');

    // Every event exactly once through the cursor.
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const url: string = `${server.url}/api/events?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await (await fetch(url)).json()) as { items: Array<{ id: string }>; nextCursor: string | null };
      for (const e of page.items) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(4 + many.length);

    const csv = await fetch(`${server.url}/api/export?format=csv`);
    expect(csv.status).toBe(200);
    // Streamed: chunked transfer, no content-length computed up front.
    expect(csv.headers.get('transfer-encoding')).toBe('chunked');
    const table = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(table).toHaveLength(4 + many.length);
    expect(Object.keys(table[0])).toEqual([...EXPORT_COLUMNS]);
  });

  it('survives a client that abandons an export midway', async () => {
    // A client that reads one chunk of a large export and hangs up.
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${server.url}/api/export?format=jsonl`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
    });
    // The server goes on answering, and its store is not left busy.
    const after = await fetch(`${server.url}/api/stats`);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { events: number }).events).toBe(4 + many.length);
  });

  it('closes idle connections, so a client that stops reading cannot hold an export open forever', async () => {
    expect(server.app.initialConfig.connectionTimeout).toBe(60_000);
    expect(server.app.server.timeout).toBe(60_000);
  });
});
