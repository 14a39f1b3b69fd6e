// The compiled gazetteer file: gzip'd UTF-8 in three parts.
//   1. `#` comment lines: sources, licences, credits, build stats, the column list.
//   2. One tab-separated record per line (COLUMNS), countries first, then admin-1 regions, then the
//      rest. Lists inside a column are '|'-joined; `extra` holds optional `k=v` pairs joined with ';'.
//   3. The line `#index<TAB>rows=N<TAB>keys=N<TAB>maxNameTokens=N`, then the index: one line per
//      name key, `key<TAB>row,row,...`, and one per place id, `id<TAB>row` (ids hold ':', keys
//      never do), a row being the byte offset of its record line from the start of part 2,
//      sorted by UTF-8 bytes with the tab as sentinel, so a lookup is a binary search over the
//      lines' bytes. Loading builds no hash map and decodes no record: a Map of the 170k keys
//      alone took 230 ms, and decoding all records 75 ms, against a 300 ms budget.
// The writer (build/write.ts) and the reader (gazetteer.ts) share these definitions.

export const FORMAT_VERSION = 'marsad-gazetteer/1';

export const COLUMNS = [
  'id',
  'kind',
  'name',
  'nameAr',
  'names',
  'lat',
  'lon',
  'population',
  'cc',
  'country',
  'admin1Code',
  'admin1',
  'admin1Ar',
  'admin2',
  'admin2Ar',
  'source',
  'extra',
] as const;

/** The line that starts the index part. */
export const INDEX_MARKER = '#index';

export type Column = (typeof COLUMNS)[number];

export const COL: { readonly [K in Column]: number } = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as {
  [K in Column]: number;
};

/** Extra fields: seat, capital, alt (ids, ','), old, adj (country adjective keys, ','), al (Arab League). Values never hold ';' or '='. */
export type Extra = Record<string, string>;

export function encodeExtra(extra: Extra): string {
  return Object.entries(extra)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

export function decodeExtra(s: string): Extra {
  const out: Extra = {};
  if (s === '') return out;
  for (const part of s.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** Make a string safe inside a column or a '|' list (no tabs, newlines or pipes). */
export function cleanField(s: string): string {
  return s.replace(/[\t\r\n|]+/g, ' ').replace(/\s+/g, ' ').trim();
}
