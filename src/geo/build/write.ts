// Serialise places to the compiled format (format.ts): the licence and credit header, then one
// record per line, sorted (countries, admin-1, then by country and id: the reader relies on
// countries and admin-1 coming first, and rebuilds diff cleanly), then the sorted index.

import { cleanField, COLUMNS, encodeExtra, type Extra, FORMAT_VERSION, INDEX_MARKER } from '../format.js';
import { cachedPlaceKey, isArabicScript, keyTokens } from '../keys.js';
import { placeKeysOf } from '../name-keys.js';
import type { Place } from '../types.js';
import type { SourceStats } from './record.js';

export const CREDIT_LINES: readonly string[] = [
  'LICENCE: this compiled database contains data derived from OpenStreetMap and is offered under the',
  '  Open Database License 1.0 (ODbL, https://opendatacommons.org/licenses/odbl/1-0/). Attribution below is required.',
  'CREDITS (sources and their licences):',
  '- GeoNames, geonames.org — CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Place names, points,',
  '  populations, feature codes (cities500 extract). Also the origin of most Who\'s On First localities below.',
  '- Contains data from Who\'s On First (whosonfirst.org) — CC0 with credit requested',
  '  (https://whosonfirst.org/docs/licenses/); its GeoNames-derived rows are CC BY 4.0 "GeoNames, geonames.org".',
  '- © OpenStreetMap contributors, ODbL 1.0 — this derived database is offered under the ODbL.',
  '  Libyan places via github.com/mosabsomaer/Libya-cities-dataset-JSON (Overpass API extract).',
  '- Natural Earth (naturalearthdata.com) — public domain. Admin-1 regions: names, label points, polygons (used',
  '  for point-in-polygon, not shipped).',
  '- iso3166-2-db (github.com/esosedi/3166) — MIT. Arabic names of admin-1 regions.',
  '- marsad curated entries (data/gazetteer/curated.json) and country table (data/gazetteer/countries.json);',
  '  each curated entry names where its facts come from.',
];

export interface WriteOptions {
  /** Country place id → adjective keys. */
  adjectives: Map<string, string[]>;
  arabLeague: ReadonlySet<string>;
  builtAt: string;
  sources: SourceStats[];
  curatedCount: number;
  keyOf?: (name: string) => string;
}

const GROUP: Record<string, number> = { country: 0, admin1: 1 };

function fmtCoord(x: number): string {
  return String(Math.round(x * 1e5) / 1e5);
}

export function writeGazetteer(places: Place[], opts: WriteOptions): { text: string; keys: number; maxNameTokens: number } {
  const sorted = [...places].sort(
    (a, b) =>
      (GROUP[a.kind] ?? 2) - (GROUP[b.kind] ?? 2) ||
      (a.countryCode < b.countryCode ? -1 : a.countryCode > b.countryCode ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const lines: string[] = [];
  lines.push(`# ${FORMAT_VERSION} — marsad gazetteer: Arab League countries and neighbours`);
  lines.push(`# built ${opts.builtAt}; ${sorted.length} places; rebuild: node scripts/build-gazetteer.mjs`);
  for (const l of CREDIT_LINES) lines.push(`# ${l}`);
  lines.push('# SOURCE ROWS (read / kept / malformed / skipped):');
  for (const s of opts.sources) {
    const files = s.files.map((f) => f.split('/').slice(-2).join('/')).join(', ');
    lines.push(`#   ${s.source}: ${s.rows} / ${s.kept} / ${s.malformed} / ${s.skipped}  (${files})`);
  }
  if (opts.curatedCount) lines.push(`#   cur: ${opts.curatedCount} curated entries`);
  lines.push('# FORMAT: tab-separated, lists joined with |, extra = k=v pairs joined with ; (seat, capital, alt, old, adj, al, cw);');
  lines.push(`#   after the line "${INDEX_MARKER}": key<TAB>rows and id<TAB>row, a row being the byte offset of its line after the header, sorted by UTF-8 bytes, for binary search`);
  lines.push(`# columns: ${COLUMNS.join('\t')}`);

  const keyOf = opts.keyOf ?? cachedPlaceKey();
  const index = new Map<string, number[]>();
  const offsets: number[] = [];
  let offset = 0; // byte offset of the record line within the records part
  let maxNameTokens = 0;
  sorted.forEach((p) => {
    const names = dedupeLatinByKey(p.names.map(cleanField).filter((n) => n !== ''), keyOf);
    const keys = placeKeysOf(names, p.countryCode, keyOf);
    for (const k of keys) {
      maxNameTokens = Math.max(maxNameTokens, keyTokens(k));
      const list = index.get(k);
      if (list) list.push(offset);
      else index.set(k, [offset]);
    }
    const extra: Extra = {};
    if (p.seat !== undefined) extra.seat = String(p.seat);
    if (p.capitalId) extra.capital = p.capitalId;
    if (p.altIds?.length) extra.alt = p.altIds.join(',');
    if (p.old) extra.old = '1';
    if (p.commonWord !== undefined) extra.cw = p.commonWord ? '1' : '0';
    if (p.kind === 'country') {
      const adj = opts.adjectives.get(p.id);
      if (adj?.length) extra.adj = adj.join(',');
      if (opts.arabLeague.has(p.countryCode)) extra.al = '1';
    }
    const fields: Record<(typeof COLUMNS)[number], string> = {
      id: p.id,
      kind: p.kind,
      name: cleanField(p.name),
      nameAr: cleanField(p.nameAr),
      names: names.join('|'),
      lat: fmtCoord(p.lat),
      lon: fmtCoord(p.lon),
      population: String(Math.round(p.population)),
      cc: p.countryCode,
      country: cleanField(p.country),
      admin1Code: p.admin1Code,
      admin1: cleanField(p.admin1),
      admin1Ar: cleanField(p.admin1Ar),
      admin2: cleanField(p.admin2 ?? ''),
      admin2Ar: cleanField(p.admin2Ar ?? ''),
      source: p.source,
      extra: encodeExtra(extra),
    };
    const line = COLUMNS.map((c) => fields[c]).join('\t');
    lines.push(line);
    offsets.push(offset);
    offset += Buffer.byteLength(line, 'utf8') + 1;
  });
  lines.push(`${INDEX_MARKER}\trows=${sorted.length}\tkeys=${index.size}\tmaxNameTokens=${maxNameTokens}`);
  // the reader bisects with the UTF-8 bytes of key + TAB as the probe, so sort on exactly those
  // bytes (TAB sorts before every character of a key); place ids (which hold ':', never found in
  // a key) share the list
  const keyLines = [...index.entries()].map(([k, rows]) => `${k}\t${rows.join(',')}`);
  sorted.forEach((p, row) => keyLines.push(`${p.id}\t${offsets[row]}`));
  const bytes = new Map(keyLines.map((l) => [l, Buffer.from(l, 'utf8')]));
  keyLines.sort((a, b) => Buffer.compare(bytes.get(a)!, bytes.get(b)!));
  for (const l of keyLines) lines.push(l);
  return { text: `${lines.join('\n')}\n`, keys: index.size, maxNameTokens };
}

/**
 * Latin names that differ only in marks or case (Trípoli, Tripoli) index the same key; keep the
 * first of each. Arabic names are all kept: their spelling matters when shown.
 */
function dedupeLatinByKey(names: string[], keyOf: (n: string) => string): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    if (isArabicScript(n)) return true;
    const k = keyOf(n);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
