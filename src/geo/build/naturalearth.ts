// Natural Earth admin-1 importer (GeoJSON FeatureCollection): polygons for point-in-polygon, the
// label point as the region's centroid, English and Arabic names, and the GeoNames admin-1 key
// (`gn_a1_code`, "LY.72") that joins it with GeoNames and WOF rows.

import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AdminRegion } from './admin.js';
import { asciify, NOT_REGIONS, sortNames, splitParenthesised } from './names.js';
import type { SourceStats, WarnFn } from './record.js';
import { emptyStats } from './record.js';

interface NeFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: Polygon | MultiPolygon | null;
}

/** True when a parsed JSON document is a FeatureCollection of Natural Earth admin-1 features. */
export function isNaturalEarthAdmin1(doc: unknown): doc is { type: 'FeatureCollection'; features: NeFeature[] } {
  if (!doc || typeof doc !== 'object') return false;
  const d = doc as { type?: unknown; features?: unknown };
  if (d.type !== 'FeatureCollection' || !Array.isArray(d.features) || d.features.length === 0) return false;
  const p = (d.features[0] as NeFeature).properties;
  return !!p && 'gn_a1_code' in p && 'iso_a2' in p;
}

// English labels that name a direction rather than the region; the local name is used instead.
const GENERIC_EN = new Set(['north', 'south', 'northern', 'southern', 'central', 'center', 'centre', 'east', 'west', 'eastern', 'western']);

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function importNaturalEarth(
  file: string,
  onRegion: (r: AdminRegion) => void,
  opts: { countries?: ReadonlySet<string>; onWarn?: WarnFn; doc?: unknown } = {},
): SourceStats {
  const stats = emptyStats('ne');
  stats.files.push(file);
  const doc = opts.doc ?? (JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!isNaturalEarthAdmin1(doc)) throw new Error(`${file}: not a Natural Earth admin-1 FeatureCollection`);
  const usedEnglish = new Set<string>();
  doc.features.forEach((f, i) => {
    stats.rows++;
    const p = f.properties ?? {};
    const bad = (why: string) => {
      stats.malformed++;
      opts.onWarn?.(`${file}: features[${i}]: malformed admin-1 feature: ${why}`);
    };
    const cc = str(p.iso_a2).toUpperCase();
    if (!/^[A-Z]{2}$/.test(cc)) return bad(`bad iso_a2 "${cc}"`);
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) return bad('no polygon geometry');
    const lat = Number(p.latitude);
    const lon = Number(p.longitude);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return bad('bad label point');
    const rawName = str(p.name);
    if (opts.countries && !opts.countries.has(cc)) {
      stats.skipped++;
      return;
    }
    if (NOT_REGIONS.test(rawName)) {
      stats.skipped++;
      return;
    }
    const gnCode = str(p.gn_a1_code);
    const code = /^[A-Z]{2}\.[A-Z0-9]+$/.test(gnCode) ? gnCode : `${cc}.ne-${str(p.adm1_code) || i}`;
    // gn_name is added later (nameAdminRegion), after checking it against these names
    const latinRaw = [rawName, str(p.name_en), str(p.woe_name), ...str(p.name_alt).split('|')]
      .flatMap(splitParenthesised)
      .map((s) => s.trim());
    const { ar, latin } = sortNames([str(p.name_ar), ...latinRaw]);
    if (ar.length === 0 && latin.length === 0) return bad('no name');
    const en = str(p.name_en);
    const countryEn = `${cc}:${en.toLowerCase()}`;
    const english = en && !GENERIC_EN.has(en.toLowerCase()) && !usedEnglish.has(countryEn) ? en : splitParenthesised(rawName)[0];
    usedEnglish.add(`${cc}:${english.toLowerCase()}`);
    const gnId = Number(p.gn_id);
    stats.kept++;
    onRegion({
      code,
      cc,
      gnId: Number.isInteger(gnId) && gnId > 0 ? String(gnId) : undefined,
      name: asciify(english),
      nameAr: ar[0] ?? '',
      ar,
      latin,
      lat,
      lon,
      population: 0,
      gnName: str(p.gn_name) || undefined,
      sources: new Set(['ne']),
      altIds: [`ne:${str(p.adm1_code) || code}`],
      geometry: f.geometry,
    });
  });
  return stats;
}
