// Normalisation for matching, with an offset map back to the original text.
//
// The original text is never changed. The normalised form folds what Arabic writers vary freely
// (diacritics, tatweel, alef and hamza seats, ta marbuta, alef maqsura, presentation forms, Eastern
// digits, quotation marks, Arabic punctuation) so that one lexicon entry matches every spelling.
// Each normalised UTF-16 unit records the original [start, end) it came from, so a match found in
// the normalised form lands exactly on the original characters.

export interface NormalizedText {
  /** The normalised text used for matching. */
  readonly text: string;
  /** For each unit of `text`, the original offset where it starts. */
  readonly starts: Int32Array;
  /** For each unit of `text`, the original offset where it ends (covers marks folded into it). */
  readonly ends: Int32Array;
  /** Length of the original text. */
  readonly originalLength: number;
}

/** Map a normalised span [start, end) to the original text. Empty spans map to a point. */
export function toOriginal(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const n = norm.text.length;
  if (n === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, n));
  const e = Math.max(s, Math.min(end, n));
  if (e === s) {
    const at = s < n ? norm.starts[s] : norm.originalLength;
    return { start: at, end: at };
  }
  return { start: norm.starts[s], end: norm.ends[e - 1] };
}

// Diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel are dropped
// and folded into the preceding letter's span.
function isFoldedMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08d3 && c <= 0x08ff) ||
    (c >= 0x0300 && c <= 0x036f) // Latin combining marks, so "é" written decomposed still matches
  );
}

// Zero-width and bidi control characters, BOM, soft hyphen: removed without a trace.
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x180e
  );
}

const SINGLE: Record<number, string> = {
  // alef forms
  0x0622: 'ا', 0x0623: 'ا', 0x0625: 'ا', 0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا',
  // hamza seats
  0x0624: 'و', 0x0626: 'ي',
  // alef maqsura and Persian/Urdu yeh, kaf, heh
  0x0649: 'ي', 0x06cc: 'ي', 0x06d2: 'ي', 0x06a9: 'ك', 0x06af: 'ك', 0x06c1: 'ه', 0x06d5: 'ه',
  // ta marbuta
  0x0629: 'ه',
  // Arabic punctuation
  0x060c: ',', 0x061b: ';', 0x061f: '?', 0x066a: '%', 0x066b: '.', 0x066c: ',', 0x06d4: '.',
  // quotation marks of every kind become "
  0x0022: '"', 0x201c: '"', 0x201d: '"', 0x201e: '"', 0x201f: '"', 0x00ab: '"', 0x00bb: '"',
  0x2039: '"', 0x203a: '"', 0x300c: '"', 0x300d: '"', 0x300e: '"', 0x300f: '"', 0x301d: '"',
  0x301e: '"', 0x301f: '"', 0xff02: '"', 0x275d: '"', 0x275e: '"', 0x2e42: '"',
  // single quotes and primes become '
  0x2018: "'", 0x2019: "'", 0x201a: "'", 0x201b: "'", 0x2032: "'", 0x02bc: "'", 0x02bb: "'", 0x0060: "'",
  0x00b4: "'",
  // dashes
  0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2015: '-', 0x2212: '-', 0xfe58: '-',
  // ellipsis keeps one unit so offsets stay simple
  0x2026: '.',
};

function foldChar(c: number): string | null {
  const mapped = SINGLE[c];
  if (mapped !== undefined) return mapped;
  // Eastern Arabic and Persian digits
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(0x30 + c - 0x0660);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(0x30 + c - 0x06f0);
  // line breaks stay line breaks; every other space becomes a plain space
  if (c === 0x0a || c === 0x2028 || c === 0x2029 || c === 0x85) return '\n';
  if (c === 0x0d) return '\n';
  if (c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f || c === 0x205f || c === 0x3000) return ' ';
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return null;
}

// Presentation forms (Arabic A and B), fullwidth and other compatibility characters go through NFKC,
// one code point at a time so every output unit still knows its origin.
function needsNfkc(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc) || (c >= 0xff01 && c <= 0xff5e) ||
    (c >= 0xfe10 && c <= 0xfe6b) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0xfb00 && c <= 0xfb06);
}

/** Normalise `original` for matching. Linear in the input; never throws. */
export function normalize(original: string): NormalizedText {
  const len = original.length;
  // An upper bound on growth: NFKC of a ligature can expand (ﷺ is 18 units); grow on demand.
  let cap = len + 16;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const out: string[] = [];
  let n = 0;

  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      if (n >= cap) {
        cap = cap * 2;
        const ns = new Int32Array(cap);
        ns.set(starts);
        starts = ns;
        const ne = new Int32Array(cap);
        ne.set(ends);
        ends = ne;
      }
      starts[n] = from;
      ends[n] = to;
      out.push(s[k]);
      n++;
    }
  };

  let i = 0;
  while (i < len) {
    const c = original.charCodeAt(i);
    // surrogate pairs travel as one unit pair; lone surrogates become U+FFFD (same length)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < len ? original.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        push(original.slice(i, i + 2), i, i + 2);
        i += 2;
        continue;
      }
      push('\ufffd', i, i + 1);
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      push('\ufffd', i, i + 1);
      i++;
      continue;
    }
    if (c === 0) {
      push(' ', i, i + 1);
      i++;
      continue;
    }
    if (isFoldedMark(c)) {
      if (n > 0 && ends[n - 1] === i) ends[n - 1] = i + 1; // the mark belongs to the letter before it
      i++;
      continue;
    }
    if (isInvisible(c)) {
      i++;
      continue;
    }
    if (c === 0x0d && i + 1 < len && original.charCodeAt(i + 1) === 0x0a) {
      push('\n', i, i + 2);
      i += 2;
      continue;
    }
    const folded = foldChar(c);
    if (folded !== null) {
      push(folded, i, i + 1);
      i++;
      continue;
    }
    if (needsNfkc(c)) {
      let s = String.fromCharCode(c).normalize('NFKC');
      // the NFKC result may itself hold foldable letters (ﻷ → لأ) or marks (ﹰ → ً)
      let folded2 = '';
      for (const ch of s) {
        const cc = ch.charCodeAt(0);
        if (isFoldedMark(cc) || isInvisible(cc)) continue;
        folded2 += foldChar(cc) ?? ch;
      }
      s = folded2;
      if (s.length > 0) push(s, i, i + 1);
      else if (n > 0 && ends[n - 1] === i) ends[n - 1] = i + 1;
      i++;
      continue;
    }
    push(original[i], i, i + 1);
    i++;
  }
  return { text: out.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n), originalLength: len };
}

/** Normalise a lexicon string (no offsets needed) — the same folding as `normalize`. */
export function fold(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}
