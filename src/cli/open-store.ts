// The store a command writes to: a SQLite file, or a PostgreSQL database given by its URL.
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';

const PG_URL = /^postgres(ql)?:\/\//i;

export function openStoreAt(db: string): Promise<Store> {
  return PG_URL.test(db) ? openPostgresStore({ connectionString: db }) : openSqliteStore({ path: db });
}
