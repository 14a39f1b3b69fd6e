// Mapping each source's feature classification onto PlaceKind. Feature codes that news does not
// name as event locations (schools, wells, roads, mosques...) map to null and are skipped.

import type { PlaceKind } from '../types.js';

/** Grade a populated place by population. 0 means unknown, which grades as a village. */
export function kindByPopulation(population: number): PlaceKind {
  if (population >= 100_000) return 'city';
  if (population >= 5_000) return 'town';
  return 'village';
}

const GRADE: PlaceKind[] = ['capital', 'city', 'town', 'village', 'hamlet'];

/** The larger of two settlement grades (city beats town...). */
export function atLeast(kind: PlaceKind, floor: PlaceKind): PlaceKind {
  const a = GRADE.indexOf(kind);
  const b = GRADE.indexOf(floor);
  if (a < 0 || b < 0) return kind;
  return a <= b ? kind : floor;
}

const GN_FIXED: Record<string, PlaceKind> = {
  PPLC: 'capital',
  PPLA: 'city',
  PPLG: 'city',
  PPLX: 'district',
  PPLQ: 'site', PPLH: 'site', PPLW: 'site', PPLCH: 'site',
  ADM1: 'admin1', ADM2: 'admin2', ADM3: 'admin3',
  PCLI: 'country', PCLD: 'country', PCLIX: 'country', PCLS: 'country', PCLF: 'country', PCL: 'country', TERR: 'country',
  // natural features that news names (mountains, valleys, wadis, islands, oases, deserts)
  MT: 'natural', MTS: 'natural', HLL: 'natural', HLLS: 'natural', PK: 'natural', PKS: 'natural', RDGE: 'natural',
  PLAT: 'natural', DSRT: 'natural', VAL: 'natural', VALS: 'natural', PASS: 'natural', CAPE: 'natural', ISL: 'natural',
  ISLS: 'natural', PEN: 'natural', OAS: 'natural', WAD: 'natural', WADS: 'natural', STM: 'natural', LK: 'natural',
  BAY: 'natural', GULF: 'natural', STRT: 'natural', RGN: 'natural', PLN: 'natural',
  // facilities
  AIRP: 'airport', AIRF: 'airport', AIRH: 'airport',
  AIRB: 'base', MILB: 'base', INSM: 'base', NVB: 'base',
  CMPRF: 'camp',
  PSTB: 'crossing', PSTC: 'crossing', PSTP: 'crossing',
  PRT: 'port', OILT: 'port', OILJ: 'port', OILR: 'site',
  OILF: 'oilfield', GASF: 'oilfield',
  DAM: 'site', PRN: 'site', FT: 'site', CSTL: 'site', ANS: 'site', RUIN: 'site',
};

export interface GeoNamesKind {
  kind: PlaceKind;
  /** 0 capital, 1 PPLA, 2 PPLA2, 3 PPLA3/4; undefined for others. */
  seat?: number;
}

/** Kind of a GeoNames row from its feature class/code and population; null = not wanted. */
export function geoNamesKind(featureClass: string, featureCode: string, population: number): GeoNamesKind | null {
  switch (featureCode) {
    case 'PPLC':
      return { kind: 'capital', seat: 0 };
    case 'PPLA':
      return { kind: 'city', seat: 1 };
    case 'PPLA2':
      // a district seat is at least a town, whatever its recorded population
      return { kind: atLeast(kindByPopulation(population), 'town'), seat: 2 };
    case 'PPLA3':
    case 'PPLA4':
    case 'PPLA5':
      return { kind: kindByPopulation(population), seat: 3 };
  }
  const fixed = GN_FIXED[featureCode];
  if (fixed) return { kind: fixed };
  if (featureClass === 'P') return { kind: kindByPopulation(population) };
  return null;
}

/** Kind of a WOF row from its placetype (and GeoNames code for localities). */
export function wofKind(placetype: string, gnCode: string, population: number): GeoNamesKind | null {
  switch (placetype) {
    case 'locality':
      return gnCode ? geoNamesKind('P', gnCode, population) ?? { kind: kindByPopulation(population) } : { kind: kindByPopulation(population) };
    case 'neighbourhood':
    case 'microhood':
    case 'macrohood':
      return { kind: 'district' };
    case 'county':
      return { kind: 'admin2' };
    case 'localadmin':
      return { kind: 'admin3' };
    case 'region':
      return { kind: 'admin1' };
    default:
      return null;
  }
}

/** Kind of an OSM place=* value. */
export function osmKind(type: string): PlaceKind | null {
  switch (type) {
    case 'city':
      return 'city';
    case 'town':
      return 'town';
    case 'village':
      return 'village';
    case 'hamlet':
    case 'isolated_dwelling':
    case 'locality':
      return 'hamlet';
    case 'suburb':
    case 'quarter':
    case 'neighbourhood':
      return 'district';
    default:
      return null;
  }
}

/** Importance of a kind when several records of one place disagree (lower wins). */
export const KIND_ORDER: readonly PlaceKind[] = [
  'country', 'admin1', 'capital', 'city', 'admin2', 'town', 'admin3', 'village', 'hamlet', 'district',
  'camp', 'crossing', 'airport', 'base', 'port', 'oilfield', 'natural', 'site',
];
