// Who's On First importer: the flattened per-country TSVs (header line, '|'-separated lists).
// Columns are found by header name, so added or reordered columns do not break it.

import { forEachLine } from './lines.js';
import { wofKind } from './kinds.js';
import { asciify, isUsefulLatinAlternate, sortNames, splitParenthesised } from './names.js';
import type { SourceRecord, SourceStats, WarnFn } from './record.js';
import { emptyStats } from './record.js';
import { SETTLEMENT_KINDS } from '../types.js';
import { isLatinScript } from '../keys.js';

export const WOF_REQUIRED = ['wof_id', 'placetype', 'name', 'latitude', 'longitude', 'country'] as const;

// Arabic-script names in other languages: only untagged ones (mostly Arabic from GeoNames) are
// kept. Persian, Kurdish and Urdu forms are left out so they are not taken for Arabic.
const KEEP_OTHER_SCRIPT_PREFIX = 'und:';

export interface WofOptions {
  countries?: ReadonlySet<string>;
  onWarn?: WarnFn;
}

/** True when the first line of a file is a WOF header. */
export function isWofHeader(line: string): boolean {
  const cols = line.split('\t');
  return WOF_REQUIRED.every((c) => cols.includes(c));
}

export async function importWof(file: string, onRecord: (r: SourceRecord) => void, opts: WofOptions = {}): Promise<SourceStats> {
  const stats = emptyStats('wof');
  stats.files.push(file);
  let header: string[] | null = null;
  let col: Record<string, number> = {};
  await forEachLine(file, (line, lineNo, member) => {
    if (line === '') return;
    if (!header) {
      if (!isWofHeader(line)) throw new Error(`${member}: not a WOF TSV (no wof_id/placetype/name header)`);
      header = line.split('\t');
      col = Object.fromEntries(header.map((h, i) => [h, i]));
      return;
    }
    stats.rows++;
    const f = line.split('\t');
    const get = (name: string) => (col[name] === undefined ? '' : (f[col[name]] ?? ''));
    const bad = (why: string) => {
      stats.malformed++;
      opts.onWarn?.(`${member}:${lineNo}: malformed WOF row: ${why}`);
    };
    if (f.length !== header.length) return bad(`expected ${header.length} columns, found ${f.length}`);
    const id = get('wof_id');
    if (!/^\d+$/.test(id)) return bad(`wof_id "${id.slice(0, 20)}" is not a number`);
    const lat = Number(get('latitude'));
    const lon = Number(get('longitude'));
    if (get('latitude') === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return bad('bad coordinates');
    }
    const popText = get('population');
    const population = popText === '' ? 0 : Number(popText);
    if (!Number.isFinite(population) || population < 0) return bad(`bad population "${popText}"`);
    const cc = get('country').toUpperCase();
    if (!/^[A-Z]{2}$/.test(cc)) return bad(`bad country "${cc}"`);
    if (opts.countries && !opts.countries.has(cc)) {
      stats.skipped++;
      return;
    }
    const placetype = get('placetype');
    const gnCode = get('gn_feature_code');
    const mapped = wofKind(placetype, gnCode, population);
    if (!mapped) {
      stats.skipped++;
      return;
    }
    const arRaw = get('name_ar').split('|');
    for (const o of get('names_ar_script_other').split('|')) {
      if (o.startsWith(KEEP_OTHER_SCRIPT_PREFIX)) arRaw.push(o.slice(KEEP_OTHER_SCRIPT_PREFIX.length));
    }
    const name = get('name').trim();
    const latinRaw = [name, ...get('names_latin').split('|').filter(isUsefulLatinAlternate)].flatMap(splitParenthesised);
    const { ar, latin } = sortNames([...arRaw, ...latinRaw]);
    const seat = mapped.seat;
    const isAdmin = mapped.kind === 'admin1' || mapped.kind === 'admin2' || mapped.kind === 'admin3';
    const wanted = ar.length > 0 || isAdmin || (SETTLEMENT_KINDS.has(mapped.kind) && (population >= 1000 || seat !== undefined));
    if (!wanted || (ar.length === 0 && latin.length === 0)) {
      stats.skipped++;
      return;
    }
    const gnId = get('geonames_id');
    const a1 = get('gn_admin1_code');
    // WOF's default name is sometimes Arabic (Cairo is القاهرة): then the record has no English name
    // of its own and the merger takes GeoNames'
    const english = isLatinScript(name) ? asciify(name) : '';
    const current = get('is_current');
    stats.kept++;
    onRecord({
      source: 'wof',
      id: `wof:${id}`,
      gnId: /^\d+$/.test(gnId) ? gnId : undefined,
      kind: mapped.kind,
      name: english,
      ar,
      latin: [english, ...latin.filter((n) => n !== english)].filter((n) => n !== ''),
      lat,
      lon,
      population,
      cc,
      admin1Code: a1 && a1 !== '00' ? `${cc}.${a1}` : undefined,
      regionName: get('region') || undefined,
      admin2: placetype === 'county' ? undefined : asciify(get('county')) || undefined,
      admin2Ar: placetype === 'county' ? undefined : get('county_ar') || undefined,
      seat,
      current: current === '0' ? false : undefined,
      // WOF localities are mostly GeoNames points; county/region points are label centroids
      coordRank: 1,
    });
  });
  return stats;
}
