// Sentence boundaries over tokens: . ! ? (Arabic ؟ is folded to ?) and line breaks end a sentence;
// a full stop inside a number (3.5) is part of the number token already; a stop after a one-letter
// abbreviation (د. م. أ.) or a chain of Latin initials (U.S.) does not end a sentence; runs of stops (...)
// end one sentence once; closing quotes and brackets stay with the sentence they close.
// Hard-wrapped text (print or e-mail copy: a block of lines cut at a fixed width) is the exception to
// "a line break ends a sentence": there a break after a line that does not end in a stop is a space.

import { isWhiteSpace } from './chars.js';
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

// A wrapped block: at least WRAP_MIN_LINES consecutive non-empty lines, none longer than WRAP_MAX_WIDTH,
// half of them at least WRAP_MIN_MEDIAN long. Lines of a web page's chrome are short (a median of 10–30
// characters) and its paragraphs are long single lines (130–400); a column cut at 60–90 characters is
// neither. Measured on the dev set: one article of 42 is wrapped, and no other block qualifies.
const WRAP_MIN_LINES = 5;
const WRAP_MAX_WIDTH = 100;
const WRAP_MIN_MEDIAN = 40;

/** Offsets (in `text`) of the line breaks that are soft: inside a wrapped block. */
export function softLineBreaks(text: string): Set<number> {
  const soft = new Set<number>();
  let block: Array<{ len: number; brk: number }> = [];
  const flush = () => {
    if (block.length >= WRAP_MIN_LINES) {
      const lens = block.map((l) => l.len).sort((a, b) => a - b);
      if (lens[lens.length - 1] <= WRAP_MAX_WIDTH && lens[lens.length >> 1] >= WRAP_MIN_MEDIAN) {
        // the break after the block's last line separates it from what follows: never soft; nor the
        // break after a line much shorter than the column (a dateline, the last line of a paragraph)
        const short = lens[lens.length >> 1] / 2;
        for (let i = 0; i < block.length - 1; i++) if (block[i].len >= short) soft.add(block[i].brk);
      }
    }
    block = [];
  };
  let start = 0;
  while (start <= text.length) {
    let brk = text.indexOf('\n', start);
    if (brk < 0) brk = text.length;
    // the line's length without its edge spaces (as trim() would leave it), read in place
    let s = start;
    let e = brk;
    while (s < e && isWhiteSpace(text.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(text.charCodeAt(e - 1))) e--;
    const len = e - s;
    if (len === 0) flush();
    else block.push({ len, brk });
    start = brk + 1;
  }
  flush();
  return soft;
}

/** The first line break in text[from, to), or -1. */
function newlineIn(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 0x0a) return k;
  return -1;
}

export function splitSentences(norm: NormalizedText, tokens: Token[], opts: SentenceOptions = {}): Sentence[] {
  const abbr = opts.abbreviations ?? new Set<string>();
  const out: Sentence[] = [];
  const text = norm.text;
  let first = 0;
  const soft = text.includes('\n') ? softLineBreaks(text) : null;
  // whether the gap text[from, to) between two tokens breaks the line for good (read in place: the
  // gap is a space or nothing for almost every token)
  const hardBreak = (from: number, to: number): boolean => {
    const at = newlineIn(text, from, to);
    if (at < 0) return false;
    return !soft || newlineIn(text, at + 1, to) >= 0 || !soft.has(at);
  };

  const close = (last: number) => {
    if (last < first) return;
    out.push({ start: tokens[first].start, end: tokens[last].end, tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    // a line break between this token and the next ends the sentence
    const next = tokens[i + 1];
    const gapEnd = next ? next.nstart : tok.nend;
    if (tok.kind === 'punct' && ENDERS.has(tok.norm)) {
      const prev = tokens[i - 1];
      const isAbbrev = tok.norm === '.' && prev && prev.nend === tok.nstart &&
        ((prev.kind === 'arabic' && (prev.norm.length === 1 || abbr.has(prev.norm))) ||
          (prev.kind === 'latin' && prev.norm.length === 1 && ((next && next.nstart === tok.nend) || closesInitials(tokens, i))));
      if (isAbbrev && !hardBreak(tok.nend, gapEnd)) continue;
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
    if (hardBreak(tok.nend, gapEnd)) close(i);
  }
  close(tokens.length - 1);
  return out;
}
