// Feeds: RSS 2.0, Atom, RDF (RSS 1.0) and JSON Feed read with feedsmith; feed lists as plain lines
// or OPML; and a poller that asks each feed only for what changed (ETag / Last-Modified).

import { parseFeed as parseAnyFeed, parseOpml } from 'feedsmith';
import { MarsadError } from '../doc/diagnostics.js';
import { toIsoDate } from './dates.js';
import { decode } from './decode.js';
import type { Fetcher } from './fetch.js';

export interface FeedItem {
  /** The article's URL, absolute. */
  url: string;
  title: string | null;
  /** YYYY-MM-DD, or null. */
  publishedAt: string | null;
  /** The feed's own identifier for the item (guid, Atom id), or the URL. */
  guid: string;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

function absolute(href: unknown, base: string | undefined): string | null {
  if (typeof href !== 'string' || !href.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? (v as { value?: unknown }).value : null;
  return typeof s === 'string' && s.trim() ? s.trim() : null;
};

const firstDate = (...vals: unknown[]): string | null => {
  for (const v of vals) {
    const d = toIsoDate(Array.isArray(v) ? v[0] : v);
    if (d) return d;
  }
  return null;
};

/** Parse an RSS, Atom, RDF or JSON feed. Items without a usable link are left out. Throws FEED_INVALID. */
export function parseFeed(xml: string, opts: { baseUrl?: string } = {}): ParsedFeed {
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(xml);
  } catch (err) {
    throw new MarsadError('FEED_INVALID', err instanceof Error ? err.message : String(err), { cause: err });
  }
  const base = opts.baseUrl;
  const items: FeedItem[] = [];
  const push = (url: string | null, title: unknown, publishedAt: string | null, guid: unknown) => {
    if (url) items.push({ url, title: text(title), publishedAt, guid: text(guid) ?? url });
  };
  switch (parsed.format) {
    case 'rss':
      for (const it of parsed.feed.items ?? []) {
        const guid = it.guid?.value;
        const url = absolute(it.link, base) ?? (it.guid?.isPermaLink !== false ? absolute(guid, base) : null);
        push(url, it.title, firstDate(it.pubDate, it.dc?.dates, it.dcterms?.issued, it.dcterms?.created), guid);
      }
      return { title: text(parsed.feed.title), items };
    case 'atom':
      for (const e of parsed.feed.entries ?? []) {
        const link = e.links?.find((l) => !l.rel || l.rel === 'alternate') ?? e.links?.[0];
        push(absolute(link?.href, base) ?? absolute(e.id, base), e.title, firstDate(e.published, e.updated), e.id);
      }
      return { title: text(parsed.feed.title), items };
    case 'rdf':
      for (const it of parsed.feed.items ?? []) {
        push(absolute(it.link, base) ?? absolute(it.rdf?.about, base), it.title, firstDate(it.dc?.dates), it.rdf?.about);
      }
      return { title: text(parsed.feed.title), items };
    case 'json':
      for (const it of parsed.feed.items ?? []) {
        push(absolute(it.url, base) ?? absolute(it.external_url, base), it.title, firstDate(it.date_published), it.id);
      }
      return { title: text(parsed.feed.title), items };
  }
}

export interface FeedListEntry {
  url: string;
  /** 1-based line in the list (0 for OPML). */
  line: number;
}

export interface FeedList {
  feeds: FeedListEntry[];
  /** Lines that are not feed URLs: reported, the rest goes on. */
  errors: Array<{ line: number; error: MarsadError }>;
}

/** A list of feeds: OPML, or one URL a line with blank lines and # comments. Duplicates dropped. */
export function parseFeedList(input: string): FeedList {
  const src = input.replace(/^\ufeff/, '');
  const feeds: FeedListEntry[] = [];
  const errors: FeedList['errors'] = [];
  const seen = new Set<string>();
  const add = (url: string, line: number) => {
    if (!seen.has(url)) {
      seen.add(url);
      feeds.push({ url, line });
    }
  };
  if (/^\s*</.test(src)) {
    let opml: ReturnType<typeof parseOpml>;
    try {
      opml = parseOpml(src);
    } catch (err) {
      throw new MarsadError('FEED_INVALID', `OPML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    // Outlines nest in folders; walk them without recursion.
    const stack = [...(opml.body?.outlines ?? [])].reverse();
    while (stack.length) {
      const o = stack.pop()!;
      const url = absolute(o.xmlUrl, undefined);
      if (url) add(url, 0);
      if (o.outlines) stack.push(...[...o.outlines].reverse());
    }
    return { feeds, errors };
  }
  src.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const url = absolute(line, undefined);
    if (url) add(url, i + 1);
    else errors.push({ line: i + 1, error: new MarsadError('FEED_INVALID', `line ${i + 1}: not an http(s) URL: ${line.slice(0, 200)}`) });
  });
  return { feeds, errors };
}

/** What the poller keeps per feed between polls. */
export interface FeedState {
  etag?: string;
  lastModified?: string;
  /** ISO time of the last successful poll. */
  checkedAt?: string;
}

/** Where feed states live; a Map will do, and the store can provide a persistent (async) one. */
export interface FeedStateStore {
  get(feedUrl: string): FeedState | null | undefined | Promise<FeedState | null | undefined>;
  set(feedUrl: string, state: FeedState): unknown;
}

export interface PollResult {
  feedUrl: string;
  /** The server said nothing changed since the last poll (304). */
  notModified: boolean;
  title: string | null;
  items: FeedItem[];
}

/** Polls feeds with conditional GET, remembering each feed's validators in an injected state. */
export class FeedPoller {
  constructor(
    private readonly fetcher: Pick<Fetcher, 'fetch'>,
    private readonly state: FeedStateStore = new Map<string, FeedState>(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Fetch a feed unless unchanged. Throws MarsadError (fetch errors, FEED_INVALID, DECODE_FAILED). */
  async poll(feedUrl: string, opts: { signal?: AbortSignal } = {}): Promise<PollResult> {
    const prev = (await this.state.get(feedUrl)) ?? {};
    const res = await this.fetcher.fetch(feedUrl, { etag: prev.etag, lastModified: prev.lastModified, signal: opts.signal });
    if (res.notModified) {
      await this.state.set(feedUrl, { ...prev, checkedAt: this.now().toISOString() });
      return { feedUrl, notModified: true, title: null, items: [] };
    }
    const feed = parseFeed(decode(res.bytes, { httpCharset: res.charset }).text, { baseUrl: res.url });
    // Validators are saved only once the feed has been read, so a broken feed is fetched in full next time.
    await this.state.set(feedUrl, { etag: res.etag, lastModified: res.lastModified, checkedAt: this.now().toISOString() });
    return { feedUrl, notModified: false, title: feed.title, items: feed.items };
  }
}
