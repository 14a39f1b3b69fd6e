import type { FastifyPluginAsync } from 'fastify';
import { MarsadError } from '../../doc/diagnostics.js';
import { isSampleSource } from '../../samples/index.js';
import type { EventPoint, Store } from '../../store/types.js';
import { EVENT_TYPES, MAX_ZOOM, clusterLeaves, queryIndex } from '../map/cluster.js';
import { PointSets } from '../map/point-sets.js';
import { filterFromQuery, type FilterQuery } from '../query.js';
import { errorResponses, facetsResponse, filterProperties, leavesQuery, leavesResponse, mapQuery, mapResponse } from '../schemas.js';

const isSample = (p: EventPoint) => isSampleSource(p.source);

/** The map's viewport travels as `bbox`; it bounds the answer, not the set that is clustered. */
function setFilter(q: FilterQuery) {
  const { bbox: _viewport, ...rest } = q;
  return filterFromQuery(rest);
}

export const mapRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  const sets = new PointSets(store, { isSample });
  // Build the unfiltered set as soon as the server is up, not when the first browser asks: with
  // 50,000 events the scan and index take about a second, the dashboard's first view needs them.
  app.addHook('onReady', async () => {
    void sets.get({}).catch((err: unknown) => app.log.warn({ err }, 'map: warming the unfiltered event set failed'));
  });

  app.get<{ Querystring: FilterQuery & { zoom?: number } }>('/api/map', {
    schema: {
      summary: 'Clusters and single events inside a viewport, for a map at a zoom level',
      description: 'Clustered on the server (supercluster) over every event matching the filters, so the answer stays a few hundred '
        + 'features whatever the number of events. `bbox` is the viewport; events without coordinates are counted in `total` only. '
        + `Cluster \`types\` count events per type in this order: ${EVENT_TYPES.join(', ')}, other.`,
      tags: ['map'],
      querystring: mapQuery,
      response: { 200: mapResponse, ...errorResponses(400, 500) },
    },
  }, async (req) => {
    const { zoom = 2, ...q } = req.query;
    const viewport = filterFromQuery({ bbox: q.bbox ?? '-180,-85,180,85' }).bbox!;
    const set = await sets.get(setFilter(q));
    const features = queryIndex(set.index, set.points, viewport, zoom, isSample);
    const f = set.facets();
    return { type: 'FeatureCollection', total: f.total, located: f.located, samples: f.samples, maxZoom: MAX_ZOOM, features };
  });

  app.get<{ Querystring: FilterQuery & { cluster: number; limit?: number } }>('/api/map/leaves', {
    schema: {
      summary: 'The events of one cluster of /api/map, under the same filters',
      tags: ['map'],
      querystring: leavesQuery,
      response: { 200: leavesResponse, ...errorResponses(400, 404, 500) },
    },
  }, async (req) => {
    const { cluster, limit = 100, ...q } = req.query;
    const set = await sets.get(setFilter(q));
    const items = clusterLeaves(set.index, set.points, cluster, limit, isSample);
    if (!items) throw new MarsadError('NOT_FOUND', `cluster ${cluster} (the data changed: ask /api/map again)`);
    return { items };
  });

  app.get<{ Querystring: FilterQuery }>('/api/facets', {
    schema: {
      summary: 'What the filters can choose from, with counts: countries, event types and sub-types, actors, date range',
      description: 'Over the events matching the given filters (none: every event). `samples` counts events from the bundled sample articles.',
      tags: ['map'],
      querystring: { type: 'object', additionalProperties: false, properties: filterProperties },
      response: { 200: facetsResponse, ...errorResponses(400, 500) },
    },
  }, async (req) => (await sets.get(setFilter(req.query))).facets());
};
