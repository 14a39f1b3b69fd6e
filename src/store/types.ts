// The store's public contract. One interface, two implementations (SQLite embedded, PostgreSQL),
// async everywhere so the networked one fits without changing callers.
//
// The store keeps REPORTS (one event as one article told it) apart from CANONICAL EVENTS (the event
// itself, possibly told by several outlets). The API and exports serve canonical events.

import type { Diagnostic, DiagnosticCode } from '../doc/diagnostics.js';
import type { EventRecord, Evidence, MarsadDocument, Span } from '../doc/types.js';

/** What the ingestion side knows about an article besides the document itself. */
export interface ArticleInput {
  /** Where it came from: a feed id, "api", "cli:<file>"… Recorded in the ingest log. */
  source: string;
  url?: string | null;
  /** Canonical URL (rel=canonical, tracking parameters removed). Falls back to `url`. */
  canonicalUrl?: string | null;
  /** Outlet name shown in `sources` and ACLED's `source` column. */
  outlet?: string | null;
  /** ISO 639-1 language of the text read. */
  lang?: string | null;
  /** When it was fetched, ISO 8601. */
  fetchedAt?: string | null;
  /** Content hash computed by ingestion; computed from the text when absent. */
  contentHash?: string | null;
}

export interface SaveOptions {
  /** Rewrite the reports even when the content is unchanged (re-extraction with a newer extractor). */
  replace?: boolean;
}

export type SaveStatus = 'inserted' | 'duplicate' | 'updated';

export interface SaveResult {
  articleId: string;
  status: SaveStatus;
  /** Canonical event ids the article's reports belong to (for a duplicate: those already stored). */
  eventIds: string[];
}

/** Filters shared by listing, timeline and export. Every value reaches SQL only as a parameter. */
export interface EventFilter {
  /** Country name as stored, or ISO 3166 alpha-2/alpha-3 code. */
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  /** Actor id, English name (case-insensitive) or Arabic name (folded). */
  actor?: string;
  /** Inclusive YYYY-MM-DD bounds on the event date. */
  from?: string;
  to?: string;
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
  bbox?: [number, number, number, number];
  /** Full text over the article text, Arabic-folded. */
  q?: string;
  minFatalities?: number;
}

export const SORTS = ['-date', 'date', '-fatalities', 'fatalities', '-confidence', 'confidence'] as const;
export type EventSort = (typeof SORTS)[number];

export const PAGE_SIZE_DEFAULT = 50;
/** Hard limit: a page is built in memory, so it stays small; bulk reads go through exports. */
export const PAGE_SIZE_MAX = 500;

export interface PageRequest {
  limit?: number;
  sort?: EventSort;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
}

export interface SourceRef {
  articleId: string;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

/** A canonical event: ACLED's fields (camelCase) and ours. */
export interface EventRow {
  id: string;
  eventIdCnty: string;
  eventDate: string | null;
  year: number | null;
  timePrecision: number;
  disorderType: string;
  eventType: string;
  subEventType: string;
  actor1: string | null;
  actor1Ar: string | null;
  actor1Id: string | null;
  assocActor1: string | null;
  inter1: number | null;
  actor2: string | null;
  actor2Ar: string | null;
  actor2Id: string | null;
  assocActor2: string | null;
  inter2: number | null;
  interaction: number | null;
  civilianTargeting: boolean;
  /** ISO 3166 numeric code, as ACLED's `iso`. */
  iso: number | null;
  iso3: string | null;
  region: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  locationAr: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number | null;
  /** Outlets, "; "-separated, as ACLED's `source`. */
  source: string;
  sourceScale: string | null;
  notes: string;
  /**
   * ACLED's figure: the most conservative, i.e. the lowest toll a report states (0 when no report
   * tells of a death, null when deaths are told without a number).
   */
  fatalities: number | null;
  /** UCDP's low, best and high estimates over the tolls the reports state (src/corroborate/figures.ts). */
  fatalitiesLow: number | null;
  fatalitiesBest: number | null;
  fatalitiesHigh: number | null;
  injured: number | null;
  confidence: number;
  /** The reports disagree: on the event type, or on the toll (fatalitiesLow ≠ fatalitiesHigh). */
  conflict: boolean;
  reportCount: number;
  tags: string | null;
  /** Unix seconds of the last change, as ACLED's `timestamp`. */
  timestamp: number;
  articleUrl: string | null;
  /** Evidence of the primary report. */
  evidence: Evidence[];
  sources: SourceRef[];
}

/** A territorial-control event with the place it is about and the article of its primary report. */
export interface ControlEventRow extends EventRow {
  /** The gazetteer id of the place (or a hash of its name and coordinates when it had none). */
  placeId: string;
  /** The article the evidence spans point into. */
  articleId: string | null;
}

export interface EventPage {
  items: EventRow[];
  nextCursor: string | null;
  limit: number;
  sort: EventSort;
}

export interface EvidenceView extends Evidence {
  /** Text around the span, for display without loading the article. */
  excerpt: { start: number; end: number; text: string };
}

/** One event as one article told it. */
export interface ReportView {
  id: string;
  articleId: string;
  /** The EventRecord id within its document. */
  recordId: string;
  eventId: string | null;
  record: EventRecord;
  sentence: Span & { text: string };
  evidence: EvidenceView[];
  article: { id: string; url: string | null; outlet: string | null; title: string | null; publishedAt: string | null };
}

export interface EventDetail extends EventRow {
  reports: ReportView[];
}

export interface ArticleDetail {
  id: string;
  source: string;
  url: string | null;
  canonicalUrl: string | null;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  fetchedAt: string | null;
  lang: string | null;
  contentHash: string;
  docId: string;
  text: string;
  diagnostics: Diagnostic[];
  /** Every annotation layer, as documentJson(doc, { layers: true }).layers. */
  layers: Record<string, unknown>;
  reports: Array<{ id: string; recordId: string; eventId: string | null; record: EventRecord }>;
  ingestedAt: string;
  updatedAt: string;
}

export type TimelineBucket = 'day' | 'week' | 'month';

export interface TimelinePoint {
  /** First day of the bucket, YYYY-MM-DD (weeks start on Monday). */
  period: string;
  eventType: string;
  events: number;
  fatalities: number;
}

/** GET /api/stats/timeline's answer: the points and what they add up to. */
export interface TimelineAnswer {
  bucket: TimelineBucket;
  points: TimelinePoint[];
  totals: { events: number; fatalities: number };
}

/**
 * The few columns a map, its clusters and its filter lists need, for one canonical event. Read for
 * every matching event at once (50,000 in the dashboard benchmark), so it carries nothing else.
 */
export interface EventPoint {
  id: string;
  latitude: number | null;
  longitude: number | null;
  eventDate: string | null;
  eventType: string;
  subEventType: string;
  fatalities: number | null;
  country: string | null;
  iso3: string | null;
  location: string | null;
  locationAr: string | null;
  actor1Id: string | null;
  actor1: string | null;
  actor1Ar: string | null;
  actor2Id: string | null;
  actor2: string | null;
  actor2Ar: string | null;
  /** Outlets, "; "-separated, as EventRow.source. */
  source: string;
}

export type IngestOutcome = SaveStatus | 'failed';

export interface FailureInput {
  source: string;
  url?: string | null;
  code: DiagnosticCode;
  message: string;
}

export interface IngestLogEntry {
  at: string;
  source: string;
  url: string | null;
  outcome: IngestOutcome;
  code: string | null;
  message: string | null;
  articleId: string | null;
}

export interface StoreStats {
  articles: number;
  reports: number;
  events: number;
  failures: number;
  lastIngestAt: string | null;
  schemaVersion: number;
}

/** A feed's conditional GET validators from its last poll (the shape ingest's FeedPoller keeps). */
export interface FeedStateRecord {
  etag?: string;
  lastModified?: string;
  /** ISO time of the last successful poll. */
  checkedAt?: string;
}

/** What identifies an article before it is stored: its canonical URL, the URL it was fetched from, its content hash. */
export interface ArticleRef {
  canonicalUrl?: string | null;
  url?: string | null;
  contentHash?: string | null;
}

/** A stored article that an ArticleRef names, and which of the two matched. */
export interface ArticleMatch {
  articleId: string;
  by: 'url' | 'content';
}

/** Read access that a Corroborator gets, bound to the writing transaction. */
export interface StoreReader {
  listEvents(filter: EventFilter, page?: PageRequest): Promise<EventPage>;
  getEvent(id: string): Promise<EventDetail | null>;
}

/** A report about to be stored, as a Corroborator sees it. */
export interface ReportCandidate {
  id: string;
  articleId: string;
  record: EventRecord;
  article: { url: string | null; outlet: string | null; publishedAt: string | null };
}

/**
 * Decides which canonical event a report tells. Returning null makes the report its own canonical
 * event. The trivial default does exactly that; corroboration (a later issue) plugs in here.
 */
export interface Corroborator {
  assign(report: ReportCandidate, store: StoreReader): Promise<string | null>;
}

export interface Store extends StoreReader {
  readonly dialect: 'sqlite' | 'postgres';
  /** One transaction per document; idempotent by canonical URL and by content hash. */
  saveArticle(article: ArticleInput, doc: MarsadDocument, opts?: SaveOptions): Promise<SaveResult>;
  getArticle(id: string): Promise<ArticleDetail | null>;
  timeline(filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]>;
  /**
   * listEvents' page and the timeline with its totals (TimelineAnswer) as UTF-8 JSON, made where the
   * query ran (on a reader thread, when the store has them): a server forwards the bytes as they
   * are, without receiving the objects or serializing them on its own thread.
   */
  listEventsJson(filter: EventFilter, page?: PageRequest): Promise<Uint8Array>;
  timelineJson(filter: EventFilter, bucket: TimelineBucket): Promise<Uint8Array>;
  /** Every matching canonical event as an EventPoint, in no particular order (maps, clusters, facets). */
  eventPoints(filter: EventFilter): Promise<EventPoint[]>;
  /** Every matching canonical event, oldest first, streamed: memory stays flat whatever the count. */
  exportEvents(filter: EventFilter): AsyncIterable<EventRow>;
  /**
   * Every "Non-state actor overtakes territory", "Government regains territory" and "Non-violent
   * transfer of territory" event with a place, at one place (its gazetteer id) or all, oldest first;
   * `filter` narrows further (country, dates…).
   */
  controlEvents(placeId?: string | null, filter?: EventFilter): Promise<ControlEventRow[]>;
  /** Record an input that failed before it could be stored, with its source. */
  logFailure(entry: FailureInput): Promise<void>;
  ingestLog(opts?: { limit?: number; outcome?: IngestOutcome }): Promise<IngestLogEntry[]>;
  /**
   * The stored article with this canonical URL (or fetched from this URL), else with this content
   * hash, or null: lets ingestion skip a known document before fetching or extracting it.
   */
  findArticle(ref: ArticleRef): Promise<ArticleMatch | null>;
  /** A feed's validators from its last poll, or null when it was never polled. */
  getFeedState(feedUrl: string): Promise<FeedStateRecord | null>;
  setFeedState(feedUrl: string, state: FeedStateRecord): Promise<void>;
  stats(): Promise<StoreStats>;
  /**
   * A number that changes whenever a stored document's events may have changed (committed, from
   * any process): answers read before and after the same version are the same. Cheap (one row).
   */
  dataVersion(): Promise<number>;
  close(): Promise<void>;
}
