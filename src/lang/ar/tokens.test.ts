import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { tokenize } from './tokens.js';

const tok = (text: string) => tokenize(normalize(text));
const norms = (text: string) => tok(text).map((t) => t.norm);
const kinds = (text: string) => tok(text).map((t) => `${t.kind}:${t.norm}`);

describe('tokenize', () => {
  it.each([
    ['words and punctuation', 'قتل 5 أشخاص، وأصيب آخرون.', ['قتل', '5', 'اشخاص', ',', 'واصيب', 'اخرون', '.']],
    ['a proclitic glued to digits splits at the change of script', 'و105 قتلى', ['و', '105', 'قتلي']],
    ['digits glued to a word', '11أيلول', ['11', 'ايلول']],
    ['a decimal point inside a number', 'بلغت 3.5 مليون', ['بلغت', '3.5', 'مليون']],
    ['Eastern digits with separators', 'نزح ١٬٥٠٠ و٣٫٥', ['نزح', '1,500', 'و', '3.5']],
    ['a comma is a thousands separator only before three digits', 'الجرحى 5،6 و1,500', ['الجرحي', '5', ',', '6', 'و', '1,500']],
    ['a full stop after a number ends it', 'عام 2024.', ['عام', '2024', '.']],
    ['thousands in dots', '1.000.000', ['1.000.000']],
    ['a dash between numbers is its own token', '10-15', ['10', '-', '15']],
    ['Latin words and digits', 'F-16 CNN', ['f', '-', '16', 'cnn']],
    ['quotation marks of every kind become one token each', '«داعش» "القاعدة"', ['"', 'داعش', '"', '"', 'القاعده', '"']],
    ['the article with tatweel before digits', 'الـ20', ['ال', '20']],
    ['diacritics stay inside the word', 'قُتِلَ جُنْدِيٌّ', ['قتل', 'جندي']],
    ['an emoji is one token', 'غزة😀', ['غزه', '😀']],
    ['a lone surrogate is one token', 'a\ud800b', ['a', '\ufffd', 'b']],
    ['empty text', '', []],
    ['only spaces and invisible characters', ' \u200f\n\t ', []],
  ])('%s', (_name, text, expected) => {
    expect(norms(text)).toEqual(expected);
  });

  it('tells the kinds apart', () => {
    expect(kinds('قتل 5 من CNN؛ ﷺ')).toEqual(['arabic:قتل', 'number:5', 'arabic:من', 'latin:cnn', 'punct:;', 'other:ﷺ']);
  });

  it('maps each token to its original characters, marks and tatweel included', () => {
    const text = 'قُتِلَ ١٥ شـخصاً في «غزّة».';
    const toks = tok(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['قُتِلَ', '١٥', 'شـخصاً', 'في', '«', 'غزّة', '»', '.']);
  });

  it('records whether a token is glued to the one before it', () => {
    const toks = tok('قال: و15 قتيلا');
    expect(toks.map((t) => [t.norm, t.glued])).toEqual([
      ['قال', false],
      [':', true],
      ['و', false],
      ['15', true],
      ['قتيلا', false],
    ]);
  });

  it('gives each token its range in the normalised text', () => {
    const n = normalize('قُتِلَ ١٥');
    for (const t of tokenize(n)) expect(n.text.slice(t.nstart, t.nend)).toBe(t.norm);
  });
});
