// A reader thread of the SQLite store (./read-pool.ts): piscina runs this module on each thread.
// Each thread holds one read-only connection per database file, opened at its first task, and
// answers the store's read methods with the same functions the store runs on its own connection.
// Answers are plain data or JSON bytes (they cross the thread boundary by structured clone); an error comes
// back as data too, so a MarsadError keeps its code (a bad cursor stays a 400).
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MarsadError } from '../doc/diagnostics.js';
import { countryTable } from './countries.js';
import { sqliteDialect } from './dialect/sqlite.js';
import { eventPageJson, getEvent, jsonBytes, listEvents, timeline, timelineAnswer, type ReadContext } from './read-events.js';
import type { ReadReply, ReadTask } from './read-pool.js';
import type { Database as Schema } from './schema.js';
import { cachingStatements } from './statement-cache.js';

/** Page cache of each reader connection, in KiB: 256 MiB, filled only as pages are read. */
const READER_CACHE_KIB = Number(process.env.MARSAD_READER_CACHE_KIB) || 256 * 1024;

// Per-thread state, by design: a reader thread exists to hold its connections.
const connections = new Map<string, Kysely<Schema>>();
const ctx: ReadContext = { dialect: sqliteDialect, countries: countryTable() };

function connection(path: string, busyTimeoutMs: number): Kysely<Schema> {
  let db = connections.get(path);
  if (!db) {
    const raw = new Database(path, { readonly: true, fileMustExist: true });
    raw.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
    // A reader's pages stay in its own cache (SQLite's default is 2 MB): at 1,000,000 events a
    // filtered read seeks all over indexes of hundreds of MB, and each page missed is a read()
    // from the OS and a copy (the q=غارة timeline: 3.8 → 1.5 s of CPU for its ids with 1 GB).
    raw.pragma(`cache_size = ${-Math.floor(READER_CACHE_KIB)}`);
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
    connections.set(path, db);
  }
  return db;
}

async function answer(db: Kysely<Schema>, t: ReadTask): Promise<unknown> {
  switch (t.op) {
    case 'listEvents':
      return listEvents(db, ctx, t.args[0], t.args[1]);
    case 'getEvent':
      return getEvent(db, ctx, t.args[0]);
    case 'timeline':
      return timeline(db, ctx, t.args[0], t.args[1]);
    case 'listEventsJson':
      return eventPageJson(await listEvents(db, ctx, t.args[0], t.args[1]));
    case 'timelineJson':
      return jsonBytes(timelineAnswer(await timeline(db, ctx, t.args[0], t.args[1]), t.args[1]));
  }
}

export default async function readInWorker(task: ReadTask): Promise<ReadReply> {
  try {
    return { ok: true, value: await answer(connection(task.path, task.busyTimeoutMs), task) };
  } catch (err) {
    if (err instanceof MarsadError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
