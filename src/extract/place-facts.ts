// What the place finder asks of a name's candidate places, answered once per name. News repeats its
// names (and everyday words that are also village names, ان، علي، جيش…, a hundred candidates an
// article): each used to scan its places some ten times over, for votes, cue needs and size.
import type { Place } from '../geo/types.js';

// non-town places that news names with their own word (camps, crossings, airports, bases…)
const SPECIAL: ReadonlySet<string> = new Set(['camp', 'crossing', 'airport', 'base', 'port', 'oilfield', 'district']);

export interface PlaceFacts {
  /** The places' countries, each once, in the order of the places. */
  countries: string[];
  /** Some place is big enough to vote for its country alone (20,000 people, a capital, a region). */
  solid: boolean;
  /** Countries of the places of 100,000 people or more, each once (a city and its district are one vote), in order. */
  bigCountries: string[];
  /** Countries whose capital bears the name: a capital outweighs a namesake district when they vote. */
  capitalCountries: string[];
  /** Every place is an everyday word under this name (true for no places). */
  allCommon: boolean;
  /** Some place is a quarter of a town. */
  district: boolean;
  /** Some place has 50,000 people or is a capital: taken abroad without a place word. */
  bigAbroad: boolean;
  /** Some place is big for news (a region, a capital, a city of 20,000, any place of 50,000), not a district. */
  big: boolean;
  /** Some place is a town or more (5,000 people, a city, a seat, a camp, a crossing…). */
  town: boolean;
}

export function placeFacts(places: readonly Place[]): PlaceFacts {
  const countries: string[] = [];
  const bigCountries: string[] = [];
  const capitalCountries: string[] = [];
  let solid = false;
  let allCommon = true;
  let district = false;
  let bigAbroad = false;
  let big = false;
  let town = false;
  for (const p of places) {
    const pop = p.population ?? 0;
    if (!countries.includes(p.countryCode)) countries.push(p.countryCode);
    if (pop >= 100000 && !bigCountries.includes(p.countryCode)) bigCountries.push(p.countryCode);
    if (p.kind === 'capital' && !capitalCountries.includes(p.countryCode)) capitalCountries.push(p.countryCode);
    if (pop >= 20000 || p.kind === 'capital' || p.kind === 'admin1') solid = true;
    if (!p.commonWord) allCommon = false;
    if (p.kind === 'district') district = true;
    if (pop >= 50000 || p.kind === 'capital') bigAbroad = true;
    // a district or county (admin-2) is big on paper but news names it with a region word
    if (p.kind !== 'admin2' && p.kind !== 'admin3' && (pop >= 50000 || p.kind === 'capital' || p.kind === 'admin1' || (p.kind === 'city' && pop >= 20000))) big = true;
    if (pop >= 5000 || p.kind === 'city' || p.kind === 'capital' || p.kind === 'admin1' || (p.seat ?? 9) <= 3 || SPECIAL.has(p.kind)) town = true;
  }
  return { countries, solid, bigCountries, capitalCountries, allCommon, district, bigAbroad, big, town };
}
