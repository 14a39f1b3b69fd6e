// One ingestion batch: inputs and feeds in; each document read, recognised when already ingested,
// extracted (or kept unextracted when it is not Arabic) and stored, or handed on; every failure
// named, recorded with its source, and the batch going on. `marsad ingest` and `marsad watch` run
// it; it knows nothing of terminals, so a PostgreSQL scale-out can run the same batch.
//
// Inputs are discovered ahead of the work (up to LOOKAHEAD), so the total is known early; up to
// `concurrency` documents are read and extracted at once; results are written and handed on one at
// a time in input order, so the same inputs give the same output and the same numbering.

import { MarsadError, type DiagnosticCode } from '../doc/diagnostics.js';
import { createDocument } from '../doc/document.js';
import type { MarsadDocument } from '../doc/types.js';
import { ExtractorLoadError, type ExtractPool } from '../pipeline/pool.js';
import type { ArticleRef, Store } from '../store/types.js';
import { canonicalUrl } from './canonical.js';
import { DuplicateFilter, type DuplicateReason, type SeenSets } from './dedupe.js';
import { FeedPoller, type FeedItem, type FeedState } from './feeds.js';
import type { Fetcher } from './fetch.js';
import { BoundedQueue, InOrder } from './flow.js';
import { expandInputs, failureLine, isExtractable, readSource, toDocumentInput, type RawDocument, type SourceItem } from './sources.js';

/** What a batch needs of the store. */
export type IngestStore = Pick<Store, 'saveArticle' | 'logFailure' | 'findArticle' | 'getFeedState' | 'setFeedState'>;

/**
 * inserted, updated, duplicate: what the store did. kept: not Arabic, stored (or handed on) without
 * extraction. extracted: handed on, no store.
 */
export type DocumentOutcome = 'inserted' | 'updated' | 'duplicate' | 'kept' | 'extracted';

export type IngestEvent =
  /** Inputs discovered so far; grows while discovery runs ahead of the work. */
  | { type: 'found'; total: number }
  | { type: 'feed'; feedUrl: string; notModified: boolean; items: number }
  | { type: 'document'; source: string; outcome: DocumentOutcome; events: number; articleId: string | null; reason: string | null }
  /**
   * One input failed: `line` names it and the reason. `extra`: not an input of its own (a document
   * kept with an extraction error, which has its 'document' event; a feed state not saved).
   */
  | { type: 'failed'; source: string; code: DiagnosticCode; line: string; extra?: boolean };

export interface IngestSummary {
  /** Inputs handled: documents, duplicates and failures (not those left unstarted by a stop). */
  total: number;
  inserted: number;
  updated: number;
  duplicates: number;
  /** Not Arabic: kept with a diagnostic, not extracted. */
  kept: number;
  /** Handed on without a store. */
  extracted: number;
  /** Inputs that failed, and documents whose extraction failed part-way (kept with the error). */
  failed: number;
  /** Events in the documents written or handed on. */
  events: number;
  feeds: { polled: number; notModified: number; failed: number };
  /** Stopped by the signal before the end. */
  interrupted: boolean;
  /** Inputs discovered but not started because of the stop. */
  notStarted: number;
  elapsedMs: number;
}

export interface IngestOptions {
  /** Paths (directories recursively), http(s) URLs, '-' for stdin; .jsonl files hold one document a line. */
  inputs?: readonly string[];
  /** Feed URLs; each is polled once (conditional GET with the validators the store kept) and its items ingested. */
  feeds?: readonly string[];
  /** Failures found before the batch (a bad line in a feed list), recorded and reported with the others. */
  inputErrors?: ReadonlyArray<{ source: string; error: MarsadError }>;
  /** Where documents go. Null: nowhere but onDocument (`--jsonl`). */
  store: IngestStore | null;
  extractPool: ExtractPool;
  fetcher: Pick<Fetcher, 'fetch'>;
  /** Each finished document (extracted or kept), in input order. */
  onDocument?: (doc: MarsadDocument, raw: RawDocument) => void | Promise<void>;
  onProgress?: (event: IngestEvent) => void;
  /** Stop: no new input is started, a document being read is dropped, one being extracted is finished and written. */
  signal?: AbortSignal;
  /** Documents read and extracted at once. Default 4; give at least twice the worker threads. */
  concurrency?: number;
  /** Where '-' reads from. Default process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Size limit of one document. Default 5 MB. */
  maxBytes?: number;
  now?: () => Date;
}

// How far discovery runs ahead of the work: enough to know the size of any ordinary batch at once,
// little enough in memory (a JSON Lines record holds its text: 2 000 × 5 KB = 10 MB).
const LOOKAHEAD = 2000;

interface Work {
  seq: number;
  /** The input as the user named it: a path, a URL, "file.jsonl:12", "-". */
  source: string;
  /** What the store records as its source: "cli:<input>" or "feed:<feed URL>". */
  origin: string;
  url: string | null;
  item: SourceItem | null;
  /** Failed before reading (a missing file, a bad JSON line, a feed that could not be polled). */
  error?: MarsadError;
  feed?: { url: string; title: string | null; item: FeedItem };
}

type Result =
  | { kind: 'doc'; work: Work; raw: RawDocument; doc: MarsadDocument; extracted: boolean }
  | { kind: 'duplicate'; work: Work; by: DuplicateReason; where: 'batch' | 'store'; articleId: string | null }
  | { kind: 'failed'; work: Work; error: MarsadError }
  | { kind: 'skipped'; work: Work };

const STOPPED = Symbol('stopped');

function asMarsadError(err: unknown): MarsadError {
  return err instanceof MarsadError ? err : new MarsadError('INTERNAL', err instanceof Error ? err.message : String(err), { cause: err });
}

function duplicateReason(by: DuplicateReason, where: 'batch' | 'store'): string {
  const what = by === 'url' ? 'same canonical URL' : 'same content';
  return where === 'store' ? `already ingested (${what})` : `already in this batch (${what})`;
}

/** Run one batch to its end (or to the stop). Throws ExtractorLoadError when nothing can be extracted. */
export async function ingestBatch(o: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const now = o.now ?? (() => new Date());
  const emit = (e: IngestEvent) => o.onProgress?.(e);
  const concurrency = Math.max(1, o.concurrency ?? 4);
  const summary: IngestSummary = {
    total: 0, inserted: 0, updated: 0, duplicates: 0, kept: 0, extracted: 0, failed: 0, events: 0,
    feeds: { polled: 0, notModified: 0, failed: 0 }, interrupted: false, notStarted: 0, elapsedMs: 0,
  };

  const seen: SeenSets = { urls: new Set(), hashes: new Set() };
  const filter = new DuplicateFilter(seen);
  const queue = new BoundedQueue<Work>(LOOKAHEAD);

  // One stop for every cause: the caller's signal, an extractor that cannot load, output that
  // cannot be written. It drops what was discovered and not started, and wakes the waiting lanes.
  const stop = new AbortController();
  let fatal: Error | null = null;
  const stopped = new Promise<typeof STOPPED>((resolve) => stop.signal.addEventListener('abort', () => resolve(STOPPED), { once: true }));
  stop.signal.addEventListener('abort', () => void (summary.notStarted += queue.abandon()), { once: true });
  const onAbort = () => {
    summary.interrupted = true;
    stop.abort();
  };
  if (o.signal?.aborted) onAbort();
  else o.signal?.addEventListener('abort', onAbort, { once: true });

  // Feed validators are written only once all of the poll's items are done, so a batch stopped
  // half-way polls the feed in full next time instead of hearing "304, nothing new".
  const heldStates = new Map<string, FeedState>();
  const feedItemsLeft = new Map<string, number>();
  const poller = new FeedPoller(o.fetcher, {
    get: (url) => o.store?.getFeedState(url) ?? null,
    set: (url, state) => void heldStates.set(url, state),
  }, now);
  const commitFeedState = async (feedUrl: string) => {
    const state = heldStates.get(feedUrl);
    heldStates.delete(feedUrl);
    if (!state || !o.store || stop.signal.aborted) return;
    try {
      await o.store.setFeedState(feedUrl, state);
    } catch (err) {
      const e = asMarsadError(err);
      fail({ seq: -1, source: feedUrl, origin: `feed:${feedUrl}`, url: feedUrl, item: null }, new MarsadError(e.code, `feed state not saved: ${e.message}`), false, true);
    }
  };

  // --- discovery -------------------------------------------------------------------------------
  let seq = 0;
  let discovered = false;
  const push = async (w: Omit<Work, 'seq'>): Promise<boolean> => {
    const ok = await queue.push({ ...w, seq });
    if (ok) {
      seq++;
      emit({ type: 'found', total: seq });
    }
    return ok;
  };

  async function discover(): Promise<void> {
    try {
      for (const e of o.inputErrors ?? []) {
        if (!(await push({ source: e.source, origin: `cli:${e.source}`, url: null, item: null, error: e.error }))) return;
      }
      if (o.inputs?.length) {
        for await (const x of expandInputs(o.inputs, { stdin: o.stdin, maxBytes: o.maxBytes })) {
          if (stop.signal.aborted) return;
          const w = x.kind === 'error'
            ? { source: x.source, origin: `cli:${x.source}`, url: null, item: null, error: x.error }
            : { source: x.source, origin: `cli:${x.source}`, url: x.kind === 'url' ? x.url : x.kind === 'record' ? x.record.url : null, item: x };
          if (!(await push(w))) return;
        }
      }
      for (const feedUrl of o.feeds ?? []) {
        if (stop.signal.aborted) return;
        const origin = `feed:${feedUrl}`;
        let poll;
        try {
          poll = await poller.poll(feedUrl, { signal: stop.signal });
        } catch (err) {
          if (stop.signal.aborted) return;
          summary.feeds.failed++;
          if (!(await push({ source: feedUrl, origin, url: feedUrl, item: null, error: asMarsadError(err) }))) return;
          continue;
        }
        summary.feeds.polled++;
        if (poll.notModified) summary.feeds.notModified++;
        emit({ type: 'feed', feedUrl, notModified: poll.notModified, items: poll.items.length });
        if (poll.items.length === 0) {
          await commitFeedState(feedUrl);
          continue;
        }
        feedItemsLeft.set(feedUrl, poll.items.length);
        for (const item of poll.items) {
          const w = { source: item.url, origin, url: item.url, item: { kind: 'url', source: item.url, url: item.url } as const, feed: { url: feedUrl, title: poll.title, item } };
          if (!(await push(w))) return;
        }
      }
    } catch (err) {
      // expandInputs reports per input; what escapes is stdin itself failing.
      await push({ source: '-', origin: 'cli:-', url: null, item: null, error: asMarsadError(err) });
    } finally {
      discovered = true;
      queue.close();
    }
  }

  // --- one document: read, recognise, extract ---------------------------------------------------
  let planned = false;

  // Already in the store: the batch is a no-op for it, and says so.
  async function inStore(w: Work, ref: ArticleRef): Promise<Result | null> {
    const m = o.store ? await o.store.findArticle(ref) : null;
    return m ? { kind: 'duplicate', work: w, by: m.by, where: 'store', articleId: m.articleId } : null;
  }

  async function handle(w: Work): Promise<Result> {
    if (w.error) return { kind: 'failed', work: w, error: w.error };
    const item = w.item!;
    try {
      if (item.kind === 'url') {
        // A known URL is not fetched again.
        const canon = canonicalUrl(item.url);
        if (canon && seen.urls.has(canon)) return { kind: 'duplicate', work: w, by: 'url', where: 'batch', articleId: null };
        const dup = canon ? await inStore(w, { canonicalUrl: canon, url: item.url }) : null;
        if (dup) return dup;
      }
      const reading = readSource(item, { fetcher: o.fetcher, maxBytes: o.maxBytes, signal: stop.signal });
      reading.catch(() => undefined); // when the stop wins the race below, its failure is of no interest
      const read = await Promise.race([reading, stopped]);
      if (read === STOPPED) return { kind: 'skipped', work: w };
      const raw: RawDocument = w.feed
        ? {
            ...read,
            publishedAt: read.publishedAt ?? w.feed.item.publishedAt,
            title: read.title ?? w.feed.item.title,
            outlet: read.outlet ?? w.feed.title,
          }
        : read;
      // Checked against the documents written so far, and again when this one's turn to be written
      // comes (commit), so the first in input order is the one kept, whichever was read first.
      const inBatch = filter.check(raw);
      if (inBatch) return { kind: 'duplicate', work: w, by: inBatch, where: 'batch', articleId: null };
      const dup = await inStore(w, { canonicalUrl: raw.canonicalUrl, url: raw.url, contentHash: raw.contentHash });
      if (dup) return dup;

      const input = toDocumentInput(raw);
      const extracted = isExtractable(raw);
      let doc: MarsadDocument;
      if (extracted) {
        if (!planned) {
          planned = true;
          o.extractPool.plan?.(discovered ? seq : null);
        }
        doc = await o.extractPool.extract(input);
      } else {
        doc = createDocument(input);
      }
      doc.diagnostics = [...raw.diagnostics, ...doc.diagnostics];
      return { kind: 'doc', work: w, raw, doc, extracted };
    } catch (err) {
      if (err instanceof ExtractorLoadError) {
        fatal ??= err;
        stop.abort();
        return { kind: 'skipped', work: w };
      }
      return { kind: 'failed', work: w, error: asMarsadError(err) };
    }
  }

  // --- writing, in input order -------------------------------------------------------------------
  const pendingLogs: Array<Promise<void>> = [];

  function fail(w: Work, error: MarsadError, record = true, extra = false): void {
    summary.failed++;
    emit({ type: 'failed', source: w.source, code: error.code, line: failureLine(w.source, error), ...(extra ? { extra } : {}) });
    if (record && o.store) {
      // The failure is recorded with the input's source; a store that cannot record it is reported too.
      pendingLogs.push(o.store.logFailure({ source: w.origin, url: w.url, code: error.code, message: error.message }).catch((err: unknown) => {
        const e = asMarsadError(err);
        emit({ type: 'failed', source: w.source, code: e.code, line: failureLine(w.source, new MarsadError(e.code, `could not record the failure: ${e.message}`)), extra: true });
      }));
    }
  }

  async function commit(r: Result): Promise<void> {
    const w = r.work;
    try {
      switch (r.kind) {
        case 'skipped':
          summary.notStarted++;
          return;
        case 'failed':
          summary.total++;
          fail(w, r.error);
          await Promise.all(pendingLogs.splice(0));
          return;
        case 'duplicate':
          summary.total++;
          summary.duplicates++;
          emit({ type: 'document', source: w.source, outcome: 'duplicate', events: 0, articleId: r.articleId, reason: duplicateReason(r.by, r.where) });
          return;
        case 'doc': {
          summary.total++;
          const { doc, raw } = r;
          const inBatch = filter.admit(raw);
          if (inBatch) {
            summary.duplicates++;
            emit({ type: 'document', source: w.source, outcome: 'duplicate', events: 0, articleId: null, reason: duplicateReason(inBatch, 'batch') });
            return;
          }
          let outcome: DocumentOutcome = r.extracted ? 'extracted' : 'kept';
          let articleId: string | null = null;
          if (o.store) {
            try {
              const saved = await o.store.saveArticle({
                source: w.origin,
                url: raw.url,
                canonicalUrl: raw.canonicalUrl,
                outlet: raw.outlet,
                lang: raw.lang,
                fetchedAt: w.item?.kind === 'url' ? now().toISOString() : null,
                contentHash: raw.contentHash,
              }, doc);
              articleId = saved.articleId;
              if (saved.status === 'duplicate') outcome = 'duplicate';
              else if (r.extracted) outcome = saved.status;
            } catch (err) {
              fail(w, asMarsadError(err));
              await Promise.all(pendingLogs.splice(0));
              return;
            }
          }
          if (outcome === 'duplicate') {
            summary.duplicates++;
            emit({ type: 'document', source: w.source, outcome, events: 0, articleId, reason: duplicateReason('content', 'store') });
            return;
          }
          summary[outcome]++;
          summary.events += doc.events.length;
          const notArabic = r.extracted ? null : raw.diagnostics.find((d) => d.code === 'INPUT_NOT_ARABIC');
          const reason = notArabic ? `${notArabic.message.replace(`${raw.source}: `, '')} [${notArabic.code}]` : null;
          emit({ type: 'document', source: w.source, outcome, events: doc.events.length, articleId, reason });
          // A stage that failed left its diagnostic; the document is kept, the input counts as failed.
          for (const d of doc.diagnostics) {
            if (d.code === 'EXTRACT_FAILED') fail(w, new MarsadError('EXTRACT_FAILED', d.message.replace(/^extraction failed: /, '')), false, true);
          }
          await o.onDocument?.(doc, raw);
          return;
        }
      }
    } finally {
      if (w.feed) {
        const left = (feedItemsLeft.get(w.feed.url) ?? 1) - 1;
        feedItemsLeft.set(w.feed.url, left);
        if (left === 0 && r.kind !== 'skipped') await commitFeedState(w.feed.url);
      }
    }
  }

  const order = new InOrder<Result>(async (r) => {
    try {
      await commit(r);
    } catch (err) {
      // onDocument threw (stdout closed, say): the batch cannot hand documents on; stop it.
      fatal ??= err as Error;
      stop.abort();
    }
  }, Math.max(16, concurrency * 4));

  async function lane(): Promise<void> {
    for (;;) {
      await order.room();
      if (stop.signal.aborted) return;
      const w = await queue.take();
      if (!w) return;
      order.put(w.seq, await handle(w));
    }
  }

  const discovery = discover();
  await Promise.all(Array.from({ length: concurrency }, lane));
  // After a stop, discovery may still wait on stdin; what it finds can no longer be queued.
  await Promise.race([discovery, stopped]);
  await order.settled();
  await Promise.all(pendingLogs.splice(0));
  o.signal?.removeEventListener('abort', onAbort);
  summary.elapsedMs = performance.now() - started;
  if (fatal) throw fatal;
  return summary;
}
