// The Store over Kysely: dialect-neutral; what differs between SQLite and PostgreSQL arrives as a
// StoreDialect and, for streaming exports, as a way to open a dedicated reader.

import type { Kysely } from 'kysely';
import type { MarsadDocument } from '../doc/types.js';
import { countryTable, type CountryTable } from './countries.js';
import { readCounter } from './counters.js';
import { eachReportItsOwnEvent } from './corroborate.js';
import type { StoreDialect } from './dialect/types.js';
import { getArticle } from './read-articles.js';
import type { ReadPool } from './read-pool.js';
import { controlEvents, eventPageJson, eventPoints, exportByPages, exportByStatement, getEvent, jsonBytes, listEvents, timeline, timelineAnswer } from './read-events.js';
import { logIngest, saveArticle, type WriteContext } from './save-article.js';
import type { Database } from './schema.js';
import type {
  ArticleDetail, ArticleInput, ArticleMatch, ArticleRef, ControlEventRow, Corroborator, EventDetail, EventFilter, EventPage, EventPoint, EventRow, FailureInput, IngestLogEntry,
  FeedStateRecord, IngestOutcome, PageRequest, SaveOptions, SaveResult, Store, StoreStats, TimelineBucket, TimelinePoint,
} from './types.js';

/** A connection of its own for one export, closed when the export ends or is abandoned. */
export interface ExportReader {
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface KyselyStoreOptions {
  db: Kysely<Database>;
  dialect: StoreDialect;
  schemaVersion: number;
  corroborator?: Corroborator;
  countries?: CountryTable;
  now?: () => Date;
  /** When given, exports hold one statement open on their own connection; else they page. */
  openExportReader?: (() => ExportReader) | null;
  /** When given, listEvents, getEvent and timeline run on its threads instead of on `db`. */
  readPool?: ReadPool | null;
  onClose?: () => Promise<void>;
}

export class KyselyStore implements Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly #db: Kysely<Database>;
  readonly #ctx: WriteContext;
  readonly #schemaVersion: number;
  readonly #openReader: (() => ExportReader) | null;
  readonly #readers = new Set<ExportReader>();
  readonly #pool: ReadPool | null;
  /** Threads answering listEvents, getEvent and timeline; 0 when they run on this store's connection. */
  readonly readThreads: number;
  readonly #onClose?: () => Promise<void>;

  constructor(o: KyselyStoreOptions) {
    this.#db = o.db;
    this.dialect = o.dialect.name;
    this.#schemaVersion = o.schemaVersion;
    this.#ctx = {
      dialect: o.dialect,
      countries: o.countries ?? countryTable(),
      corroborator: o.corroborator ?? eachReportItsOwnEvent,
      now: o.now ?? (() => new Date()),
    };
    this.#openReader = o.openExportReader ?? null;
    this.#pool = o.readPool ?? null;
    this.readThreads = this.#pool?.threads ?? 0;
    this.#onClose = o.onClose;
  }

  /** Every string a caller hands in, made storable (and so comparable) in this dialect. */
  #clean(filter: EventFilter): EventFilter {
    const out: EventFilter = { ...filter };
    for (const k of ['country', 'admin1', 'eventType', 'subEventType', 'actor', 'q', 'from', 'to'] as const) {
      const v = out[k];
      if (typeof v === 'string') out[k] = this.#ctx.dialect.storable(v);
    }
    return out;
  }

  #id(id: string): string {
    return this.#ctx.dialect.storable(id);
  }

  saveArticle(article: ArticleInput, doc: MarsadDocument, opts?: SaveOptions): Promise<SaveResult> {
    return saveArticle(this.#db, this.#ctx, article, doc, opts);
  }

  getArticle(id: string): Promise<ArticleDetail | null> {
    return getArticle(this.#db, this.#id(id));
  }

  listEvents(filter: EventFilter, page?: PageRequest): Promise<EventPage> {
    if (this.#pool) return this.#pool.listEvents(this.#clean(filter), page);
    return listEvents(this.#db, this.#ctx, this.#clean(filter), page);
  }

  getEvent(id: string): Promise<EventDetail | null> {
    if (this.#pool) return this.#pool.getEvent(this.#id(id));
    return getEvent(this.#db, this.#ctx, this.#id(id));
  }

  timeline(filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]> {
    if (this.#pool) return this.#pool.timeline(this.#clean(filter), bucket);
    return timeline(this.#db, this.#ctx, this.#clean(filter), bucket);
  }

  async listEventsJson(filter: EventFilter, page?: PageRequest): Promise<Uint8Array> {
    if (this.#pool) return this.#pool.listEventsJson(this.#clean(filter), page);
    return eventPageJson(await listEvents(this.#db, this.#ctx, this.#clean(filter), page));
  }

  async timelineJson(filter: EventFilter, bucket: TimelineBucket): Promise<Uint8Array> {
    if (this.#pool) return this.#pool.timelineJson(this.#clean(filter), bucket);
    return jsonBytes(timelineAnswer(await timeline(this.#db, this.#ctx, this.#clean(filter), bucket), bucket));
  }

  eventPoints(filter: EventFilter): Promise<EventPoint[]> {
    return eventPoints(this.#db, this.#ctx, this.#clean(filter));
  }

  controlEvents(placeId: string | null = null, filter: EventFilter = {}): Promise<ControlEventRow[]> {
    return controlEvents(this.#db, this.#ctx, placeId === null ? null : this.#id(placeId), this.#clean(filter));
  }

  async *exportEvents(raw: EventFilter): AsyncGenerator<EventRow> {
    const filter = this.#clean(raw);
    if (!this.#openReader) {
      yield* exportByPages(this.#db, this.#ctx, filter);
      return;
    }
    const reader = this.#openReader();
    this.#readers.add(reader);
    try {
      yield* exportByStatement(reader.db, this.#ctx, filter);
    } finally {
      this.#readers.delete(reader);
      await reader.close();
    }
  }

  async logFailure(entry: FailureInput): Promise<void> {
    const t = (s: string) => this.#ctx.dialect.storable(s);
    await this.#db.transaction().execute((trx) =>
      logIngest(trx, this.#ctx.now(), {
        source: t(entry.source), url: entry.url ? t(entry.url) : null, outcome: 'failed', code: entry.code, message: t(entry.message), articleId: null,
      }));
  }

  async ingestLog(opts: { limit?: number; outcome?: IngestOutcome } = {}): Promise<IngestLogEntry[]> {
    let q = this.#db.selectFrom('ingest_log').selectAll().orderBy('num', 'desc').limit(Math.max(1, Math.min(opts.limit ?? 100, 1000)));
    if (opts.outcome) q = q.where('outcome', '=', opts.outcome);
    const rows = await q.execute();
    return rows.map((r) => ({
      at: r.at, source: r.source, url: r.url, outcome: r.outcome as IngestOutcome, code: r.code, message: r.message, articleId: r.article_id,
    }));
  }

  async findArticle(ref: ArticleRef): Promise<ArticleMatch | null> {
    for (const [column, value] of [['canonical_url', ref.canonicalUrl], ['url', ref.url]] as const) {
      if (!value) continue;
      const row = await this.#db.selectFrom('articles').select('id').where(column, '=', this.#id(value)).executeTakeFirst();
      if (row) return { articleId: row.id, by: 'url' };
    }
    if (ref.contentHash) {
      const row = await this.#db.selectFrom('articles').select('id').where('content_hash', '=', this.#id(ref.contentHash)).executeTakeFirst();
      if (row) return { articleId: row.id, by: 'content' };
    }
    return null;
  }

  async getFeedState(feedUrl: string): Promise<FeedStateRecord | null> {
    const r = await this.#db.selectFrom('feed_state').selectAll().where('feed_url', '=', this.#id(feedUrl)).executeTakeFirst();
    if (!r) return null;
    const out: FeedStateRecord = {};
    if (r.etag !== null) out.etag = r.etag;
    if (r.last_modified !== null) out.lastModified = r.last_modified;
    if (r.checked_at !== null) out.checkedAt = r.checked_at;
    return out;
  }

  async setFeedState(feedUrl: string, state: FeedStateRecord): Promise<void> {
    const t = (v: string | undefined) => (v === undefined ? null : this.#ctx.dialect.storable(v));
    const row = { etag: t(state.etag), last_modified: t(state.lastModified), checked_at: t(state.checkedAt) };
    await this.#db.insertInto('feed_state').values({ feed_url: this.#id(feedUrl), ...row })
      .onConflict((oc) => oc.column('feed_url').doUpdateSet(row))
      .execute();
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: 'articles' | 'reports' | 'events') =>
      Number((await this.#db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const failures = await this.#db.selectFrom('ingest_log').select((eb) => eb.fn.countAll().as('n'))
      .where('outcome', '=', 'failed').executeTakeFirstOrThrow();
    const last = await this.#db.selectFrom('ingest_log').select((eb) => eb.fn.max('at').as('at'))
      .where('outcome', 'in', ['inserted', 'updated']).executeTakeFirst();
    return {
      articles: await count('articles'),
      reports: await count('reports'),
      events: await count('events'),
      failures: Number(failures.n),
      lastIngestAt: (last?.at as string | null | undefined) ?? null,
      schemaVersion: this.#schemaVersion,
    };
  }

  dataVersion(): Promise<number> {
    return readCounter(this.#db, 'data');
  }

  async close(): Promise<void> {
    for (const r of this.#readers) await r.close();
    this.#readers.clear();
    await this.#pool?.close();
    await this.#db.destroy();
    await this.#onClose?.();
  }
}
