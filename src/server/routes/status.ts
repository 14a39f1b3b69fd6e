import type { FastifyPluginAsync } from 'fastify';
import type { QueueStatus } from '../../queue/queue.js';
import type { Store } from '../../store/types.js';
import { errorResponses, statusResponse } from '../schemas.js';

export interface QueueStatusSource {
  status(): Promise<QueueStatus>;
}

const LOCAL_NOTE = 'SQLite: documents are read and extracted inside the `marsad ingest` or `watch` that found them; '
  + 'there is no job queue and no worker. Failed inputs are counted in store.failures.';
const QUEUE_NOTE = 'PostgreSQL: `marsad ingest|watch --postgres` queue jobs, `marsad worker`s do them. '
  + 'A job is retried with backoff, then dead; a silent worker\'s jobs are queued again when its lease runs out.';

export const statusRoutes: FastifyPluginAsync<{ store: Store; queue: QueueStatusSource | null }> = async (app, { store, queue }) => {
  app.get('/api/status', {
    schema: {
      summary: 'Ingestion at a glance: the store, the job queue by state, dead letters, and the workers with their last beat',
      tags: ['stats'],
      response: { 200: statusResponse, ...errorResponses(500) },
    },
  }, async () => {
    const s = await store.stats();
    const q = queue ? await queue.status() : null;
    const { workers = [], ...rest } = q ?? {};
    return {
      mode: q ? 'queue' : 'local',
      store: { dialect: store.dialect, articles: s.articles, events: s.events, failures: s.failures, lastIngestAt: s.lastIngestAt, schemaVersion: s.schemaVersion },
      queue: q ? rest : null,
      workers,
      workersAlive: workers.filter((w) => w.alive).length,
      note: q ? QUEUE_NOTE : LOCAL_NOTE,
    };
  });
};
