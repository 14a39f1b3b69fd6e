// The slim scan of the events under one filter, with its cluster index, kept while the data does
// not change. A dashboard asks for the same filter once per pan or zoom: the scan and the index
// (about 0.3 s together for 50,000 events) are built once, each viewport query then takes
// milliseconds.

import type { EventFilter, EventPoint, Store } from '../../store/types.js';
import { buildIndex, type ClusterIndex } from './cluster.js';
import { facetsOf, type Facets } from './facets.js';

export interface PointSet {
  points: EventPoint[];
  index: ClusterIndex;
  facets(): Facets;
}

export interface PointSetOptions {
  /** Filters kept at once: 8 covers a session of filtering back and forth; each holds its events (about 15 MB for 50,000). */
  maxEntries?: number;
  /** How long a data version read from the store is trusted: 1 s keeps a pan from asking per request. */
  versionTtlMs?: number;
  isSample: (p: EventPoint) => boolean;
  now?: () => number;
}

/** A stable key: the same filter written in another key order is the same entry. */
export function filterKey(filter: EventFilter): string {
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(entries);
}

export class PointSets {
  readonly #store: Store;
  readonly #max: number;
  readonly #ttl: number;
  readonly #isSample: (p: EventPoint) => boolean;
  readonly #now: () => number;
  readonly #entries = new Map<string, Promise<PointSet>>();
  #version: string | null = null;
  #versionAt = -Infinity;
  #versionPending: Promise<string> | null = null;

  constructor(store: Store, o: PointSetOptions) {
    this.#store = store;
    this.#max = o.maxEntries ?? 8;
    this.#ttl = o.versionTtlMs ?? 1000;
    this.#isSample = o.isSample;
    this.#now = o.now ?? Date.now;
  }

  /** What changes whenever an event is added or rewritten. */
  async #currentVersion(): Promise<string> {
    if (this.#version !== null && this.#now() - this.#versionAt < this.#ttl) return this.#version;
    this.#versionPending ??= this.#store.stats().then((s) => `${s.events}|${s.reports}|${s.lastIngestAt ?? ''}`)
      .finally(() => { this.#versionPending = null; });
    const v = await this.#versionPending;
    if (v !== this.#version) this.#entries.clear();
    this.#version = v;
    this.#versionAt = this.#now();
    return v;
  }

  async get(filter: EventFilter): Promise<PointSet> {
    await this.#currentVersion();
    const key = filterKey(filter);
    let entry = this.#entries.get(key);
    if (entry) {
      // Most recently used last, so the first key is the one to drop.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry;
    }
    entry = this.#build(filter);
    this.#entries.set(key, entry);
    entry.catch(() => this.#entries.delete(key));
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value!);
    return entry;
  }

  async #build(filter: EventFilter): Promise<PointSet> {
    const points = await this.#store.eventPoints(filter);
    const index = buildIndex(points);
    let facets: Facets | null = null;
    const isSample = this.#isSample;
    return { points, index, facets: () => (facets ??= facetsOf(points, isSample)) };
  }
}
