// A PostgreSQL schema of its own for each queue test (the server the store tests use: 127.0.0.1:5432,
// database `test`, or MARSAD_TEST_PG_URL), dropped after. Tests skip with a message when it cannot be reached.
import pg from 'pg';
import { PG_URL } from '../../store/test-helpers/backends.js';

export { PG_URL };

export async function pgSkipReason(what: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    const reason = `PostgreSQL at ${PG_URL} is unreachable (${(err as Error).message}): ${what} skipped`;
    console.warn(reason);
    return reason;
  } finally {
    await client.end().catch(() => {});
  }
}

let seq = 0;

export interface TestSchema {
  schema: string;
  /** PG_URL with ?schema=…, as the CLI takes it. */
  url: string;
  /** One query on a connection of its own, in the schema. */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export function testSchema(prefix = 'marsad_q'): TestSchema {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}_${seq++}`;
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2, options: `-c search_path=${schema},public` });
  return {
    schema,
    url: u.href,
    async query(text, values) {
      return (await pool.query(text, values)).rows;
    },
    async drop() {
      try {
        await pool.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await pool.end();
      }
    },
  };
}
