// Conservative clitic segmentation. Arabic writes conjunctions, prepositions, the article and object
// pronouns as part of the word: وبالمدينة = و + ب + ال + مدينة; استهدفته = استهدفت + ه.
// We split only where the remainder is a known word, or (for proclitics) long enough that a real word
// is all but certain: four letters after a one-letter proclitic, three after two, two after the article.
// Enclitic pronouns are split only when the remainder is known, since many stems end in ه/ي/ك/نا.

import type { Segment, SegmentRole } from '../../doc/types.js';
import type { NormalizedText } from './normalize.js';
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

// Endings grouped by their last letter, longest first, so a word is tried only against the endings it
// can have (a third of analyzeWord's time went to trying all of them).
function byLastLetter(list: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const m = new Map<string, string[]>();
  for (const e of [...list].sort((a, b) => b.length - a.length)) m.set(e[e.length - 1], [...(m.get(e[e.length - 1]) ?? []), e]);
  return m;
}
const SUFFIXES_BY_LAST = byLastLetter(SUFFIXES);

interface Chain {
  parts: readonly string[];
  text: string;
  /** Holds the future prefix س. */
  future: boolean;
  /** Ends in ل, after which the article is written with one letter (لل). */
  lam: boolean;
}

// No proclitic first, then the chains; compiled once, read-only.
const CHAINS: readonly Chain[] = [[], ...PREFIX_CHAINS].map((parts) => ({
  parts,
  text: parts.join(''),
  future: parts.includes('س'),
  lam: parts[parts.length - 1] === 'ل',
}));
// The chains a word can start with, by its first letter (most words start with no proclitic letter).
const NO_CHAIN: readonly Chain[] = [CHAINS[0]];
const CHAINS_BY_FIRST: ReadonlyMap<string, readonly Chain[]> = new Map(
  [...new Set(PREFIX_CHAINS.map((c) => c[0]))].map((f) => [f, CHAINS.filter((c) => c.text === '' || c.text[0] === f)]),
);

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
  const candidates = SUFFIXES_BY_LAST.get(w[w.length - 1]);
  if (!candidates) return null;
  for (const s of candidates) {
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
const ENDINGS_BY_LAST = byLastLetter(ENDINGS);

function isKnownInflected(w: string, known: KnownWord): boolean {
  const candidates = ENDINGS_BY_LAST.get(w[w.length - 1]);
  if (!candidates) return false;
  for (const e of candidates) if (w.length - e.length >= 3 && w.endsWith(e) && known(w.slice(0, -e.length))) return true;
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
  const reading = (ch: Chain, article: string | null, stem: string, suffix: string | null = null): WordAnalysis =>
    ({ prefixes: [...ch.parts], article, stem, suffix });
  let inflected: WordAnalysis | null = null;
  let fallback: WordAnalysis | null = null;
  for (const ch of CHAINS_BY_FIRST.get(word[0]) ?? NO_CHAIN) {
    if (!word.startsWith(ch.text)) continue;
    const rest = word.slice(ch.text.length);
    if (ch.future && !(IMPERFECT.has(rest[0]) && rest.length >= 3)) continue;
    // two readings of the rest: as it is (والذي is و + الذي, وآلاف is و + آلاف, للبنان is ل + لبنان) —
    // for no proclitic, that is the whole word, looked up already — then after the article: ال, or after
    // ل a single ل (لل = ل + ال, its alef written away)
    const plain = ch.parts.length > 0 ? rest : null;
    let afterArticle: string | null = null;
    if (ch.lam && rest.startsWith('ل') && rest.length >= 3) afterArticle = rest.slice(1);
    else if (rest.length >= 4 && rest.startsWith('ال')) afterArticle = rest.slice(2);
    if (plain !== null && known(plain)) return reading(ch, null, plain);
    if (afterArticle !== null && (known(afterArticle) || known('ال' + afterArticle))) return reading(ch, 'ال', afterArticle);
    if (suffixes) {
      const k = knownWithSuffix(rest, known);
      if (k) return reading(ch, null, k.stem, k.suffix);
      const ka = afterArticle !== null ? knownWithSuffix(afterArticle, known) : null;
      if (ka) return reading(ch, 'ال', ka.stem, ka.suffix);
    }
    // a known word with an inflectional ending (سيطر + ت، فلسطيني + ون) is the word itself, inflected:
    // its first letters are not proclitics, however long the rest
    if (!inflected) {
      if (isKnownInflected(rest, known)) inflected = plain === null ? whole : reading(ch, null, rest);
      else if (afterArticle !== null && isKnownInflected(afterArticle, known)) inflected = reading(ch, 'ال', afterArticle);
    }
    if (fallback) continue;
    // one-letter prepositions glue to so many stems (باقية، لبنان) that an unknown rest must be long;
    // after the article two letters are enough (الدم)
    if (afterArticle !== null && afterArticle.length >= 2) fallback = reading(ch, 'ال', afterArticle);
    else if (plain !== null && plain.length >= (ch.parts.length > 1 ? 3 : 4)) fallback = reading(ch, null, plain);
  }
  return inflected ?? fallback ?? whole;
}

/**
 * analyzeWord remembered per word, for the reading stage: news repeats its words, and each analysis
 * asks the known-word list about several cuts. The list is compiled once at start-up, so the answers
 * hold; they are frozen and shared, and the memo starts afresh past a bound so a long-running worker
 * does not grow.
 */
export class WordAnalyses {
  private readonly plain = new Map<string, WordAnalysis>();
  private readonly folded = new Map<string, WordAnalysis>();

  constructor(private readonly known: KnownWord, private readonly limit = 100_000) {}

  of(word: string, lastLetterFolded: boolean): WordAnalysis {
    const memo = lastLetterFolded ? this.folded : this.plain;
    let a = memo.get(word);
    if (!a) {
      if (memo.size >= this.limit) memo.clear();
      const fresh = analyzeWord(word, this.known, { lastLetterFolded });
      Object.freeze(fresh.prefixes);
      a = Object.freeze(fresh);
      memo.set(word, a);
    }
    return a;
  }
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
  // by char code: indexing a string builds a one-letter string for an Arabic letter
  const k = tok.nend - 1;
  const c = norm.text.charCodeAt(k);
  return (c === 0x0647 || c === 0x064a) && original.charCodeAt(norm.starts[k]) !== c; // ه ي
}

/**
 * Segment a token into spans of the original text. Offsets come from the token's own normalised range,
 * read through the normalisation's offset map. The segments are added to `segs` (a new array unless
 * given) and it is returned.
 */
export function segmentToken(
  tok: TokenWithGlue,
  index: number,
  a: WordAnalysis,
  norm: Pick<NormalizedText, 'starts' | 'ends'>,
  segs: Segment[] = [],
): Segment[] {
  let at = tok.nstart;
  // every segment is at least one unit long, so its span runs from its first unit's start to its last one's end
  const push = (len: number, role: SegmentRole, text: string) => {
    segs.push({ start: norm.starts[at], end: norm.ends[at + len - 1], token: index, role, norm: text });
    at += len;
  };
  for (const p of a.prefixes) push(p.length, 'proclitic', p);
  if (a.article) {
    // after ل the article is written with one letter (لل)
    const written = tok.norm.startsWith('ال', at - tok.nstart) ? 2 : 1;
    push(written, 'article', 'ال');
  }
  const suffixLen = a.suffix ? a.suffix.length : 0;
  const stemLen = tok.nend - at - suffixLen;
  if (stemLen > 0) push(stemLen, 'stem', a.stem);
  if (a.suffix) push(suffixLen, 'enclitic', a.suffix);
  return segs;
}
