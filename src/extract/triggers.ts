// Event triggers: the words that report an event (قصف، غارة، اشتباكات، سيطر على…), each giving a family;
// the family's resolution rules, read from data, decide the ACLED sub-event type from the context
// (cue words near the trigger, the actors' types, casualties). Matching proposes, rules decide.

import type { MarsadDocument, Token, TriggerMention } from '../doc/types.js';
import type { Stage } from '../pipeline/types.js';
import { documentKeys, type TokenKey } from './match/keys.js';
import { PhraseMatcher } from './match/phrase-matcher.js';
import { EVENT_TYPE_OF } from './ontology.js';

export interface RuleCondition {
  cue?: string | string[];
  cueNear?: string | string[];
  noCue?: string | string[];
  actor1Inter?: number[];
  actor1NotInter?: number[];
  actor2Inter?: number[];
  actor2NotInter?: number[];
  killed?: boolean;
}

export interface FamilyRule {
  id: string;
  if?: RuleCondition;
  then: string;
}

export interface TriggerEntry {
  id: string;
  family: string;
  pos: 'verb' | 'noun' | 'phrase';
  voice?: 'active' | 'passive';
  forms: string[];
  weight?: number;
  notes?: string;
}

export interface TriggerData {
  families: Record<string, { description?: string; suppressedBy?: string[]; rules: FamilyRule[] }>;
  cues: Record<string, string[]>;
  triggers: TriggerEntry[];
}

export interface TriggerLexicon {
  matcher: PhraseMatcher<TriggerEntry>;
  cues: PhraseMatcher<string>;
  families: Map<string, FamilyRule[]>;
  /** Cue sets that, near a trigger of the family, show the words are not about violence (sport, politics…). */
  suppressedBy: Map<string, string[]>;
}

export function compileTriggers(data: TriggerData): TriggerLexicon {
  const matcher = new PhraseMatcher<TriggerEntry>();
  for (const t of data.triggers) for (const f of t.forms) matcher.add(f, t);
  const cues = new PhraseMatcher<string>();
  for (const [id, words] of Object.entries(data.cues)) for (const w of words) cues.add(w, id);
  const families = new Map(Object.entries(data.families).map(([k, v]) => [k, v.rules]));
  const suppressedBy = new Map(Object.entries(data.families).map(([k, v]) => [k, v.suppressedBy ?? []]));
  for (const [fam, rules] of families) {
    for (const r of rules) {
      if (!EVENT_TYPE_OF[r.then]) throw new Error(`triggers: family ${fam} rule ${r.id} gives unknown sub-event type "${r.then}"`);
    }
  }
  for (const t of data.triggers) {
    if (!families.has(t.family)) throw new Error(`triggers: trigger ${t.id} names unknown family "${t.family}"`);
  }
  return { matcher, cues, families, suppressedBy };
}

export interface CueHit {
  cue: string;
  tokenStart: number;
  tokenEnd: number;
}

/** Every cue word in [s, e). A word may belong to several cue sets. */
export function findCues(lex: TriggerLexicon, keys: TokenKey[][], tokens: Token[], s: number, e: number): CueHit[] {
  const out: CueHit[] = [];
  // cues may overlap triggers (غارة is a trigger and an "aerial" cue), so scan every start
  for (let i = s; i < e; i++) {
    const m = lex.cues.matchAt(keys, tokens, i, e);
    if (m) for (const cue of m.payloads) out.push({ cue, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd });
  }
  return out;
}

/** Most words of a named subject a verb phrase may stand around ("أطلق حزب الله صواريخ"). */
const MAX_SUBJECT_GAP = 4;

export function findTriggers(lex: TriggerLexicon, doc: MarsadDocument): TriggerMention[] {
  const keys = documentKeys(doc);
  const tokens = doc.layers.tokens;
  const out: TriggerMention[] = [];
  // a verb phrase may stand around an actor named between its words, its subject (VSO) — after a verb
  // in the singular only: a plural one carries its subject ("رشقوا الجنود بالحجارة": the soldiers are its object)
  const gaps = new Int32Array(tokens.length);
  for (const a of doc.layers.actors ?? []) {
    const verb = tokens[a.tokenStart - 1]?.norm ?? '';
    if (a.tokenEnd - a.tokenStart <= MAX_SUBJECT_GAP && a.start === tokens[a.tokenStart].start && !/(وا|ون|ين|ان)$/.test(verb)) gaps[a.tokenStart] = a.tokenEnd;
  }
  for (const m of lex.matcher.findAll(keys, tokens, 0, tokens.length, gaps)) {
    // prefer the most specific family when a form is listed under several (first listed wins ties)
    let t = m.payloads[0];
    for (const p of m.payloads) if ((p.weight ?? 0.8) > (t.weight ?? 0.8)) t = p;
    const rules = lex.families.get(t.family)!;
    const dflt = rules[rules.length - 1].then;
    const start = doc.norm.starts[tokens[m.tokenStart].nstart + m.prefixLen] ?? tokens[m.tokenStart].start;
    out.push({
      start,
      end: tokens[m.tokenEnd - 1].end,
      triggerId: t.id,
      family: t.family,
      weight: t.weight ?? 0.8,
      pos: t.pos,
      eventType: EVENT_TYPE_OF[dflt],
      subEventType: dflt,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      voice: t.pos === 'noun' ? 'noun' : t.voice,
      ruleId: `trigger.${t.id}`,
    });
  }
  return out;
}

export function triggersStage(lex: TriggerLexicon): Stage {
  return {
    name: 'triggers',
    needs: ['tokens', 'actors'],
    adds: ['triggers'],
    run(doc) {
      doc.layers.triggers = findTriggers(lex, doc);
    },
  };
}
