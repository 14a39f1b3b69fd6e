import type { FastifyPluginAsync } from 'fastify';
import { MarsadError } from '../../doc/diagnostics.js';
import type { EventSort, Store } from '../../store/types.js';
import { filterFromQuery, type FilterQuery } from '../query.js';
import { cachedReply } from '../cached-reply.js';
import type { ResponseCache } from '../response-cache.js';
import { errorResponses, eventDetail, eventPage, eventsQuery, idParams } from '../schemas.js';

interface EventsQuery extends FilterQuery {
  sort?: EventSort;
  limit?: number;
  cursor?: string;
}

export const eventsRoutes: FastifyPluginAsync<{ store: Store; cache?: ResponseCache | null }> = async (app, { store, cache = null }) => {
  app.get<{ Querystring: EventsQuery }>('/api/events', {
    schema: {
      summary: 'Canonical events, filtered, sorted, one page at a time',
      description: 'Pass `nextCursor` back as `cursor` for the next page; it belongs to its sort.',
      tags: ['events'],
      querystring: eventsQuery,
      response: { 200: eventPage, ...errorResponses(400, 500) },
    },
  }, async (req, reply) => {
    const { sort, limit, cursor, ...filters } = req.query;
    return cachedReply(store, cache, req, reply, () => store.listEventsJson(filterFromQuery(filters), { sort, limit, cursor }));
  });

  app.get<{ Params: { id: string } }>('/api/events/:id', {
    schema: {
      summary: 'One canonical event with its reports, evidence spans, excerpts and sources',
      description: 'The id is ours (evt_…) or ACLED\'s event_id_cnty.',
      tags: ['events'],
      params: idParams,
      response: { 200: eventDetail, ...errorResponses(404, 500) },
    },
  }, async (req) => {
    const e = await store.getEvent(req.params.id);
    if (!e) throw new MarsadError('NOT_FOUND', `event ${req.params.id}`);
    return e;
  });
};
