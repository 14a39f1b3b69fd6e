// Lookup keys of tokens. Lexicon phrases and text tokens are compared on the same "bare" key:
// the folded word without the article (الجيش → جيش) — so one entry matches الجيش، جيش، للجيش، والجيش.
// A text token also offers its forms without proclitics (وبالمدينة → مدينه) and without a pronoun
// suffix (سيطرته → سيطره), each with how many letters were cut at the front, so a match can start its
// span after the proclitic.

import type { Token } from '../../doc/types.js';
import { normalize } from '../../lang/ar/normalize.js';
import { tokenize } from '../../lang/ar/tokens.js';
import type { MarsadDocument } from '../../doc/types.js';

export interface TokenKey {
  key: string;
  /** Letters of proclitics cut from the front (the span starts after them). */
  prefixLen: number;
  /** True when the key is the word as written (no clitic cut): such matches are preferred. */
  exact: boolean;
}

/** The bare key of a lexicon or text word: drop the article when two letters or more remain. */
export function bareKey(word: string): string {
  if (word.length >= 4 && word.startsWith('ال')) return word.slice(2);
  return word;
}

/** Keys of a lexicon phrase: its tokens (as the text tokeniser cuts them), each bare. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(normalize(phrase)).map((t) => (t.kind === 'arabic' ? bareKey(t.norm) : t.norm));
}

const CHAINS = ['وب', 'وك', 'ول', 'فب', 'فك', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];
const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه'];

function withSuffixCut(out: TokenKey[], key: string, prefixLen: number) {
  for (const s of SUFFIXES) {
    if (key.length - s.length >= 3 && key.endsWith(s)) {
      const stem = key.slice(0, -s.length);
      out.push({ key: stem, prefixLen, exact: false });
      // ta marbuta is written open before a suffix: سيطرته → سيطره
      if (stem.endsWith('ت')) out.push({ key: stem.slice(0, -1) + 'ه', prefixLen, exact: false });
      break;
    }
  }
}

/** All keys a token may be looked up by, the word as written first. */
export function tokenKeys(tok: Token): TokenKey[] {
  const w = tok.norm;
  if (tok.kind !== 'arabic') return [{ key: w, prefixLen: 0, exact: true }];
  const out: TokenKey[] = [{ key: bareKey(w), prefixLen: 0, exact: true }];
  if (w.startsWith('ال') && w.length >= 4) out.push({ key: w, prefixLen: 0, exact: true });
  for (const c of CHAINS) {
    if (!w.startsWith(c) || w.length - c.length < 2) continue;
    let rest = w.slice(c.length);
    // لل = ل + ال with its alef written away: the bare word starts after both lams (للجيش → جيش)
    if (c.endsWith('ل') && rest.startsWith('ل') && rest.length >= 3) {
      out.push({ key: rest.slice(1), prefixLen: c.length + 1, exact: false });
      out.push({ key: 'ا' + rest, prefixLen: c.length, exact: false });
    }
    rest = bareKey(rest);
    out.push({ key: rest, prefixLen: c.length, exact: false });
  }
  const n = out.length;
  for (let k = 0; k < n; k++) withSuffixCut(out, out[k].key, out[k].prefixLen);
  // de-duplicate, keeping the first (most exact) occurrence
  const seen = new Set<string>();
  return out.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

const CACHE = Symbol('tokenKeys');
/** Per-word answers of the word memos (WordMemo), hung off a word's shared keys array. */
const SLOTS = Symbol('wordSlots');
let slotCount = 0;

type Slotted = readonly TokenKey[] & { readonly [SLOTS]?: unknown[] };

/**
 * A memo of something a consumer (a phrase matcher, a cue table) computes once per distinct word:
 * the answer is kept in a slot of the word's shared keys array (documentKeys), a property read where a
 * WeakMap probe cost a hash lookup for every token of every document, once per lexicon. Keys arrays not
 * from the shared memo (built by hand in tests) fall back to a WeakMap. When the memo of words is
 * cleared past its bound, the answers go with it.
 */
export class WordMemo<V> {
  private readonly slot = slotCount++;
  private readonly fallback = new WeakMap<readonly TokenKey[], V>();

  get(keys: readonly TokenKey[]): V | undefined {
    const slots = (keys as Slotted)[SLOTS];
    return slots ? (slots[this.slot] as V | undefined) : this.fallback.get(keys);
  }

  set(keys: readonly TokenKey[], value: V): V {
    const slots = (keys as Slotted)[SLOTS];
    if (slots) slots[this.slot] = value;
    else this.fallback.set(keys, value);
    return value;
  }
}

/**
 * A memo of tokenKeys by kind and word, shared by every document: news repeats its words, so most
 * tokens find their keys here instead of building a handful of objects each (garbage the collector
 * then spent ~10% of the pipeline's time on). The keys are frozen, so no stage can change another's.
 * A memo of a pure function; cleared past a bound so a long-running worker does not grow.
 */
export class TokenKeyMemo {
  /** By kind, then word: no key string is built to ask. */
  private readonly byKind = new Map<string, Map<string, TokenKey[]>>();
  private size = 0;
  constructor(private readonly limit = 100_000) {}

  keysOf(tok: Token): TokenKey[] {
    let byWord = this.byKind.get(tok.kind);
    if (!byWord) this.byKind.set(tok.kind, (byWord = new Map()));
    let keys = byWord.get(tok.norm);
    if (!keys) {
      if (this.size >= this.limit) {
        this.byKind.clear();
        this.size = 0;
        this.byKind.set(tok.kind, (byWord = new Map()));
      }
      keys = tokenKeys(tok).map((k) => Object.freeze(k));
      Object.defineProperty(keys, SLOTS, { value: [], enumerable: false });
      Object.freeze(keys);
      byWord.set(tok.norm, keys);
      this.size++;
    }
    return keys;
  }
}

const sharedMemo = new TokenKeyMemo();

/** Keys of every token of a document, computed once and shared by all matchers. */
export function documentKeys(doc: MarsadDocument): TokenKey[][] {
  const holder = doc as unknown as { [CACHE]?: TokenKey[][] };
  if (!holder[CACHE]) {
    const tokens = doc.layers.tokens;
    const keys: TokenKey[][] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) keys[i] = sharedMemo.keysOf(tokens[i]);
    Object.defineProperty(holder, CACHE, { value: keys, enumerable: false });
  }
  return holder[CACHE]!;
}
