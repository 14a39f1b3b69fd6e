// Casualty mentions: who was killed, injured, abducted or arrested, and how many, read from the words
// around a casualty word: "7 قتلى", "مقتل 5 أشخاص", "أصيب العشرات بجروح", "مقتل جنديين", "قتل شخص",
// "ارتفعت حصيلة القتلى إلى 20", "لقي 3 أشخاص مصرعهم", "بينهم 3 أطفال", "دون وقوع إصابات", "لم يسفر
// القصف عن إصابات". Deaths reported without a number are kept with a null value (ACLED leaves such
// counts to the coder; we say so in the rule id).

import type { CasualtyKind, CasualtyMention, MarsadDocument, NumberMention, Qualifier, Token } from '../doc/types.js';
import type { Stage } from '../pipeline/types.js';
import { itemsBySentence } from './by-sentence.js';
import { bareKey, documentKeys, phraseKeys, type TokenKey } from './match/keys.js';
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
  /** No-casualty phrases that rule out deaths only: the others mean no injured either. */
  noDeathsOnly?: string[];
  /** Words that make the number before them a measure (an age, a span of time, a distance), not a count. */
  measures?: string[];
  /** Casualty verbs split by their subject: "أودى الانفجار بحياة 4 أشخاص". */
  gapped?: Array<{ kind: CasualtyKind; heads: string[]; tail: string }>;
}

type Word =
  | { type: 'casualty'; kind: CasualtyKind; pos: WordPos }
  | { type: 'person'; number: 'singular' | 'plural' | 'dual' }
  | { type: 'toll' }
  | { type: 'none'; injuries: boolean }
  | { type: 'vague'; kind: 'killed' | 'injured' }
  | { type: 'dual'; kind: CasualtyKind }
  | { type: 'cumulative' }
  | { type: 'subset' }
  | { type: 'measure' }
  | { type: 'gapHead'; kind: CasualtyKind }
  | { type: 'gapTail'; kind: CasualtyKind };

export interface CasualtyLexicon {
  matcher: PhraseMatcher<Word>;
  /** Dual person nouns (شخصين = 2), for the number reader. */
  duals: Record<string, number>;
  /** Bare keys of the one-word casualty entries, to tell مصرعهم (a pronoun on مصرع) from the word as listed. */
  singleWords: Set<string>;
}

const SUBSET_WORDS = ['بينهم', 'بينهن', 'منهم', 'منهن', 'من بينهم', 'ومن بينهم', 'منهما'];
// "لم يسفر القصف عن إصابات": a negation a few words before "عن" + a casualty word reports none
const NEGATORS = new Set(['لم', 'لن', 'دون', 'بدون', 'بلا']);
const PROCLITICS = ['', 'و', 'ف', 'ب', 'ل', 'وب', 'فب', 'ول', 'فل'];
const PRONOUN = /(ه|ها|هم|هما|هن)$/;
// "نجا من محاولة لاغتياله"، "محاولة فاشلة لقتل": a killing attempted, or survived, kills no one
const ATTEMPT = /^(و|ف|ب|ل)?(محاوله|محاولات|محاولتين|حاول|حاولت|حاولوا|يحاول|تحاول|يحاولون|نجا|نجت|نجوا|ينجو|تنجو|نجاه)$/;

export function compileCasualties(data: CasualtyData): CasualtyLexicon {
  const m = new PhraseMatcher<Word>();
  const singleWords = new Set<string>();
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
      for (const w of sets[pos] ?? []) {
        m.add(w, payload({ type: 'casualty', kind, pos: p }));
        const k = phraseKeys(w);
        if (k.length === 1) singleWords.add(k[0]);
      }
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
  const deathsOnly = new Set(data.noDeathsOnly ?? []);
  for (const w of data.noCasualties) m.add(w, payload({ type: 'none', injuries: !deathsOnly.has(w) }));
  for (const w of data.vagueKilled ?? []) m.add(w, payload({ type: 'vague', kind: 'killed' }));
  for (const w of data.vagueInjured ?? []) m.add(w, payload({ type: 'vague', kind: 'injured' }));
  for (const w of data.cumulative ?? []) m.add(w, payload({ type: 'cumulative' }));
  for (const w of SUBSET_WORDS) m.add(w, payload({ type: 'subset' }));
  for (const w of data.measures ?? []) m.add(w, payload({ type: 'measure' }));
  for (const g of data.gapped ?? []) {
    for (const h of g.heads) m.add(h, payload({ type: 'gapHead', kind: g.kind }));
    m.add(g.tail, payload({ type: 'gapTail', kind: g.kind }));
  }
  return { matcher: m, duals, singleWords };
}


interface Found {
  start: number;
  end: number;
  word: Word;
}

function wordsIn(lex: CasualtyLexicon, keys: TokenKey[][], tokens: Token[], s: number, e: number): Found[] {
  const found: Found[] = lex.matcher.findAll(keys, tokens, s, e).map((m) => ({
    start: m.tokenStart,
    end: m.tokenEnd,
    // a word may be both a noun and a person (مسلح): the casualty reading comes first
    word: m.payloads.find((p) => p.type === 'casualty') ?? m.payloads[0],
  }));
  // "أودى الانفجار بحياة 4": the tail is the casualty verb when its head stands up to three words before
  const out: Found[] = [];
  for (const f of found) {
    if (f.word.type === 'gapHead') continue;
    if (f.word.type === 'gapTail') {
      const kind = f.word.kind;
      if (found.some((h) => h.word.type === 'gapHead' && h.word.kind === kind && h.end <= f.start && h.end >= f.start - 3)) {
        out.push({ ...f, word: { type: 'casualty', kind, pos: 'verb' } });
      }
      continue;
    }
    out.push(f);
  }
  return out;
}

// a plural verb (قتلوا، أصيبوا) whose subject came before it
const PLURAL_VERB = /(وا|ون)$/;

/** Find casualty mentions in one sentence [s, e) of tokens. */
export function findCasualties(
  lex: CasualtyLexicon,
  keys: TokenKey[][],
  tokens: Token[],
  numbers: NumberMention[],
  s: number,
  e: number,
  text?: string,
): CasualtyMention[] {
  const words = wordsIn(lex, keys, tokens, s, e);
  // every mention is read from a casualty, person or toll word (most sentences of an article have none)
  if (!words.length) return [];
  // a year (عام 2021، 2016) is not a count of people
  // ...nor is an age, a span of time or a distance ("طفل (15 عاما)"، "منذ 12 عاما")
  const measureAt = (t: number) => words.some((x) => x.word.type === 'measure' && x.start === t);
  const nums = numbers.filter((n) => n.tokenStart >= s && n.tokenEnd <= e && !(n.form === 'digits' && Number.isInteger(n.value) && n.value >= 1900 && n.value <= 2100) &&
    !measureAt(n.tokenEnd));
  const numEndingAt = (t: number) => nums.find((n) => n.tokenEnd === t);
  // the number's qualifier sits before its core tokens: find a number whose span starts within a few tokens
  // ...and never past another casualty word: in "قتل جندي وأصيب اثنان" the two were injured
  const casualtyWordIn = (a: number, b: number) => words.some((x) => x.start >= a && x.start < b && (x.word.type === 'casualty' || x.word.type === 'dual' || x.word.type === 'vague'));
  const numStartingNear = (t: number) => nums.find((n) => n.tokenStart >= t && n.tokenStart <= t + 4 && tokens[t] && n.start <= tokens[Math.min(n.tokenStart, e - 1)].start && n.start >= tokens[t].start &&
    !casualtyWordIn(t, n.tokenStart));
  const wordAt = (t: number) => words.find((w) => w.start === t);
  const out: CasualtyMention[] = [];
  const used = new Set<NumberMention>();
  let tollAhead = false;
  // after "منذ بدء الحرب" figures are running totals, not this event's
  let cumulative = false;

  // "بينهم 3 قتلى": a subset word just before the count, with no other casualty or person word between
  // ("بينهم طفلان وإصابة 15": the 15 injured are not among them)
  const subsetBefore = (t: number) => {
    for (let k = t - 1; k >= Math.max(s, t - 3); k--) {
      const x = words.find((y) => y.start <= k && k < y.end);
      if (x?.word.type === 'subset') return true;
      if (x) return false;
    }
    return false;
  };
  // "... عن [أي] إصابات" with لم، دون… up to five words before عن
  const negatedBefore = (t: number) => {
    let k = t - 1;
    if (tokens[k]?.norm === 'اي') k--;
    if (k <= s || !/^(و|ف)?عن$/.test(tokens[k].norm)) return false;
    for (let j = Math.max(s, k - 5); j < k; j++) if (NEGATORS.has(tokens[j].norm.replace(/^(و|ف)(?=..)/, ''))) return true;
    return false;
  };
  // a word carrying a pronoun (مصرعهم، حتفه): it points back to the people named just before it
  const hasPronoun = (t: number) => {
    const norm = tokens[t].norm;
    if (!PRONOUN.test(norm)) return false;
    return !PROCLITICS.some((p) => norm.startsWith(p) && lex.singleWords.has(bareKey(norm.slice(p.length))));
  };
  // "أصيب العشرات بجروح"، "قتل أكثر من 20 قتيلا": a second word of the kind right after a counted
  // mention (past its person noun) is the same casualties, not another report
  const continuesCounted = (t: number, kind: CasualtyKind) => {
    const prev = out[out.length - 1];
    if (!prev || prev.kind !== kind || prev.value === null || prev.value === 0 || prev.tokenEnd > t) return false;
    let k = prev.tokenEnd;
    while (k < t) {
      const p = wordAt(k);
      if (p?.word.type !== 'person') return false;
      k = p.end;
    }
    return k === t;
  };
  // "نجا من محاولة لاغتياله"، "محاولة فاشلة لاغتيال": an attempt word up to three words before
  const attempted = (t: number) => {
    for (let k = t - 1; k >= Math.max(s, t - 3); k--) if (ATTEMPT.test(tokens[k].norm)) return true;
    return false;
  };
  // "قتل 1500 مدني منذ بداية العام": a running total told with its period after the figure
  const cumulativeAfter = (t: number) => words.some((x) => x.word.type === 'cumulative' && x.start >= t && x.start <= t + 3);
  const unquantified = (kind: 'killed' | 'injured', w: Found, rule: string) => {
    if (negatedBefore(w.start)) {
      out.push(mention('killed', 0, 'exact', w, null, tokens, false, false, 'casualties.none.negated'));
      if (kind === 'injured') out.push(mention('injured', 0, 'exact', w, null, tokens, false, false, 'casualties.none.negated'));
    }
    else if (!continuesCounted(w.start, kind)) out.push(mention(kind, null, null, w, null, tokens, false, false, rule));
  };
  // the numbered people before a plural verb: "14 جنديا"، "عشرة رجال"، "اثنين من المسلحين وثلاثة من الجنود"
  const countsBefore = (t: number): NumberMention[] => {
    const from = Math.max(s, t - 10);
    if (casualtyWordIn(from, t) || words.some((x) => x.word.type === 'subset' && x.start >= from && x.start < t)) {
      // only the stretch after the last casualty word counts
      return [];
    }
    const cands = nums.filter((n) => n.tokenStart >= from && n.tokenEnd <= t && !used.has(n) &&
      (wordAt(n.tokenEnd)?.word.type === 'person' || tokens[n.tokenEnd]?.norm === 'من' || n.form === 'dual'));
    if (cands.length === 0) return [];
    // several counts are one group only when joined by و
    const group = [cands[0]];
    for (const c of cands.slice(1)) {
      if (!tokens[c.tokenStart].norm.startsWith('و')) return [];
      group.push(c);
    }
    return group;
  };
  const personEnd = (t: number) => {
    const p = wordAt(t);
    return p?.word.type === 'person' ? p.end : t;
  };

  for (let wi = 0; wi < words.length; wi++) {
    const w = words[wi];
    if (w.word.type === 'toll') tollAhead = true;
    if (w.word.type === 'none') {
      out.push(mention('killed', 0, 'exact', w, null, tokens, false, false, 'casualties.none'));
      // "دون وقوع إصابات": nobody injured either
      if (w.word.injuries) out.push(mention('injured', 0, 'exact', w, null, tokens, false, false, 'casualties.none'));
      continue;
    }
    if (w.word.type === 'cumulative') {
      cumulative = true;
      continue;
    }
    if (w.word.type === 'subset') {
      // "بينهم 3 أطفال"، "من بينهم امرأة": part of the figure just given, kept apart from the total
      const prev = [...out].reverse().find((m) => m.value !== null && m.value > 0);
      if (!prev) continue;
      const n = nums.find((x) => x.start === tokens[w.end]?.start && !used.has(x));
      const after = n ? n.tokenEnd : w.end;
      // "بينهم 3 قتلى": the casualty noun reads its own number (and sees the subset word)
      const next = wordAt(after);
      if (n && next && ((next.word.type === 'casualty' && next.word.pos === 'noun') || next.word.type === 'dual') && !tokens[after].norm.startsWith('و')) continue;
      const person = next?.word.type === 'person' ? next.word : null;
      const value = n ? n.value : person?.number === 'singular' ? 1 : person?.number === 'dual' ? 2 : null;
      if (value === null) continue;
      if (n) used.add(n);
      const end = person && next ? next.end : after;
      const m = mention(prev.kind, value, n ? n.qualifier : 'exact', { start: w.start, end }, n ?? null, tokens, true, false, `casualties.${prev.kind}.subset`);
      m.wordSpan = { start: tokens[w.start].start, end: tokens[w.end - 1].end };
      out.push(m);
      continue;
    }
    if (w.word.type === 'vague') {
      // "عشرات الجرحى" is vague by word but has a number: let the noun reading below take it
      const k = w.word.kind;
      if (!nums.some((n) => n.tokenStart >= w.start && n.tokenEnd <= w.end)) {
        unquantified(k, w, k === 'killed' ? 'fatalities.unquantified' : 'casualties.injured.unquantified');
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
    if (kind === 'killed' && attempted(w.start)) continue;
    // "لقي 3 أشخاص مصرعهم"، "لقي طفل مصرعه"، "سقط 5 مدنيين قتلى": the count is before, on the people
    const before = words.find((x) => x.end === w.start && x.word.type === 'person');
    const pronoun = hasPronoun(w.end - 1);
    if (before && before.word.type === 'person' && (pronoun || pos === 'noun')) {
      const bn = numEndingAt(before.start);
      const value = bn ? bn.value : !pronoun ? null : before.word.number === 'singular' ? 1 : before.word.number === 'dual' ? 2 : null;
      if (value !== null && !(bn && used.has(bn))) {
        if (bn) used.add(bn);
        // a dual person noun may also be read as a number (شخصان = 2)
        for (const x of nums) if (x.tokenStart === before.start && x.form === 'dual') used.add(x);
        if (bn && (cumulative || cumulativeAfter(w.end))) continue;
        const span = { start: bn ? w.start : before.start, end: w.end };
        out.push(mention(kind, value, bn ? bn.qualifier : 'exact', span, bn ?? null, tokens, subsetBefore(bn ? bn.tokenStart : before.start), tollAhead,
          bn ? `casualties.${kind}.number-person-word` : `casualties.${kind}.person-${before.word.number}-word`));
        continue;
      }
    }
    // "وكان 14 جنديا قتلوا"، "إن اثنين من المسلحين وثلاثة من الجنود قتلوا": a plural verb with no number
    // after it counts the people numbered before it, up to ten words back, past no other casualty word
    if (pos === 'verb' && w.end - w.start === 1 && PLURAL_VERB.test(tokens[w.start].norm) && !/^(و|ف)/.test(tokens[w.start].norm) && !numStartingNear(w.end)) {
      const counted = countsBefore(w.start);
      if (counted.length > 0) {
        for (const c of counted) used.add(c);
        if (cumulative || cumulativeAfter(w.end)) continue;
        const total = counted.reduce((sum, c) => sum + c.value, 0);
        const first = counted[0];
        const mm = mention(kind, total, first.qualifier, { start: first.tokenStart, end: w.end }, first, tokens, subsetBefore(first.tokenStart), tollAhead, `casualties.${kind}.number-before-verb`);
        mm.wordSpan = { start: tokens[w.start].start, end: tokens[w.end - 1].end };
        out.push(mm);
        continue;
      }
    }
    // "مقتله"، "اغتياله"، "إصابتها": a verbal noun with a singular pronoun names one person. The
    // original letter decides: ه is the pronoun, ة (folded to ه) is the noun's own ending.
    const last = tokens[w.end - 1];
    const singular = !!text && pos === 'verbalNoun' && w.end - w.start === 1 && /(ه|ها)$/.test(last.norm) && /[هـ]$|ها$/.test(text.slice(last.start, last.end).replace(/[\u064B-\u0652]/g, '')) &&
      !/ة$/.test(text.slice(last.start, last.end).replace(/[\u064B-\u0652]/g, '')) && keys[w.start].some((k) => !k.exact && k.key.length < last.norm.length);
    // "مقتل وإصابة 20": one figure for two kinds cannot be split — neither gets it. "مقتله وإصابة
    // اثنين" is not that: the pronoun already counts the dead.
    const nextW = words[wi + 1];
    const mixed = !singular && nextW && nextW.word.type === 'casualty' && nextW.word.kind !== kind && nextW.start <= w.end + 1 &&
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
    if (n && (cumulative || cumulativeAfter(personEnd(Math.max(n.tokenEnd, w.end))))) {
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
      let p = wordAt(w.end) ?? wordAt(w.end + 1);
      // "اغتال مسلحون العقيد…": a plural subject after the verb, then the one it killed
      if (p?.word.type === 'person' && p.word.number === 'plural' && /ون$/.test(tokens[p.end - 1].norm)) {
        // (past an adjective of the subject: "اغتال مسلحون مجهولون العقيد")
        const object = wordAt(p.end) ?? (/^(مجهول|ملثم)/.test(tokens[p.end]?.norm ?? '') ? wordAt(p.end + 1) : undefined);
        if (object?.word.type === 'person' && object.word.number !== 'plural') p = object;
      }
      if (p && p.word.type === 'person') {
        // the plural list holds the accusative singular that counts 11-99 take (شخصا، طبيبا); with no
        // number before it, it is one person ("اختطف مجهولون طبيبا")
        const number = p.word.number === 'plural' && p.end - p.start === 1 && /ا$/.test(tokens[p.start].norm) ? 'singular' : p.word.number;
        let value: number | null = number === 'singular' ? 1 : number === 'dual' ? 2 : null;
        // "أصيب طفل وشاب"، "قتل رجل وامرأتان": people joined by و add up
        let end = p.end;
        while (value !== null) {
          const q = wordAt(end);
          if (!q || q.word.type !== 'person' || q.word.number === 'plural' || !tokens[end].norm.startsWith('و')) break;
          value += q.word.number === 'singular' ? 1 : 2;
          end = q.end;
        }
        out.push(mention(kind, value, value === null ? null : 'exact', { ...w, end }, null, tokens, subsetBefore(w.start), false,
          value === null ? (kind === 'killed' ? 'fatalities.unquantified' : `casualties.${kind}.unquantified`) : `casualties.${kind}.person-${number}`));
        continue;
      }
      const d = nums.find((x) => x.form === 'dual' && x.tokenStart === w.end);
      if (d && !used.has(d)) {
        used.add(d);
        out.push(mention(kind, 2, 'exact', w, d, tokens, false, false, `casualties.${kind}.dual`));
        continue;
      }
    }
    if (singular) {
      out.push(mention(kind, 1, 'exact', w, null, tokens, false, false, `casualties.${kind}.pronoun-singular`));
      continue;
    }
    // "أردوه قتيلا"، "اغتالوه": a verb whose object pronoun is singular killed one person
    const verb = tokens[w.start];
    const written = text ? text.slice(verb.start, verb.end).replace(/[\u064B-\u0652]/g, '') : '';
    if (pos === 'verb' && /(ه|ها)$/.test(written) && !/ة$/.test(written) && keys[w.start].some((k) => !k.exact && k.key.length < verb.norm.length)) {
      out.push(mention(kind, 1, 'exact', w, null, tokens, false, false, `casualties.${kind}.object-pronoun-singular`));
      continue;
    }
    // a casualty word with no number at all: reported, not counted
    if (kind === 'killed' || kind === 'injured') {
      unquantified(kind, w, kind === 'killed' ? 'fatalities.unquantified' : 'casualties.injured.unquantified');
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
      const numbers = itemsBySentence(doc.layers.sentences, doc.layers.numbers);
      doc.layers.sentences.forEach((s, k) => {
        out.push(...findCasualties(lex, keys, doc.layers.tokens, numbers[k], s.tokenStart, s.tokenEnd, doc.text));
      });
      doc.layers.casualties = out;
    },
  };
}
