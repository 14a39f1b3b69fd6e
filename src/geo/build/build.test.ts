import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer } from '../gazetteer.js';
import { placeKey } from '../keys.js';
import { buildGazetteer, type BuildStats, detectSource, formatBuildStats } from './index.js';
import { parseGeoNamesLine } from './geonames.js';
import { geoNamesKind, wofKind } from './kinds.js';
import { rankArabicNames, shortAdminName } from './names.js';

const FIX = join(dirname(fileURLToPath(import.meta.url)), '__fixtures__');
const SOURCES = ['geonames', 'wof', 'osm-libya', 'naturalearth', 'iso3166-2-db'].map((d) => join(FIX, d));

describe('GeoNames rows', () => {
  const row = (cols: Array<string | number>) => cols.join('\t');
  const misrata = row([2214846, 'Mişrātah', 'Misratah', 'Misurata,مصراتة', 32.37535, 15.09254, 'P', 'PPLA', 'LY', '', '72', '', '', '', 386120, '', 10, 'Africa/Tripoli', '2023-01-01']);

  it('reads the 19 columns into a record', () => {
    const r = parseGeoNamesLine(misrata);
    expect(r.ok && r.record).toMatchObject({ id: 'gn:2214846', kind: 'city', seat: 1, cc: 'LY', admin1Code: 'LY.72', population: 386120, name: 'Misratah' });
    expect(r.ok && r.record?.ar).toEqual(['مصراتة']);
  });

  it('reports a wrong column count or a bad number as malformed', () => {
    expect(parseGeoNamesLine('1\t2\t3')).toMatchObject({ ok: false });
    expect(parseGeoNamesLine(misrata.replace('32.37535', 'north'))).toMatchObject({ ok: false });
  });

  it('skips other countries and unwanted feature codes, with the reason', () => {
    expect(parseGeoNamesLine(misrata, new Set(['SY']))).toEqual({ ok: true, record: null, reason: 'country' });
    expect(parseGeoNamesLine(misrata.replace('\tPPLA\t', '\tSCH\t').replace('\tP\t', '\tS\t'))).toMatchObject({ ok: true, record: null });
  });
});

describe('kind mapping', () => {
  it('maps GeoNames feature codes', () => {
    expect(geoNamesKind('P', 'PPLC', 1e6)).toEqual({ kind: 'capital', seat: 0 });
    expect(geoNamesKind('P', 'PPLA2', 800)).toEqual({ kind: 'town', seat: 2 });
    expect(geoNamesKind('P', 'PPL', 150000)?.kind).toBe('city');
    expect(geoNamesKind('P', 'PPL', 0)?.kind).toBe('village');
    expect(geoNamesKind('P', 'PPLX', 0)?.kind).toBe('district');
    expect(geoNamesKind('A', 'ADM1', 0)?.kind).toBe('admin1');
    expect(geoNamesKind('A', 'PCLI', 0)?.kind).toBe('country');
    expect(geoNamesKind('S', 'CMPRF', 0)?.kind).toBe('camp');
    expect(geoNamesKind('S', 'SCH', 0)).toBeNull();
  });

  it('maps WOF placetypes', () => {
    expect(wofKind('neighbourhood', '', 0)?.kind).toBe('district');
    expect(wofKind('county', '', 0)?.kind).toBe('admin2');
    expect(wofKind('locality', 'PPLA', 0)?.kind).toBe('city');
  });
});

describe('names', () => {
  it('strips admin words for the short form of a region name', () => {
    expect(shortAdminName('محافظة إدلب')).toBe('إدلب');
    expect(shortAdminName('Idlib Governorate')).toBe('Idlib');
    expect(shortAdminName('Gouvernorat de Tunis')).toBe('Tunis');
    expect(shortAdminName('حلب')).toBeNull();
  });

  it('puts the spelling written most often first, with its article and ta marbuta', () => {
    expect(rankArabicNames(['أنفا', 'الدار البيضاء', 'الدارالبيضاء', 'دار البيضاء'])[0]).toBe('الدار البيضاء');
    expect(rankArabicNames(['رياض', 'الرياض'])[0]).toBe('الرياض');
    expect(rankArabicNames(['کهریز', 'كهريز'])[0]).toBe('كهريز'); // Arabic letters over Persian ones
  });
});

describe('source detection', () => {
  it('recognises each source by its files', () => {
    expect(detectSource(join(FIX, 'geonames', 'cities-test.txt')).kind).toBe('geonames');
    expect(detectSource(join(FIX, 'wof', 'SY.tsv')).kind).toBe('wof');
    expect(detectSource(join(FIX, 'osm-libya', 'libya-places.json')).kind).toBe('osm');
    expect(detectSource(join(FIX, 'naturalearth', 'admin1.geojson')).kind).toBe('naturalearth');
    expect(detectSource(join(FIX, 'iso3166-2-db', 'ar-regions.json')).kind).toBe('iso');
    expect(detectSource(join(FIX, 'countries.json')).kind).toBe('ignore');
  });
});

describe('buildGazetteer on fixture files', () => {
  let dir: string;
  let stats: BuildStats;
  let gaz: Gazetteer;
  const warnings: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marsad-gaz-'));
    stats = await buildGazetteer({
      from: SOURCES,
      out: join(dir, 'gazetteer.tsv.gz'),
      countriesFile: join(FIX, 'countries.json'),
      curated: join(FIX, 'curated.json'),
      builtAt: 'test',
      onWarn: (m) => warnings.push(m),
    });
    gaz = loadGazetteer(join(dir, 'gazetteer.tsv.gz'), { curated: false, commonWords: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts rows read, kept and malformed per source', () => {
    const by = (source: string, file: string) => stats.sources.find((s) => s.source === source && s.files[0].endsWith(file));
    expect(by('gn', 'cities-test.txt')).toMatchObject({ rows: 10, kept: 5, malformed: 2, skipped: 3 });
    expect(by('wof', 'SY.tsv')).toMatchObject({ rows: 6, kept: 4, malformed: 1, skipped: 1 });
    expect(by('wof', 'LB.tsv')).toMatchObject({ rows: 1, kept: 1, malformed: 0 });
    expect(by('osm', 'libya-places.json')).toMatchObject({ rows: 7, kept: 5, malformed: 1, skipped: 1 });
    expect(by('ne', 'admin1.geojson')).toMatchObject({ rows: 7, kept: 6, skipped: 1 });
    expect(by('iso', 'ar-regions.json')).toMatchObject({ rows: 7, kept: 6, malformed: 1 });
    expect(warnings.some((w) => /cities-test\.txt:7: malformed GeoNames row/.test(w))).toBe(true);
  });

  it('merges records of one place and keeps the best point', () => {
    const misrata = gaz.get('gn:2214846')!;
    expect(misrata.source).toBe('gn+osm');
    expect(misrata.altIds).toContain('osm:ly-city-39');
    expect(misrata.lat).toBeCloseTo(32.37459, 4); // OSM's point wins over GeoNames'
    expect(misrata.population).toBe(386120);
    expect(misrata.names).toEqual(expect.arrayContaining(['مصراتة', 'مصراته', 'Misrata', 'Misurata']));
    expect(misrata.names.indexOf('مصراتة')).toBeLessThan(misrata.names.indexOf('Misrata'));
    expect(gaz.lookup(placeKey('مصراتة')).filter((p) => p.kind === 'city')).toHaveLength(1);

    const tripoliLb = gaz.get('gn:266826')!;
    expect(tripoliLb).toMatchObject({ source: 'gn+wof', admin1Code: 'LB.09', admin2: 'Tripoli', admin2Ar: 'قضاء طرابلس', countryCode: 'LB', country: 'Lebanon' });
    expect(tripoliLb.names).toContain('اطرابلس'); // an untagged (und:) Arabic-script name
    expect(stats.merged).toBe(2);
  });

  it('assigns admin-1 by code, by WOF region name and by point-in-polygon', () => {
    expect(gaz.get('gn:2210554')).toMatchObject({ admin1Code: 'LY.76', admin1: 'Sirte', admin1Ar: 'سرت' });
    expect(gaz.get('gn:170592')).toMatchObject({ admin1Code: 'SY.08', admin1Ar: 'ريف دمشق', admin2Ar: 'منطقة دوما' });
    expect(gaz.get('osm:ly-town-27')).toMatchObject({ admin1Code: 'LY.72', admin1: 'Misrata', admin1Ar: 'مصراتة' });
    // by code: 5 GeoNames rows and 2 WOF rows; by polygon: the 4 OSM places (one later dropped as small)
    expect(stats.admin1By).toEqual({ code: 7, region: 1, polygon: 4 });
  });

  it('assembles admin-1 regions from Natural Earth, iso3166 and WOF, and skips non-regions', () => {
    const rif = gaz.get('gn:170652')!;
    expect(rif).toMatchObject({ kind: 'admin1', nameAr: 'ريف دمشق', population: 2273074 });
    expect(rif.source).toBe('wof+ne+iso');
    expect(gaz.adminByKey(placeKey('محافظة ريف دمشق')).map((p) => p.id)).toEqual(['gn:170652']);
    expect(gaz.get('gn:2214845')?.capitalId).toBe('gn:2214846');
    expect(gaz.lookup(placeKey('UNDOF'))).toEqual([]);
    expect(stats.admin1).toMatchObject({ regions: 6, isoMatched: 6, wofMatched: 1 });
  });

  it('repairs points given in radians and drops small Latin-only places', () => {
    const r = gaz.search('قرية الراديان')[0];
    expect(r.lat).toBeCloseTo(33.232, 2);
    expect(r.lon).toBeCloseTo(36.383, 2);
    expect(stats.radiansFixed).toBe(1);
    expect(gaz.search('Nameless Hamlet')).toEqual([]);
    expect(gaz.search('Latin Town')[0]).toMatchObject({ kind: 'town', population: 5000 });
    expect(stats.droppedSmall).toBe(1);
  });

  it('adds countries with their adjectives and capitals', () => {
    expect(gaz.countryByKey(placeKey('الليبية'))?.code).toBe('LY');
    expect(gaz.countryByKey(placeKey('السوريين'))?.code).toBe('SY');
    expect(gaz.countryByKey('lebanese')?.code).toBe('LB');
    expect(gaz.countryByKey('ly')?.capitalId).toBe('gn:2210247');
    expect(gaz.countryByKey(placeKey('أمريكية'))?.code).toBe('US');
    expect(gaz.countries()).toHaveLength(4);
  });

  it('applies the curated file: aliases, an admin override and a new place', () => {
    expect(gaz.lookup(placeKey('بوقرين')).map((p) => p.id)).toEqual(['osm:ly-town-27']);
    expect(gaz.get('osm:ly-town-11')).toMatchObject({ admin1Code: 'LY.76', admin1: 'Sirte' });
    expect(gaz.get('cur:zamzam')).toMatchObject({ kind: 'village', countryCode: 'LY', admin1Code: 'LY.72', source: 'cur' });
    expect(stats.curated).toMatchObject({ entries: 4, added: 1, aliases: 2, missingTargets: ['cur:missing → gn:1'] });
  });

  it('writes the licence and credit header, and the place count', () => {
    const text = gunzipSync(readFileSync(join(dir, 'gazetteer.tsv.gz'))).toString('utf8');
    expect(gaz.header.join('\n')).toMatch(/GeoNames, geonames\.org/);
    expect(text).toMatch(/^# marsad-gazetteer\/1/);
    expect(text).toContain("Contains data from Who's On First (whosonfirst.org)");
    expect(text).toContain('© OpenStreetMap contributors, ODbL 1.0 — this derived database is offered under the ODbL');
    expect(text).toContain('Natural Earth (naturalearthdata.com) — public domain');
    expect(gaz.size).toBe(stats.places);
    expect(stats.places).toBe(22);
    expect(formatBuildStats(stats)).toContain('malformed');
  });

  it('reads gzip-compressed GeoNames dumps the same way', async () => {
    const gzDir = join(dir, 'gz');
    mkdirSync(gzDir);
    writeFileSync(join(gzDir, 'LY.txt.gz'), gzipSync(readFileSync(join(FIX, 'geonames', 'cities-test.txt'))));
    const s = await buildGazetteer({
      from: [gzDir, join(FIX, 'naturalearth')],
      out: join(dir, 'gz.tsv.gz'),
      countriesFile: join(FIX, 'countries.json'),
      curated: false,
    });
    expect(s.sources.find((x) => x.source === 'gn')).toMatchObject({ rows: 10, kept: 5, malformed: 2, skipped: 3 });
  });

  it('reads a zipped dump (allCountries.zip as downloaded) member by member', async () => {
    const zipDir = join(dir, 'zip');
    mkdirSync(zipDir);
    const txt = readFileSync(join(FIX, 'geonames', 'cities-test.txt'));
    writeFileSync(join(zipDir, 'allCountries.zip'), zipSync({ 'allCountries.txt': new Uint8Array(txt), 'readme.md': new Uint8Array([35]) }));
    const s = await buildGazetteer({
      from: [zipDir, join(FIX, 'naturalearth')],
      out: join(dir, 'zip.tsv.gz'),
      countriesFile: join(FIX, 'countries.json'),
      curated: false,
    });
    expect(s.sources.find((x) => x.source === 'gn')).toMatchObject({ rows: 10, kept: 5, malformed: 2, skipped: 3 });
  });
});
