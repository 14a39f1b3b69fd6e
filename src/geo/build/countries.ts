// Countries: marsad's own table (data/gazetteer/countries.json: Arabic and English names, nationality
// adjectives, Arab League membership), joined with iso3166-2-db (Arabic name, GeoNames id) and
// Natural Earth (centroid from the admin-1 polygons).

import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { placeKey } from '../keys.js';
import type { AdminIndex } from './admin.js';
import type { IsoCountry } from './iso-regions.js';

export interface CountryEntry {
  code: string;
  name: string;
  /** Names, Arabic first: ليبيا, دولة ليبيا, Libya... */
  names: string[];
  /** Arabic nationality adjectives as masculine singular stems ending in ي: ليبي. */
  adjectives?: string[];
  /** English adjectives and demonyms: Libyan, Libyans. */
  adjectivesEn?: string[];
  arabLeague?: boolean;
  /** Approximate centre, for countries outside the polygon data. */
  lat?: number;
  lon?: number;
}

export interface CountriesFile {
  about?: string;
  source?: string;
  countries: CountryEntry[];
}

export function loadCountriesFile(path: string): CountriesFile {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as CountriesFile;
  if (!doc || !Array.isArray(doc.countries)) throw new Error(`${path}: expected {countries:[...]}`);
  for (const c of doc.countries) {
    if (!/^[A-Z]{2}$/.test(c.code) || !c.name || !Array.isArray(c.names)) throw new Error(`${path}: bad country entry ${JSON.stringify(c).slice(0, 80)}`);
  }
  return doc;
}

/** Every form of an Arabic nationality adjective stem: ليبي → ليبي ليبية ليبيون ليبيين ليبيات. */
export function adjectiveForms(stem: string): string[] {
  const s = stem.trim();
  if (!s.endsWith('ي')) return [s];
  return [s, `${s}ة`, `${s}ون`, `${s}ين`, `${s}ات`];
}

/** Keys of a country's adjectives (Arabic forms and English). */
export function adjectiveKeys(c: CountryEntry): string[] {
  const out: string[] = [];
  for (const a of [...(c.adjectives ?? []).flatMap(adjectiveForms), ...(c.adjectivesEn ?? [])]) {
    const k = placeKey(a);
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

function ringAreaCentroid(ring: number[][]): { a: number; x: number; y: number } {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    const f = x0 * y1 - x1 * y0;
    a += f;
    x += (x0 + x1) * f;
    y += (y0 + y1) * f;
  }
  return { a: a / 2, x, y };
}

/**
 * Area-weighted centroid of a country's admin-1 polygons; when that point falls outside the country
 * (crescent shapes), the label point of its largest region instead.
 */
export function countryCentroid(admins: AdminIndex, cc: string): { lat: number; lon: number } | undefined {
  let A = 0, X = 0, Y = 0;
  let largest: { a: number; lat: number; lon: number } | undefined;
  const geoms: Array<Polygon | MultiPolygon> = [];
  for (const r of admins.values()) {
    if (r.cc !== cc || !r.geometry) continue;
    geoms.push(r.geometry);
    const polys = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
    let ra = 0;
    for (const poly of polys) {
      poly.forEach((ring, k) => {
        const c = ringAreaCentroid(ring);
        const sign = k === 0 ? 1 : -1; // holes subtract
        const area = Math.abs(c.a) * sign;
        ra += area;
        A += area;
        if (c.a !== 0) {
          X += (c.x / (6 * c.a)) * area;
          Y += (c.y / (6 * c.a)) * area;
        }
      });
    }
    if (!largest || ra > largest.a) largest = { a: ra, lat: r.lat, lon: r.lon };
  }
  if (A <= 0 || !largest) return undefined;
  const lon = X / A;
  const lat = Y / A;
  const inside = geoms.some((g) => booleanPointInPolygon([lon, lat], g));
  return inside ? { lat: Math.round(lat * 1e4) / 1e4, lon: Math.round(lon * 1e4) / 1e4 } : { lat: largest.lat, lon: largest.lon };
}

export function isoCountryMap(list: IsoCountry[]): Map<string, IsoCountry> {
  return new Map(list.map((c) => [c.cc, c]));
}
