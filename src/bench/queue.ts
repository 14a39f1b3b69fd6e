// The scale-out benchmark: documents per second through PostgreSQL with 1 and with 2 `marsad worker`
// processes (one extraction thread each) on this machine. Generated news pages are read by the
// producer (`enqueueInputs`, as `marsad ingest DIR --postgres` does) and queued as extract jobs; the
// clock runs from the first job queued to the last one done. Workers are started and warmed (their
// knowledge loaded, a few pages done) before the clock starts. Besides the rate: the rows PostgreSQL
// writes per document (inserts, updates and deletes in marsad's tables, queue included) and the most
// connections the workers held, the figures docs/scaling.md turns into a deployment's needs.
// Needs the built CLI (dist/cli.js) and PostgreSQL (MARSAD_BENCH_PG_URL, default the test server).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createFetcher } from '../ingest/fetch.js';
import { enqueueInputs } from '../queue/produce.js';
import { JobQueue } from '../queue/queue.js';
import { openPostgresStore } from '../store/postgres.js';
import { generateCorpus } from './corpus.js';
import { benchPage } from './ingest.js';
import { median } from './reading.js';

export interface QueueBenchOptions {
  /** Pages per timed run. Default 200. */
  docs?: number;
  /** Timed runs per configuration (each with pages of its own); the median is reported. */
  runs?: number;
}

// a type, not an interface, so it is a record of figures for the bench registry
export type QueueBenchResult = {
  docs: number;
  runs: number;
  workers1DocsPerSec: number;
  workers2DocsPerSec: number;
  /** Rows inserted, updated or deleted per document, all tables (store and queue). */
  rowWritesPerDoc: number;
  /** Most connections one worker process held during the run. */
  connectionsPerWorker: number;
};

const PG_URL = process.env.MARSAD_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  ms: number;
  rowWrites: number;
  peakConnections: number;
}

async function oneConfiguration(workers: number, docs: number, runs: number): Promise<Run[]> {
  const schema = `marsad_bench_${process.pid}_${workers}_${Date.now().toString(36)}`;
  const app = `marsad-bench-${process.pid}-${workers}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const url = new URL(PG_URL);
  url.searchParams.set('schema', schema);
  const store = await openPostgresStore({ connectionString: PG_URL, schema, pool: { max: 2 } });
  const queue = await JobQueue.open({ connectionString: PG_URL, schema, poolMax: 1 });
  const fetcher = createFetcher();
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const pagesDir = (seed: number, count: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-queue-'));
    dirs.push(dir);
    generateCorpus(count, seed).forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(6, '0')}.html`), benchPage(text, i)));
    return dir;
  };
  const left = async () => Number((await admin.query(`select count(*) as n from "${schema}".queue_jobs where state in ('queued', 'running')`)).rows[0].n);
  const writes = async () => {
    const r = await admin.query(`select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) as w from pg_stat_user_tables where schemaname = $1`, [schema]);
    return Number(r.rows[0].w);
  };
  const drain = async (what: string) => {
    const until = Date.now() + 30 * 60_000;
    while ((await left()) > 0) {
      if (Date.now() > until) throw new Error(`bench queue: ${what}: jobs still queued after 30 minutes`);
      if (children.some((c) => c.exitCode !== null)) throw new Error(`bench queue: ${what}: a worker exited`);
      await sleep(25);
    }
  };
  try {
    for (let w = 0; w < workers; w++) {
      const child = spawn(process.execPath, [CLI, 'worker', '--postgres', url.href, '--workers', '1', '--concurrency', '4', '--quiet'], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, PGAPPNAME: app },
      });
      children.push(child);
    }
    // Warm: every worker's knowledge loaded and a few pages done before any clock runs.
    await enqueueInputs({ inputs: [pagesDir(77, 4 * workers)], store, queue, fetcher });
    await drain('warm-up');
    const out: Run[] = [];
    for (let r = 0; r < runs; r++) {
      const dir = pagesDir(20240601 + r, docs);
      await sleep(600); // let the statistics of the warm-up settle (PostgreSQL flushes them about every second)
      const w0 = await writes();
      let peak = 0;
      const t0 = performance.now();
      const s = await enqueueInputs({ inputs: [dir], store, queue, fetcher });
      if (s.queued !== docs) throw new Error(`bench queue: ${s.queued} of ${docs} pages queued (${s.failed} failed)`);
      const until = Date.now() + 30 * 60_000;
      while ((await left()) > 0) {
        if (Date.now() > until) throw new Error('bench queue: jobs still queued after 30 minutes');
        if (children.some((c) => c.exitCode !== null)) throw new Error('bench queue: a worker exited');
        const n = Number((await admin.query(`select count(*) as n from pg_stat_activity where application_name = $1`, [app])).rows[0].n);
        peak = Math.max(peak, n);
        await sleep(25);
      }
      const ms = performance.now() - t0;
      const stored = Number((await admin.query(`select count(*) as n from "${schema}".ingest_log where outcome = 'inserted'`)).rows[0].n);
      if (stored !== 4 * workers + docs * (r + 1)) throw new Error(`bench queue: ${stored} documents stored, expected ${4 * workers + docs * (r + 1)}`);
      await sleep(1500);
      out.push({ ms, rowWrites: (await writes()) - w0, peakConnections: peak / workers });
    }
    return out;
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await Promise.all([store.close(), queue.close(), fetcher.close()]);
    await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

export async function benchQueue(opts: QueueBenchOptions = {}): Promise<QueueBenchResult | Record<string, never>> {
  const docs = opts.docs ?? 200;
  const runs = Math.max(1, opts.runs ?? 2);
  const probe = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
  } catch (err) {
    process.stderr.write(`bench queue: PostgreSQL at ${PG_URL} is unreachable (${(err as Error).message}); skipped\n`);
    return {};
  } finally {
    await probe.end().catch(() => {});
  }
  const one = await oneConfiguration(1, docs, runs);
  const two = await oneConfiguration(2, docs, runs);
  const rate = (rs: Run[]) => Math.round((docs / (median(rs.map((r) => r.ms)) / 1000)) * 10) / 10;
  const all = [...one, ...two];
  return {
    docs,
    runs,
    workers1DocsPerSec: rate(one),
    workers2DocsPerSec: rate(two),
    rowWritesPerDoc: Math.round(median(all.map((r) => r.rowWrites / docs)) * 10) / 10,
    connectionsPerWorker: Math.max(...all.map((r) => r.peakConnections)),
  };
}
