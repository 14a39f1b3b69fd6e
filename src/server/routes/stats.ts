import type { FastifyPluginAsync } from 'fastify';
import type { Store, TimelineBucket } from '../../store/types.js';
import { filterFromQuery, type FilterQuery } from '../query.js';
import { cachedReply } from '../cached-reply.js';
import type { ResponseCache } from '../response-cache.js';
import { errorResponses, statsResponse, timelineQuery, timelineResponse } from '../schemas.js';

export const statsRoutes: FastifyPluginAsync<{ store: Store; cache?: ResponseCache | null }> = async (app, { store, cache = null }) => {
  app.get<{ Querystring: FilterQuery & { bucket?: TimelineBucket } }>('/api/stats/timeline', {
    schema: {
      summary: 'Events and fatalities per day, week or month and event type, under the event filters',
      description: 'Weeks start on Monday; undated events are not counted.',
      tags: ['stats'],
      querystring: timelineQuery,
      response: { 200: timelineResponse, ...errorResponses(400, 500) },
    },
  }, async (req, reply) => {
    const { bucket = 'week', ...filters } = req.query;
    return cachedReply(store, cache, req, reply, () => store.timelineJson(filterFromQuery(filters), bucket));
  });

  app.get('/api/stats', {
    schema: { summary: 'Counts of articles, reports, events and failed inputs', tags: ['stats'], response: { 200: statsResponse } },
  }, async () => store.stats());
};
