// What a marsad job carries, and how one becomes an input of ingestOne. Two kinds:
//   fetch    a URL to fetch (from the command line or a feed item), keyed by its canonical URL;
//   extract  a document already read (a file, stdin, a JSON Lines record), keyed by its content hash.
// The key makes enqueueing the same work twice a no-op while the first job is live.

import { MarsadError } from '../doc/diagnostics.js';
import { canonicalUrl } from '../ingest/canonical.js';
import type { FeedContext, OneInput } from '../ingest/one.js';
import type { RawDocument } from '../ingest/sources.js';
import type { ClaimedJob, NewJob } from './queue.js';

export interface FetchPayload {
  url: string;
  origin: string;
  feed?: FeedContext;
}

export interface ExtractPayload {
  origin: string;
  doc: RawDocument;
}

export function fetchJob(p: FetchPayload): NewJob {
  return { kind: 'fetch', key: canonicalUrl(p.url) ?? p.url, payload: p };
}

export function extractJob(p: ExtractPayload): NewJob {
  return { kind: 'extract', key: p.doc.contentHash, payload: p };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The job as an ingestOne input. Throws INPUT_BAD_JSON for a payload that is not one (written by something else). */
export function jobInput(job: Pick<ClaimedJob, 'id' | 'kind' | 'payload'>): OneInput {
  const p = job.payload;
  if (job.kind === 'fetch' && isObject(p) && typeof p.url === 'string' && typeof p.origin === 'string') {
    return { kind: 'fetch', url: p.url, origin: p.origin, ...(isObject(p.feed) ? { feed: p.feed as unknown as FeedContext } : {}) };
  }
  if (job.kind === 'extract' && isObject(p) && typeof p.origin === 'string' && isObject(p.doc) && typeof p.doc.text === 'string' && typeof p.doc.contentHash === 'string') {
    return { kind: 'extract', origin: p.origin, doc: p.doc as unknown as RawDocument };
  }
  throw new MarsadError('INPUT_BAD_JSON', `job ${job.id}: not a ${job.kind} job's payload`);
}

/** What a job is about, for a log line: its URL or its source. */
export function jobSource(input: OneInput): string {
  return input.kind === 'fetch' ? input.url : input.doc.source;
}
