// The HTTP API as a function of its dependencies. Nothing here listens: see ./listen.ts.

import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { resolveConfig } from './config.js';
import { errorSchema, installErrorHandling } from './errors.js';
import { articlesRoutes } from './routes/articles.js';
import { controlRoutes } from './routes/control.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { docsRoutes } from './routes/docs.js';
import { eventsRoutes } from './routes/events.js';
import { exportRoutes } from './routes/export.js';
import { extractRoutes } from './routes/extract.js';
import { mapRoutes } from './routes/map.js';
import { statsRoutes } from './routes/stats.js';
import { ResponseCache } from './response-cache.js';
import { statusRoutes } from './routes/status.js';
import { eventRow } from './schemas.js';
import type { AppDeps } from './types.js';

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const config = resolveConfig(deps.config);
  const app = Fastify({
    logger: config.logger,
    bodyLimit: config.maxBodyBytes,
    connectionTimeout: config.idleTimeoutMs,
    ajv: {
      // Unknown query parameters are errors, not silently dropped: a misspelt filter must not
      // quietly return everything.
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false },
    },
  });
  installErrorHandling(app);
  app.addSchema(errorSchema);
  app.addSchema(eventRow);

  // Registered first and at the root so it sees every route below.
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'marsad',
        version: '0.1.0',
        description: 'Arabic-first conflict-event observatory: events in ACLED\'s format, each field with the evidence it was read from.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // Shared schemas keep their $id as their component name (Error, EventRow) instead of def-N.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });

  const { store, extract, readArticle } = deps;
  // One cache for both read routes: their keys start with the route, and one data version clears both.
  const cache = config.responseCache ? new ResponseCache() : null;
  await app.register(eventsRoutes, { store, cache });
  await app.register(articlesRoutes, { store, extract, readArticle, token: config.token, bodyLimit: config.maxBodyBytes });
  await app.register(extractRoutes, { extract, readArticle, bodyLimit: config.maxExtractBytes });
  await app.register(statsRoutes, { store, cache });
  await app.register(statusRoutes, { store, queue: deps.queue ?? null });
  await app.register(exportRoutes, { store });
  await app.register(mapRoutes, { store });
  await app.register(controlRoutes, { store });
  await app.register(docsRoutes, { ui: config.docs });
  if (config.webRoot) await app.register(dashboardRoutes, { root: config.webRoot });
  return app;
}
