// Numbers in Arabic news: digits (Western, Eastern, Persian — folded by the normaliser), number words in
// their gender and case forms with compounds (خمسة وعشرون، مئتان وثلاثة، ثلاثة آلاف), attached clitics
// (وخمسة، بثلاثين), vague quantities coded as ACLED does (عشرات = 12, مئات = 100), and the qualifier
// that travels with the value (نحو، أكثر من، بين 10 و15).

import { fold } from './normalize.js';
import type { NumberMention, Qualifier, Span, Token } from '../../doc/types.js';

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
  rangeOpeners: Set<string>;
  rangeJoiners: Set<string>;
  notStandalone: Set<string>;
  /** Words that may be the last word of a "dual" counted noun (شخصين = 2); filled by the casualty lexicon. */
  duals: Map<string, number>;
}

const foldMap = (r: Record<string, number>) => new Map(Object.entries(r).map(([k, v]) => [fold(k), v]));
const foldSet = (a: string[]) => new Set(a.map(fold));
const phrases = (r: Record<string, string[]>) =>
  Object.entries(r).flatMap(([q, list]) => list.map((w) => ({ qualifier: q as Qualifier, words: fold(w).split(' ') })))
    .sort((a, b) => b.words.length - a.words.length);

export function compileNumberLexicon(data: NumberLexiconData, duals: Record<string, number> = {}): NumberLexicon {
  return {
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
    rangeOpeners: foldSet(data.qualifiers.rangeOpeners),
    rangeJoiners: foldSet(data.qualifiers.rangeJoiners),
    notStandalone: foldSet(data.notStandalone),
    duals: foldMap(duals),
  };
}

type WordKind = 'unit' | 'teenUnit' | 'tens' | 'hundreds' | 'scale' | 'vague';
interface WordValue {
  kind: WordKind;
  value: number;
  /** Letters of proclitics before the number word (و، ب، ل…), excluded from the value span. */
  prefix: number;
  word: string;
}

const PREFIXES = ['وب', 'ول', 'فب', 'فل', 'وك', 'و', 'ف', 'ب', 'ل', 'ك'];

function classify(lex: NumberLexicon, w: string): Omit<WordValue, 'prefix' | 'word'> | null {
  const u = lex.units.get(w);
  if (u !== undefined) return { kind: 'unit', value: u };
  const t = lex.tens.get(w);
  if (t !== undefined) return { kind: 'tens', value: t };
  const h = lex.hundreds.get(w);
  if (h !== undefined) return { kind: 'hundreds', value: h };
  const v = lex.vague.get(w);
  if (v !== undefined) return { kind: 'vague', value: v };
  const s = lex.scales.get(w);
  if (s !== undefined) return { kind: 'scale', value: s };
  const tu = lex.teenUnits.get(w);
  if (tu !== undefined) return { kind: 'teenUnit', value: tu };
  return null;
}

/** The number word a token holds, with any proclitics it carries. */
export function numberWord(lex: NumberLexicon, word: string): WordValue | null {
  const direct = classify(lex, word);
  if (direct) return { ...direct, prefix: 0, word };
  for (const p of PREFIXES) {
    if (word.length > p.length + 2 && word.startsWith(p)) {
      const rest = word.slice(p.length);
      const c = classify(lex, rest);
      if (c) return { ...c, prefix: p.length, word: rest };
    }
  }
  return null;
}

/** Parse digits with separators: 1,500 → 1500; 3.5 → 3.5; 1.000.000 → 1000000. */
export function parseDigits(s: string): number {
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) return Number(s.replace(/\./g, ''));
  if (/^\d+\.\d+$/.test(s)) return Number(s);
  return Number(s.replace(/[,.]/g, ''));
}

interface Core {
  value: number;
  form: NumberMention['form'];
  tokenStart: number;
  tokenEnd: number;
  /** Letters to skip at the start of the first token (a proclitic such as و). */
  prefix: number;
}

/** Read the number itself (no qualifier) starting at token i. */
function readCore(lex: NumberLexicon, tokens: Token[], i: number): Core | null {
  const tok = tokens[i];
  if (tok.kind === 'number') {
    let value = parseDigits(tok.norm);
    let end = i + 1;
    const next = tokens[end];
    if (next && next.kind === 'arabic') {
      const s = lex.scales.get(next.norm);
      if (s !== undefined && s >= 1000) {
        value = value * (s === 2000 ? 1000 : s === 2000000 ? 1000000 : s);
        end++;
      }
    }
    if (!Number.isFinite(value)) return null;
    return { value, form: 'digits', tokenStart: i, tokenEnd: end, prefix: 0 };
  }
  if (tok.kind !== 'arabic') return null;
  const first = numberWord(lex, tok.norm);
  if (!first) return null;
  if (first.kind === 'vague') {
    let value = first.value;
    let end = i + 1;
    const next = tokens[end];
    const s = next && next.kind === 'arabic' ? lex.scales.get(next.norm.replace(/^ال/, '')) : undefined;
    if (s !== undefined && s >= 1000 && first.value < 1000) {
      value *= 1000;
      end++;
    }
    return { value, form: 'vague', tokenStart: i, tokenEnd: end, prefix: first.prefix };
  }

  let total = 0;
  let cur = 0;
  let pos = i;
  let parts = 0;
  let expectConj = false;
  while (pos < tokens.length) {
    const t = tokens[pos];
    if (t.kind !== 'arabic') break;
    let wv: WordValue | null;
    if (parts === 0) wv = first;
    else {
      wv = numberWord(lex, t.norm);
      if (!wv) {
        // a separate "و" token followed by a number word
        if (t.norm === 'و' && tokens[pos + 1]?.kind === 'arabic') {
          const after = numberWord(lex, tokens[pos + 1].norm);
          if (after && after.prefix === 0 && after.kind !== 'vague' && after.kind !== 'scale') {
            pos++;
            expectConj = false;
            continue;
          }
        }
        break;
      }
      const conj = wv.prefix === 1 && t.norm.startsWith('و');
      if (wv.kind === 'scale' || (wv.kind === 'hundreds' && lex.hundredWords.has(wv.word) && cur > 0 && cur < 10)) {
        if (wv.prefix !== 0) break;
      } else if (expectConj && !conj) break;
      else if (!expectConj && wv.prefix !== 0) break;
      if (wv.kind === 'vague') break;
    }
    if (wv.kind === 'unit' || wv.kind === 'teenUnit') {
      const next = tokens[pos + 1];
      if (next && next.kind === 'arabic' && lex.teenTens.has(next.norm) && lex.teenUnits.has(wv.word)) {
        cur += (lex.teenUnits.get(wv.word) ?? wv.value) + 10;
        pos += 2;
      } else if (wv.kind === 'teenUnit') {
        break;
      } else if (next && next.kind === 'arabic' && lex.hundredWords.has(next.norm) && wv.value < 10) {
        cur += wv.value * 100; // ثلاث مئة
        pos += 2;
      } else {
        if (parts === 0 && lex.notStandalone.has(wv.word)) return null;
        cur += wv.value;
        pos++;
      }
    } else if (wv.kind === 'tens' || wv.kind === 'hundreds') {
      if (lex.hundredWords.has(wv.word) && cur > 0 && cur < 10) cur *= 100;
      else cur += wv.value;
      pos++;
    } else if (wv.kind === 'scale') {
      // ثلاثة آلاف = 3 × 1000; ألفان = 2000 on its own
      const base = wv.value === 2000 || wv.value === 2000000 ? wv.value : (cur || 1) * wv.value;
      total += base;
      cur = 0;
      pos++;
    } else break;
    parts++;
    expectConj = true;
    // a scale word may follow directly (ثلاثة آلاف، خمسة ملايين)
    const nxt = tokens[pos];
    if (nxt && nxt.kind === 'arabic' && cur > 0) {
      const s = lex.scales.get(nxt.norm);
      if (s !== undefined) {
        total += (s === 2000 || s === 2000000 ? s : cur * s);
        cur = 0;
        pos++;
      }
    }
  }
  if (parts === 0) return null;
  return { value: total + cur, form: 'words', tokenStart: i, tokenEnd: pos, prefix: first.prefix };
}

function matchPhraseBefore(tokens: Token[], endExclusive: number, words: string[]): number | null {
  const start = endExclusive - words.length;
  if (start < 0) return null;
  for (let k = 0; k < words.length; k++) {
    const t = tokens[start + k].norm;
    if (t === words[k]) continue;
    // the first word may carry a proclitic: بنحو، لأكثر، وحوالي
    if (k === 0 && t.length > words[k].length && t.endsWith(words[k]) && /^(و|ف|ب|ل|وب|ول)$/.test(t.slice(0, t.length - words[k].length))) continue;
    return null;
  }
  return start;
}

function matchPhraseAfter(tokens: Token[], start: number, words: string[]): number | null {
  if (start + words.length > tokens.length) return null;
  for (let k = 0; k < words.length; k++) if (tokens[start + k].norm !== words[k]) return null;
  return start + words.length;
}

export interface NumberStageResult {
  numbers: NumberMention[];
}

/** Find every number in a token sequence. `toOrig` maps a normalised range to the original text. */
export function findNumbers(
  lex: NumberLexicon,
  tokens: Token[],
  toOrig: (nstart: number, nend: number) => Span,
): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let core = readCore(lex, tokens, i);
    if (!core) {
      // a dual counted noun: شخصين، جنديين = 2
      const d = tokens[i].kind === 'arabic' ? lex.duals.get(tokens[i].norm) ?? lex.duals.get(tokens[i].norm.replace(/^(و|ب|ل)/, '')) : undefined;
      if (d !== undefined) {
        const sp = toOrig(tokens[i].nstart, tokens[i].nend);
        out.push({ ...sp, value: d, high: d, qualifier: 'exact', valueSpan: sp, form: 'dual', tokenStart: i, tokenEnd: i + 1, ruleId: 'num.dual' });
      }
      i++;
      continue;
    }
    let qualifier: Qualifier = core.form === 'vague' ? 'vague' : 'exact';
    let high = core.value;
    let firstTok = core.tokenStart;
    let lastTok = core.tokenEnd;
    let ruleId = `num.${core.form}`;

    // a range: بين 10 و15، من 10 إلى 15، 10-15، ثلاثة أو أربعة
    const joiner = tokens[lastTok];
    if (joiner) {
      let second: Core | null = null;
      let joinLen = 1;
      const opener = core.tokenStart > 0 ? tokens[core.tokenStart - 1].norm.replace(/^و/, '') : '';
      const hasBetween = opener === 'بين';
      if (joiner.norm === 'و' && hasBetween) second = readCore(lex, tokens, lastTok + 1);
      else if (joiner.norm === '-' || (lex.rangeJoiners.has(joiner.norm) && joiner.norm !== 'و')) second = readCore(lex, tokens, lastTok + 1);
      else if (hasBetween && joiner.kind === 'arabic' && joiner.norm.startsWith('و')) {
        // "و15" arrives as the token و then 15, "وعشرين" as one token with a proclitic
        const w = numberWord(lex, joiner.norm);
        if (w && w.prefix === 1) {
          second = readCore(lex, tokens, lastTok);
          joinLen = 0;
        }
      }
      if (second && second.value >= core.value && (second.form === core.form || core.form !== 'vague')) {
        qualifier = 'range';
        high = second.value;
        lastTok = second.tokenEnd;
        ruleId = 'num.range';
        if (hasBetween) firstTok = core.tokenStart - 1;
        else if (joinLen && core.tokenStart > 0 && tokens[core.tokenStart - 1].norm === 'من' && joiner.norm !== '-') firstTok = core.tokenStart - 1;
      }
    }
    // a qualifier before it
    if (qualifier === 'exact' || qualifier === 'vague') {
      for (const q of lex.before) {
        const s = matchPhraseBefore(tokens, core.tokenStart, q.words);
        if (s !== null) {
          qualifier = q.qualifier;
          firstTok = s;
          ruleId = `num.${core.form}.${q.qualifier}`;
          break;
        }
      }
    }
    // or after it
    if (qualifier === 'exact') {
      // skip the counted noun: "20 شخصا على الأقل"
      for (const skip of [0, 1]) {
        let found = false;
        for (const q of lex.after) {
          const e = matchPhraseAfter(tokens, lastTok + skip, q.words);
          if (e !== null) {
            qualifier = q.qualifier;
            ruleId = `num.${core.form}.${q.qualifier}.after`;
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
    const firstCore = tokens[core.tokenStart];
    const valueSpan = {
      start: toOrig(firstCore.nstart + core.prefix, firstCore.nend).start,
      end: tokens[core.tokenEnd - 1].end,
    };
    const spanStartTok = tokens[firstTok];
    const start = firstTok === core.tokenStart ? valueSpan.start : spanStartTok.start;
    out.push({
      start,
      end: tokens[lastTok - 1].end,
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
