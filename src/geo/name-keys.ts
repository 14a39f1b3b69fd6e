// The keys under which a place is indexed: the placeKey of every name, plus spelling variants that
// news uses for whole classes of names. Used by the build and by the loader (curated overlay), so
// both index a place the same way.

import { placeKey } from './keys.js';

// Maghreb orthography writes أبو as بو, often joined to the next word (بوقرين, بوسليم).
const BU_COUNTRIES = new Set(['LY', 'TN', 'DZ', 'MA', 'MR', 'EH']);

// First words that Arabic writers often join to the rest of a place name.
const JOINABLE = new Set(['كفر', 'دير', 'عين', 'تل', 'بيت', 'ام', 'بني', 'راس', 'خربه', 'جسر', 'بئر', 'بير', 'قصر', 'عرب', 'بنت', 'مرج', 'وادي', 'جبل', 'سيدي', 'عزبه', 'منيه', 'كوم', 'خان']);
// Last words that distinguish twin villages (keys have lost their article).
const QUALIFIERS = new Set(['شرقيه', 'غربيه', 'شماليه', 'جنوبيه', 'كبري', 'صغري', 'فوقا', 'تحتا', 'فوقاني', 'تحتاني', 'قبليه', 'بحريه', 'جديده', 'قديمه', 'دولي', 'عالمي', 'جويه']);

/** Keys for a place's names: placeKey of each name, and joined/short forms of "ابو X". */
export function placeKeysOf(names: readonly string[], countryCode: string, keyOf: (name: string) => string = placeKey): string[] {
  const keys: string[] = [];
  const add = (k: string) => {
    if (k !== '' && !keys.includes(k)) keys.push(k);
  };
  for (const n of names) add(keyOf(n));
  const base = [...keys];
  for (const k of base) {
    // news writes كفر ناها as كفرناها, دير الزور as ديرالزور: index the joined form too
    const words = k.split(' ');
    if (words.length >= 2 && JOINABLE.has(words[0])) add(`${words[0]}${words.slice(1).join(' ')}`);
    // a village named with a direction or size (كفر جوم الغربيه) is often written without it
    if (words.length >= 3 && QUALIFIERS.has(words[words.length - 1])) add(words.slice(0, -1).join(' '));
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
