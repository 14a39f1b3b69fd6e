// OpenStreetMap-derived Libyan places (mosabsomaer/Libya-cities-dataset-JSON):
// {metadata, data:[{id, type, name:[{ar, en, fr, ...}], latitude, longitude}]}.
//
// The dataset's `id` restarts for each place type (cities 1..40, towns 1..158...), so the record id
// is `osm:ly-<type>-<id>`. It is the dataset's number, not an OpenStreetMap node id.

import { readFileSync } from 'node:fs';
import { osmKind } from './kinds.js';
import { asciify, sortNames } from './names.js';
import type { SourceRecord, SourceStats, WarnFn } from './record.js';
import { emptyStats } from './record.js';

export interface OsmPlacesDoc {
  metadata?: unknown;
  data: Array<{ id?: unknown; type?: unknown; name?: unknown; latitude?: unknown; longitude?: unknown }>;
}

/** True when a parsed JSON document has the shape of this dataset. */
export function isOsmPlacesDoc(doc: unknown): doc is OsmPlacesDoc {
  if (!doc || typeof doc !== 'object' || !Array.isArray((doc as OsmPlacesDoc).data)) return false;
  const first = (doc as OsmPlacesDoc).data[0];
  return !!first && typeof first === 'object' && 'latitude' in first && 'name' in first && 'type' in first;
}

// Language tags whose values are Arabic (not Persian/Urdu, which share the script).
const ARABIC_LANGS = new Set(['ar', 'arz', 'ary', 'arq', 'apc', 'acm', 'aeb', 'ayl']);

export function importOsmPlaces(
  file: string,
  country: string,
  onRecord: (r: SourceRecord) => void,
  opts: { onWarn?: WarnFn; doc?: OsmPlacesDoc } = {},
): SourceStats {
  const stats = emptyStats('osm');
  stats.files.push(file);
  const doc = opts.doc ?? (JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!isOsmPlacesDoc(doc)) throw new Error(`${file}: not an OSM places document ({data:[{id,type,name,latitude,longitude}]})`);
  doc.data.forEach((row, i) => {
    stats.rows++;
    const bad = (why: string) => {
      stats.malformed++;
      opts.onWarn?.(`${file}: data[${i}]: malformed OSM place: ${why}`);
    };
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (typeof row.latitude !== 'number' || typeof row.longitude !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return bad('bad coordinates');
    }
    if (typeof row.type !== 'string' || (typeof row.id !== 'number' && typeof row.id !== 'string')) return bad('missing id or type');
    const kind = osmKind(row.type);
    if (!kind) {
      stats.skipped++;
      return;
    }
    const names = Array.isArray(row.name) ? (row.name[0] as Record<string, unknown> | undefined) : undefined;
    if (!names || typeof names !== 'object') return bad('missing name');
    const arRaw: string[] = [];
    const otherRaw: string[] = [];
    for (const [lang, v] of Object.entries(names)) {
      if (typeof v !== 'string') continue;
      if (ARABIC_LANGS.has(lang)) arRaw.push(v);
      else otherRaw.push(v);
    }
    const en = typeof names.en === 'string' ? names.en : '';
    // other languages' names in Arabic script (fa, ur, azb...) are dropped by asking only for Latin
    const { latin } = sortNames([en, ...otherRaw]);
    const { ar } = sortNames(arRaw);
    if (ar.length === 0 && latin.length === 0) {
      stats.skipped++;
      return;
    }
    const english = asciify(en || latin[0] || '');
    stats.kept++;
    onRecord({
      source: 'osm',
      id: `osm:${country.toLowerCase()}-${row.type}-${String(row.id)}`,
      kind,
      name: english,
      ar,
      latin: [english, ...latin.filter((n) => n !== english)].filter((n) => n !== ''),
      lat,
      lon,
      population: 0,
      cc: country,
      // OSM place nodes are surveyed points: trusted over GeoNames' rounded coordinates
      coordRank: 3,
    });
  });
  return stats;
}
