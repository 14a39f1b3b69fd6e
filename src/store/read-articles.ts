// Reading one article with its text, every annotation layer and its reports.

import type { Kysely } from 'kysely';
import type { Diagnostic } from '../doc/diagnostics.js';
import { parseJson, toRecord } from './rows.js';
import type { Database } from './schema.js';
import type { ArticleDetail } from './types.js';

export async function getArticle(db: Kysely<Database>, id: string): Promise<ArticleDetail | null> {
  const a = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) return null;
  const reports = await db.selectFrom('reports')
    .leftJoin('event_reports', 'event_reports.report_id', 'reports.id')
    .selectAll('reports')
    .select('event_reports.event_id as event_id')
    .where('reports.article_id', '=', id)
    .orderBy('reports.ordinal')
    .execute();
  return {
    id: a.id,
    source: a.source,
    url: a.url,
    canonicalUrl: a.canonical_url,
    outlet: a.outlet,
    title: a.title,
    publishedAt: a.published_at,
    fetchedAt: a.fetched_at,
    lang: a.lang,
    contentHash: a.content_hash,
    docId: a.doc_id,
    text: a.text,
    diagnostics: parseJson<Diagnostic[]>(a.diagnostics, []),
    layers: parseJson<Record<string, unknown>>(a.layers, {}),
    reports: reports.map((r) => ({ id: r.id, recordId: r.record_id, eventId: r.event_id, record: toRecord(r) })),
    ingestedAt: a.ingested_at,
    updatedAt: a.updated_at,
  };
}
