// Modality: words that make a reported event not an event — planned (يعتزم), threatened (هدد),
// denied (نفى), conditional (في حال), called for (دعا إلى), negated (لم تشن)… A cue covers the words
// after it within a window ("window-before"), the words on both sides ("window"), or the whole
// sentence ("sentence"), as the data says; the layer records that scope in tokens. A sentence-wide cue
// reaches back only to the start of its own clause: in "استولوا على المبنى الذي كان مقرا للأركان في
// عهد القذافي" the historical cue describes the building, not the capture.

import type { MarsadDocument, ModalityMention, Sentence } from '../doc/types.js';
import { fold } from '../lang/ar/normalize.js';
import type { Stage } from '../pipeline/types.js';
import { documentKeys } from './match/keys.js';
import { PhraseMatcher } from './match/phrase-matcher.js';

export type ModalityEffect = 'suppress' | 'flag' | 'lower-confidence' | 'keep';
export type ModalityMode = 'window-before' | 'window' | 'sentence';

export interface ModalityData {
  cues: Record<string, string[]>;
  /** Per cue set: its scope ("sentence", or a window of words after the cue) and what it does to an event. */
  scope?: Record<string, { mode?: string; window?: number; effect?: ModalityEffect; notes?: string }>;
  prefixCues?: Record<string, string[]>;
}

export interface ModalityLexicon {
  matcher: PhraseMatcher<string>;
  /** Where a cue stands relative to what it covers. */
  mode: Map<string, ModalityMode>;
  /** Words on the covered side(s) of the cue; unused for a sentence-wide cue. */
  window: Map<string, number>;
  effect: Map<string, ModalityEffect>;
  /** Words that open a clause (commas, relative pronouns, "while"), folded. */
  clauseBreaks: Set<string>;
}

const CLAUSE_BREAKS = [',', '،', ';', '؛', ':', 'الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي', 'فيما', 'بينما'];

/** The cue set that asks (هل، ما إذا): it governs a question, and only flags a statement (data notes). */
const QUESTION = 'hypothetical-question';

export function compileModality(data: ModalityData): ModalityLexicon {
  const matcher = new PhraseMatcher<string>();
  const mode = new Map<string, ModalityMode>();
  const window = new Map<string, number>();
  const effect = new Map<string, ModalityEffect>();
  for (const [kind, words] of Object.entries(data.cues)) {
    for (const w of words) matcher.add(w, kind);
    const s = data.scope?.[kind];
    mode.set(kind, s?.mode === 'sentence' || s?.mode === 'window' ? s.mode : 'window-before');
    window.set(kind, s?.window ?? 6);
    effect.set(kind, s?.effect ?? 'suppress');
  }
  return { matcher, mode, window, effect, clauseBreaks: new Set(CLAUSE_BREAKS.map(fold)) };
}

/** A word without a conjunction و before at least two letters (وفيما → فيما), as /^و(?=..)/ cuts it. */
function withoutConjunction(w: string): string {
  return w.length >= 3 && w.charCodeAt(0) === 0x0648 ? w.slice(1) : w;
}

/** A sentence that asks: it ends with a question mark or opens with هل. */
function isQuestion(doc: MarsadDocument, s: Sentence): boolean {
  if (/[?؟][\s"'»”)]*$/.test(doc.text.slice(s.start, s.end))) return true;
  return /^(و|ف)?هل$/.test(doc.layers.tokens[s.tokenStart]?.norm ?? '');
}

export function findModality(lex: ModalityLexicon, doc: MarsadDocument): ModalityMention[] {
  const keys = documentKeys(doc);
  const tokens = doc.layers.tokens;
  const out: ModalityMention[] = [];
  for (const s of doc.layers.sentences) {
    for (const m of lex.matcher.findAll(keys, tokens, s.tokenStart, s.tokenEnd)) {
      const kind = m.payloads[0];
      const mode = lex.mode.get(kind) ?? 'window-before';
      const w = lex.window.get(kind) ?? 6;
      // the tokens the cue covers: a sentence-wide cue (ذكرى، نفى) also covers a trigger before it
      let from = m.tokenStart;
      if (mode === 'window') from = Math.max(s.tokenStart, m.tokenStart - w);
      if (mode === 'sentence') while (from > s.tokenStart && !lex.clauseBreaks.has(withoutConjunction(tokens[from - 1].norm))) from--;
      const to = mode === 'sentence' ? s.tokenEnd : Math.min(s.tokenEnd, m.tokenEnd + w);
      let effect = lex.effect.get(kind) ?? 'suppress';
      if (kind === QUESTION && effect === 'suppress' && !isQuestion(doc, s)) effect = 'flag';
      out.push({
        start: tokens[m.tokenStart].start,
        end: tokens[m.tokenEnd - 1].end,
        modality: kind,
        effect,
        tokenStart: from,
        tokenEnd: to,
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
