// `marsad ingest` and `marsad watch` end to end: the compiled CLI in a child process, a real HTTP
// server on 127.0.0.1 serving sample pages and feeds, a real SQLite file, the real extractor.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml, articleText, rssFeed, sampleArticle } from '../../ingest/test-helpers/pages.js';
import { fixture, fixturePath, send, startServer, type Handler, type TestServer } from '../../ingest/test-helpers/server.js';
import { buildCli, runCli, startCli, waitFor, type BuiltCli } from '../test-helpers/built-cli.js';

let built: BuiltCli;
let srv: TestServer;
let dir: string;

const html = (i: number) => send(articleHtml(sampleArticle(i)), { 'content-type': 'text/html; charset=utf-8' });
/** A page that takes its time, so that a signal can arrive while documents are in hand. */
const slowHtml = (i: number, ms: number): Handler => (_req, res) =>
  void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(sampleArticle(i))), ms);

const WATCHED = 30;

beforeAll(async () => {
  built = buildCli();
  dir = await mkdtemp(join(tmpdir(), 'marsad-cli-ingest-'));
  await mkdir(join(dir, 'good', 'sub'), { recursive: true });
  for (const i of [1, 2, 3]) await writeFile(join(dir, 'good', `${i}.html`), articleHtml(sampleArticle(i)));
  await writeFile(join(dir, 'good', 'sub', '4.txt'), articleText(sampleArticle(4)));
  await writeFile(join(dir, 'good', 'english.html'), fixture('english.html'));
  await mkdir(join(dir, 'bad'));
  await writeFile(join(dir, 'bad', '5.html'), articleHtml(sampleArticle(5)));
  await writeFile(join(dir, 'bad', 'zip.txt'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0x14, 0]));
  await mkdir(join(dir, 'many'));
  for (let i = 100; i < 124; i++) await writeFile(join(dir, 'many', `${i}.txt`), articleText(sampleArticle(i)));

  const routes: Record<string, Handler> = {
    '/robots.txt': send('User-agent: *\nAllow: /\n'),
    '/6.html': html(6),
    '/7.html': html(7),
  };
  const watched = Array.from({ length: WATCHED }, (_, k) => 200 + k);
  for (const i of watched) routes[`/w/${i}.html`] = slowHtml(i, 60);
  srv = await startServer(routes);
  srv.route('/feed.xml', send(rssFeed('عينة', [6, 7].map((i) => ({ url: `${srv.origin}/${i}.html`, title: sampleArticle(i).title }))), { 'content-type': 'application/rss+xml' }));
  srv.route('/watched.xml', (req, res) => {
    if (req.headers['if-none-match'] === '"w1"') return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"w1"' })
      .end(rssFeed('عينة', watched.map((i) => ({ url: `${srv.origin}/w/${i}.html`, title: sampleArticle(i).title }))));
  });
  await writeFile(join(dir, 'feeds.txt'), `# sample feeds\n${srv.origin}/feed.xml\nnot a url\n`);
  await writeFile(join(dir, 'watched.txt'), `${srv.origin}/watched.xml\n`);
}, 120_000);

afterAll(async () => {
  built?.remove();
  await srv?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const db = (name: string) => join(dir, `${name}.db`);

function counts(path: string) {
  const raw = new Database(path, { readonly: true });
  try {
    const n = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
    return {
      integrity: raw.pragma('integrity_check', { simple: true }),
      articles: n('select count(*) n from articles'),
      inserted: n("select count(*) n from ingest_log where outcome = 'inserted'"),
      reports: n('select count(*) n from reports'),
      // every report linked to an event, every event with a report: nothing half-written
      unlinked: n('select count(*) n from reports where id not in (select report_id from event_reports)'),
      empty: n('select count(*) n from events where id not in (select event_id from event_reports)'),
      feedStates: n('select count(*) n from feed_state'),
    };
  } finally {
    raw.close();
  }
}

describe('marsad ingest', () => {
  it('ingests a directory into the database; again, it is a no-op that says so', async () => {
    const first = await runCli(built, ['ingest', join(dir, 'good'), '--db', db('dir')]);
    expect(first.stderr).toMatch(/^inserted {2}.*good\/1\.html \(\d+ events?\)$/m);
    expect(first.stderr).toMatch(/^kept {6}.*english\.html: text is not Arabic; not extracted: \d+% of letters are Arabic \[INPUT_NOT_ARABIC\]$/m);
    expect(first.stderr).toMatch(/marsad: ingest: 5 documents in .*: 4 new, 1 not Arabic \(kept, not extracted\); \d+ events/);
    expect(first.code).toBe(0);
    const c = counts(db('dir'));
    expect(c).toMatchObject({ integrity: 'ok', articles: 5, inserted: 5, unlinked: 0, empty: 0 });
    expect(c.reports).toBeGreaterThanOrEqual(4);

    const again = await runCli(built, ['ingest', join(dir, 'good'), '--db', db('dir')]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^duplicate .*good\/1\.html: already ingested \(same content\)$/m);
    expect(again.stderr).toMatch(/marsad: ingest: 5 documents in .*: nothing new, 5 already ingested; 0 events/);
    expect(counts(db('dir'))).toMatchObject({ articles: 5, reports: c.reports });
  });

  it('names each bad input on one line, records it, goes on, and exits 1', async () => {
    const r = await runCli(built, ['ingest', join(dir, 'bad'), join(dir, 'nowhere'), '--db', db('bad'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${join(dir, 'bad', 'zip.txt')}: input looks like binary data, not text [INPUT_BINARY]`,
      `${join(dir, 'nowhere')}: input not found [INPUT_NOT_FOUND]`,
      expect.stringMatching(/^marsad: ingest: 3 documents in .*: 1 new, 2 failed; \d+ events?$/),
    ]);
    const raw = new Database(db('bad'), { readonly: true });
    expect(raw.prepare("select source, code from ingest_log where outcome = 'failed' order by num").all()).toEqual([
      { source: `cli:${join(dir, 'bad', 'zip.txt')}`, code: 'INPUT_BINARY' },
      { source: `cli:${join(dir, 'nowhere')}`, code: 'INPUT_NOT_FOUND' },
    ]);
    raw.close();
  });

  it('refuses loopback URLs by default, and fetches them with --allow-private or MARSAD_ALLOW_PRIVATE=1', async () => {
    const urls = [`${srv.origin}/6.html`, `${srv.origin}/7.html`];
    const refused = await runCli(built, ['ingest', ...urls, '--db', db('urls')]);
    expect(refused.code).toBe(1);
    for (const u of urls) expect(refused.stderr).toContain(`${u}: address refused (private, loopback, link-local or reserved)`);
    expect(refused.stderr).toMatch(/\[FETCH_REFUSED_ADDRESS\]$/m);

    const allowed = await runCli(built, ['ingest', ...urls, '--db', db('urls'), '--allow-private']);
    expect(allowed.stderr).toMatch(/2 new/);
    expect(allowed.code).toBe(0);
    const byEnv = await runCli(built, ['ingest', `${srv.origin}/6.html`, '--db', db('urls')], { env: { MARSAD_ALLOW_PRIVATE: '1' } });
    expect(byEnv.stderr).toMatch(/^duplicate .*6\.html: already ingested \(same canonical URL\)$/m);
    expect(byEnv.code).toBe(0);
  });

  it('ingests the items of the feeds in a list, naming the list\'s bad line', async () => {
    const r = await runCli(built, ['ingest', '--feeds', join(dir, 'feeds.txt'), '--db', db('feeds'), '--allow-private']);
    expect(r.stderr).toContain(`${join(dir, 'feeds.txt')}:3: not a valid RSS, Atom or OPML document: line 3: not an http(s) URL: not a url [FEED_INVALID]`);
    expect(r.stderr).toContain(`feed ${srv.origin}/feed.xml: 2 items`);
    expect(r.stderr).toMatch(/3 documents in .*: 2 new, 1 failed/);
    expect(r.code).toBe(1);
    expect(counts(db('feeds'))).toMatchObject({ articles: 2, feedStates: 1 });
  });

  it('reads a .jsonl file, one document a line, and with --jsonl prints documents instead of storing them', async () => {
    const r = await runCli(built, ['ingest', fixturePath('docs.jsonl'), '--jsonl', '--quiet']);
    expect(r.code).toBe(1); // two lines of the sample are bad on purpose
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs.map((d) => d.id)).toEqual(['s1', 's2', 's5']);
    expect(docs[0]).toMatchObject({ url: 'https://sample.example/a', publishedAt: '2016-09-11' });
    expect(docs[0].events.length).toBeGreaterThan(0);
    expect(docs[0].layers).toBeUndefined();
    expect(r.stderr.match(/\[INPUT_BAD_JSON\]$/gm)).toHaveLength(2);
  });

  it('gives the same documents, in the same order, on 2 worker threads as on this thread; stdin too', async () => {
    const inThread = await runCli(built, ['ingest', join(dir, 'many'), '--jsonl', '--workers', '1', '--quiet']);
    const threads = await runCli(built, ['ingest', join(dir, 'many'), '--jsonl', '--workers', '2', '--quiet']);
    expect(inThread.code).toBe(0);
    expect(threads.code).toBe(0);
    expect(threads.stdout.trim().split('\n')).toHaveLength(24);
    expect(threads.stdout).toBe(inThread.stdout);

    const stdin = await runCli(built, ['ingest', '-', '--jsonl', '--quiet'], { input: articleText(sampleArticle(100)) });
    // the same events (their ids derive from the document id, which is the input's name and content)
    const withoutIds = (line: string) => JSON.parse(line).events.map(({ id: _id, ...e }: { id: string }) => e);
    expect(withoutIds(stdin.stdout)).toEqual(withoutIds(inThread.stdout.split('\n')[0]));
  });

  it('stops on SIGINT with status 130: documents in hand finished, nothing half-written, the rest not started', async () => {
    const urls = Array.from({ length: 20 }, (_, k) => `${srv.origin}/w/${200 + k}.html`);
    const run = startCli(built, ['ingest', ...urls, '--db', db('sigint'), '--allow-private', '--workers', '1']);
    await waitFor(run.output, (r) => /^inserted /m.test(r.stderr), 60_000);
    run.child.kill('SIGINT');
    const r = await run.finished;
    expect(r.stderr).toMatch(/marsad: ingest: SIGINT: finishing the documents in hand/);
    expect(r.stderr).toMatch(/; stopped early, \d+ inputs? not started$/m);
    expect(r.code).toBe(130);
    const c = counts(db('sigint'));
    expect(c).toMatchObject({ integrity: 'ok', unlinked: 0, empty: 0 });
    expect(c.articles).toBe(c.inserted);
    expect(c.articles).toBeLessThan(urls.length);
  });

  it('refuses to run without inputs (status 2), and a bad --workers', async () => {
    expect((await runCli(built, ['ingest'])).code).toBe(2);
    const bad = await runCli(built, ['ingest', '--workers', 'lots', join(dir, 'good')]);
    expect(bad.code).toBe(1 /* commander's own status for an invalid argument */);
    expect(bad.stderr).toMatch(/--workers <n>.*expected a whole number/);
  });
});

describe('marsad watch', () => {
  it('polls, ingests what is new; SIGTERM stops it cleanly with nothing half-written; a restart goes on', async () => {
    const path = db('watch');
    const run1 = startCli(built, ['watch', '--feeds', join(dir, 'watched.txt'), '--every', '1s', '--db', path, '--allow-private', '--workers', '2']);
    await waitFor(run1.output, (r) => /^inserted /m.test(r.stderr), 60_000);
    run1.child.kill('SIGTERM');
    const stopped = await run1.finished;
    expect(stopped.stderr).toMatch(/marsad: watch: SIGTERM: finishing the documents in hand/);
    expect(stopped.stderr).toMatch(/marsad: watch: stopped by SIGTERM/);
    expect(stopped.code).toBe(0);
    const c = counts(path);
    expect(c).toMatchObject({ integrity: 'ok', unlinked: 0, empty: 0, feedStates: 0 });
    expect(c.articles).toBe(c.inserted);
    expect(c.articles).toBeGreaterThan(0);
    expect(c.articles).toBeLessThan(WATCHED);

    // The feed state was not advanced, so the next watch sees every item, skips those it has.
    const run2 = startCli(built, ['watch', '--feeds', join(dir, 'watched.txt'), '--every', '1s', '--db', path, '--allow-private']);
    // two polls: everything new, then 304
    await waitFor(run2.output, (r) => /1 feed polled, 1 not modified/.test(r.stderr), 90_000);
    run2.child.kill('SIGINT');
    const second = await run2.finished;
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`${WATCHED} documents in .*: ${WATCHED - c.articles} new, ${c.articles} already ingested`));
    expect(counts(path)).toMatchObject({ integrity: 'ok', articles: WATCHED, feedStates: 1, unlinked: 0, empty: 0 });
  });
});
