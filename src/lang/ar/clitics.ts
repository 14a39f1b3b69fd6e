// Conservative clitic segmentation. Arabic writes conjunctions, prepositions, the article and object
// pronouns as part of the word: وبالمدينة = و + ب + ال + مدينة; استهدفته = استهدفت + ه.
// We split only where the remainder is a known word, or (for proclitics) long enough that a real word
// is all but certain: three letters after a one-letter proclitic, two after the article.
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

/** Analyse one normalised Arabic word. */
export function analyzeWord(word: string, known: KnownWord): WordAnalysis {
  const whole: WordAnalysis = { prefixes: [], article: null, stem: word, suffix: null };
  if (word.length < 3) return whole;
  if (known(word)) {
    // a known word may still carry the article: المدينه → ال + مدينه
    const { article, rest } = stripArticle(word);
    return article && known(rest) ? { prefixes: [], article, stem: rest, suffix: null } : whole;
  }
  let best: WordAnalysis | null = null;
  for (const chain of PREFIX_CHAINS) {
    const p = chain.join('');
    if (!word.startsWith(p)) continue;
    let rest = word.slice(p.length);
    let article: string | null = null;
    if (chain[chain.length - 1] === 'ل' && rest.startsWith('ل') && rest.length >= 3) {
      // لل = ل + ال with the alef written away
      article = 'ال';
      rest = rest.slice(1);
    } else {
      const a = stripArticle(rest);
      if (a.article && (known(a.rest) || a.rest.length >= 2)) {
        article = a.article;
        rest = a.rest;
      }
    }
    if (chain.includes('س') && !(IMPERFECT.has(rest[0]) && rest.length >= 3)) continue;
    const isKnown = known(rest) || (article !== null && known('ال' + rest));
    // one-letter prepositions glue to so many stems (باقية، لبنان) that an unknown rest must be long
    const longEnough = article ? rest.length >= 2 : rest.length >= (chain.length > 1 ? 3 : 4);
    if (isKnown) return { prefixes: [...chain], article, stem: rest, suffix: null };
    if (longEnough && !best) best = { prefixes: [...chain], article, stem: rest, suffix: null };
  }
  if (!best) {
    const a = stripArticle(word);
    if (a.article) best = { prefixes: [], article: a.article, stem: a.rest, suffix: null };
  }
  const base = best ?? whole;
  // enclitic pronoun: only when what is left is a known word
  for (const s of SUFFIXES) {
    if (base.stem.length - s.length >= 2 && base.stem.endsWith(s)) {
      const stem = base.stem.slice(0, -s.length);
      if (known(stem)) return { ...base, stem, suffix: s };
      // a stem ending in ت (ta marbuta written open before a suffix: مدينتها → مدينه)
      if (stem.endsWith('ت') && known(stem.slice(0, -1) + 'ه')) return { ...base, stem: stem.slice(0, -1) + 'ه', suffix: s };
    }
  }
  return base;
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
