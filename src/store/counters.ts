// Monotonic numbers from the `counters` table. UPDATE … RETURNING is atomic in both dialects
// (a row lock in PostgreSQL, the write lock in SQLite), so two writers never get the same number.

import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** `data` counts committed changes to events (./rollup.ts's migration adds it): readers' caches key on it. */
export type CounterName = 'articles' | 'events' | 'ingest_log' | 'data';

export async function nextNumber(db: Kysely<Database>, name: CounterName): Promise<number> {
  const row = await db.updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The current value of a counter, without changing it. */
export async function readCounter(db: Kysely<Database>, name: CounterName): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  return Number(row?.value ?? 0);
}
