// Loading the Arabic language data (data/lang/ar/*.json) — read once at start-up and injected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from './normalize.js';
import { compileNumberLexicon, type NumberLexicon, type NumberLexiconData } from './numbers.js';

export interface ArabicData {
  numbers: NumberLexicon;
  /** Folded words the clitic splitter must keep whole. */
  known: Set<string>;
  /** Proper names among the known words (لبنان، سرت): kept whole by the splitter, still place names. */
  names: Set<string>;
  abbreviations: Set<string>;
}

export function loadArabicData(dir: string, extra: { duals?: Record<string, number> } = {}): ArabicData {
  const numbers = JSON.parse(readFileSync(join(dir, 'numbers.json'), 'utf8')) as NumberLexiconData;
  const words = JSON.parse(readFileSync(join(dir, 'words.json'), 'utf8')) as { known: string[]; names?: string[]; abbreviations: string[] };
  const names = new Set((words.names ?? []).map(fold));
  const known = new Set([...words.known.map(fold), ...names]);
  const lex = compileNumberLexicon(numbers, extra.duals);
  for (const m of [lex.units, lex.tens, lex.hundreds, lex.scales, lex.vague]) for (const k of m.keys()) known.add(k);
  return { numbers: lex, known, names, abbreviations: new Set(words.abbreviations.map(fold)) };
}
