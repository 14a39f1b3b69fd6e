// The phrase matcher on small documents of our own: what it proposes, where the span starts and ends,
// and which reading it prefers. Every lexicon stage (actors, triggers, casualties, modality) stands on it.
import { describe, expect, it } from 'vitest';
import { read } from '../../lang/ar/test-helpers/read.js';
import { documentKeys, TokenKeyMemo, tokenKeys } from './keys.js';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher.js';

function matcher(phrases: Record<string, string>): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  for (const [phrase, id] of Object.entries(phrases)) m.add(phrase, id);
  return m;
}

/** Every match in the text, as [the tokens' text, the payloads, the prefix cut, exact]. */
function matches(m: PhraseMatcher<string>, text: string, start?: number, end?: number) {
  const doc = read(text);
  const tokens = doc.layers.tokens;
  const found: PhraseMatch<string>[] = m.findAll(documentKeys(doc), tokens, start, end);
  return found.map((x) => [text.slice(tokens[x.tokenStart].start, tokens[x.tokenEnd - 1].end), x.payloads.join('|'), x.prefixLen, x.exact]);
}

describe('PhraseMatcher', () => {
  const m = matcher({
    'الجيش': 'army',
    'الجيش الوطني': 'army-national',
    'الجيش الوطني الليبي': 'lna',
    'تنظيم الدولة': 'is',
    'حركة فتح': 'fatah',
    'قوات الدعم السريع': 'rsf',
    'سيطرة': 'control',
  });

  it('takes the longest phrase at a token', () => {
    expect(matches(m, 'تقدم الجيش الوطني الليبي نحو المدينة.')).toEqual([['الجيش الوطني الليبي', 'lna', 0, true]]);
    expect(matches(m, 'تقدم الجيش الوطني نحو المدينة.')).toEqual([['الجيش الوطني', 'army-national', 0, true]]);
    expect(matches(m, 'تقدم الجيش نحو المدينة.')).toEqual([['الجيش', 'army', 0, true]]);
  });

  it('falls back to a shorter phrase when a longer one breaks off', () => {
    expect(matches(m, 'قال الجيش الوطني السوداني إنه صد الهجوم.')).toEqual([['الجيش الوطني', 'army-national', 0, true]]);
  });

  it('matches the first word with its proclitics cut and tells how many letters were cut', () => {
    expect(matches(m, 'واشتبكت وحدات مع وبقوات الدعم السريع.')).toEqual([['وبقوات الدعم السريع', 'rsf', 2, false]]);
    // لل is ل and the article with its alef written away: the word itself starts after both (للجيش → جيش)
    expect(matches(m, 'وقال مصدر للجيش إن الوضع هادئ.')).toEqual([['للجيش', 'army', 2, false]]);
  });

  it('never cuts a proclitic off an inner word', () => {
    expect(matches(m, 'اجتمع قادة حركة وفتح الطريق.')).toEqual([]);
  });

  it('takes an inner word with a pronoun suffix cut', () => {
    const s = matcher({ 'أعلن سيطرة': 'claim' });
    expect(matches(s, 'أعلن سيطرته على البلدة.')).toEqual([['أعلن سيطرته', 'claim', 0, true]]);
  });

  it('reads through a name in quotation marks', () => {
    expect(matches(m, 'أعلنت حركة "فتح" موقفها.')).toEqual([['حركة "فتح"', 'fatah', 0, true]]);
    expect(matches(m, 'أعلنت حركة «فتح» موقفها.')).toEqual([['حركة «فتح»', 'fatah', 0, true]]);
  });

  it('finds every match left to right without overlaps, within the bounds it is given', () => {
    const text = 'هاجم تنظيم الدولة مواقع الجيش قبل سيطرة الجيش الوطني على البلدة.';
    expect(matches(m, text).map((r) => r[1])).toEqual(['is', 'army', 'control', 'army-national']);
    // a phrase may not run past the end bound: the sentence's end cuts الجيش الوطني to الجيش
    const doc = read(text);
    const at = doc.layers.tokens.findIndex((t) => t.norm === 'الوطني');
    expect(matches(m, text, 0, at).map((r) => r[1])).toEqual(['is', 'army', 'control', 'army']);
  });

  it('keeps one payload list per phrase, with each payload once', () => {
    const s = new PhraseMatcher<string>();
    expect(s.add('الجيش', 'a')).toBe(true);
    expect(s.add('جيش', 'a')).toBe(true); // the same bare key
    expect(s.add('الجيش', 'b')).toBe(true);
    expect(s.add('  ', 'c')).toBe(false);
    expect(matches(s, 'انتشر الجيش في الشوارع.')).toEqual([['الجيش', 'a|b', 0, true]]);
    expect(s.maxTokens).toBe(1);
  });
});

describe('TokenKeyMemo', () => {
  it('gives the keys tokenKeys gives, frozen, and the same ones for the same word', () => {
    const memo = new TokenKeyMemo(3);
    const doc = read('وبالمدينة سيطرته على الجيش 12 وبالمدينة');
    const tokens = doc.layers.tokens;
    for (const t of tokens) expect(memo.keysOf(t)).toEqual(tokenKeys(t));
    expect(memo.keysOf(tokens[5])).toBe(memo.keysOf(tokens[0]));
    expect(Object.isFrozen(memo.keysOf(tokens[0]))).toBe(true);
    expect(Object.isFrozen(memo.keysOf(tokens[0])[0])).toBe(true);
    // past its bound it starts afresh and still answers right
    expect(memo.keysOf(tokens[1])).toEqual(tokenKeys(tokens[1]));
  });
});

describe('PhraseMatcher gaps', () => {
  const m = matcher({ 'أطلق صواريخ': 'launch', 'أطلق النار على': 'fire-at' });
  /** Matches with the words from..to-1 of each [from, to] skippable once. */
  const gapped = (text: string, spans: Array<[number, number]>) => {
    const doc = read(text);
    const tokens = doc.layers.tokens;
    const gaps = new Int32Array(tokens.length);
    for (const [from, to] of spans) gaps[from] = to;
    return m.findAll(documentKeys(doc), tokens, 0, tokens.length, gaps).map((x) => [text.slice(tokens[x.tokenStart].start, tokens[x.tokenEnd - 1].end), x.payloads.join('|')]);
  };

  it('skips a marked span between the words of a phrase (a subject between verb and object)', () => {
    expect(gapped('أطلق حزب الله صواريخ على البلدة.', [[1, 3]])).toEqual([['أطلق حزب الله صواريخ', 'launch']]);
    expect(gapped('أطلق حزب الله صواريخ على البلدة.', [])).toEqual([]);
  });

  it('skips once, never before the first word, and only what is marked', () => {
    expect(gapped('أطلق مسلحون النار على الدورية.', [[1, 2]])).toEqual([['أطلق مسلحون النار على', 'fire-at']]);
    expect(gapped('أطلق مسلحون النار مجددا على الدورية.', [[1, 2], [3, 4]])).toEqual([]);
    expect(gapped('حزب الله أطلق صواريخ.', [[0, 2]])).toEqual([['أطلق صواريخ', 'launch']]);
    expect(gapped('أطلق حزب الله صواريخ.', [[1, 2]])).toEqual([]);
  });
});
