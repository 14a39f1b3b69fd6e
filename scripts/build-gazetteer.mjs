#!/usr/bin/env node
// Rebuild data/gazetteer/gazetteer.tsv.gz from the source extracts.
//
//   npm run build && node scripts/build-gazetteer.mjs [--from DIR ...] [--out FILE] [--no-curated]
//
// Without --from it reads the five extracts under $MARSAD_SOURCES (default /work/shared/data):
// geonames/, wof/, osm-libya/, naturalearth/, iso3166-2-db/. Any directory of GeoNames dumps
// (cities500.txt, LY.txt, allCountries.zip...), WOF TSVs or the other formats can be added.
// MARSAD_DIST points at the compiled code (default ./dist).

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.env.MARSAD_DIST ?? join(root, 'dist'));
const entry = join(dist, 'geo', 'build', 'index.js');
if (!existsSync(entry)) {
  console.error(`build-gazetteer: ${entry} not found; run \`npm run build\` first (or set MARSAD_DIST)`);
  process.exit(2);
}
const { buildGazetteer, formatBuildStats } = await import(entry);

const args = process.argv.slice(2);
const from = [];
let out = join(root, 'data', 'gazetteer', 'gazetteer.tsv.gz');
let curated;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--from') {
    while (args[i + 1] && !args[i + 1].startsWith('--')) from.push(args[++i]);
  } else if (a === '--out') out = args[++i];
  else if (a === '--no-curated') curated = false;
  else if (a === '--curated') curated = args[++i];
  else {
    console.error(`build-gazetteer: unknown argument ${a}`);
    process.exit(2);
  }
}
if (from.length === 0) {
  const base = process.env.MARSAD_SOURCES ?? '/work/shared/data';
  for (const d of ['geonames', 'wof', 'osm-libya', 'naturalearth', 'iso3166-2-db']) from.push(join(base, d));
}

const warnings = [];
const stats = await buildGazetteer({ from, out, curated, onWarn: (m) => warnings.push(m) });
console.log(formatBuildStats(stats));
if (warnings.length) {
  console.log(`${warnings.length} warning(s); first ${Math.min(20, warnings.length)}:`);
  for (const w of warnings.slice(0, 20)) console.log(`  ${w}`);
}
