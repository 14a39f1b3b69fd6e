// Ingestion: inputs (paths, URLs, stdin, JSON Lines, feeds) to raw documents. Re-exports only.

export { canonicalUrl, contentHash } from './canonical.js';
export { DuplicateFilter, type DuplicateReason, type SeenSets } from './dedupe.js';
export { decode, type Decoded, type DecodeOptions } from './decode.js';
export { FeedPoller, parseFeed, parseFeedList, type FeedItem, type FeedList, type FeedState, type FeedStateStore, type ParsedFeed, type PollResult } from './feeds.js';
export { createFetcher, DEFAULT_USER_AGENT, PAGE_TYPES, type FetchOptions, type FetchRequest, type FetchResult, type Fetcher } from './fetch.js';
export { htmlToArticle, type Article, type HtmlOptions } from './html.js';
export { ingestBatch, type DocumentOutcome, type IngestEvent, type IngestOptions, type IngestStore, type IngestSummary } from './run.js';
export { classifyAddress, guardedAgent, isRefusedAddress, parseIp } from './ssrf.js';
export {
  DEFAULT_MAX_BYTES, expandInputs, failureLine, isExtractable, readSource, toDocumentInput,
  type RawDocument, type SourceError, type SourceItem,
} from './sources.js';
