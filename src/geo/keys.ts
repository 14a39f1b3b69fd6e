// The matching key of a place name. The gazetteer indexes every name by this key and the text
// matcher builds keys from text tokens with the same function, so both sides agree by construction.
//
// placeKey(name), in order:
//  1. fold() from the Arabic layer: alef and hamza seats → ا/و/ي, ة → ه, ى → ي, diacritics and
//     tatweel dropped, Eastern digits → 0-9, Latin lower-cased.
//  2. Latin: decompose (NFD) and drop combining marks (ş → s, ā → a), map the few letters NFD
//     leaves alone (ı ø ł đ ß æ œ), and delete apostrophes and ʿayn/hamza marks (Ra’s → ras).
//  3. Anything that is not a letter or digit becomes a space; spaces collapse to one.
//  4. Per word: an Arabic word loses a leading "ال" when at least 2 letters remain (البصره → بصره,
//     but الم stays); a Latin article word (al el ad ar as ash at az an ed en er es et ez) is dropped
//     when another word follows, so "al-Hasun", "al Hasun" and "Hasun" meet.
//
// Not idempotent in one corner: a word that starts with ال twice (الالعاب) loses only the first, so
// placeKey(placeKey(x)) may differ from placeKey(x). Always key raw names and raw tokens.
// A name that starts with a non-article ال (ألمانيا, الياس) loses it too; text tokens lose it the same
// way, so matching still works; only the rare collision with the shorter word is a cost.

import { fold } from '../lang/ar/normalize.js';

// The brief's al- el- ad- ar- as- ash- at- az- an-, plus the e-forms of the same article that
// transliterations use (Deir ez-Zor, Ras en Naqoura, Tell es-Sultan).
const LATIN_ARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'ed', 'en', 'er', 'es', 'esh', 'et', 'ez']);

// Letters that NFD does not decompose.
const LATIN_EXTRA: Record<string, string> = {
  'ı': 'i', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'þ': 'th', 'ð': 'd', 'ħ': 'h',
  'ŧ': 't', 'ŀ': 'l', 'ɨ': 'i', 'ə': 'e', 'ʻ': '', 'ʼ': '', 'ʿ': '', 'ʾ': '', "'": '', '‘': '', '’': '', '`': '', '´': '',
};

const ARABIC_RE = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const LATIN_LETTER_RE = /[a-z\u00c0-\u024f\u1e00-\u1eff]/i;
const NON_KEY_RE = /[^\p{L}\p{N}]+/gu;

/** True when the string holds at least one Arabic-script letter. */
export function isArabicScript(s: string): boolean {
  return ARABIC_RE.test(s);
}

/** True when the string holds Latin letters and no letters of any other script. */
export function isLatinScript(s: string): boolean {
  if (!LATIN_LETTER_RE.test(s)) return false;
  for (const ch of s) {
    if (/\p{L}/u.test(ch) && !LATIN_LETTER_RE.test(ch) && !(ch in LATIN_EXTRA)) return false;
  }
  return true;
}

// Only Latin letters are decomposed: NFD of an Arabic letter such as ۀ would leave a hamza mark that
// later splits the word.
function stripLatin(s: string): string {
  if (!/[\u00c0-\u024f\u1e00-\u1eff\u0250-\u02ff'‘’`´]/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const extra = LATIN_EXTRA[ch];
    if (extra !== undefined) out += extra;
    else if ((c >= 0x00c0 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff)) out += ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    else out += ch;
  }
  return out;
}

function isArabicLetter(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}

/** The matching key of a place name (Arabic or Latin). Deterministic; '' for a name with no letters. */
export function placeKey(name: string): string {
  const folded = stripLatin(fold(name)).toLowerCase().replace(NON_KEY_RE, ' ').trim();
  if (folded === '') return '';
  const words = folded.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i];
    if (w.length >= 4 && w.charCodeAt(0) === 0x0627 && w.charCodeAt(1) === 0x0644 && isArabicLetter(w.charCodeAt(2))) {
      w = w.slice(2);
    } else if (i < words.length - 1 && LATIN_ARTICLES.has(w)) {
      continue;
    }
    out.push(w);
  }
  return out.join(' ');
}

/** Number of words in a key. */
export function keyTokens(key: string): number {
  if (key === '') return 0;
  let n = 1;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 0x20) n++;
  return n;
}

/** A placeKey with a cache, for the build, where the same names recur across sources. */
export function cachedPlaceKey(): (name: string) => string {
  const cache = new Map<string, string>();
  return (name: string) => {
    let k = cache.get(name);
    if (k === undefined) {
      k = placeKey(name);
      cache.set(name, k);
    }
    return k;
  };
}
