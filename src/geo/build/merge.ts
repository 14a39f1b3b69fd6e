// The merger: one entry per real place, whatever the number of sources that describe it.
//
// Two records are the same place when they carry the same GeoNames id, or when one's preferred
// name (Arabic or English) is among the other's names, they are of the same class (settlements
// with settlements, districts with districts...) and they lie within `mergeKm` (3 km) of each other.
// The merged entry keeps every name, the best point (OSM > GeoNames > WOF), the GeoNames
// population when there is one, the most important kind, and its admin-1 by code or by
// point-in-polygon.

import { cachedPlaceKey } from '../keys.js';
import type { Place, PlaceKind } from '../types.js';
import { SETTLEMENT_KINDS } from '../types.js';
import { distanceKm } from '../distance.js';
import type { AdminIndex } from './admin.js';
import { KIND_ORDER } from './kinds.js';
import { asciify, preferredFirst, rankArabicNames } from './names.js';
import type { SourceName, SourceRecord } from './record.js';

export interface MergeOptions {
  /** Same-name records closer than this are one place. */
  mergeKm?: number;
  /** placeKey, possibly cached. */
  keyOf?: (name: string) => string;
}

export interface MergeResult {
  places: Place[];
  /** Source records folded into another one. */
  merged: number;
  /** Places left without an admin-1 after code and point-in-polygon. */
  noAdmin1: number;
  /** How each place got its admin-1. */
  admin1By: { code: number; region: number; polygon: number };
}

const SOURCE_ORDER: SourceName[] = ['gn', 'wof', 'osm', 'ne', 'iso', 'cty', 'cur'];

function mergeClass(kind: PlaceKind): string {
  return SETTLEMENT_KINDS.has(kind) ? 'settlement' : kind;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    // the smaller index stays root so groups are deterministic
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

function pushUnique(list: string[], items: Iterable<string>): void {
  for (const s of items) if (s !== '' && !list.includes(s)) list.push(s);
}

/** Better record first: GeoNames rows, then WOF, then OSM; current before not current. */
function recordOrder(a: SourceRecord, b: SourceRecord): number {
  return (
    SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
    (a.current === false ? 1 : 0) - (b.current === false ? 1 : 0) ||
    b.population - a.population ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function mergeRecords(
  records: SourceRecord[],
  admins: AdminIndex,
  countryName: (cc: string) => string,
  opts: MergeOptions = {},
): MergeResult {
  const mergeKm = opts.mergeKm ?? 3;
  const placeKey = opts.keyOf ?? cachedPlaceKey();
  const n = records.length;
  const uf = new UnionFind(n);
  let merged = 0;

  // 1. same GeoNames id
  const byGn = new Map<string, number>();
  records.forEach((r, i) => {
    if (!r.gnId) return;
    const j = byGn.get(r.gnId);
    if (j === undefined) byGn.set(r.gnId, i);
    else if (uf.union(i, j)) merged++;
  });

  // 2. same name, same class, close together
  const keys: string[][] = records.map((r) => {
    const ks: string[] = [];
    for (const nm of [...r.ar, ...r.latin]) {
      const k = placeKey(nm);
      if (k && !ks.includes(k)) ks.push(k);
    }
    return ks;
  });
  const index = new Map<string, number[]>();
  keys.forEach((ks, i) => {
    for (const k of ks) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  records.forEach((r, i) => {
    const primary = new Set<string>();
    if (r.ar[0]) primary.add(placeKey(r.ar[0]));
    if (r.name) primary.add(placeKey(r.name));
    const cls = mergeClass(r.kind);
    for (const pk of primary) {
      for (const j of index.get(pk) ?? []) {
        if (j === i) continue;
        const s = records[j];
        if (s.cc !== r.cc || mergeClass(s.kind) !== cls) continue;
        if (Math.abs(s.lat - r.lat) > 0.05 || Math.abs(s.lon - r.lon) > 0.06) continue;
        if (distanceKm(r.lat, r.lon, s.lat, s.lon) > mergeKm) continue;
        if (uf.union(i, j)) merged++;
      }
    }
  });

  // 3. groups → places
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }

  // region name → admin-1 code, learnt from WOF rows that carry both
  const regionCode = new Map<string, string>();
  for (const r of records) {
    if (r.regionName && r.admin1Code && admins.get(r.admin1Code)) regionCode.set(`${r.cc}|${placeKey(r.regionName)}`, r.admin1Code);
  }

  const places: Place[] = [];
  const admin1By = { code: 0, region: 0, polygon: 0 };
  let noAdmin1 = 0;
  for (const members of groups.values()) {
    const recs = members.map((i) => records[i]).sort(recordOrder);
    const best = recs[0];
    const point = [...recs].sort((a, b) => b.coordRank - a.coordRank || recordOrder(a, b))[0];
    const kind = recs.map((r) => r.kind).sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))[0];
    const gnPop = recs.find((r) => r.source === 'gn' && r.population > 0)?.population;
    const population = gnPop ?? Math.max(...recs.map((r) => r.population));

    // Arabic names: WOF's preferred order, then OSM, then GeoNames (ranked when it was the only source)
    const ar: string[] = [];
    for (const src of ['wof', 'osm', 'gn', 'cur'] as SourceName[]) {
      for (const r of recs) if (r.source === src) pushUnique(ar, r.ar);
    }
    const ordered = recs.some((r) => (r.source === 'wof' || r.source === 'osm') && r.ar.length > 0);
    const arRanked = ordered ? preferredFirst(ar, placeKey) : rankArabicNames(ar, placeKey);
    // English: OSM's conventional English, else WOF's default name, else GeoNames' ASCII name
    const english =
      recs.find((r) => r.source === 'osm' && r.name)?.name ??
      recs.find((r) => r.source === 'wof' && r.name)?.name ??
      recs.find((r) => r.name)?.name ??
      asciify(recs.flatMap((r) => r.latin)[0] ?? '');
    const latin: string[] = [];
    pushUnique(latin, [english]);
    for (const r of recs) pushUnique(latin, r.latin);

    // admin-1: a source's code, else the WOF region name, else the polygon under the point
    let admin1Code = recs.find((r) => r.source === 'gn' && r.admin1Code && admins.get(r.admin1Code))?.admin1Code ??
      recs.find((r) => r.admin1Code && admins.get(r.admin1Code))?.admin1Code;
    if (admin1Code) admin1By.code++;
    if (!admin1Code) {
      for (const r of recs) {
        const c = r.regionName ? regionCode.get(`${r.cc}|${placeKey(r.regionName)}`) : undefined;
        if (c) {
          admin1Code = c;
          admin1By.region++;
          break;
        }
      }
    }
    if (!admin1Code) {
      admin1Code = admins.locate(point.lat, point.lon, best.cc)?.code;
      if (admin1Code) admin1By.polygon++;
    }
    if (!admin1Code) noAdmin1++;
    const admin = admins.get(admin1Code);
    const a2 = recs.find((r) => r.admin2 || r.admin2Ar);
    const seats = recs.map((r) => r.seat).filter((s): s is number => s !== undefined);
    const gnRec = recs.find((r) => r.source === 'gn') ?? recs.find((r) => r.gnId);
    const id = gnRec?.gnId ? `gn:${gnRec.gnId}` : best.id;
    const altIds = recs.map((r) => r.id).filter((x) => x !== id);
    const sources = SOURCE_ORDER.filter((s) => recs.some((r) => r.source === s));

    places.push({
      id,
      name: english,
      nameAr: arRanked[0] ?? '',
      names: [...arRanked, ...latin],
      kind,
      lat: point.lat,
      lon: point.lon,
      population,
      countryCode: best.cc,
      country: countryName(best.cc),
      admin1Code: admin?.code ?? '',
      admin1: admin?.name ?? '',
      admin1Ar: admin?.nameAr ?? '',
      admin2: a2?.admin2 || undefined,
      admin2Ar: a2?.admin2Ar || undefined,
      source: sources.join('+'),
      seat: seats.length ? Math.min(...seats) : undefined,
      altIds: altIds.length ? altIds : undefined,
      old: recs.every((r) => r.current === false) ? true : undefined,
    });
  }
  return { places, merged, noAdmin1, admin1By };
}
