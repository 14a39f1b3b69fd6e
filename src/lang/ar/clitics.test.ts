import { describe, expect, it } from 'vitest';
import { analyzeWord, lookupForms } from './clitics.js';
import { fold } from './normalize.js';
import { read } from './test-helpers/read.js';

/** Segments of a text as role:original-text, through the clitic stage with the shipped word list. */
function segments(text: string): string[] {
  const doc = read(text);
  return doc.layers.segments.map((s) => `${s.role}:${text.slice(s.start, s.end)}`);
}

const knownOf = (...words: string[]) => {
  const set = new Set(words.map(fold));
  return (w: string) => set.has(w);
};

describe('clitic segments', () => {
  it.each([
    // proclitics and the article
    ['وبالمدينة', ['proclitic:و', 'proclitic:ب', 'article:ال', 'stem:مدينة']],
    ['والمدينة', ['proclitic:و', 'article:ال', 'stem:مدينة']],
    ['بالقرب', ['proclitic:ب', 'article:ال', 'stem:قرب']],
    ['فالقوات', ['proclitic:ف', 'article:ال', 'stem:قوات']],
    ['كالعادة', ['proclitic:ك', 'article:ال', 'stem:عادة']],
    ['وكالمعتاد', ['proclitic:و', 'proclitic:ك', 'article:ال', 'stem:معتاد']],
    ['فبالأمس', ['proclitic:ف', 'proclitic:ب', 'article:ال', 'stem:أمس']],
    ['المدينة', ['article:ال', 'stem:مدينة']],
    // لل = ل + ال, its alef written away
    ['للمدينة', ['proclitic:ل', 'article:ل', 'stem:مدينة']],
    ['وللمدينة', ['proclitic:و', 'proclitic:ل', 'article:ل', 'stem:مدينة']],
    // a known rest is taken whole, before any article is looked for in it
    ['للبنان', ['proclitic:ل', 'stem:لبنان']],
    ['ولليبيا', ['proclitic:و', 'proclitic:ل', 'stem:ليبيا']],
    ['والذي', ['proclitic:و', 'stem:الذي']],
    ['وآلاف', ['proclitic:و', 'stem:آلاف']],
    ['وفي', ['proclitic:و', 'stem:في']],
    ['وبلدة', ['proclitic:و', 'stem:بلدة']],
    ['وخمسة', ['proclitic:و', 'stem:خمسة']],
    // the future prefix, before an imperfect verb only
    ['سيقوم', ['proclitic:س', 'stem:يقوم']],
    ['وسيقوم', ['proclitic:و', 'proclitic:س', 'stem:يقوم']],
    // enclitic pronouns, where the stem is known (ta marbuta written open before them)
    ['سيطرتها', ['stem:سيطرت', 'enclitic:ها']],
    ['وسيطرتها', ['proclitic:و', 'stem:سيطرت', 'enclitic:ها']],
    ['بينهم', ['stem:بين', 'enclitic:هم']],
    ['لكنه', ['stem:لكن', 'enclitic:ه']],
    ['وفيه', ['proclitic:و', 'stem:في', 'enclitic:ه']],
    // diacritics stay with their letters
    ['وَبِالْمَدِينَةِ', ['proclitic:وَ', 'proclitic:بِ', 'article:الْ', 'stem:مَدِينَةِ']],
    ['وَسَيْطَرَتُهَا', ['proclitic:وَ', 'stem:سَيْطَرَتُ', 'enclitic:هَا']],
    // words kept whole: known, too short, or a verb that looks like the article
    ['وزير', []],
    ['وزارة', []],
    ['وليد', []],
    ['بلدة', []],
    ['الذي', []],
    ['ألقت', []],
    ['ألمانيا', []],
    ['فلسطينيون', []],
    // a known word with an inflectional ending is not proclitic + rest
    ['سيطرت', []],
    ['وسيطروا', ['proclitic:و', 'stem:سيطروا']],
    ['وزيرة', []],
    ['لبنانيون', []],
    ['سيارة', []],
    ['بعث', []],
  ])('%s', (word, expected) => {
    expect(segments(word)).toEqual(expected);
  });

  it('segments every word of a sentence, each on its own token', () => {
    const text = 'وأضاف مسؤول للوكالة إن القوات سيطرت بالكامل';
    const doc = read(text);
    const byToken = new Map<number, string[]>();
    for (const s of doc.layers.segments) byToken.set(s.token, [...(byToken.get(s.token) ?? []), text.slice(s.start, s.end)]);
    expect([...byToken.entries()].map(([t, segs]) => [doc.layers.tokens[t].norm, segs.join('+')])).toEqual([
      ['واضاف', 'و+أضاف'],
      ['للوكاله', 'ل+ل+وكالة'],
      ['القوات', 'ال+قوات'],
      ['بالكامل', 'ب+ال+كامل'],
    ]);
  });

  it('covers its token exactly, segment after segment', () => {
    const text = 'وَبِالْمَدِينَةِ وسيطرتها';
    const doc = read(text);
    for (const [i, tok] of doc.layers.tokens.entries()) {
      const segs = doc.layers.segments.filter((s) => s.token === i);
      expect(segs[0].start).toBe(tok.start);
      expect(segs[segs.length - 1].end).toBe(tok.end);
      for (let k = 1; k < segs.length; k++) expect(segs[k].start).toBe(segs[k - 1].end);
    }
  });
});

describe('analyzeWord', () => {
  it('splits a pronoun only off a known stem', () => {
    expect(analyzeWord('استهدفته', knownOf())).toEqual({ prefixes: [], article: null, stem: 'استهدفته', suffix: null });
    expect(analyzeWord('استهدفته', knownOf('استهدفت'))).toEqual({ prefixes: [], article: null, stem: 'استهدفت', suffix: 'ه' });
    expect(analyzeWord('ومدينتها', knownOf('مدينة'))).toEqual({ prefixes: ['و'], article: null, stem: 'مدينه', suffix: 'ها' });
  });

  it('does not read a folded ta marbuta or alef maqsura as a pronoun', () => {
    // مدرسة folds to مدرسه; with مدرس known it would look like مدرس + ه
    const known = knownOf('مدرس');
    expect(analyzeWord('مدرسه', known).suffix).toBe('ه');
    expect(analyzeWord('مدرسه', known, { lastLetterFolded: true }).suffix).toBeNull();
    const doc = read('مدرسة');
    expect(doc.layers.segments).toEqual([]);
  });

  it('prefers a known stem to a longer unknown one, whatever the order of the chains', () => {
    // وب + لده is long enough, but و + بلدة is known
    expect(analyzeWord('وبلده', knownOf('بلدة')).prefixes).toEqual(['و']);
  });

  it('keeps a proclitic only when the rest is long enough: 4 letters after one, 3 after two', () => {
    const none = knownOf();
    expect(analyzeWord('وحدث', none).prefixes).toEqual([]);
    expect(analyzeWord('ومخيم', none).prefixes).toEqual(['و']);
    expect(analyzeWord('وبعث', none).prefixes).toEqual([]);
    expect(analyzeWord('وبمخيم', none).prefixes).toEqual(['و', 'ب']);
  });

  it('reads س as the future prefix only before an imperfect verb', () => {
    const none = knownOf();
    expect(analyzeWord('سيطلق', none).prefixes).toEqual(['س']);
    expect(analyzeWord('سلطات', none).prefixes).toEqual([]);
  });

  it('leaves short words alone', () => {
    expect(analyzeWord('وب', knownOf())).toEqual({ prefixes: [], article: null, stem: 'وب', suffix: null });
  });
});

describe('lookupForms', () => {
  it('offers the word as written first, then without its clitics', () => {
    const known = knownOf('مدينة');
    expect(lookupForms('وبالمدينه', known)).toEqual(['وبالمدينه', 'المدينه', 'مدينه']);
    expect(lookupForms('ومدينتها', known)).toEqual(['ومدينتها', 'مدينه', 'مدينتها']);
  });
});
