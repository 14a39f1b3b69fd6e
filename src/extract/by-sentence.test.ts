// itemsBySentence gives, for any sentences and items, what filtering the items per sentence gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sentence } from '../doc/types.js';
import { itemsBySentence } from './by-sentence.js';

const filterEach = <T extends { tokenStart: number; tokenEnd: number }>(sentences: Sentence[], items: T[]) =>
  sentences.map((s) => items.filter((n) => n.tokenStart >= s.tokenStart && n.tokenEnd <= s.tokenEnd));

/** Sentences from their lengths (some empty), one after another as the sentence splitter gives them. */
const sentencesOf = (lengths: number[]): Sentence[] => {
  let at = 0;
  return lengths.map((n) => {
    const s = { start: at * 5, end: (at + n) * 5, tokenStart: at, tokenEnd: at + n };
    at += n;
    return s;
  });
};

describe('itemsBySentence', () => {
  it('splits a numbers-like layer as a filter per sentence does, keeping the layer order', () => {
    const sentences = sentencesOf([4, 0, 3, 5]);
    const items = [
      { id: 'a', tokenStart: 0, tokenEnd: 2 },
      { id: 'across', tokenStart: 3, tokenEnd: 5 },
      { id: 'b', tokenStart: 4, tokenEnd: 7 },
      { id: 'empty-at-boundary', tokenStart: 4, tokenEnd: 4 },
      { id: 'c', tokenStart: 8, tokenEnd: 9 },
      { id: 'past-the-end', tokenStart: 11, tokenEnd: 13 },
      { id: 'd', tokenStart: 7, tokenEnd: 8 },
    ];
    const got = itemsBySentence(sentences, items).map((l) => l.map((n) => n.id));
    expect(got).toEqual([['a', 'empty-at-boundary'], ['empty-at-boundary'], ['b', 'empty-at-boundary'], ['c', 'd']]);
    expect(got).toEqual(filterEach(sentences, items).map((l) => l.map((n) => n.id)));
  });

  it('agrees with the filter on any layer, ordered sentences or not', () => {
    const range = fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 8 })).map(([a, n]) => ({ tokenStart: a, tokenEnd: a + n }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 8 }), fc.array(range, { maxLength: 30 }), fc.boolean(), (lengths, items, shuffle) => {
        const sentences = sentencesOf(lengths);
        if (shuffle) sentences.reverse();
        expect(itemsBySentence(sentences, items)).toEqual(filterEach(sentences, items));
      }),
      { numRuns: 500 },
    );
  });
});
