// Serialized answers of the read routes (GET /api/events, GET /api/stats/timeline), kept per query
// while the store's data version stays the same.
//
// Why a cache as well as reader threads (src/store/read-pool.ts). Measured at 1,000,000 events on the
// shared 2-core machine (`npm run bench -- --only api`, 8 connections): a page of 50 events is 75 KB
// of JSON, a day timeline 550 KB, and the timeline of a common word (q=غارة) reads 160,000 articles'
// matches (~0.4 s of CPU since schema 9, seconds before). Reader threads run the SQL and make the
// JSON (Store.listEventsJson, timelineJson), but a long query still holds one of them; the
// dashboard, though, asks the same few queries again and again (the first page, a country, the day
// timeline) between ingests. Kept here, a repeat costs one lookup of the data version (a
// primary-key read) and a write of the stored bytes. A new query, or any query after a document
// changed events, still costs what the store costs: the bench reports both (`npm run bench --
// --only api`: …P95Ms with this cache, …UncachedP95Ms without; the figures measured are in
// README, "API latency", and BENCHMARKS.md).
//
// Correctness: the key holds the data version read BEFORE the store is asked, so an answer is only
// ever served to requests that read that same version; one computed while a write committed may be
// newer than its key, never older than what the requester could have seen.

export interface ResponseCacheOptions {
  /** Answers kept: 256 pages of ~75 KB is ~20 MB. */
  maxEntries?: number;
  /** And at most this many bytes of JSON (a string's UTF-16 length × 2, roughly what V8 holds). */
  maxBytes?: number;
}

/** A kept answer: JSON bytes as the store made them (Store.listEventsJson, timelineJson), or a string. */
export type CachedBody = string | Uint8Array;

export class ResponseCache<T extends CachedBody = CachedBody> {
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  /** Insertion order is recency order: the first key is the least recently used. */
  readonly #entries = new Map<string, Promise<T>>();
  readonly #sizes = new Map<string, number>();
  #bytes = 0;
  #version: number | null = null;

  constructor(o: ResponseCacheOptions = {}) {
    this.#maxEntries = o.maxEntries ?? 256;
    this.#maxBytes = o.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The answer for `key` at data `version`, computed by `make` when missing. Concurrent requests for
   * the same key share one computation; a failed one is not kept.
   */
  get(version: number, key: string, make: () => Promise<T>): Promise<T> {
    if (version !== this.#version) {
      // A new version makes every kept answer stale (versions only grow; an older one is a racing reader).
      if (this.#version === null || version > this.#version) {
        this.#entries.clear();
        this.#sizes.clear();
        this.#bytes = 0;
        this.#version = version;
      } else {
        return make();
      }
    }
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const entry = make();
    this.#entries.set(key, entry);
    entry.then(
      (body) => {
        if (this.#entries.get(key) !== entry) return; // dropped meanwhile
        const size = typeof body === 'string' ? body.length * 2 : body.byteLength;
        this.#sizes.set(key, size);
        this.#bytes += size;
        this.#trim();
      },
      () => {
        if (this.#entries.get(key) === entry) this.#entries.delete(key);
      },
    );
    this.#trim();
    return entry;
  }

  #trim(): void {
    while (this.#entries.size > this.#maxEntries || (this.#bytes > this.#maxBytes && this.#entries.size > 1)) {
      const oldest = this.#entries.keys().next().value!;
      this.#entries.delete(oldest);
      this.#bytes -= this.#sizes.get(oldest) ?? 0;
      this.#sizes.delete(oldest);
    }
  }
}

/** A stable key for a validated query: the same parameters in another order are the same answer. */
export function queryKey(route: string, query: object): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return route + JSON.stringify(entries);
}
