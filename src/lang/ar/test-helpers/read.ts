// Test helper: read a text through the Arabic reading stages alone (normalise, tokens, sentences,
// clitics, numbers), with the language data from data/lang/ar and nothing else loaded.
import { dataPath } from '../../../knowledge/paths.js';
import { createDocument } from '../../../doc/document.js';
import type { MarsadDocument } from '../../../doc/types.js';
import { loadArabicData, type ArabicData } from '../data.js';
import { cliticsStage, numbersStage, tokensStage } from '../reader.js';

let data: ArabicData | null = null;

/** The Arabic language data, loaded on first use (each test file runs in its own process). */
export function arabicData(): ArabicData {
  return (data ??= loadArabicData(dataPath('lang', 'ar')));
}

/** A document read by the three reading stages, in the pipeline's order. */
export function read(text: string, d: ArabicData = arabicData()): MarsadDocument {
  const doc = createDocument({ id: 'test', text });
  const known = (w: string) => d.known.has(w);
  for (const stage of [tokensStage(d), cliticsStage(known), numbersStage(d)]) stage.run(doc);
  return doc;
}

/** The original text of a span. */
export const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);
