// Tokens over the normalised text, each a span of the original.
// A token is a run of Arabic letters, of Latin letters, or of digits (with internal separators as in
// 1,500 or 3.5), or one punctuation or other character. A change of script splits a token, so
// "و105" gives "و" + "105" and "11أيلول" gives "11" + "أيلول"; `glued` records that no space was there.
// A comma joins digits only as a thousands separator (exactly three digits after it): the Arabic comma
// is folded to "," as well, and "5،6" is a list of two numbers, not 56.

import type { NormalizedText } from './normalize.js';
import type { Token, TokenKind } from '../../doc/types.js';
import { isArabicLetter, isDigit, isLatinLetter } from './chars.js';

export { isArabicLetter };

export interface TokenWithGlue extends Token {
  /** True when the token follows the previous one with no space between them. */
  glued: boolean;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

function classify(c: number): TokenKind | 'space' {
  if (isSpace(c)) return 'space';
  if (isArabicLetter(c)) return 'arabic';
  if (isLatinLetter(c)) return 'latin';
  if (isDigit(c)) return 'number';
  if (c < 0x80 || (c >= 0x2000 && c <= 0x206f)) return 'punct';
  return 'other';
}

// The kind of every UTF-16 unit, as an index into KINDS: one table read per character instead of a
// chain of range tests (built on first use, then read-only).
const KINDS: ReadonlyArray<TokenKind | 'space'> = ['space', 'arabic', 'latin', 'number', 'punct', 'other'];
let kindTable: Uint8Array | null = null;

function kinds(): Uint8Array {
  if (kindTable) return kindTable;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = KINDS.indexOf(classify(c));
  return (kindTable = t);
}

// Exactly three digits at `at`, and no fourth.
function isThousandsGroup(t: string, at: number): boolean {
  return at + 3 <= t.length && isDigit(t.charCodeAt(at)) && isDigit(t.charCodeAt(at + 1)) &&
    isDigit(t.charCodeAt(at + 2)) && !isDigit(t.charCodeAt(at + 3));
}

/** Split normalised text into tokens; spans are mapped to the original through the offset map. */
export function tokenize(norm: NormalizedText): TokenWithGlue[] {
  const t = norm.text;
  const n = t.length;
  const table = kinds();
  const tokens: TokenWithGlue[] = [];
  let i = 0;
  let sawSpace = true;
  while (i < n) {
    const c = t.charCodeAt(i);
    const kc = table[c];
    const k = KINDS[kc];
    if (k === 'space') {
      sawSpace = true;
      i++;
      continue;
    }
    let j = i + 1;
    if (k === 'arabic' || k === 'latin') {
      while (j < n && table[t.charCodeAt(j)] === kc) j++;
    } else if (k === 'number') {
      // digits with internal separators: 1,500  3.5  1.000.000 — a separator counts only between digits
      for (;;) {
        while (j < n && isDigit(t.charCodeAt(j))) j++;
        const sep = t.charCodeAt(j);
        if (sep === 0x2e && j + 1 < n && isDigit(t.charCodeAt(j + 1))) {
          j++;
          continue;
        }
        if (sep === 0x2c && isThousandsGroup(t, j + 1)) {
          j++;
          continue;
        }
        break;
      }
    } else if (k === 'other' && c >= 0xd800 && c <= 0xdbff && j < n) {
      j++; // keep a surrogate pair together
    }
    tokens.push({
      start: norm.starts[i],
      end: norm.ends[j - 1],
      nstart: i,
      nend: j,
      kind: k,
      norm: t.slice(i, j),
      glued: !sawSpace,
    });
    sawSpace = false;
    i = j;
  }
  return tokens;
}
