// Canonical forms used to recognise a document already ingested: one for its URL, one for its text.

import { createHash } from 'node:crypto';
import { fold } from '../lang/ar/normalize.js';

// Tracking parameters that change the URL but never the page.
const TRACKING = /^(utm_.*|fbclid|gclid)$/i;

/**
 * The canonical form of an http(s) URL: lower-case scheme and host, default port dropped, fragment
 * dropped, utm_* / fbclid / gclid dropped, the query sorted. Null when it is not an http(s) URL.
 */
export function canonicalUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  // Sort by key then value; keep repeated keys (a=1&a=2 differs from a=1).
  params.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}

/**
 * sha256 (hex) of the text as the Arabic layer matches it — diacritics, letter variants and
 * punctuation folded — with whitespace collapsed, so a re-encoded or re-wrapped copy hashes the same.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(fold(text)).digest('hex');
}
