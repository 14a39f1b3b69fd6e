// What `marsad serve` and `marsad start` hand the HTTP app: the store (a SQLite file or a
// postgres:// URL), the extractor and an article reader. Settings come from the environment here,
// at the edge, and nowhere deeper.

import { availableParallelism } from 'node:os';
import { MarsadError } from '../doc/diagnostics.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
import { configFromEnv, type AppDeps, type ServerConfig } from '../server/index.js';
import { isPostgresUrl, openQueueAt, openStoreAt } from './open-store.js';
import { articleReader } from './read-article.js';

export const DEFAULT_DB = 'marsad.db';
export const DEFAULT_PORT = 8080;

export interface OpenedDeps {
  deps: AppDeps;
  /** Null when the extractor loaded; else why not (extraction endpoints then answer EXTRACT_FAILED). */
  extractorProblem: string | null;
  close(): Promise<void>;
}

/** The extractor, or one that explains on every call why it could not load: the dashboard still serves. */
export function loadExtractor(): { extract: Extractor; problem: string | null } {
  try {
    return { extract: createExtractor(), problem: null };
  } catch (err) {
    const problem = err instanceof Error ? err.message : String(err);
    return {
      extract: () => {
        throw new MarsadError('EXTRACT_FAILED', `the extractor could not load: ${problem}`);
      },
      problem,
    };
  }
}

/**
 * Reader threads for a SQLite store: MARSAD_READ_THREADS, else one a core (at most 4: past that
 * the readers only contend for the same file pages); 0 reads on the server's own thread.
 */
export function readThreadsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const v = env.MARSAD_READ_THREADS;
  if (v !== undefined && v !== '') {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`MARSAD_READ_THREADS: a whole number ≥ 0 (got "${v}")`);
    return n;
  }
  return Math.min(4, availableParallelism());
}

export async function openDeps(o: { db: string; config?: Partial<ServerConfig> }): Promise<OpenedDeps> {
  const store = await openStoreAt(o.db, { readThreads: readThreadsFromEnv() });
  // Beside a PostgreSQL store there may be workers: /api/status shows their queue.
  let queue = null;
  try {
    queue = isPostgresUrl(o.db) ? await openQueueAt(o.db, { poolMax: 1 }) : null;
  } catch (err) {
    await store.close();
    throw err;
  }
  const { extract, problem } = loadExtractor();
  const reader = articleReader();
  const env = configFromEnv();
  const config: Partial<ServerConfig> = {
    // Quiet by default on a terminal: one line with the URL says what a newcomer needs.
    logger: env.logger ?? { level: 'warn' },
    ...env,
    ...o.config,
  };
  return {
    deps: { store, extract, readArticle: reader.read, config, queue },
    extractorProblem: problem,
    async close() {
      await reader.close();
      await queue?.close();
    },
  };
}

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port ${v}: expected a whole number from 0 to 65535`);
  return n;
}
