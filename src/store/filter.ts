// EventFilter and sort → SQL, shared by listing, timeline and export. Values only ever travel as
// parameters; the only SQL text chosen here comes from fixed tables of column names.

import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { fold } from '../lang/ar/normalize.js';
import type { CountryTable } from './countries.js';
import type { CursorState } from './cursor.js';
import type { StoreDialect } from './dialect/types.js';
import type { Database } from './schema.js';
import type { EventFilter, EventSort } from './types.js';

type EventsEb = ExpressionBuilder<Database, 'events'>;

/** The date sort key: never NULL (undated sorts as ''), the expression the keyset indexes are built on. */
const DATE_KEY = sql<string>`coalesce(events.event_date, '')`;

export interface WhereOptions {
  /**
   * Test the actor and text filters event by event (EXISTS) rather than as sets built once (IN).
   * For a page read in index order, which stops after limit + 1 matches: a common word or actor
   * is met within a few hundred events (q=غارة, in a third of all articles: 38 ms at 1M events,
   * 5 s as a set). For reading every match (timeline, map, export), sets cost in proportion to
   * the matches instead of to all events (the timeline of an actor with 67,000 events at 1M:
   * 0.44 s as a set, 3.7 s event by event). A page of a very rare word stays slow (a full walk).
   */
  perRow?: boolean;
}

/** The WHERE clause of a filter, over the `events` table. */
export function eventWhere(filter: EventFilter, dialect: StoreDialect, countries: CountryTable, opts: WhereOptions = {}) {
  return (eb: EventsEb): Expression<SqlBool> => {
    const conds: Expression<SqlBool>[] = [];
    if (filter.country) {
      const known = countries.lookup(filter.country);
      if (known) {
        // One column, so the (iso3, date key, …) index serves a page in date order: an OR with
        // `country` made SQLite gather and sort every event of the country (2.9 s for Syria's
        // 220,000 at 1M). Nothing is lost: an event's iso3 and country come from the same location.
        conds.push(eb('events.iso3', '=', known.alpha3));
      } else {
        const alts = [eb('events.country', '=', filter.country)];
        if (/^[A-Za-z]{3}$/.test(filter.country)) alts.push(eb('events.iso3', '=', filter.country.toUpperCase()));
        conds.push(eb.or(alts));
      }
    }
    if (filter.admin1) conds.push(eb('events.admin1', '=', filter.admin1));
    if (filter.eventType) conds.push(eb('events.event_type', '=', filter.eventType));
    if (filter.subEventType) conds.push(eb('events.sub_event_type', '=', filter.subEventType));
    const actor = filter.actor;
    if (actor) {
      const key = fold(actor);
      const named = (w: ExpressionBuilder<Database, 'actors'>) => w.or([
        w('actors.id', '=', actor),
        w('actors.name_fold', '=', key),
        w('actors.name_ar_fold', '=', key),
      ]);
      conds.push(opts.perRow
        ? eb.exists(eb.selectFrom('event_actors')
          .innerJoin('actors', 'actors.id', 'event_actors.actor_id')
          .select('event_actors.actor_id')
          .whereRef('event_actors.event_id', '=', 'events.id')
          .where(named))
        : eb('events.id', 'in', eb.selectFrom('event_actors')
          .innerJoin('actors', 'actors.id', 'event_actors.actor_id')
          .select('event_actors.event_id')
          .where(named)));
    }
    // On the date key, so an index on it answers the range; '' (undated) is out of any range.
    if (filter.from) conds.push(eb(DATE_KEY, '>=', filter.from));
    if (filter.to) conds.push(eb(DATE_KEY, '<=', filter.to), eb(DATE_KEY, '>', ''));
    if (filter.bbox) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      conds.push(eb('events.latitude', '>=', minLat), eb('events.latitude', '<=', maxLat));
      if (minLon <= maxLon) {
        conds.push(eb('events.longitude', '>=', minLon), eb('events.longitude', '<=', maxLon));
      } else {
        // A box crossing the antimeridian is two boxes.
        conds.push(eb.or([eb('events.longitude', '>=', minLon), eb('events.longitude', '<=', maxLon)]));
      }
    }
    if (filter.minFatalities !== undefined) {
      conds.push(eb('events.fatalities', '>=', filter.minFatalities));
      // The same bound on the fatalities sort key (equal for a bound ≥ 0: NULL, as -1, is out either
      // way), so a page by fatalities starts its index walk at the bound instead of at the lowest toll
      // (minFatalities=5 by fatalities ascending: 3.2 s → ms at 100,000 events).
      if (filter.minFatalities >= 0) conds.push(eb(sortSpec('fatalities').key, '>=', filter.minFatalities));
    }
    if (filter.q && filter.q.trim()) {
      // Through the events-by-article table (./event-articles.ts): the matching articles' events are
      // one index entry away, not four lookups (article, its reports, their event links).
      const folded = fold(filter.q);
      const num = sql<number>`event_articles.article_num`;
      // Event by event: the event's few rows, each tested against the matches. The unary + keeps
      // SQLite from using the matches as keys of the (event_id, article_num) index instead, one
      // probe per match for every event walked (2.5 s a page at 1M).
      conds.push(opts.perRow
        ? eb.exists(eb.selectFrom('event_articles').select('event_articles.article_num')
          .whereRef('event_articles.event_id', '=', 'events.id').where(dialect.textMatch(sql<number>`+${num}`, folded)))
        : eb('events.id', 'in', eb.selectFrom('event_articles').select('event_articles.event_id').where(dialect.textMatch(num, folded))));
    }
    return eb.and(conds);
  };
}

export interface SortSpec {
  key: RawBuilder<string | number>;
  desc: boolean;
  /** The key value of a row, as stored in a cursor. */
  keyOf(row: { event_date: string | null; fatalities: number | null; confidence: number }): string | number;
}

/** Sort keys never NULL, so the keyset comparison is total: undated sorts as '', unknown fatalities as -1. */
export function sortSpec(sort: EventSort): SortSpec {
  const desc = sort.startsWith('-');
  switch (sort.replace(/^-/, '')) {
    case 'fatalities':
      return { key: sql<number>`coalesce(events.fatalities, -1)`, desc, keyOf: (r) => r.fatalities ?? -1 };
    case 'confidence':
      return { key: sql<number>`events.confidence`, desc, keyOf: (r) => r.confidence };
    default:
      return { key: DATE_KEY, desc, keyOf: (r) => r.event_date ?? '' };
  }
}

/** Rows strictly after the cursor in the sort order, id breaking ties. */
export function afterCursor(spec: SortSpec, c: CursorState) {
  const op = spec.desc ? '<' : '>';
  const opEq = spec.desc ? '<=' : '>=';
  // The first term alone bounds the sort key, so an index on it starts at the cursor instead of
  // reading every row before it.
  return (eb: EventsEb): Expression<SqlBool> =>
    eb.and([
      eb(spec.key, opEq, c.key),
      eb.or([eb(spec.key, op, c.key), eb('events.id', op, c.id)]),
    ]);
}
