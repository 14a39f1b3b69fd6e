// One document, start to end, as a queue worker handles a job: fetch it (or take the text already
// read), recognise it when it is already stored, extract it (unless it is not Arabic), store it.
// The same steps as a batch (./run.ts) without the batch: no order to keep, no lookahead. Safe to
// run twice for the same input, at once or one after the other, on any machine: the store answers
// "duplicate" for the second (same canonical URL or same content), and writes nothing new.

import { MarsadError } from '../doc/diagnostics.js';
import { createDocument } from '../doc/document.js';
import type { MarsadDocument } from '../doc/types.js';
import type { ExtractPool } from '../pipeline/pool.js';
import type { Store } from '../store/types.js';
import { canonicalUrl } from './canonical.js';
import type { Fetcher } from './fetch.js';
import { isExtractable, readSource, toDocumentInput, type RawDocument } from './sources.js';

/** A feed item's own fields, used where the page lacks them. */
export interface FeedContext {
  url: string;
  title: string | null;
  item: { title: string | null; publishedAt: string | null };
}

export type OneInput =
  /** A page to fetch. `origin`: what the store records as its source ("cli:<input>", "feed:<feed URL>"). */
  | { kind: 'fetch'; url: string; origin: string; feed?: FeedContext }
  /** A document already read (a file, stdin, a JSON Lines record): only extraction and storing are left. */
  | { kind: 'extract'; origin: string; doc: RawDocument };

export interface OneResult {
  outcome: 'inserted' | 'updated' | 'duplicate' | 'kept';
  articleId: string | null;
  events: number;
  /** Why a document was a duplicate or was kept unextracted. */
  reason: string | null;
  /** A stage failed: the document is stored with the diagnostic; this says which. */
  extractFailed: string | null;
}

export interface OneOptions {
  store: Pick<Store, 'saveArticle' | 'findArticle'>;
  extractPool: ExtractPool;
  fetcher: Pick<Fetcher, 'fetch'>;
  maxBytes?: number;
  signal?: AbortSignal;
  now?: () => Date;
}

const duplicate = (articleId: string | null, by: 'url' | 'content'): OneResult => ({
  outcome: 'duplicate', articleId, events: 0, reason: `already ingested (${by === 'url' ? 'same canonical URL' : 'same content'})`, extractFailed: null,
});

/**
 * Ingest one document. Throws a MarsadError naming the input when it cannot be read or stored, and
 * ExtractorLoadError when no document can be extracted at all.
 */
export async function ingestOne(input: OneInput, o: OneOptions): Promise<OneResult> {
  const now = o.now ?? (() => new Date());
  let raw: RawDocument;
  if (input.kind === 'fetch') {
    // A known URL is not fetched again.
    const canon = canonicalUrl(input.url);
    const known = await o.store.findArticle({ canonicalUrl: canon, url: input.url });
    if (known) return duplicate(known.articleId, known.by);
    const read = await readSource({ kind: 'url', source: input.url, url: input.url }, { fetcher: o.fetcher, maxBytes: o.maxBytes, signal: o.signal });
    const f = input.feed;
    raw = f ? { ...read, publishedAt: read.publishedAt ?? f.item.publishedAt, title: read.title ?? f.item.title, outlet: read.outlet ?? f.title } : read;
  } else {
    raw = input.doc;
  }
  const known = await o.store.findArticle({ canonicalUrl: raw.canonicalUrl, url: raw.url, contentHash: raw.contentHash });
  if (known) return duplicate(known.articleId, known.by);

  const extracted = isExtractable(raw);
  const doc: MarsadDocument = extracted ? await o.extractPool.extract(toDocumentInput(raw)) : createDocument(toDocumentInput(raw));
  doc.diagnostics = [...raw.diagnostics, ...doc.diagnostics];
  const saved = await o.store.saveArticle({
    source: input.origin,
    url: raw.url,
    canonicalUrl: raw.canonicalUrl,
    outlet: raw.outlet,
    lang: raw.lang,
    fetchedAt: input.kind === 'fetch' ? now().toISOString() : null,
    contentHash: raw.contentHash,
  }, doc);
  if (saved.status === 'duplicate') return duplicate(saved.articleId, 'content');
  const notArabic = extracted ? null : raw.diagnostics.find((d) => d.code === 'INPUT_NOT_ARABIC');
  const failed = doc.diagnostics.find((d) => d.code === 'EXTRACT_FAILED');
  return {
    outcome: extracted ? saved.status : 'kept',
    articleId: saved.articleId,
    events: doc.events.length,
    reason: notArabic ? `${notArabic.message.replace(`${raw.source}: `, '')} [${notArabic.code}]` : null,
    extractFailed: failed ? failed.message : null,
  };
}

// Codes whose cause is the input itself: the same input fails the same way however often it is
// tried. Everything else (the network, a server error, the database) may pass, and is retried.
const PERMANENT = new Set([
  'INPUT_NOT_FOUND', 'INPUT_UNREADABLE', 'INPUT_BINARY', 'INPUT_EMPTY', 'INPUT_TOO_LARGE', 'INPUT_BAD_JSON',
  'FETCH_REFUSED_ADDRESS', 'FETCH_TOO_MANY_REDIRECTS', 'FETCH_ROBOTS', 'FETCH_NOT_HTML', 'DECODE_FAILED', 'HTML_NO_CONTENT',
]);

/** True when trying the same input again cannot succeed: 4xx answers (but 408 and 429) and the codes above. */
export function isPermanent(err: MarsadError): boolean {
  if (PERMANENT.has(err.code)) return true;
  if (err.code === 'FETCH_HTTP_STATUS') {
    const status = Number(/answered (\d{3})/.exec(err.message)?.[1]);
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  return false;
}
