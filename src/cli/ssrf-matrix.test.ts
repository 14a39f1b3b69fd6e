// The SSRF matrix in one place: every private, loopback, link-local and unique-local target, in the
// spellings an attacker would use, (a) asked for directly, (b) reached by a redirect from a page that
// is allowed, and (c) posted to the API as an article URL through the real reader. Each is refused
// with FETCH_REFUSED_ADDRESS and nothing is fetched. Nothing here leaves the machine: refused
// literals are refused before connecting, and the only server is ours on 127.0.0.1.
//
// The tests cannot make a public name resolve to a private address (no control of DNS here), so the
// name cases use names that do resolve to loopback on any machine — localhost and the machine's own
// name when it does — and the "public" first hop is our loopback server exempted by name (allowHosts),
// as a public site would be. ssrf.test.ts checks the guarded lookup refuses a mixed DNS answer.
import dns from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { createFetcher } from '../ingest/fetch.js';
import { isRefusedAddress } from '../ingest/ssrf.js';
import { fixture, redirect, send, startServer, type TestServer } from '../ingest/test-helpers/server.js';
import { buildApp } from '../server/app.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { fixtureExtractor } from '../store/test-helpers/fixtures.js';
import { articleReader } from './read-article.js';

// [label, host as written in a URL (port added where the target is our own server)]
const TARGETS: [string, string][] = [
  ['loopback', '127.0.0.1'],
  ['loopback, another address', '127.45.6.7'],
  ['10/8', '10.0.0.1'],
  ['10/8, top', '10.255.255.254'],
  ['172.16/12', '172.16.0.1'],
  ['172.16/12, top', '172.31.255.254'],
  ['192.168/16', '192.168.1.1'],
  ['cloud metadata', '169.254.169.254'],
  ['IPv6 loopback', '[::1]'],
  ['fc00::/7 (fc)', '[fc00::1]'],
  ['fc00::/7 (fd)', '[fd12:3456:789a::1]'],
  ['IPv6 link-local', '[fe80::1]'],
  ['IPv4-mapped loopback', '[::ffff:127.0.0.1]'],
  ['IPv4-mapped metadata', '[::ffff:a9fe:a9fe]'],
  ['decimal loopback', '2130706433'],
  ['decimal 10.0.0.1', '167772161'],
  ['decimal metadata', '2852039166'],
  ['octal loopback', '0177.0.0.1'],
  ['octal 10.0.0.1', '012.0.0.1'],
  ['octal metadata', '0251.0376.0251.0376'],
  ['hex loopback', '0x7f.0.0.1'],
  ['hex whole loopback', '0x7f000001'],
  ['short loopback', '127.1'],
  ['unspecified', '0.0.0.0'],
];

let srv: TestServer;
const names: string[] = ['localhost'];

beforeAll(async () => {
  srv = await startServer({ '/article': send(fixture('article.html'), { 'content-type': 'text/html; charset=utf-8' }) });
  TARGETS.forEach(([, host], i) => srv.route(`/to/${i}`, redirect(`http://${host}:${srv.port}/article`)));
  // The machine's own name, when it resolves to an address the guard refuses (it does on most hosts).
  const own = hostname();
  const answers = await dns.lookup(own, { all: true }).catch(() => []);
  if (answers.length && answers.every((a) => isRefusedAddress(a.address))) names.push(own);
  names.forEach((n, i) => srv.route(`/to-name/${i}`, redirect(`http://${n}:${srv.port}/article`)));
});
afterAll(async () => {
  await srv?.close();
});

async function refusal(p: Promise<unknown>, what: string): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err, what).toBeInstanceOf(MarsadError);
    expect((err as MarsadError).code, `${what}: ${(err as Error).message}`).toBe('FETCH_REFUSED_ADDRESS');
    return;
  }
  throw new Error(`${what}: fetched, expected a refusal`);
}

const hits = () => srv.hits.get('/article') ?? 0;

describe('the SSRF matrix', () => {
  it('refuses every target asked for directly, and every name that resolves to one', async () => {
    const f = createFetcher();
    try {
      const before = hits();
      for (const [label, host] of TARGETS) await refusal(f.fetch(`http://${host}:${srv.port}/article`), `${label} ${host}`);
      for (const n of names) await refusal(f.fetch(`http://${n}:${srv.port}/article`), n);
      expect(hits()).toBe(before);
    } finally {
      await f.close();
    }
  });

  it('refuses every target reached by a redirect from an allowed page', async () => {
    // "localhost" stands for the public site: exempt by name, so only the redirect's target is judged
    const f = createFetcher({ allowHosts: ['localhost'] });
    try {
      expect((await f.fetch(`http://localhost:${srv.port}/article`)).status).toBe(200);
      const before = hits();
      for (const [i, [label, host]] of TARGETS.entries()) {
        await refusal(f.fetch(`http://localhost:${srv.port}/to/${i}`), `redirect to ${label} ${host}`);
      }
      // a redirect to a name that resolves to loopback: judged after resolution (localhost itself is exempt here)
      for (const [i, n] of names.entries()) if (n !== 'localhost') await refusal(f.fetch(`http://localhost:${srv.port}/to-name/${i}`), `redirect to ${n}`);
      expect(hits()).toBe(before);
    } finally {
      await f.close();
    }
  });

  it('refuses every target posted to the API as an article URL, with 403 FETCH_REFUSED_ADDRESS', async () => {
    const store = await sqliteBackend.open();
    const reader = articleReader();
    const app = await buildApp({ store, extract: fixtureExtractor(), readArticle: reader.read, config: { token: 't', logger: false, webRoot: null } });
    try {
      const before = hits();
      for (const [label, host] of [...TARGETS, ...names.map((n): [string, string] => [n, n])]) {
        const res = await app.inject({
          method: 'POST', url: '/api/articles', headers: { authorization: 'Bearer t' }, payload: { url: `http://${host}:${srv.port}/article` },
        });
        expect(res.statusCode, `${label} ${host}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('FETCH_REFUSED_ADDRESS');
      }
      expect(hits()).toBe(before);
      expect((await store.stats()).articles).toBe(0);
    } finally {
      await app.close();
      await store.close();
      await reader.close();
    }
  });
});
