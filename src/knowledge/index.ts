// The compiled knowledge: language data and lexicons, loaded once at start-up and injected into stages.
import { loadArabicData, type ArabicData } from '../lang/ar/data.js';
import type { KnownWord } from '../lang/ar/clitics.js';
import { dataPath } from './paths.js';

export interface Knowledge {
  arabic: ArabicData;
  /** Is this folded word known (so the clitic splitter keeps it whole)? */
  known: KnownWord;
}

export function loadKnowledge(): Knowledge {
  const arabic = loadArabicData(dataPath('lang', 'ar'));
  const known = (w: string) => arabic.known.has(w);
  return { arabic, known };
}
