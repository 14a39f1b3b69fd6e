// marsad's own gazetteer entries (data/gazetteer/curated.json): aliases as news writes them, places
// the sources lack (crossings, airports, bases, camps, neighbourhoods...), and admin-region
// overrides. Applied by the build and again, on top of the compiled file, by the loader, so an
// edit takes effect without a rebuild. Applying twice gives the same result.

import { readFileSync } from 'node:fs';
import { isArabicScript } from './keys.js';
import type { Place, PlaceKind } from './types.js';
import { isPlaceKind } from './types.js';

export interface CuratedEntry {
  id: string;
  names: string[];
  name?: string;
  kind?: PlaceKind;
  lat?: number;
  lon?: number;
  country?: string;
  admin1?: string;
  admin2?: string;
  admin2Ar?: string;
  population?: number;
  aliasOf?: string;
  commonWord?: boolean;
  near?: string;
  source: string;
}

export interface CuratedFile {
  about: string;
  licence: string;
  entries: CuratedEntry[];
}

/** What applyCurated needs from the place collection it edits (the build's, or a loaded gazetteer's). */
export interface CuratedTarget {
  get(id: string): Place | undefined;
  /** Insert or replace a place (and re-index its names). */
  put(place: Place): void;
  /** An admin-1 given as "LY.76" or by name, within a country. */
  resolveAdmin1(cc: string, admin1: string): AdminRef | undefined;
  /** The admin-1 at a point (polygons in the build; nearest place in the loader). */
  locateAdmin1(lat: number, lon: number, cc: string): AdminRef | undefined;
  countryName(cc: string): string;
}

export interface AdminRef {
  code: string;
  name: string;
  nameAr: string;
}

export interface CuratedStats {
  entries: number;
  added: number;
  aliases: number;
  /** aliasOf ids not found (entry skipped, or added alone when it has its own facts). */
  missingTargets: string[];
  /** admin1 values that matched no region. */
  unknownAdmin1: string[];
}

/** Semantic checks the JSON schema cannot express; returns problems (empty when fine). */
export function checkCurated(file: CuratedFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of file.entries) {
    if (seen.has(e.id)) problems.push(`${e.id}: duplicate id`);
    seen.add(e.id);
    if (!/^cur:[a-z0-9][a-z0-9-]*$/.test(e.id)) problems.push(`${e.id}: id must look like cur:some-name`);
    if (!Array.isArray(e.names) || e.names.length === 0) problems.push(`${e.id}: names is empty`);
    if (typeof e.source !== 'string' || e.source.length < 3) problems.push(`${e.id}: source is missing`);
    if (e.kind !== undefined && !isPlaceKind(e.kind)) problems.push(`${e.id}: unknown kind ${e.kind}`);
    if (!e.aliasOf) {
      for (const f of ['name', 'kind', 'lat', 'lon', 'country'] as const) {
        if (e[f] === undefined) problems.push(`${e.id}: ${f} is required for a new place`);
      }
    }
    if (e.aliasOf === e.id) problems.push(`${e.id}: alias of itself`);
    const arFirst = e.names.findIndex((n) => !isArabicScript(n));
    if (arFirst >= 0 && e.names.slice(arFirst).some(isArabicScript)) problems.push(`${e.id}: Arabic names must come first`);
  }
  return problems;
}

/** Read curated.json. Throws with every problem listed when the file is not valid. */
export function loadCuratedFile(path: string): CuratedFile {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as CuratedFile;
  if (!doc || !Array.isArray(doc.entries)) throw new Error(`${path}: expected {about, licence, entries:[...]}`);
  const problems = checkCurated(doc);
  if (problems.length) throw new Error(`${path}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return doc;
}

function mergeNames(existing: string[], added: string[]): string[] {
  const ar = existing.filter(isArabicScript);
  const latin = existing.filter((n) => !isArabicScript(n));
  for (const n of added) {
    const list = isArabicScript(n) ? ar : latin;
    if (!list.includes(n)) list.push(n);
  }
  return [...ar, ...latin];
}

/** Apply entries in order (an alias may point at a curated place defined earlier). */
export function applyCurated(target: CuratedTarget, entries: CuratedEntry[], onWarn?: (m: string) => void): CuratedStats {
  const stats: CuratedStats = { entries: entries.length, added: 0, aliases: 0, missingTargets: [], unknownAdmin1: [] };
  const admin = (cc: string, e: CuratedEntry, lat: number, lon: number, prev?: Place): AdminRef | undefined => {
    if (e.admin1) {
      const a = target.resolveAdmin1(cc, e.admin1);
      if (a) return a;
      stats.unknownAdmin1.push(`${e.id}: ${e.admin1}`);
      onWarn?.(`curated ${e.id}: admin1 "${e.admin1}" matches no region of ${cc}`);
    }
    // a place the compiled file already holds at the same point keeps the build's polygon answer
    if (prev && prev.lat === lat && prev.lon === lon && prev.countryCode === cc && prev.admin1Code) {
      return { code: prev.admin1Code, name: prev.admin1, nameAr: prev.admin1Ar };
    }
    return target.locateAdmin1(lat, lon, cc);
  };

  for (const e of entries) {
    const t = e.aliasOf ? target.get(e.aliasOf) : undefined;
    if (e.aliasOf && t) {
      const lat = e.lat ?? t.lat;
      const lon = e.lon ?? t.lon;
      const cc = e.country ?? t.countryCode;
      const a = e.admin1 || e.lat !== undefined ? admin(cc, e, lat, lon, t) : undefined;
      const names = mergeNames(t.names, e.names);
      const altIds = [...(t.altIds ?? [])];
      if (!altIds.includes(e.id)) altIds.push(e.id);
      const renamesRegion = t.kind === 'admin1' && e.name !== undefined;
      target.put({
        ...t,
        names,
        nameAr: t.nameAr || names.find(isArabicScript) || '',
        name: e.name ?? t.name,
        kind: e.kind ?? t.kind,
        lat,
        lon,
        population: e.population ?? t.population,
        countryCode: cc,
        country: cc === t.countryCode ? t.country : target.countryName(cc),
        ...(a ? { admin1Code: a.code, admin1: a.name, admin1Ar: a.nameAr } : {}),
        admin2: e.admin2 ?? t.admin2,
        admin2Ar: e.admin2Ar ?? t.admin2Ar,
        source: t.source.split('+').includes('cur') ? t.source : `${t.source}+cur`,
        altIds,
        // only an explicit flag travels: the loader recomputes the list-based one
        commonWord: e.commonWord,
        ...(renamesRegion ? { admin1: e.name } : {}),
      });
      stats.aliases++;
      continue;
    }
    if (e.aliasOf) {
      stats.missingTargets.push(`${e.id} → ${e.aliasOf}`);
      onWarn?.(`curated ${e.id}: aliasOf ${e.aliasOf} not found${e.lat !== undefined ? '; added as its own place' : '; skipped'}`);
    }
    if (e.lat === undefined || e.lon === undefined || !e.kind || !e.country || !e.name) continue;
    const prev = target.get(e.id);
    const a = admin(e.country, e, e.lat, e.lon, prev);
    const names = mergeNames([], e.names);
    target.put({
      id: e.id,
      name: e.name,
      nameAr: names.find(isArabicScript) ?? '',
      names,
      kind: e.kind,
      lat: e.lat,
      lon: e.lon,
      population: e.population ?? 0,
      countryCode: e.country,
      country: target.countryName(e.country),
      admin1Code: a?.code ?? '',
      admin1: a?.name ?? '',
      admin1Ar: a?.nameAr ?? '',
      admin2: e.admin2,
      admin2Ar: e.admin2Ar,
      source: 'cur',
      commonWord: e.commonWord,
    });
    stats.added++;
  }
  return stats;
}
