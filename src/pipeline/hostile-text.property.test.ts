// The whole extractor, and the page reader in front of it, over hostile text: real news sentences with
// bidi controls, NUL, lone surrogates, joiners, BOMs and tatweel thrown in at random places; pages of
// random markup around them; and random bytes through the decoder. Nothing throws but a MarsadError,
// and every span handed out is a slice of the text it points into.
// (src/extract/output-schema.test.ts checks schema validity over arbitrary text; src/lang/ar/
// offsets.property.test.ts the reading layer; this file the hostile characters inside real reports.)
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import type { MarsadDocument, Span } from '../doc/types.js';
import { decode } from '../ingest/decode.js';
import { htmlToArticle } from '../ingest/html.js';
import { createExtractor } from './index.js';
import type { Extractor } from './types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const RUNS = Number(process.env.MARSAD_PROPERTY_RUNS) || 0;
const runs = (n: number) => ({ numRuns: RUNS || n });

const HOSTILE = [
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c', // bidi
  '\u0000', '\u0001', '\u001b', '\u007f', '\ufeff', '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', // NUL, controls, invisible
  '\ud800', '\udfff', '\ud83d\ude00', '\u0640', '\u0651', '\u064b', '\ufffd', '\u2028', '\r', // surrogates, marks, separators
];

const REPORTS = [
  'قصفت الطائرات الحربية مدينة حلب أمس ما أسفر عن مقتل 5 أشخاص وإصابة 12 آخرين.',
  'اندلعت اشتباكات عنيفة بين الجيش وتنظيم داعش في ريف إدلب الجنوبي فجر اليوم، وقتل فيها ثلاثة مسلحين.',
  'انفجرت عبوة ناسفة بدورية للشرطة في مدينة الموصل الخميس الماضي دون وقوع إصابات.',
  'اعتقلت قوات الأمن ١٢ متظاهرا في وسط صنعاء يوم ١١ أيلول/سبتمبر ٢٠١٦.',
  'أعلنت قوات الدعم السريع سيطرتها على بلدة قرب الفاشر بعد معارك استمرت يومين.',
  'وتظاهر المئات في مدينة تعز احتجاجا على انقطاع الكهرباء.',
];

/** A report with hostile characters spliced in at random UTF-16 positions (pairs may be split: on purpose). */
const spliced = fc
  .tuple(
    fc.array(fc.constantFrom(...REPORTS), { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE), fc.integer({ min: 1, max: 3 })), { maxLength: 12 }),
  )
  .map(([parts, cuts]) => {
    let text = parts.join(' ');
    for (const [at, ch, times] of cuts) {
      const k = at % (text.length + 1);
      text = text.slice(0, k) + ch.repeat(times) + text.slice(k);
    }
    return text;
  });

function validSpan(text: string, s: Span, what: string) {
  const ok = Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
  if (!ok) throw new Error(`${what} [${s.start}, ${s.end}) is outside [0, ${text.length}]`);
}

function expectValidDocument(doc: MarsadDocument) {
  const { text } = doc;
  for (const e of doc.events) {
    validSpan(text, e.sentence, `event ${e.id} sentence`);
    for (const ev of e.evidence) {
      validSpan(text, ev, `evidence ${ev.field}`);
      expect(ev.text).toBe(text.slice(ev.start, ev.end));
    }
  }
  for (const [name, layer] of Object.entries(doc.layers) as [string, Span[]][]) {
    for (const s of layer) validSpan(text, s, `layer ${name}`);
  }
}

describe('the extractor over real reports with hostile characters spliced in', () => {
  it('never throws; every evidence span is the slice of the text it quotes', () => {
    let events = 0;
    fc.assert(
      fc.property(spliced, fc.constantFrom(null, '2016-09-12'), (text, publishedAt) => {
        const doc = extract({ id: 'hostile', text, publishedAt });
        events += doc.events.length;
        expectValidDocument(doc);
      }),
      runs(150),
    );
    // the splices left most reports readable, so evidence was there to check
    expect(events).toBeGreaterThan(50);
  });

  it('reads through bidi marks and joiners between words as if they were not there', () => {
    // A mark between words (not inside one) must not hide an event: the controls are invisible to a reader.
    for (const mark of ['\u200f', '\u200e', '\u061c', '\u2067', '\u200b', '\ufeff']) {
      const clean = REPORTS[0];
      const marked = clean.split(' ').join(` ${mark}`);
      const a = extract({ id: 'a', text: clean, publishedAt: '2016-09-12' });
      const b = extract({ id: 'b', text: marked, publishedAt: '2016-09-12' });
      expectValidDocument(b);
      expect(b.events.map((e) => [e.eventType, e.subEventType, e.location?.name, e.fatalities, e.injured]), JSON.stringify(mark))
        .toEqual(a.events.map((e) => [e.eventType, e.subEventType, e.location?.name, e.fatalities, e.injured]));
    }
  });
});

describe('pages of random markup around hostile text, through the page reader and the extractor', () => {
  const piece = fc.oneof(
    { arbitrary: spliced, weight: 3 },
    { arbitrary: fc.constantFrom('<p>', '</p>', '<div dir="rtl">', '</div>', '<bdo dir="ltr">', '</bdo>', '<br>', '<script>alert(1)</script>', '<!--', '-->', '&#0;', '&#xD800;', '&rlm;', '&#x202E;', '<title>', '</title>', '<', '>', '&'), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  );
  it('never throws; the text it gives is read with valid spans', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const page = `<html lang="ar"><body><article>${parts.join('')}</article></body></html>`;
        const a = htmlToArticle(page, { url: 'https://news.example/2024/03/02/x' });
        expect(typeof a.text).toBe('string');
        expectValidDocument(extract({ id: 'page', text: a.text, publishedAt: a.publishedAt }));
      }),
      runs(60),
    );
  });
});

describe('the decoder over arbitrary bytes', () => {
  it('gives text or a DECODE_FAILED error, never anything else, whatever charset is declared', () => {
    const charset = fc.constantFrom(null, 'utf-8', 'windows-1256', 'iso-8859-6', 'utf-16', 'utf-16be', 'x-unknown', '', 'UTF8', 'cp1256\u0000');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      // Arabic UTF-8 with bytes flipped, BOMs, a meta declaration
      fc.tuple(fc.constantFrom('\ufeff', '', '<meta charset="windows-1256">', '<meta charset="utf-16">'), spliced, fc.array(fc.nat(), { maxLength: 4 }))
        .map(([head, text, flips]) => {
          const b = new TextEncoder().encode(head + text);
          for (const f of flips) if (b.length) b[f % b.length] ^= 0xff;
          return b;
        }),
    );
    fc.assert(
      fc.property(bytes, charset, (b, httpCharset) => {
        try {
          const d = decode(b, { httpCharset });
          expect(typeof d.text).toBe('string');
        } catch (err) {
          expect(err).toBeInstanceOf(MarsadError);
          expect((err as MarsadError).code).toBe('DECODE_FAILED');
        }
      }),
      runs(300),
    );
  });
});
