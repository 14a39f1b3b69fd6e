// A read route's answer: JSON bytes the store made where the query ran (Store.listEventsJson,
// timelineJson: on a reader thread when it has them), through the response cache when there is one,
// sent as they are. The route's response schema documents the shape (OpenAPI) and Fastify does not
// serialize a Buffer; src/server/api.test.ts checks the bytes against that schema.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import { queryKey, type ResponseCache } from './response-cache.js';

export async function cachedReply(
  store: Store, cache: ResponseCache | null, req: FastifyRequest, reply: FastifyReply, answer: () => Promise<Uint8Array>,
): Promise<FastifyReply> {
  let body: string | Uint8Array;
  if (cache) {
    // Read before the answer is computed: see the correctness note in ./response-cache.ts.
    const version = await store.dataVersion();
    body = await cache.get(version, queryKey(req.routeOptions.url ?? req.url, req.query as object), answer);
  } else {
    body = await answer();
  }
  const payload = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return reply.type('application/json; charset=utf-8').send(payload);
}
