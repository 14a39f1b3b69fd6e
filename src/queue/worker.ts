// A stateless worker: it takes jobs from the queue, up to `concurrency` at a time, and ingests each
// (ingestOne). Everything it knows is in PostgreSQL, so any number of them run on any number of
// machines, and one may be killed at any moment: its leases run out and its jobs go to another.
//
// While it works it beats: every beat renews the leases of the jobs in hand, says it is alive
// (queue_workers), and sweeps up jobs whose leases ran out elsewhere. On stop (the signal) it takes
// no new job, finishes those in hand, and says it stopped.

import { MarsadError } from '../doc/diagnostics.js';
import type { Fetcher } from '../ingest/fetch.js';
import { ingestOne, isPermanent, type OneResult } from '../ingest/one.js';
import { ExtractorLoadError, type ExtractPool } from '../pipeline/pool.js';
import type { Store } from '../store/types.js';
import { jobInput, jobSource } from './jobs.js';
import { newWorkerId, type ClaimedJob, type JobQueue } from './queue.js';

export type WorkerEvent =
  | { type: 'done'; jobId: string; source: string; result: OneResult }
  | { type: 'retry'; jobId: string; source: string; attempt: number; code: string; message: string }
  | { type: 'dead'; jobId: string; source: string; attempt: number; code: string; message: string }
  /** The lease was lost before the job was done: another worker has it (the store keeps one copy). */
  | { type: 'lost'; jobId: string; source: string }
  | { type: 'swept'; requeued: number; dead: number }
  /** The database could not be reached for a while; the worker goes on trying. */
  | { type: 'trouble'; message: string };

export interface WorkerOptions {
  queue: Pick<JobQueue, 'claim' | 'renew' | 'complete' | 'fail' | 'release' | 'reapExpired' | 'prune' | 'heartbeat' | 'listen'>;
  store: Pick<Store, 'saveArticle' | 'findArticle' | 'logFailure'>;
  extractPool: ExtractPool;
  fetcher: Pick<Fetcher, 'fetch'>;
  /** Jobs in hand at once. */
  concurrency: number;
  /** How long a claimed job stays this worker's without a renewal. Default 60 s. */
  leaseMs?: number;
  /** How often an idle worker looks for jobs when no notification came. Default 2 s. */
  pollMs?: number;
  /** How long done jobs and silent workers are kept. Default 1 day. */
  retentionMs?: number;
  /** Stop: take no new job, finish those in hand. */
  signal: AbortSignal;
  id?: string;
  onEvent?: (e: WorkerEvent) => void;
}

export interface WorkerSummary {
  id: string;
  done: number;
  failed: number;
  /** Set when the worker stopped because it cannot work at all (no extractor). */
  fatal: Error | null;
}

export const DEFAULT_LEASE_MS = 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export async function runWorker(o: WorkerOptions): Promise<WorkerSummary> {
  const id = o.id ?? newWorkerId();
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = o.pollMs ?? 2000;
  // Three beats per lease: a lease survives two missed beats (a slow query, a GC pause).
  const beatMs = Math.max(100, Math.min(5000, Math.floor(leaseMs / 3)));
  const emit = (e: WorkerEvent) => o.onEvent?.(e);
  const startedAt = new Date();
  const inHand = new Map<string, Promise<void>>();
  const summary: WorkerSummary = { id, done: 0, failed: 0, fatal: null };
  const halt = new AbortController();
  const stopping = () => o.signal.aborted || halt.signal.aborted;

  // One wake-up for everything the loop waits on: a job added, a job finished, the stop, the poll timer.
  // A nudge with no one waiting is kept, so a job finishing during a claim is not missed.
  let wake: (() => void) | null = null;
  let nudged = false;
  const nudge = () => {
    const w = wake;
    wake = null;
    if (w) w();
    else nudged = true;
  };
  const idle = (ms: number) => new Promise<void>((resolve) => {
    if (nudged) {
      nudged = false;
      resolve();
      return;
    }
    const t = setTimeout(() => nudge(), ms);
    wake = () => {
      clearTimeout(t);
      resolve();
    };
  });
  o.signal.addEventListener('abort', nudge, { once: true });
  halt.signal.addEventListener('abort', nudge, { once: true });

  const beat = async (state: 'running' | 'stopping' | 'stopped') => {
    await o.queue.heartbeat({ id, concurrency: o.concurrency, state, inHand: inHand.size, done: summary.done, failed: summary.failed, startedAt });
  };
  let lastPrune = 0;
  let beating: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await o.queue.renew(id, [...inHand.keys()], leaseMs);
      await beat(stopping() ? 'stopping' : 'running');
      const swept = await o.queue.reapExpired();
      if (swept.requeued || swept.dead) {
        emit({ type: 'swept', ...swept });
        nudge();
      }
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await o.queue.prune(o.retentionMs ?? 24 * 3_600_000);
      }
    } catch (err) {
      emit({ type: 'trouble', message: `heartbeat: ${(err as Error).message}` });
    }
  };
  const timer = setInterval(() => {
    beating = beating.then(tick);
  }, beatMs);

  async function handle(job: ClaimedJob): Promise<void> {
    let source = `job ${job.id}`;
    try {
      const input = jobInput(job);
      source = jobSource(input);
      const result = await ingestOne(input, { store: o.store, extractPool: o.extractPool, fetcher: o.fetcher });
      summary.done++;
      if (await o.queue.complete(job.id, id)) emit({ type: 'done', jobId: job.id, source, result });
      else emit({ type: 'lost', jobId: job.id, source });
    } catch (err) {
      if (err instanceof ExtractorLoadError) {
        // Nothing can be extracted here: give the job back untried, and stop.
        summary.fatal ??= err;
        halt.abort();
        await o.queue.release(job.id, id).catch(() => {});
        return;
      }
      const e = err instanceof MarsadError ? err : new MarsadError('INTERNAL', err instanceof Error ? err.message : String(err), { cause: err });
      summary.failed++;
      const state = await o.queue.fail(job.id, id, { code: e.code, message: e.message, permanent: isPermanent(e) });
      if (state === 'dead') {
        emit({ type: 'dead', jobId: job.id, source, attempt: job.attempts, code: e.code, message: e.message });
        // A dead letter is a failed input: it shows in the ingest log like a local failure.
        const input = (() => { try { return jobInput(job); } catch { return null; } })();
        await o.store.logFailure({
          source: input?.origin ?? `job:${job.id}`, url: input?.kind === 'fetch' ? input.url : input?.doc.url ?? null, code: e.code, message: e.message,
        }).catch(() => {});
      } else if (state === 'queued') {
        emit({ type: 'retry', jobId: job.id, source, attempt: job.attempts, code: e.code, message: e.message });
      } else {
        emit({ type: 'lost', jobId: job.id, source });
      }
    }
  }

  try {
    await beat('running');
    let unlisten: (() => Promise<void>) | null = null;
    try {
      unlisten = await o.queue.listen(nudge);
    } catch (err) {
      emit({ type: 'trouble', message: `no notifications, polling every ${pollMs} ms: ${(err as Error).message}` });
    }
    try {
      while (!stopping()) {
        nudged = false;
        const free = o.concurrency - inHand.size;
        let claimed: ClaimedJob[] = [];
        if (free > 0) {
          try {
            claimed = await o.queue.claim(id, free, leaseMs);
          } catch (err) {
            emit({ type: 'trouble', message: `claim: ${(err as Error).message}` });
          }
        }
        for (const job of claimed) {
          const p = handle(job).catch((err: unknown) => emit({ type: 'trouble', message: `job ${job.id}: ${(err as Error).message}` })).finally(() => {
            inHand.delete(job.id);
            nudge();
          });
          inHand.set(job.id, p);
        }
        // A full claim may mean more is waiting: ask again at once while there is room.
        if (claimed.length > 0 && claimed.length === free) continue;
        if (stopping()) break;
        await idle(pollMs);
      }
    } finally {
      await Promise.all(inHand.values());
      await unlisten?.();
    }
  } finally {
    clearInterval(timer);
    await beating;
    await beat('stopped').catch(() => {});
  }
  return summary;
}
