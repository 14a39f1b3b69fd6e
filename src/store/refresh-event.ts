// A canonical event is always recomputed from the reports linked to it, never patched field by
// field: whatever corroboration links or unlinks, the event is a function of its reports.

import type { Kysely } from 'kysely';
import { fatalityFigures } from '../corroborate/figures.js';
import { fold } from '../lang/ar/normalize.js';
import type { ActorRef, EventLocation, EventRecord } from '../doc/types.js';
import type { CountryTable } from './countries.js';
import { nextNumber } from './counters.js';
import { actorId, eventIdCnty, placeId } from './ids.js';
import { parseJson, toRecord } from './rows.js';
import { syncEventArticles } from './event-articles.js';
import { moveRollup, rollupEntry, ROLLUP_SOURCE_COLUMNS } from './rollup.js';
import type { Database } from './schema.js';

/** ISO3 for a location: its code (alpha-2 or alpha-3) or its country name. */
export function iso3Of(loc: EventLocation | null, countries: CountryTable): string | null {
  if (!loc) return null;
  const c = countries.lookup(loc.countryCode) ?? countries.lookup(loc.country);
  if (c) return c.alpha3;
  return loc.countryCode && /^[A-Za-z]{3}$/.test(loc.countryCode) ? loc.countryCode.toUpperCase() : null;
}

/** Create the canonical event row if missing; its number and event_id_cnty are fixed at birth. */
export async function ensureEvent(db: Kysely<Database>, eventId: string, first: EventRecord, countries: CountryTable, now: Date): Promise<void> {
  const exists = await db.selectFrom('events').select('id').where('id', '=', eventId).executeTakeFirst();
  if (exists) return;
  const num = await nextNumber(db, 'events');
  const iso = now.toISOString();
  await db.insertInto('events').values({
    id: eventId,
    num,
    event_id_cnty: eventIdCnty(iso3Of(first.location, countries), num, eventId),
    time_precision: first.timePrecision,
    disorder_type: first.disorderType,
    event_type: first.eventType,
    sub_event_type: first.subEventType,
    civilian_targeting: first.civilianTargeting ? 1 : 0,
    source: '',
    notes: '',
    confidence: first.confidence,
    conflict: 0,
    report_count: 0,
    timestamp: Math.floor(now.getTime() / 1000),
    created_at: iso,
    updated_at: iso,
  }).execute();
}

/** Lower median: with two outlets saying 3 and 5, report 3 (conservative, as the fatalities are). */
function lowerMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function upsertActor(db: Kysely<Database>, ref: ActorRef | null): Promise<string | null> {
  if (!ref) return null;
  const id = ref.id ?? actorId(ref.name, ref.nameAr);
  const row = {
    id,
    name: ref.name,
    name_ar: ref.nameAr,
    name_fold: fold(ref.name),
    name_ar_fold: fold(ref.nameAr),
    inter: ref.inter,
    country: ref.country,
  };
  await db.insertInto('actors').values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({
      name: row.name, name_ar: row.name_ar, name_fold: row.name_fold, name_ar_fold: row.name_ar_fold,
      inter: row.inter, country: row.country,
    }))
    .execute();
  return id;
}

async function upsertPlace(db: Kysely<Database>, loc: EventLocation | null): Promise<string | null> {
  if (!loc) return null;
  const id = loc.gazetteerId ?? placeId([loc.name, loc.nameAr, loc.countryCode, loc.lat, loc.lon]);
  const row = {
    id, name: loc.name, name_ar: loc.nameAr, country: loc.country, country_code: loc.countryCode,
    admin1: loc.admin1, admin2: loc.admin2, latitude: loc.lat, longitude: loc.lon,
  };
  await db.insertInto('places').values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({
      name: row.name, name_ar: row.name_ar, country: row.country, country_code: row.country_code,
      admin1: row.admin1, admin2: row.admin2, latitude: row.latitude, longitude: row.longitude,
    }))
    .execute();
  return id;
}

/**
 * Recompute a canonical event from its reports. The primary report (highest confidence, then the
 * earliest published, then the smallest id) gives the ACLED fields; fatalities come from every
 * report's stated toll (fatalityFigures: ACLED's lowest as `fatalities`, UCDP's low/best/high). An
 * event left without reports is deleted. Returns whether it still exists.
 */
export async function refreshEvent(db: Kysely<Database>, eventId: string, countries: CountryTable, now: Date): Promise<boolean> {
  const linked = await db.selectFrom('event_reports')
    .innerJoin('reports', 'reports.id', 'event_reports.report_id')
    .innerJoin('articles', 'articles.id', 'reports.article_id')
    .selectAll('reports')
    .select([
      'articles.outlet as a_outlet', 'articles.source as a_source', 'articles.url as a_url',
      'articles.canonical_url as a_canonical_url', 'articles.published_at as a_published_at', 'articles.num as a_num',
    ])
    .where('event_reports.event_id', '=', eventId)
    .execute();
  // What the timeline rollups counted for this event until now, moved to what it becomes below.
  const was = await db.selectFrom('events').select([...ROLLUP_SOURCE_COLUMNS]).where('id', '=', eventId).executeTakeFirst();
  const before = was ? rollupEntry(was) : null;
  if (linked.length === 0) {
    await db.deleteFrom('events').where('id', '=', eventId).execute();
    await moveRollup(db, before, null);
    await syncEventArticles(db, eventId, null, []);
    return false;
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  // Undated articles sort after dated ones.
  const byPublished = (a: { a_published_at: string | null; id: string }, b: { a_published_at: string | null; id: string }) =>
    cmp(a.a_published_at ?? '\uffff', b.a_published_at ?? '\uffff') || cmp(a.id, b.id);
  const ordered = [...linked].sort((a, b) => b.confidence - a.confidence || byPublished(a, b));
  const primaryRow = ordered[0];
  const primary = toRecord(primaryRow);
  const loc = primary.location;
  const country = countries.lookup(loc?.countryCode) ?? countries.lookup(loc?.country);

  const tolls = fatalityFigures(linked.map((r) => ({
    fatalities: r.fatalities,
    rule: parseJson<Record<string, string | undefined>>(r.rules, {}).fatalities ?? null,
  })));
  const injuries = linked.map((r) => r.injured).filter((v): v is number => v !== null);
  const types = new Set(linked.map((r) => `${r.event_type}\u0000${r.sub_event_type}`));
  const outlets: string[] = [];
  for (const r of [...linked].sort(byPublished)) {
    const name = r.a_outlet ?? r.a_source;
    if (!outlets.includes(name)) outlets.push(name);
  }

  const actor1Id = await upsertActor(db, primary.actor1);
  const actor2Id = await upsertActor(db, primary.actor2);
  const placeIdValue = await upsertPlace(db, loc);

  const fields = {
    event_date: primary.date,
    year: primary.date ? Number(primary.date.slice(0, 4)) : null,
    time_precision: primary.timePrecision,
    disorder_type: primary.disorderType,
    event_type: primary.eventType,
    sub_event_type: primary.subEventType,
    actor1: primary.actor1?.name ?? null,
    actor1_ar: primary.actor1?.nameAr ?? null,
    actor1_id: actor1Id,
    inter1: primary.actor1?.inter ?? null,
    actor2: primary.actor2?.name ?? null,
    actor2_ar: primary.actor2?.nameAr ?? null,
    actor2_id: actor2Id,
    inter2: primary.actor2?.inter ?? null,
    interaction: primary.interaction,
    civilian_targeting: primary.civilianTargeting ? 1 : 0,
    iso: country?.numeric ?? null,
    iso3: iso3Of(loc, countries),
    region: country?.region ?? null,
    country: loc?.country ?? country?.name ?? null,
    admin1: loc?.admin1 ?? null,
    admin2: loc?.admin2 ?? null,
    location: loc?.name ?? null,
    location_ar: loc?.nameAr ?? null,
    place_id: placeIdValue,
    latitude: loc?.lat ?? null,
    longitude: loc?.lon ?? null,
    geo_precision: loc?.geoPrecision ?? null,
    source: outlets.join('; '),
    notes: primary.notes,
    fatalities: tolls.fatalities,
    fatalities_low: tolls.low,
    fatalities_best: tolls.best,
    fatalities_high: tolls.high,
    injured: lowerMedian(injuries),
    confidence: Math.max(...linked.map((r) => r.confidence)),
    conflict: types.size > 1 || tolls.conflict ? 1 : 0,
    report_count: linked.length,
    timestamp: Math.floor(now.getTime() / 1000),
    primary_report_id: primaryRow.id,
    article_url: primaryRow.a_url ?? primaryRow.a_canonical_url,
    updated_at: now.toISOString(),
  };
  await db.updateTable('events').set(fields).where('id', '=', eventId).execute();
  await moveRollup(db, before, rollupEntry(fields));
  await syncEventArticles(db, eventId, fields, linked.map((r) => r.a_num));

  await db.deleteFrom('event_actors').where('event_id', '=', eventId).execute();
  const roles = [actor1Id, actor2Id]
    .map((actor_id, i) => ({ event_id: eventId, actor_id, role: i + 1 }))
    .filter((r): r is { event_id: string; actor_id: string; role: number } => r.actor_id !== null);
  if (roles.length) await db.insertInto('event_actors').values(roles).execute();
  return true;
}
