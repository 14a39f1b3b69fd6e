// Bearer-token check for the write endpoints, run on request (before the body is read), so an
// unauthenticated client cannot make the server parse a large body.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { MarsadError } from '../doc/diagnostics.js';

/** Compare digests, not strings: equal length always, so the time taken tells nothing of the token. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function requireToken(token: string | null) {
  return async function checkToken(req: FastifyRequest): Promise<void> {
    if (token === null) throw new MarsadError('AUTH_DISABLED');
    const header = req.headers.authorization;
    if (!header) throw new MarsadError('AUTH_REQUIRED');
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (!m) throw new MarsadError('AUTH_REQUIRED', 'expected "Authorization: Bearer <token>"');
    if (!sameToken(m[1], token)) throw new MarsadError('AUTH_INVALID');
  };
}
