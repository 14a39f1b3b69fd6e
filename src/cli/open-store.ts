// The store a command writes to: a SQLite file, or a PostgreSQL database given by its URL. Reports
// of the same event from several articles join one canonical event (src/corroborate/).
import { createCorroborator } from '../corroborate/index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';

const PG_URL = /^postgres(ql)?:\/\//i;

export function openStoreAt(db: string): Promise<Store> {
  const corroborator = createCorroborator();
  return PG_URL.test(db) ? openPostgresStore({ connectionString: db, corroborator }) : openSqliteStore({ path: db, corroborator });
}
