// Properties of the reading layer over arbitrary input: nothing throws, and every offset it hands out
// is a valid place in the original text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MarsadDocument, Span } from '../../doc/types.js';
import { fold, normalize } from './normalize.js';
import { read } from './test-helpers/read.js';

const char = (s: string) => fc.constantFrom(...Array.from(s));

// Characters that stress the normaliser and the tokeniser.
const tricky = fc.oneof(
  char('\u0000\u0001\u001f\u007f\t\n\r\u000b\u000c \u00a0\u2028\u2029\u0085\u3000'), // controls and spaces
  char('\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u00ad\u2060'), // invisible
  char('\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0610\u06d6\u08f0\u0301\u0308\u20d7\ufe0f\ufe20'), // marks
  char('ﺍﻟﻤﺪﻳﻨﺔﻻﻷﷲﷺﷻ﷽ﹰﹱﳞﳲ︙⒈⑴⑳ⓐﬁＡ１，'), // compatibility characters
  char('«»“”„‟‹›「」〝〞＂❝❞❮❯"\'‘’،؛؟۔٪٫٬…–—-.,;:!?()[]'), // punctuation and quotes
  char('٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789'), // digits of three kinds
  char('ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآؤئىةٱکیۀ'), // Arabic letters
  fc.constantFrom('\ud800', '\udfff', '\ud83d\ude00', '\ud83d', '\ude00'), // surrogates, paired and lone
);

// Arabic news-like text: number words, qualifiers, clitic-laden words, digits, punctuation, line breaks,
// with diacritics and tatweel scattered through it.
const words = [
  'قتل', 'أصيب', 'نحو', 'حوالي', 'قرابة', 'زهاء', 'أكثر', 'من', 'أزيد', 'ما', 'لا', 'يقل', 'عن', 'على', 'الأقل',
  'بين', 'و', 'إلى', 'أو', 'خمسة', 'وعشرون', 'عشرين', 'مئة', 'مئتان', 'وثلاثة', 'ثلاثة', 'آلاف', 'ألف', 'ألفان',
  'أحد', 'عشر', 'إحدى', 'عشرة', 'اثنا', 'عشرات', 'العشرات', 'مئات', 'الآلاف', 'مليون', 'وخمسة', 'بثلاثين',
  'لعشرات', 'وبالمدينة', 'للمدينة', 'والذي', 'سيطرتها', 'سيقوم', 'الأحد', 'شخصا', 'مدنيين', 'د.', 'الـ',
  '10', '١٥', '۲۰', '1,500', '١٬٥٠٠', '3.5', '٣٫٥', '-', '،', '.', '؟', '!', '«', '»', '\n', '\r\n', 'F-16', 'U.S.',
];
const decorated = fc.tuple(fc.constantFrom(...words), fc.array(char('\u064e\u064f\u0650\u0651\u0652\u064b\u0640\u200f'), { maxLength: 2 }))
  .map(([w, marks]) => (marks.length && w.length > 1 ? w[0] + marks.join('') + w.slice(1) : w));
const arabicNews = fc.array(fc.tuple(decorated, fc.constantFrom(' ', ' ', ' ', '', '\n', '  ')), { maxLength: 60 })
  .map((parts) => parts.map(([w, sp]) => w + sp).join(''));

const anyText = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 120 }), weight: 2 }, // any code point
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 120 }), weight: 2 }, // any UTF-16 unit, lone surrogates too
  { arbitrary: fc.string({ unit: tricky, maxLength: 120 }), weight: 3 },
  { arbitrary: arabicNews, weight: 4 },
);

// MARSAD_PROPERTY_RUNS deepens the search locally (e.g. 20000); the suite itself stays quick.
const RUNS = { numRuns: Number(process.env.MARSAD_PROPERTY_RUNS) || 400 };

function validSpan(text: string, s: Span, what: string) {
  if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length)) {
    throw new Error(`${what} [${s.start}, ${s.end}) is not within [0, ${text.length}]`);
  }
}

function checkDocument(doc: MarsadDocument) {
  const { text, layers } = doc;
  for (const t of layers.tokens) {
    validSpan(text, t, `token ${JSON.stringify(t.norm)}`);
    expect(t.end).toBeGreaterThan(t.start);
    // the original characters of a token normalise back to the token
    expect(normalize(text.slice(t.start, t.end)).text).toBe(t.norm);
  }
  for (let k = 1; k < layers.tokens.length; k++) expect(layers.tokens[k].start).toBeGreaterThanOrEqual(layers.tokens[k - 1].start);
  for (const s of layers.sentences) {
    validSpan(text, s, 'sentence');
    expect(0 <= s.tokenStart && s.tokenStart < s.tokenEnd && s.tokenEnd <= layers.tokens.length).toBe(true);
  }
  for (const g of layers.segments) {
    validSpan(text, g, `segment ${g.role} ${g.norm}`);
    const tok = layers.tokens[g.token];
    expect(g.start >= tok.start && g.end <= tok.end).toBe(true);
  }
  for (const n of layers.numbers) {
    validSpan(text, n, 'number');
    validSpan(text, n.valueSpan, 'number value');
    expect(n.valueSpan.start >= n.start && n.valueSpan.end <= n.end).toBe(true);
    expect(Number.isFinite(n.value) && Number.isFinite(n.high) && n.high >= n.value).toBe(true);
    expect(0 <= n.tokenStart && n.tokenStart < n.tokenEnd && n.tokenEnd <= layers.tokens.length).toBe(true);
  }
}

describe('offsets over arbitrary input', () => {
  it('normalize never throws and its offset map is monotone and within the original', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalize(text);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        expect(n.originalLength).toBe(text.length);
        for (let k = 0; k < n.text.length; k++) {
          expect(0 <= n.starts[k] && n.starts[k] < n.ends[k] && n.ends[k] <= text.length).toBe(true);
          if (k > 0) expect(n.starts[k] >= n.starts[k - 1] && n.ends[k] >= n.ends[k - 1]).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('every token, sentence, segment and number is a valid span of the original', () => {
    fc.assert(fc.property(anyText, (text) => checkDocument(read(text))), RUNS);
  });

  it('fold is idempotent, so a lexicon key and a text key meet', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = fold(text);
        expect(fold(once)).toBe(once);
      }),
      RUNS,
    );
  });
});

describe('offsets over known hard cases', () => {
  it.each([
    ['a ligature that expands to a phrase', 'صلى النبي ﷺ على 3'],
    ['a spacing mark form between letters', 'بﹰ5ﹰ'],
    ['marks before any letter', '\u064e\u0651قتل'],
    ['a mark after an invisible character', 'ب\u200f\u064eت'],
    ['a mark after a surrogate pair', '😀\u0301x'],
    ['lone surrogates around digits', '\udc00١٥\ud800'],
    ['NUL inside a number phrase', 'نحو\u0000 20'],
    ['CR alone and CR LF', 'قتل\r5\r\nأشخاص'],
    ['a range glued with a dash at the end of the text', 'بين 10 و'],
    ['a qualifier at the end of the text', '20 شخصا على'],
    ['a proclitic alone', 'و'],
  ])('%s', (_name, text) => {
    checkDocument(read(text));
  });
});
