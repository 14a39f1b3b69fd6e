// Normalisation for matching, with an offset map back to the original text.
//
// The original text is never changed. The normalised form folds what Arabic writers vary freely
// (diacritics, tatweel, alef and hamza seats, ta marbuta, alef maqsura, presentation forms, Eastern
// digits, quotation marks, Arabic punctuation) so that one lexicon entry matches every spelling.
// Each normalised UTF-16 unit records the original [start, end) it came from, so a match found in
// the normalised form lands exactly on the original characters.

import { isArabicLetter, isDigit, isLatinLetter, isWhiteSpace } from './chars.js';

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
// and folded into the preceding letter's span. Combining marks of other scripts and variation selectors
// go the same way, so "é" written decomposed still matches and an emoji selector leaves no token.
function isFoldedMark(c: number): boolean {
  if (c < 0x0300) return false;
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08ca && c <= 0x08e1) ||
    (c >= 0x08e3 && c <= 0x08ff) ||
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

// Zero-width and bidi control characters, BOM, soft hyphen, the Arabic letter mark, the deprecated
// format controls and interlinear annotation marks (U+08E2, the disputed end of ayah, is a format
// character too): removed without a trace.
function isInvisible(c: number): boolean {
  if (c < 0x00ad) return false;
  return (
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x08e2 ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0xfeff ||
    (c >= 0xfff9 && c <= 0xfffb)
  );
}

const SINGLE: Record<number, string> = {
  // alef forms
  0x0622: 'ا', 0x0623: 'ا', 0x0625: 'ا', 0x0671: 'ا', 0x0672: 'ا', 0x0673: 'ا',
  // hamza seats
  0x0624: 'و', 0x0626: 'ي',
  // alef maqsura and Persian/Urdu yeh, kaf, heh
  0x0649: 'ي', 0x06cc: 'ي', 0x06d2: 'ي', 0x06a9: 'ك', 0x06af: 'ك', 0x06c1: 'ه', 0x06d5: 'ه',
  // ta marbuta, and the Persian/Urdu letters written for it (heh with yeh above, teh marbuta goal)
  0x0629: 'ه', 0x06c0: 'ه', 0x06c3: 'ه',
  // Arabic punctuation: comma, date separator, semicolon, triple dot, question mark, percent, decimal and
  // thousands separators, five-pointed star, full stop; the reversed comma, semicolon and question mark
  // of Arabic typography; the ornate parentheses (U+FD3E closes, U+FD3F opens)
  0x060c: ',', 0x060d: ',', 0x061b: ';', 0x061e: '.', 0x061f: '?', 0x066a: '%', 0x066b: '.', 0x066c: ',',
  0x066d: '*', 0x06d4: '.', 0x2e41: ',', 0x204f: ';', 0x2e2e: '?', 0xfd3e: ')', 0xfd3f: '(',
  // quotation marks of every kind become "
  0x0022: '"', 0x201c: '"', 0x201d: '"', 0x201e: '"', 0x201f: '"', 0x00ab: '"', 0x00bb: '"',
  0x2039: '"', 0x203a: '"', 0x300c: '"', 0x300d: '"', 0x300e: '"', 0x300f: '"', 0x301d: '"',
  0x301e: '"', 0x301f: '"', 0xff02: '"', 0x275d: '"', 0x275e: '"', 0x2e42: '"', 0x275f: '"', 0x2760: '"',
  0x276e: '"', 0x276f: '"', 0x2033: '"', 0x02ba: '"', 0xff62: '"', 0xff63: '"',
  // single quotes and primes become '
  0x2018: "'", 0x2019: "'", 0x201a: "'", 0x201b: "'", 0x2032: "'", 0x02bc: "'", 0x02bb: "'", 0x0060: "'",
  0x00b4: "'", 0x275b: "'", 0x275c: "'", 0xff07: "'",
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
  // other Latin capitals (É, Ş) lower-case too, where that keeps one unit (İ would grow to two)
  if (c >= 0xc0 && c <= 0x24f && isLatinLetter(c)) {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length === 1 && lower.charCodeAt(0) !== c) return lower;
  }
  return null;
}

// Presentation forms (Arabic A and B), fullwidth and other compatibility characters go through NFKC,
// one code point at a time so every output unit still knows its origin.
function needsNfkc(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc) || (c >= 0xff01 && c <= 0xffee) ||
    (c >= 0xfe10 && c <= 0xfe6b) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0xfb00 && c <= 0xfb06);
}

type Expansion = { kind: 'mark' } | { kind: 'text'; text: string } | { kind: 'keep' };

// What one compatibility character becomes. Its NFKC form is folded like any text; then
// - nothing but marks and spaces (ﹰ is " ً", ﳲ is "ـَّ"): a mark of the letter before it, not a space;
// - one unit, or a run that stays one token (ﻻ → لا, ﷲ → الله, ﬁ → fi, ⑳ → 20): taken;
// - one character repeated (︙ → ...): one unit, as U+2026 is;
// - anything that would fall into several tokens (ﷺ → صلى الله عليه وسلم, ⒈ → "1.", ⑴ → "(1)"): the
//   character is kept as it is, one symbol, because a token must map back to whole original characters.
function expand(c: number): Expansion {
  let text = '';
  for (const ch of String.fromCharCode(c).normalize('NFKC')) {
    const cc = ch.charCodeAt(0);
    if (isFoldedMark(cc) || isInvisible(cc)) continue;
    text += foldChar(cc) ?? ch;
  }
  if (text.trim() === '') return { kind: 'mark' };
  if (text.length === 1 || oneTokenRun(text)) return { kind: 'text', text };
  if (text.split('').every((ch) => ch === text[0])) return { kind: 'text', text: text[0] };
  return { kind: 'keep' };
}

function oneTokenRun(s: string): boolean {
  for (const is of [isArabicLetter, isLatinLetter, isDigit]) {
    let all = true;
    for (let k = 0; k < s.length && all; k++) all = is(s.charCodeAt(k));
    if (all) return true;
  }
  return false;
}

// What normalize does with each UTF-16 code unit, from the rules above: keep it, fold it into the
// letter before (a mark), drop it (invisible), expand it through NFKC, handle a surrogate, or write
// the one unit it folds to. One table lookup per character instead of a dozen range tests — the
// reading benchmark found the tests to be most of normalize's time. Built on first use, then read-only.
const KEEP = 0;
const MARK = 1;
const DROP = 2;
const NFKC = 3;
const SURROGATE = 4;
let actionTable: Uint16Array | null = null;

function actions(): Uint16Array {
  if (actionTable) return actionTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) t[c] = SURROGATE;
    else if (c === 0) t[c] = 0x20; // NUL becomes a space
    else if (isFoldedMark(c)) t[c] = MARK;
    else if (isInvisible(c)) t[c] = DROP;
    else {
      const f = foldChar(c);
      t[c] = f !== null ? f.charCodeAt(0) : needsNfkc(c) ? NFKC : KEEP;
    }
  }
  return (actionTable = t);
}

// Working space for the units and offsets of a text of up to SCRATCH_MAX units, reused by every call
// (normalize never re-enters): three typed arrays allocated per document, then cut to size, were much
// of normalize's time and of the collector's. The offsets are copied out into one array at the end.
const SCRATCH_MAX = 1 << 16;
let scratch: { buf: Uint16Array; starts: Int32Array; ends: Int32Array } | null = null;

function workspace(cap: number): { buf: Uint16Array; starts: Int32Array; ends: Int32Array } {
  if (cap > SCRATCH_MAX) return { buf: new Uint16Array(cap), starts: new Int32Array(cap), ends: new Int32Array(cap) };
  if (!scratch) scratch = { buf: new Uint16Array(SCRATCH_MAX), starts: new Int32Array(SCRATCH_MAX), ends: new Int32Array(SCRATCH_MAX) };
  return scratch;
}

/** Normalise `original` for matching. Linear in the input; never throws. */
export function normalize(original: string): NormalizedText {
  const table = actions();
  const len = original.length;
  // NFKC of a ligature can expand (ﷲ is 4 units); grow on demand.
  let cap = len + 16;
  const space = workspace(cap);
  cap = space.buf.length;
  let buf = space.buf;
  let starts = space.starts;
  let ends = space.ends;
  let n = 0;

  const grow = () => {
    cap *= 2;
    const nb = new Uint16Array(cap);
    nb.set(buf);
    buf = nb;
    const ns = new Int32Array(cap);
    ns.set(starts);
    starts = ns;
    const ne = new Int32Array(cap);
    ne.set(ends);
    ends = ne;
  };
  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      if (n >= cap) grow();
      buf[n] = s.charCodeAt(k);
      starts[n] = from;
      ends[n] = to;
      n++;
    }
  };

  let i = 0;
  while (i < len) {
    const c = original.charCodeAt(i);
    let a = table[c];
    if (a === KEEP || a > SURROGATE) {
      // the common case: one unit in, one unit out
      if (c === 0x0d && i + 1 < len && original.charCodeAt(i + 1) === 0x0a) {
        push('\n', i, i + 2); // CR LF is one line break
        i += 2;
        continue;
      }
      if (n >= cap) grow();
      buf[n] = a === KEEP ? c : a;
      starts[n] = i;
      ends[n] = i + 1;
      n++;
      i++;
      continue;
    }
    if (a === SURROGATE) {
      // surrogate pairs travel as one unit pair; lone surrogates become U+FFFD (same length)
      const d = i + 1 < len ? original.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        push(original.slice(i, i + 2), i, i + 2);
        i += 2;
      } else {
        push('\ufffd', i, i + 1);
        i++;
      }
      continue;
    }
    if (a === NFKC) {
      const x = expand(c);
      if (x.kind === 'text') push(x.text, i, i + 1);
      else if (x.kind === 'keep') push(original[i], i, i + 1);
      else a = MARK;
    }
    if (a === MARK && n > 0 && ends[n - 1] === i) ends[n - 1] = i + 1; // the mark belongs to the letter before it
    // DROP: invisible characters leave no trace
    i++;
  }
  const text = decode(buf, n);
  // arrays of this call's own (a long text) are kept as they are; the shared ones are copied out, the
  // offsets into one array of their own, starts then ends
  if (starts !== scratch?.starts) return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n), originalLength: len };
  const offsets = new Int32Array(2 * n);
  offsets.set(starts.subarray(0, n));
  offsets.set(ends.subarray(0, n), n);
  return { text, starts: offsets.subarray(0, n), ends: offsets.subarray(n, 2 * n), originalLength: len };
}

// UTF-16 units to a string. TextDecoder copies the units in one pass (String.fromCharCode.apply over
// chunks was a third of normalize's time); the units are always well-formed UTF-16 (a lone surrogate
// was written as U+FFFD above) and no BOM is dropped, so nothing is replaced or lost. It reads the
// array's bytes, so only where they are little-endian; elsewhere the units go through fromCharCode.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function decode(buf: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN) return UTF16.decode(buf.subarray(0, n));
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let k = 0; k < n; k += CHUNK) parts.push(String.fromCharCode.apply(null, buf.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Normalise a lexicon string (no offsets needed) — the same folding as `normalize`. */
export function fold(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/**
 * fold(original.slice(start, end)), read from the normalisation of the whole original: normalize
 * works character by character, so a slice's normalised text is the part of the whole's that the
 * slice's characters gave (those whose first unit starts inside it). Saves normalising the text a
 * second time, piece by piece. For slices that do not cut a surrogate pair.
 */
export function foldRange(norm: NormalizedText, start: number, end: number): string {
  const t = norm.text.slice(firstUnitFrom(norm.starts, start), firstUnitFrom(norm.starts, end));
  return spacesFolded(t) ? t : t.replace(/\s+/g, ' ').trim();
}

/** Whether collapsing and trimming white space would leave `s` as it is: single plain spaces inside only. */
function spacesFolded(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isWhiteSpace(s.charCodeAt(0)) || isWhiteSpace(s.charCodeAt(n - 1))) return false;
  for (let k = 1; k < n - 1; k++) {
    const c = s.charCodeAt(k);
    if (isWhiteSpace(c) && (c !== 0x20 || isWhiteSpace(s.charCodeAt(k + 1)))) return false;
  }
  return true;
}

/** The first normalised unit whose original start is at or after `at` (starts only grow). */
export function firstUnitFrom(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
