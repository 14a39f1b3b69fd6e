// The SQLite store with its reads on worker threads (./read-pool.ts) answers as the store on one
// connection does, sees every commit of the writer at its next read, and passes a MarsadError back
// with its code. The worker module is TypeScript here, so it is bundled for the threads first
// (better-sqlite3, a native module, stays outside and is loaded from node_modules).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import type { KyselyStore } from './kysely-store.js';
import { sqliteReadPool } from './read-pool.js';
import { openSqliteStore } from './sqlite.js';
import { articleInputOf, docOf, IDLIB, JABALIA, TAIZ, type FixtureArticle } from './test-helpers/fixtures.js';
import type { Store } from './types.js';

const require = createRequire(import.meta.url);

describe('reads on worker threads (SQLite)', () => {
  let dir: string;
  let workerFile: string;
  let path: string;
  let plain: Store;
  let pooled: Store;
  const save = (s: Store, a: FixtureArticle) => s.saveArticle(articleInputOf(a), docOf(a));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-read-pool-'));
    workerFile = join(dir, 'read-worker.mjs');
    const nativeModule = require.resolve('better-sqlite3');
    await build({
      entryPoints: [fileURLToPath(new URL('./read-worker.ts', import.meta.url))],
      outfile: workerFile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
      // Bundled CommonJS dependencies call require(); give the ES module one.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      plugins: [{
        name: 'native-outside',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: nativeModule, external: true }));
        },
      }],
    });
    path = join(dir, 'store.db');
    plain = await openSqliteStore({ path });
    await save(plain, IDLIB);
    await save(plain, TAIZ);
    pooled = await openSqliteStore({ path, readThreads: 2, readWorkerFile: workerFile });
  });
  afterAll(async () => {
    await pooled?.close();
    await plain?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not started without the worker module (run from sources), so the store reads on its own connection', () => {
    expect(sqliteReadPool({ path: 'unused.db', threads: 2, busyTimeoutMs: 100, workerFile: join(dir, 'no-such-worker.mjs') })).toBeNull();
  });

  it('answers pages, events and timelines as the store on one connection does', async () => {
    expect((pooled as KyselyStore).readThreads).toBe(2);
    expect((plain as KyselyStore).readThreads).toBe(0);
    const page = await plain.listEvents({}, { limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(await pooled.listEvents({}, { limit: 1 })).toEqual(page);
    expect(await pooled.listEvents({}, { limit: 1, cursor: page.nextCursor })).toEqual(await plain.listEvents({}, { limit: 1, cursor: page.nextCursor }));
    expect(await pooled.listEvents({ country: 'YE' })).toEqual(await plain.listEvents({ country: 'YE' }));
    const id = page.items[0].id;
    const one = await pooled.getEvent(id);
    expect(one?.reports.length).toBeGreaterThan(0);
    expect(one).toEqual(await plain.getEvent(id));
    expect(await pooled.getEvent('evt_missing')).toBeNull();
    for (const bucket of ['day', 'month'] as const) {
      const t = await pooled.timeline({}, bucket);
      expect(t.length).toBeGreaterThan(0);
      expect(t).toEqual(await plain.timeline({}, bucket));
    }
    // The same answers as JSON bytes made on the threads, and on the store's own connection.
    const json = (b: Uint8Array) => JSON.parse(Buffer.from(b).toString('utf8'));
    expect(json(await pooled.listEventsJson({}, { limit: 2 }))).toEqual(await plain.listEvents({}, { limit: 2 }));
    expect(await pooled.listEventsJson({ country: 'YE' })).toEqual(await plain.listEventsJson({ country: 'YE' }));
    const answer = json(await pooled.timelineJson({}, 'week'));
    const points = await plain.timeline({}, 'week');
    expect(answer).toEqual({
      bucket: 'week', points,
      totals: { events: points.reduce((n, p) => n + p.events, 0), fatalities: points.reduce((n, p) => n + p.fatalities, 0) },
    });
    expect(await pooled.timelineJson({ country: 'YE' }, 'day')).toEqual(await plain.timelineJson({ country: 'YE' }, 'day'));
    // Concurrent reads, one a thread, each still its own answer.
    const [a, b] = await Promise.all([pooled.listEvents({ country: 'SY' }), pooled.listEvents({ country: 'YE' })]);
    expect(a.items.every((e) => e.iso3 === 'SYR')).toBe(true);
    expect(b.items.every((e) => e.iso3 === 'YEM')).toBe(true);
  });

  it('sees a document committed by the writer at its next read', async () => {
    const before = (await pooled.listEvents({}, { limit: 100 })).items.length;
    const r = await save(pooled, JABALIA);
    expect(r.status).toBe('inserted');
    expect((await pooled.listEvents({}, { limit: 100 })).items.length).toBe(before + r.eventIds.length);
    expect((await pooled.getEvent(r.eventIds[0]))?.id).toBe(r.eventIds[0]);
  });

  it('passes an error back with its code: a bad cursor is still a bad request', async () => {
    const err = await pooled.listEvents({}, { cursor: 'not-a-cursor' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarsadError);
    expect((err as MarsadError).code).toBe('BAD_REQUEST');
    expect((err as MarsadError).message).toMatch(/cursor/);
  });
});
