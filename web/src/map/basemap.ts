// The bundled basemap: land and country borders from world-atlas (Natural Earth 1:50m) and
// first-level boundaries from data/basemap/admin1.topo.json (Natural Earth 1:10m, simplified),
// turned into GeoJSON files at build time (scripts/basemap-geojson.mjs) and served by this server:
// no tile server, no internet.

import type { FeatureCollection, Feature, Geometry, MultiLineString } from 'geojson';
import admin1Url from '../../generated/admin1.geojson?url';
import bordersUrl from '../../generated/borders.geojson?url';
import landUrl from '../../generated/countries.geojson?url';
import borders110Url from '../../generated/borders110.geojson?url';
import land110Url from '../../generated/countries110.geojson?url';

/** Absolute URLs: MapLibre fetches them from its worker, which has no page to resolve against. */
const abs = (u: string) => new URL(u, window.location.href).href;
export const BASEMAP_URLS = {
  land: abs(landUrl), borders: abs(bordersUrl), admin1: abs(admin1Url), land110: abs(land110Url), borders110: abs(borders110Url),
};
/** Below this zoom the 1:110m shapes are drawn, above it the 1:50m ones. */
export const DETAIL_ZOOM = 4;

export interface Basemap {
  land: FeatureCollection<Geometry>;
  borders: Feature<MultiLineString>;
  admin1: Feature<MultiLineString>;
}

let pending: Promise<Basemap> | null = null;

async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`basemap ${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** The basemap as objects, for the canvas map (MapLibre reads the URLs itself). */
export function loadBasemap(): Promise<Basemap> {
  pending ??= Promise.all([
    json<FeatureCollection<Geometry>>(BASEMAP_URLS.land),
    json<Feature<MultiLineString>>(BASEMAP_URLS.borders),
    json<Feature<MultiLineString>>(BASEMAP_URLS.admin1),
  ]).then(([land, borders, admin1]) => ({ land, borders, admin1 }));
  return pending;
}

export const BASEMAP_ATTRIBUTION = 'Natural Earth';
