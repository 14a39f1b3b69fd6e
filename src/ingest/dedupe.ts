// Recognising a document already ingested: by canonical URL or by content hash.

export interface SeenSets {
  urls: Set<string>;
  hashes: Set<string>;
}

export type DuplicateReason = 'url' | 'content';

/**
 * Remembers what was ingested. The sets are injected, so the store can fill them from what it holds
 * and the CLI can share one filter across a batch.
 */
export class DuplicateFilter {
  constructor(private readonly seen: SeenSets = { urls: new Set(), hashes: new Set() }) {}

  /** Why this document is a duplicate, or null when it is new. Does not record it. */
  check(doc: { canonicalUrl: string | null; contentHash: string }): DuplicateReason | null {
    if (doc.canonicalUrl && this.seen.urls.has(doc.canonicalUrl)) return 'url';
    if (this.seen.hashes.has(doc.contentHash)) return 'content';
    return null;
  }

  /** Record a document as ingested. */
  add(doc: { canonicalUrl: string | null; contentHash: string }): void {
    if (doc.canonicalUrl) this.seen.urls.add(doc.canonicalUrl);
    this.seen.hashes.add(doc.contentHash);
  }

  /** Check and record in one step: the reason when it was seen before, null when it is new. */
  admit(doc: { canonicalUrl: string | null; contentHash: string }): DuplicateReason | null {
    const reason = this.check(doc);
    if (!reason) this.add(doc);
    return reason;
  }
}
