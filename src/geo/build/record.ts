// What every importer yields: one record per source row, before merging.

import type { PlaceKind } from '../types.js';

export type SourceName = 'gn' | 'wof' | 'osm' | 'ne' | 'iso' | 'cur' | 'cty';

export interface SourceRecord {
  source: SourceName;
  /** Source-prefixed id (gn:123, wof:456, osm:ly-town-27, ne:LY.72). */
  id: string;
  /** GeoNames id when the source knows it (GeoNames itself, WOF concordance, Natural Earth gn_id). */
  gnId?: string;
  kind: PlaceKind;
  /** Default Latin name (English where the source has it). */
  name: string;
  /** Arabic-script names, the source's preferred first. */
  ar: string[];
  /** Latin-script names. */
  latin: string[];
  lat: number;
  lon: number;
  population: number;
  /** ISO2, upper case. */
  cc: string;
  /** GeoNames-style admin-1 key "CC.code" when the source gives one. */
  admin1Code?: string;
  /** Region name as the source writes it (WOF), used to find the admin-1 code when none is given. */
  regionName?: string;
  admin2?: string;
  admin2Ar?: string;
  /** 0 capital, 1 PPLA, 2 PPLA2, 3 PPLA3/4. */
  seat?: number;
  /** false when the source marks the record not current. */
  current?: boolean;
  /** How much to trust this record's point when merging: higher wins. */
  coordRank: number;
}

export interface SourceStats {
  source: SourceName | 'countries';
  files: string[];
  /** Data rows read (header and comment lines excluded). */
  rows: number;
  /** Rows turned into records that passed the importer's filter. */
  kept: number;
  /** Rows that could not be parsed (wrong column count, bad number...). */
  malformed: number;
  /** Rows parsed but left out (outside the region, unmapped feature code, no useful name). */
  skipped: number;
}

export function emptyStats(source: SourceStats['source']): SourceStats {
  return { source, files: [], rows: 0, kept: 0, malformed: 0, skipped: 0 };
}

/** Warning callback; `file:line` where known. */
export type WarnFn = (message: string) => void;
