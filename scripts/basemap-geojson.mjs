#!/usr/bin/env node
// Part of `npm run build`: turns the bundled TopoJSON basemap into the three GeoJSON files the
// dashboard draws (land, country borders, admin-1 lines) in web/generated/ (not committed).
// GeoJSON, not TopoJSON, at run time because MapLibre fetches and parses a GeoJSON URL in its
// worker: converting 1.2 MB of TopoJSON on the page's main thread held the first view back ~0.6 s.
//
// Sources: world-atlas countries-50m (Natural Earth 1:50m, public domain) and
// data/basemap/admin1.topo.json (Natural Earth 1:10m admin-1, simplified; see scripts/basemap-admin1.mjs).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const out = join(root, 'web', 'generated');
mkdirSync(out, { recursive: true });

const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
// 1:110m for the first, zoomed-out view: a tenth of the points, drawn in a fraction of the time.
const world110 = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));

const adm = JSON.parse(readFileSync(join(root, 'data', 'basemap', 'admin1.topo.json'), 'utf8'));

// 3 decimals is about 100 m: finer than a pixel up to zoom 9, the closest the basemap is drawn for.
const round = (x) => Math.round(x * 1000) / 1000;
const roundCoords = (c) => (typeof c[0] === 'number' ? [round(c[0]), round(c[1])] : c.map(roundCoords));
const roundGeometry = (g) => ({ ...g, coordinates: roundCoords(g.coordinates) });

// Land as one polygon per country, not world-atlas's single land shape: MapLibre left tiles of the
// one Eurasia-sized polygon unfilled (a sea-coloured rectangle over France at zoom 3).
const landOf = (topo) => ({
  type: 'FeatureCollection',
  features: feature(topo, topo.objects.countries).features
    .map((f) => ({ type: 'Feature', properties: {}, geometry: roundGeometry(f.geometry) })),
});
const countries = landOf(world);
const borders = { type: 'Feature', properties: {}, geometry: roundGeometry(mesh(world, world.objects.countries, (a, b) => a !== b)) };
const countries110 = landOf(world110);
const borders110 = { type: 'Feature', properties: {}, geometry: roundGeometry(mesh(world110, world110.objects.countries, (a, b) => a !== b)) };
// Lines between two units of the same country; country borders come from world-atlas.
const admin1 = { type: 'Feature', properties: {}, geometry: roundGeometry(mesh(adm, adm.objects.admin1, (a, b) => a !== b && a.properties.c === b.properties.c)) };

for (const [name, data] of Object.entries({ countries, borders, admin1, countries110, borders110 })) {
  const text = JSON.stringify(data);
  writeFileSync(join(out, `${name}.geojson`), text);
}
console.log(`basemap: ${out}/{countries,borders,admin1,countries110,borders110}.geojson written`);
