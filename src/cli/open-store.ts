// The store a command writes to: a SQLite file, or a PostgreSQL database given by its URL. Reports
// of the same event from several articles join one canonical event (src/corroborate/).
//
// A PostgreSQL URL may name a schema: postgres://host/db?schema=marsad (created when missing), so
// several marsad deployments, or test runs, can share one database.
import { createCorroborator } from '../corroborate/index.js';
import { JobQueue } from '../queue/queue.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';

const PG_URL = /^postgres(ql)?:\/\//i;

export function isPostgresUrl(db: string): boolean {
  return PG_URL.test(db);
}

/** The URL without marsad's own `schema` parameter, and the schema it named. */
export function postgresTarget(url: string): { connectionString: string; schema?: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${url.replace(/\/\/[^@/]*@/, '//…@')}: not a valid postgres:// URL`);
  }
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { connectionString: u.href, ...(schema ? { schema } : {}) };
}

/**
 * `readThreads`: for a SQLite file, threads that answer the API's reads on read-only connections
 * (a server wants one a core; a command that reads once wants none, the default).
 */
export function openStoreAt(db: string, o: { poolMax?: number; readThreads?: number } = {}): Promise<Store> {
  const corroborator = createCorroborator();
  if (!isPostgresUrl(db)) return openSqliteStore({ path: db, corroborator, readThreads: o.readThreads ?? 0 });
  return openPostgresStore({ ...postgresTarget(db), corroborator, ...(o.poolMax ? { pool: { max: o.poolMax } } : {}) });
}

export function openQueueAt(url: string, o: { poolMax?: number } = {}): Promise<JobQueue> {
  return JobQueue.open({ ...postgresTarget(url), ...o });
}
