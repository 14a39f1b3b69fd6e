// Place names that are also everyday words (زمزم، النصر، السلام، الشهداء...). The gazetteer flags a
// place whose preferred Arabic name is one of them, and the text matcher takes such a name as a
// place only with a cue (a preposition of place, "بلدة", "مدينة", "قرية", a neighbouring place...).
// The list is data (data/gazetteer/common-words.json), read when a gazetteer is loaded, so editing
// it needs no rebuild.

import { readFileSync } from 'node:fs';
import { placeKey } from './keys.js';

export interface CommonWordsFile {
  about: string;
  licence: string;
  /** Named groups of words, e.g. "everyday", "news", "given-names". */
  groups: Record<string, string[]>;
}

/** The keys (placeKey) of every word in the file. */
export function loadCommonWords(path: string): Set<string> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as CommonWordsFile;
  if (!doc || typeof doc.groups !== 'object') throw new Error(`${path}: expected {about, licence, groups:{...}}`);
  const keys = new Set<string>();
  for (const [group, words] of Object.entries(doc.groups)) {
    if (!Array.isArray(words)) throw new Error(`${path}: group ${group} is not a list`);
    for (const w of words) {
      const k = placeKey(w);
      if (k) keys.add(k);
    }
  }
  return keys;
}
