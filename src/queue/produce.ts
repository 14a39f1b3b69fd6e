// The producer behind `marsad ingest --postgres` and `marsad watch --postgres`: it finds the work
// and queues it, and does none of it. URLs and feed items become fetch jobs; files, stdin and JSON
// Lines records are read here (they are on this machine only) and become extract jobs. Inputs
// already stored are reported and not queued; inputs already queued are not queued twice.

import { MarsadError, type DiagnosticCode } from '../doc/diagnostics.js';
import { canonicalUrl } from '../ingest/canonical.js';
import { FeedPoller, type FeedState } from '../ingest/feeds.js';
import type { Fetcher } from '../ingest/fetch.js';
import type { IngestStore } from '../ingest/run.js';
import { expandInputs, failureLine, readSource } from '../ingest/sources.js';
import { extractJob, fetchJob } from './jobs.js';
import type { NewJob } from './queue.js';

export type EnqueueEvent =
  | { type: 'feed'; feedUrl: string; notModified: boolean; items: number }
  /** queued: a new job; queued-already: the same work is queued, running or dead; stored: already in the store. */
  | { type: 'input'; source: string; outcome: 'queued' | 'queued-already' | 'stored'; kind: 'fetch' | 'extract' }
  | { type: 'failed'; source: string; code: DiagnosticCode; line: string };

export interface EnqueueSummary {
  /** Inputs handled. */
  total: number;
  queued: number;
  alreadyQueued: number;
  alreadyStored: number;
  failed: number;
  feeds: { polled: number; notModified: number; failed: number };
  interrupted: boolean;
  elapsedMs: number;
}

export interface EnqueueOptions {
  inputs?: readonly string[];
  feeds?: readonly string[];
  inputErrors?: ReadonlyArray<{ source: string; error: MarsadError }>;
  store: IngestStore;
  queue: { enqueue(jobs: readonly NewJob[]): Promise<string[]> };
  /** For the feeds only: pages are fetched by the workers. */
  fetcher: Pick<Fetcher, 'fetch'>;
  stdin?: AsyncIterable<Uint8Array | string>;
  maxBytes?: number;
  signal?: AbortSignal;
  onEvent?: (e: EnqueueEvent) => void;
}

// Jobs go in by the hundred: one round trip each, and a feed's items are all queued before its
// validators are saved.
const FLUSH_AT = 100;

const asMarsadError = (err: unknown) =>
  err instanceof MarsadError ? err : new MarsadError('INTERNAL', err instanceof Error ? err.message : String(err), { cause: err });

export async function enqueueInputs(o: EnqueueOptions): Promise<EnqueueSummary> {
  const started = performance.now();
  const emit = (e: EnqueueEvent) => o.onEvent?.(e);
  const s: EnqueueSummary = { total: 0, queued: 0, alreadyQueued: 0, alreadyStored: 0, failed: 0, feeds: { polled: 0, notModified: 0, failed: 0 }, interrupted: false, elapsedMs: 0 };
  const pending: Array<{ job: NewJob; source: string }> = [];
  const keys = new Set<string>();

  const fail = async (source: string, origin: string, url: string | null, error: MarsadError) => {
    s.total++;
    s.failed++;
    emit({ type: 'failed', source, code: error.code, line: failureLine(source, error) });
    try {
      await o.store.logFailure({ source: origin, url, code: error.code, message: error.message });
    } catch (err) {
      emit({ type: 'failed', source, code: asMarsadError(err).code, line: failureLine(source, new MarsadError(asMarsadError(err).code, `could not record the failure: ${asMarsadError(err).message}`)) });
    }
  };
  const stored = (source: string, kind: 'fetch' | 'extract') => {
    s.total++;
    s.alreadyStored++;
    emit({ type: 'input', source, outcome: 'stored', kind });
  };
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending.splice(0);
    const added = new Set(await o.queue.enqueue(batch.map((p) => p.job)));
    for (const { job, source } of batch) {
      s.total++;
      const outcome = added.delete(job.key) ? 'queued' : 'queued-already';
      if (outcome === 'queued') s.queued++;
      else s.alreadyQueued++;
      emit({ type: 'input', source, outcome, kind: job.kind as 'fetch' | 'extract' });
    }
  };
  const add = async (job: NewJob, source: string) => {
    const k = `${job.kind}\n${job.key}`;
    if (keys.has(k)) {
      s.total++;
      s.alreadyQueued++;
      emit({ type: 'input', source, outcome: 'queued-already', kind: job.kind as 'fetch' | 'extract' });
      return;
    }
    keys.add(k);
    pending.push({ job, source });
    if (pending.length >= FLUSH_AT) await flush();
  };
  const stopped = () => {
    if (o.signal?.aborted) s.interrupted = true;
    return s.interrupted;
  };

  for (const e of o.inputErrors ?? []) await fail(e.source, `cli:${e.source}`, null, e.error);
  if (o.inputs?.length) {
    try {
      for await (const x of expandInputs(o.inputs, { stdin: o.stdin, maxBytes: o.maxBytes })) {
        if (stopped()) break;
        const origin = `cli:${x.source}`;
        if (x.kind === 'error') {
          await fail(x.source, origin, null, x.error);
        } else if (x.kind === 'url') {
          const known = await o.store.findArticle({ canonicalUrl: canonicalUrl(x.url), url: x.url });
          if (known) stored(x.source, 'fetch');
          else await add(fetchJob({ url: x.url, origin }), x.source);
        } else {
          try {
            const doc = await readSource(x, { maxBytes: o.maxBytes });
            const known = await o.store.findArticle({ canonicalUrl: doc.canonicalUrl, url: doc.url, contentHash: doc.contentHash });
            if (known) stored(x.source, 'extract');
            else await add(extractJob({ origin, doc }), x.source);
          } catch (err) {
            await fail(x.source, origin, x.kind === 'record' ? x.record.url : null, asMarsadError(err));
          }
        }
      }
    } catch (err) {
      // expandInputs reports per input; what escapes is stdin itself failing.
      await fail('-', 'cli:-', null, asMarsadError(err));
    }
  }

  // The validators a poll brings are held, and saved once the feed's items are safely queued.
  const held = new Map<string, FeedState>();
  const poller = new FeedPoller(o.fetcher, {
    get: (url) => o.store.getFeedState(url),
    set: (url, state) => void held.set(url, state),
  });
  for (const feedUrl of o.feeds ?? []) {
    if (stopped()) break;
    const origin = `feed:${feedUrl}`;
    let poll;
    try {
      poll = await poller.poll(feedUrl, { signal: o.signal });
    } catch (err) {
      if (stopped()) break;
      s.feeds.failed++;
      await fail(feedUrl, origin, feedUrl, asMarsadError(err));
      continue;
    }
    s.feeds.polled++;
    if (poll.notModified) s.feeds.notModified++;
    emit({ type: 'feed', feedUrl, notModified: poll.notModified, items: poll.items.length });
    for (const item of poll.items) {
      const known = await o.store.findArticle({ canonicalUrl: canonicalUrl(item.url), url: item.url });
      if (known) stored(item.url, 'fetch');
      else await add(fetchJob({ url: item.url, origin, feed: { url: feedUrl, title: poll.title, item: { title: item.title, publishedAt: item.publishedAt } } }), item.url);
    }
    await flush();
    const state = held.get(feedUrl);
    held.delete(feedUrl);
    if (!state) continue;
    try {
      await o.store.setFeedState(feedUrl, state);
    } catch (err) {
      emit({ type: 'failed', source: feedUrl, code: asMarsadError(err).code, line: failureLine(feedUrl, new MarsadError(asMarsadError(err).code, `feed state not saved: ${asMarsadError(err).message}`)) });
    }
  }
  await flush();
  s.elapsedMs = performance.now() - started;
  return s;
}
