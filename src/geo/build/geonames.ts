// GeoNames importer, generic over the 19-column `geoname` dump format: cities500/1000/5000/15000,
// a country dump (LY.txt), or allCountries.txt — plain, .gz or .zip, streamed line by line.
//
// Columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
// feature code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code, population,
// elevation, dem, timezone, modification date.

import { forEachLine } from './lines.js';
import { geoNamesKind } from './kinds.js';
import { asciify, isUsefulLatinAlternate, sortNames } from './names.js';
import { isArabicScript } from '../keys.js';
import type { SourceRecord, SourceStats, WarnFn } from './record.js';
import { emptyStats } from './record.js';
import { SETTLEMENT_KINDS } from '../types.js';

export const GEONAMES_COLUMNS = 19;

export interface GeoNamesOptions {
  /** ISO2 codes to keep; others are skipped (counted). Undefined keeps every country. */
  countries?: ReadonlySet<string>;
  onWarn?: WarnFn;
}

export type ParsedRow = { ok: true; record: SourceRecord | null; reason?: string } | { ok: false; error: string };

/**
 * Parse one line. `record` is null when the row is well-formed but not wanted (`reason` says why).
 * Kept: every row with an Arabic name and a mapped kind, and Latin-only populated places of at
 * least 1000 people or admin seats, so English names of towns resolve too.
 */
export function parseGeoNamesLine(line: string, countries?: ReadonlySet<string>): ParsedRow {
  const f = line.split('\t');
  if (f.length !== GEONAMES_COLUMNS) return { ok: false, error: `expected ${GEONAMES_COLUMNS} columns, found ${f.length}` };
  const id = f[0];
  if (!/^\d+$/.test(id)) return { ok: false, error: `geonameid "${id.slice(0, 20)}" is not a number` };
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  if (f[4] === '' || f[5] === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { ok: false, error: `bad coordinates "${f[4]}", "${f[5]}"` };
  }
  const popText = f[14];
  const population = popText === '' ? 0 : Number(popText);
  if (!Number.isFinite(population) || population < 0) return { ok: false, error: `bad population "${popText}"` };
  const cc = f[8].toUpperCase();
  if (countries && !countries.has(cc)) return { ok: true, record: null, reason: 'country' };
  const mapped = geoNamesKind(f[6], f[7], population);
  if (!mapped) return { ok: true, record: null, reason: 'feature code' };

  const name = f[1].trim();
  const { ar, latin } = sortNames([name, f[2], ...(f[3] ? f[3].split(',').filter((n) => isArabicScript(n) || isUsefulLatinAlternate(n)) : [])]);
  const seat = mapped.seat;
  const wanted =
    ar.length > 0 ||
    mapped.kind === 'country' ||
    (SETTLEMENT_KINDS.has(mapped.kind) && (population >= 1000 || seat !== undefined));
  if (!wanted) return { ok: true, record: null, reason: 'no Arabic name, small' };
  if (latin.length === 0 && ar.length === 0) return { ok: true, record: null, reason: 'no usable name' };

  const english = asciify(f[2] || name);
  const record: SourceRecord = {
    source: 'gn',
    id: `gn:${id}`,
    gnId: id,
    kind: mapped.kind,
    name: english || asciify(name),
    ar,
    latin: [english, ...latin.filter((n) => n !== english)].filter((n) => n !== ''),
    lat,
    lon,
    population,
    cc,
    admin1Code: f[10] && f[10] !== '00' ? `${cc}.${f[10]}` : undefined,
    seat,
    coordRank: 2,
  };
  return { ok: true, record };
}

/** Stream a GeoNames file, calling `onRecord` for every kept row. */
export async function importGeoNames(
  file: string,
  onRecord: (r: SourceRecord) => void,
  opts: GeoNamesOptions = {},
): Promise<SourceStats> {
  const stats = emptyStats('gn');
  stats.files.push(file);
  await forEachLine(file, (line, lineNo, member) => {
    if (line === '' || line.startsWith('#')) return;
    stats.rows++;
    const parsed = parseGeoNamesLine(line, opts.countries);
    if (!parsed.ok) {
      stats.malformed++;
      opts.onWarn?.(`${member}:${lineNo}: malformed GeoNames row: ${parsed.error}`);
      return;
    }
    if (!parsed.record) {
      stats.skipped++;
      return;
    }
    stats.kept++;
    onRecord(parsed.record);
  });
  return stats;
}
