// Modality: words that make a reported event not an event — planned (يعتزم), threatened (هدد),
// denied (نفى), conditional (في حال), called for (دعا إلى), negated (لم يسفر)… A cue covers the
// words after it within a window, or the whole sentence, as the data says.

import type { MarsadDocument, ModalityMention } from '../doc/types.js';
import type { Stage } from '../pipeline/types.js';
import { documentKeys } from './match/keys.js';
import { PhraseMatcher } from './match/phrase-matcher.js';

export type ModalityEffect = 'suppress' | 'flag' | 'lower-confidence' | 'keep';

export interface ModalityData {
  cues: Record<string, string[]>;
  /** Per cue set: its scope ("sentence", or a window of words after the cue) and what it does to an event. */
  scope?: Record<string, { mode?: string; window?: number; effect?: ModalityEffect; notes?: string }>;
  prefixCues?: Record<string, string[]>;
}

export interface ModalityLexicon {
  matcher: PhraseMatcher<string>;
  /** Words after the cue it covers; Infinity for the whole sentence. */
  window: Map<string, number>;
  effect: Map<string, ModalityEffect>;
}

export function compileModality(data: ModalityData): ModalityLexicon {
  const matcher = new PhraseMatcher<string>();
  const window = new Map<string, number>();
  const effect = new Map<string, ModalityEffect>();
  for (const [kind, words] of Object.entries(data.cues)) {
    for (const w of words) matcher.add(w, kind);
    const s = data.scope?.[kind];
    window.set(kind, s?.mode === 'sentence' ? Infinity : s?.window ?? 6);
    effect.set(kind, s?.effect ?? 'suppress');
  }
  return { matcher, window, effect };
}

export function findModality(lex: ModalityLexicon, doc: MarsadDocument): ModalityMention[] {
  const keys = documentKeys(doc);
  const tokens = doc.layers.tokens;
  const out: ModalityMention[] = [];
  for (const s of doc.layers.sentences) {
    for (const m of lex.matcher.findAll(keys, tokens, s.tokenStart, s.tokenEnd)) {
      const kind = m.payloads[0];
      const w = lex.window.get(kind) ?? 8;
      out.push({
        start: tokens[m.tokenStart].start,
        end: tokens[m.tokenEnd - 1].end,
        modality: kind,
        effect: lex.effect.get(kind) ?? 'suppress',
        tokenStart: m.tokenStart,
        // the span of words the cue covers, in tokens (the layer keeps the cue's own span as start/end)
        tokenEnd: w === Infinity ? s.tokenEnd : Math.min(s.tokenEnd, m.tokenEnd + w),
        ruleId: `modality.${kind}`,
      });
    }
  }
  return out;
}

export function modalityStage(lex: ModalityLexicon): Stage {
  return {
    name: 'modality',
    needs: ['tokens', 'sentences'],
    adds: ['modality'],
    run(doc) {
      doc.layers.modality = findModality(lex, doc);
    },
  };
}
