// A phrase matcher: a trie over the bare keys of lexicon phrases, matched token by token. Matching is
// apart from deciding: it proposes every lexicon entry a span could be, the stages decide among them.
import type { Token } from '../../doc/types.js';
import { phraseKeys, type TokenKey } from './keys.js';

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

export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), payloads: [] };
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
    this.size++;
    this.maxTokens = Math.max(this.maxTokens, keys.length);
    return true;
  }

  /** The longest phrase starting at token i (ending before `end`), preferring the word as written. */
  matchAt(keys: TokenKey[][], tokens: Token[], i: number, end = tokens.length): PhraseMatch<T> | null {
    let best: PhraseMatch<T> | null = null;
    for (const first of keys[i]) {
      let node = this.root.next.get(first.key);
      if (!node) continue;
      let j = i + 1;
      let found: { end: number; payloads: T[] } | null = node.payloads.length ? { end: j, payloads: node.payloads } : null;
      while (j < end && node) {
        // a name in quotation marks inside a phrase: حركة «فتح»، تنظيم "داعش"
        if ((tokens[j].norm === '"' || tokens[j].norm === "'") && j + 1 < end) {
          let q: Node<T> | undefined;
          for (const k of keys[j + 1]) {
            if (k.prefixLen !== 0) continue;
            q = node.next.get(k.key);
            if (q) break;
          }
          if (q) {
            node = q;
            j += 2;
            if (j < end && (tokens[j].norm === '"' || tokens[j].norm === "'")) j++;
            if (node.payloads.length) found = { end: j, payloads: node.payloads };
            continue;
          }
        }
        // inner words: as written, or with a pronoun suffix cut; never a proclitic
        let nx: Node<T> | undefined;
        for (const k of keys[j]) {
          if (k.prefixLen !== 0) continue;
          nx = node.next.get(k.key);
          if (nx) break;
        }
        if (!nx) break;
        node = nx;
        j++;
        if (node.payloads.length) found = { end: j, payloads: node.payloads };
      }
      if (!found) continue;
      const better = !best || found.end > best.tokenEnd || (found.end === best.tokenEnd && first.exact && !best.exact);
      if (better) best = { tokenStart: i, tokenEnd: found.end, prefixLen: first.prefixLen, exact: first.exact, payloads: found.payloads };
    }
    return best;
  }

  /** Every longest match in [start, end), left to right, without overlaps. */
  findAll(keys: TokenKey[][], tokens: Token[], start = 0, end = tokens.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    let i = start;
    while (i < end) {
      const m = this.matchAt(keys, tokens, i, end);
      if (m) {
        out.push(m);
        i = m.tokenEnd;
      } else i++;
    }
    return out;
  }
}
