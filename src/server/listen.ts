// Listening, apart from building: tests inject without a port; the CLI calls serve().

import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { AppDeps } from './types.js';

export interface ListenOptions {
  /** 127.0.0.1 by default: exposing the API is a deliberate choice (host 0.0.0.0). */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

/** Listen and return the base URL, e.g. http://127.0.0.1:8080. */
export async function listen(app: FastifyInstance, opts: ListenOptions = {}): Promise<string> {
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 8080 });
  const addr = app.server.address();
  if (addr && typeof addr === 'object') {
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }
  return String(addr);
}

export interface Serving {
  app: FastifyInstance;
  url: string;
  /** Stop accepting, finish in-flight requests, then close the store. */
  close(): Promise<void>;
}

/** Build, listen, and close cleanly on SIGINT/SIGTERM. The store is closed with the server. */
export async function serve(deps: AppDeps, opts: ListenOptions & { handleSignals?: boolean } = {}): Promise<Serving> {
  const app = await buildApp(deps);
  const url = await listen(app, opts);
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= app.close().then(() => deps.store.close()));
  if (opts.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      app.log.info({ signal }, 'shutting down');
      void close().then(() => process.exit(0), (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { app, url, close };
}
