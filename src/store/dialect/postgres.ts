// PostgreSQL: the folded text in a plain table with a pg_trgm GIN index, queried with LIKE.
// The same substring semantics as SQLite's FTS5 trigram table (see ./sqlite.ts for why substrings),
// so a query finds the same articles on both. pg_trgm is created in `public` because a test schema
// is dropped after each run and must not take the extension with it.

import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { containsPattern, queryTerms, type StoreDialect } from './types.js';

/** The schema pg_trgm lives in, creating it in `public` when missing; null when it cannot be had. */
async function trigramSchema(db: Kysely<Database>): Promise<string | null> {
  const find = async () =>
    (await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db)).rows[0]?.schema ?? null;
  const found = await find();
  if (found) return found;
  // A savepoint, because a failed statement would otherwise abort the whole migration transaction.
  await sql`savepoint marsad_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint marsad_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint marsad_trgm`.execute(db);
    return null;
  }
  return find();
}

/** Arbitrary constant naming marsad's migration lock among other advisory locks. */
const MIGRATION_LOCK = 0x6d617273; // "mars"

export const postgresDialect: StoreDialect = {
  name: 'postgres',

  async createTextIndex(db) {
    await sql`create table article_search (article_num integer primary key, body text not null)`.execute(db);
    const schema = await trigramSchema(db);
    // Without the extension (no privilege to create it) LIKE still works, only unindexed.
    if (schema) {
      await sql`create index article_search_body_trgm on article_search using gin (body ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
    }
  },

  async indexArticle(db, articleNum, foldedText) {
    await sql`insert into article_search (article_num, body) values (${articleNum}, ${foldedText})
      on conflict (article_num) do update set body = excluded.body`.execute(db);
  },

  async removeArticle(db, articleNum) {
    await sql`delete from article_search where article_num = ${articleNum}`.execute(db);
  },

  textMatch(articleNum, foldedQuery) {
    const terms = queryTerms(foldedQuery);
    if (terms.length === 0) return sql<boolean>`false`;
    const likes = terms.map((t) => sql`body like ${containsPattern(t)} escape '\\'`);
    return sql<boolean>`${articleNum} in (select article_num from article_search where ${sql.join(likes, sql` and `)})`;
  },

  bucketStart(date, bucket) {
    switch (bucket) {
      case 'day':
        return sql<string>`${date}`;
      case 'week':
        return sql<string>`to_char(date_trunc('week', cast(${date} as date)), 'YYYY-MM-DD')`;
      case 'month':
        return sql<string>`to_char(date_trunc('month', cast(${date} as date)), 'YYYY-MM-DD')`;
    }
  },

  sourcesJson(eventId) {
    return sql<string>`(select coalesce(json_agg(json_build_object(
        'articleId', a.id, 'url', coalesce(a.url, a.canonical_url), 'outlet', a.outlet, 'publishedAt', a.published_at)
        order by a.published_at is null, a.published_at, a.id), '[]'::json)::text
      from articles a
      where a.id in (select r.article_id from event_reports er join reports r on r.id = er.report_id
                     where er.event_id = ${eventId}))`;
  },

  isRetryable(err) {
    // unique_violation, serialization_failure, deadlock_detected
    const code = (err as { code?: unknown })?.code;
    return code === '23505' || code === '40001' || code === '40P01';
  },

  storable(s) {
    return s.includes('\u0000') ? s.replace(/\u0000/g, '\ufffd') : s;
  },

  clusteredByKey() {
    return sql``;
  },

  async lockMigrations(db) {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(db);
  },
};
