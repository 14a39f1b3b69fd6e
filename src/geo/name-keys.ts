// The keys under which a place is indexed: the placeKey of every name, plus spelling variants that
// news uses for whole classes of names. Used by the build and by the loader (curated overlay), so
// both index a place the same way.

import { placeKey } from './keys.js';

// Maghreb orthography writes أبو as بو, often joined to the next word (بوقرين, بوسليم).
const BU_COUNTRIES = new Set(['LY', 'TN', 'DZ', 'MA', 'MR', 'EH']);

/** Keys for a place's names: placeKey of each name, and joined/short forms of "ابو X". */
export function placeKeysOf(names: readonly string[], countryCode: string, keyOf: (name: string) => string = placeKey): string[] {
  const keys: string[] = [];
  const add = (k: string) => {
    if (k !== '' && !keys.includes(k)) keys.push(k);
  };
  for (const n of names) add(keyOf(n));
  const base = [...keys];
  for (const k of base) {
    if (k.startsWith('ابو ') && k.length > 5) {
      const rest = k.slice(4);
      add(`ابو${rest}`);
      if (BU_COUNTRIES.has(countryCode)) {
        add(`بو${rest}`);
        add(`بو ${rest}`);
      }
    }
  }
  return keys;
}
