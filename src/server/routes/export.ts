import type { FastifyPluginAsync } from 'fastify';
import { exportStream, type ExportFormat } from '../../store/export/index.js';
import type { Store } from '../../store/types.js';
import { filterFromQuery, type FilterQuery } from '../query.js';
import { errorResponses, exportQuery } from '../schemas.js';

export const exportRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Querystring: FilterQuery & { format: ExportFormat } }>('/api/export', {
    schema: {
      summary: 'Every matching canonical event as CSV (ACLED columns, then ours), GeoJSON or JSON Lines',
      description: 'Streamed: the size of the answer does not bound the server\'s memory. GeoJSON leaves out events without coordinates.',
      tags: ['export'],
      querystring: exportQuery,
      response: {
        200: {
          description: 'The export file, by format',
          content: {
            'text/csv': { schema: { type: 'string', description: 'ACLED columns in ACLED order, then injured, confidence, article_url, evidence' } },
            'application/geo+json': { schema: { type: 'object', description: 'FeatureCollection of Point features' } },
            'application/x-ndjson': { schema: { type: 'string', description: 'One EventRow per line' } },
          },
        },
        ...errorResponses(400, 500),
      },
    },
  }, async (req, reply) => {
    const { format, ...filters } = req.query;
    // Validate before the first byte: after it, the status line is already 200.
    const filter = filterFromQuery(filters);
    const out = exportStream(format, store.exportEvents(filter));
    out.stream.on('error', (err) => req.log.error({ err }, 'export stream failed'));
    return reply
      .type(out.contentType)
      .header('content-disposition', `attachment; filename="marsad-events.${out.extension}"`)
      .send(out.stream);
  });
};
