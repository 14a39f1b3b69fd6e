// GET /api/status: what applies on SQLite (the store alone) and on PostgreSQL (the store, the job
// queue by state, dead letters, workers by their last beat), through inject on the real stores.
import { afterEach, describe, expect, it } from 'vitest';
import { JobQueue } from '../queue/queue.js';
import { pgSkipReason, PG_URL, testSchema, type TestSchema } from '../queue/test-helpers/pg.js';
import { buildApp } from './app.js';
import { readTextOnly } from './test-helpers/app.js';
import { fixtureExtractor } from '../store/test-helpers/fixtures.js';
import { openPostgresStore } from '../store/postgres.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import type { Store } from '../store/types.js';

const skipPg = await pgSkipReason('/api/status on PostgreSQL');

describe('GET /api/status', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  const app = async (store: Store, queue: JobQueue | null) => {
    const a = await buildApp({ store, queue, extract: fixtureExtractor(), readArticle: readTextOnly, config: { logger: false } });
    cleanup.push(() => a.close());
    return a;
  };

  it('on SQLite: the store, no queue and no workers, and says why', async () => {
    const store = await sqliteBackend.open();
    cleanup.push(() => store.close());
    await store.logFailure({ source: 'cli:x.html', url: null, code: 'INPUT_EMPTY', message: 'input text is empty' });
    const a = await app(store, null);
    const res = await a.inject({ url: '/api/status' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ mode: 'local', store: { dialect: 'sqlite', articles: 0, failures: 1 }, queue: null, workers: [], workersAlive: 0 });
    expect(body.note).toMatch(/no job queue/);
    // described in the OpenAPI document
    const spec = (await a.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(spec.paths['/api/status'].get.responses)).toContain('200');
    expect(spec.paths['/api/status'].get.responses['200'].content['application/json'].schema.properties.queue.properties.deadLetters.type).toBe('array');
  });

  it.skipIf(skipPg !== null)('on PostgreSQL: jobs by state, dead letters, and workers alive by their last beat', async () => {
    const db: TestSchema = testSchema('marsad_status');
    cleanup.push(() => db.drop());
    const store = await openPostgresStore({ connectionString: PG_URL, schema: db.schema });
    cleanup.push(() => store.close());
    const queue = await JobQueue.open({ connectionString: PG_URL, schema: db.schema });
    cleanup.push(() => queue.close());
    await queue.enqueue(['a', 'b', 'c', 'd'].map((key) => ({ kind: 'fetch' as const, key, payload: { url: key, origin: 'test' } })));
    const [a, b, c] = await queue.claim('w1', 3, 60_000);
    await queue.complete(a.id, 'w1');
    await queue.fail(b.id, 'w1', { code: 'FETCH_HTTP_STATUS', message: 'answered 404', permanent: true });
    await queue.fail(c.id, 'w1', { code: 'FETCH_TIMEOUT', message: 'fetch timed out' });
    await queue.heartbeat({ id: 'w1', concurrency: 3, state: 'running', inHand: 0, done: 1, failed: 2, startedAt: new Date() });
    await queue.heartbeat({ id: 'w2', concurrency: 3, state: 'stopped', inHand: 0, done: 0, failed: 0, startedAt: new Date() });

    const res = await (await app(store, queue)).inject({ url: '/api/status' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      mode: 'queue',
      store: { dialect: 'postgres' },
      queue: { jobs: { queued: 2, retrying: 1, running: 0, done: 1, dead: 1 }, expiredLeases: 0, deadLetters: [{ key: 'b', code: 'FETCH_HTTP_STATUS', attempts: 1 }] },
      workersAlive: 1,
    });
    expect(body.queue.oldestQueuedAt).toEqual(expect.any(String));
    expect(body.workers.map((w: { id: string; alive: boolean }) => [w.id, w.alive]).sort()).toEqual([['w1', true], ['w2', false]]);
  });
});
