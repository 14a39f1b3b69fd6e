// iso3166-2-db importer (i18n/ar.json of the npm package, filtered): Arabic names of countries and
// of admin-1 regions keyed by GeoNames admin-1 code (`admin`), plus the countries' GeoNames ids.

import { readFileSync } from 'node:fs';
import type { SourceStats, WarnFn } from './record.js';
import { emptyStats } from './record.js';

export interface IsoRegion {
  /** GeoNames admin-1 key "SY.08". */
  code: string;
  cc: string;
  nameAr: string;
  gnId?: string;
  iso?: string;
}

export interface IsoCountry {
  cc: string;
  nameAr: string;
  gnId?: string;
}

interface IsoDocCountry {
  iso?: unknown;
  name?: unknown;
  reference?: { geonames?: unknown };
  regions?: Array<{ name?: unknown; iso?: unknown; admin?: unknown; fips?: unknown; reference?: { geonames?: unknown } }>;
}

/** True when a parsed JSON document is a {CC: {iso, regions:[...]}} map. */
export function isIsoRegionsDoc(doc: unknown): doc is Record<string, IsoDocCountry> {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const entries = Object.entries(doc as Record<string, unknown>);
  if (entries.length === 0) return false;
  return entries.every(([k, v]) => /^[A-Z]{2}$/.test(k) && !!v && typeof v === 'object' && Array.isArray((v as IsoDocCountry).regions));
}

export function importIsoRegions(
  file: string,
  opts: { countries?: ReadonlySet<string>; onWarn?: WarnFn; doc?: unknown } = {},
): { stats: SourceStats; countries: IsoCountry[]; regions: IsoRegion[] } {
  const stats = emptyStats('iso');
  stats.files.push(file);
  const doc = opts.doc ?? (JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!isIsoRegionsDoc(doc)) throw new Error(`${file}: not an iso3166-2-db regions document`);
  const countries: IsoCountry[] = [];
  const regions: IsoRegion[] = [];
  for (const [cc, c] of Object.entries(doc)) {
    if (opts.countries && !opts.countries.has(cc)) continue;
    const cgn = Number(c.reference?.geonames);
    countries.push({
      cc,
      nameAr: typeof c.name === 'string' ? c.name : '',
      gnId: Number.isInteger(cgn) && cgn > 0 ? String(cgn) : undefined,
    });
    (c.regions ?? []).forEach((r, i) => {
      stats.rows++;
      const admin = typeof r.admin === 'string' ? r.admin : typeof r.fips === 'string' ? r.fips : '';
      const name = typeof r.name === 'string' ? r.name.trim() : '';
      if (!admin || !name) {
        stats.malformed++;
        opts.onWarn?.(`${file}: ${cc}.regions[${i}]: missing name or admin code`);
        return;
      }
      const gn = Number(r.reference?.geonames);
      stats.kept++;
      regions.push({
        code: `${cc}.${admin}`,
        cc,
        nameAr: name,
        gnId: Number.isInteger(gn) && gn > 0 ? String(gn) : undefined,
        iso: typeof r.iso === 'string' ? r.iso : undefined,
      });
    });
  }
  return { stats, countries, regions };
}
