import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { FeedPoller, parseFeed, parseFeedList, type FeedState } from './feeds.js';
import { createFetcher, type Fetcher } from './fetch.js';
import { fixture, send, startServer, type TestServer } from './test-helpers/server.js';

// Feeds and lists are samples written for the tests (fixtures/README.md).

describe('parseFeed', () => {
  it('reads RSS 2.0: links resolved, dates as YYYY-MM-DD, items without a link left out', () => {
    const f = parseFeed(fixture('feed-rss.xml'), { baseUrl: 'https://news.example/libya/feed.xml' });
    expect(f.title).toBe('صحيفة المرصد التجريبية - ليبيا');
    expect(f.items).toEqual([
      { url: 'https://news.example/2019/03/10/sabha-blast?utm_source=rss', title: 'انفجار سيارة مفخخة في سوق شعبية بمدينة سبها', publishedAt: '2019-03-10', guid: 'news-example-1001' },
      { url: 'https://news.example/2019/03/09/checkpoint', title: 'مقتل عنصرين من الأمن في هجوم على نقطة تفتيش', publishedAt: '2019-03-09', guid: 'https://news.example/2019/03/09/checkpoint' },
    ]);
  });

  it('reads Atom: the alternate link, or an id that is a URL; published before updated', () => {
    const f = parseFeed(fixture('feed-atom.xml'));
    expect(f.title).toBe('نشرة الأخبار التجريبية');
    expect(f.items).toEqual([
      { url: 'https://atom.example/2020/07/01/derna', title: 'اشتباكات في ضواحي درنة', publishedAt: '2020-07-01', guid: 'urn:uuid:entry-1' },
      { url: 'https://atom.example/2020/07/02/marib', title: 'غارات جوية قرب مأرب', publishedAt: '2020-07-02', guid: 'https://atom.example/2020/07/02/marib' },
    ]);
  });

  it('reads RDF (RSS 1.0)', () => {
    expect(parseFeed(fixture('feed-rdf.xml')).items).toEqual([
      { url: 'https://rdf.example/item/1', title: 'احتجاجات أمام مبنى المحافظة', publishedAt: '2018-05-14', guid: 'https://rdf.example/item/1' },
    ]);
  });

  it('throws FEED_INVALID on what is not a feed', () => {
    for (const bad of ['<html><body>صفحة</body></html>', 'not xml', '']) {
      expect(() => parseFeed(bad)).toThrowError(MarsadError);
      expect(() => parseFeed(bad)).toThrow(/not a valid RSS, Atom or OPML/);
    }
  });
});

describe('parseFeedList', () => {
  it('reads one URL a line, skipping comments and blanks, reporting bad lines, dropping repeats', () => {
    const list = parseFeedList(fixture('feeds.txt'));
    expect(list.feeds).toEqual([
      { url: 'https://news.example/libya/feed.xml', line: 2 },
      { url: 'https://atom.example/feed.atom', line: 3 },
    ]);
    expect(list.errors.map((e) => [e.line, e.error.code])).toEqual([[5, 'FEED_INVALID']]);
  });

  it('reads OPML, folders included', () => {
    expect(parseFeedList(fixture('feeds.opml')).feeds.map((f) => f.url)).toEqual([
      'https://news.example/libya/feed.xml',
      'https://rdf.example/index.rdf',
      'https://atom.example/feed.atom',
    ]);
  });

  it('throws FEED_INVALID on broken OPML', () => {
    expect(() => parseFeedList('<opml><body>')).toThrowError(MarsadError);
  });
});

describe('FeedPoller', () => {
  let srv: TestServer;
  let fetcher: Fetcher;
  const RSS = fixture('feed-rss.xml');

  beforeAll(async () => {
    srv = await startServer({
      '/robots.txt': send('User-agent: *\nAllow: /\n'),
      '/etag.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"feed-1"') return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"feed-1"' }).end(RSS);
      },
      '/lastmod.xml': (req, res) => {
        const lm = 'Sun, 10 Mar 2019 10:00:00 GMT';
        if (req.headers['if-modified-since'] === lm) return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': lm }).end(RSS);
      },
      // A Windows-1256 feed that declares its encoding only in the XML declaration.
      '/cp1256.xml': send(iconv.encode(RSS.replace('encoding="utf-8"', 'encoding="windows-1256"'), 'windows-1256'), { 'content-type': 'application/xml' }),
      '/broken.xml': send('<rss><channel><item>', { 'content-type': 'application/rss+xml' }),
    });
    fetcher = createFetcher({ allowPrivate: true }); // the test server is on loopback
  });

  afterAll(async () => {
    await fetcher.close();
    await srv.close();
  });

  it('polls with ETag: items the first time, 304 the second', async () => {
    const state = new Map<string, FeedState>();
    const poller = new FeedPoller(fetcher, state, () => new Date('2024-01-01T00:00:00Z'));
    const url = `${srv.origin}/etag.xml`;
    const first = await poller.poll(url);
    expect(first.notModified).toBe(false);
    expect(first.items).toHaveLength(2);
    expect(first.items[1].url).toBe(`${srv.origin}/2019/03/09/checkpoint`);
    expect(state.get(url)).toEqual({ etag: '"feed-1"', lastModified: undefined, checkedAt: '2024-01-01T00:00:00.000Z' });
    const second = await poller.poll(url);
    expect(second).toEqual({ feedUrl: url, notModified: true, title: null, items: [] });
  });

  it('keeps its validators in an asynchronous store (the database) as well as in a Map', async () => {
    const saved = new Map<string, FeedState>();
    const store = { get: async (u: string) => saved.get(u) ?? null, set: async (u: string, st: FeedState) => void saved.set(u, st) };
    const url = `${srv.origin}/etag.xml`;
    expect((await new FeedPoller(fetcher, store).poll(url)).notModified).toBe(false);
    expect(saved.get(url)?.etag).toBe('"feed-1"');
    expect((await new FeedPoller(fetcher, store).poll(url)).notModified).toBe(true);
  });

  it('polls with Last-Modified', async () => {
    const poller = new FeedPoller(fetcher);
    const url = `${srv.origin}/lastmod.xml`;
    expect((await poller.poll(url)).items).toHaveLength(2);
    expect((await poller.poll(url)).notModified).toBe(true);
  });

  it('decodes a feed by its XML declaration', async () => {
    const r = await new FeedPoller(fetcher).poll(`${srv.origin}/cp1256.xml`);
    expect(r.title).toBe('صحيفة المرصد التجريبية - ليبيا');
  });

  it('keeps no validators for a feed it could not read', async () => {
    const state = new Map<string, FeedState>();
    const url = `${srv.origin}/broken.xml`;
    await expect(new FeedPoller(fetcher, state).poll(url)).rejects.toMatchObject({ code: 'FEED_INVALID' });
    expect(state.has(url)).toBe(false);
  });
});
