// buildGazetteer: the sources in, one compact gazetteer file out.
//
// Each --from directory (or file) is recognised by its files: GeoNames dumps (19-column .txt,
// .txt.gz, .zip), WOF TSVs (wof_id header), the OSM places JSON, the Natural Earth admin-1
// GeoJSON and the iso3166-2-db regions JSON. Then: admin-1 regions are assembled (Natural Earth +
// iso3166 + WOF regions), places merged across sources, admin-1 assigned, countries added from
// marsad's table, the curated file applied, and the result written with its licence header.

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type AdminRef, applyCurated, type CuratedStats, type CuratedTarget, loadCuratedFile } from '../curated.js';
import { cachedPlaceKey, placeKey } from '../keys.js';
import { dataPath } from '../paths.js';
import type { Place } from '../types.js';
import { ADMIN_KINDS, SETTLEMENT_KINDS } from '../types.js';
import { AdminIndex, type AdminRegion } from './admin.js';
import { adjectiveKeys, countryCentroid, type CountryEntry, loadCountriesFile } from './countries.js';
import { importGeoNames, GEONAMES_COLUMNS } from './geonames.js';
import { importIsoRegions, isIsoRegionsDoc, type IsoCountry, type IsoRegion } from './iso-regions.js';
import { importNaturalEarth, isNaturalEarthAdmin1 } from './naturalearth.js';
import { mergeRecords } from './merge.js';
import { asciify, NOT_REGIONS, shortAdminName, sortNames, withShortAdminNames } from './names.js';
import { importOsmPlaces, isOsmPlacesDoc } from './osm-libya.js';
import type { SourceRecord, SourceStats, WarnFn } from './record.js';
import { importWof, isWofHeader } from './wof.js';
import { writeGazetteer } from './write.js';

/** Arab League members and their neighbours: the region the shipped gazetteer covers. */
export const REGION_COUNTRIES: readonly string[] = [
  'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD',
  'SY', 'TN', 'AE', 'YE', 'EH', 'TR', 'IR', 'IL', 'TD', 'NE', 'ML', 'NG', 'ET', 'ER', 'SS', 'AF',
];

export interface BuildOptions {
  /** Directories (or single files) to read; each file's type is detected. */
  from: string[];
  /** Output file (.tsv.gz). */
  out: string;
  onWarn?: WarnFn;
  /** curated.json to merge; default data/gazetteer/curated.json; false for none. */
  curated?: string | false;
  /** Country table; default data/gazetteer/countries.json. */
  countriesFile?: string;
  /** ISO2 codes to keep; default REGION_COUNTRIES. */
  countries?: readonly string[];
  /** Same-name records closer than this (km) are merged; default 3. */
  mergeKm?: number;
  /** Country of OSM places files whose name/metadata does not say (default: guessed, else LY). */
  osmCountry?: string;
  /** Text for the header's "built" line; default today's date. */
  builtAt?: string;
}

export interface BuildStats {
  sources: SourceStats[];
  /** Files found in --from that are not a known source (READMEs, licences...). */
  ignored: string[];
  admin1: { regions: number; isoMatched: number; isoUnmatched: number; wofMatched: number; wofUnmatched: number };
  records: number;
  /** Records dropped because their point lies outside their country. */
  outsideCountry: number;
  /** Records whose point was given in radians, converted to degrees. */
  radiansFixed: number;
  merged: number;
  /** Places dropped after merging: Latin-only and small. */
  droppedSmall: number;
  places: number;
  byKind: Record<string, number>;
  bySource: Record<string, number>;
  withArabic: number;
  noAdmin1: number;
  admin1By: { code: number; region: number; polygon: number };
  curated?: CuratedStats;
  keys: number;
  maxNameTokens: number;
  outFile: string;
  outBytes: number;
  ms: number;
}

type SourceKind = 'geonames' | 'wof' | 'osm' | 'naturalearth' | 'iso' | 'ignore';

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const nl = text.indexOf('\n');
    return nl >= 0 ? text.slice(0, nl) : text;
  } finally {
    closeSync(fd);
  }
}

interface Detected {
  file: string;
  kind: SourceKind;
  doc?: unknown;
}

/** What kind of source a file is, by its name and first bytes (JSON files are parsed). */
export function detectSource(file: string): Detected {
  const name = basename(file).toLowerCase();
  if (/^(readme|licen[cs]e|source-readme|copying)/.test(name) || name.endsWith('.md')) return { file, kind: 'ignore' };
  if (name.endsWith('.zip') || name.endsWith('.txt.gz')) return { file, kind: 'geonames' };
  if (name.endsWith('.tsv.gz')) return { file, kind: 'wof' };
  if (name.endsWith('.txt')) {
    const cols = firstLine(file).split('\t');
    return { file, kind: cols.length === GEONAMES_COLUMNS && /^\d+$/.test(cols[0]) ? 'geonames' : 'ignore' };
  }
  if (name.endsWith('.tsv')) return { file, kind: isWofHeader(firstLine(file)) ? 'wof' : 'ignore' };
  if (name.endsWith('.json') || name.endsWith('.geojson')) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return { file, kind: 'ignore' };
    }
    if (isNaturalEarthAdmin1(doc)) return { file, kind: 'naturalearth', doc };
    if (isOsmPlacesDoc(doc)) return { file, kind: 'osm', doc };
    if (isIsoRegionsDoc(doc)) return { file, kind: 'iso', doc };
  }
  return { file, kind: 'ignore' };
}

function listInputs(from: string[]): string[] {
  const files: string[] = [];
  for (const f of from) {
    if (!existsSync(f)) throw new Error(`--from ${f}: no such file or directory`);
    if (statSync(f).isDirectory()) {
      for (const e of readdirSync(f).sort()) {
        const p = join(f, e);
        if (statSync(p).isFile()) files.push(p);
      }
    } else files.push(f);
  }
  return files;
}

function guessOsmCountry(file: string, doc: unknown, fallback: string): string {
  const meta = JSON.stringify((doc as { metadata?: unknown }).metadata ?? '').toLowerCase();
  const hay = `${file.toLowerCase()} ${meta}`;
  if (hay.includes('libya')) return 'LY';
  const m = /osm[-_]([a-z]{2})\b/.exec(file.toLowerCase());
  return m ? m[1].toUpperCase() : fallback;
}

function pushUnique(list: string[], items: Iterable<string>): void {
  for (const s of items) if (s && !list.includes(s)) list.push(s);
}

/** Merge a WOF region (or GeoNames ADM1) record into the admin-1 regions. */
function mergeAdminRecord(admins: AdminIndex, r: SourceRecord): boolean {
  let region = admins.getByGnId(r.gnId) ?? admins.get(r.admin1Code);
  if (!region) {
    // the label point's polygon, if that region shares a name with the record
    const at = admins.locate(r.lat, r.lon, r.cc);
    const keys = new Set([...r.ar, ...r.latin].map(placeKey));
    if (at && [...at.ar, ...at.latin].some((n) => keys.has(placeKey(n)))) region = at;
  }
  if (!region) return false;
  // WOF's preferred Arabic name is the short one (اللاذقية rather than محافظة اللاذقية): first
  region.ar = [...r.ar, ...region.ar.filter((n) => !r.ar.includes(n))];
  pushUnique(region.latin, r.latin);
  region.population = Math.max(region.population, r.population);
  region.sources.add(r.source);
  if (!region.altIds.includes(r.id)) region.altIds.push(r.id);
  if (!region.gnId && r.gnId) region.gnId = r.gnId;
  return true;
}

export async function buildGazetteer(opts: BuildOptions): Promise<BuildStats> {
  const t0 = performance.now();
  const warn: WarnFn = opts.onWarn ?? (() => {});
  const countrySet = new Set(opts.countries ?? REGION_COUNTRIES);
  const detected = listInputs(opts.from).map(detectSource);
  const stats: BuildStats = {
    sources: [],
    ignored: detected.filter((d) => d.kind === 'ignore').map((d) => d.file),
    admin1: { regions: 0, isoMatched: 0, isoUnmatched: 0, wofMatched: 0, wofUnmatched: 0 },
    records: 0, outsideCountry: 0, radiansFixed: 0, merged: 0, droppedSmall: 0, places: 0, byKind: {}, bySource: {}, withArabic: 0, noAdmin1: 0,
    admin1By: { code: 0, region: 0, polygon: 0 }, keys: 0, maxNameTokens: 0, outFile: opts.out, outBytes: 0, ms: 0,
  };

  // 1. admin-1 regions: Natural Earth polygons, then iso3166 Arabic names
  const admins = new AdminIndex();
  const isoCountries: IsoCountry[] = [];
  const isoRegions: IsoRegion[] = [];
  for (const d of detected.filter((x) => x.kind === 'naturalearth')) {
    stats.sources.push(importNaturalEarth(d.file, (r) => admins.add(r), { countries: countrySet, onWarn: warn, doc: d.doc }));
  }
  for (const d of detected.filter((x) => x.kind === 'iso')) {
    const res = importIsoRegions(d.file, { countries: countrySet, onWarn: warn, doc: d.doc });
    stats.sources.push(res.stats);
    isoCountries.push(...res.countries);
    isoRegions.push(...res.regions);
    for (const ir of res.regions) {
      const region = admins.get(ir.code);
      if (!region) {
        stats.admin1.isoUnmatched++;
        continue;
      }
      stats.admin1.isoMatched++;
      const { ar, latin } = sortNames([ir.nameAr]);
      pushUnique(region.ar, ar);
      pushUnique(region.latin, latin);
      if (ar[0]) region.isoNameAr = ar[0];
      region.sources.add('iso');
      if (!region.gnId && ir.gnId) region.gnId = ir.gnId;
    }
  }

  // 2. places, streamed
  const records: SourceRecord[] = [];
  const adminRecords: SourceRecord[] = [];
  const countryRecords: SourceRecord[] = [];
  const onRecord = (r: SourceRecord) => {
    if (r.kind === 'admin1') adminRecords.push(r);
    else if (r.kind === 'country') countryRecords.push(r);
    else records.push(r);
  };
  const byKind = (k: SourceKind) => detected.filter((d) => d.kind === k);
  for (const d of byKind('geonames')) stats.sources.push(await importGeoNames(d.file, onRecord, { countries: countrySet, onWarn: warn }));
  for (const d of byKind('wof')) stats.sources.push(await importWof(d.file, onRecord, { countries: countrySet, onWarn: warn }));
  for (const d of byKind('osm')) {
    const cc = guessOsmCountry(d.file, d.doc, opts.osmCountry ?? 'LY');
    stats.sources.push(importOsmPlaces(d.file, cc, onRecord, { onWarn: warn, doc: d.doc as never }));
  }

  // 3. WOF regions / GeoNames ADM1 rows join the admin-1 regions
  for (const r of adminRecords) {
    if ([r.name, ...r.latin].some((n) => NOT_REGIONS.test(n))) continue;
    if (mergeAdminRecord(admins, r)) stats.admin1.wofMatched++;
    else {
      // a region newer than Natural Earth's (Halabja, Akkar...): its GeoNames code comes from iso3166
      const iso = r.gnId ? isoRegions.find((x) => x.gnId === r.gnId && !admins.get(x.code)) : undefined;
      stats.admin1.wofUnmatched++;
      warn(`${r.id} (${r.name}, ${r.cc}): admin-1 record matches no Natural Earth region; kept as its own region ${iso ? iso.code : ''}`);
      const isoAr = iso ? sortNames([iso.nameAr]).ar[0] : undefined;
      admins.add({
        code: iso?.code ?? `${r.cc}.${r.id.replace(':', '-')}`, cc: r.cc, gnId: r.gnId, name: r.name, nameAr: r.ar[0] ?? '',
        ar: isoAr && !r.ar.includes(isoAr) ? [...r.ar, isoAr] : r.ar, latin: r.latin, lat: r.lat, lon: r.lon,
        population: r.population, isoNameAr: isoAr, sources: new Set(iso ? [r.source, 'iso'] : [r.source]), altIds: [r.id],
      });
    }
  }
  for (const region of admins.values()) nameAdminRegion(region);
  stats.admin1.regions = admins.byCode.size;

  // 4. countries: marsad's table + iso3166 + GeoNames country rows
  const table = loadCountriesFile(opts.countriesFile ?? dataPath('gazetteer', 'countries.json'));
  const isoByCc = new Map(isoCountries.map((c) => [c.cc, c]));
  const countryByCc = new Map<string, CountryEntry>(table.countries.map((c) => [c.code, c]));
  const countryName = (cc: string) => countryByCc.get(cc)?.name ?? cc;
  const tableStats: SourceStats = { source: 'countries', files: [opts.countriesFile ?? 'data/gazetteer/countries.json'], rows: table.countries.length, kept: table.countries.length, malformed: 0, skipped: 0 };
  stats.sources.push(tableStats);

  // 5. merge places, after dropping points that lie outside their country (GeoNames has a few at
  // 0°N 0°E and similar slips): outside the country's admin-1 bounding box padded by 0.5°
  const boxes = countryBoxes(admins, 0.5);
  const inBox = (b: [number, number, number, number], lat: number, lon: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];
  const inside = records.filter((r) => {
    const b = boxes.get(r.cc);
    if (!b || inBox(b, r.lat, r.lon)) return true;
    // some WOF rows carry radians (0.2515, 0.7837 for 14.41 N 44.90 E): converted when that lands inside
    const deg = 180 / Math.PI;
    if (Math.abs(r.lat) < 1.6 && Math.abs(r.lon) < 3.2 && inBox(b, r.lat * deg, r.lon * deg)) {
      r.lat = Math.round(r.lat * deg * 1e5) / 1e5;
      r.lon = Math.round(r.lon * deg * 1e5) / 1e5;
      stats.radiansFixed++;
      return true;
    }
    stats.outsideCountry++;
    if (stats.outsideCountry <= 20) warn(`${r.id} (${r.name}, ${r.cc}): point ${r.lat},${r.lon} is outside ${r.cc}; dropped`);
    return false;
  });
  records.length = 0;
  records.push(...inside);
  stats.records = records.length;
  const keyOf = cachedPlaceKey();
  const merged = mergeRecords(records, admins, countryName, { mergeKm: opts.mergeKm, keyOf });
  stats.merged = merged.merged;
  stats.noAdmin1 = merged.noAdmin1;
  stats.admin1By = merged.admin1By;
  const places: Place[] = [];
  for (const p of merged.places) {
    const keep =
      p.nameAr !== '' ||
      ADMIN_KINDS.has(p.kind) ||
      (SETTLEMENT_KINDS.has(p.kind) && (p.population >= 1000 || p.seat !== undefined || p.kind === 'city' || p.kind === 'town' || p.kind === 'capital'));
    if (keep) places.push(p);
    else stats.droppedSmall++;
  }

  // capitals: PPLC per country, PPLA per admin-1 (the most populous when several)
  const capitalOf = new Map<string, Place>();
  const seatOf = new Map<string, Place>();
  for (const p of places) {
    if (p.seat === 0 && (!capitalOf.get(p.countryCode) || capitalOf.get(p.countryCode)!.population < p.population)) capitalOf.set(p.countryCode, p);
    if (p.seat !== undefined && p.seat <= 1 && p.admin1Code) {
      const cur = seatOf.get(p.admin1Code);
      if (!cur || (cur.seat ?? 9) > p.seat || ((cur.seat ?? 9) === p.seat && cur.population < p.population)) seatOf.set(p.admin1Code, p);
    }
  }

  // admin-1 places
  const adminPlaces: Place[] = [];
  for (const r of admins.values()) {
    adminPlaces.push(adminPlace(r, countryName(r.cc), seatOf.get(r.code)?.id));
  }

  // country places
  const countryPlaces: Place[] = [];
  const adjectives = new Map<string, string[]>();
  for (const c of table.countries) {
    const iso = isoByCc.get(c.code);
    const gnRows = countryRecords.filter((r) => r.cc === c.code);
    const { ar, latin } = sortNames([...c.names, iso?.nameAr ?? '', ...gnRows.flatMap((r) => [...r.ar, ...r.latin])]);
    const centre = countryCentroid(admins, c.code) ?? (c.lat !== undefined && c.lon !== undefined ? { lat: c.lat, lon: c.lon } : undefined);
    if (!centre) {
      warn(`country ${c.code}: no polygons and no lat/lon in the table; left out`);
      continue;
    }
    const gnId = iso?.gnId ?? gnRows[0]?.gnId;
    const id = gnId ? `gn:${gnId}` : `cur:country-${c.code.toLowerCase()}`;
    adjectives.set(id, adjectiveKeys(c));
    countryPlaces.push({
      id,
      name: c.name,
      nameAr: ar[0] ?? '',
      names: [...ar, ...latin],
      kind: 'country',
      lat: centre.lat,
      lon: centre.lon,
      population: 0,
      countryCode: c.code,
      country: c.name,
      admin1Code: '',
      admin1: '',
      admin1Ar: '',
      source: ['cty', iso ? 'iso' : '', gnRows.length ? 'gn' : '', countryCentroid(admins, c.code) ? 'ne' : ''].filter(Boolean).join('+'),
      capitalId: capitalOf.get(c.code)?.id,
    });
  }

  // 6. one collection, curated entries on top
  const all = new Map<string, Place>();
  for (const p of [...countryPlaces, ...adminPlaces, ...places]) {
    if (all.has(p.id)) warn(`duplicate id ${p.id}; the later one wins`);
    all.set(p.id, p);
  }
  if (opts.curated !== false) {
    const path = opts.curated ?? dataPath('gazetteer', 'curated.json');
    if (existsSync(path)) {
      const file = loadCuratedFile(path);
      stats.curated = applyCurated(buildTarget(all, admins, countryName), file.entries, warn);
    } else if (opts.curated) throw new Error(`curated file ${path} not found`);
  }

  // 7. write; admin-1 names on places follow the region's record (a curated override renames both)
  const regionNames = new Map<string, Place>();
  for (const p of all.values()) if (p.kind === 'admin1' && p.admin1Code) regionNames.set(p.admin1Code, p);
  for (const p of all.values()) {
    const r = regionNames.get(p.admin1Code);
    if (r && (p.admin1 !== r.name || p.admin1Ar !== r.nameAr)) all.set(p.id, { ...p, admin1: r.name, admin1Ar: r.nameAr });
  }
  const out = [...all.values()];
  for (const p of out) {
    stats.byKind[p.kind] = (stats.byKind[p.kind] ?? 0) + 1;
    for (const s of p.source.split('+')) stats.bySource[s] = (stats.bySource[s] ?? 0) + 1;
    if (p.nameAr) stats.withArabic++;
  }
  stats.places = out.length;
  const written = writeGazetteer(out, {
    adjectives,
    arabLeague: new Set(table.countries.filter((c) => c.arabLeague).map((c) => c.code)),
    builtAt: opts.builtAt ?? new Date().toISOString().slice(0, 10),
    sources: stats.sources,
    curatedCount: stats.curated?.entries ?? 0,
    keyOf,
  });
  stats.keys = written.keys;
  stats.maxNameTokens = written.maxNameTokens;
  mkdirSync(dirname(opts.out), { recursive: true });
  const gz = gzipSync(Buffer.from(written.text, 'utf8'), { level: 9 });
  writeFileSync(opts.out, gz);
  stats.outBytes = gz.length;
  stats.ms = Math.round(performance.now() - t0);
  return stats;
}

/** Bounding box [minLon, minLat, maxLon, maxLat] of each country's admin-1 polygons, padded. */
function countryBoxes(admins: AdminIndex, pad: number): Map<string, [number, number, number, number]> {
  const out = new Map<string, [number, number, number, number]>();
  for (const r of admins.values()) {
    if (!r.bbox) continue;
    const b = out.get(r.cc);
    if (!b) out.set(r.cc, [r.bbox[0] - pad, r.bbox[1] - pad, r.bbox[2] + pad, r.bbox[3] + pad]);
    else {
      b[0] = Math.min(b[0], r.bbox[0] - pad);
      b[1] = Math.min(b[1], r.bbox[1] - pad);
      b[2] = Math.max(b[2], r.bbox[2] + pad);
      b[3] = Math.max(b[3], r.bbox[3] + pad);
    }
  }
  return out;
}

/**
 * Display names of a region. Arabic: iso3166-2-db's name (keyed by the GeoNames code, like the
 * places' codes), else WOF's, else Natural Earth's, without "محافظة/شعبية". English: Natural Earth's
 * name_en, unless GeoNames' name for the code is not among Natural Earth's names — Libya's polygons
 * follow another district scheme than the codes (LY.74 is Nalut in GeoNames, Ghadamis in NE).
 */
function nameAdminRegion(region: AdminRegion): void {
  const firstAr = region.isoNameAr ?? region.ar[0] ?? '';
  region.nameAr = shortAdminName(firstAr) ?? firstAr;
  if (region.gnName) {
    const gn = asciify(region.gnName);
    const gnShort = shortAdminName(gn) ?? gn;
    const keys = new Set(region.latin.flatMap((n) => [placeKey(n), placeKey(shortAdminName(n) ?? n)]));
    if (!keys.has(placeKey(gnShort))) region.name = gnShort;
    pushUnique(region.latin, [gn, gnShort]);
  }
  region.ar = withShortAdminNames(region.ar);
  region.latin = withShortAdminNames(region.latin);
}

function adminPlace(r: AdminRegion, country: string, capitalId: string | undefined): Place {
  const gnId = r.gnId;
  const id = gnId ? `gn:${gnId}` : `ne:${r.code}`;
  const altIds = r.altIds.filter((x) => x !== id);
  return {
    id,
    name: r.name,
    nameAr: r.nameAr,
    names: [...r.ar.filter((n) => n === r.nameAr), ...r.ar.filter((n) => n !== r.nameAr), ...r.latin.filter((n) => n === r.name), ...r.latin.filter((n) => n !== r.name)],
    kind: 'admin1',
    lat: r.lat,
    lon: r.lon,
    population: r.population,
    countryCode: r.cc,
    country,
    admin1Code: r.code,
    admin1: r.name,
    admin1Ar: r.nameAr,
    source: ['gn', 'wof', 'ne', 'iso'].filter((s) => r.sources.has(s as never)).join('+'),
    capitalId,
    altIds: altIds.length ? altIds : undefined,
  };
}

function buildTarget(all: Map<string, Place>, admins: AdminIndex, countryName: (cc: string) => string): CuratedTarget {
  const ref = (r: AdminRegion | undefined): AdminRef | undefined => (r ? { code: r.code, name: r.name, nameAr: r.nameAr } : undefined);
  return {
    get: (id) => all.get(id),
    put: (p) => void all.set(p.id, p),
    resolveAdmin1: (cc, text) => ref(/^[A-Z]{2}\./.test(text) ? admins.get(text) : admins.findByName(cc, text)),
    locateAdmin1: (lat, lon, cc) => ref(admins.locate(lat, lon, cc)),
    countryName,
  };
}


/** A short human report of a build, for the CLI. */
export function formatBuildStats(s: BuildStats): string {
  const lines: string[] = [];
  lines.push(`gazetteer: ${s.places} places, ${s.keys} name keys, ${(s.outBytes / 1e6).toFixed(2)} MB → ${s.outFile} (${(s.ms / 1000).toFixed(1)} s)`);
  lines.push('source rows (read / kept / malformed / skipped):');
  for (const x of s.sources) {
    lines.push(`  ${x.source.padEnd(9)} ${String(x.rows).padStart(7)} / ${String(x.kept).padStart(7)} / ${String(x.malformed).padStart(4)} / ${String(x.skipped).padStart(7)}  ${x.files.map((f) => basename(f)).join(', ')}`);
  }
  lines.push(`merged ${s.merged} duplicate records; dropped ${s.droppedSmall} small Latin-only places; ${s.radiansFixed} points repaired (radians), ${s.outsideCountry} outside their country`);
  lines.push(`admin-1: ${s.admin1.regions} regions; places placed by code ${s.admin1By.code}, region name ${s.admin1By.region}, polygon ${s.admin1By.polygon}; ${s.noAdmin1} without`);
  if (s.curated) {
    lines.push(`curated: ${s.curated.entries} entries, ${s.curated.added} places added, ${s.curated.aliases} aliases/overrides, ${s.curated.missingTargets.length} missing targets`);
  }
  lines.push(`kinds: ${Object.entries(s.byKind).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  if (s.ignored.length) lines.push(`ignored files: ${s.ignored.map((f) => basename(f)).join(', ')}`);
  return lines.join('\n');
}
