// Several workers opening one fresh PostgreSQL schema at the same moment (a deployment's first start):
// every one of them must open it, and the schema must be migrated once.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';
import { openPostgresStore } from './postgres.js';
import { PG_URL, postgresBackend } from './test-helpers/backends.js';

const backend = await postgresBackend();

describe.skipIf(!backend.available)('opening one fresh PostgreSQL schema from several processes at once', () => {
  it('opens it from six stores together, with each migration recorded once', async () => {
    const schema = `marsad_test_open_${process.pid}_${Date.now().toString(36)}`;
    try {
      const stores = await Promise.all(Array.from({ length: 6 }, () => openPostgresStore({ connectionString: PG_URL, schema })));
      for (const s of stores) expect((await s.stats()).schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`select count(*)::int as n, count(distinct version)::int as d from "${schema}".schema_migrations`);
        expect(rows[0]).toEqual({ n: MIGRATIONS.length, d: MIGRATIONS.length });
      } finally {
        await client.end();
      }
    } finally {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
    }
  }, 120_000);
});
