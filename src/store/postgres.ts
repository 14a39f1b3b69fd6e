// PostgreSQL through `pg`: the same Store, the same migrations, a pooled connection.

import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { postgresDialect } from './dialect/postgres.js';
import { KyselyStore } from './kysely-store.js';
import { migrate } from './migrations.js';
import type { Database as Schema } from './schema.js';
import type { Corroborator, Store } from './types.js';

export interface PostgresStoreOptions {
  connectionString?: string;
  /** Any pg.Pool setting; connectionString wins for the address when both are given. */
  pool?: pg.PoolConfig;
  /** Schema holding marsad's tables, created when missing (tests use one per run). */
  schema?: string;
  corroborator?: Corroborator;
  now?: () => Date;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(opts: PostgresStoreOptions): Promise<Store> {
  if (opts.schema !== undefined && !IDENT.test(opts.schema)) throw new Error(`schema name "${opts.schema}" is not a plain identifier`);
  const poolConfig: pg.PoolConfig = {
    ...opts.pool,
    ...(opts.connectionString ? { connectionString: opts.connectionString } : {}),
    // search_path at connection start, so every pooled connection sees the same schema.
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
  };
  const pool = new pg.Pool(poolConfig);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let version: number;
  try {
    // Several workers may open a fresh schema at the same moment, and two concurrent "create … if not
    // exists" of one object collide in PostgreSQL's catalog (duplicate key in pg_type): create the
    // schema and the migrations table under one advisory lock; migrate() then locks each step itself.
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`marsad-open:${opts.schema ?? ''}`}))`.execute(trx);
      if (opts.schema) await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(trx);
      await trx.schema.createTable('schema_migrations').ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
    });
    version = await migrate(db, postgresDialect);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  // No pg-cursor here: exports page by keyset, which holds no connection between pages.
  return new KyselyStore({ db, dialect: postgresDialect, schemaVersion: version, corroborator: opts.corroborator, now: opts.now });
}
