// Admin-1 regions during the build: one entry per GeoNames admin-1 key ("LY.72"), fed by Natural
// Earth (polygons, label point, names), iso3166-2-db (Arabic names) and WOF (region rows), and used
// to give every place its admin-1 — by code when the source has one, else by point-in-polygon.

import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { placeKey } from '../keys.js';
import type { SourceName } from './record.js';

export interface AdminRegion {
  /** GeoNames admin-1 key, "LY.72"; "LY.ne-LBY-2345" when Natural Earth has no GeoNames code. */
  code: string;
  cc: string;
  gnId?: string;
  /** Display names. */
  name: string;
  nameAr: string;
  ar: string[];
  latin: string[];
  /** Label point (inside the polygon): the precision-3 target when only the region is named. */
  lat: number;
  lon: number;
  population: number;
  /** The region's Arabic name in iso3166-2-db, which is keyed by the GeoNames code. */
  isoNameAr?: string;
  /** GeoNames' own (Latin) name for the code, from Natural Earth's gn_name. */
  gnName?: string;
  sources: Set<SourceName>;
  altIds: string[];
  geometry?: Polygon | MultiPolygon;
  bbox?: [number, number, number, number];
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export class AdminIndex {
  readonly byCode = new Map<string, AdminRegion>();
  private readonly byGnId = new Map<string, AdminRegion>();

  add(region: AdminRegion): void {
    if (region.geometry && !region.bbox) region.bbox = bboxOf(region.geometry);
    this.byCode.set(region.code, region);
    if (region.gnId) this.byGnId.set(region.gnId, region);
  }

  get(code: string | undefined): AdminRegion | undefined {
    return code ? this.byCode.get(code) : undefined;
  }

  getByGnId(gnId: string | undefined): AdminRegion | undefined {
    return gnId ? this.byGnId.get(gnId) : undefined;
  }

  /** The region whose polygon holds the point, preferring the given country's regions. */
  locate(lat: number, lon: number, cc?: string): AdminRegion | undefined {
    const pt: [number, number] = [lon, lat];
    const inside = (r: AdminRegion) =>
      !!r.geometry && !!r.bbox && lon >= r.bbox[0] && lon <= r.bbox[2] && lat >= r.bbox[1] && lat <= r.bbox[3] &&
      booleanPointInPolygon(pt, r.geometry);
    let fallback: AdminRegion | undefined;
    for (const r of this.byCode.values()) {
      if (!inside(r)) continue;
      if (!cc || r.cc === cc) return r;
      fallback ??= r;
    }
    if (fallback && !cc) return fallback;
    // generalised coastlines leave some coastal points just outside every polygon: take the region
    // with the nearest boundary vertex, within ~0.3° (about 30 km)
    if (cc) {
      const pad = 0.3;
      let best: AdminRegion | undefined;
      let bestD = Infinity;
      for (const r of this.byCode.values()) {
        if (r.cc !== cc || !r.geometry || !r.bbox) continue;
        if (lon < r.bbox[0] - pad || lon > r.bbox[2] + pad || lat < r.bbox[1] - pad || lat > r.bbox[3] + pad) continue;
        const rings = r.geometry.type === 'Polygon' ? r.geometry.coordinates : r.geometry.coordinates.flat();
        for (const ring of rings) {
          for (const [x, y] of ring) {
            const d = (x - lon) ** 2 + (y - lat) ** 2;
            if (d < bestD) {
              bestD = d;
              best = r;
            }
          }
        }
      }
      if (best && bestD <= pad * pad) return best;
    }
    return undefined;
  }

  /** Regions of a country whose names share a key with `name`. */
  findByName(cc: string, name: string): AdminRegion | undefined {
    const key = placeKey(name);
    if (!key) return undefined;
    for (const r of this.byCode.values()) {
      if (r.cc !== cc) continue;
      if ([...r.ar, ...r.latin].some((n) => placeKey(n) === key)) return r;
    }
    return undefined;
  }

  values(): IterableIterator<AdminRegion> {
    return this.byCode.values();
  }
}
