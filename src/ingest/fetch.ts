// Fetching pages and feeds politely and safely: a clear User-Agent, robots.txt, two requests at a
// time per host, a time limit, a size limit counted while streaming, and redirects followed by hand
// so that every hop is checked by the address guard and robots.txt again.

import { request, errors as undiciErrors } from 'undici';
import type { Agent } from 'undici';
import robotsParserModule from 'robots-parser';
import { MarsadError } from '../doc/diagnostics.js';
import { assertHostAllowed, guardedAgent } from './ssrf.js';

export const DEFAULT_USER_AGENT = 'marsad/0.1 (+https://github.com/marsad; conflict-event research)';

export interface FetchOptions {
  /** Let private, loopback and link-local addresses through. Default false. */
  allowPrivate?: boolean;
  /** Host names or IP literals exempt from the address guard (e.g. a LAN mirror); all other hops are checked. */
  allowHosts?: readonly string[];
  /** Time limit for the whole fetch, all redirects and the body included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Body size limit, counted while streaming. Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Obey robots.txt (fetched once per origin). Default true. */
  respectRobots?: boolean;
  /** Requests in flight at once per host. Default 2. */
  perHostConcurrency?: number;
}

export interface FetchRequest {
  /** Validators from an earlier fetch: the server may answer 304 Not Modified. */
  etag?: string | null;
  lastModified?: string | null;
  /**
   * Content types accepted (prefixes such as "text/html"); anything else fails with FETCH_NOT_HTML
   * before the body is read. Default: any.
   */
  accept?: readonly string[];
  /** Abandon the fetch (FETCH_FAILED "aborted") when this signal fires. */
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** The media type, lower-case, without parameters ("text/html"); "" when absent. */
  contentType: string;
  charset?: string;
  etag?: string;
  lastModified?: string;
  notModified: boolean;
}

export interface Fetcher {
  fetch(url: string, req?: FetchRequest): Promise<FetchResult>;
  close(): Promise<void>;
}

/** Content types a page may come as. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;

const MB = 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Google and RFC 9309 read at most 500 KiB of robots.txt.
const ROBOTS_MAX_BYTES = 500 * 1024;

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS whose typings declare an ES default export; at run time the module
// itself is the function.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robots;
/** An origin's rules, and why they are "disallow all" when the file could not be read. */
interface RobotsRules {
  rules: Robots;
  why?: string;
}

/** At most `limit` tasks at once per key. */
class KeyedLimiter {
  private readonly slots = new Map<string, { active: number; waiting: Array<() => void> }>();
  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let s = this.slots.get(key);
    if (!s) this.slots.set(key, (s = { active: 0, waiting: [] }));
    const slot = s;
    if (slot.active >= this.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    else slot.active++;
    try {
      return await task();
    } finally {
      const next = slot.waiting.shift();
      if (next) next(); // hand the slot over without releasing it
      else if (--slot.active === 0) this.slots.delete(key);
    }
  }
}

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(h)) {
    const v = header(h, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function parseContentType(v: string | undefined): { type: string; charset?: string } {
  if (!v) return { type: '' };
  const [type, ...params] = v.split(';');
  const cs = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { type: type.trim().toLowerCase(), charset: cs };
}

function parseUrl(raw: string, base?: string): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    throw new MarsadError('FETCH_FAILED', `${raw}: not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new MarsadError('FETCH_FAILED', `${u.href}: only http and https are fetched`);
  return u;
}

/** Turn what undici throws into a catalogue error naming the URL. */
function asMarsadError(err: unknown, url: string, timedOut: boolean): MarsadError {
  if (err instanceof MarsadError) return err;
  if (timedOut) return new MarsadError('FETCH_TIMEOUT', url, { cause: err });
  if (
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError
  ) {
    return new MarsadError('FETCH_TIMEOUT', url, { cause: err });
  }
  // The guarded lookup's refusal arrives wrapped by some Node versions.
  const cause = (err as { cause?: unknown })?.cause;
  if (cause instanceof MarsadError) return cause;
  const code = (err as { code?: string })?.code;
  const msg = err instanceof Error ? err.message : String(err);
  return new MarsadError('FETCH_FAILED', `${url}: ${code ? `${code} ` : ''}${msg}`, { cause: err });
}

/** Drop a response body unread; the abort it causes is expected, not an error to report. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => undefined);
  body.destroy();
}

interface Hop {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Uint8Array;
}

/** Create a fetcher. Call close() when done to release its connections. */
export function createFetcher(opts: FetchOptions = {}): Fetcher {
  const cfg = {
    allowPrivate: opts.allowPrivate ?? false,
    allowHosts: opts.allowHosts ?? [],
    timeoutMs: opts.timeoutMs ?? 15_000,
    maxBytes: opts.maxBytes ?? 5 * MB,
    maxRedirects: opts.maxRedirects ?? 5,
    userAgent: opts.userAgent ?? DEFAULT_USER_AGENT,
    respectRobots: opts.respectRobots ?? true,
  };
  const agent: Agent = guardedAgent({ allowPrivate: cfg.allowPrivate, allowHosts: cfg.allowHosts, connectTimeoutMs: cfg.timeoutMs });
  const limiter = new KeyedLimiter(Math.max(1, opts.perHostConcurrency ?? 2));
  const robotsCache = new Map<string, Promise<RobotsRules>>();

  // One request, one hop: guard the host, wait for a slot, stream the body within the limits.
  async function hop(u: URL, headers: Record<string, string>, signal: AbortSignal, maxBytes: number, accept?: readonly string[]): Promise<Hop> {
    assertHostAllowed(u, cfg);
    return limiter.run(u.hostname, async () => {
      const res = await request(u, { method: 'GET', headers, dispatcher: agent, signal, headersTimeout: cfg.timeoutMs, bodyTimeout: cfg.timeoutMs });
      const status = res.statusCode;
      const ok = status >= 200 && status < 300;
      if (!ok) {
        // Redirects and errors: the body is not wanted; drain at most a little of it.
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { status, headers: res.headers, bytes: new Uint8Array(0) };
      }
      const type = parseContentType(header(res.headers, 'content-type')).type;
      if (accept && !accept.some((a) => type.startsWith(a))) {
        discard(res.body);
        throw new MarsadError('FETCH_NOT_HTML', `${u.href} is ${type || 'of no stated type'}`);
      }
      const declared = Number(header(res.headers, 'content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        throw new MarsadError('INPUT_TOO_LARGE', `${u.href} is ${declared} bytes, over the ${maxBytes}-byte limit`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          discard(res.body);
          throw new MarsadError('INPUT_TOO_LARGE', `${u.href} exceeds the ${maxBytes}-byte limit`);
        }
        chunks.push(chunk as Buffer);
      }
      const buf = Buffer.concat(chunks);
      return { status, headers: res.headers, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
    });
  }

  // Follow redirects by hand, each hop re-checked; the deadline covers them all.
  async function follow(start: URL, req: FetchRequest, maxBytes: number, forRobots = false): Promise<FetchResult> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, cfg.timeoutMs);
    const onAbort = () => controller.abort();
    if (req.signal?.aborted) controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    let url = start;
    try {
      for (let redirects = 0; ; redirects++) {
        if (!forRobots) await assertRobotsAllow(url);
        const headers: Record<string, string> = { 'user-agent': cfg.userAgent, accept: '*/*' };
        if (redirects === 0 && req.etag) headers['if-none-match'] = req.etag;
        if (redirects === 0 && req.lastModified) headers['if-modified-since'] = req.lastModified;
        let r: Hop;
        try {
          r = await hop(url, headers, controller.signal, maxBytes, req.accept);
        } catch (err) {
          throw asMarsadError(err, url.href, timedOut);
        }
        const location = header(r.headers, 'location');
        if (REDIRECTS.has(r.status) && location) {
          if (redirects >= cfg.maxRedirects) throw new MarsadError('FETCH_TOO_MANY_REDIRECTS', `${start.href} (more than ${cfg.maxRedirects})`);
          url = parseUrl(location, url.href);
          continue;
        }
        const ct = parseContentType(header(r.headers, 'content-type'));
        const result: FetchResult = {
          url: url.href,
          status: r.status,
          headers: flatHeaders(r.headers),
          bytes: r.bytes,
          contentType: ct.type,
          charset: ct.charset,
          etag: header(r.headers, 'etag') ?? (r.status === 304 ? req.etag ?? undefined : undefined),
          lastModified: header(r.headers, 'last-modified') ?? (r.status === 304 ? req.lastModified ?? undefined : undefined),
          notModified: r.status === 304,
        };
        if (r.status === 304 || (r.status >= 200 && r.status < 300) || forRobots) return result;
        throw new MarsadError('FETCH_HTTP_STATUS', `${url.href} answered ${r.status}`);
      }
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  // robots.txt per origin, fetched once. RFC 9309: 4xx (and a redirect chain too long to follow)
  // means no rules; 5xx or unreachable means "disallow everything". A refused address stays a refusal.
  function robotsFor(origin: string): Promise<RobotsRules> {
    let p = robotsCache.get(origin);
    if (!p) {
      const robotsUrl = `${origin}/robots.txt`;
      const none = { rules: robotsParser(robotsUrl, '') };
      const all = (why: string) => ({ rules: robotsParser(robotsUrl, 'User-agent: *\nDisallow: /\n'), why });
      p = follow(new URL(robotsUrl), {}, ROBOTS_MAX_BYTES, true).then(
        (r) => {
          if (r.status >= 200 && r.status < 300) return { rules: robotsParser(robotsUrl, Buffer.from(r.bytes).toString('utf8')) };
          return r.status >= 400 && r.status < 500 ? none : all(`robots.txt answered ${r.status}`);
        },
        (err: MarsadError) => {
          if (err.code === 'FETCH_REFUSED_ADDRESS') throw err;
          return err.code === 'FETCH_TOO_MANY_REDIRECTS' ? none : all(`robots.txt unreachable: ${err.code}`);
        },
      );
      robotsCache.set(origin, p);
      p.catch(() => robotsCache.delete(origin)); // a refusal is not cached; the next call re-checks
    }
    return p;
  }

  async function assertRobotsAllow(u: URL): Promise<void> {
    if (!cfg.respectRobots) return;
    assertHostAllowed(u, cfg); // refuse before asking the host anything
    const { rules, why } = await robotsFor(u.origin);
    if (rules.isAllowed(u.href, cfg.userAgent.split('/')[0]) === false) throw new MarsadError('FETCH_ROBOTS', why ? `${u.href} (${why})` : u.href);
  }

  return {
    async fetch(url: string, req: FetchRequest = {}): Promise<FetchResult> {
      return follow(parseUrl(url), req, cfg.maxBytes);
    },
    async close(): Promise<void> {
      await agent.close();
    },
  };
}
