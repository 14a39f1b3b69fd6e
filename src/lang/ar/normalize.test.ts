import { describe, expect, it } from 'vitest';
import { fold, normalize, toOriginal } from './normalize.js';

describe('normalize folds what writers vary freely', () => {
  it.each([
    // diacritics and tatweel
    ['harakat, tanwin, shadda, sukun', 'قُتِلَ شَخْصٌ وَأُصِيبَ مُحَمَّدٌ', 'قتل شخص واصيب محمد'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['Quranic marks', 'قلۚ إنۖ', 'قل ان'],
    ['tatweel', 'الـقـدس الشـريـف', 'القدس الشريف'],
    ['decomposed Latin accents', 'Beyrouthe\u0301', 'beyrouthe'],
    // letters
    ['alef forms', 'أحمد إبراهيم آمال ٱلله', 'احمد ابراهيم امال الله'],
    ['hamza seats on waw and yeh', 'مؤسسة هيئة رئيس', 'موسسه هييه رييس'],
    ['standalone hamza stays', 'سماء', 'سماء'],
    ['alef maqsura', 'مستشفى على', 'مستشفي علي'],
    ['ta marbuta', 'مدينة غزة', 'مدينه غزه'],
    ['Persian and Urdu letters', 'کابل یک ۀ ۃ', 'كابل يك ه ه'],
    // digits
    ['Eastern Arabic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Arabic thousands and decimal separators', '١٬٥٠٠ و٣٫٥', '1,500 و3.5'],
    // punctuation
    ['Arabic comma, semicolon, question mark, full stop, percent', 'قال، ثم؛ لماذا؟ انتهى۔ ٥٠٪', 'قال, ثم; لماذا? انتهي. 50%'],
    ['reversed comma, semicolon, question mark; star; date separator', '⹁ ⁏ ⸮ ٭ ؍', ', ; ? * ,'],
    ['ornate parentheses', '﴿نص﴾', '(نص)'],
    ['dashes', 'غزة–رفح — 10‒15', 'غزه-رفح - 10-15'],
    ['ellipsis keeps one unit', 'ثم…', 'ثم.'],
    // quotation marks
    ['double quotation marks of every kind', '"“”«»„‟‹›「」『』〝〞〟＂❝❞❮❯″', '"'.repeat(22)],
    ['single quotation marks', '‘’‚‛❛❜', "''''''"],
    // invisible characters
    ['zero-width non-joiner and joiner', 'ال\u200cقدس\u200d', 'القدس'],
    ['bidi embeddings, overrides and isolates', '\u202bنص\u202c \u202eعكس\u202c \u2067عزل\u2069', 'نص عكس عزل'],
    ['bidi marks and the Arabic letter mark', '\u200fنص\u200e\u061c', 'نص'],
    ['BOM, word joiner, soft hyphen', '\ufeffنص\u2060كلمة\u00ad', 'نصكلمه'],
    // compatibility characters (NFKC)
    ['Arabic presentation forms B', 'ﺍﻟﻤﺪﻳﻨﺔ', 'المدينه'],
    ['lam-alef ligatures', 'ﻻ ﻷن', 'لا لان'],
    ['the ligature of the name of God', 'ﷲ', 'الله'],
    ['presentation forms A', 'ﭼﺎﭖ', 'چاپ'],
    ['a spacing mark form is a mark, not a space', 'بﹰ ﹰ', 'ب '],
    ['a phrase ligature stays one symbol', 'محمد ﷺ', 'محمد ﷺ'],
    ['a circled number that would be two tokens stays one symbol', '⒈ ⑴', '⒈ ⑴'],
    ['a circled number that reads as digits', '⑳', '20'],
    ['a vertical ellipsis', 'ثم︙', 'ثم.'],
    ['fullwidth Latin and digits', 'ＡＢＣ１２', 'abc12'],
    // spaces, case, controls
    ['spaces of every width', 'a\u00a0b\u2003c\td\u3000e', 'a b c d e'],
    ['line breaks', 'a\r\nb\rc\u2029d\u2028e\u0085f', 'a\nb\nc\nd\ne\nf'],
    ['Latin capitals, accented too', 'ÉCOLE Gaza ŞAM', 'école gaza şam'],
    ['NUL becomes a space', 'a\u0000b', 'a b'],
    ['a lone surrogate becomes U+FFFD', 'a\ud800b\udc00', 'a\ufffdb\ufffd'],
    ['a surrogate pair stays', 'نص😀', 'نص😀'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });
});

describe('the offset map', () => {
  it('folds marks into the letter before them', () => {
    const n = normalize('مُحَمَّدٌ');
    expect(n.text).toBe('محمد');
    expect([...n.starts]).toEqual([0, 2, 4, 7]);
    expect([...n.ends]).toEqual([2, 4, 7, 9]);
    expect(toOriginal(n, 0, 4)).toEqual({ start: 0, end: 9 });
  });

  it('maps every unit of an expansion to its one original character', () => {
    const n = normalize('ﻻ بد');
    expect(n.text).toBe('لا بد');
    expect([...n.starts]).toEqual([0, 0, 1, 2, 3]);
    expect([...n.ends]).toEqual([1, 1, 2, 3, 4]);
  });

  it('maps CR LF to one unit covering both', () => {
    const n = normalize('a\r\nb');
    expect(n.text).toBe('a\nb');
    expect(toOriginal(n, 1, 2)).toEqual({ start: 1, end: 3 });
  });

  it('skips invisible characters without a trace', () => {
    const text = 'غزة\u200f \u202bرفح\u202c';
    const n = normalize(text);
    expect(n.text).toBe('غزه رفح');
    const rafah = toOriginal(n, 4, 7);
    expect(text.slice(rafah.start, rafah.end)).toBe('رفح');
  });

  it('lands a match in the normalised text on the original characters', () => {
    const text = 'قُتِلَ ١٥ شـخصاً في «غزّة»';
    const n = normalize(text);
    const at = n.text.indexOf('غزه');
    const sp = toOriginal(n, at, at + 3);
    expect(text.slice(sp.start, sp.end)).toBe('غزّة');
    const d = n.text.indexOf('15');
    const ds = toOriginal(n, d, d + 2);
    expect(text.slice(ds.start, ds.end)).toBe('١٥');
  });

  it('maps an empty span to a point, and clamps out-of-range spans', () => {
    const n = normalize('ab');
    expect(toOriginal(n, 1, 1)).toEqual({ start: 1, end: 1 });
    expect(toOriginal(n, 2, 2)).toEqual({ start: 2, end: 2 });
    expect(toOriginal(n, -5, 99)).toEqual({ start: 0, end: 2 });
    expect(toOriginal(normalize(''), 0, 0)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the length of the original', () => {
    expect(normalize('\u200f\u200f').originalLength).toBe(2);
    expect(normalize('\u200f\u200f').text).toBe('');
  });
});

describe('fold', () => {
  it('normalises a lexicon string and collapses its spaces', () => {
    expect(fold('  أكثرُ\n\nمِن  ')).toBe('اكثر من');
    expect(fold('قرابة الـ')).toBe('قرابه ال');
  });

  it('gives the same key to every spelling of a word', () => {
    const spellings = ['الْمَدِينَة', 'المدينه', 'ﺍﻟﻤﺪﻳﻨﺔ', 'المـديـنة', 'ال\u200cمدينة'];
    expect(new Set(spellings.map(fold))).toEqual(new Set(['المدينه']));
  });
});
