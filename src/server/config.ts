// Server settings: typed, with defaults, read from the environment only at the edge (listen/CLI).

import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { packageRoot } from '../knowledge/paths.js';

export interface ServerConfig {
  /** Bearer token for the write endpoints; null disables writes (they answer AUTH_DISABLED). */
  token: string | null;
  /** Largest POST /api/articles body: 2 MiB holds a long article sent as full HTML. */
  maxBodyBytes: number;
  /**
   * Largest POST /api/extract body: 256 KiB. Extraction is synchronous and needs no token, so this
   * caps the CPU one anonymous request can take.
   */
  maxExtractBytes: number;
  /** Fastify's pino logger: false in tests, options or true elsewhere. */
  logger: FastifyServerOptions['logger'];
  /** Serve the human-readable API page at /docs. */
  docs: boolean;
  /**
   * A connection with no traffic this long is closed: 60 s. Without it, a client that stops reading
   * an export would hold the export's read snapshot (and its connection) open forever.
   */
  idleTimeoutMs: number;
  /**
   * Folder of the built dashboard (index.html and assets/); null serves no dashboard. Default: the
   * package's dist/web, where `npm run build` puts it.
   */
  webRoot?: string | null;
  /**
   * Keep the answers of GET /api/events and GET /api/stats/timeline per query until the data
   * changes (./response-cache.ts). Off only to measure what the store itself costs.
   */
  responseCache: boolean;
}

export const DEFAULT_CONFIG: ServerConfig = {
  token: null,
  maxBodyBytes: 2 * 1024 * 1024,
  maxExtractBytes: 256 * 1024,
  logger: { level: 'info', redact: ['req.headers.authorization'] },
  docs: true,
  idleTimeoutMs: 60_000,
  responseCache: true,
};

export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

function positiveInt(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** MARSAD_TOKEN, MARSAD_MAX_BODY_BYTES, MARSAD_MAX_EXTRACT_BYTES, MARSAD_LOG_LEVEL (or "silent"). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<ServerConfig> {
  const out: Partial<ServerConfig> = {};
  if (env.MARSAD_TOKEN) out.token = env.MARSAD_TOKEN;
  const body = positiveInt(env.MARSAD_MAX_BODY_BYTES);
  if (body) out.maxBodyBytes = body;
  const extract = positiveInt(env.MARSAD_MAX_EXTRACT_BYTES);
  if (extract) out.maxExtractBytes = extract;
  if (env.MARSAD_LOG_LEVEL) out.logger = { level: env.MARSAD_LOG_LEVEL, redact: ['req.headers.authorization'] };
  return out;
}

export function resolveConfig(partial: Partial<ServerConfig> = {}): ServerConfig {
  const c = { ...DEFAULT_CONFIG, ...partial };
  // An empty token would let an empty bearer through; treat it as none.
  if (c.token !== null && c.token.trim() === '') c.token = null;
  if (c.webRoot === undefined) c.webRoot = defaultWebRoot();
  return c;
}
