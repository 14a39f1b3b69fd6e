// The job queue's tables, versioned like the store's (never edit a published step; append one),
// recorded in their own table so the queue and the store can evolve without sharing version numbers.
// PostgreSQL only: claiming a job needs row locks that skip rows another worker holds
// (FOR UPDATE SKIP LOCKED), which SQLite does not have.

import type pg from 'pg';

interface QueueMigration {
  version: number;
  name: string;
  sql: string;
}

export const QUEUE_MIGRATIONS: readonly QueueMigration[] = [
  {
    version: 1,
    name: 'jobs (fetch, extract) with leases, retries and dead letters; worker heartbeats',
    sql: `
      create table queue_jobs (
        id bigserial primary key,
        kind text not null,
        -- what makes two jobs the same work (a canonical URL, a content hash): one live job per key
        key text not null,
        -- JSON as text: a document's text may hold characters jsonb refuses (U+0000)
        payload text not null,
        state text not null default 'queued' check (state in ('queued', 'running', 'done', 'dead')),
        attempts integer not null default 0,
        max_attempts integer not null,
        run_at timestamptz not null default now(),
        locked_by text,
        locked_until timestamptz,
        last_code text,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        finished_at timestamptz
      );
      -- the claim walks this index in order and stops at the first unlocked rows
      create index queue_jobs_ready on queue_jobs (run_at, id) where state = 'queued';
      create index queue_jobs_leases on queue_jobs (locked_until) where state = 'running';
      create index queue_jobs_done on queue_jobs (finished_at) where state = 'done';
      -- enqueueing work already queued, running or dead is a no-op; done work may come again
      create unique index queue_jobs_live_key on queue_jobs (kind, key) where state <> 'done';

      create table queue_workers (
        id text primary key,
        host text not null,
        pid integer not null,
        concurrency integer not null,
        state text not null check (state in ('running', 'stopping', 'stopped')),
        in_hand integer not null default 0,
        done integer not null default 0,
        failed integer not null default 0,
        started_at timestamptz not null,
        last_seen timestamptz not null
      );
    `,
  },
];

/** Arbitrary constant naming the queue's migration lock among other advisory locks ("mq"). */
const LOCK = 0x6d71;

/** Apply the queue's steps not yet recorded, in one transaction under an advisory lock. */
export async function migrateQueue(client: pg.PoolClient | pg.Client): Promise<number> {
  await client.query('begin');
  try {
    // Taken before anything is created: two workers starting at once would otherwise race to create the table.
    await client.query('select pg_advisory_xact_lock($1)', [LOCK]);
    await client.query(`create table if not exists queue_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    for (const step of [...QUEUE_MIGRATIONS].sort((a, b) => a.version - b.version)) {
      const done = await client.query('select 1 from queue_migrations where version = $1', [step.version]);
      if (done.rowCount) continue;
      await client.query(step.sql);
      await client.query('insert into queue_migrations (version, name) values ($1, $2)', [step.version, step.name]);
    }
    const r = await client.query<{ v: number | null }>('select max(version) as v from queue_migrations');
    await client.query('commit');
    return Number(r.rows[0]?.v ?? 0);
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  }
}
