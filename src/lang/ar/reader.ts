// The reading stages: tokens and sentences, clitic segments, numbers. These are the "reading ceiling"
// that the benchmarks measure the whole pipeline against.
import { normSpan } from '../../doc/document.js';
import type { MarsadDocument } from '../../doc/types.js';
import type { Stage } from '../../pipeline/types.js';
import { lastLetterFolded, segmentToken, WordAnalyses, type KnownWord } from './clitics.js';
import type { ArabicData } from './data.js';
import { findNumbers } from './numbers.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

export function tokensStage(data: ArabicData): Stage {
  return {
    name: 'tokens',
    needs: [],
    adds: ['tokens', 'sentences'],
    run(doc: MarsadDocument) {
      const tokens = tokenize(doc.norm);
      doc.layers.tokens = tokens;
      doc.layers.sentences = splitSentences(doc.norm, tokens, { abbreviations: data.abbreviations });
    },
  };
}

export function cliticsStage(known: KnownWord): Stage {
  const analyses = new WordAnalyses(known);
  return {
    name: 'clitics',
    needs: ['tokens'],
    adds: ['segments'],
    run(doc) {
      const segs = doc.layers.segments;
      const tokens = doc.layers.tokens;
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i];
        if (tok.kind !== 'arabic') continue;
        const a = analyses.of(tok.norm, lastLetterFolded(doc.text, doc.norm, tok));
        if (a.prefixes.length === 0 && !a.article && !a.suffix) continue;
        segmentToken(tok as never, i, a, doc.norm, segs);
      }
    },
  };
}

export function numbersStage(data: ArabicData): Stage {
  return {
    name: 'numbers',
    needs: ['tokens'],
    adds: ['numbers'],
    run(doc) {
      doc.layers.numbers = findNumbers(data.numbers, doc.layers.tokens, (s, e) => normSpan(doc, s, e));
    },
  };
}
