// Load while ingesting: `marsad ingest` (node dist/cli.js) writes documents into a SQLite file while
// `marsad serve` on the same file, in another process on 127.0.0.1, answers a fixed number of
// dashboard-like requests from autocannon. No request may fail; the latency is printed.
//
// MARSAD_RELIABILITY_LOAD_REQUESTS (default 3000) and MARSAD_RELIABILITY_LOAD_DOCS (default 600).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli, waitFor, type BuiltCli } from '../cli/test-helpers/built-cli.js';
import { paragraphDocs, writeJsonl } from './test-helpers/corpus.js';
import { dbState } from './test-helpers/db-state.js';
import { distCli } from './test-helpers/dist-cli.js';

const REQUESTS = Number(process.env.MARSAD_RELIABILITY_LOAD_REQUESTS) || 3000;
const DOCS = Number(process.env.MARSAD_RELIABILITY_LOAD_DOCS) || 600;
const CONNECTIONS = 8;
/** autocannon's own stop: the run is bounded in time as well as in count. */
const MAX_SECONDS = 600;

let built: BuiltCli;
let dir: string;
beforeAll(() => {
  built = distCli();
  dir = mkdtempSync(join(tmpdir(), 'marsad-load-'));
  writeJsonl(join(dir, 'docs.jsonl'), paragraphDocs(DOCS, 99));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const inserted = (stderr: string) => (stderr.match(/^inserted /gm) ?? []).length;

const PATHS = [
  '/api/events',
  '/api/events?country=SY&limit=100',
  `/api/events?actor=${encodeURIComponent('قوات الدعم السريع')}`,
  `/api/events?q=${encodeURIComponent('غارة')}`,
  '/api/events?sort=-fatalities&minFatalities=1',
  '/api/stats/timeline?bucket=day',
  `/api/stats/timeline?eventType=${encodeURIComponent('Battles')}`,
  '/api/stats',
  '/api/map?zoom=3',
  '/api/map?zoom=6&bbox=34,29,48,38',
  '/api/facets',
  '/api/export?format=csv&country=SY',
  '/',
];

describe(`the API under load while an ingest writes (${REQUESTS} requests, ${CONNECTIONS} connections)`, () => {
  it('answers every request with 2xx, and the ingest completes with a whole database', async () => {
    const db = join(dir, 'load.db');
    // The server first (it loads the gazetteer and lexicons: tens of seconds on a busy machine), then
    // the ingest, so that the writes overlap the whole load.
    const serve = startCli(built, ['serve', '--db', db, '--port', '0'], { env: { MARSAD_LOG_LEVEL: 'error' } });
    let ingest: ReturnType<typeof startCli> | null = null;
    try {
      const up = await waitFor(serve.output, (r) => /dashboard at (http:\/\/\S+)\//.test(r.stdout), 300_000);
      const url = /dashboard at (http:\/\/\S+)\//.exec(up.stdout)![1];
      ingest = startCli(built, ['ingest', join(dir, 'docs.jsonl'), '--db', db, '--workers', '1']);
      const writer = ingest;
      // some documents in first, so the reads have something to read
      await waitFor(writer.output, (r) => inserted(r.stderr) >= 10, 300_000);
      const insertedBefore = inserted(writer.output().stderr);

      let next = 0;
      const statuses = new Map<number, number>();
      const result = await autocannon({
        url,
        connections: CONNECTIONS,
        amount: REQUESTS,
        duration: MAX_SECONDS,
        timeout: 60,
        requests: [{ setupRequest: (req) => ({ ...req, path: PATHS[next++ % PATHS.length] }) }],
        setupClient: (client) => client.on('response', (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)),
      });
      const insertedDuring = inserted(writer.output().stderr) - insertedBefore;
      const l = result.latency;
      console.log([
        `load while ingesting: ${result.requests.total} requests in ${(result.duration).toFixed(1)} s over ${CONNECTIONS} connections,`,
        `  ${PATHS.length} paths in turn; ${insertedDuring} documents stored meanwhile`,
        `  latency ms: p50 ${l.p50}, p90 ${l.p90}, p99 ${l.p99}, max ${l.max}, mean ${l.average}; ${result.requests.average} req/s`,
        `  statuses ${JSON.stringify(Object.fromEntries(statuses))}; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
      ].join('\n'));

      expect(result.requests.total).toBe(REQUESTS);
      expect(result.errors).toBe(0);
      expect(result.timeouts).toBe(0);
      expect(result.non2xx).toBe(0);
      expect([...statuses.keys()]).toEqual([200]);
      // the writer really was writing while the reads ran
      expect(insertedDuring).toBeGreaterThan(0);
      expect(writer.output().code, 'the ingest was still running when the load ended, or ended well').not.toBe(1);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.finished;
    }
    const done = await ingest!.finished;
    expect(done.code, done.stderr.slice(-2000)).toBe(0);
    const s = dbState(db);
    expect(s.integrity).toBe('ok');
    expect(s.articles).toBe(DOCS);
    expect(s.unlinkedReports + s.emptyEvents).toBe(0);
  });
});
