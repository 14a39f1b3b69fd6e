// SQLite: FTS5 with the trigram tokenizer over the folded text.
// Trigram (substring) matching rather than word tokens because Arabic glues clitics to words:
// "الصاروخ" must be found in "بالصاروخ" and "وللصاروخ", which a word tokenizer misses. The cost
// is an index about three times the text; the gain is recall without a stemmer.

import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { TimelineBucket } from '../types.js';
import { containsPattern, queryTerms, type StoreDialect } from './types.js';

/** Trigram phrases need at least three characters; shorter terms fall back to LIKE (a scan). */
const TRIGRAM = 3;

function ftsPhrase(term: string): string {
  return '"' + term.replace(/"/g, '""') + '"';
}

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',

  async createTextIndex(db) {
    await sql`create virtual table article_search using fts5(body, tokenize = 'trigram')`.execute(db);
  },

  async indexArticle(db, articleNum, foldedText) {
    await sql`delete from article_search where rowid = ${articleNum}`.execute(db);
    await sql`insert into article_search (rowid, body) values (${articleNum}, ${foldedText})`.execute(db);
  },

  async removeArticle(db, articleNum) {
    await sql`delete from article_search where rowid = ${articleNum}`.execute(db);
  },

  textMatch(articleNum, foldedQuery) {
    const terms = queryTerms(foldedQuery);
    const long = terms.filter((t) => [...t].length >= TRIGRAM);
    const short = terms.filter((t) => [...t].length < TRIGRAM);
    const conds = [];
    if (long.length > 0) {
      const match = long.map(ftsPhrase).join(' ');
      conds.push(sql`${articleNum} in (select rowid from article_search where article_search match ${match})`);
    }
    for (const t of short) {
      conds.push(sql`${articleNum} in (select rowid from article_search where body like ${containsPattern(t)} escape '\\')`);
    }
    if (conds.length === 0) return sql<boolean>`1 = 0`;
    return sql<boolean>`(${sql.join(conds, sql` and `)})`;
  },

  bucketStart(date: Expression<string | null>, bucket: TimelineBucket) {
    switch (bucket) {
      case 'day':
        return sql<string>`${date}`;
      case 'week':
        // strftime %w: Sunday 0 … Saturday 6; step back to Monday.
        return sql<string>`date(${date}, '-' || ((cast(strftime('%w', ${date}) as integer) + 6) % 7) || ' days')`;
      case 'month':
        return sql<string>`substr(${date}, 1, 7) || '-01'`;
    }
  },

  sourcesJson(eventId) {
    return sql<string>`(select json_group_array(json_object(
        'articleId', a.id, 'url', coalesce(a.url, a.canonical_url), 'outlet', a.outlet, 'publishedAt', a.published_at)
        order by a.published_at is null, a.published_at, a.id)
      from articles a
      where a.id in (select r.article_id from event_reports er join reports r on r.id = er.report_id
                     where er.event_id = ${eventId}))`;
  },

  isRetryable(err) {
    const code = (err as { code?: unknown })?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_BUSY';
  },

  storable(s) {
    return s;
  },

  clusteredByKey() {
    return sql`without rowid`;
  },

  async lockMigrations(_db: Kysely<Database>) {
    // SQLite takes its write lock on the first write of the migration transaction.
  },
};
