// Prepared statements kept per connection. Kysely's SQLite driver prepares every query it runs, and
// preparing costs more than running for the small statements a document write is made of (a third
// of the store's time in a profile of `marsad ingest`). The same SQL text gets the same statement
// back; one still being iterated (a streaming export) is left alone and a fresh one prepared.

import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every statement shape of the write path and the dashboard's filters; least recently used go first. */
const DEFAULT_CAPACITY = 256;

export function cachingStatements(raw: Database.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const known = cache.get(sql);
      if (known && !known.busy) {
        // Map order is the recency order: move it to the end.
        cache.delete(sql);
        cache.set(sql, known);
        return known;
      }
      const stmt = raw.prepare(sql);
      cache.delete(sql);
      cache.set(sql, stmt);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}
