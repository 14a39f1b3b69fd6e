// marsad worker --postgres URL [--concurrency N] [--workers N]   do the queued jobs, until stopped
// marsad queue status|requeue --postgres URL                      look at the queue; queue dead letters again
//
// A worker is stateless: start as many as the database can serve, on as many machines as needed
// (docs/scaling.md). SIGINT or SIGTERM: no new job is taken, those in hand are finished, the worker
// says it stopped and exits 0; a second signal exits at once (its leases run out and its jobs go to
// another worker). Exit 1 when it cannot work (no database, no extractor), 2 for a usage error.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { createFetcher } from '../../ingest/fetch.js';
import { threadPool } from '../../pipeline/pool.js';
import { newWorkerId } from '../../queue/queue.js';
import { DEFAULT_LEASE_MS, runWorker, type WorkerEvent } from '../../queue/worker.js';
import { allowPrivate, DEFAULT_WORKERS, parseDuration, parseWorkers } from '../ingest-options.js';
import { isPostgresUrl, openQueueAt, openStoreAt } from '../open-store.js';
import { stopOnSignals } from '../signals.js';

interface WorkerCliOptions {
  postgres: string;
  concurrency?: number;
  workers?: number;
  lease: number;
  allowPrivate?: boolean;
  quiet?: boolean;
}

function parsePostgres(v: string): string {
  if (!isPostgresUrl(v)) throw new InvalidArgumentError('expected a postgres:// URL');
  return v;
}

export function workerLine(e: WorkerEvent): string {
  switch (e.type) {
    case 'done': {
      const r = e.result;
      const what = r.reason ? `: ${r.reason}` : r.outcome === 'duplicate' ? '' : ` (${r.events} event${r.events === 1 ? '' : 's'})`;
      return `${r.outcome.padEnd(9)} ${e.source}${what}${r.extractFailed ? ` [EXTRACT_FAILED: ${r.extractFailed}]` : ''}`;
    }
    case 'retry':
      return `retry     ${e.source}: attempt ${e.attempt} failed: ${e.message} [${e.code}]`;
    case 'dead':
      return `dead      ${e.source}: attempt ${e.attempt} failed, no more tries: ${e.message} [${e.code}]`;
    case 'lost':
      return `lost      ${e.source}: the lease ran out before the job was done; another worker has it`;
    case 'swept':
      return `swept     ${e.requeued} job${e.requeued === 1 ? '' : 's'} of a silent worker queued again${e.dead ? `, ${e.dead} dead` : ''}`;
    case 'trouble':
      return `trouble   ${e.message}`;
  }
}

export function registerWorker(program: Command, setExit: (code: number) => void): void {
  program
    .command('worker')
    .description('do the jobs queued in PostgreSQL by `ingest --postgres` and `watch --postgres`, until stopped')
    .requiredOption('--postgres <url>', 'the PostgreSQL database holding the queue and the store', parsePostgres)
    .option('--concurrency <n>', 'jobs in hand at once (default: twice the extraction threads, at least 4)', parseWorkers)
    .option('--workers <n>', 'extraction threads (default: the number of cores)', parseWorkers)
    .addOption(new Option('--lease <duration>', 'how long a job stays this worker\'s without a renewal: 30s, 2m…')
      .argParser(parseDuration).default(DEFAULT_LEASE_MS, `${DEFAULT_LEASE_MS / 1000}s`))
    .option('--allow-private', 'fetch from private and loopback addresses too (or MARSAD_ALLOW_PRIVATE=1)')
    .option('-q, --quiet', 'print only failures')
    .action(async (opts: WorkerCliOptions) => setExit(await runWorkerCli(opts)));

  const queue = program.command('queue').description('the PostgreSQL job queue: its state, and dead letters queued again');
  queue
    .command('status')
    .description('print the queue depth by state, the dead letters and the workers, as JSON')
    .requiredOption('--postgres <url>', 'the PostgreSQL database holding the queue', parsePostgres)
    .option('--dead <n>', 'dead letters to list', parseWorkers, 20)
    .action(async (opts: { postgres: string; dead: number }) => {
      try {
        const q = await openQueueAt(opts.postgres, { poolMax: 1 });
        try {
          process.stdout.write(`${JSON.stringify(await q.status(opts.dead), null, 2)}\n`);
        } finally {
          await q.close();
        }
      } catch (err) {
        process.stderr.write(`marsad: queue status: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
  queue
    .command('requeue')
    .description('queue dead letters again, with fresh attempts')
    .argument('[ids...]', 'job ids (from `marsad queue status`)')
    .requiredOption('--postgres <url>', 'the PostgreSQL database holding the queue', parsePostgres)
    .option('--all', 'every dead letter')
    .action(async (ids: string[], opts: { postgres: string; all?: boolean }) => {
      if (!opts.all && ids.length === 0) {
        process.stderr.write('marsad: queue requeue: give job ids, or --all\n');
        setExit(2);
        return;
      }
      const bad = ids.find((id) => !/^\d{1,18}$/.test(id));
      if (bad) {
        process.stderr.write(`marsad: queue requeue: ${bad}: not a job id\n`);
        setExit(2);
        return;
      }
      try {
        const q = await openQueueAt(opts.postgres, { poolMax: 1 });
        try {
          const n = await q.requeue(opts.all ? 'all' : ids);
          process.stderr.write(`marsad: queue requeue: ${n} dead letter${n === 1 ? '' : 's'} queued again\n`);
          if (!opts.all && n < ids.length) setExit(1);
        } finally {
          await q.close();
        }
      } catch (err) {
        process.stderr.write(`marsad: queue requeue: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
}

async function runWorkerCli(opts: WorkerCliOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`marsad: worker: ${line}\n`);
  const threads = opts.workers ?? DEFAULT_WORKERS();
  // Twice the threads: while one job is extracted the next is fetched.
  const concurrency = opts.concurrency ?? Math.max(4, threads * 2);
  let store;
  let queue;
  try {
    // A connection per job in hand at most, and one for the worker's own beat.
    store = await openStoreAt(opts.postgres, { poolMax: concurrency + 1 });
    queue = await openQueueAt(opts.postgres, { poolMax: 2 });
  } catch (err) {
    await store?.close();
    say(`cannot open the PostgreSQL database: ${(err as Error).message}`);
    return 1;
  }
  // Always on threads, one included: extraction on the main thread would hold up the beats that
  // renew the leases (loading the knowledge alone takes seconds), and the jobs would go elsewhere.
  const pool = threadPool({ threads });
  const fetcher = createFetcher({ allowPrivate: allowPrivate(opts.allowPrivate) });
  const stop = stopOnSignals((sig) => say(`${sig}: finishing the jobs in hand (again to quit at once)`));
  const id = newWorkerId();
  say(`${id}: ${concurrency} jobs at once, ${threads} extraction thread${threads === 1 ? '' : 's'}, lease ${opts.lease / 1000} s; Ctrl-C stops`);
  try {
    const summary = await runWorker({
      queue, store, extractPool: pool, fetcher, concurrency, leaseMs: opts.lease, signal: stop.signal,
      onEvent: (e) => {
        if (opts.quiet && (e.type === 'done' || e.type === 'swept' || e.type === 'retry')) return;
        process.stderr.write(`${workerLine(e)}\n`);
      },
      id,
    });
    say(`${summary.id}: ${summary.done} job${summary.done === 1 ? '' : 's'} done, ${summary.failed} failed${stop.received() ? `; stopped by ${stop.received()}` : ''}`);
    if (summary.fatal) {
      say(summary.fatal.message);
      return 1;
    }
    return 0;
  } catch (err) {
    say(`stopped: ${(err as Error).message}`);
    return 1;
  } finally {
    stop.dispose();
    await Promise.all([pool.close(), fetcher.close(), store.close(), queue.close()]);
  }
}
