// Every failure answers {error: {code, message}} with a code from the one catalogue.

import type { FastifyError, FastifyInstance } from 'fastify';
import { CATALOGUE, MarsadError, type DiagnosticCode } from '../doc/diagnostics.js';

export interface ApiError {
  status: number;
  code: DiagnosticCode;
  message: string;
}

/** Map any thrown value to a catalogue code; internals never leak into a 5xx message. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof MarsadError) return { status: err.status, code: err.code, message: err.message };
  const e = err as Partial<FastifyError> & { validation?: unknown; validationContext?: string };
  if (e && e.validation) {
    return { status: 400, code: 'BAD_REQUEST', message: `${CATALOGUE.BAD_REQUEST.message}: ${e.message ?? 'invalid request'}` };
  }
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status === 413) return { status, code: 'PAYLOAD_TOO_LARGE', message: e.message ?? CATALOGUE.PAYLOAD_TOO_LARGE.message };
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: e.message ?? CATALOGUE.UNSUPPORTED_MEDIA_TYPE.message };
  if (status === 404) return { status, code: 'NOT_FOUND', message: e.message ?? CATALOGUE.NOT_FOUND.message };
  if (status >= 400 && status < 500) return { status, code: 'BAD_REQUEST', message: `${CATALOGUE.BAD_REQUEST.message}: ${e.message ?? ''}` };
  return { status: 500, code: 'INTERNAL', message: CATALOGUE.INTERNAL.message };
}

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const api = toApiError(err);
    if (api.status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: api.code }, api.message);
    // RFC 6750 §3.1: a missing or wrong bearer token is 401 with a challenge; 403 is for a server that takes no writes.
    if (api.code === 'AUTH_REQUIRED') reply.header('www-authenticate', 'Bearer realm="marsad"');
    if (api.code === 'AUTH_INVALID') reply.header('www-authenticate', 'Bearer realm="marsad", error="invalid_token"');
    return reply.code(api.status).send({ error: { code: api.code, message: api.message } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: { code: 'NOT_FOUND', message: `${CATALOGUE.NOT_FOUND.message}: ${req.method} ${req.url.split('?')[0]}` } }));
}
