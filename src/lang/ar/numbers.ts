// Numbers in Arabic news: digits (Western, Eastern, Persian — folded by the normaliser), number words in
// their gender and case forms with compounds (خمسة وعشرون، مئتان وثلاثة، ثلاثة آلاف), attached clitics
// (وخمسة، بثلاثين), vague quantities coded as ACLED does (عشرات = 12, مئات = 100), and the qualifier
// that travels with the value (نحو، أكثر من، بين 10 و15).

import { fold } from './normalize.js';
import type { NumberMention, Qualifier, Span, Token } from '../../doc/types.js';
import { memoPerLexicon } from './word-memo.js';

export interface NumberLexiconData {
  units: Record<string, number>;
  teenUnits: Record<string, number>;
  teenTens: string[];
  tens: Record<string, number>;
  hundreds: Record<string, number>;
  hundredWords: string[];
  scales: Record<string, number>;
  vague: Record<string, number>;
  qualifiers: {
    before: Record<'approximate' | 'atLeast' | 'atMost', string[]>;
    after: Record<'approximate' | 'atLeast', string[]>;
    rangeOpeners: string[];
    rangeJoiners: string[];
  };
  notStandalone: string[];
}

export interface NumberLexicon {
  units: Map<string, number>;
  teenUnits: Map<string, number>;
  teenTens: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  hundredWords: Set<string>;
  scales: Map<string, number>;
  vague: Map<string, number>;
  before: Array<{ qualifier: Qualifier; words: string[] }>;
  after: Array<{ qualifier: Qualifier; words: string[] }>;
  /** Range openers as word lists, longest first (ما بين before بين). */
  rangeOpeners: string[][];
  rangeJoiners: Set<string>;
  notStandalone: Set<string>;
  /** Words that may be the last word of a "dual" counted noun (شخصين = 2); filled by the casualty lexicon. */
  duals: Map<string, number>;
  /** Every written form of a number word, with and without proclitics (compiled from the maps above). */
  forms: Map<string, WordValue>;
}

const foldMap = (r: Record<string, number>) => new Map(Object.entries(r).map(([k, v]) => [fold(k), v]));
const foldSet = (a: string[]) => new Set(a.map(fold));
const phrases = (r: Record<string, string[]>) =>
  Object.entries(r).flatMap(([q, list]) => list.map((w) => ({ qualifier: q as Qualifier, words: fold(w).split(' ') })))
    .sort((a, b) => b.words.length - a.words.length);

export function compileNumberLexicon(data: NumberLexiconData, duals: Record<string, number> = {}): NumberLexicon {
  const lex = {
    units: foldMap(data.units),
    teenUnits: foldMap(data.teenUnits),
    teenTens: foldSet(data.teenTens),
    tens: foldMap(data.tens),
    hundreds: foldMap(data.hundreds),
    hundredWords: foldSet(data.hundredWords),
    scales: foldMap(data.scales),
    vague: foldMap(data.vague),
    before: phrases(data.qualifiers.before),
    after: phrases(data.qualifiers.after),
    rangeOpeners: data.qualifiers.rangeOpeners.map((w) => fold(w).split(' ')).sort((a, b) => b.length - a.length),
    rangeJoiners: foldSet(data.qualifiers.rangeJoiners),
    notStandalone: foldSet(data.notStandalone),
    duals: foldMap(duals),
  };
  return { ...lex, forms: compileWordForms(lex) };
}

export type WordKind = 'unit' | 'teenUnit' | 'tens' | 'hundreds' | 'scale' | 'vague';
export interface WordValue {
  kind: WordKind;
  value: number;
  /** Letters of proclitics before the number word (و، ب، ل…), excluded from the value span. */
  prefix: number;
  /** The number word without its proclitics. */
  word: string;
}

// Proclitics a number word may carry, two-letter chains first.
const PREFIXES = ['وب', 'ول', 'فب', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'];

// Every form a number word is written in — bare, then with each proclitic — to what it is. When one
// form could be read two ways the first reading wins: a bare word before a proclitic + word (واحد is
// one, not و + أحد), and units before tens, hundreds, vague words, scales and teen units (آلاف alone is
// the vague "thousands"; after a number it is read as a scale where that is looked for).
function compileWordForms(lex: Omit<NumberLexicon, 'forms'>): Map<string, WordValue> {
  const forms = new Map<string, WordValue>();
  const kinds: Array<[WordKind, Map<string, number>]> = [
    ['unit', lex.units], ['tens', lex.tens], ['hundreds', lex.hundreds], ['vague', lex.vague], ['scale', lex.scales], ['teenUnit', lex.teenUnits],
  ];
  const add = (key: string, v: WordValue) => {
    if (!forms.has(key)) forms.set(key, v);
  };
  for (const [kind, m] of kinds) for (const [word, value] of m) add(word, { kind, value, prefix: 0, word });
  // a proclitic only before a word of three letters or more, so لست is not ل + ست
  for (const p of PREFIXES) {
    for (const [kind, m] of kinds) for (const [word, value] of m) if (word.length > 2) add(p + word, { kind, value, prefix: p.length, word });
  }
  return forms;
}

/** The number word a token holds, with any proclitics it carries. */
export function numberWord(lex: NumberLexicon, word: string): WordValue | null {
  return lex.forms.get(word) ?? null;
}

/**
 * Parse digits with separators: 1,500 → 1500; 1,500.5 → 1500.5; 3.5 → 3.5; 1.000.000 → 1000000.
 * A single full stop is a decimal point (١٫٥ and 1.5 are how Arabic news writes decimals), so 1.500 is 1.5.
 * Anything else the tokeniser let through (1.2.3, a version or a date) is not a quantity: NaN.
 */
export function parseDigits(s: string): number {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return Number(s.replace(/\./g, ''));
  return NaN;
}

interface Core {
  value: number;
  form: NumberMention['form'];
  tokenStart: number;
  tokenEnd: number;
  /** Letters to skip at the start of the first token (a proclitic such as و). */
  prefix: number;
  /** The scale word that multiplies the number at its end (1000 for "15 ألفا"), or 1. */
  scale: number;
}

// ألفان، مليونان are a count on their own (2 × scale) and never multiply a number before them.
const isDualScale = (v: number) => v === 2000 || v === 2_000_000 || v === 2_000_000_000;

// What the last part of a number-word compound was. Arabic writes a compound in a fixed order —
// hundreds, then a unit or a teen, then the tens (ثلاثمائة وخمسة وستون), then a scale (ألف، مليون) —
// and each part after the first is joined by و. A word that cannot continue the compound starts a new
// number: "بين عشرة وخمسة عشر" is 10 and 15, not 25; "عشرين وخمسة" is 20 and 5.
type Part = 'none' | 'hundreds' | 'unit' | 'teen' | 'tens' | 'scale';
const MAY_FOLLOW: Record<Exclude<WordKind, 'vague' | 'teenUnit'> | 'teen', ReadonlySet<Part>> = {
  unit: new Set(['none', 'hundreds', 'scale']),
  teen: new Set(['none', 'hundreds', 'scale']),
  tens: new Set(['none', 'hundreds', 'scale', 'unit']),
  hundreds: new Set(['none', 'scale']),
  scale: new Set(['none', 'scale']),
};

/** Read the number itself (no qualifier) starting at token i. */
function readCore(lex: NumberLexicon, tokens: Token[], i: number): Core | null {
  const tok = tokens[i];
  if (!tok) return null; // "بين 10 و" at the end of the text: no second number
  if (tok.kind === 'number') {
    let value = parseDigits(tok.norm);
    let end = i + 1;
    const next = tokens[end];
    // 3 آلاف، 1.5 مليون: a scale word multiplies the digits before it
    const s = next && next.kind === 'arabic' ? lex.scales.get(next.norm) : undefined;
    const scale = s !== undefined && !isDualScale(s) ? s : 1;
    if (scale > 1) {
      value *= scale;
      end++;
    }
    if (!Number.isFinite(value)) return null;
    return { value, form: 'digits', tokenStart: i, tokenEnd: end, prefix: 0, scale };
  }
  if (tok.kind !== 'arabic') return null;
  const first = numberWord(lex, tok.norm);
  if (!first) return null;
  if (first.kind === 'vague') {
    let value = first.value;
    let end = i + 1;
    const next = tokens[end];
    // عشرات الآلاف = 12 × 1000
    const s = next && next.kind === 'arabic' ? lex.scales.get(next.norm.replace(/^ال/, '')) : undefined;
    if (s !== undefined && s >= 1000 && !isDualScale(s) && first.value < 1000) {
      value *= s;
      end++;
    }
    return { value, form: 'vague', tokenStart: i, tokenEnd: end, prefix: first.prefix, scale: 1 };
  }

  let total = 0; // finished groups, each times its scale
  let cur = 0; // the group below 1000 being read
  let last: Part = 'none';
  let lastScale = Infinity;
  let pos = i; // next token to read
  let endScale = 1;
  while (pos < tokens.length) {
    // the next word, with its conjunction: joined (وعشرون) or written apart (و عشرون)
    let at = pos;
    let wv: WordValue | null;
    if (pos === i) wv = first;
    else {
      const t = tokens[pos];
      if (t.kind !== 'arabic') break;
      wv = numberWord(lex, t.norm);
      if (!wv && t.norm === 'و' && tokens[pos + 1]?.kind === 'arabic') {
        at = pos + 1;
        wv = numberWord(lex, tokens[at].norm);
        if (wv && wv.prefix !== 0) wv = null;
      } else if (wv && !(wv.prefix === 1 && t.norm.startsWith('و'))) {
        wv = null; // a later part must be joined by و, and by nothing else
      }
      if (!wv) break;
    }
    const next = tokens[at + 1];
    const nextNorm = next && next.kind === 'arabic' ? next.norm : '';
    let value: number;
    let kind: Exclude<WordKind, 'vague' | 'teenUnit'> | 'teen';
    let width = 1;
    if ((wv.kind === 'unit' || wv.kind === 'teenUnit') && lex.teenTens.has(nextNorm) && lex.teenUnits.has(wv.word)) {
      value = (lex.teenUnits.get(wv.word) ?? wv.value) + 10; // أحد عشر، ثلاث عشرة
      kind = 'teen';
      width = 2;
    } else if (wv.kind === 'unit' && wv.value < 10 && lex.hundredWords.has(nextNorm)) {
      value = wv.value * 100; // ثلاث مئة
      kind = 'hundreds';
      width = 2;
    } else if (wv.kind === 'unit') {
      if (pos === i && lex.notStandalone.has(wv.word)) return null;
      value = wv.value;
      kind = wv.value === 10 ? 'teen' : 'unit'; // عشرة takes no tens after it, as a teen does not
    } else if (wv.kind === 'tens' || wv.kind === 'hundreds' || wv.kind === 'scale') {
      value = wv.value;
      kind = wv.kind;
    } else break; // a teen unit without its ten (أحد المسلحين), or a vague word inside a compound
    if (!MAY_FOLLOW[kind].has(last)) break;
    if (kind === 'scale') {
      // a scale word on its own: ألف، ألفان، مليون — or after a larger one (مليون وألف)
      const unit = isDualScale(value) ? value / 2 : value;
      if (unit >= lastScale) break;
      total += value;
      lastScale = unit;
      last = 'scale';
    } else {
      cur += value;
      last = kind;
    }
    endScale = 1;
    pos = at + width;
    // a scale word may follow a group directly (ثلاثة آلاف، خمسة وعشرون ألفا، مئتا ألف)
    const sc = tokens[pos];
    const s = cur > 0 && sc && sc.kind === 'arabic' ? lex.scales.get(sc.norm) : undefined;
    if (s !== undefined && !isDualScale(s) && s < lastScale) {
      total += cur * s;
      cur = 0;
      lastScale = s;
      last = 'scale';
      endScale = s;
      pos++;
    }
  }
  if (pos === i) return null;
  return { value: total + cur, form: 'words', tokenStart: i, tokenEnd: pos, prefix: first.prefix, scale: endScale };
}

// a proclitic the first word of a qualifier may carry: بنحو، لأكثر، وحوالي
const QUALIFIER_PROCLITIC = /^(و|ف|ب|ل|وب|ول)$/;

/** Whether `t` is `word`, or `word` with a proclitic before it (matchPhraseBefore's test for a first word). */
function isWordOrWithProclitic(t: string, word: string): boolean {
  return t === word || (t.length > word.length && t.endsWith(word) && QUALIFIER_PROCLITIC.test(t.slice(0, t.length - word.length)));
}

function matchPhraseBefore(tokens: Token[], endExclusive: number, words: string[]): number | null {
  const start = endExclusive - words.length;
  if (start < 0) return null;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[start + k].norm;
    if (t === words[k]) continue;
    // the first word may carry a proclitic: بنحو، لأكثر، وحوالي
    if (k === 0 && isWordOrWithProclitic(t, words[k])) continue;
    return null;
  }
  return start;
}

function matchPhraseAfter(tokens: Token[], start: number, words: string[]): number | null {
  if (start + words.length > tokens.length) return null;
  for (let k = 0; k < words.length; k++) if (tokens[start + k].norm !== words[k]) return null;
  return start + words.length;
}

/**
 * What the number reader makes of one word, remembered per word and lexicon (bounded): the number word
 * it is, the dual it is, and the qualifier phrases and range openers that can end with it (in lexicon
 * order; the rest of each phrase is still matched). Every token asked the number words and the duals,
 * cutting a proclitic, and every number tried each qualifier phrase against the words before it.
 */
interface NumberWordInfo {
  value: WordValue | null;
  dual: number | undefined;
  /** Qualifiers ("before") and range openers whose last word this word can be. */
  before: NumberLexicon['before'];
  openers: string[][];
}

const infoMemo = memoPerLexicon<NumberLexicon, NumberWordInfo>();

function wordInfo(lex: NumberLexicon, memo: Map<string, NumberWordInfo>, word: string): NumberWordInfo {
  let info = memo.get(word);
  if (info === undefined) {
    if (memo.size >= 100_000) memo.clear();
    // the last word of a phrase must be the word as written, unless it is also its first
    const ends = (words: string[]) => (words.length === 1 ? isWordOrWithProclitic(word, words[0]) : word === words[words.length - 1]);
    info = {
      value: numberWord(lex, word),
      dual: dualOf(lex, word),
      before: lex.before.filter((q) => ends(q.words)),
      openers: lex.rangeOpeners.filter(ends),
    };
    memo.set(word, info);
  }
  return info;
}

/** The index of the first token of a range opener (بين، ما بين، من) ending just before token `at`. */
function openerBefore(lex: NumberLexicon, memo: Map<string, NumberWordInfo>, tokens: Token[], at: number): { start: number; words: string[] } | null {
  if (at < 1) return null;
  for (const words of wordInfo(lex, memo, tokens[at - 1].norm).openers) {
    const start = matchPhraseBefore(tokens, at, words);
    if (start !== null) return { start, words };
  }
  return null;
}

function gluedDash(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && t.norm === '-' && ((tokens[k - 1]?.nend === t.nstart && tokens[k - 1].kind === 'number') ||
    (tokens[k + 1]?.nstart === t.nend && tokens[k + 1].kind === 'number'));
}

// Digits that belong to a Latin name rather than count anything: F-16, Su-24, MQ9, COVID-19.
function partOfLatinName(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.nend !== tokens[i].nstart) return false;
  if (prev.kind === 'latin') return true;
  const before = tokens[i - 2];
  return prev.norm === '-' && !!before && before.kind === 'latin' && before.nend === prev.nstart;
}

/** The count a dual noun stands for (شخصين، وجنديين), as written or after one proclitic و، ب، ل. */
function dualOf(lex: NumberLexicon, word: string): number | undefined {
  const d = lex.duals.get(word);
  if (d !== undefined) return d;
  const c = word[0];
  return c === 'و' || c === 'ب' || c === 'ل' ? lex.duals.get(word.slice(1)) : undefined;
}

/**
 * Find every number in a token sequence. `toOrig` maps a normalised range to the original text.
 * A mention's span covers whole tokens, from its qualifier (or range opener) to its last word — with the
 * counted noun when the qualifier comes after it ("20 شخصا على الأقل"); its valueSpan covers the number
 * itself (both ends of a range), without the qualifier and without a proclitic on its first word (و of
 * وخمسة). tokenStart and tokenEnd are the number's own tokens, so a casualty noun after it is tokens[tokenEnd].
 */
export function findNumbers(
  lex: NumberLexicon,
  tokens: Token[],
  toOrig: (nstart: number, nend: number) => Span,
): NumberMention[] {
  const out: NumberMention[] = [];
  const memo = infoMemo(lex);
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i];
    const kind = tok.kind;
    // a word that is no number word reads as no number (readCore would say so after the same lookup)
    const info = kind === 'arabic' ? wordInfo(lex, memo, tok.norm) : null;
    let core = kind === 'number' ? (partOfLatinName(tokens, i) ? null : readCore(lex, tokens, i)) :
      info !== null && info.value !== null ? readCore(lex, tokens, i) : null;
    if (!core) {
      // a dual counted noun: شخصين، جنديين = 2
      const d = info !== null ? info.dual : undefined;
      if (d !== undefined) {
        const sp = toOrig(tokens[i].nstart, tokens[i].nend);
        out.push({ start: sp.start, end: sp.end, value: d, high: d, qualifier: 'exact', valueSpan: sp, form: 'dual', tokenStart: i, tokenEnd: i + 1, ruleId: 'num.dual' });
      }
      i++;
      continue;
    }
    let qualifier: Qualifier = core.form === 'vague' ? 'vague' : 'exact';
    let high = core.value;
    let firstTok = core.tokenStart;
    let lastTok = core.tokenEnd;
    let spanEndTok = core.tokenEnd;
    let ruleId = `num.${core.form}`;

    // a range: بين 10 و15، ما بين عشرة وخمسة عشر، من 10 إلى 15، 10-15، ثلاثة أو أربعة
    const joiner = tokens[lastTok];
    if (joiner) {
      let second: Core | null = null;
      const opener = openerBefore(lex, memo, tokens, core.tokenStart);
      // only بين pairs with و (بين X و Y); after من, "و" is just the next clause
      const between = opener !== null && opener.words[opener.words.length - 1] === 'بين';
      if (joiner.norm === 'و') {
        if (between) second = readCore(lex, tokens, lastTok + 1);
      } else if (lex.rangeJoiners.has(joiner.norm)) {
        second = readCore(lex, tokens, lastTok + 1);
      } else if (between && joiner.kind === 'arabic' && joiner.norm.startsWith('و')) {
        // "وعشرين" is one token: the و is the joiner and the rest the second number
        const w = numberWord(lex, joiner.norm);
        if (w && w.prefix === 1) second = readCore(lex, tokens, lastTok);
      }
      // a dash inside a longer chain is a date or a code (2024-05-12), not a range
      if (second && joiner.norm === '-' && (gluedDash(tokens, core.tokenStart - 1) || gluedDash(tokens, second.tokenEnd))) second = null;
      // the scale of the second number is shared: "بين 10 و15 ألفا" is 10,000 to 15,000
      if (second && second.scale > 1 && core.scale === 1 && core.form !== 'vague' && core.value < 1000 && core.value * second.scale <= second.value) {
        core = { ...core, value: core.value * second.scale };
      }
      if (second && second.value >= core.value && (second.form === core.form || core.form !== 'vague')) {
        qualifier = 'range';
        high = second.value;
        lastTok = second.tokenEnd;
        spanEndTok = lastTok;
        ruleId = 'num.range';
        // the opener belongs to the range (بين 10 و15، من 10 إلى 15); "من 10-15" is "of 10-15"
        if (opener && (between || joiner.norm !== '-')) firstTok = opener.start;
      }
    }
    // a qualifier before it
    if ((qualifier === 'exact' || qualifier === 'vague') && core.tokenStart > 0) {
      for (const q of wordInfo(lex, memo, tokens[core.tokenStart - 1].norm).before) {
        const s = matchPhraseBefore(tokens, core.tokenStart, q.words);
        if (s !== null) {
          qualifier = q.qualifier;
          firstTok = s;
          ruleId = `num.${core.form}.${q.qualifier}`;
          break;
        }
      }
    }
    // or after it, right after the number or after its counted noun: "20 تقريبا"، "20 شخصا على الأقل"
    if (qualifier === 'exact') {
      const noun = tokens[lastTok];
      const skips = noun && noun.kind === 'arabic' && !numberWord(lex, noun.norm) ? [0, 1] : [0];
      search: for (const skip of skips) {
        for (const q of lex.after) {
          const e = matchPhraseAfter(tokens, lastTok + skip, q.words);
          if (e !== null) {
            qualifier = q.qualifier;
            ruleId = `num.${core.form}.${q.qualifier}.after`;
            spanEndTok = e;
            break search;
          }
        }
      }
    }
    const firstCore = tokens[core.tokenStart];
    const valueSpan = {
      start: toOrig(firstCore.nstart + core.prefix, firstCore.nend).start,
      end: tokens[lastTok - 1].end,
    };
    out.push({
      start: tokens[firstTok].start,
      end: tokens[spanEndTok - 1].end,
      value: core.value,
      high,
      qualifier,
      valueSpan,
      form: core.form,
      tokenStart: core.tokenStart,
      tokenEnd: lastTok,
      ruleId,
    });
    i = lastTok;
  }
  return out;
}
