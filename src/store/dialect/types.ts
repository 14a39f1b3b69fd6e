// Every SQL difference between SQLite and PostgreSQL lives behind this interface; the rest of the
// store is dialect-neutral Kysely. Add a method here rather than branching on the dialect elsewhere.

import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../schema.js';
import type { TimelineBucket } from '../types.js';

export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Migration step: create the full-text table `article_search` and its index. */
  createTextIndex(db: Kysely<Database>): Promise<void>;
  /** Put (or replace) an article's folded text in the full-text index. */
  indexArticle(db: Kysely<Database>, articleNum: number, foldedText: string): Promise<void>;
  removeArticle(db: Kysely<Database>, articleNum: number): Promise<void>;
  /** True when the article whose `num` is `articleNum` contains every term of the folded query. */
  textMatch(articleNum: Expression<number>, foldedQuery: string): RawBuilder<SqlBool>;
  /** First day (YYYY-MM-DD) of the bucket holding a YYYY-MM-DD date; weeks start on Monday. */
  bucketStart(date: Expression<string | null>, bucket: TimelineBucket): RawBuilder<string>;
  /** JSON text: the array of SourceRef of the canonical event whose id is `eventId`. */
  sourcesJson(eventId: Expression<string>): RawBuilder<string>;
  /**
   * A string as this database can hold it. PostgreSQL text cannot contain NUL; it becomes U+FFFD,
   * one UTF-16 unit for one, so every offset into the text stays valid.
   */
  storable(s: string): string;
  /**
   * A write transaction failed only because of another writer and may succeed if run again:
   * a unique violation (two writers raced to insert the same row), a deadlock or serialization
   * failure, a lock wait that timed out.
   */
  isRetryable(err: unknown): boolean;
  /**
   * Table options that store a table's rows in its primary key's order (SQLite WITHOUT ROWID: the
   * key's b-tree is the table, so a lookup by key reads every column; nothing in PostgreSQL).
   */
  clusteredByKey(): RawBuilder<unknown>;
  /** Serialise concurrent migrators (PostgreSQL advisory lock; SQLite's write lock suffices). */
  lockMigrations(db: Kysely<Database>): Promise<void>;
}

/** Split a folded query into search terms; quotes and operators become plain characters. */
export function queryTerms(foldedQuery: string): string[] {
  return foldedQuery.split(/\s+/).map((t) => t.trim()).filter((t) => t.length > 0).slice(0, 16);
}

/** A LIKE pattern that finds `term` anywhere, with LIKE's own metacharacters escaped by '\'. */
export function containsPattern(term: string): string {
  return '%' + term.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}
