// `marsad ingest --postgres` and `marsad watch --postgres`: the inputs go to the job queue for the
// workers (`marsad worker`) instead of being read here. One line per input unless --quiet,
// failures always, a summary at the end.
import { enqueueInputs, type EnqueueEvent, type EnqueueOptions, type EnqueueSummary } from '../queue/produce.js';
import type { JobQueue } from '../queue/queue.js';
import type { Store } from '../store/index.js';
import { openQueueAt, openStoreAt } from './open-store.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function enqueueLine(e: EnqueueEvent): string | null {
  switch (e.type) {
    case 'feed':
      return `feed ${e.feedUrl}: ${e.notModified ? 'not modified' : plural(e.items, 'item')}`;
    case 'failed':
      return e.line;
    case 'input':
      return e.outcome === 'queued' ? `queued    ${e.source} (${e.kind})`
        : e.outcome === 'queued-already' ? `queued    ${e.source}: already queued`
        : `duplicate ${e.source}: already ingested`;
  }
}

/** "12 inputs in 0.4 s: 9 queued for the workers, 2 already queued, 1 already ingested; 1 feed polled" */
export function enqueueSummaryLine(s: EnqueueSummary): string {
  const parts: string[] = [`${s.queued} queued for the workers`];
  if (s.alreadyQueued) parts.push(`${s.alreadyQueued} already queued`);
  if (s.alreadyStored) parts.push(`${s.alreadyStored} already ingested`);
  if (s.failed) parts.push(`${s.failed} failed`);
  let line = `${plural(s.total, 'input')} in ${(s.elapsedMs / 1000).toFixed(1)} s: ${parts.join(', ')}`;
  const f = s.feeds;
  if (f.polled || f.failed) {
    line += `; ${plural(f.polled + f.failed, 'feed')} polled`;
    if (f.notModified) line += `, ${f.notModified} not modified`;
    if (f.failed) line += `, ${f.failed} failed`;
  }
  if (s.interrupted) line += '; stopped early';
  return line;
}

export interface Producer {
  store: Store;
  queue: JobQueue;
  close(): Promise<void>;
}

/** The store (feed validators, what is already ingested, failures) and the queue, in one database. */
export async function openProducer(url: string): Promise<Producer> {
  const store = await openStoreAt(url, { poolMax: 2 });
  try {
    const queue = await openQueueAt(url, { poolMax: 1 });
    return { store, queue, close: async () => void (await Promise.all([store.close(), queue.close()])) };
  } catch (err) {
    await store.close();
    throw err;
  }
}

export async function enqueueReported(
  p: Producer, o: Omit<EnqueueOptions, 'store' | 'queue' | 'onEvent'>, out: { quiet?: boolean; prefix: string },
): Promise<EnqueueSummary> {
  const summary = await enqueueInputs({
    ...o,
    store: p.store,
    queue: p.queue,
    onEvent: (e) => {
      if (out.quiet && e.type !== 'failed') return;
      const line = enqueueLine(e);
      if (line) process.stderr.write(`${line}\n`);
    },
  });
  process.stderr.write(`${out.prefix}${enqueueSummaryLine(summary)}\n`);
  return summary;
}
