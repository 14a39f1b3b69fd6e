// Place mentions in running text: gazetteer names matched on the normalised tokens with clitics cut
// (وزمزم، بمصراتة، لسرت), lists of places (بلدات أبو قرين والوشكة وزمزم), cue words (مدينة، بلدة،
// قرية، منطقة، ريف، مخيم…), nationality adjectives (سرت الليبية), relative places (شرق X، قرب X،
// على بعد 60 كلم من X → X with geo-precision 2), regions (محافظة إدلب → precision 3), administrative
// context (كفرناها في ريف حلب) and anaphors (المدينة، العاصمة). Names that are also everyday words are
// taken only with a cue. Candidates are ranked by the article's country, nearness and context.

import type { MarsadDocument, PlaceMention, Span, Token } from '../doc/types.js';
import type { Country, Place, PlaceKind } from '../geo/types.js';
import type { Stage } from '../pipeline/types.js';
import { fold } from '../lang/ar/normalize.js';
import { bareKey, documentKeys, WordMemo, type TokenKey } from './match/keys.js';
import { lastEndingBy } from './bisect.js';
import { placeFacts, type PlaceFacts } from './place-facts.js';
import { placeKey as placeKeyOf } from '../geo/keys.js';

/** What the place finder needs of the gazetteer. */
export interface GazetteerLike {
  lookup(key: string): Place[];
  countryByKey(key: string): Country | null | undefined;
  get(id: string): Place | null | undefined;
  /** Whether some name starts with this word: lets most words skip every lookup. */
  isNameStart(word: string): boolean;
  /** The most words of a name or country key starting with this word (0: none); lets longer phrases skip lookups. */
  maxWordsFrom?(word: string): number;
  /** Whether some name or country key goes on past this phrase (its words and a space); absent: maybe. */
  continues?(key: string): boolean;
  maxNameTokens: number;
}

export interface PlaceCues {
  /** Words that announce a place name (مدينة، بلدة، قرية…), folded and bare. */
  placeWords: Set<string>;
  /** Cue words that name a region: the name after them is an administrative area (محافظة، ولاية). */
  regionWords: Set<string>;
  /** Prepositions of place (في، إلى، قرب…). */
  prepositions: Set<string>;
  /** Relative words: the place is near or part of the named anchor (شرق، قرب، محيط، ريف…). */
  relations: Map<string, 2 | 3>;
  /** Anaphors: words that stand for a place named before (المدينة، البلدة، العاصمة). */
  anaphors: Map<string, 'settlement' | 'camp' | 'capital' | 'any'>;
  /** Words that are place names only after a place word (lexicon words, everyday words). */
  stopWords: Set<string>;
  /** Words that are never a one-word place name (cue words, prepositions, weekdays, months, function words). */
  neverWords: Set<string>;
  /** Given names and titles: a name after a title, or starting with a given name, is a person. */
  personStarts: Set<string>;
  titles: Set<string>;
  /** Relative clauses after a place name (التي تبعد، الواقعة), folded, bare and space-joined. */
  placeClauses?: Set<string>;
  /** Dual relative words (ريفي إدلب وحلب): the second name of the pair is related the same way. */
  dualRelations?: Set<string>;
  /** Place words after which a name the gazetteer lacks is taken when the text places it (منطقة X في ريف حلب). */
  unknownNameCues?: Map<string, PlaceKind>;
}

const SETTLEMENTS: ReadonlySet<PlaceKind> = new Set(['capital', 'city', 'town', 'village', 'hamlet', 'district', 'camp']);

interface Candidate {
  tokenStart: number;
  tokenEnd: number;
  prefixLen: number;
  key: string;
  places: Place[];
  facts: PlaceFacts;
  cue: Span | null;
  cueKind: 'place' | 'region' | 'preposition' | 'list' | null;
  relation: string | null;
  precision: 1 | 2 | 3;
  relStart: number | null;
  country: Country | null;
  /** Named only as a far reference point ("410 كلم شرق X"). */
  far?: boolean;
  /** After a neighbourhood word (حي، أحياء، حارة): a quarter of a town, never a town of its own. */
  quarter?: boolean;
  /** The votes for the article's country this name cast (most cast none). */
  votes?: Array<[string, number]>;
}

// quotation marks around a name ("بلدة “الفيضة”"، «راجي عيلي») stand between it and its cue word
const QUOTE = /^["'“”«»‘’„]+$/;
// words that name a neighbourhood: what follows is a quarter of a town, not a town
const QUARTER_WORDS: ReadonlySet<string> = new Set(['حي', 'حيي', 'أحياء', 'حارة', 'حارات'].map((w) => bareKey(fold(w))));

/** The keys of a word that may open a name or a country, and the most words of a name each opens. */
interface NameStarts {
  firsts: TokenKey[];
  limits: number[] | null;
}

/**
 * A phrase of word keys, as the gazetteer is asked it: its joined key, and the answers once asked.
 * Phrases hang off their first word, each the one before it plus a word.
 */
interface Phrase {
  readonly key: string;
  places?: Place[];
  facts?: PlaceFacts;
  country?: Country | null;
  /** Whether some name is longer than this phrase and starts with it. */
  more?: boolean;
  next?: Map<string, Phrase>;
}

/**
 * The gazetteer's answers for the place finder, remembered for the extractor's life. News repeats its
 * words: each word asked a handful of questions per key (a name start? a country? how many words at
 * most?) and each phrase a lookup that built a fresh list of places, ~40% of the stage's time. The
 * knowledge is compiled once at start-up, so the answers hold; the memos are bounded, as the
 * gazetteer's own are, so a long-running worker does not grow. A word's answers are kept per word
 * (WordMemo).
 */
class GazetteerMemo implements GazetteerLike {
  private readonly startsByKeys = new WordMemo<NameStarts>();
  private readonly placesByKey = new Map<string, Place[]>();
  private readonly placeById = new Map<string, Place | null | undefined>();
  private readonly phrases = new Map<string, Phrase>();
  private phraseCount = 0;
  readonly maxNameTokens: number;

  constructor(private readonly gaz: GazetteerLike, private readonly limit = 200_000) {
    this.maxNameTokens = gaz.maxNameTokens;
  }

  /** The same list for the same key: callers read it, never change it. */
  lookup(key: string): Place[] {
    let places = this.placesByKey.get(key);
    if (!places) {
      if (this.placesByKey.size >= this.limit) this.placesByKey.clear();
      places = this.gaz.lookup(key);
      this.placesByKey.set(key, places);
    }
    return places;
  }

  countryByKey(key: string): Country | null | undefined {
    return this.gaz.countryByKey(key);
  }

  get(id: string): Place | null | undefined {
    if (this.placeById.has(id)) return this.placeById.get(id);
    if (this.placeById.size >= this.limit) this.placeById.clear();
    const p = this.gaz.get(id);
    this.placeById.set(id, p);
    return p;
  }

  isNameStart(word: string): boolean {
    return this.gaz.isNameStart(word);
  }

  /**
   * The phrase `word` after `before` (a first word when null). A text phrase is walked word by word
   * on keys the token memo shares, rather than joined into a new string and hashed for every n-gram.
   */
  phrase(before: Phrase | null, word: string): Phrase {
    const next = before ? (before.next ??= new Map()) : this.phrases;
    let p = next.get(word);
    if (!p) {
      if (++this.phraseCount > this.limit) {
        this.phrases.clear();
        this.phraseCount = 0;
      }
      p = { key: before ? `${before.key} ${word}` : word };
      next.set(word, p);
    }
    return p;
  }

  placesOf(p: Phrase): Place[] {
    return (p.places ??= this.lookup(p.key));
  }

  factsOf(p: Phrase): PlaceFacts {
    return (p.facts ??= placeFacts(this.placesOf(p)));
  }

  /** Whether a longer name may start with this phrase (always, for a gazetteer that cannot tell). */
  goesOn(p: Phrase): boolean {
    return (p.more ??= this.gaz.continues ? this.gaz.continues(p.key) : true);
  }

  countryOf(p: Phrase): Country | null {
    if (p.country === undefined) p.country = this.gaz.countryByKey(p.key) ?? null;
    return p.country;
  }

  startsOf(keys: readonly TokenKey[]): NameStarts {
    let starts = this.startsByKeys.get(keys);
    if (!starts) {
      const firsts = keys.filter((k) => k.key.length >= 2 && (this.gaz.isNameStart(k.key) || !!this.gaz.countryByKey(k.key)));
      const limits = this.gaz.maxWordsFrom && firsts.length ? firsts.map((k) => this.gaz.maxWordsFrom!(k.key)) : null;
      starts = { firsts, limits };
      this.startsByKeys.set(keys, starts);
    }
    return starts;
  }
}

/** Whether some key of the document's i-th token is in a cue set. */
type CueTest = (i: number, set: Set<string> | Map<string, unknown>) => boolean;

/**
 * Which cue sets a word's keys meet, as bits, remembered by the word's shared keys array: a candidate
 * asked the same sets of the words before it some twenty times, a scan of every key each time. The
 * cue sets are compiled once at start-up, so the answers hold; kept per PlaceCues object.
 */
class CueBits {
  private readonly bitOf = new Map<Set<string> | Map<string, unknown>, number>();
  private readonly sets: Array<Set<string> | Map<string, unknown>>;
  private readonly byKeys = new WordMemo<number>();

  constructor(cues: PlaceCues) {
    this.sets = [cues.regionWords, cues.placeWords, cues.prepositions, cues.neverWords, cues.relations, cues.titles, cues.anaphors];
    if (cues.unknownNameCues) this.sets.push(cues.unknownNameCues);
    this.sets.forEach((set, k) => this.bitOf.set(set, 1 << k));
  }

  /** Whether some key of the word is in `set` (any set: one not indexed here is scanned). */
  has(keys: readonly TokenKey[], set: Set<string> | Map<string, unknown>): boolean {
    const bit = this.bitOf.get(set);
    if (bit === undefined) return keys.some((k) => set.has(k.key));
    return (this.bitsOf(keys) & bit) !== 0;
  }

  private bitsOf(keys: readonly TokenKey[]): number {
    let bits = this.byKeys.get(keys);
    if (bits === undefined) {
      bits = this.compute(keys);
      this.byKeys.set(keys, bits);
    }
    return bits;
  }

  /**
   * `has` over one document's tokens (their shared keys arrays), each token's bits looked up once:
   * the finder asks about the same few tokens before each of a hundred candidates.
   */
  forDocument(keys: readonly (readonly TokenKey[])[]): CueTest {
    const known = new Int32Array(keys.length).fill(-1);
    return (i, set) => {
      const bit = this.bitOf.get(set);
      if (bit === undefined) return keys[i].some((k) => set.has(k.key));
      let bits = known[i];
      if (bits < 0) bits = known[i] = this.bitsOf(keys[i]);
      return (bits & bit) !== 0;
    };
  }

  // (apart from has, whose every call would otherwise allocate the closure's context)
  private compute(keys: readonly TokenKey[]): number {
    let bits = 0;
    for (const k of keys) {
      for (let b = 0; b < this.sets.length; b++) if (this.sets[b].has(k.key)) bits |= 1 << b;
    }
    return bits;
  }
}

const cueBitsOf = new WeakMap<PlaceCues, CueBits>();

function cueBits(cues: PlaceCues): CueBits {
  let bits = cueBitsOf.get(cues);
  if (!bits) {
    bits = new CueBits(cues);
    cueBitsOf.set(cues, bits);
  }
  return bits;
}

/** The phrases of a name's first word, by tokens taken; reused (nameAt runs for every word). */
const chainScratch: Array<Phrase | null> = [];
const MAX_NAME_TOKENS = 6;

/**
 * The phrases at token i opening with the key `first`, the other words by their exact keys, into
 * chainScratch[base + n] for n tokens (null where n tokens make no phrase); returns the most tokens
 * walked. The walk stops where no name of the gazetteer goes on, a token is no word, or `maxWords`
 * words are taken. A hyphen inside a name (غورما- رواس، ديابالي-نامبالا) is left out; a phrase
 * never ends on one.
 */
function phraseChain(gaz: GazetteerMemo, keys: TokenKey[][], tokens: Token[], first: string, i: number, maxN: number, maxWords: number, base: number): number {
  let p = gaz.phrase(null, first);
  chainScratch[base + 1] = p;
  let words = 1;
  let n = 1;
  for (let j = i + 1; j < i + maxN; j++) {
    if (words >= maxWords || !gaz.goesOn(p)) break;
    const t = tokens[j];
    n = j - i + 1;
    if (t.norm === '-') {
      chainScratch[base + n] = null;
      continue;
    }
    if (t.kind !== 'arabic' && t.kind !== 'latin' && t.kind !== 'number') {
      n--;
      break;
    }
    p = gaz.phrase(p, keys[j][0].key);
    words++;
    chainScratch[base + n] = p;
  }
  return n;
}

/** The longest gazetteer name at token i (of the word's first keys, the earlier on a tie). */
function nameAt(gaz: GazetteerMemo, keys: TokenKey[][], tokens: Token[], i: number, end: number) {
  if (tokens[i].kind !== 'arabic' && tokens[i].kind !== 'latin') return null;
  const maxN = Math.min(gaz.maxNameTokens || 5, MAX_NAME_TOKENS, end - i);
  // limits: no name starting with this word has more words than this
  const { firsts, limits } = gaz.startsOf(keys[i]);
  if (!firsts.length) return null;
  const stride = MAX_NAME_TOKENS + 1;
  let longest = 0;
  const walked = firsts.length === 1 ? null : new Array<number>(firsts.length);
  for (let f = 0; f < firsts.length; f++) {
    const n = phraseChain(gaz, keys, tokens, firsts[f].key, i, maxN, limits ? limits[f] : Infinity, f * stride);
    if (walked) walked[f] = n;
    if (n > longest) longest = n;
  }
  for (let n = longest; n >= 1; n--) {
    for (let f = 0; f < firsts.length; f++) {
      if (n > (walked ? walked[f] : longest)) continue;
      const phrase = chainScratch[f * stride + n];
      if (!phrase) continue;
      const places = gaz.placesOf(phrase);
      const country = n <= 3 ? gaz.countryOf(phrase) : null;
      const k = firsts[f];
      if (places.length || country) return { tokenEnd: i + n, prefixLen: k.prefixLen, exact: k.exact, key: phrase.key, places, facts: gaz.factsOf(phrase), country };
    }
  }
  return null;
}

export function findPlaces(gazetteer: GazetteerLike, cues: PlaceCues, doc: MarsadDocument): PlaceMention[] {
  const gaz = gazetteer instanceof GazetteerMemo ? gazetteer : new GazetteerMemo(gazetteer);
  const tokens = doc.layers.tokens;
  const keys = documentKeys(doc);
  const cands: Candidate[] = [];
  const isWord = (t: Token | undefined) => t && (t.kind === 'arabic' || t.kind === 'latin');
  const inSet = cueBits(cues).forDocument(keys);
  const keyIn = (i: number, set: Set<string> | Map<string, unknown>) => !!tokens[i] && inSet(i, set);

  for (const sent of doc.layers.sentences) {
    let i = sent.tokenStart;
    while (i < sent.tokenEnd) {
      const m = isWord(tokens[i]) ? nameAt(gaz, keys, tokens, i, sent.tokenEnd) : null;
      // a one-word name that is a function or cue word (أن، على، بين) is never taken: no candidate
      if (!m || (m.tokenEnd - i === 1 && !m.country && cues.neverWords.has(m.key))) {
        i++;
        continue;
      }
      // cue before the name: a place word (مدينة), a region word (محافظة), a preposition, a list
      let cue: Span | null = null;
      let cueKind: Candidate['cueKind'] = null;
      let p = i - 1;
      while (p > sent.tokenStart && QUOTE.test(tokens[p].norm)) p--;
      // (the stripped letters must hold the preposition: in وكفرجوم only و was taken off)
      const glued = m.prefixLen > 0 && /^(و|ف)?(ب|ل|ك)$/.test(tokens[i].norm.slice(0, m.prefixLen)) && !m.exact;
      // a place or region word heads the name only in construct (مدينة حلب), never with the article:
      // "على جانب الطريق بدورية" names no road of Dori
      const heads = p >= sent.tokenStart && !tokens[p].norm.startsWith('ال');
      if (heads && keyIn(p, cues.regionWords)) {
        cue = { start: tokens[p].start, end: tokens[p].end };
        cueKind = 'region';
      } else if (heads && keyIn(p, cues.placeWords)) {
        cue = { start: tokens[p].start, end: tokens[p].end };
        cueKind = 'place';
      } else if ((p >= sent.tokenStart && keyIn(p, cues.prepositions)) || glued) {
        cueKind = 'preposition';
      } else if (m.prefixLen > 0 && tokens[i].norm.startsWith('و') && cands.length && cands[cands.length - 1].tokenEnd === i && cands[cands.length - 1].places.length) {
        cueKind = 'list';
      } else if (tokens[i + (m.tokenEnd - i)]?.norm === 'و' || (tokens[m.tokenEnd]?.norm.startsWith('و') && nameAt(gaz, keys, tokens, m.tokenEnd, sent.tokenEnd))) {
        // the first of a list: "أبو قرين والوشكة"
        cueKind = 'list';
      }
      // a relative place: شرق X، جنوب مدينة X، قرب X، على بعد 60 كلم من X
      let relation: string | null = null;
      let precision: 1 | 2 | 3 = 1;
      let relStart: number | null = null;
      for (let q = i - 1; q >= Math.max(sent.tokenStart, i - 6); q--) {
        const rel = keyIn(q, cues.relations) ? keys[q].find((k) => cues.relations.has(k.key)) : undefined;
        if (rel) {
          relation = rel.key;
          precision = cues.relations.get(rel.key)!;
          relStart = q;
          break;
        }
        const t = tokens[q].norm;
        // only cue words, من, numbers, units and quotation marks may stand between the relation and the name
        if (!(QUOTE.test(t) || keyIn(q, cues.placeWords) || keyIn(q, cues.regionWords) || t === 'من' || t === 'بعد' || t === 'علي' || tokens[q].kind === 'number' || /^(كلم|كم|كيلومتر|كيلومترا|كيلومترات|كيلو|متر|مترا|ميل|اميال)$/.test(t))) break;
      }
      // "ريفي إدلب وحلب": the second of a pair after a dual relative word is related the same way
      const prevCand = cands[cands.length - 1];
      if (!relation && cueKind === 'list' && prevCand?.relation && prevCand.tokenEnd === i && cues.dualRelations?.has(prevCand.relation)) {
        relation = prevCand.relation;
        precision = prevCand.precision;
      }
      // "سيطر على قرية في دير الزور": an unnamed village in X — X is only the region it lies in (its
      // province where the gazetteer has one of that name, at precision 3)
      const before = tokens[p - 1];
      if (precision === 1 && cueKind === 'preposition' && tokens[p]?.norm === 'في' && before && !before.norm.startsWith('ال') &&
        keys[p - 1].some((k) => k.exact && cues.placeWords.has(k.key))) {
        precision = 3;
        cueKind = 'region';
      }
      // "يبعد 410 كلم شرق تمبكتو": a place that far from its anchor is somewhere unnamed, not near it
      let far = false;
      const from = relStart ?? i;
      for (let q = Math.max(sent.tokenStart, from - 5); q < from; q++) {
        if (tokens[q].kind === 'number' && /^(كلم|كم|كيلومتر|كيلومترا|كيلومترات|كيلو)$/.test(tokens[q + 1]?.norm ?? '') && Number(tokens[q].norm.replace(/,/g, '')) > 50) far = true;
      }
      // "حيي كرم الجبل والمشهد": a quarter, and so are the names listed after it
      const quarter = (cueKind === 'place' && keys[p].some((k) => QUARTER_WORDS.has(k.key))) ||
        (tokens[i].norm.startsWith('و') && cands.slice(-2).some((q) => q.quarter && i - q.tokenEnd <= 2));
      cands.push({ tokenStart: i, tokenEnd: m.tokenEnd, prefixLen: m.prefixLen, key: m.key, places: m.places, facts: m.facts, cue, cueKind, relation, precision, relStart, country: m.country ?? null, far, quarter });
      i = m.tokenEnd;
    }
  }

  // the article's country: named countries and adjectives, then unambiguous big places
  const votes = new Map<string, number>();
  let voter: Candidate | null = null;
  const vote = (cc: string, w: number) => {
    votes.set(cc, (votes.get(cc) ?? 0) + w);
    if (voter) (voter.votes ??= []).push([cc, w]);
  };
  const adjectived = new Set<string>();
  for (const c of cands) {
    voter = c;
    // a cue word read as a name (مدينة → Medina) says nothing about the country; a country's adjective
    // (الليبية, itself never a place name) does
    if (c.tokenEnd - c.tokenStart === 1 && !c.country && keyIn(c.tokenStart, cues.neverWords)) continue;
    // a named country is a strong hint; an adjective (التركية) usually describes an actor, not the place,
    // and counts once a country however often it is repeated (it breaks a tie, as between two Tripolis)
    if (c.country) {
      if (c.country.nameKeys.includes(c.key)) vote(c.country.code, 2);
      else if (!adjectived.has(c.country.code)) {
        adjectived.add(c.country.code);
        vote(c.country.code, 0.3);
      }
    }
    // only places that cannot be everyday words vote: big ones, or several-word names
    const cs = c.facts.countries;
    const solid = c.facts.solid || c.tokenEnd - c.tokenStart > 1;
    if (cs.length === 1 && c.places.length && solid) vote(cs[0], 1);
    else for (const cc of c.facts.bigCountries) vote(cc, c.facts.capitalCountries.includes(cc) ? 0.6 : 0.5);
  }
  voter = null;
  const tld = doc.url?.match(/\.([a-z]{2})(?:[/:]|$)/i)?.[1]?.toUpperCase();
  if (tld && votes.has(tld)) vote(tld, 1);
  const countryRank = [...votes.entries()].sort((a, b) => b[1] - a[1]).map(([cc]) => cc);
  doc.country = countryRank[0] ?? null;
  const topVotes = votes.get(countryRank[0] ?? '') ?? 0;
  // the first two countries by votes without a candidate's own: most candidates cast none, and share one ranking
  // (and candidates that cast the same votes, the same name told again, share theirs)
  const rankBy = new Map<string, string[]>();
  const rankWithout = (c: Candidate) => {
    const sig = c.votes ? c.votes.map(([cc, w]) => `${cc}:${w}`).join(' ') : '';
    let rank = rankBy.get(sig);
    if (!rank) {
      rank = firstTwoWithout(votes, c.votes ?? []);
      rankBy.set(sig, rank);
    }
    return rank;
  };

  // keep names that are safe, or that a cue vouches for. A one-word name that is also an everyday word
  // (مزيد، مستوى، تحرير) needs a place word or a list; a small place needs more than a preposition.
  // The next word carries the name on (an Arabic word, on the same line, that is no cue, function or
  // everyday word, and neither a conjunction nor an article, with or without a preposition, begins it:
  // "حوارة بالضفة" ends there): the gazetteer knows only the name's first word. "قرية بولو
  // بوردي" is not Bolu in Turkey, "ميناء رأس عيسى" not the hamlet of Ar Ra's.
  const nameGoesOn = (c: Candidate) => {
    const t = tokens[c.tokenEnd];
    const last = tokens[c.tokenEnd - 1];
    if (!t || t.kind !== 'arabic' || /^(?:[وف]|(?:[وف]?[بكل])?ال|لل)/.test(t.norm)) return false;
    // only spaces between them, on one line
    if (!/^[^\S\n]*$/.test(doc.text.slice(last.end, t.start))) return false;
    return !keyIn(c.tokenEnd, cues.neverWords) && !keyIn(c.tokenEnd, cues.stopWords) && !keyIn(c.tokenEnd, cues.relations);
  };
  const kept: Candidate[] = [];
  for (const c of cands) {
    if (c.country && !c.places.length) {
      kept.push(c);
      continue;
    }
    const single = c.tokenEnd - c.tokenStart === 1;
    const never = single && (cues.neverWords.has(c.key) || c.key.length <= 2);
    if (never) continue;
    const strongCue = c.cueKind === 'place' || c.cueKind === 'region';
    const inList = c.cueKind === 'list' && kept.length > 0 && kept[kept.length - 1].tokenEnd >= c.tokenStart - 1 && kept[kept.length - 1].places.length > 0;
    const firstOfList = c.cueKind === 'list' && !inList;
    const everyday = single && (cues.stopWords.has(c.key) || c.facts.allCommon);
    // a person: after a title (الرئيس، العميد…), or a phrase opening with a given name (محمد جمعة)
    const title = c.tokenStart > 0 && keyIn(c.tokenStart - 1, cues.titles);
    const person = title || (!strongCue && keys[c.tokenStart].some((k) => k.exact && cues.personStarts.has(k.key)));
    if (person) continue;
    // a quarter the gazetteer does not know as one is a namesake elsewhere (حي الكاشف is not the village
    // of that name): it is left out, and its event goes to the town it is in
    if (c.quarter && !c.facts.district) continue;
    // a small place abroad, when the article is plainly about another country, is a namesake; the
    // countries are ranked without the name's own vote, which would vouch for itself (قرية الخميس
    // الجمعة in Iraq, in a Libyan article)
    const rankOthers = topVotes >= 2 ? rankWithout(c) : [];
    const abroad = topVotes >= 2 && c.facts.countries.every((cc) => !rankOthers.includes(cc));
    // abroad, only a capital or a very big city is taken without a place word (Baneh for بأنه is not)
    if (abroad && !c.facts.bigAbroad) continue;
    // the first word of a longer name the gazetteer lacks: a small namesake, or one abroad, is not it
    if (single && c.places.length && (abroad || !(c.facts.bigAbroad || c.places.some((p) => p.kind === 'admin1'))) && nameGoesOn(c)) continue;
    // (big: a district or county, admin-2, is big on paper but news names it with a region word)
    const { big, town } = c.facts;
    // "في سومبي التي تبعد 100 كلم عن تمبكتو"، "قرية X الواقعة شرق Y": a relative clause of place after it
    // (asked only where it decides)
    const clause = () => !!cues.placeClauses?.size && [1, 2].some((n) => c.tokenEnd + n <= tokens.length &&
      cues.placeClauses!.has(keys.slice(c.tokenEnd, c.tokenEnd + n).map((k) => k[0].key).join(' ')));
    let ok: boolean;
    if (strongCue || inList) ok = true;
    else if (everyday) ok = false;
    else if (!single) ok = true;
    else if (big) ok = true;
    else if (c.cueKind === 'preposition' || firstOfList) ok = town || clause();
    else ok = false;
    if (ok) kept.push(c);
  }

  const out: PlaceMention[] = [];
  const chosen = new ChosenPlaces();
  for (const c of kept) {
    // a country's own name is the country, not a namesake district (اليمن in "غرب اليمن")
    // (after العاصمة a capital is meant: "العاصمة عمان" is Amman, not Oman)
    const capitalMeant = c.tokenStart > 0 && keys[c.tokenStart - 1].some((k) => cues.anaphors.get(k.key) === 'capital') && c.places.some((p) => p.kind === 'capital');
    const countryName = !!c.country && c.country.nameKeys.includes(c.key) && !capitalMeant;
    const place = c.places.length && !countryName
      ? choosePlace(doc, capitalMeant ? { ...c, places: c.places.filter((p) => p.kind === 'capital') } : c, countryRank, chosen, cands, tokens) : null;
    if (!place && c.country) {
      // a country named as a place ("في ليبيا") — kept as context, never an event location of its own
      const cp = gaz.get(c.country.placeId);
      if (!cp) continue;
      out.push(mention(doc, tokens, c, cp, 3, 'place.country'));
      continue;
    }
    if (!place) continue;
    chosen.push(place);
    const precision: 1 | 2 | 3 = place.kind === 'admin1' || place.kind === 'admin2' || place.kind === 'country' ? 3 : c.precision;
    const pm = mention(doc, tokens, c, place, precision, c.relation ? `place.relative.${c.relation}` : c.cueKind ? `place.cue.${c.cueKind}` : 'place.name');
    if (c.far) pm.context = true;
    out.push(pm);
  }
  namesakesNear(out, tokens);
  namesakesIn(out, tokens, keys, cues);
  const unknown = unknownNames(doc, cues, keys, out, gaz);
  unknown.added.push(...unquotedUnknownNames(doc, cues, keys, out, inSet));
  if (unknown.added.length) {
    for (let k = out.length - 1; k >= 0; k--) if (unknown.dropped.has(out[k])) out.splice(k, 1);
    out.push(...unknown.added);
    out.sort((a, b) => a.start - b.start);
  }
  markContext(out, tokens, cues, keys);
  out.push(...anaphors(doc, cues, keys, out, gaz, inSet));
  out.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The two countries with the most votes left once `mine` are taken back (only those left with some),
 * the earlier counted first on a tie: what a stable sort of the votes by falling weight puts first.
 */
function firstTwoWithout(votes: Map<string, number>, mine: ReadonlyArray<[string, number]>): string[] {
  let first: string | null = null;
  let second: string | null = null;
  let w1 = 0;
  let w2 = 0;
  for (const [cc, all] of votes) {
    let w = all;
    for (const [m, x] of mine) if (m === cc) w -= x;
    if (!(w > 0)) continue;
    if (first === null || w > w1) {
      second = first;
      w2 = w1;
      first = cc;
      w1 = w;
    } else if (second === null || w > w2) {
      second = cc;
      w2 = w;
    }
  }
  return first === null ? [] : second === null ? [first] : [first, second];
}

/**
 * The places chosen so far, by cell of one degree, so a candidate meets only those that may be within
 * 150 km rather than all of them: a 1 MB article chooses thousands, and scoring every pair made the
 * stage quadratic (6× the time for 4× the text).
 */
class ChosenPlaces {
  private readonly list: Place[] = [];
  private readonly cells = new Map<number, number[]>();

  push(p: Place): void {
    const at = this.list.length;
    this.list.push(p);
    const key = cell(Math.floor(p.lat), Math.floor(p.lon));
    const c = this.cells.get(key);
    if (c) c.push(at);
    else this.cells.set(key, [at]);
  }

  /**
   * In the order they were chosen (from the `from`-th on), the places that may lie within 150 km of p
   * by the score's own measure (degrees of latitude, and of longitude shrunk by cos(p.lat), times
   * 111 km), and perhaps some farther: the caller measures each one.
   */
  near(p: Place, from = 0): Place[] {
    if (this.list.length < 32) return this.list.slice(from);
    const dLat = 150 / 111 + 0.01;
    const cos = Math.cos((p.lat * Math.PI) / 180);
    const dLon = Math.abs(cos) < 0.01 ? 360 : dLat / Math.abs(cos);
    if (dLon >= 90) return this.list.slice(from);
    const found: number[] = [];
    for (let y = Math.floor(p.lat - dLat); y <= Math.floor(p.lat + dLat); y++) {
      for (let x = Math.floor(p.lon - dLon); x <= Math.floor(p.lon + dLon); x++) {
        const c = this.cells.get(cell(y, x));
        // a cell lists its places in the order chosen: the ones from `from` on are its last ones
        if (c) for (let k = c.length - 1; k >= 0 && c[k] >= from; k--) found.push(c[k]);
      }
    }
    found.sort((a, b) => a - b);
    return found.map((at) => this.list[at]);
  }

  /** Nearness sums begun: for a place and the score they started from, the sum so far and the places seen. */
  private readonly chains = new Map<Place, Map<number, { s: number; seen: number }>>();

  /**
   * s0 plus p's nearness to the places chosen so far: 2 for each one of its country within 50 km, 1
   * within 150 km, added one by one in the order they were chosen. The sum goes on from where the last
   * one for the same place and start stopped, which adds the same numbers in the same order (the same
   * sum, bit for bit): a long article names the same towns thousands of times, and summing over all
   * the places chosen before each one was quadratic.
   */
  nearness(p: Place, s0: number): number {
    const cos = Math.cos((p.lat * Math.PI) / 180);
    // a news article chooses a few places: the sum over all of them, with no chain to keep
    if (this.list.length < 32) {
      let s = s0;
      for (const q of this.list) s += nearnessOf(p, q, cos);
      return s;
    }
    let byStart = this.chains.get(p);
    if (!byStart) this.chains.set(p, (byStart = new Map()));
    const chain = byStart.get(s0);
    let s = chain ? chain.s : s0;
    for (const q of this.near(p, chain ? chain.seen : 0)) s += nearnessOf(p, q, cos);
    if (chain) {
      chain.s = s;
      chain.seen = this.list.length;
    } else byStart.set(s0, { s, seen: this.list.length });
    return s;
  }
}

/** Kilometres between two placed mentions, as the place scores measure them (degrees × 111, longitude shrunk at b's latitude). */
function mentionKm(a: PlaceMention, b: PlaceMention): number {
  const cos = Math.cos((b.lat! * Math.PI) / 180);
  return Math.hypot(a.lat! - b.lat!, (a.lon! - b.lon!) * cos) * 111;
}

/** What q adds to p's nearness: 2 of p's country within 50 km, 1 within 150 km (cos: of p's latitude). */
function nearnessOf(p: Place, q: Place, cos: number): number {
  if (q.countryCode !== p.countryCode) return 0;
  const d = Math.hypot(p.lat - q.lat, (p.lon - q.lon) * cos) * 111;
  return d < 50 ? 2 : d < 150 ? 1 : 0;
}

const cell = (y: number, x: number) => (y + 1000) * 4000 + (x + 2000);

// the place words that say the place is a village or a small town
const VILLAGE_CUE = /^(و|ف|ب|ل)?(قريه|قريتي|قري|بلده|بلدتي|بلدات|عزبه|نجع|دوار)$/;

function choosePlace(doc: MarsadDocument, c: Candidate, countryRank: string[], chosenSoFar: ChosenPlaces, all: Candidate[], tokens: Token[]): Place | null {
  const regionCue = c.cueKind === 'region';
  const score = (p: Place) => {
    let s = 0;
    const ci = countryRank.indexOf(p.countryCode);
    if (ci === 0) s += 6;
    else if (ci > 0) s += 3 - Math.min(ci, 2);
    if (regionCue && (p.kind === 'admin1' || p.kind === 'admin2')) s += 5;
    if (!regionCue && (p.kind === 'admin1' || p.kind === 'admin2')) s -= 1;
    if (p.kind === 'capital') s += 2;
    else if (p.kind === 'city') s += 1.5;
    else if (p.kind === 'town') s += 1;
    s += Math.min(2, Math.log10(1 + (p.population ?? 0)) / 3);
    // near the other places of the article (within 150 km); farther ones add nothing, so only the
    // ones in reach are visited, in the order they were chosen (the same sum, bit for bit)
    s = chosenSoFar.nearness(p, s);
    if (p.old) s -= 1;
    return s;
  };
  void all;
  void tokens;
  // a name a big city bears (عدن، جوبا، خان يونس، مدينة الرياض) means that city, not a hamlet of that
  // name in the article's country, unless a village word introduces it (قرية عدن)
  const villageCue = c.cueKind === 'place' && c.cue !== null && VILLAGE_CUE.test(fold(doc.text.slice(c.cue.start, c.cue.end)));
  const major = !villageCue && (c.facts.bigCountries.length > 0 || c.facts.capitalCountries.length > 0);
  // the first of the best: what a stable sort by falling score puts first, each place scored once
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of c.places) {
    if (major && (p.kind === 'village' || p.kind === 'hamlet') && (p.population ?? 0) < 10000) continue;
    const s = score(p);
    if (best === null || s > bestScore) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

function mention(doc: MarsadDocument, tokens: Token[], c: Candidate, p: Place, precision: 1 | 2 | 3, ruleId: string): PlaceMention {
  const nameStart = doc.norm.starts[tokens[c.tokenStart].nstart + c.prefixLen] ?? tokens[c.tokenStart].start;
  const end = tokens[c.tokenEnd - 1].end;
  const start = c.relStart !== null ? tokens[c.relStart].start : nameStart;
  const nameAr = doc.text.slice(start, end).replace(/^(و|ف|ب|ل)(?=(شرق|غرب|شمال|جنوب|قرب|محيط|ريف))/, '');
  return {
    start,
    end,
    nameAr,
    gazetteerId: p.id,
    name: c.relation ? `${p.name} (${relationLabel(c.relation)})` : p.name,
    country: p.country || null,
    countryCode: p.countryCode || null,
    admin1: p.admin1 || null,
    admin2: p.admin2 ?? null,
    lat: p.lat,
    lon: p.lon,
    kind: p.kind,
    geoPrecision: precision,
    tokenStart: c.relStart ?? c.tokenStart,
    tokenEnd: c.tokenEnd,
    cue: c.cue ?? undefined,
    relation: c.relation ?? undefined,
    ruleId,
  };
}

function relationLabel(rel: string): string {
  if (/شرق/.test(rel)) return 'east of';
  if (/غرب/.test(rel)) return 'west of';
  if (/شمال/.test(rel)) return 'north of';
  if (/جنوب/.test(rel)) return 'south of';
  if (/ريف/.test(rel)) return 'countryside';
  return 'near';
}

/** A place named after another as its administrative area ("كفرناها وكفرجوم في ريف حلب الغربي"). */
function markContext(out: PlaceMention[], tokens: Token[], cues: PlaceCues, keys: TokenKey[][]) {
  for (let k = 1; k < out.length; k++) {
    const p = out[k];
    const prev = out[k - 1];
    if (p.tokenStart - prev.tokenEnd > 4 || p.tokenStart < prev.tokenEnd) continue;
    const between = tokens.slice(prev.tokenEnd, p.tokenStart);
    const regionish = p.relation === 'ريف' || p.geoPrecision === 3 || between.some((t, j) => keys[prev.tokenEnd + j].some((x) => cues.regionWords.has(x.key) || x.key === 'ريف'));
    const sep = between.every((t, j) => t.kind === 'punct' || /^(في|ب|،|,|من|التابعه|التابع|الواقعه|الواقع)$/.test(t.norm) || keys[prev.tokenEnd + j]?.some((x) => cues.regionWords.has(x.key) || cues.relations.has(x.key)));
    // "قضاء الطارمية شمالي بغداد": a place told by its bearing from another, straight after a named
    // place, locates that place rather than naming a second one
    const bearing = !!p.relation && p.relation !== 'ريف' && prev.kind !== 'country' && p.tokenStart - prev.tokenEnd <= 1 && !prev.context;
    // "قرية بوكريسكان الواقعة بجبل قنديل": a place said to hold the one before it (الواقعة، التابعة) locates it
    const holds = !prev.context && prev.kind !== 'country' && between.some((t) => /^(التابعه|التابع|الواقعه|الواقع)$/.test(t.norm));
    if ((regionish || bearing || holds) && sep) p.context = true;
    // "بادية الفيضة شرق دير الزور": a relative place right after another only places it
    else if (p.relation && p.geoPrecision === 2 && prev.relation && prev.geoPrecision === 2 && !prev.context && between.every((t) => t.kind === 'punct' && t.norm !== '.')) p.context = true;
  }
}

/**
 * A name the gazetteer lacks, quoted after a settlement word (بلدة "راجي عيلي"، قرية «الفيضة»): still the
 * event's place. It is reported as written, without a gazetteer id, at the admin-1 region of the place
 * named nearest to it (in its sentence, else the last one before it in the article, else the first
 * after) and at ACLED geo-precision 3: the region is all we know, and saying so is better than taking
 * the region's town for the village, or dropping the event. No region anywhere: no place.
 */
function unknownNames(doc: MarsadDocument, cues: PlaceCues, keys: TokenKey[][], found: PlaceMention[], gaz: GazetteerLike): { added: PlaceMention[]; dropped: Set<PlaceMention> } {
  const tokens = doc.layers.tokens;
  const out: PlaceMention[] = [];
  const named = found.filter((p) => p.countryCode && p.kind !== 'country' && p.admin1);
  const dropped = new Set<PlaceMention>();
  const bits = cueBits(cues);
  for (const sent of doc.layers.sentences) {
    for (let p = sent.tokenStart; p < sent.tokenEnd - 3; p++) {
      // a settlement word without its article (بلدة، قرية، مدينة، مخيم), then an opening quotation mark
      const cue = bits.has(keys[p], cues.anaphors) ? keys[p].find((x) => cues.anaphors.get(x.key) === 'settlement' || cues.anaphors.get(x.key) === 'camp') : undefined;
      if (!cue || tokens[p].norm.includes('ال' + cue.key) || !QUOTE.test(tokens[p + 1].norm)) continue;
      const s = p + 2;
      let e = s;
      while (e < sent.tokenEnd && e - s < 4 && tokens[e].kind === 'arabic') e++;
      if (e === s || e - s > 3 || !tokens[e] || !QUOTE.test(tokens[e].norm)) continue;
      // a known name covering the quoted one is kept; one covering only its first words (خربة of «خربة
      // السنديان») is a namesake, unless the rest only qualifies it (تل الورد «الغربي»)
      const inside = found.filter((m) => m.tokenStart < e && m.tokenEnd > s);
      if (inside.some((m) => m.tokenStart !== s || m.tokenEnd >= e || tokens.slice(m.tokenEnd, e).every((t) => QUALIFIER_WORDS.test(t.norm)))) continue;
      for (const m of inside) dropped.add(m);
      const inSentence = named.filter((m) => m.tokenStart >= sent.tokenStart && m.tokenEnd <= sent.tokenEnd && !inside.includes(m));
      const dist = (m: PlaceMention) => (m.tokenStart >= e ? m.tokenStart - e : s - m.tokenEnd);
      const anchor = inSentence.sort((a, b) => dist(a) - dist(b))[0] ??
        [...named].reverse().find((m) => m.tokenEnd <= s && !inside.includes(m)) ?? named.find((m) => m.tokenStart >= e);
      if (!anchor) continue;
      const region = anchor.kind === 'admin1' ? gaz.get(anchor.gazetteerId ?? '') : regionOf(gaz, anchor);
      if (!region) continue;
      const kind = cues.anaphors.get(cue.key) === 'camp' ? 'camp' : 'village';
      out.push({
        start: tokens[s].start,
        end: tokens[e - 1].end,
        nameAr: doc.text.slice(tokens[s].start, tokens[e - 1].end),
        gazetteerId: null,
        name: null,
        country: region.country || null,
        countryCode: region.countryCode || null,
        admin1: region.admin1 || region.name || null,
        admin2: null,
        lat: region.lat,
        lon: region.lon,
        kind,
        geoPrecision: 3,
        tokenStart: s,
        tokenEnd: e,
        cue: { start: tokens[p].start, end: tokens[p].end },
        ruleId: 'place.unknown-name.admin1',
      });
    }
  }
  return { added: out, dropped };
}

/**
 * "قصفت الطائرات منطقة قبر الإنكليز في ريف حلب": a name the gazetteer lacks, unquoted, between a place
 * word without its article (منطقة، قرية، بلدة، مخيم) and a known place the text puts it in or near. Only
 * a name in construct is taken — up to two words and then one with the article (قبر الإنكليز، الحصن),
 * none of them a word of the lexicons or an everyday word — for an indefinite word after the place word
 * may be an adjective or a verb (منطقة عسكرية، قرية تقع). It is reported as written, without a
 * gazetteer id, at the anchor's point and geo-precision 2 (a named part of the anchor's surroundings:
 * not a region, which an event at a precise place in it would absorb).
 */
function unquotedUnknownNames(doc: MarsadDocument, cues: PlaceCues, keys: TokenKey[][], found: PlaceMention[], inSet: CueTest): PlaceMention[] {
  const out: PlaceMention[] = [];
  const nameCues = cues.unknownNameCues;
  if (!nameCues?.size) return out;
  const tokens = doc.layers.tokens;
  const covered = new Uint8Array(tokens.length + 1);
  for (const m of found) for (let t = m.tokenStart; t < m.tokenEnd && t < tokens.length; t++) covered[t] = 1;
  // the words of the name: heads without the article (تل، خربة، قبر — a place word may head one, a
  // function, cue or bearing word may not), then one with it, neither a lexicon nor an everyday word
  const word = (t: number) => tokens[t].kind === 'arabic' && !covered[t];
  const head = (t: number) => word(t) && !tokens[t].norm.startsWith('ال') &&
    !keys[t].some((k) => k.exact && cues.neverWords.has(k.key) && !cues.placeWords.has(k.key));
  const last = (t: number) => word(t) && tokens[t].norm.startsWith('ال') &&
    !keys[t].some((k) => k.exact && (cues.stopWords.has(k.key) || cues.neverWords.has(k.key)));
  for (const sent of doc.layers.sentences) {
    for (let p = sent.tokenStart; p < sent.tokenEnd - 3; p++) {
      if (covered[p] || !inSet(p, nameCues)) continue;
      const cue = keys[p].find((k) => nameCues.has(k.key) && !tokens[p].norm.includes(`ال${k.key}`));
      if (!cue) continue;
      let e = p + 1;
      while (e < p + 3 && e < sent.tokenEnd && head(e)) e++;
      if (e >= sent.tokenEnd || !last(e)) continue;
      e++;
      // then the place it lies in or near: في، قرب، a bearing (شمال، ريف…), a place word, or ب glued to it
      let q = e;
      while (q < sent.tokenEnd && q - e < 3 && (tokens[q].norm === 'في' || keys[q].some((k) => k.exact && (cues.relations.has(k.key) || cues.placeWords.has(k.key) || cues.regionWords.has(k.key) || k.key === 'قرب')))) q++;
      // (an anchor starting in the word right after the name has ب glued to it or to its relation word: بحلب، بريف)
      const glued = tokens[e].norm.startsWith('ب') && keys[e].some((k) => k.prefixLen === 1);
      const anchor = found.find((m) => m.tokenStart >= e && m.tokenStart <= q && m.kind !== 'country' && m.lat !== null && (m.tokenStart > e || glued));
      if (!anchor) continue;
      out.push({
        start: tokens[p + 1].start,
        end: tokens[e - 1].end,
        nameAr: doc.text.slice(tokens[p + 1].start, tokens[e - 1].end),
        gazetteerId: null,
        name: null,
        country: anchor.country,
        countryCode: anchor.countryCode,
        admin1: anchor.admin1,
        admin2: anchor.admin2,
        lat: anchor.lat,
        lon: anchor.lon,
        kind: nameCues.get(cue.key)!,
        geoPrecision: 2,
        tokenStart: p + 1,
        tokenEnd: e,
        cue: { start: tokens[p].start, end: tokens[p].end },
        ruleId: 'place.unknown-name.in',
      });
      p = e - 1;
    }
  }
  return out;
}

/**
 * "منطقة السوق في مدينة إدلب"، "قرية الصناعة في ريف حمص": a name after a place word that the gazetteer
 * knows only far from the place the text puts it in is a namesake. In a town, it is a part of that town
 * the gazetteer lacks: it is left out and the town is the place. In a region (ريف X، محافظة X), it is a
 * village the gazetteer lacks: reported as written at the region's point, geo-precision 2 (rule
 * place.unknown-name.in), never at the namesake's. A region of another country is left out either way.
 * The same name elsewhere in the article goes with it.
 */
function namesakesIn(out: PlaceMention[], tokens: Token[], keys: TokenKey[][], cues: PlaceCues): void {
  const dropped = new Set<string>();
  const replaced = new Map<string, PlaceMention>();
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (a.relation || !a.gazetteerId || a.lat === null || b.lat === null || a.lon === null || b.lon === null || b.kind === 'country') continue;
    // (a region of another country: "منطقة الحدود في ريف إدلب" is no Saudi province)
    const region = (a.kind === 'admin1' || a.kind === 'admin2') && (a.ruleId === 'place.cue.place' || a.ruleId === 'place.name');
    if (!region && (a.ruleId !== 'place.cue.place' || !a.kind || !['village', 'hamlet', 'town'].includes(a.kind))) continue;
    // in it: في or وسط (ساحة التحرير وسط بغداد), a place or region word, or ب glued to the next word, between them
    const between = tokens.slice(a.tokenEnd, b.tokenStart);
    const glued = b.tokenStart === a.tokenEnd && tokens[b.tokenStart]?.norm.startsWith('ب');
    const within = (t: Token) => t.norm === 'في' || t.norm === 'وسط';
    const inIt = glued || (between.some(within) && between.every((t, j) => within(t) || QUOTE.test(t.norm) ||
      keys[a.tokenEnd + j].some((x) => x.exact && (cues.placeWords.has(x.key) || cues.regionWords.has(x.key)))));
    if (!inIt) continue;
    const d = mentionKm(a, b);
    const town = !b.relation && b.geoPrecision === 1 && SETTLEMENTS.has(b.kind as PlaceKind);
    if (a.countryCode === b.countryCode && (region || d <= (town ? 60 : 150))) continue;
    if (town || region) {
      dropped.add(a.gazetteerId);
      continue;
    }
    const first = replaced.get(a.gazetteerId);
    out[k] = { ...a, gazetteerId: null, name: null, kind: 'village', lat: first?.lat ?? b.lat, lon: first?.lon ?? b.lon, country: b.country, countryCode: b.countryCode, admin1: first?.admin1 ?? b.admin1, admin2: first?.admin2 ?? b.admin2, geoPrecision: 2, ruleId: 'place.unknown-name.in' };
    if (!first) replaced.set(a.gazetteerId, out[k]);
  }
  if (!dropped.size && !replaced.size) return;
  for (let k = out.length - 1; k >= 0; k--) {
    const id = out[k].gazetteerId;
    if (!id) continue;
    const r = replaced.get(id);
    if (dropped.has(id)) out.splice(k, 1);
    else if (r) out[k] = { ...out[k], gazetteerId: null, name: null, kind: r.kind, lat: r.lat, lon: r.lon, country: r.country, countryCode: r.countryCode, admin1: r.admin1, admin2: r.admin2, geoPrecision: 2, ruleId: 'place.unknown-name.in' };
  }
}

// words that only tell twin villages apart (الغربي، الكبرى، الجديدة): a name found without them is the place
const QUALIFIER_WORDS = /^(ال)?(غربي|غربيه|شرقي|شرقيه|شمالي|شماليه|جنوبي|جنوبيه|كبري|صغري|جديد|جديده|قديم|قديمه|فوقاني|تحتاني|فوقا|تحتا|عليا|سفلي)$/;

/**
 * "قرية “الفيضة” قرب مدينة الميادين": a village placed by the place right after it (قرب، شرق…) that
 * the gazetteer only knows far from there (over 60 km) is a namesake: the village the text means is
 * missing. It is reported as written, with no gazetteer id, at the anchor's point and geo-precision 2
 * (near it), rule place.unknown-name.near — never at the namesake's point.
 */
function namesakesNear(out: PlaceMention[], tokens: Token[]): void {
  const replaced = new Map<string, PlaceMention>();
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (!b.relation || b.geoPrecision !== 2 || a.relation || a.geoPrecision !== 1 || !a.gazetteerId || a.lat === null || b.lat === null) continue;
    if (!a.kind || !['village', 'hamlet', 'town'].includes(a.kind)) continue;
    // right after it: nothing but a quotation mark or a comma between
    if (tokens.slice(a.tokenEnd, b.tokenStart).some((t) => !QUOTE.test(t.norm) && t.norm !== '،' && t.norm !== ',')) continue;
    if (mentionKm(a, b) <= 60) continue;
    const first = replaced.get(a.gazetteerId);
    out[k] = { ...a, gazetteerId: null, name: null, lat: first?.lat ?? b.lat, lon: first?.lon ?? b.lon, country: b.country, countryCode: b.countryCode, admin1: first?.admin1 ?? b.admin1, admin2: first?.admin2 ?? b.admin2, geoPrecision: 2, ruleId: 'place.unknown-name.near' };
    if (!first) replaced.set(a.gazetteerId, out[k]);
    // the anchor only places it
    b.context = true;
  }
  if (!replaced.size) return;
  // the same name elsewhere in the article is the same village, not the namesake
  for (let k = 0; k < out.length; k++) {
    const r = out[k].gazetteerId ? replaced.get(out[k].gazetteerId!) : undefined;
    if (r) out[k] = { ...out[k], gazetteerId: null, name: null, lat: r.lat, lon: r.lon, country: r.country, countryCode: r.countryCode, admin1: r.admin1, admin2: r.admin2, geoPrecision: 2, ruleId: 'place.unknown-name.near' };
  }
}

/** The admin-1 region a found place lies in, by its Arabic region name within its country. */
function regionOf(gaz: GazetteerLike, m: PlaceMention): Place | null {
  const place = m.gazetteerId ? gaz.get(m.gazetteerId) : null;
  if (!place || !place.admin1Ar) return null;
  const key = placeKeyOf(place.admin1Ar);
  return gaz.lookup(key).find((r) => r.kind === 'admin1' && r.countryCode === place.countryCode && r.admin1Code === place.admin1Code) ??
    gaz.lookup(key).find((r) => r.kind === 'admin1' && r.countryCode === place.countryCode) ?? null;
}

/** المدينة، البلدة، العاصمة: the place named before, or the capital of the article's country. */
function anaphors(
  doc: MarsadDocument,
  cues: PlaceCues,
  keys: TokenKey[][],
  found: PlaceMention[],
  gaz: GazetteerLike,
  inSet: CueTest,
): PlaceMention[] {
  const tokens = doc.layers.tokens;
  const out: PlaceMention[] = [];
  // marked once rather than searched for every anaphor (a long article has thousands of both): the
  // tokens a place found covers, and those a place starts right after
  const taken = new Uint8Array(tokens.length + 1);
  for (const p of found) {
    if (p.tokenStart >= 1 && p.tokenStart <= tokens.length) taken[p.tokenStart - 1] = 1;
    for (let t = Math.max(0, p.tokenStart); t < Math.min(p.tokenEnd, tokens.length); t++) taken[t] = 1;
  }
  const towns = found.filter((p) => p.kind && SETTLEMENTS.has(p.kind as PlaceKind) && !p.context && !p.relation && p.geoPrecision === 1);
  const lastTownBefore = lastEndingBy(towns, (p) => p.end);
  const lastCampBefore = lastEndingBy(towns.filter((p) => p.kind === 'camp'), (p) => p.end);
  for (let i = 0; i < tokens.length; i++) {
    const k = inSet(i, cues.anaphors) ? keys[i].find((x) => cues.anaphors.has(x.key) && tokens[i].norm.includes('ال' + x.key)) : undefined;
    if (!k) continue;
    // "مدينة حلب" is a cue, not an anaphor: a name right after it
    if (taken[i]) continue;
    const kind = cues.anaphors.get(k.key)!;
    let ref: PlaceMention | undefined;
    if (kind === 'capital') {
      const country = doc.country ? gaz.countryByKey(doc.country.toLowerCase()) : null;
      const cap = country?.capitalId ? gaz.get(country.capitalId) : null;
      if (cap) {
        out.push(anaphorMention(doc, tokens, i, k.prefixLen, cap));
      }
      continue;
    }
    // the last town named as itself (not شرق X, not the context of another place)
    // (المخيم is the camp named before, not the town beside it)
    ref = kind === 'camp' ? lastCampBefore(tokens[i].start) : lastTownBefore(tokens[i].start);
    if (!ref || !ref.gazetteerId) continue;
    const place = gaz.get(ref.gazetteerId);
    if (place) out.push(anaphorMention(doc, tokens, i, k.prefixLen, place, ref.nameAr));
  }
  return out;
}

function anaphorMention(doc: MarsadDocument, tokens: Token[], i: number, prefixLen: number, p: Place, refName?: string): PlaceMention {
  const start = doc.norm.starts[tokens[i].nstart + prefixLen] ?? tokens[i].start;
  return {
    start,
    end: tokens[i].end,
    nameAr: refName ?? p.nameAr,
    gazetteerId: p.id,
    name: p.name,
    country: p.country || null,
    countryCode: p.countryCode || null,
    admin1: p.admin1 || null,
    admin2: p.admin2 ?? null,
    lat: p.lat,
    lon: p.lon,
    kind: p.kind,
    geoPrecision: 1,
    tokenStart: i,
    tokenEnd: i + 1,
    anaphor: true,
    ruleId: 'place.anaphor',
  };
}

export function placesStage(gazetteer: GazetteerLike, cues: PlaceCues): Stage {
  const gaz = new GazetteerMemo(gazetteer);
  return {
    name: 'places',
    needs: ['tokens', 'sentences'],
    adds: ['places'],
    run(doc) {
      doc.layers.places = findPlaces(gaz, cues, doc);
    },
  };
}
