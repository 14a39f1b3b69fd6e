// A job queue on PostgreSQL: one table, claimed with `FOR UPDATE SKIP LOCKED` so any number of
// workers on any number of machines take different jobs without waiting on each other.
//
// Delivery is at least once: a job is claimed with a lease (locked_until) that its worker renews
// while it works; a worker that dies stops renewing, and once the lease has run out the job is
// queued again (or, its attempts spent, dead). Handlers must therefore be idempotent; marsad's
// store is (the same canonical URL or content is a duplicate, not a second article).
// A failed job is retried after an exponential backoff; after max_attempts, or at once when the
// error cannot pass by retrying, it is a dead letter: kept, listed, and queued again on request.
// docs/scaling.md says why this table and not a queue library.

import { hostname } from 'node:os';
import pg from 'pg';
import { migrateQueue } from './migrations.js';

export type JobKind = 'fetch' | 'extract';
export type JobState = 'queued' | 'running' | 'done' | 'dead';

export interface NewJob {
  kind: JobKind;
  /** The same work has the same key (a canonical URL, a content hash): one live job per key. */
  key: string;
  payload: unknown;
}

export interface ClaimedJob {
  id: string;
  kind: JobKind;
  key: string;
  payload: unknown;
  /** This one included. */
  attempts: number;
  maxAttempts: number;
}

export interface RetryPolicy {
  /** Attempts before a job is a dead letter (a lease that runs out counts as one). */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

// Five attempts over about two and a half minutes (10 s, 20 s, 40 s, 80 s): a site down for a
// moment is retried, one down for good is a dead letter soon enough to be seen the same day.
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 15 * 60_000 };

export interface JobFailure {
  code: string;
  message: string;
  /** Retrying cannot help (a page that is not there, bytes that are not text): dead at once. */
  permanent?: boolean;
}

export interface DeadLetter {
  id: string;
  kind: JobKind;
  key: string;
  attempts: number;
  code: string | null;
  error: string | null;
  failedAt: string | null;
}

export interface WorkerBeat {
  id: string;
  concurrency: number;
  state: 'running' | 'stopping' | 'stopped';
  inHand: number;
  done: number;
  failed: number;
  startedAt: Date;
}

export interface WorkerInfo extends Omit<WorkerBeat, 'startedAt'> {
  host: string;
  pid: number;
  startedAt: string;
  lastSeen: string;
  /** Seen within WORKER_STALE_MS and not stopped. */
  alive: boolean;
}

export interface QueueStatus {
  jobs: Record<JobState, number> & { retrying: number };
  /** When the oldest job ready to run was queued: how far behind the workers are. */
  oldestQueuedAt: string | null;
  /** Jobs whose worker stopped renewing the lease; they are queued again at the next sweep. */
  expiredLeases: number;
  deadLetters: DeadLetter[];
  workers: WorkerInfo[];
}

/** A worker not heard from for this long is counted dead (they beat every few seconds). */
export const WORKER_STALE_MS = 30_000;

export interface QueueOptions {
  connectionString: string;
  /** Schema holding the queue's tables, created when missing (tests use one per run). */
  schema?: string;
  /** Connections this queue may hold. Default 2: a claim and a heartbeat at once. */
  poolMax?: number;
  retry?: Partial<RetryPolicy>;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;
const CHANNEL = 'marsad_jobs';

interface JobRow {
  id: string;
  kind: JobKind;
  key: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/** A unique id for a worker process: host, pid and a random tail (pids repeat across machines and restarts). */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

export class JobQueue {
  readonly retry: RetryPolicy;
  readonly #pool: pg.Pool;
  readonly #config: pg.PoolConfig;

  private constructor(pool: pg.Pool, config: pg.PoolConfig, retry: RetryPolicy) {
    this.#pool = pool;
    this.#config = config;
    this.retry = retry;
  }

  /** Connect and bring the queue's tables up to date. */
  static async open(o: QueueOptions): Promise<JobQueue> {
    if (o.schema !== undefined && !IDENT.test(o.schema)) throw new Error(`schema name "${o.schema}" is not a plain identifier`);
    const config: pg.PoolConfig = {
      connectionString: o.connectionString,
      max: o.poolMax ?? 2,
      ...(o.schema ? { options: `-c search_path=${o.schema},public` } : {}),
    };
    const pool = new pg.Pool(config);
    // An idle connection that breaks (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        if (o.schema) await client.query(`create schema if not exists "${o.schema}"`);
        await migrateQueue(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new JobQueue(pool, config, { ...DEFAULT_RETRY, ...o.retry });
  }

  /**
   * Add jobs; a job whose key is already queued, running or dead is not added again, nor a key
   * given twice. Returns the keys added, in order. Wakes listening workers.
   */
  async enqueue(jobs: readonly NewJob[]): Promise<string[]> {
    if (jobs.length === 0) return [];
    const r = await this.#pool.query<{ key: string; kind: JobKind }>(
      `insert into queue_jobs (kind, key, payload, max_attempts)
         select k, y, p, $4 from unnest($1::text[], $2::text[], $3::text[]) as t(k, y, p)
       on conflict (kind, key) where state <> 'done' do nothing
       returning kind, key`,
      [jobs.map((j) => j.kind), jobs.map((j) => j.key), jobs.map((j) => JSON.stringify(j.payload)), this.retry.maxAttempts],
    );
    if (r.rowCount) await this.#pool.query(`select pg_notify('${CHANNEL}', '')`);
    const added = new Set(r.rows.map((x) => `${x.kind}\n${x.key}`));
    // A key given twice in one call was added once: the first of them.
    return jobs.filter((j) => added.delete(`${j.kind}\n${j.key}`)).map((j) => j.key);
  }

  /** Take up to `limit` jobs that are due, oldest first, leased to `workerId` for `leaseMs`. */
  async claim(workerId: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
    if (limit < 1) return [];
    const r = await this.#pool.query<JobRow>(
      `with next as (
         select id from queue_jobs where state = 'queued' and run_at <= now()
         order by run_at, id limit $3 for update skip locked)
       update queue_jobs j set state = 'running', attempts = j.attempts + 1, locked_by = $1,
         locked_until = now() + $2 * interval '1 millisecond', updated_at = now()
       from next where j.id = next.id
       returning j.id, j.kind, j.key, j.payload, j.attempts, j.max_attempts`,
      [workerId, leaseMs, limit],
    );
    return r.rows
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((x) => ({ id: String(x.id), kind: x.kind, key: x.key, payload: JSON.parse(x.payload) as unknown, attempts: x.attempts, maxAttempts: x.max_attempts }));
  }

  /** Extend the leases of the jobs `workerId` still holds; returns how many it still holds. */
  async renew(workerId: string, ids: readonly string[], leaseMs: number): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.#pool.query(
      `update queue_jobs set locked_until = now() + $3 * interval '1 millisecond', updated_at = now()
       where id = any($2::bigint[]) and locked_by = $1 and state = 'running'`,
      [workerId, ids, leaseMs],
    );
    return r.rowCount ?? 0;
  }

  /** The job is done. False when the lease was lost meanwhile (another worker has it again; the work is idempotent). */
  async complete(id: string, workerId: string): Promise<boolean> {
    const r = await this.#pool.query(
      `update queue_jobs set state = 'done', finished_at = now(), updated_at = now(), locked_by = null, locked_until = null
       where id = $1 and locked_by = $2 and state = 'running'`,
      [id, workerId],
    );
    return r.rowCount === 1;
  }

  /**
   * The job failed: queued again after the backoff, or dead when its attempts are spent or the
   * failure is permanent. Null when the lease was lost meanwhile.
   */
  async fail(id: string, workerId: string, f: JobFailure): Promise<'queued' | 'dead' | null> {
    // The wait: base·2^(attempts−1), capped, ±20 % so that retries of one outage do not march in step.
    const r = await this.#pool.query<{ state: JobState }>(
      `update queue_jobs set
         state = case when $3 or attempts >= max_attempts then 'dead' else 'queued' end,
         run_at = now() + least($7::float8, $6::float8 * power(2, greatest(attempts - 1, 0))) * (0.8 + 0.4 * random()) * interval '1 millisecond',
         last_code = $4, last_error = $5, locked_by = null, locked_until = null, updated_at = now(),
         finished_at = case when $3 or attempts >= max_attempts then now() end
       where id = $1 and locked_by = $2 and state = 'running'
       returning state`,
      [id, workerId, f.permanent === true, f.code, f.message, this.retry.baseDelayMs, this.retry.maxDelayMs],
    );
    const row = r.rows[0];
    return row ? (row.state === 'dead' ? 'dead' : 'queued') : null;
  }

  /** Give a job back untried (this worker cannot do any job): queued at once, the attempt not counted. */
  async release(id: string, workerId: string): Promise<boolean> {
    const r = await this.#pool.query(
      `update queue_jobs set state = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(), locked_by = null,
         locked_until = null, updated_at = now()
       where id = $1 and locked_by = $2 and state = 'running'`,
      [id, workerId],
    );
    return r.rowCount === 1;
  }

  /** Jobs whose lease ran out (their worker died or hung): queued again at once, or dead when their attempts are spent. */
  async reapExpired(): Promise<{ requeued: number; dead: number }> {
    const r = await this.#pool.query<{ state: JobState }>(
      `update queue_jobs set
         state = case when attempts >= max_attempts then 'dead' else 'queued' end,
         run_at = now(), last_code = 'LEASE_EXPIRED',
         last_error = 'the lease of worker ' || coalesce(locked_by, '?') || ' ran out before the job was done',
         locked_by = null, locked_until = null, updated_at = now(),
         finished_at = case when attempts >= max_attempts then now() end
       where id in (select id from queue_jobs where state = 'running' and locked_until < now() for update skip locked)
       returning state`,
    );
    const dead = r.rows.filter((x) => x.state === 'dead').length;
    return { requeued: r.rows.length - dead, dead };
  }

  /** Forget done jobs finished more than `olderThanMs` ago, and workers stopped or silent that long. */
  async prune(olderThanMs: number): Promise<number> {
    const r = await this.#pool.query(`delete from queue_jobs where state = 'done' and finished_at < now() - $1 * interval '1 millisecond'`, [olderThanMs]);
    await this.#pool.query(`delete from queue_workers where last_seen < now() - $1 * interval '1 millisecond'`, [olderThanMs]);
    return r.rowCount ?? 0;
  }

  /** The dead letters, most recent first. */
  async deadLetters(limit = 100): Promise<DeadLetter[]> {
    const r = await this.#pool.query<{ id: string; kind: JobKind; key: string; attempts: number; last_code: string | null; last_error: string | null; finished_at: Date | null }>(
      `select id, kind, key, attempts, last_code, last_error, finished_at from queue_jobs
       where state = 'dead' order by finished_at desc nulls last, id desc limit $1`,
      [Math.max(1, Math.min(limit, 10_000))],
    );
    return r.rows.map((x) => ({ id: String(x.id), kind: x.kind, key: x.key, attempts: x.attempts, code: x.last_code, error: x.last_error, failedAt: iso(x.finished_at) }));
  }

  /** Queue dead letters again with fresh attempts: these ids, or all of them. Returns how many. */
  async requeue(ids: readonly string[] | 'all'): Promise<number> {
    const r = await this.#pool.query(
      `update queue_jobs set state = 'queued', attempts = 0, run_at = now(), finished_at = null, updated_at = now()
       where state = 'dead' and ($1 or id = any($2::bigint[]))`,
      [ids === 'all', ids === 'all' ? [] : ids.filter((id) => /^\d{1,18}$/.test(id))],
    );
    if (r.rowCount) await this.#pool.query(`select pg_notify('${CHANNEL}', '')`);
    return r.rowCount ?? 0;
  }

  /** Say that this worker is alive (and how it is doing). */
  async heartbeat(w: WorkerBeat): Promise<void> {
    await this.#pool.query(
      `insert into queue_workers (id, host, pid, concurrency, state, in_hand, done, failed, started_at, last_seen)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       on conflict (id) do update set state = excluded.state, in_hand = excluded.in_hand, done = excluded.done,
         failed = excluded.failed, last_seen = now()`,
      [w.id, hostname(), process.pid, w.concurrency, w.state, w.inHand, w.done, w.failed, w.startedAt],
    );
  }

  async status(deadLetters = 20): Promise<QueueStatus> {
    const counts = await this.#pool.query<{ state: JobState; n: string; retrying: string; oldest: Date | null; expired: string }>(
      `select state, count(*) as n,
         count(*) filter (where state = 'queued' and attempts > 0) as retrying,
         min(created_at) filter (where state = 'queued') as oldest,
         count(*) filter (where state = 'running' and locked_until < now()) as expired
       from queue_jobs group by state`,
    );
    const jobs = { queued: 0, running: 0, done: 0, dead: 0, retrying: 0 };
    let oldest: Date | null = null;
    let expired = 0;
    for (const row of counts.rows) {
      jobs[row.state] = Number(row.n);
      jobs.retrying += Number(row.retrying);
      expired += Number(row.expired);
      if (row.oldest) oldest = row.oldest;
    }
    const w = await this.#pool.query<{
      id: string; host: string; pid: number; concurrency: number; state: WorkerInfo['state']; in_hand: number; done: number; failed: number;
      started_at: Date; last_seen: Date; alive: boolean;
    }>(
      `select *, (state <> 'stopped' and last_seen > now() - $1 * interval '1 millisecond') as alive
       from queue_workers order by last_seen desc limit 500`,
      [WORKER_STALE_MS],
    );
    return {
      jobs,
      oldestQueuedAt: iso(oldest),
      expiredLeases: expired,
      deadLetters: await this.deadLetters(deadLetters),
      workers: w.rows.map((x) => ({
        id: x.id, host: x.host, pid: x.pid, concurrency: x.concurrency, state: x.state, inHand: x.in_hand, done: x.done, failed: x.failed,
        startedAt: iso(x.started_at)!, lastSeen: iso(x.last_seen)!, alive: x.alive,
      })),
    };
  }

  /**
   * Call `wake` whenever jobs are added (LISTEN/NOTIFY on a connection of its own), so idle workers
   * need not poll often. Returns the stop. A lost connection only means waking by polling.
   */
  async listen(wake: () => void): Promise<() => Promise<void>> {
    const client = new pg.Client(this.#config);
    client.on('error', () => {});
    client.on('notification', () => wake());
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    return async () => {
      await client.end().catch(() => {});
    };
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
