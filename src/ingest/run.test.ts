import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diagnostic } from '../doc/diagnostics.js';
import { createDocument } from '../doc/document.js';
import type { MarsadDocument } from '../doc/types.js';
import { ExtractorLoadError, inProcessPool, type ExtractPool } from '../pipeline/pool.js';
import type { Extractor } from '../pipeline/types.js';
import { openSqliteStore } from '../store/sqlite.js';
import { event, evidence } from '../store/test-helpers/fixtures.js';
import type { Store } from '../store/types.js';
import { createFetcher, type Fetcher } from './fetch.js';
import { ingestBatch, type IngestEvent, type IngestOptions } from './run.js';
import type { RawDocument } from './sources.js';
import { articleHtml, articleText, rssFeed, sampleArticle } from './test-helpers/pages.js';
import { fixture, send, startServer, type TestServer } from './test-helpers/server.js';

// A small extractor: one event per document that reports a killing (قتل), and a stage failure
// where the text asks for one. Counts its calls, so a test can see what was extracted.
let extractions = 0;
const testExtractor: Extractor = (input) => {
  extractions++;
  const doc = createDocument(input);
  if (input.text.includes('قتل')) {
    doc.events.push(event(doc, 0, {
      eventType: 'Violence against civilians', subEventType: 'Attack',
      evidence: [evidence(doc.text, 'eventType', 'قتل', 'test.killed')],
    }));
  }
  if (input.text.includes('STAGE-FAILS')) doc.diagnostics.push(diagnostic('EXTRACT_FAILED', 'stage test: it broke', { source: 'test' }));
  return doc;
};

let dir: string;
let srv: TestServer;
let fetcher: Fetcher;
let store: Store | null = null;
let pool: ExtractPool;

const A = sampleArticle(1);
const B = sampleArticle(2);
const C = sampleArticle(3);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-run-'));
  await mkdir(join(dir, 'corpus', 'sub'), { recursive: true });
  await writeFile(join(dir, 'corpus', 'a.txt'), articleText(A));
  await writeFile(join(dir, 'corpus', 'b.html'), articleHtml(B));
  await writeFile(join(dir, 'corpus', 'sub', 'c.txt'), articleText(C));
  await writeFile(join(dir, 'corpus', 'english.html'), fixture('english.html'));
  await writeFile(join(dir, 'corpus', 'broken.txt'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0x14, 0]));
  await mkdir(join(dir, 'copies'));
  await writeFile(join(dir, 'copies', 'a.txt'), articleText(A));
  await writeFile(join(dir, 'copies', 'a-again.txt'), articleText(A).replace(/\n\n/g, '\n\n\n')); // same words, re-wrapped
  await writeFile(join(dir, 'stage.txt'), `${articleText(sampleArticle(9))}\nSTAGE-FAILS`);

  let etag = 0;
  srv = await startServer({
    '/robots.txt': send('User-agent: *\nAllow: /\n'),
    '/a.html': send(articleHtml(A), { 'content-type': 'text/html; charset=utf-8' }),
    '/b.html': send(articleHtml(B), { 'content-type': 'text/html; charset=utf-8' }),
    '/c.html': send(articleHtml(C), { 'content-type': 'text/html; charset=utf-8' }),
    '/amp.html': send(articleHtml(sampleArticle(5), { canonical: 'https://sample.example/original' }), { 'content-type': 'text/html' }),
    '/slow.html': (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(articleHtml(sampleArticle(4))), 300),
    '/hang.html': () => undefined, // never answers
    '/image.png': send(new Uint8Array([0x89, 0x50]), { 'content-type': 'image/png' }),
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === `"v${etag}"`) return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"v${etag}"` }).end(rssFeed('عينة الأخبار', [
        { url: `${srv.origin}/a.html`, title: A.title },
        { url: `${srv.origin}/c.html?utm_source=rss`, title: C.title },
        { url: `${srv.origin}/gone.html`, title: 'صفحة محذوفة' },
      ]));
    },
  });
  fetcher = createFetcher({ allowPrivate: true, timeoutMs: 5000 }); // the test server is on loopback
  pool = inProcessPool(() => testExtractor);
  // Changing the feed's ETag stands for a new edition of it.
  (srv as TestServer & { bumpFeed(): void }).bumpFeed = () => void etag++;
});

afterAll(async () => {
  await pool.close();
  await fetcher.close();
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await store?.close();
  store = null;
});

async function openStore(): Promise<Store> {
  store = await openSqliteStore({ path: join(await mkdtemp(join(dir, 'db-')), 'marsad.db') });
  return store;
}

async function run(o: Partial<IngestOptions>) {
  const events: IngestEvent[] = [];
  const docs: MarsadDocument[] = [];
  const summary = await ingestBatch({
    store: null, extractPool: pool, fetcher,
    onProgress: (e) => events.push(e),
    ...o,
    onDocument: async (d, raw) => {
      docs.push(d);
      await o.onDocument?.(d, raw);
    },
  });
  const lines = events.filter((e): e is Extract<IngestEvent, { type: 'failed' }> => e.type === 'failed').map((e) => e.line);
  const outcomes = events.filter((e): e is Extract<IngestEvent, { type: 'document' }> => e.type === 'document');
  return { summary, events, docs, lines, outcomes };
}

describe('ingestBatch: files and directories', () => {
  it('ingests a directory recursively: Arabic extracted and stored, English kept unextracted, a bad file named', async () => {
    const s = await openStore();
    const corpus = join(dir, 'corpus');
    const r = await run({ inputs: [corpus], store: s });
    expect(r.summary).toMatchObject({ total: 5, inserted: 3, kept: 1, failed: 1, duplicates: 0, events: 3, interrupted: false });
    expect(r.lines).toEqual([`${join(corpus, 'broken.txt')}: input looks like binary data, not text [INPUT_BINARY]`]);
    // in input order (the walk's path order), whatever finished first
    expect(r.outcomes.map((o) => [o.source.slice(corpus.length + 1), o.outcome])).toEqual([
      ['a.txt', 'inserted'], ['b.html', 'inserted'], ['english.html', 'kept'], ['sub/c.txt', 'inserted'],
    ]);
    expect(r.outcomes[2].reason).toMatch(/not Arabic/);
    const english = await s.getArticle(r.outcomes[2].articleId!);
    expect(english!.diagnostics.map((d) => d.code)).toContain('INPUT_NOT_ARABIC');
    expect(english!.reports).toEqual([]);
    const b = await s.getArticle(r.outcomes[1].articleId!);
    expect(b).toMatchObject({ title: B.title, outlet: 'صحيفة العينة', publishedAt: B.publishedAt, lang: 'ar', source: `cli:${join(corpus, 'b.html')}` });
    const failures = await s.ingestLog({ outcome: 'failed' });
    expect(failures.map((f) => [f.source, f.code])).toEqual([[`cli:${join(corpus, 'broken.txt')}`, 'INPUT_BINARY']]);
  });

  it('is a no-op the second time, and says so, without extracting again', async () => {
    const s = await openStore();
    const corpus = join(dir, 'corpus');
    await run({ inputs: [corpus], store: s });
    const before = await s.stats();
    extractions = 0;
    const r = await run({ inputs: [corpus], store: s });
    expect(r.summary).toMatchObject({ inserted: 0, duplicates: 4, failed: 1 });
    expect(r.outcomes.every((o) => o.outcome === 'duplicate' && /^already ingested \(same content\)$/.test(o.reason!))).toBe(true);
    expect(extractions).toBe(0);
    expect(await s.stats()).toMatchObject({ articles: before.articles, events: before.events });
  });

  it('ingests the same normalised content once within a batch', async () => {
    const r = await run({ inputs: [join(dir, 'copies')], store: await openStore() });
    expect(r.summary).toMatchObject({ inserted: 1, duplicates: 1 });
    expect(r.outcomes[1].reason).toBe('already in this batch (same content)');
  });

  it('keeps a document whose extraction failed part-way, and counts the input as failed', async () => {
    const s = await openStore();
    const r = await run({ inputs: [join(dir, 'stage.txt')], store: s });
    expect(r.summary).toMatchObject({ inserted: 1, failed: 1 });
    expect(r.lines).toEqual([`${join(dir, 'stage.txt')}: extraction failed: stage test: it broke [EXTRACT_FAILED]`]);
  });

  it('reads JSON Lines, one document a line, and hands documents on in input order without a store', async () => {
    const r = await run({ inputs: [join(dir, 'missing.txt'), fixturePathOf('docs.jsonl')] });
    expect(r.docs.map((d) => d.id)).toEqual(['s1', 's2', 's5']);
    expect(r.summary).toMatchObject({ extracted: 3, failed: 3 });
    expect(r.lines[0]).toBe(`${join(dir, 'missing.txt')}: input not found [INPUT_NOT_FOUND]`);
    expect(r.lines.slice(1).map((l) => l.replace(/^.*docs\.jsonl/, 'docs.jsonl'))).toEqual([
      expect.stringMatching(/^docs\.jsonl:3: .*\[INPUT_BAD_JSON\]$/),
      expect.stringMatching(/^docs\.jsonl:4: .*"text" must be a string \[INPUT_BAD_JSON\]$/),
    ]);
    expect(r.docs[2].diagnostics.map((d) => d.code)).toContain('INPUT_BAD_DATE');
  });

  it('reads stdin', async () => {
    const r = await run({ inputs: ['-'], stdin: Readable.from([Buffer.from(articleText(A))]) });
    expect(r.summary).toMatchObject({ extracted: 1, events: 1 });
    expect(r.docs[0].text).toBe(articleText(A));
  });

  it('passes the page chrome that ingestion found on to the document', async () => {
    const raws: RawDocument[] = [];
    const r = await run({ inputs: [fixturePathOf('plain-page.txt')], onDocument: (d, raw) => void raws.push(raw) });
    expect(raws[0].chrome.length).toBeGreaterThan(0);
    expect(r.docs[0].layers.chrome).toEqual(raws[0].chrome);
  });
});

function fixturePathOf(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

describe('ingestBatch: URLs and feeds', () => {
  it('fetches URLs; a 404, a refused address and a page of the wrong type are each one line, and the batch goes on', async () => {
    const s = await openStore();
    const refusing = createFetcher(); // private addresses refused, as by default
    try {
      const r = await run({ inputs: [`${srv.origin}/a.html`, `${srv.origin}/nope.html`, `${srv.origin}/image.png`, `${srv.origin}/b.html`], store: s });
      expect(r.summary).toMatchObject({ inserted: 2, failed: 2 });
      expect(r.lines).toEqual([
        `${srv.origin}/nope.html: server answered with an error status: ${srv.origin}/nope.html answered 404 [FETCH_HTTP_STATUS]`,
        `${srv.origin}/image.png: content type is not HTML, text or a feed: ${srv.origin}/image.png is image/png [FETCH_NOT_HTML]`,
      ]);
      const a = await s.getArticle(r.outcomes[0].articleId!);
      expect(a).toMatchObject({ url: `${srv.origin}/a.html`, canonicalUrl: `${srv.origin}/a.html` });
      expect(a!.fetchedAt).toMatch(/^\d{4}-/);

      const refused = await run({ inputs: [`${srv.origin}/c.html`], store: s, fetcher: refusing });
      expect(refused.summary).toMatchObject({ failed: 1, inserted: 0 });
      expect(refused.lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\.html: .*\[FETCH_REFUSED_ADDRESS\]$/);
      expect((await s.ingestLog({ outcome: 'failed' }))[0]).toMatchObject({ source: `cli:${srv.origin}/c.html`, url: `${srv.origin}/c.html`, code: 'FETCH_REFUSED_ADDRESS' });
    } finally {
      await refusing.close();
    }
  });

  it('does not fetch a URL the store already holds', async () => {
    const s = await openStore();
    await run({ inputs: [`${srv.origin}/b.html`], store: s });
    const hits = srv.hits.get('/b.html');
    const r = await run({ inputs: [`${srv.origin}/b.html#comments`], store: s });
    expect(r.outcomes).toMatchObject([{ outcome: 'duplicate', reason: 'already ingested (same canonical URL)' }]);
    expect(srv.hits.get('/b.html')).toBe(hits);
    // a page that names another canonical URL is known by the URL it was fetched from too
    await run({ inputs: [`${srv.origin}/amp.html`], store: s });
    expect((await s.getArticle((await s.findArticle({ url: `${srv.origin}/amp.html` }))!.articleId))!.canonicalUrl).toBe('https://sample.example/original');
    const again = await run({ inputs: [`${srv.origin}/amp.html`], store: s });
    expect(again.outcomes).toMatchObject([{ outcome: 'duplicate' }]);
    expect(srv.hits.get('/amp.html')).toBe(1);
  });

  it('ingests a feed\'s items, keeps its validators in the store, and asks only for what changed next time', async () => {
    const s = await openStore();
    const feed = `${srv.origin}/feed.xml`;
    (srv as TestServer & { bumpFeed(): void }).bumpFeed();
    const first = await run({ feeds: [feed], store: s });
    expect(first.summary).toMatchObject({ inserted: 2, failed: 1, feeds: { polled: 1, notModified: 0, failed: 0 } });
    expect(first.lines).toEqual([expect.stringMatching(/gone\.html: .*answered 404 \[FETCH_HTTP_STATUS\]$/)]);
    const stored = await s.getArticle(first.outcomes[1].articleId!);
    expect(stored).toMatchObject({ source: `feed:${feed}`, canonicalUrl: `${srv.origin}/c.html` });
    expect((await s.getFeedState(feed))?.etag).toMatch(/^"v\d+"$/);

    const pageHits = srv.hits.get('/a.html');
    const second = await run({ feeds: [feed], store: s });
    expect(second.summary).toMatchObject({ total: 0, feeds: { polled: 1, notModified: 1 } });
    expect(srv.hits.get('/a.html')).toBe(pageHits);

    // A new edition: known items are not fetched again, the broken one is tried again.
    (srv as TestServer & { bumpFeed(): void }).bumpFeed();
    const third = await run({ feeds: [feed], store: s });
    expect(third.summary).toMatchObject({ duplicates: 2, failed: 1, inserted: 0 });
    expect(srv.hits.get('/a.html')).toBe(pageHits);
  });

  it('reports a feed that cannot be polled, and feed list errors, as failed inputs', async () => {
    const { MarsadError } = await import('../doc/diagnostics.js');
    const r = await run({
      feeds: [`${srv.origin}/no-feed.xml`],
      inputErrors: [{ source: 'feeds.txt:4', error: new MarsadError('FEED_INVALID', 'line 4: not an http(s) URL: not a url') }],
    });
    expect(r.summary).toMatchObject({ failed: 2, feeds: { polled: 0, failed: 1 } });
    expect(r.lines).toEqual([
      'feeds.txt:4: not a valid RSS, Atom or OPML document: line 4: not an http(s) URL: not a url [FEED_INVALID]',
      `${srv.origin}/no-feed.xml: server answered with an error status: ${srv.origin}/no-feed.xml answered 404 [FETCH_HTTP_STATUS]`,
    ]);
  });

  it('keeps input order with several documents in flight', async () => {
    const r = await run({ inputs: [`${srv.origin}/slow.html`, `${srv.origin}/a.html`, `${srv.origin}/b.html`], concurrency: 3 });
    expect(r.docs.map((d) => d.url)).toEqual([`${srv.origin}/slow.html`, `${srv.origin}/a.html`, `${srv.origin}/b.html`]);
  });
});

describe('ingestBatch: stopping', () => {
  it('stops on the signal: what is being read is dropped, nothing more is started, the feed state is not advanced', async () => {
    const s = await openStore();
    const ctrl = new AbortController();
    const inputs = [`${srv.origin}/a.html`, `${srv.origin}/hang.html`, ...Array.from({ length: 20 }, (_, i) => `${srv.origin}/b.html?copy=${i}`)];
    const running = run({
      inputs, store: s, concurrency: 2,
      onProgress: (e) => {
        if (e.type === 'document' && e.outcome === 'inserted') setTimeout(() => ctrl.abort(), 50);
      },
      signal: ctrl.signal,
    });
    const r = await running;
    expect(r.summary.interrupted).toBe(true);
    expect(r.summary.inserted).toBeGreaterThanOrEqual(1);
    expect(r.summary.notStarted).toBeGreaterThan(0);
    expect(r.summary.failed).toBe(0);
    expect(r.summary.total + r.summary.notStarted).toBe(inputs.length);
  });

  it('stops the batch when no extractor can be built', async () => {
    const broken = inProcessPool(() => {
      throw new Error('data/gazetteer/gazetteer.tsv.gz is missing');
    });
    await expect(ingestBatch({ inputs: [join(dir, 'corpus')], store: null, extractPool: broken, fetcher })).rejects.toBeInstanceOf(ExtractorLoadError);
  });
});
