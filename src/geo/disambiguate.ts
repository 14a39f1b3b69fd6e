// Choosing among the places that share a name (طرابلس in Libya or Lebanon, the many النصر, three
// Syrian دوما). The text matcher proposes candidates; this ranks them from the article's context and
// says why, one reason per rule that scored, so the choice can be explained and tuned.
//
// Weights (sum of the rules that apply):
//   country hint   first +6, second +3, third and later +2, +1.5…; a candidate outside every hinted
//                  country −1. The article's country decides most homonyms (طرابلس + LB → Lebanon).
//   admin hint     +4 when the hinted region (ريف دمشق، محافظة إدلب) is the candidate's admin-1 or
//                  admin-2 as written, +3 when it is once admin and direction words are dropped
//                  (ريف حلب الغربي → حلب), +1 when the candidate is that region itself.
//   nearby places  +3 within 25 km of another place of the article, +2 within 75, +1 within 200.
//   kind hint      +5 when the candidate is of the hinted kind (or kind group: settlement, admin):
//                  the text said so (محافظة X, مخيم X), which outweighs size.
//   kind prior     capital +2, city +1.5, town +1, village/district/facility +0.5–0.8, admin-1 +0.5,
//                  so a city outranks the region named after it unless the text says region.
//   population     log10(1 + population) / 3, at most +2; seat of admin-1 +0.5, of admin-2 +0.3.
//   old record     −1 (WOF marks it not current).
// Ties are broken by population, then id, so the ranking is deterministic.

import { distanceKm } from './distance.js';
import { placeKey } from './keys.js';
import type { Place, PlaceKind } from './types.js';
import { ADMIN_KINDS, SETTLEMENT_KINDS } from './types.js';
import { dataPath } from './paths.js';
import { loadCommonWords } from './common-words.js';

export interface RankContext {
  /** ISO2 codes in order of weight (the article's country first). */
  countryHint?: string[];
  /** Points of the other places named in the same article. */
  nearby?: Array<{ lat: number; lon: number }>;
  /** Administrative context as written or keyed: "ريف دمشق", "محافظة إدلب", "ريف حلب", "Idlib". */
  adminHint?: string;
  /** A kind ("city", "admin1", "camp"...) or a group: "settlement", "admin". */
  kindHint?: string;
}

export interface Ranked {
  place: Place;
  score: number;
  /** One entry per rule that scored, e.g. "country:LB#1 +6", "near:12km +3". */
  reasons: string[];
}

const KIND_PRIOR: Record<PlaceKind, number> = {
  capital: 2, city: 1.5, town: 1, village: 0.5, hamlet: 0.2, district: 0.5,
  camp: 0.8, crossing: 0.8, airport: 0.8, base: 0.8, port: 0.8, oilfield: 0.6, natural: 0.3, site: 0.2,
  admin1: 0.5, admin2: 0.3, admin3: 0.2, country: 0,
};

// Words before a region's name that are not part of it (محافظة إدلب → إدلب; ريف حلب → حلب).
const ADMIN_WORDS = new Set(['محافظه', 'ولايه', 'شعبيه', 'بلديه', 'اقليم', 'منطقه', 'مديريه', 'قضاء', 'ناحيه', 'لواء', 'ريف', 'governorate', 'province', 'district', 'region', 'countryside']);
// Direction words after it (ريف حلب الغربي → حلب).
const DIRECTION_WORDS = new Set(['شمالي', 'جنوبي', 'شرقي', 'غربي', 'شماليه', 'جنوبيه', 'شرقيه', 'غربيه', 'شمال', 'جنوب', 'شرق', 'غرب', 'اوسط', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western']);

/** The keys a region hint may match: as written, and without admin and direction words. */
export function adminHintKeys(hint: string): string[] {
  const key = placeKey(hint);
  const out = new Set<string>([key]);
  let words = key.split(' ');
  while (words.length > 1 && ADMIN_WORDS.has(words[0])) words = words.slice(1);
  while (words.length > 1 && DIRECTION_WORDS.has(words[words.length - 1])) words = words.slice(0, -1);
  out.add(words.join(' '));
  out.delete('');
  return [...out];
}

function regionKeys(name: string | undefined): string[] {
  return name ? adminHintKeys(name) : [];
}

function kindMatches(kind: PlaceKind, hint: string): boolean {
  if (hint === kind) return true;
  if (hint === 'settlement') return SETTLEMENT_KINDS.has(kind);
  if (hint === 'admin' || hint === 'region') return ADMIN_KINDS.has(kind) && kind !== 'country';
  return false;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Rank candidates, best first, each with its score and the reasons for it. */
export function rankCandidates(candidates: Place[], ctx: RankContext = {}): Ranked[] {
  const hints = ctx.adminHint ? adminHintKeys(ctx.adminHint) : [];
  const exact = hints[0];
  const hintKeys = new Set(hints);
  const ranked = candidates.map((place) => {
    let score = 0;
    const reasons: string[] = [];
    const add = (points: number, reason: string) => {
      if (points === 0) return;
      score += points;
      reasons.push(`${reason} ${points > 0 ? '+' : ''}${round1(points)}`);
    };

    if (ctx.countryHint?.length) {
      const i = ctx.countryHint.indexOf(place.countryCode);
      if (i < 0) add(-1, `country:${place.countryCode}∉hint`);
      else add(i === 0 ? 6 : i === 1 ? 3 : Math.max(1, 2.5 - i * 0.5), `country:${place.countryCode}#${i + 1}`);
    }

    if (hints.length) {
      // 2: the hint as written is the region's name; 1: it is once admin/direction words are dropped
      const match = (names: Array<string | undefined>) => {
        let m = 0;
        for (const n of names) {
          for (const k of regionKeys(n)) {
            if (k === exact) return 2;
            if (hintKeys.has(k)) m = 1;
          }
        }
        return m;
      };
      const a1 = match([place.admin1, place.admin1Ar]);
      const a2 = match([place.admin2, place.admin2Ar]);
      if (ADMIN_KINDS.has(place.kind) && match(place.names) > 0) add(1, 'admin:self');
      else if (a1 || a2) {
        const label = a1 >= a2 ? `admin1:${place.admin1 || place.admin1Ar}` : `admin2:${place.admin2 ?? place.admin2Ar}`;
        add(Math.max(a1, a2) === 2 ? 4 : 3, label);
      }
    }

    if (ctx.nearby?.length) {
      let d = Infinity;
      for (const q of ctx.nearby) d = Math.min(d, distanceKm(place.lat, place.lon, q.lat, q.lon));
      if (d < 25) add(3, `near:${Math.round(d)}km`);
      else if (d < 75) add(2, `near:${Math.round(d)}km`);
      else if (d < 200) add(1, `near:${Math.round(d)}km`);
    }

    if (ctx.kindHint && kindMatches(place.kind, ctx.kindHint)) add(5, `kind:${ctx.kindHint}`);
    add(KIND_PRIOR[place.kind] ?? 0, `prior:${place.kind}`);
    add(Math.min(2, Math.log10(1 + place.population) / 3), `pop:${place.population}`);
    if (place.seat === 1) add(0.5, 'seat:admin1');
    else if (place.seat === 2) add(0.3, 'seat:admin2');
    if (place.old) add(-1, 'old-record');
    return { place, score: Math.round(score * 100) / 100, reasons };
  });
  return ranked.sort(
    (a, b) => b.score - a.score || b.place.population - a.place.population || (a.place.id < b.place.id ? -1 : a.place.id > b.place.id ? 1 : 0),
  );
}

/** The best candidate, or undefined when there is none. */
export function bestCandidate(candidates: Place[], ctx: RankContext = {}): Ranked | undefined {
  return rankCandidates(candidates, ctx)[0];
}

/** Where the list of place names that are also everyday words lives. */
export function commonWordsPath(): string {
  return dataPath('gazetteer', 'common-words.json');
}

/**
 * COMMON_WORD_NAMES: the keys of data/gazetteer/common-words.json (زمزم، النصر، السلام…). Read on
 * call, not at import (no work at import time); a loaded Gazetteer holds the same set as
 * `commonWords` and flags places with `commonWord`.
 */
export function COMMON_WORD_NAMES(path: string = commonWordsPath()): ReadonlySet<string> {
  return loadCommonWords(path);
}
