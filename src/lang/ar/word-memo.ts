// Per-word memos of the reading stages: what a word is to a lexicon (a number word, a date word…) is a pure
// function of the word, asked for every token of every document. The stages keep one map per lexicon
// object, made at its first use; each stage bounds its map (cleared past a size) so a long-running
// worker does not grow.

/** The map of one lexicon, made at its first use and kept as long as the lexicon. */
export function memoPerLexicon<L extends object, V>(): (lex: L) => Map<string, V> {
  const memos = new WeakMap<L, Map<string, V>>();
  return (lex) => {
    let memo = memos.get(lex);
    if (!memo) memos.set(lex, (memo = new Map()));
    return memo;
  };
}
