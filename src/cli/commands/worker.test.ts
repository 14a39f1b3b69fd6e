// Scale-out end to end: the compiled CLI in child processes over the real PostgreSQL (a schema of its
// own, dropped after), generated Arabic news pages on a loopback HTTP server and in files. One
// producer, three `marsad worker`s, one of them killed with SIGKILL while it holds jobs: in the end
// every document is stored once and every event once, the same as a local `marsad ingest` stores them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { benchPage } from '../../bench/ingest.js';
import { rssFeed } from '../../ingest/test-helpers/pages.js';
import { send, startServer, type Handler, type TestServer } from '../../ingest/test-helpers/server.js';
import { pgSkipReason, testSchema, type TestSchema } from '../../queue/test-helpers/pg.js';
import { buildCliAsync, runCli, startCli, waitFor, type BuiltCli } from '../test-helpers/built-cli.js';

const skip = await pgSkipReason('`marsad worker` tests');

const FEED_ITEMS = 16;
const FILES = 8;
const pages = generateCorpus(FEED_ITEMS + FILES, 9090).map((text, i) => benchPage(text, i));

describe.skipIf(skip !== null)('marsad worker over PostgreSQL', () => {
  let built: BuiltCli;
  let srv: TestServer;
  let dir: string;
  const schemas: TestSchema[] = [];
  const children: Array<{ kill(sig: NodeJS.Signals): boolean; exitCode: number | null; signalCode: NodeJS.Signals | null }> = [];

  beforeAll(async () => {
    built = await buildCliAsync();
    dir = await mkdtemp(join(tmpdir(), 'marsad-cli-worker-'));
    // Pages answer after a moment, so that workers hold jobs in hand when one is killed.
    const slow = (body: string): Handler => (_req, res) =>
      void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body), 150);
    const routes: Record<string, Handler> = { '/robots.txt': send('User-agent: *\nAllow: /\n') };
    for (let i = 0; i < FEED_ITEMS; i++) routes[`/news/${i}.html`] = slow(pages[i]);
    srv = await startServer(routes);
    srv.route('/feed.xml', send(rssFeed('وكالة القياس', Array.from({ length: FEED_ITEMS }, (_, i) => ({ url: `${srv.origin}/news/${i}.html`, title: `خبر ${i}` }))), { 'content-type': 'application/rss+xml' }));
    await writeFile(join(dir, 'feeds.txt'), `${srv.origin}/feed.xml\n`);
    await mkdir(join(dir, 'files'));
    for (let i = FEED_ITEMS; i < FEED_ITEMS + FILES; i++) await writeFile(join(dir, 'files', `${i}.html`), pages[i]);
    // every page as a file, for the local reference run
    await mkdir(join(dir, 'all'));
    for (let i = 0; i < pages.length; i++) await writeFile(join(dir, 'all', `${String(i).padStart(3, '0')}.html`), pages[i]);
  }, 600_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    built?.remove();
    await srv?.close();
    for (const s of schemas) await s.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const schema = () => {
    const s = testSchema('marsad_cli');
    schemas.push(s);
    return s;
  };
  const n = async (db: TestSchema, sql: string, values?: unknown[]) => Number((await db.query<{ n: string }>(sql, values))[0].n);

  it('one producer and three workers, one killed with SIGKILL mid-run: every document stored once, every event once', async () => {
    const db = schema();
    const worker = () => {
      const w = startCli(built, ['worker', '--postgres', db.url, '--workers', '1', '--concurrency', '2', '--lease', '2s', '--allow-private']);
      children.push(w.child);
      return w;
    };
    const workers = [worker(), worker(), worker()];
    // Each says its id first; the queue's tables exist once one has started.
    const ids = await Promise.all(workers.map(async (w) => /worker: (\S+): /.exec((await waitFor(w.output, (r) => /jobs at once/.test(r.stderr), 120_000)).stderr)![1]));

    const produced = await runCli(built, ['ingest', join(dir, 'files'), `${srv.origin}/missing.html`, '--feeds', join(dir, 'feeds.txt'), '--postgres', db.url, '--allow-private']);
    expect(produced.stderr).toMatch(/25 inputs in [\d.]+ s: 25 queued for the workers; 1 feed polled/);
    expect(produced.code).toBe(0);

    // Kill the first worker while it holds jobs, once work is under way.
    const victim = ids[0];
    const until = Date.now() + 240_000;
    while ((await n(db, `select count(*) as n from queue_jobs where locked_by = $1 and state = 'running'`, [victim])) === 0
      || (await n(db, 'select count(*) as n from articles')) < 3) {
      if (Date.now() > until) throw new Error(`the first worker never held a job:\n${workers[0].output().stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    workers[0].child.kill('SIGKILL');
    expect((await workers[0].finished).signal).toBe('SIGKILL');

    // The others finish everything, the killed worker's jobs included once its leases run out.
    for (;;) {
      const left = await n(db, `select count(*) as n from queue_jobs where state in ('queued', 'running')`);
      if (left === 0) break;
      if (Date.now() > until + 240_000) throw new Error(`${left} jobs never done:\n${workers[1].output().stderr}\n${workers[2].output().stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
    for (const w of workers.slice(1)) {
      const r = await w.finished;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/stopped by SIGTERM/);
    }

    // The kill happened mid-job, and those jobs came back.
    expect(await n(db, `select count(*) as n from queue_jobs where last_code = 'LEASE_EXPIRED' and state = 'done' and attempts >= 2`)).toBeGreaterThan(0);
    // The page that is not there is the one dead letter, recorded as a failed input.
    expect(await db.query(`select kind, key, last_code from queue_jobs where state = 'dead'`)).toEqual([{ kind: 'fetch', key: `${srv.origin}/missing.html`, last_code: 'FETCH_HTTP_STATUS' }]);
    expect(await n(db, `select count(*) as n from ingest_log where outcome = 'failed' and code = 'FETCH_HTTP_STATUS'`)).toBe(1);

    // Every document once.
    const docs = FEED_ITEMS + FILES;
    expect(await n(db, 'select count(*) as n from articles')).toBe(docs);
    expect(await n(db, 'select count(distinct content_hash) as n from articles')).toBe(docs);
    expect(await n(db, `select count(*) as n from ingest_log where outcome = 'inserted'`)).toBe(docs);
    expect(await n(db, `select count(distinct url) as n from articles where url like 'http%'`)).toBe(FEED_ITEMS);
    // Every report in one event, every event with a report.
    expect(await n(db, 'select count(*) as n from reports where id not in (select report_id from event_reports)')).toBe(0);
    expect(await n(db, 'select count(*) as n from event_reports')).toBe(await n(db, 'select count(*) as n from reports'));
    expect(await n(db, 'select count(*) as n from events where id not in (select event_id from event_reports)')).toBe(0);

    // Every event once: the reports are those of the local, single-process ingest of the same pages,
    // document by document and event by event. (Which reports join one canonical event may differ:
    // corroboration depends on the order articles arrive in, which no queue fixes.)
    const ref = join(dir, 'ref.db');
    const local = await runCli(built, ['ingest', join(dir, 'all'), '--db', ref, '--workers', '1', '--quiet']);
    expect(local.code, local.stderr).toBe(0);
    const raw = new Database(ref, { readonly: true });
    try {
      // (record ids are left out: they derive from the document id, which a page read from a file takes from its path)
      const reports = `select a.content_hash as h, r.event_type as t, coalesce(r.event_date, '') as d, coalesce(r.fatalities, -1) as f,
        coalesce(r.location, '') as l, r.sentence_start as s from reports r join articles a on a.id = r.article_id order by 1, 6, 2, 3, 4, 5`;
      const expected = raw.prepare(reports).all();
      expect(expected.length).toBeGreaterThan(docs);
      expect(await db.query(reports)).toEqual(expected);
    } finally {
      raw.close();
    }

    // What /api/status says of it, from `marsad serve --postgres`.
    const serve = startCli(built, ['serve', '--postgres', db.url, '--port', '0']);
    children.push(serve.child);
    const url = /dashboard at (http:\/\/\S+)\//.exec((await waitFor(serve.output, (r) => /dashboard at/.test(r.stdout), 120_000)).stdout)![1];
    const status = (await (await fetch(`${url}/api/status`)).json()) as { workers: Array<{ id: string; state: string; done: number }> };
    serve.child.kill('SIGTERM');
    await serve.finished;
    expect(status).toMatchObject({
      mode: 'queue',
      store: { dialect: 'postgres', articles: docs, failures: 1 },
      queue: { jobs: { queued: 0, running: 0, done: docs, dead: 1 }, deadLetters: [{ key: `${srv.origin}/missing.html`, code: 'FETCH_HTTP_STATUS' }] },
    });
    const byId = Object.fromEntries(status.workers.map((w) => [w.id, w]));
    expect(Object.keys(byId).sort()).toEqual([...ids].sort());
    expect(byId[ids[1]].state).toBe('stopped');
    expect(byId[ids[2]].state).toBe('stopped');
    expect(byId[ids[0]].state).toBe('running'); // killed: it never said it stopped
  }, 900_000);

  it('watch --postgres queues new feed items; queue status and requeue; usage errors', async () => {
    const db = schema();
    const watch = startCli(built, ['watch', '--feeds', join(dir, 'feeds.txt'), '--every', '1s', '--postgres', db.url, '--allow-private', '--quiet']);
    children.push(watch.child);
    await waitFor(watch.output, (r) => (r.stderr.match(/\d+ queued for the workers/g) ?? []).length >= 2, 180_000);
    watch.child.kill('SIGTERM');
    const w = await watch.finished;
    expect(w.code, w.stderr).toBe(0);
    // the first poll queues the items; the feed has no validators, so the next ones find them all already queued
    expect(w.stderr).toMatch(/16 inputs in [\d.]+ s: 16 queued for the workers; 1 feed polled/);
    expect(w.stderr).toMatch(/16 inputs in [\d.]+ s: 0 queued for the workers, 16 already queued; 1 feed polled/);

    const status = await runCli(built, ['queue', 'status', '--postgres', db.url]);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ jobs: { queued: FEED_ITEMS, running: 0, dead: 0 }, workers: [] });

    // Dead letters come back on request.
    await db.query(`update queue_jobs set state = 'dead', finished_at = now() where id in (select id from queue_jobs order by id limit 2)`);
    const ids = (await db.query<{ id: string }>(`select id from queue_jobs where state = 'dead' order by id`)).map((r) => String(r.id));
    const one = await runCli(built, ['queue', 'requeue', ids[0], '--postgres', db.url]);
    expect(one.stderr).toMatch(/1 dead letter queued again/);
    const all = await runCli(built, ['queue', 'requeue', '--all', '--postgres', db.url]);
    expect(all.stderr).toMatch(/1 dead letter queued again/);
    expect(await n(db, `select count(*) as n from queue_jobs where state = 'queued'`)).toBe(FEED_ITEMS);

    const jsonl = await runCli(built, ['ingest', join(dir, 'files'), '--postgres', db.url, '--jsonl']);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toMatch(/does not go with --jsonl/);
    const noUrl = await runCli(built, ['worker', '--postgres', 'marsad.db']);
    expect(noUrl.code).not.toBe(0);
    expect(noUrl.stderr).toMatch(/expected a postgres:\/\/ URL/);
    const unreachable = await runCli(built, ['worker', '--postgres', 'postgres://nobody@127.0.0.1:1/none']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot open the PostgreSQL database/);
  }, 600_000);
});
