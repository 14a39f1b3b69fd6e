// A layer split by sentence in one pass, for stages that work sentence by sentence: filtering the
// whole layer again for every sentence is quadratic in the article (a 1 MB article has ~8,000
// sentences and ~10,000 numbers).
import type { Sentence } from '../doc/types.js';
import { lastIndexAtOrBelow } from './bisect.js';

interface TokenRange {
  tokenStart: number;
  tokenEnd: number;
}

/**
 * For each sentence, the items lying wholly inside it (tokenStart ≥ its start, tokenEnd ≤ its end),
 * in the layer's order: what `items.filter(…)` per sentence gives. Sentences out of order or
 * overlapping get that filter itself.
 */
export function itemsBySentence<T extends TokenRange>(sentences: readonly Sentence[], items: readonly T[]): T[][] {
  const out: T[][] = sentences.map(() => []);
  const ordered = sentences.every((s, k) => s.tokenStart <= s.tokenEnd && (k === 0 || sentences[k - 1].tokenEnd <= s.tokenStart));
  if (!ordered) return sentences.map((s) => items.filter((n) => n.tokenStart >= s.tokenStart && n.tokenEnd <= s.tokenEnd));
  for (const n of items) {
    if (n.tokenEnd <= n.tokenStart) {
      // an empty range may sit at the boundary of several sentences: ask each, as the filter would
      sentences.forEach((s, k) => {
        if (n.tokenStart >= s.tokenStart && n.tokenEnd <= s.tokenEnd) out[k].push(n);
      });
      continue;
    }
    // the last sentence starting at or before the item: the only one that can hold it
    const at = lastIndexAtOrBelow(sentences, (x) => x.tokenStart, n.tokenStart);
    // a non-empty item lies in one sentence at most: an earlier one ends by this one's start
    if (at >= 0 && n.tokenEnd <= sentences[at].tokenEnd) out[at].push(n);
  }
  return out;
}
