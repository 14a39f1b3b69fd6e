// The queue's semantics on the real PostgreSQL: one live job per key, claims that never overlap,
// retries after an exponential backoff, dead letters and their requeue, leases that run out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobQueue, type NewJob } from './queue.js';
import { pgSkipReason, testSchema, type TestSchema } from './test-helpers/pg.js';

const skip = await pgSkipReason('queue tests');

const job = (key: string, kind: NewJob['kind'] = 'fetch'): NewJob => ({ kind, key, payload: { url: key, origin: 'test', text: 'نص\u0000فيه صفر' } });

describe.skipIf(skip !== null)('job queue (PostgreSQL)', () => {
  let db: TestSchema;
  let q: JobQueue;
  beforeEach(async () => {
    db = testSchema();
    q = await JobQueue.open({ connectionString: db.url.replace(/\?.*$/, ''), schema: db.schema, poolMax: 4, retry: { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 10 * 60_000 } });
  });
  afterEach(async () => {
    await q?.close();
    await db?.drop();
  });

  const row = async (id: string) =>
    (await db.query<{ state: string; attempts: number; wait_ms: number; last_code: string | null; locked_by: string | null }>(
      `select state, attempts, (extract(epoch from (run_at - now())) * 1000)::float8 as wait_ms, last_code, locked_by from queue_jobs where id = $1`, [id]))[0];
  /** Make a job due now (its backoff waited out), without waiting. */
  const due = (id: string) => db.query(`update queue_jobs set run_at = now() - interval '1 second' where id = $1`, [id]);

  it('adds a key once while its job is live, and again once it is done', async () => {
    expect(await q.enqueue([job('a'), job('b'), job('a')])).toEqual(['a', 'b']);
    expect(await q.enqueue([job('a'), job('c')])).toEqual(['c']);
    // the same key under another kind is other work
    expect(await q.enqueue([job('a', 'extract')])).toEqual(['a']);
    const [a] = await q.claim('w1', 1, 60_000);
    expect(a.key).toBe('a');
    expect(a.payload).toEqual({ url: 'a', origin: 'test', text: 'نص\u0000فيه صفر' }); // U+0000 survives
    expect(await q.complete(a.id, 'w1')).toBe(true);
    expect(await q.enqueue([job('a')])).toEqual(['a']);
  });

  it('never gives one job to two workers claiming at once', async () => {
    await q.enqueue(Array.from({ length: 30 }, (_, i) => job(`k${i}`)));
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => q.claim(w, 10, 60_000)));
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(await q.claim('w5', 10, 60_000)).toEqual([]);
  });

  it('retries a failed job after a backoff that doubles, then makes it a dead letter that can be queued again', async () => {
    await q.enqueue([job('flaky')]);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      const [j] = await q.claim('w1', 1, 60_000);
      expect(j.attempts).toBe(attempt);
      expect(await q.fail(j.id, 'w1', { code: 'FETCH_TIMEOUT', message: 'fetch timed out' })).toBe('queued');
      const r = await row(j.id);
      expect(r).toMatchObject({ state: 'queued', attempts: attempt, last_code: 'FETCH_TIMEOUT', locked_by: null });
      waits.push(r.wait_ms);
      // not due before its backoff
      expect(await q.claim('w1', 1, 60_000)).toEqual([]);
      await due(j.id);
    }
    // base 60 s, then 120 s, each ±20 %
    expect(waits[0]).toBeGreaterThan(60_000 * 0.8 - 1000);
    expect(waits[0]).toBeLessThan(60_000 * 1.2);
    expect(waits[1]).toBeGreaterThan(120_000 * 0.8 - 1000);
    expect(waits[1]).toBeLessThan(120_000 * 1.2);

    const [last] = await q.claim('w1', 1, 60_000);
    expect(last.attempts).toBe(3);
    expect(await q.fail(last.id, 'w1', { code: 'FETCH_TIMEOUT', message: 'still timing out' })).toBe('dead');
    expect(await q.claim('w1', 1, 60_000)).toEqual([]);
    const dead = await q.deadLetters();
    expect(dead).toEqual([expect.objectContaining({ id: last.id, kind: 'fetch', key: 'flaky', attempts: 3, code: 'FETCH_TIMEOUT', error: 'still timing out' })]);
    // a dead key is not queued again by a producer…
    expect(await q.enqueue([job('flaky')])).toEqual([]);
    // …only on request, with fresh attempts
    expect(await q.requeue([last.id])).toBe(1);
    const [again] = await q.claim('w1', 1, 60_000);
    expect(again).toMatchObject({ id: last.id, attempts: 1 });
    expect(await q.deadLetters()).toEqual([]);
  });

  it('makes a permanent failure a dead letter at once; requeue all takes every dead letter', async () => {
    await q.enqueue([job('gone'), job('binary')]);
    for (const j of await q.claim('w1', 2, 60_000)) {
      expect(await q.fail(j.id, 'w1', { code: 'FETCH_HTTP_STATUS', message: 'answered 404', permanent: true })).toBe('dead');
    }
    const s = await q.status();
    expect(s.jobs).toMatchObject({ queued: 0, running: 0, dead: 2 });
    expect(s.deadLetters.map((d) => d.key).sort()).toEqual(['binary', 'gone']);
    expect(await q.requeue('all')).toBe(2);
    expect((await q.status()).jobs).toMatchObject({ queued: 2, dead: 0 });
  });

  it('queues again the jobs of a worker whose lease ran out; the late worker can no longer finish them', async () => {
    await q.enqueue([job('x'), job('y')]);
    // w1 "dies": a lease that is already over when the next statement runs
    const held = await q.claim('w1', 2, 0);
    expect(held).toHaveLength(2);
    expect(await q.reapExpired()).toEqual({ requeued: 2, dead: 0 });
    expect((await row(held[0].id)).last_code).toBe('LEASE_EXPIRED');
    const taken = await q.claim('w2', 2, 60_000);
    expect(taken.map((j) => j.id).sort()).toEqual(held.map((j) => j.id).sort());
    expect(taken.every((j) => j.attempts === 2)).toBe(true);
    // w1 comes back: its completion and its failure are refused, its renewals find nothing
    expect(await q.complete(held[0].id, 'w1')).toBe(false);
    expect(await q.fail(held[1].id, 'w1', { code: 'INTERNAL', message: 'x' })).toBe(null);
    expect(await q.renew('w1', held.map((j) => j.id), 60_000)).toBe(0);
    // w2 holds them, renews them, and nothing is swept
    expect(await q.renew('w2', taken.map((j) => j.id), 60_000)).toBe(2);
    expect(await q.reapExpired()).toEqual({ requeued: 0, dead: 0 });
    expect(await q.complete(taken[0].id, 'w2')).toBe(true);
  });

  it('makes a job whose leases keep running out a dead letter after its attempts', async () => {
    await q.enqueue([job('poison')]);
    for (let i = 1; i < 3; i++) {
      await q.claim(`w${i}`, 1, 0);
      expect(await q.reapExpired()).toEqual({ requeued: 1, dead: 0 });
    }
    await q.claim('w3', 1, 0);
    expect(await q.reapExpired()).toEqual({ requeued: 0, dead: 1 });
    expect((await q.deadLetters())[0]).toMatchObject({ key: 'poison', attempts: 3, code: 'LEASE_EXPIRED' });
  });

  it('gives a job back untried on release', async () => {
    await q.enqueue([job('r')]);
    const [j] = await q.claim('w1', 1, 60_000);
    expect(await q.release(j.id, 'w1')).toBe(true);
    const [again] = await q.claim('w2', 1, 60_000);
    expect(again.attempts).toBe(1);
  });

  it('reports workers by their last beat', async () => {
    const startedAt = new Date();
    await q.heartbeat({ id: 'host:1:a', concurrency: 4, state: 'running', inHand: 2, done: 7, failed: 1, startedAt });
    await q.heartbeat({ id: 'host:2:b', concurrency: 4, state: 'stopped', inHand: 0, done: 3, failed: 0, startedAt });
    await q.heartbeat({ id: 'host:3:c', concurrency: 2, state: 'running', inHand: 1, done: 0, failed: 0, startedAt });
    await db.query(`update queue_workers set last_seen = now() - interval '5 minutes' where id = 'host:3:c'`);
    const s = await q.status();
    const byId = Object.fromEntries(s.workers.map((w) => [w.id, w]));
    expect(byId['host:1:a']).toMatchObject({ alive: true, state: 'running', inHand: 2, done: 7, failed: 1, pid: process.pid });
    expect(byId['host:2:b'].alive).toBe(false); // stopped
    expect(byId['host:3:c'].alive).toBe(false); // silent
    // done jobs and silent workers are forgotten after the retention
    expect(await q.prune(60_000)).toBe(0);
    expect((await q.status()).workers.map((w) => w.id)).not.toContain('host:3:c');
  });

  it('brings its tables up once, whoever opens it first', async () => {
    const others = await Promise.all([1, 2, 3].map(() => JobQueue.open({ connectionString: db.url.replace(/\?.*$/, ''), schema: db.schema, poolMax: 1 })));
    await Promise.all(others.map((o) => o.close()));
    const v = await db.query<{ n: string }>('select count(*) as n from queue_migrations');
    expect(Number(v[0].n)).toBe(1);
  });
});
