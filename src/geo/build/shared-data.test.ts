// The importers and the build on the real source extracts in /work/shared/data. That directory
// exists on the build machine only; elsewhere these tests are skipped (the shipped gazetteer is
// tested in ../gazetteer.test.ts without it).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distanceKm } from '../distance.js';
import { loadGazetteer } from '../gazetteer.js';
import { placeKey } from '../keys.js';
import type { SourceRecord } from './record.js';
import { importGeoNames } from './geonames.js';
import { buildGazetteer } from './index.js';
import { importOsmPlaces } from './osm-libya.js';

const SHARED = process.env.MARSAD_SOURCES ?? '/work/shared/data';
const present = existsSync(join(SHARED, 'geonames', 'cities500-region.txt'));
if (!present) console.warn(`[geo] ${SHARED} is absent: skipping the tests on the source extracts`);

describe.skipIf(!present)(`source extracts in ${SHARED}`, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reads the GeoNames extract without a malformed row', async () => {
    const records: SourceRecord[] = [];
    const stats = await importGeoNames(join(SHARED, 'geonames', 'cities500-region.txt'), (r) => records.push(r));
    expect(stats).toMatchObject({ rows: 7590, malformed: 0 });
    expect(records.find((r) => r.id === 'gn:2214846')).toMatchObject({ kind: 'city', cc: 'LY', admin1Code: 'LY.72' });
  });

  it('finds the seed towns in the OSM extract', () => {
    const records: SourceRecord[] = [];
    importOsmPlaces(join(SHARED, 'osm-libya', 'libya-places.json'), 'LY', (r) => records.push(r));
    const at = (ar: string) => records.find((r) => r.ar.includes(ar));
    expect(distanceKm(at('أبو قرين')!.lat, at('أبو قرين')!.lon, 31.4497, 15.255)).toBeLessThan(1);
    expect(at('الوشكة')).toBeDefined();
    expect(at('بويرات الحسون')).toBeDefined();
    expect(at('القداحية- زمزم')).toBeDefined();
  });

  it('builds the whole gazetteer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-shared-'));
    dirs.push(dir);
    const out = join(dir, 'gazetteer.tsv.gz');
    const stats = await buildGazetteer({
      from: ['geonames', 'wof', 'osm-libya', 'naturalearth', 'iso3166-2-db'].map((d) => join(SHARED, d)),
      out,
      builtAt: 'test',
    });
    expect(stats.sources.every((s) => s.malformed === 0)).toBe(true);
    expect(stats.places).toBeGreaterThan(60000);
    expect(stats.outBytes).toBeLessThan(15e6);
    expect(stats.curated?.missingTargets).toEqual([]);
    const gaz = loadGazetteer(out, { curated: false });
    expect(gaz.lookup(placeKey('بويرات الحسون'))[0]?.countryCode).toBe('LY');
  }, 120_000);
});
