// Saving one document: the article, its reports and their canonical events, in ONE transaction.
// A failure anywhere (a constraint, the corroborator, the process dying) leaves nothing of it.
//
// Idempotence: an article is the same article when its canonical URL or its content hash is.
//   same URL, same content   → duplicate (nothing written but the ingest log)
//   same URL, new content    → updated (reports replaced, canonical events recomputed)
//   other URL, same content  → duplicate of the stored one (syndicated copy)

import type { Kysely } from 'kysely';
import { documentJson } from '../doc/document.js';
import { MarsadError } from '../doc/diagnostics.js';
import type { EventRecord, MarsadDocument } from '../doc/types.js';
import { fold } from '../lang/ar/normalize.js';
import { nextNumber } from './counters.js';
import { articleId as articleIdFor, contentHash, eventIdForReport, reportId } from './ids.js';
import { getEvent, listEvents, type ReadContext } from './read-events.js';
import { ensureEvent, refreshEvent } from './refresh-event.js';
import type { Database } from './schema.js';
import type { ArticleInput, Corroborator, IngestOutcome, SaveOptions, SaveResult, StoreReader } from './types.js';

export interface WriteContext extends ReadContext {
  corroborator: Corroborator;
  now(): Date;
}

/** The folded text the full-text index holds: title and body, so a headline word finds its article. */
export function searchText(doc: MarsadDocument): string {
  return fold((doc.title ? doc.title + '\n' : '') + doc.text);
}

function readerFor(db: Kysely<Database>, ctx: ReadContext): StoreReader {
  return {
    listEvents: (filter, page) => listEvents(db, ctx, filter, page),
    getEvent: (id) => getEvent(db, ctx, id),
  };
}

async function eventIdsOf(db: Kysely<Database>, articleId: string): Promise<string[]> {
  const rows = await db.selectFrom('reports')
    .innerJoin('event_reports', 'event_reports.report_id', 'reports.id')
    .select('event_reports.event_id')
    .where('reports.article_id', '=', articleId)
    .orderBy('reports.ordinal')
    .execute();
  return [...new Set(rows.map((r) => r.event_id))];
}

export async function logIngest(
  db: Kysely<Database>,
  at: Date,
  e: { source: string; url: string | null; outcome: IngestOutcome; code: string | null; message: string | null; articleId: string | null },
): Promise<void> {
  const num = await nextNumber(db, 'ingest_log');
  await db.insertInto('ingest_log').values({
    num, at: at.toISOString(), source: e.source, url: e.url, outcome: e.outcome, code: e.code, message: e.message, article_id: e.articleId,
  }).execute();
}

function reportRow(id: string, articleId: string, ordinal: number, r: EventRecord, t: (s: string) => string) {
  return {
    id,
    article_id: articleId,
    record_id: t(r.id),
    ordinal,
    disorder_type: t(r.disorderType),
    event_type: t(r.eventType),
    sub_event_type: t(r.subEventType),
    actor1: r.actor1 ? JSON.stringify(r.actor1) : null,
    actor2: r.actor2 ? JSON.stringify(r.actor2) : null,
    interaction: r.interaction,
    civilian_targeting: r.civilianTargeting ? 1 : 0,
    location: r.location ? JSON.stringify(r.location) : null,
    country: r.location?.country ? t(r.location.country) : null,
    event_date: r.date,
    time_precision: r.timePrecision,
    fatalities: r.fatalities,
    injured: r.injured,
    confidence: r.confidence,
    notes: t(r.notes),
    rules: JSON.stringify(r.rules),
    evidence: JSON.stringify(r.evidence),
    sentence_start: r.sentence.start,
    sentence_end: r.sentence.end,
  };
}

/** Insert the document's reports and link each to a canonical event; returns the events touched. */
async function writeReports(
  trx: Kysely<Database>, ctx: WriteContext, articleId: string, doc: MarsadDocument,
  article: { url: string | null; outlet: string | null; publishedAt: string | null }, now: Date,
): Promise<string[]> {
  const reader = readerFor(trx, ctx);
  const touched: string[] = [];
  for (let i = 0; i < doc.events.length; i++) {
    const record = doc.events[i];
    const rid = reportId(articleId, record.id);
    await trx.insertInto('reports').values(reportRow(rid, articleId, i, record, ctx.dialect.storable)).execute();
    let eventId = await ctx.corroborator.assign({ id: rid, articleId, record, article }, reader);
    if (eventId === null) {
      eventId = eventIdForReport(rid);
      await ensureEvent(trx, eventId, record, ctx.countries, now);
    } else {
      const known = await trx.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
      if (!known) throw new MarsadError('INTERNAL', `corroborator assigned report ${rid} to unknown event ${eventId}`);
    }
    await trx.insertInto('event_reports').values({ event_id: eventId, report_id: rid, added_at: now.toISOString() }).execute();
    // Recomputed at once so the corroborator sees the event as it now stands for the next report.
    await refreshEvent(trx, eventId, ctx.countries, now);
    if (!touched.includes(eventId)) touched.push(eventId);
  }
  return touched;
}

export async function saveArticle(
  db: Kysely<Database>, ctx: WriteContext, input: ArticleInput, doc: MarsadDocument, opts: SaveOptions = {},
): Promise<SaveResult> {
  const t = ctx.dialect.storable;
  const opt = (v: string | null | undefined) => (v === null || v === undefined ? null : t(v));
  const hash = input.contentHash ?? contentHash(doc.text);
  const canonicalUrl = opt(input.canonicalUrl ?? input.url ?? doc.url);
  const url = opt(input.url ?? doc.url) ?? canonicalUrl;
  const outlet = opt(input.outlet);
  const source = t(input.source);
  const layers = JSON.stringify(documentJson(doc, { layers: true }).layers);

  const attempt = () => db.transaction().execute(async (trx): Promise<SaveResult> => {
    const now = ctx.now();
    const log = (outcome: IngestOutcome, articleId: string) =>
      logIngest(trx, now, { source, url, outcome, code: outcome === 'duplicate' ? 'DUPLICATE' : null, message: null, articleId });

    const byUrl = canonicalUrl
      ? await trx.selectFrom('articles').select(['id', 'num', 'content_hash']).where('canonical_url', '=', canonicalUrl).executeTakeFirst()
      : undefined;
    const byHash = await trx.selectFrom('articles').select(['id', 'num', 'content_hash']).where('content_hash', '=', hash).executeTakeFirst();

    const existing = byUrl ?? byHash;
    if (byUrl && byHash && byHash.id !== byUrl.id) {
      // The new content is exactly another stored article's: that one already tells it.
      await log('duplicate', byHash.id);
      return { articleId: byHash.id, status: 'duplicate', eventIds: await eventIdsOf(trx, byHash.id) };
    }
    if (existing && existing.content_hash === hash && !opts.replace) {
      await log('duplicate', existing.id);
      return { articleId: existing.id, status: 'duplicate', eventIds: await eventIdsOf(trx, existing.id) };
    }

    const fields = {
      doc_id: t(doc.id),
      source,
      outlet,
      url,
      content_hash: t(hash),
      title: opt(doc.title),
      published_at: opt(doc.publishedAt),
      fetched_at: opt(input.fetchedAt),
      lang: opt(input.lang),
      text: t(doc.text),
      diagnostics: JSON.stringify(doc.diagnostics),
      layers,
      updated_at: now.toISOString(),
    };
    const article = { url, outlet, publishedAt: doc.publishedAt };

    if (existing) {
      const id = existing.id;
      const before = await eventIdsOf(trx, id);
      // Reports are replaced wholesale; the canonical events they fed are recomputed below, and
      // those left without any report disappear. Report and event ids are content-derived, so an
      // unchanged event keeps its id (and its ACLED number) across the update.
      await trx.deleteFrom('reports').where('article_id', '=', id).execute();
      await trx.updateTable('articles').set(fields).where('id', '=', id).execute();
      await ctx.dialect.indexArticle(trx, existing.num, searchText(doc));
      const after = await writeReports(trx, ctx, id, doc, article, now);
      for (const eventId of before) if (!after.includes(eventId)) await refreshEvent(trx, eventId, ctx.countries, now);
      await nextNumber(trx, 'data');
      await log('updated', id);
      return { articleId: id, status: 'updated', eventIds: after };
    }

    const id = articleIdFor(canonicalUrl, hash);
    const num = await nextNumber(trx, 'articles');
    await trx.insertInto('articles').values({ ...fields, id, num, canonical_url: canonicalUrl, ingested_at: now.toISOString() }).execute();
    await ctx.dialect.indexArticle(trx, num, searchText(doc));
    const eventIds = await writeReports(trx, ctx, id, doc, article, now);
    // In the same transaction: a reader never sees the new version without the new rows.
    await nextNumber(trx, 'data');
    await log('inserted', id);
    return { articleId: id, status: 'inserted', eventIds };
  });

  try {
    return await attempt();
  } catch (err) {
    // Two writers raced (to insert the same new article, say, through PostgreSQL's pool): the
    // loser's transaction rolled back whole; run once more, it finds the winner's row and answers duplicate.
    if (!ctx.dialect.isRetryable(err)) throw err;
    return attempt();
  }
}
