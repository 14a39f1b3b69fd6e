// Table shapes as Kysely sees them. Column names are ACLED's where one exists, snake_case otherwise.
// Portable types only: text, integer, double precision; booleans are 0/1 integers and JSON is text,
// so both dialects read back the same JavaScript values.
// The full-text table (article_search) is dialect-specific and reached only through dialect/*.ts.

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** Named counters: monotonic numbers for FTS row keys and ACLED event numbers, safe in both dialects. */
export interface CountersTable {
  name: string;
  value: number;
}

export interface ArticlesTable {
  id: string;
  /** Integer key of the article in article_search (FTS5 needs an integer rowid). */
  num: number;
  doc_id: string;
  source: string;
  outlet: string | null;
  url: string | null;
  canonical_url: string | null;
  content_hash: string;
  title: string | null;
  published_at: string | null;
  fetched_at: string | null;
  lang: string | null;
  text: string;
  /** JSON: Diagnostic[] */
  diagnostics: string;
  /** JSON: documentJson(doc, { layers: true }).layers */
  layers: string;
  ingested_at: string;
  updated_at: string;
}

export interface ReportsTable {
  id: string;
  article_id: string;
  record_id: string;
  ordinal: number;
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  /** JSON: ActorRef | null */
  actor1: string | null;
  actor2: string | null;
  interaction: number | null;
  civilian_targeting: number;
  /** JSON: EventLocation | null */
  location: string | null;
  country: string | null;
  event_date: string | null;
  time_precision: number;
  fatalities: number | null;
  injured: number | null;
  confidence: number;
  notes: string;
  /** JSON: rule id per field */
  rules: string;
  /** JSON: Evidence[] */
  evidence: string;
  sentence_start: number;
  sentence_end: number;
}

export interface EventsTable {
  id: string;
  num: number;
  event_id_cnty: string;
  event_date: string | null;
  year: number | null;
  time_precision: number;
  disorder_type: string;
  event_type: string;
  sub_event_type: string;
  actor1: string | null;
  actor1_ar: string | null;
  actor1_id: string | null;
  assoc_actor_1: string | null;
  inter1: number | null;
  actor2: string | null;
  actor2_ar: string | null;
  actor2_id: string | null;
  assoc_actor_2: string | null;
  inter2: number | null;
  interaction: number | null;
  civilian_targeting: number;
  iso: number | null;
  iso3: string | null;
  region: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string | null;
  location_ar: string | null;
  place_id: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
  source: string;
  source_scale: string | null;
  notes: string;
  fatalities: number | null;
  fatalities_low: number | null;
  /** UCDP's best estimate (schema v5). */
  fatalities_best: number | null;
  fatalities_high: number | null;
  injured: number | null;
  confidence: number;
  conflict: number;
  report_count: number;
  tags: string | null;
  timestamp: number;
  primary_report_id: string | null;
  article_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventReportsTable {
  event_id: string;
  report_id: string;
  added_at: string;
}

export interface ActorsTable {
  id: string;
  name: string;
  name_ar: string;
  /** fold(name) and fold(name_ar): the keys the actor filter compares with fold(query). */
  name_fold: string;
  name_ar_fold: string;
  inter: number | null;
  country: string | null;
}

export interface EventActorsTable {
  event_id: string;
  actor_id: string;
  /** 1 or 2: ACLED's actor1 / actor2. */
  role: number;
}

export interface PlacesTable {
  id: string;
  name: string;
  name_ar: string;
  country: string | null;
  country_code: string | null;
  admin1: string | null;
  admin2: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface IngestLogTable {
  num: number;
  at: string;
  source: string;
  url: string | null;
  outcome: string;
  code: string | null;
  message: string | null;
  article_id: string | null;
}

/** What `marsad watch` remembers of each feed between polls (and between runs). */
export interface FeedStateTable {
  feed_url: string;
  etag: string | null;
  last_modified: string | null;
  checked_at: string | null;
}

/** One cell of a timeline rollup (./rollup.ts): key columns are '' where the event's are NULL. */
export interface TimelineRollupTable {
  day: string;
  event_type: string;
  events: number;
  fatalities: number;
}

/** An event under one article of its reports, with what the timeline counts (./event-articles.ts, schema v9). */
export interface EventArticlesTable {
  article_num: number;
  event_id: string;
  /** The event's date, '' when undated. */
  day: string;
  event_type: string;
  /** The event's fatalities, 0 when unknown (as the timeline sums them). */
  fatalities: number;
  /** 1 when the event has rows under other articles too. */
  shared: number;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  counters: CountersTable;
  articles: ArticlesTable;
  reports: ReportsTable;
  events: EventsTable;
  event_reports: EventReportsTable;
  actors: ActorsTable;
  event_actors: EventActorsTable;
  places: PlacesTable;
  ingest_log: IngestLogTable;
  feed_state: FeedStateTable;
  timeline_days: TimelineRollupTable;
  timeline_countries: TimelineRollupTable & { iso3: string; country: string };
  timeline_places: TimelineRollupTable & { iso3: string; country: string; admin1: string; sub_event_type: string };
  timeline_actors: TimelineRollupTable & { actor_id: string; iso3: string; country: string; sub_event_type: string };
  event_articles: EventArticlesTable;
}
