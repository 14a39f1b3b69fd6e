// Reads of a SQLite store on worker threads: a piscina pool whose threads each hold a read-only
// connection to the file (./read-worker.ts). better-sqlite3 is synchronous, so one connection on
// the server's thread answers one query at a time and blocks everything else meanwhile; in WAL
// mode any number of readers see a consistent snapshot beside the writer, so with a thread a core
// the queries of concurrent requests run side by side and the server's own thread keeps only HTTP
// and JSON. Writes stay on the store's one connection; a reader's next statement sees each commit.
//
// Only the API's hot reads travel (listEvents, getEvent, timeline): their answers are small. The
// API's list and timeline come back as JSON bytes made on the reader thread (…Json): the server's
// thread then neither rebuilds the objects from the clone nor serializes them, ~5 ms of its CPU for
// a page of 50 events and ~15 ms for a day timeline at 1,000,000 events, which under 8 connections
// made the floor of every request's wait. The
// map's scan of every event, exports and the rest stay on the store's connection, where cloning a
// million rows across threads is not paid.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { MarsadError, type DiagnosticCode } from '../doc/diagnostics.js';
import type { EventDetail, EventFilter, EventPage, PageRequest, TimelineBucket, TimelinePoint } from './types.js';

/** One read, as sent to a thread. */
export type ReadTask = { path: string; busyTimeoutMs: number } & (
  | { op: 'listEvents'; args: [EventFilter, PageRequest | undefined] }
  | { op: 'getEvent'; args: [string] }
  | { op: 'timeline'; args: [EventFilter, TimelineBucket] }
  | { op: 'listEventsJson'; args: [EventFilter, PageRequest | undefined] }
  | { op: 'timelineJson'; args: [EventFilter, TimelineBucket] }
);

/** A thread's answer: the value, or the error as data (a MarsadError keeps its code). */
export type ReadReply = { ok: true; value: unknown } | { ok: false; code?: DiagnosticCode; message: string };

export interface ReadPool {
  readonly threads: number;
  listEvents(filter: EventFilter, page?: PageRequest): Promise<EventPage>;
  getEvent(id: string): Promise<EventDetail | null>;
  timeline(filter: EventFilter, bucket: TimelineBucket): Promise<TimelinePoint[]>;
  /** The same answers as UTF-8 JSON, serialized on the reader thread (Store.listEventsJson, timelineJson). */
  listEventsJson(filter: EventFilter, page?: PageRequest): Promise<Uint8Array>;
  timelineJson(filter: EventFilter, bucket: TimelineBucket): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A thread's bytes arrive as a plain Uint8Array (structured clone): a Buffer over the same memory. */
const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** The worker module beside this one (dist/store/read-worker.js once built). */
export const READ_WORKER_FILE = new URL('./read-worker.js', import.meta.url);

export interface ReadPoolOptions {
  /** The database file (not ':memory:': threads cannot share an in-memory database). */
  path: string;
  threads: number;
  busyTimeoutMs: number;
  /** The worker module (a built .js file); default READ_WORKER_FILE. */
  workerFile?: string | URL;
}

/**
 * A pool of `threads` reader threads, or null when the worker module is not there (run from the
 * TypeScript sources, as tests do: the store then reads on its own connection, as it always could).
 */
export function sqliteReadPool(o: ReadPoolOptions): ReadPool | null {
  const threads = Math.max(1, Math.floor(o.threads));
  const file = o.workerFile ?? READ_WORKER_FILE;
  const filePath = typeof file === 'string' && !file.startsWith('file:') ? file : fileURLToPath(file);
  if (!existsSync(filePath)) return null;
  const piscina = new Piscina({
    filename: typeof file === 'string' ? file : file.href,
    minThreads: threads,
    maxThreads: threads,
    // Queued reads wait for a free thread; one thread runs one read at a time (its connection is synchronous).
    concurrentTasksPerWorker: 1,
    idleTimeout: Infinity,
  });
  const base = { path: o.path, busyTimeoutMs: o.busyTimeoutMs };
  const run = async (task: ReadTask): Promise<unknown> => {
    const reply = (await piscina.run(task)) as ReadReply;
    if (reply.ok) return reply.value;
    if (reply.code) {
      const err = new MarsadError(reply.code);
      err.message = reply.message;
      throw err;
    }
    throw new Error(reply.message);
  };
  return {
    threads,
    listEvents: (filter, page) => run({ ...base, op: 'listEvents', args: [filter, page] }) as Promise<EventPage>,
    getEvent: (id) => run({ ...base, op: 'getEvent', args: [id] }) as Promise<EventDetail | null>,
    timeline: (filter, bucket) => run({ ...base, op: 'timeline', args: [filter, bucket] }) as Promise<TimelinePoint[]>,
    listEventsJson: async (filter, page) => asBuffer(await run({ ...base, op: 'listEventsJson', args: [filter, page] }) as Uint8Array),
    timelineJson: async (filter, bucket) => asBuffer(await run({ ...base, op: 'timelineJson', args: [filter, bucket] }) as Uint8Array),
    close: () => piscina.destroy(),
  };
}
