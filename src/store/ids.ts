// Stable identifiers. Every id is derived from content, so re-running ingestion over the same
// inputs yields the same ids: article ← canonical URL (or content hash), report ← article + record,
// canonical event ← the report it was first created from.

import { createHash } from 'node:crypto';

/** 16 hex digits (64 bits): collision odds stay below 1e-9 up to ~190,000 ids per kind. */
function digest(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 16);
}

/**
 * Hash of the text as read. Whitespace is collapsed and the text put in NFC first: the same article
 * fetched twice often differs only there.
 */
export function contentHash(text: string): string {
  const canon = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return 'sha256:' + createHash('sha256').update(canon).digest('hex');
}

export function articleId(canonicalUrl: string | null, hash: string): string {
  return 'art_' + (canonicalUrl ? digest('url', canonicalUrl) : digest('hash', hash));
}

export function reportId(articleIdValue: string, recordId: string): string {
  return 'rep_' + digest(articleIdValue, recordId);
}

/** The canonical event first created from a report carries that report's digest. */
export function eventIdForReport(reportIdValue: string): string {
  return 'evt_' + reportIdValue.slice('rep_'.length);
}

export function actorId(name: string, nameAr: string): string {
  return 'act_' + digest(name, nameAr);
}

export function placeId(parts: Array<string | number | null>): string {
  return 'plc_' + digest(...parts.map((p) => (p === null ? '' : String(p))));
}

/** ACLED's event_id_cnty: ISO3 of the country and a number; our own id when there is no country. */
export function eventIdCnty(iso3: string | null, num: number, fallback: string): string {
  return iso3 ? `${iso3}${num}` : fallback;
}
