// Publication dates as YYYY-MM-DD, from the spellings that meta tags, feeds and URLs use.
//
// The date is the one the publisher wrote, in its own time zone: "2016-11-04T23:30:00-05:00" is
// 2016-11-04, not the UTC day after, because the article's relative dates ("yesterday") count from it.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date string from a meta tag, JSON-LD or a feed as YYYY-MM-DD; null when it is not a date. */
export function toIsoDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim().slice(0, 100);
  // ISO 8601 and its relatives: 2016-11-04, 2016-11-04T10:00:00+03:00, 2016/11/04, 20161104
  let m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  // RFC 822 as RSS uses it: "Fri, 04 Nov 2016 10:00:00 +0300", also "4 November 2016"
  m = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})\b/i.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) return ymd(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  // "November 4, 2016"
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(s);
  if (m && MONTHS[m[1].toLowerCase()]) return ymd(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

/** A date written in a URL path: /2016/11/04/, /2016-11-04/ or /20161104/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?:\/|$|[-_.])/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?:$|[/_.-])/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:\/|$)/.exec(path);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return null;
}
