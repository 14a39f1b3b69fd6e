import type { FastifyPluginAsync } from 'fastify';
import swaggerUi from '@fastify/swagger-ui';

/**
 * The OpenAPI document at /openapi.json and, when enabled, the human-readable page at /docs
 * (swagger-ui serves its own bundled assets: nothing is fetched from the internet).
 */
export const docsRoutes: FastifyPluginAsync<{ ui: boolean }> = async (app, { ui }) => {
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (ui) await app.register(swaggerUi, { routePrefix: '/docs' });
};
