// A read route's answer through the response cache: serialized once by the route's own response
// schema, then sent as that string (Fastify sends a string as it is).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/types.js';
import { queryKey, type ResponseCache } from './response-cache.js';

export async function cachedReply(
  store: Store, cache: ResponseCache | null, req: FastifyRequest, reply: FastifyReply, answer: () => Promise<unknown>,
): Promise<unknown> {
  if (!cache) return answer();
  // Read before the answer is computed: see the correctness note in ./response-cache.ts.
  const version = await store.dataVersion();
  const body = await cache.get(version, queryKey(req.routeOptions.url ?? req.url, req.query as object), async () => String(reply.serialize(await answer())));
  return reply.type('application/json; charset=utf-8').send(body);
}
