import type { FastifyPluginAsync } from 'fastify';
import { documentJson } from '../../doc/document.js';
import type { Extractor } from '../../pipeline/types.js';
import { extractDocument } from '../extract-document.js';
import { errorResponses, extractBody } from '../schemas.js';
import type { ArticleRequest, ReadArticle } from '../types.js';

export interface ExtractOptions {
  extract: Extractor;
  readArticle: ReadArticle;
  bodyLimit: number;
}

export const extractRoutes: FastifyPluginAsync<ExtractOptions> = async (app, o) => {
  app.post<{ Body: Omit<ArticleRequest, 'url'>; Querystring: { layers?: boolean } }>('/api/extract', {
    bodyLimit: o.bodyLimit,
    schema: {
      summary: 'Extract events from text or HTML without storing anything',
      description: 'Stateless and size-limited. `layers=true` adds every annotation layer.',
      tags: ['extract'],
      body: extractBody,
      querystring: { type: 'object', additionalProperties: false, properties: { layers: { type: 'boolean', default: false } } },
      response: { 200: { type: 'object', additionalProperties: true }, ...errorResponses(400, 413, 415, 422, 500) },
    },
  }, async (req) => {
    const input = await o.readArticle(req.body);
    const doc = extractDocument(o.extract, input);
    return documentJson(doc, { layers: req.query.layers === true });
  });
};
