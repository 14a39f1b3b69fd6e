// The worker loop and the producer over the real PostgreSQL (store and queue in one schema), a real
// HTTP server on 127.0.0.1 and the real extractor on this thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../ingest/fetch.js';
import { ingestOne } from '../ingest/one.js';
import { readSource } from '../ingest/sources.js';
import { articleHtml, articleText, rssFeed, sampleArticle } from '../ingest/test-helpers/pages.js';
import { send, startServer, type Handler, type TestServer } from '../ingest/test-helpers/server.js';
import { inProcessPool, type ExtractPool } from '../pipeline/pool.js';
import { openPostgresStore } from '../store/postgres.js';
import type { Store } from '../store/types.js';
import { extractJob, fetchJob } from './jobs.js';
import { enqueueInputs } from './produce.js';
import { JobQueue } from './queue.js';
import { pgSkipReason, PG_URL, testSchema, type TestSchema } from './test-helpers/pg.js';
import { runWorker, type WorkerEvent } from './worker.js';

const skip = await pgSkipReason('worker tests');

const html = (i: number): Handler => send(articleHtml(sampleArticle(i)), { 'content-type': 'text/html; charset=utf-8' });

describe.skipIf(skip !== null)('worker (PostgreSQL)', () => {
  let srv: TestServer;
  let db: TestSchema;
  let store: Store;
  let queue: JobQueue;
  let pool: ExtractPool;
  let fetcher: Fetcher;
  let flakyCalls = 0;
  let releaseSlow: () => void = () => {};
  const slowGate = new Promise<void>((r) => (releaseSlow = r));
  let slowStarted: () => void = () => {};
  const slowIsIn = new Promise<void>((r) => (slowStarted = r));

  beforeAll(async () => {
    srv = await startServer({
      '/robots.txt': send('User-agent: *\nAllow: /\n'),
      '/a/1.html': html(1),
      '/a/2.html': html(2),
      '/gone.html': send('not here', { 'content-type': 'text/plain' }, 404),
      // down twice, then up: retried with backoff, then stored
      '/flaky.html': (req, res) => {
        if (++flakyCalls <= 2) return void res.writeHead(503).end('busy');
        html(3)(req, res);
      },
      // answers only when the test lets it, so a stop can arrive while the job is in hand
      '/slow.html': (req, res) => {
        slowStarted();
        void slowGate.then(() => html(4)(req, res));
      },
    });
    db = testSchema();
    store = await openPostgresStore({ connectionString: PG_URL, schema: db.schema });
    queue = await JobQueue.open({ connectionString: PG_URL, schema: db.schema, poolMax: 4, retry: { maxAttempts: 4, baseDelayMs: 30, maxDelayMs: 200 } });
    pool = inProcessPool();
    fetcher = createFetcher({ allowPrivate: true });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([fetcher?.close(), pool?.close(), queue?.close(), store?.close(), srv?.close()]);
    await db?.drop();
  });

  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql))[0].n);

  /** Run a worker until the queue holds nothing queued or running, then stop it. */
  async function work(events: WorkerEvent[], concurrency = 3): Promise<void> {
    const stop = new AbortController();
    const run = runWorker({ queue, store, extractPool: pool, fetcher, concurrency, leaseMs: 30_000, pollMs: 50, signal: stop.signal, id: 'test-worker', onEvent: (e) => events.push(e) });
    for (;;) {
      const left = await count(`select count(*) as n from queue_jobs where state in ('queued', 'running')`);
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    stop.abort();
    const summary = await run;
    expect(summary.fatal).toBe(null);
  }

  it('stores what the producer queued: fetched pages, files already read, feed items; retries a server that is down; a 404 is a dead letter logged as a failure', async () => {
    srv.route('/feed.xml', send(rssFeed('عينة', [1, 2].map((i) => ({ url: `${srv.origin}/a/${i}.html`, title: sampleArticle(i).title }))), { 'content-type': 'application/rss+xml' }));
    const text = readSource({ kind: 'bytes', source: 'stdin-like', bytes: Buffer.from(articleText(sampleArticle(5))), format: 'text' });
    const s = await enqueueInputs({
      inputs: [`${srv.origin}/flaky.html`, `${srv.origin}/gone.html`],
      feeds: [`${srv.origin}/feed.xml`],
      store, queue, fetcher,
    });
    expect(s).toMatchObject({ total: 4, queued: 4, failed: 0, feeds: { polled: 1, notModified: 0, failed: 0 } });
    expect(await store.getFeedState(`${srv.origin}/feed.xml`)).not.toBe(null);
    await queue.enqueue([extractJob({ origin: 'cli:-', doc: await text })]);

    const events: WorkerEvent[] = [];
    await work(events);
    const done = events.filter((e) => e.type === 'done');
    expect(done.map((e) => e.type === 'done' && e.result.outcome).sort()).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
    expect(events.filter((e) => e.type === 'retry').map((e) => e.type === 'retry' && e.code)).toEqual(['FETCH_HTTP_STATUS', 'FETCH_HTTP_STATUS']);
    expect(flakyCalls).toBe(3);
    const dead = events.filter((e) => e.type === 'dead');
    expect(dead).toEqual([expect.objectContaining({ source: `${srv.origin}/gone.html`, attempt: 1, code: 'FETCH_HTTP_STATUS' })]);
    expect((await queue.deadLetters()).map((d) => d.key)).toEqual([`${srv.origin}/gone.html`]);
    expect(await count('select count(*) as n from articles')).toBe(4);
    const failures = await store.ingestLog({ outcome: 'failed' });
    expect(failures).toEqual([expect.objectContaining({ source: `cli:${srv.origin}/gone.html`, code: 'FETCH_HTTP_STATUS' })]);
    // the feed item keeps its feed as its source
    const fromFeed = await db.query<{ source: string; outlet: string | null }>(`select source, outlet from articles where url like '%/a/1.html'`);
    expect(fromFeed[0].source).toBe(`feed:${srv.origin}/feed.xml`);

    // Queued again, nothing is done twice: what is stored is recognised before any fetch.
    const hits = srv.hits.get('/a/1.html');
    const again = await enqueueInputs({ inputs: [`${srv.origin}/a/1.html`, `${srv.origin}/flaky.html`], store, queue, fetcher });
    expect(again).toMatchObject({ queued: 0, alreadyStored: 2 });
    await queue.enqueue([fetchJob({ url: `${srv.origin}/a/1.html`, origin: 'test' })]);
    const second: WorkerEvent[] = [];
    await work(second);
    expect(second).toEqual([expect.objectContaining({ type: 'done', result: expect.objectContaining({ outcome: 'duplicate' }) })]);
    expect(srv.hits.get('/a/1.html')).toBe(hits);
    expect(await count('select count(*) as n from articles')).toBe(4);
  }, 120_000);

  it('writes a document once when two workers ingest it at the same moment', async () => {
    const doc = await readSource({ kind: 'bytes', source: 'twice', bytes: Buffer.from(articleText(sampleArticle(6))), format: 'text' });
    const before = await count('select count(*) as n from articles');
    const reportsBefore = await count('select count(*) as n from reports');
    const results = await Promise.all([1, 2, 3].map(() => ingestOne({ kind: 'extract', origin: 'test', doc }, { store, extractPool: pool, fetcher })));
    expect(results.map((r) => r.outcome).sort()).toEqual(['duplicate', 'duplicate', 'inserted']);
    expect(new Set(results.map((r) => r.articleId)).size).toBe(1);
    expect(await count('select count(*) as n from articles')).toBe(before + 1);
    const inserted = results.find((r) => r.outcome === 'inserted')!;
    expect(await count('select count(*) as n from reports')).toBe(reportsBefore + inserted.events);
  }, 60_000);

  it('on stop takes no new job and finishes the one in hand', async () => {
    await queue.enqueue([fetchJob({ url: `${srv.origin}/slow.html`, origin: 'test' })]);
    const stop = new AbortController();
    const events: WorkerEvent[] = [];
    const run = runWorker({ queue, store, extractPool: pool, fetcher, concurrency: 1, leaseMs: 30_000, pollMs: 50, signal: stop.signal, id: 'stopping-worker', onEvent: (e) => events.push(e) });
    await slowIsIn;
    stop.abort();
    await queue.enqueue([fetchJob({ url: `${srv.origin}/a/never.html`, origin: 'test' })]);
    releaseSlow();
    const summary = await run;
    expect(summary.done).toBe(1);
    expect(events.filter((e) => e.type === 'done').map((e) => e.type === 'done' && e.source)).toEqual([`${srv.origin}/slow.html`]);
    expect(srv.hits.get('/a/never.html')).toBeUndefined();
    expect(await count(`select count(*) as n from queue_jobs where key like '%never.html' and state = 'queued'`)).toBe(1);
    const w = (await queue.status()).workers.find((x) => x.id === 'stopping-worker');
    expect(w).toMatchObject({ state: 'stopped', alive: false, done: 1, inHand: 0 });
  }, 60_000);
});
