// The embedded default: one SQLite file through better-sqlite3, in WAL mode.

import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteDialect } from './dialect/sqlite.js';
import { KyselyStore, type ExportReader } from './kysely-store.js';
import { migrate } from './migrations.js';
import { sqliteReadPool } from './read-pool.js';
import { cachingStatements } from './statement-cache.js';
import type { Database as Schema } from './schema.js';
import type { Corroborator, Store } from './types.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:' (exports then page instead of streaming one statement). */
  path: string;
  corroborator?: Corroborator;
  now?: () => Date;
  /** How long a writer waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /**
   * Threads that answer listEvents, getEvent and timeline, each on a read-only connection
   * (./read-pool.ts): a server's concurrent requests then query on several cores. 0 (the default)
   * reads on the store's own connection, as a command-line tool wants. Ignored for ':memory:'.
   */
  readThreads?: number;
  /** The reader threads' module (default: ./read-worker.js beside this file). */
  readWorkerFile?: string | URL;
}

/** 5 s: long enough to ride out another process's document transaction (milliseconds each). */
const BUSY_TIMEOUT_MS = 5000;

function connect(path: string, busyTimeoutMs: number, readonly: boolean): Database.Database {
  const raw = new Database(path, readonly ? { readonly: true, fileMustExist: true } : {});
  raw.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  if (!readonly) {
    // WAL: readers (the API, exports) never block the writer, and a crash mid-transaction rolls back.
    raw.pragma('journal_mode = WAL');
    // NORMAL is safe in WAL mode: a power cut may lose the last commits, never half of one.
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  return raw;
}

export async function openSqliteStore(opts: SqliteStoreOptions): Promise<Store> {
  const busy = opts.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(connect(opts.path, busy, false)) }) });
  let version: number;
  try {
    version = await migrate(db, sqliteDialect);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const inMemory = opts.path === ':memory:' || opts.path === '';
  // better-sqlite3 runs one statement at a time per connection and Kysely holds the connection for
  // the whole of a stream, so a streaming export gets a read-only connection of its own; WAL lets
  // it read a consistent snapshot while the writer goes on.
  const openExportReader = inMemory ? null : (): ExportReader => {
    const rdb = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(connect(opts.path, busy, true)) }) });
    return { db: rdb, close: () => rdb.destroy() };
  };
  const readPool = inMemory || !opts.readThreads ? null
    : sqliteReadPool({ path: opts.path, threads: opts.readThreads, busyTimeoutMs: busy, workerFile: opts.readWorkerFile });
  return new KyselyStore({
    db, dialect: sqliteDialect, schemaVersion: version, corroborator: opts.corroborator, now: opts.now, openExportReader, readPool,
  });
}
