import type { FastifyPluginAsync } from 'fastify';
import { MarsadError } from '../../doc/diagnostics.js';
import type { Extractor } from '../../pipeline/types.js';
import type { Store } from '../../store/types.js';
import { requireToken } from '../auth.js';
import { toApiError } from '../errors.js';
import { extractDocument } from '../extract-document.js';
import { articleBody, articleDetail, errorResponses, idParams, saveResult } from '../schemas.js';
import type { ArticleRequest, ReadArticle } from '../types.js';

export interface ArticlesOptions {
  store: Store;
  extract: Extractor;
  readArticle: ReadArticle;
  token: string | null;
  bodyLimit: number;
}

/** Articles posted through the API are logged under this source. */
const SOURCE = 'api';

export const articlesRoutes: FastifyPluginAsync<ArticlesOptions> = async (app, o) => {
  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: {
      summary: 'One article: its text and every annotation layer',
      tags: ['articles'],
      params: idParams,
      response: { 200: articleDetail, ...errorResponses(404, 500) },
    },
  }, async (req) => {
    const a = await o.store.getArticle(req.params.id);
    if (!a) throw new MarsadError('NOT_FOUND', `article ${req.params.id}`);
    return a;
  });

  app.post<{ Body: ArticleRequest }>('/api/articles', {
    onRequest: requireToken(o.token),
    bodyLimit: o.bodyLimit,
    schema: {
      summary: 'Ingest an article given as text, HTML or URL: read, extract, store',
      description: 'Idempotent: the same canonical URL or the same content answers `duplicate`. 201 when inserted, 200 otherwise.',
      tags: ['articles'],
      security: [{ bearer: [] }],
      body: articleBody,
      response: { 200: saveResult, 201: saveResult, ...errorResponses(400, 401, 403, 413, 415, 422, 502, 504, 500) },
    },
  }, async (req, reply) => {
    const body = req.body;
    try {
      const input = await o.readArticle(body);
      const doc = extractDocument(o.extract, input);
      const saved = await o.store.saveArticle({
        source: SOURCE,
        url: input.url ?? body.url ?? null,
        canonicalUrl: input.canonicalUrl ?? null,
        outlet: input.outlet ?? null,
        lang: input.lang ?? null,
        fetchedAt: body.url ? new Date().toISOString() : null,
      }, doc);
      reply.code(saved.status === 'inserted' ? 201 : 200);
      return { ...saved, diagnostics: doc.diagnostics };
    } catch (err) {
      // Every input that could not be stored is recorded with where it came from.
      const api = toApiError(err);
      await o.store.logFailure({ source: SOURCE, url: body.url ?? null, code: api.code, message: api.message })
        .catch((logErr: unknown) => req.log.error({ err: logErr }, 'could not record the failed input'));
      throw err;
    }
  });
};
