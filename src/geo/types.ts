// Shared types of the gazetteer: what a place is, and the kinds it can be.

/**
 * What a place is. Populated places are graded by importance (capital > city > town > village >
 * hamlet); `district` is a neighbourhood or quarter of a city; the rest are the non-town places that
 * conflict news names (crossings, bases, camps...).
 */
export type PlaceKind =
  | 'country'
  | 'admin1'
  | 'admin2'
  | 'admin3'
  | 'capital'
  | 'city'
  | 'town'
  | 'village'
  | 'hamlet'
  | 'district'
  | 'camp'
  | 'crossing'
  | 'airport'
  | 'base'
  | 'port'
  | 'oilfield'
  | 'natural'
  | 'site';

export const PLACE_KINDS: readonly PlaceKind[] = [
  'country', 'admin1', 'admin2', 'admin3', 'capital', 'city', 'town', 'village', 'hamlet', 'district',
  'camp', 'crossing', 'airport', 'base', 'port', 'oilfield', 'natural', 'site',
];

/** Populated places, from the largest grade down. */
export const SETTLEMENT_KINDS: ReadonlySet<PlaceKind> = new Set(['capital', 'city', 'town', 'village', 'hamlet']);
export const ADMIN_KINDS: ReadonlySet<PlaceKind> = new Set(['country', 'admin1', 'admin2', 'admin3']);

export function isPlaceKind(s: string): s is PlaceKind {
  return (PLACE_KINDS as readonly string[]).includes(s);
}

/** One gazetteer entry as the API hands it out. */
export interface Place {
  /** Source-prefixed id: gn:2214846, wof:890442375, osm:ly-town-27, ne:LY.72, cur:abu-qurayn. */
  id: string;
  /** English (Latin-script) display name, ASCII where the source allowed. */
  name: string;
  /** Preferred Arabic name ('' when the sources have none). */
  nameAr: string;
  /** Every name: Arabic-script names first, then Latin. */
  names: string[];
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** 0 when unknown. */
  population: number;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** English country name. */
  country: string;
  /** GeoNames-style admin-1 key such as "LY.72" ('' when unknown). */
  admin1Code: string;
  /** English admin-1 name ('' when unknown). */
  admin1: string;
  admin1Ar: string;
  /** Admin-2 (WOF county / district) where the data has one. */
  admin2?: string;
  admin2Ar?: string;
  /** Which sources contributed, '+'-joined: gn, wof, osm, ne, iso, cur, cty. */
  source: string;
  /** 1 for a seat of admin-1, 2 of admin-2, 3 of admin-3 (GeoNames PPLA/PPLA2/PPLA3, PPLC → 0). */
  seat?: number;
  /** For countries and admin-1 regions: the id of the capital / seat. */
  capitalId?: string;
  /** Ids of source records merged into this one. */
  altIds?: string[];
  /** The preferred Arabic name is also an everyday word: the matcher needs a cue before taking it. */
  commonWord?: boolean;
  /** Every source record was marked not current (WOF mz:is_current = 0). */
  old?: boolean;
}

/** A country as `countries()` / `countryByKey()` give it. */
export interface Country {
  code: string;
  name: string;
  nameAr: string;
  /** Keys of the country's names (ليبيا, Libya...). */
  nameKeys: string[];
  /** Keys of the nationality adjectives (ليبي, ليبيه, ليبيون, libyan...). */
  adjectiveKeys: string[];
  /** The country's place id (kind 'country'). */
  placeId: string;
  capitalId?: string;
  arabLeague: boolean;
}
