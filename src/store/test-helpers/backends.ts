// The store backends every store test runs against: SQLite on a real file in a temp dir, and
// PostgreSQL (127.0.0.1:5432, database `test`, user `postgres`, trust auth; MARSAD_TEST_PG_URL
// overrides) in a schema of its own, dropped after the test. PostgreSQL is skipped with a message
// when it cannot be reached.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../postgres.js';
import { openSqliteStore } from '../sqlite.js';
import type { Corroborator, Store } from '../types.js';

export interface OpenOptions {
  corroborator?: Corroborator;
  now?: () => Date;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  available: boolean;
  skipReason: string | null;
  open(o?: OpenOptions): Promise<Store & { location: string }>;
}

export const PG_URL = process.env.MARSAD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pgReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} is unreachable (${(err as Error).message}): PostgreSQL store tests skipped`;
  } finally {
    await client.end().catch(() => {});
  }
}

let seq = 0;

export const sqliteBackend: Backend = {
  name: 'sqlite',
  available: true,
  skipReason: null,
  async open(o = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
    const path = join(dir, 'marsad.db');
    const store = await openSqliteStore({ path, ...o });
    const close = store.close.bind(store);
    return Object.assign(store, {
      location: path,
      async close() {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  },
};

export async function postgresBackend(): Promise<Backend> {
  const skipReason = await pgReachable();
  if (skipReason) console.warn(skipReason);
  return {
    name: 'postgres',
    available: skipReason === null,
    skipReason,
    async open(o = {}) {
      const schema = `marsad_test_${process.pid}_${Date.now().toString(36)}_${seq++}`;
      const store = await openPostgresStore({ connectionString: PG_URL, schema, ...o });
      const close = store.close.bind(store);
      return Object.assign(store, {
        location: schema,
        async close() {
          await close();
          const client = new pg.Client({ connectionString: PG_URL });
          await client.connect();
          try {
            await client.query(`drop schema if exists "${schema}" cascade`);
          } finally {
            await client.end();
          }
        },
      });
    },
  };
}

export async function backends(): Promise<Backend[]> {
  return [sqliteBackend, await postgresBackend()];
}
