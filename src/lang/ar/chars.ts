// Character classes shared by the normaliser and the tokeniser. They must agree: the normaliser only
// lets a compatibility character expand to several units when the tokeniser will keep those units in
// one token, so every token still maps back to whole original characters.

/** A letter of the Arabic script, as it appears in normalised text (marks and tatweel are gone by then). */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x066f) || (c >= 0x0671 && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08c9);
}

/** A Latin letter: ASCII and Latin-1/Extended-A/B, without × and ÷. */
export function isLatinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** An ASCII digit (Eastern Arabic and Persian digits are folded to these). */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * What the regular expression \s matches (white space and line terminators), by UTF-16 code: the
 * common letters are ruled out by the first two tests.
 */
export function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}
