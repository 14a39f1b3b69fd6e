// Crash safety: the real `marsad ingest` (node dist/cli.js) in a child process, SIGKILLed at seeded random points while it
// stores thousands of documents into a SQLite file, restarted each time, then let finish. Compared with
// a clean uninterrupted run over the same input: every document stored exactly once, none half-written,
// the same events, and the file passes SQLite's integrity check after every kill.
//
// MARSAD_RELIABILITY_DOCS (default 5000), MARSAD_RELIABILITY_KILLS (default 6) and
// MARSAD_RELIABILITY_SEED choose the run; the seed is printed so a failure can be replayed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../bench/corpus.js';
import { runCli, startCli, type BuiltCli, type CliRun } from '../cli/test-helpers/built-cli.js';
import { openSqliteStore } from '../store/sqlite.js';
import { paragraphDocs, writeJsonl } from './test-helpers/corpus.js';
import { dbState, type DbState } from './test-helpers/db-state.js';
import { distCli } from './test-helpers/dist-cli.js';

const DOCS = Number(process.env.MARSAD_RELIABILITY_DOCS) || 5000;
const KILLS = Number(process.env.MARSAD_RELIABILITY_KILLS) || 6;
const SEED = Number(process.env.MARSAD_RELIABILITY_SEED) || 20261125;

let built: BuiltCli;
let dir: string;
let input: string;

beforeAll(() => {
  built = distCli();
  dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));
  input = join(dir, 'docs.jsonl');
  writeJsonl(input, paragraphDocs(DOCS, SEED));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const inserted = (r: CliRun) => (r.stderr.match(/^inserted /gm) ?? []).length;
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));

/** Start an ingest and SIGKILL it once `until` says so (or let it end first). */
async function killedRun(db: string, until: (r: CliRun, ms: number) => boolean): Promise<{ killed: boolean; run: CliRun; insertedBeforeKill: number }> {
  const t0 = Date.now();
  const run = startCli(built, ['ingest', input, '--db', db]);
  let ended = false;
  void run.finished.then(() => (ended = true));
  while (!ended && !until(run.output(), Date.now() - t0)) await sleep(20);
  const before = inserted(run.output());
  if (!ended) run.child.kill('SIGKILL');
  const r = await run.finished;
  return { killed: r.signal === 'SIGKILL', run: r, insertedBeforeKill: before };
}

function expectWhole(s: DbState, what: string) {
  expect(s.integrity, what).toBe('ok');
  expect(s.foreignKeyProblems, what).toBe(0);
  expect(s.duplicateUrls, what).toEqual([]);
  expect(s.unlinkedReports, what).toBe(0);
  expect(s.emptyEvents, what).toBe(0);
  // one "inserted" line in the log for each stored article: the log is written in the same transaction
  expect(s.loggedInserts, what).toBe(s.articles);
}

describe(`ingest SIGKILLed ${KILLS} times over ${DOCS} documents (seed ${SEED})`, () => {
  it('stores every document exactly once, none half-written, the same events as a clean run', async () => {
    const rng = seededRandom(SEED);
    const crashDb = join(dir, 'crash.db');
    const cleanDb = join(dir, 'clean.db');
    // The clean reference runs alongside: the kills are placed by progress, not by the clock alone.
    const clean = runCli(built, ['ingest', input, '--db', cleanDb, '--quiet']);

    const log: string[] = [];
    let kills = 0;
    let stored = 0;
    const perRun = Math.max(2, Math.floor((DOCS / (KILLS + 1)) * 1.5));
    for (let k = 0; k < KILLS; k++) {
      // The first kill lands in start-up (knowledge loading, migrations, first transactions); the
      // others after a random number of documents this run has stored, plus up to 250 ms more, so
      // some land inside a document's transaction.
      const early = k === 0 ? 100 + Math.floor(rng() * 1500) : 0;
      const target = k === 0 ? 0 : 1 + Math.floor(rng() * perRun);
      const extra = Math.floor(rng() * 250);
      let reachedAt = -1;
      const r = await killedRun(crashDb, (out, ms) => {
        if (k === 0) return ms >= early;
        if (reachedAt < 0 && inserted(out) >= target) reachedAt = ms;
        return reachedAt >= 0 && ms >= reachedAt + extra;
      });
      if (r.killed) kills++;
      const s = dbState(crashDb);
      log.push(`run ${k + 1}: ${r.killed ? `killed after ${r.insertedBeforeKill} new documents (${k === 0 ? `${early} ms` : `target ${target} +${extra} ms`})` : `ended with ${r.run.code}`}; ${s.articles} stored`);
      expectWhole(s, log[log.length - 1]);
      // a kill never loses a document already committed
      expect(s.articles).toBeGreaterThanOrEqual(stored);
      stored = s.articles;
      if (!r.killed) break;
    }

    const last = await runCli(built, ['ingest', input, '--db', crashDb, '--quiet']);
    const c = await clean;
    console.log([`crash run (seed ${SEED}):`, ...log, `final run: exit ${last.code}; ${last.stderr.trim().split('\n').pop()}`,
      `clean run: exit ${c.code}; ${c.stderr.trim().split('\n').pop()}`].join('\n  '));
    expect(c.code, c.stderr.slice(-2000)).toBe(0);
    expect(last.code, last.stderr.slice(-2000)).toBe(0);
    expect(kills).toBe(KILLS);

    const a = dbState(crashDb);
    const b = dbState(cleanDb);
    expectWhole(a, 'crashed and resumed');
    expectWhole(b, 'clean');
    expect(b.articles).toBe(DOCS);
    expect(a.articles).toBe(b.articles);
    // every document with exactly the reports a clean run gives it
    const differing = [...b.reportsByUrl].filter(([url, n]) => a.reportsByUrl.get(url) !== n).map(([url]) => url);
    expect(differing).toEqual([]);
    expect({ reports: a.reports, events: a.events, links: a.links, fatalities: a.eventFatalities })
      .toEqual({ reports: b.reports, events: b.events, links: b.links, fatalities: b.eventFatalities });

    // the store's own counters agree with the rows
    const store = await openSqliteStore({ path: crashDb });
    try {
      expect(await store.stats()).toMatchObject({ articles: a.articles, reports: a.reports, events: a.events });
    } finally {
      await store.close();
    }
  });
});
