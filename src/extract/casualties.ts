// Casualty mentions: who was killed, injured, abducted or arrested, and how many, read from the words
// around a casualty word: "7 قتلى", "مقتل 5 أشخاص", "أصيب العشرات بجروح", "مقتل جنديين", "قتل شخص",
// "ارتفعت حصيلة القتلى إلى 20", "دون وقوع إصابات". Deaths reported without a number are kept with a
// null value (ACLED leaves such counts to the coder; we say so in the rule id).

import type { CasualtyKind, CasualtyMention, MarsadDocument, NumberMention, Qualifier, Token } from '../doc/types.js';
import type { Stage } from '../pipeline/types.js';
import { documentKeys, type TokenKey } from './match/keys.js';
import { PhraseMatcher } from './match/phrase-matcher.js';

type WordPos = 'noun' | 'verbalNoun' | 'verb';

interface CasualtyWordSets {
  nouns?: string[];
  verbalNouns?: string[];
  verbs?: string[];
  /** Phrases that report the casualty after the person ("متأثرا بجروحه"). */
  phrases?: string[];
  /** Dual nouns: two people ("قتيلين"). */
  dual?: string[];
}

export interface CasualtyData {
  killed: CasualtyWordSets;
  injured: CasualtyWordSets;
  abducted?: CasualtyWordSets;
  arrested?: CasualtyWordSets;
  missing?: CasualtyWordSets;
  persons: { singular: string[]; plural: string[]; dual?: Record<string, string> | string[] };
  toll: string[];
  noCasualties: string[];
  vagueKilled?: string[];
  vagueInjured?: string[];
  /** Running totals since a war began: not one event's figure. */
  cumulative?: string[];
}

type Word =
  | { type: 'casualty'; kind: CasualtyKind; pos: WordPos }
  | { type: 'person'; number: 'singular' | 'plural' | 'dual' }
  | { type: 'toll' }
  | { type: 'none' }
  | { type: 'vague'; kind: 'killed' | 'injured' }
  | { type: 'dual'; kind: CasualtyKind }
  | { type: 'cumulative' }
  | { type: 'subset' };

export interface CasualtyLexicon {
  matcher: PhraseMatcher<Word>;
  /** Dual person nouns (شخصين = 2), for the number reader. */
  duals: Record<string, number>;
}

const SUBSET_WORDS = ['بينهم', 'بينهن', 'منهم', 'منهن', 'من بينهم', 'بينهم', 'ومن بينهم', 'منهما'];

export function compileCasualties(data: CasualtyData): CasualtyLexicon {
  const m = new PhraseMatcher<Word>();
  const kinds: CasualtyKind[] = ['killed', 'injured', 'abducted', 'arrested', 'missing'];
  const payloads = new Map<string, Word>();
  const payload = (w: Word) => {
    const key = JSON.stringify(w);
    if (!payloads.has(key)) payloads.set(key, w);
    return payloads.get(key)!;
  };
  for (const kind of kinds) {
    const sets = data[kind];
    if (!sets) continue;
    for (const pos of ['nouns', 'verbalNouns', 'verbs', 'phrases'] as const) {
      const p: WordPos = pos === 'nouns' ? 'noun' : pos === 'verbalNouns' ? 'verbalNoun' : 'verb';
      for (const w of sets[pos] ?? []) m.add(w, payload({ type: 'casualty', kind, pos: p }));
    }
    for (const w of sets.dual ?? []) m.add(w, payload({ type: 'dual', kind }));
  }
  for (const w of data.persons.singular) m.add(w, payload({ type: 'person', number: 'singular' }));
  for (const w of data.persons.plural) m.add(w, payload({ type: 'person', number: 'plural' }));
  const duals: Record<string, number> = {};
  const dualList = Array.isArray(data.persons.dual) ? data.persons.dual : Object.keys(data.persons.dual ?? {});
  for (const w of dualList) {
    m.add(w, payload({ type: 'person', number: 'dual' }));
    duals[w] = 2;
  }
  for (const w of data.toll) m.add(w, payload({ type: 'toll' }));
  for (const w of data.noCasualties) m.add(w, payload({ type: 'none' }));
  for (const w of data.vagueKilled ?? []) m.add(w, payload({ type: 'vague', kind: 'killed' }));
  for (const w of data.vagueInjured ?? []) m.add(w, payload({ type: 'vague', kind: 'injured' }));
  for (const w of data.cumulative ?? []) m.add(w, payload({ type: 'cumulative' }));
  for (const w of SUBSET_WORDS) m.add(w, payload({ type: 'subset' }));
  return { matcher: m, duals };
}


interface Found {
  start: number;
  end: number;
  word: Word;
}

function wordsIn(lex: CasualtyLexicon, keys: TokenKey[][], tokens: Token[], s: number, e: number): Found[] {
  return lex.matcher.findAll(keys, tokens, s, e).map((m) => ({
    start: m.tokenStart,
    end: m.tokenEnd,
    // a word may be both a noun and a person (مسلح): the casualty reading comes first
    word: m.payloads.find((p) => p.type === 'casualty') ?? m.payloads[0],
  }));
}

/** Find casualty mentions in one sentence [s, e) of tokens. */
export function findCasualties(
  lex: CasualtyLexicon,
  keys: TokenKey[][],
  tokens: Token[],
  numbers: NumberMention[],
  s: number,
  e: number,
): CasualtyMention[] {
  const words = wordsIn(lex, keys, tokens, s, e);
  // a year (عام 2021، 2016) is not a count of people
  const nums = numbers.filter((n) => n.tokenStart >= s && n.tokenEnd <= e && !(n.form === 'digits' && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100));
  const numEndingAt = (t: number) => nums.find((n) => n.tokenEnd === t);
  // the number's qualifier sits before its core tokens: find a number whose span starts within a few tokens
  const numStartingNear = (t: number) => nums.find((n) => n.tokenStart >= t && n.tokenStart <= t + 4 && tokens[t] && n.start <= tokens[Math.min(n.tokenStart, e - 1)].start && n.start >= tokens[t].start);
  const wordAt = (t: number) => words.find((w) => w.start === t);
  const out: CasualtyMention[] = [];
  const used = new Set<NumberMention>();
  let tollAhead = false;
  // after "منذ بدء الحرب" figures are running totals, not this event's
  let cumulative = false;

  const subsetBefore = (t: number) => {
    for (let k = Math.max(s, t - 3); k < t; k++) if (wordAt(k)?.word.type === 'subset') return true;
    return false;
  };

  for (let wi = 0; wi < words.length; wi++) {
    const w = words[wi];
    if (w.word.type === 'toll') tollAhead = true;
    if (w.word.type === 'none') {
      out.push(mention('killed', 0, 'exact', w, null, tokens, false, false, 'casualties.none'));
      continue;
    }
    if (w.word.type === 'cumulative') {
      cumulative = true;
      continue;
    }
    if (w.word.type === 'vague') {
      // "عشرات الجرحى" is vague by word but has a number: let the noun reading below take it
      const k = w.word.kind;
      if (!nums.some((n) => n.tokenStart >= w.start && n.tokenEnd <= w.end)) {
        out.push(mention(k, null, null, w, null, tokens, false, false, k === 'killed' ? 'fatalities.unquantified' : 'casualties.injured.unquantified'));
        continue;
      }
      const inner = nums.find((n) => n.tokenStart >= w.start && n.tokenEnd <= w.end)!;
      used.add(inner);
      out.push(mention(k, inner.value, inner.qualifier, w, inner, tokens, false, false, `casualties.${k}.vague-number`));
      continue;
    }
    if (w.word.type === 'dual') {
      out.push(mention(w.word.kind, 2, 'exact', w, null, tokens, subsetBefore(w.start), false, `casualties.${w.word.kind}.dual-noun`));
      continue;
    }
    if (w.word.type !== 'casualty') continue;
    const { kind, pos } = w.word;
    // "مقتل وإصابة 20": one figure for two kinds cannot be split — neither gets it
    const nextW = words[wi + 1];
    const mixed = nextW && nextW.word.type === 'casualty' && nextW.word.kind !== kind && nextW.start <= w.end + 1 &&
      (tokens[w.end]?.norm === 'و' || tokens[nextW.start]?.norm.startsWith('و')) && !numEndingAt(nextW.start);
    if (mixed) {
      out.push(mention(kind, null, null, w, null, tokens, false, false, `casualties.${kind}.mixed`));
      wi++;
      continue;
    }
    let n: NumberMention | undefined;
    let rule = '';
    if (pos === 'noun') {
      // "7 قتلى"، "العشرات من الجرحى"
      n = numEndingAt(w.start) ?? (tokens[w.start - 1]?.norm === 'من' ? numEndingAt(w.start - 1) : undefined);
      rule = `casualties.${kind}.number-noun`;
    }
    if (!n && pos !== 'noun') {
      // "مقتل 5 أشخاص"، "أصيب العشرات بجروح"، "ارتفعت حصيلة القتلى إلى 20"
      n = numStartingNear(w.end);
      rule = `casualties.${kind}.word-number`;
      // the number must not be the count of another casualty noun ("مقتل 3 وإصابة 5 جرحى" is rare; "سقوط 7 قتلى")
    }
    if (!n && pos === 'noun' && tollAhead) {
      // "حصيلة القتلى إلى 20"، "عدد الجرحى 15"
      n = numStartingNear(w.end);
      rule = `casualties.${kind}.toll`;
    }
    if (n && cumulative) {
      used.add(n);
      continue;
    }
    if (n && !used.has(n) && n.value < 1_000_000) {
      used.add(n);
      const subset = subsetBefore(n.tokenStart);
      out.push(mention(kind, n.value, n.qualifier, w, n, tokens, subset, tollAhead, rule));
      continue;
    }
    if (pos !== 'noun') {
      // no number: a singular person after the word counts one ("مقتل شخص"), a dual two, a plural is unquantified
      const p = wordAt(w.end) ?? wordAt(w.end + 1);
      if (p && p.word.type === 'person') {
        const value = p.word.number === 'singular' ? 1 : p.word.number === 'dual' ? 2 : null;
        out.push(mention(kind, value, value === null ? null : 'exact', { ...w, end: p.end }, null, tokens, subsetBefore(w.start), false,
          value === null ? (kind === 'killed' ? 'fatalities.unquantified' : `casualties.${kind}.unquantified`) : `casualties.${kind}.person-${p.word.number}`));
        continue;
      }
      const d = nums.find((x) => x.form === 'dual' && x.tokenStart === w.end);
      if (d && !used.has(d)) {
        used.add(d);
        out.push(mention(kind, 2, 'exact', w, d, tokens, false, false, `casualties.${kind}.dual`));
        continue;
      }
    }
    // a casualty word with no number at all: reported, not counted
    if (kind === 'killed' || kind === 'injured') {
      out.push(mention(kind, null, null, w, null, tokens, false, false, kind === 'killed' ? 'fatalities.unquantified' : 'casualties.injured.unquantified'));
    }
  }
  return out;
}

function mention(
  kind: CasualtyKind,
  value: number | null,
  qualifier: Qualifier | null,
  w: { start: number; end: number },
  n: NumberMention | null,
  tokens: Token[],
  subset: boolean,
  update: boolean,
  ruleId: string,
): CasualtyMention {
  const wordSpan = { start: tokens[w.start].start, end: tokens[w.end - 1].end };
  const numberSpan = n ? { start: n.start, end: n.end } : null;
  const tokenStart = Math.min(w.start, n ? n.tokenStart : w.start);
  const tokenEnd = Math.max(w.end, n ? n.tokenEnd : w.end);
  return {
    start: Math.min(wordSpan.start, numberSpan?.start ?? Infinity),
    end: Math.max(wordSpan.end, numberSpan?.end ?? 0),
    kind,
    value,
    qualifier,
    wordSpan,
    numberSpan,
    tokenStart,
    tokenEnd,
    subset,
    update,
    ruleId,
  };
}

export function casualtiesStage(lex: CasualtyLexicon): Stage {
  return {
    name: 'casualties',
    needs: ['tokens', 'sentences', 'numbers'],
    adds: ['casualties'],
    run(doc: MarsadDocument) {
      const keys = documentKeys(doc);
      const out: CasualtyMention[] = [];
      for (const s of doc.layers.sentences) {
        out.push(...findCasualties(lex, keys, doc.layers.tokens, doc.layers.numbers, s.tokenStart, s.tokenEnd));
      }
      doc.layers.casualties = out;
    },
  };
}
