// A phrase matcher: a trie over the bare keys of lexicon phrases, matched token by token. Matching is
// apart from deciding: it proposes every lexicon entry a span could be, the stages decide among them.
import type { Token } from '../../doc/types.js';
import { phraseKeys, WordMemo, type TokenKey } from './keys.js';

interface Node<T> {
  next: Map<string, Node<T>>;
  payloads: T[];
}

export interface PhraseMatch<T> {
  tokenStart: number;
  tokenEnd: number;
  /** Letters of proclitics before the phrase in its first token. */
  prefixLen: number;
  /** The first token matched as written (no clitic cut). */
  exact: boolean;
  payloads: T[];
}

/** The child for an inner word: its first key (as written, or suffix cut) that the node continues with. */
function innerNext<T>(node: Node<T>, keys: TokenKey[]): Node<T> | undefined {
  if (node.next.size === 0) return undefined;
  for (let k = 0; k < keys.length; k++) {
    if (keys[k].prefixLen !== 0) continue;
    const nx = node.next.get(keys[k].key);
    if (nx) return nx;
  }
  return undefined;
}

/** A key of a word that opens some phrase of the lexicon, and the trie node it leads to. */
interface Opening<T> {
  key: TokenKey;
  node: Node<T>;
}

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), payloads: [] };
  /**
   * The keys of a word that open a phrase, remembered per word (documentKeys shares one frozen array
   * per word): most words open none, and every token asked this of every lexicon, a map probe per key.
   * Forgotten whenever a phrase is added (made afresh at the first match after, so adding the
   * lexicon's thousands of phrases does not use up a memo slot each).
   */
  private openings: WordMemo<Opening<T>[]> | null = null;
  size = 0;
  maxTokens = 0;

  /** Add a phrase (any spelling: it is normalised and keyed here). Returns false for an empty phrase. */
  add(phrase: string, payload: T): boolean {
    const keys = phraseKeys(phrase);
    if (keys.length === 0) return false;
    let node = this.root;
    for (const k of keys) {
      let nx = node.next.get(k);
      if (!nx) {
        nx = { next: new Map(), payloads: [] };
        node.next.set(k, nx);
      }
      node = nx;
    }
    if (!node.payloads.includes(payload)) node.payloads.push(payload);
    this.openings = null;
    this.size++;
    this.maxTokens = Math.max(this.maxTokens, keys.length);
    return true;
  }

  /**
   * The longest phrase starting at token i (ending before `end`), preferring the word as written.
   * `gaps[j]`, where set above j, lets a phrase skip the words j…gaps[j]-1 once, after its first word:
   * a subject between a verb and its object ("أطلق حزب الله صواريخ" for أطلق صواريخ).
   */
  matchAt(keys: TokenKey[][], tokens: Token[], i: number, end = tokens.length, gaps?: Int32Array): PhraseMatch<T> | null {
    // the best so far in plain locals: one object is built for the answer only (this runs for
    // every token of every document, once per lexicon)
    let bestEnd = -1;
    let bestPrefix = 0;
    let bestExact = false;
    let bestPayloads: T[] | null = null;
    const opens = this.openingsOf(keys[i]);
    for (let f = 0; f < opens.length; f++) {
      const first = opens[f].key;
      let node: Node<T> = opens[f].node;
      let j = i + 1;
      let foundEnd = -1;
      let foundPayloads: T[] | null = null;
      let skipped = false;
      if (node.payloads.length) {
        foundEnd = j;
        foundPayloads = node.payloads;
      }
      while (j < end) {
        // a name in quotation marks inside a phrase: حركة «فتح»، تنظيم "داعش"
        const norm = tokens[j].norm;
        if ((norm === '"' || norm === "'") && j + 1 < end) {
          const q: Node<T> | undefined = innerNext(node, keys[j + 1]);
          if (q) {
            node = q;
            j += 2;
            if (j < end && (tokens[j].norm === '"' || tokens[j].norm === "'")) j++;
            if (node.payloads.length) {
              foundEnd = j;
              foundPayloads = node.payloads;
            }
            continue;
          }
        }
        // inner words: as written, or with a pronoun suffix cut; never a proclitic
        let nx: Node<T> | undefined = innerNext(node, keys[j]);
        if (!nx && gaps && !skipped && gaps[j] > j && gaps[j] < end) {
          nx = innerNext(node, keys[gaps[j]]);
          if (nx) {
            skipped = true;
            j = gaps[j];
          }
        }
        if (!nx) break;
        node = nx;
        j++;
        if (node.payloads.length) {
          foundEnd = j;
          foundPayloads = node.payloads;
        }
      }
      if (!foundPayloads) continue;
      const better = !bestPayloads || foundEnd > bestEnd || (foundEnd === bestEnd && first.exact && !bestExact);
      if (better) {
        bestEnd = foundEnd;
        bestPrefix = first.prefixLen;
        bestExact = first.exact;
        bestPayloads = foundPayloads;
      }
    }
    return bestPayloads ? { tokenStart: i, tokenEnd: bestEnd, prefixLen: bestPrefix, exact: bestExact, payloads: bestPayloads } : null;
  }

  /** The keys of a word that open a phrase, in the order of the keys. */
  private openingsOf(keys: readonly TokenKey[]): Opening<T>[] {
    const memo = (this.openings ??= new WordMemo());
    let opens = memo.get(keys);
    if (!opens) {
      opens = [];
      for (const key of keys) {
        const node = this.root.next.get(key.key);
        if (node) opens.push({ key, node });
      }
      memo.set(keys, opens);
    }
    return opens;
  }

  /** Every longest match in [start, end), left to right, without overlaps. */
  findAll(keys: TokenKey[][], tokens: Token[], start = 0, end = tokens.length, gaps?: Int32Array): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = start;
    while (i < end) {
      const m = this.matchAt(keys, tokens, i, end, gaps);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
