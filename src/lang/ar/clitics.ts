// Conservative clitic segmentation. Arabic writes conjunctions, prepositions, the article and object
// pronouns as part of the word: وبالمدينة = و + ب + ال + مدينة; استهدفته = استهدفت + ه.
// We split only where the remainder is a known word, or (for proclitics) long enough that a real word
// is all but certain: four letters after a one-letter proclitic, three after two, two after the article.
// Enclitic pronouns are split only when the remainder is known, since many stems end in ه/ي/ك/نا.

import type { Segment, SegmentRole } from '../../doc/types.js';
import type { TokenWithGlue } from './tokens.js';

export interface WordAnalysis {
  /** Proclitics in order, e.g. ['و', 'ب'] — the article is kept apart in `article`. */
  prefixes: string[];
  /** 'ال' when the word carries the article (للمدينة gives 'ال' too, its alef written away). */
  article: string | null;
  stem: string;
  suffix: string | null;
}

export type KnownWord = (w: string) => boolean;

// Conjunction + preposition combinations, longest first. س (future) only before an imperfect prefix.
const PREFIX_CHAINS: ReadonlyArray<readonly string[]> = [
  ['و', 'ب'], ['و', 'ك'], ['و', 'ل'], ['ف', 'ب'], ['ف', 'ك'], ['ف', 'ل'], ['و', 'س'], ['ف', 'س'],
  ['و'], ['ف'], ['ب'], ['ك'], ['ل'], ['س'],
];
const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا', 'ني', 'ه', 'ك', 'ي'];

const IMPERFECT = new Set(['ي', 'ت', 'ن', 'ا']);

function stripArticle(w: string): { article: string | null; rest: string } {
  if (w.length >= 4 && w.startsWith('ال')) return { article: 'ال', rest: w.slice(2) };
  return { article: null, rest: w };
}

export interface AnalyzeOptions {
  /**
   * The word's last letter was folded by the normaliser (ة → ه, ى → ي), so it cannot end a pronoun:
   * مدرسة is never مدرس + ه. The reading stage knows this from the original text.
   */
  lastLetterFolded?: boolean;
}

// A known stem with an enclitic pronoun after it: سيطرته → سيطره + ه (ta marbuta is written open, ت,
// before a suffix).
function knownWithSuffix(w: string, known: KnownWord): { stem: string; suffix: string } | null {
  for (const s of SUFFIXES) {
    if (w.length - s.length < 2 || !w.endsWith(s)) continue;
    const stem = w.slice(0, -s.length);
    if (known(stem)) return { stem, suffix: s };
    if (stem.endsWith('ت') && known(stem.slice(0, -1) + 'ه')) return { stem: stem.slice(0, -1) + 'ه', suffix: s };
  }
  return null;
}

// Inflectional endings of verbs and nouns (past-tense ت and وا, plural ون ين ات, dual ان, ta marbuta ه,
// nisba يه). Not pronouns: they never become a segment, they only tell that a stem is known.
const ENDINGS = ['ت', 'ه', 'ا', 'ي', 'ان', 'ين', 'ون', 'وا', 'ات', 'يه', 'تا', 'تم'];

function isKnownInflected(w: string, known: KnownWord): boolean {
  for (const e of ENDINGS) if (w.length - e.length >= 3 && w.endsWith(e) && known(w.slice(0, -e.length))) return true;
  return false;
}

/**
 * Analyse one normalised Arabic word. A reading whose stem is a known word (with or without a pronoun
 * after it) wins, whatever its proclitics; then one whose stem is a known word with an inflectional
 * ending; then the first whose stem is long enough, with no pronoun split; else the word stays whole.
 */
export function analyzeWord(word: string, known: KnownWord, opts: AnalyzeOptions = {}): WordAnalysis {
  const whole: WordAnalysis = { prefixes: [], article: null, stem: word, suffix: null };
  if (word.length < 3) return whole;
  if (known(word)) {
    // a known word may still carry the article: المدينه → ال + مدينه
    const { article, rest } = stripArticle(word);
    return article && known(rest) ? { prefixes: [], article, stem: rest, suffix: null } : whole;
  }
  const suffixes = !opts.lastLetterFolded;
  let inflected: WordAnalysis | null = null;
  let fallback: WordAnalysis | null = null;
  for (const chain of [[], ...PREFIX_CHAINS]) {
    const p = chain.join('');
    if (!word.startsWith(p)) continue;
    const rest = word.slice(p.length);
    if (chain.includes('س') && !(IMPERFECT.has(rest[0]) && rest.length >= 3)) continue;
    // the rest as it is (والذي is و + الذي, وآلاف is و + آلاف, للبنان is ل + لبنان), then with the article:
    // ال, or after ل a single ل (لل = ل + ال, its alef written away)
    let article: string | null = null;
    let afterArticle = rest;
    if (chain[chain.length - 1] === 'ل' && rest.startsWith('ل') && rest.length >= 3) {
      article = 'ال';
      afterArticle = rest.slice(1);
    } else {
      const a = stripArticle(rest);
      article = a.article;
      afterArticle = a.rest;
    }
    const readings: Array<{ article: string | null; stem: string }> = chain.length > 0 ? [{ article: null, stem: rest }] : [];
    if (article) readings.push({ article, stem: afterArticle });
    for (const rd of readings) {
      if (known(rd.stem) || (rd.article !== null && known('ال' + rd.stem))) {
        return { prefixes: [...chain], article: rd.article, stem: rd.stem, suffix: null };
      }
    }
    if (suffixes) {
      // the whole word was looked up already, but not with a pronoun cut off
      for (const rd of chain.length > 0 ? readings : [{ article: null, stem: word }, ...readings]) {
        const k = knownWithSuffix(rd.stem, known);
        if (k) return { prefixes: [...chain], article: rd.article, stem: k.stem, suffix: k.suffix };
      }
    }
    // a known word with an inflectional ending (سيطر + ت، فلسطيني + ون) is the word itself, inflected:
    // its first letters are not proclitics, however long the rest
    if (!inflected) {
      const plain = chain.length > 0 ? readings : [{ article: null, stem: word }, ...readings];
      const rd = plain.find((x) => isKnownInflected(x.stem, known));
      if (rd) inflected = { prefixes: [...chain], article: rd.article, stem: rd.stem, suffix: null };
    }
    if (fallback) continue;
    // one-letter prepositions glue to so many stems (باقية، لبنان) that an unknown rest must be long;
    // after the article two letters are enough (الدم)
    if (article && afterArticle.length >= 2) fallback = { prefixes: [...chain], article, stem: afterArticle, suffix: null };
    else if (chain.length > 0 && rest.length >= (chain.length > 1 ? 3 : 4)) fallback = { prefixes: [...chain], article: null, stem: rest, suffix: null };
  }
  return inflected ?? fallback ?? whole;
}

/** The forms a word may be looked up by, most specific first: the word itself, then without clitics. */
export function lookupForms(word: string, known: KnownWord): string[] {
  const a = analyzeWord(word, known);
  const forms = [word];
  const add = (f: string) => {
    if (f.length >= 2 && !forms.includes(f)) forms.push(f);
  };
  if (a.article) add('ال' + a.stem);
  add(a.stem);
  if (a.suffix) {
    // the form with suffix but without proclitics, for verbs listed with their pronoun
    const pre = a.prefixes.join('');
    add(word.slice(pre.length));
  }
  return forms;
}

/**
 * Was the last letter of a token written as something the normaliser folded into ه or ي (ة, ى)?
 * Then it is not a pronoun (see AnalyzeOptions).
 */
export function lastLetterFolded(original: string, norm: { text: string; starts: Int32Array }, tok: { nend: number }): boolean {
  const k = tok.nend - 1;
  const c = norm.text[k];
  return (c === 'ه' || c === 'ي') && original[norm.starts[k]] !== c;
}

/** Segment a token into spans of the original text. Offsets come from the token's own normalised range. */
export function segmentToken(
  tok: TokenWithGlue,
  index: number,
  a: WordAnalysis,
  toOrig: (nstart: number, nend: number) => { start: number; end: number },
): Segment[] {
  const segs: Segment[] = [];
  let at = tok.nstart;
  const push = (len: number, role: SegmentRole, norm: string) => {
    const sp = toOrig(at, at + len);
    segs.push({ start: sp.start, end: sp.end, token: index, role, norm });
    at += len;
  };
  for (const p of a.prefixes) push(p.length, 'proclitic', p);
  if (a.article) {
    // after ل the article is written with one letter (لل)
    const written = tok.norm.slice(at - tok.nstart, at - tok.nstart + 2) === 'ال' ? 2 : 1;
    push(written, 'article', 'ال');
  }
  const suffixLen = a.suffix ? a.suffix.length : 0;
  const stemLen = tok.nend - at - suffixLen;
  if (stemLen > 0) push(stemLen, 'stem', a.stem);
  if (a.suffix) push(suffixLen, 'enclitic', a.suffix);
  return segs;
}
