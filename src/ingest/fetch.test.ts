import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { createFetcher, DEFAULT_USER_AGENT, PAGE_TYPES, type Fetcher } from './fetch.js';
import { fixture, redirect, send, startServer, type TestServer } from './test-helpers/server.js';

// A real server on 127.0.0.1. Because it is on loopback, the cases that must succeed build the
// fetcher with allowPrivate: true (or exempt "localhost" by name); the refusal cases leave the guard on.
let srv: TestServer;
const HTML = fixture('article.html'); // a sample page written for the tests
const html = { 'content-type': 'text/html; charset=utf-8' };
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  srv = await startServer({
    '/robots.txt': send('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
    '/article': send(HTML, html),
    '/private/page': send(HTML, html),
    '/r1': redirect('/r2', 301),
    '/r2': redirect('/article', 302),
    '/loop': redirect('/loop'),
    '/missing': send('gone', {}, 404),
    '/broken': send('oops', {}, 500),
    '/slow-headers': (_req, res) => void setTimeout(() => res.writeHead(200, html).end(HTML), 3_000),
    '/slow-body': (_req, res) => {
      res.writeHead(200, html);
      res.write('<html>');
      setTimeout(() => res.end('</html>'), 3_000);
    },
    '/big': send('x'.repeat(200_000), { 'content-type': 'text/plain' }),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: counted while streaming
      for (let i = 0; i < 20; i++) res.write('y'.repeat(10_000));
      res.end();
    },
    '/image.png': send(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), { 'content-type': 'image/png' }),
    '/concurrent': (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }, 150);
    },
    '/cond': (req, res) => {
      const etag = '"v1"';
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'text/plain', etag, 'last-modified': 'Sun, 10 Mar 2019 09:30:00 GMT' }).end('body');
    },
  });
  for (let n = 1; n <= 6; n++) srv.route(`/chain/${n}`, redirect(`/chain/${n - 1}`));
  srv.route('/chain/0', send('end of chain', { 'content-type': 'text/plain' }));
  srv.route('/to-loopback', redirect(`${srv.origin}/article`));
  srv.route('/to-decimal', redirect(`http://2130706433:${srv.port}/article`));
  srv.route('/to-octal', redirect(`http://0177.0.0.1:${srv.port}/article`));
  srv.route('/to-mapped', redirect(`http://[::ffff:127.0.0.1]:${srv.port}/article`));
  srv.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
  srv.route('/to-localhost', redirect(`http://localhost:${srv.port}/article`));
});

afterAll(async () => {
  await srv.close();
});

async function failure(p: Promise<unknown>): Promise<MarsadError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(MarsadError);
    return err as MarsadError;
  }
  throw new Error('expected a failure');
}

async function withFetcher<T>(opts: Parameters<typeof createFetcher>[0], fn: (f: Fetcher) => Promise<T>): Promise<T> {
  const f = createFetcher(opts);
  try {
    return await fn(f);
  } finally {
    await f.close();
  }
}

describe('fetching', () => {
  it('fetches a page with a clear User-Agent and reports its type and charset', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const r = await f.fetch(`${srv.origin}/article`);
      expect(r).toMatchObject({ status: 200, contentType: 'text/html', charset: 'utf-8', notModified: false, url: `${srv.origin}/article` });
      expect(Buffer.from(r.bytes).toString('utf8')).toBe(HTML);
      expect(srv.lastUserAgent()).toBe(DEFAULT_USER_AGENT);
    });
  });

  it('follows redirects and reports the final URL', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const r = await f.fetch(`${srv.origin}/r1`);
      expect(r.url).toBe(`${srv.origin}/article`);
      expect(r.status).toBe(200);
    });
  });

  it('follows at most 5 redirects', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      expect((await f.fetch(`${srv.origin}/chain/5`)).url).toBe(`${srv.origin}/chain/0`);
      const err = await failure(f.fetch(`${srv.origin}/chain/6`));
      expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
      expect((await failure(f.fetch(`${srv.origin}/loop`))).code).toBe('FETCH_TOO_MANY_REDIRECTS');
    });
  });

  it('reports 404 and 500 with the URL and the status', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const e404 = await failure(f.fetch(`${srv.origin}/missing`));
      expect(e404.code).toBe('FETCH_HTTP_STATUS');
      expect(e404.message).toContain(`${srv.origin}/missing answered 404`);
      expect((await failure(f.fetch(`${srv.origin}/broken`))).message).toContain('500');
    });
  });

  it('times out on slow headers and on a slow body', async () => {
    await withFetcher({ allowPrivate: true, timeoutMs: 300 }, async (f) => {
      const t0 = Date.now();
      const e = await failure(f.fetch(`${srv.origin}/slow-headers`));
      expect(e.code).toBe('FETCH_TIMEOUT');
      expect(e.message).toContain('/slow-headers');
      expect((await failure(f.fetch(`${srv.origin}/slow-body`))).code).toBe('FETCH_TIMEOUT');
      expect(Date.now() - t0).toBeLessThan(2_500);
    });
  });

  it('abandons a fetch when its signal fires', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const t0 = Date.now();
      const ctrl = new AbortController();
      setTimeout(() => ctrl.abort(), 100);
      const e = await failure(f.fetch(`${srv.origin}/slow-headers`, { signal: ctrl.signal }));
      expect(e.code).toBe('FETCH_FAILED');
      expect(Date.now() - t0).toBeLessThan(2_000);
    });
  });

  it('refuses bodies over the size limit, declared or streamed', async () => {
    await withFetcher({ allowPrivate: true, maxBytes: 50_000 }, async (f) => {
      const declared = await failure(f.fetch(`${srv.origin}/big`));
      expect(declared.code).toBe('INPUT_TOO_LARGE');
      expect(declared.message).toContain('/big');
      expect((await failure(f.fetch(`${srv.origin}/big-chunked`))).code).toBe('INPUT_TOO_LARGE');
    });
  });

  it('refuses a content type that is not accepted, before reading the body', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const e = await failure(f.fetch(`${srv.origin}/image.png`, { accept: PAGE_TYPES }));
      expect(e.code).toBe('FETCH_NOT_HTML');
      expect(e.message).toContain('image/png');
    });
  });

  it('answers 304 to a conditional GET with the validators it was given', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const first = await f.fetch(`${srv.origin}/cond`);
      expect(first).toMatchObject({ notModified: false, etag: '"v1"', lastModified: 'Sun, 10 Mar 2019 09:30:00 GMT' });
      const second = await f.fetch(`${srv.origin}/cond`, { etag: first.etag, lastModified: first.lastModified });
      expect(second).toMatchObject({ status: 304, notModified: true, etag: '"v1"' });
      expect(second.bytes.length).toBe(0);
    });
  });

  it('keeps at most two requests in flight per host', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      maxInFlight = 0;
      const all = await Promise.all(Array.from({ length: 6 }, () => f.fetch(`${srv.origin}/concurrent`)));
      expect(all.every((r) => r.status === 200)).toBe(true);
      expect(maxInFlight).toBe(2);
    });
  });
});

describe('robots.txt', () => {
  it('is respected by default and read once per origin', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      const before = srv.hits.get('/robots.txt') ?? 0;
      const e = await failure(f.fetch(`${srv.origin}/private/page`));
      expect(e.code).toBe('FETCH_ROBOTS');
      expect(e.message).toContain('/private/page');
      await f.fetch(`${srv.origin}/article`);
      expect((srv.hits.get('/robots.txt') ?? 0) - before).toBe(1);
    });
  });

  it('counts an unreadable robots.txt (5xx) as "disallow all", and a missing one (404) as no rules', async () => {
    const other = await startServer({ '/robots.txt': send('down', {}, 503), '/article': send(HTML, html) });
    try {
      await withFetcher({ allowPrivate: true }, async (f) => {
        const e = await failure(f.fetch(`${other.origin}/article`));
        expect(e.code).toBe('FETCH_ROBOTS');
        expect(e.message).toContain('robots.txt answered 503');
        // the main test server has robots.txt; a 404 one has no rules
        const none = await startServer({ '/article': send(HTML, html) });
        try {
          expect((await f.fetch(`${none.origin}/article`)).status).toBe(200);
        } finally {
          await none.close();
        }
      });
    } finally {
      await other.close();
    }
  });

  it('can be switched off', async () => {
    await withFetcher({ allowPrivate: true, respectRobots: false }, async (f) => {
      expect((await f.fetch(`${srv.origin}/private/page`)).status).toBe(200);
    });
  });
});

describe('address guard', () => {
  it('refuses the loopback server itself when private addresses are not allowed', async () => {
    await withFetcher({}, async (f) => {
      const before = srv.hits.get('/article') ?? 0;
      const literal = await failure(f.fetch(`${srv.origin}/article`));
      expect(literal.code).toBe('FETCH_REFUSED_ADDRESS');
      expect(literal.message).toContain('127.0.0.1');
      // a name is refused after resolution, at connect time
      const named = await failure(f.fetch(`http://localhost:${srv.port}/article`));
      expect(named.code).toBe('FETCH_REFUSED_ADDRESS');
      expect(named.message).toContain('localhost resolves to 127.0.0.1');
      expect(srv.hits.get('/article') ?? 0).toBe(before);
    });
  });

  it('re-checks every redirect: a hop to a private address is refused', async () => {
    // "localhost" is exempt by name so the first hop reaches the test server; every other hop is checked.
    await withFetcher({ allowHosts: ['localhost'] }, async (f) => {
      expect((await f.fetch(`http://localhost:${srv.port}/article`)).status).toBe(200);
      const before = srv.hits.get('/article') ?? 0;
      for (const path of ['/to-loopback', '/to-decimal', '/to-octal', '/to-mapped', '/to-metadata']) {
        const e = await failure(f.fetch(`http://localhost:${srv.port}${path}`));
        expect(e.code, path).toBe('FETCH_REFUSED_ADDRESS');
      }
      expect(srv.hits.get('/article') ?? 0).toBe(before);
    });
  });

  it('lets an allowed redirect through when private addresses are allowed', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      expect((await f.fetch(`${srv.origin}/to-localhost`)).url).toBe(`http://localhost:${srv.port}/article`);
    });
  });

  it('names a URL it cannot fetch', async () => {
    await withFetcher({ allowPrivate: true }, async (f) => {
      expect((await failure(f.fetch('ftp://news.example/a'))).message).toContain('ftp://news.example/a');
      expect((await failure(f.fetch('not a url'))).code).toBe('FETCH_FAILED');
    });
  });
});
