// Sentence boundaries over tokens: . ! ? (Arabic ؟ is folded to ?) and line breaks end a sentence;
// a full stop inside a number (3.5) is part of the number token already; a stop after a one-letter
// abbreviation (د. م. أ.) or a chain of Latin initials (U.S.) does not end a sentence; runs of stops (...)
// end one sentence once; closing quotes and brackets stay with the sentence they close.

import type { NormalizedText } from './normalize.js';
import type { Sentence, Token } from '../../doc/types.js';

const ENDERS = new Set(['.', '!', '?']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '»']);

export interface SentenceOptions {
  /** Normalised words after which a full stop is an abbreviation, e.g. "د" (doctor), "م" (engineer). */
  abbreviations?: ReadonlySet<string>;
}

// The last stop of a chain of Latin initials ("U.S." in "U.S. forces"): X . Y . written without spaces.
function closesInitials(tokens: Token[], i: number): boolean {
  const dot = tokens[i - 2];
  const letter = tokens[i - 3];
  return !!dot && !!letter && dot.norm === '.' && dot.nend === tokens[i - 1].nstart &&
    letter.kind === 'latin' && letter.norm.length === 1 && letter.nend === dot.nstart;
}

export function splitSentences(norm: NormalizedText, tokens: Token[], opts: SentenceOptions = {}): Sentence[] {
  const abbr = opts.abbreviations ?? new Set<string>();
  const out: Sentence[] = [];
  const text = norm.text;
  let first = 0;

  const close = (last: number) => {
    if (last < first) return;
    out.push({ start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    // a line break between this token and the next ends the sentence
    const next = tokens[i + 1];
    const gap = next ? text.slice(tok.nend, next.nstart) : '';
    if (tok.kind === 'punct' && ENDERS.has(tok.norm)) {
      const prev = tokens[i - 1];
      const isAbbrev = tok.norm === '.' && prev && prev.nend === tok.nstart &&
        ((prev.kind === 'arabic' && (prev.norm.length === 1 || abbr.has(prev.norm))) ||
          (prev.kind === 'latin' && prev.norm.length === 1 && ((next && next.nstart === tok.nend) || closesInitials(tokens, i))));
      if (isAbbrev && !gap.includes('\n')) continue;
      // swallow further stops and closing quotes that belong to this sentence
      let last = i;
      while (last + 1 < tokens.length && tokens[last + 1].nstart === tokens[last].nend &&
        (ENDERS.has(tokens[last + 1].norm) || CLOSERS.has(tokens[last + 1].norm))) last++;
      // "ليبيا..”داعش”": a stop glued to the next word is not the end of a sentence
      const after = tokens[last + 1];
      if (after && after.nstart === tokens[last].nend && (after.kind === 'arabic' || after.kind === 'latin' || after.kind === 'number')) {
        i = last;
        continue;
      }
      close(last);
      i = last;
      continue;
    }
    if (gap.includes('\n')) close(i);
  }
  close(tokens.length - 1);
  return out;
}
