// The dashboard: the single-page app built by Vite into dist/web, served from this process so
// `marsad serve` needs nothing else. Only the app's own routes answer with its page; everything
// else under /assets/ is a built file, and any other path stays a JSON 404.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';

export interface DashboardOptions {
  /** The folder holding index.html and assets/ (dist/web after `npm run build`). */
  root: string;
}

/** Paths the app routes itself; a reload on any of them gets the page. */
export const APP_ROUTES = ['/', '/event/:id', '/article/:id'] as const;

/**
 * Article text is shown as text, never as markup; this policy is the second line: even a bug that
 * let markup through could not run a script or load anything from elsewhere. MapLibre needs blob:
 * workers and inline style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>marsad</title>
<p>The dashboard is not built. Run <code>npm run build</code> (or <code>npm install</code>), then reload.
The API is at <a href="/docs">/docs</a>.</p></html>`;

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer');
}

export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, { root }) => {
  const indexFile = join(root, 'index.html');

  // Registered whether or not the folder exists yet (a build made while serving is then picked
  // up), with @fastify/static's warning about a missing root silenced.
  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    // File names carry a content hash: a name never changes meaning, so browsers may keep it.
    immutable: true,
    maxAge: '365d',
    index: false,
    list: false,
    dotfiles: 'deny',
    suppressWarning: true,
  });

  for (const url of APP_ROUTES) {
    app.get(url, { schema: { hide: true } }, async (_req, reply) => {
      securityHeaders(reply).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      // Read per request (700 bytes): a rebuild renames the assets it names, and needs no restart.
      const page = await readFile(indexFile).catch(() => null);
      if (!page) return reply.code(503).send(NOT_BUILT);
      return reply.send(page);
    });
  }
};
