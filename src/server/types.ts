import type { DocumentInput } from '../doc/document.js';
import type { Extractor } from '../pipeline/types.js';
import type { QueueStatusSource } from './routes/status.js';
import type { Store } from '../store/types.js';
import type { ServerConfig } from './config.js';

/** What a client may send to be read: exactly one of text, html or url. */
export interface ArticleRequest {
  text?: string;
  html?: string;
  url?: string;
  publishedAt?: string;
  title?: string;
}

export type ReadArticleResult = DocumentInput & { canonicalUrl?: string | null; outlet?: string | null; lang?: string | null };

/**
 * Turns a request into a document input: fetches a URL, extracts the article from HTML, detects
 * language. Supplied by the ingestion library; throws MarsadError with an ingest code on failure.
 */
export type ReadArticle = (body: ArticleRequest) => Promise<ReadArticleResult>;

export interface AppDeps {
  store: Store;
  extract: Extractor;
  readArticle: ReadArticle;
  config?: Partial<ServerConfig>;
  /** The job queue beside a PostgreSQL store, for GET /api/status; none with SQLite. */
  queue?: QueueStatusSource | null;
}
