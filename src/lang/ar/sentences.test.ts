import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';
import { arabicData } from './test-helpers/read.js';

function sentences(text: string): string[] {
  const norm = normalize(text);
  const tokens = tokenize(norm);
  return splitSentences(norm, tokens, { abbreviations: arabicData().abbreviations }).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it.each([
    ['full stops', 'قتل 5 أشخاص في غارة. وأصيب 10 آخرون.', ['قتل 5 أشخاص في غارة.', 'وأصيب 10 آخرون.']],
    ['the Arabic question mark and the exclamation mark', 'هل انتهت الحرب؟ لا! القتال مستمر', ['هل انتهت الحرب؟', 'لا!', 'القتال مستمر']],
    ['the Urdu-style Arabic full stop', 'انتهى الاجتماع۔ ثم بدأ القصف', ['انتهى الاجتماع۔', 'ثم بدأ القصف']],
    ['a decimal point is not a stop', 'ارتفعت الأسعار 3.5 في المئة. ثم تراجعت', ['ارتفعت الأسعار 3.5 في المئة.', 'ثم تراجعت']],
    ['an Eastern decimal point is not a stop', 'بلغ التضخم ٣٫٥ بالمئة. وقال الوزير', ['بلغ التضخم ٣٫٥ بالمئة.', 'وقال الوزير']],
    ['a one-letter Arabic abbreviation', 'قال د. محمد إن القصف استمر.', ['قال د. محمد إن القصف استمر.']],
    ['an agency abbreviated letter by letter', 'أفادت (أ. ف. ب) بمقتل 3 أشخاص. وأضافت', ['أفادت (أ. ف. ب) بمقتل 3 أشخاص.', 'وأضافت']],
    ['a listed abbreviation', 'ولد عام 1400 هـ. في مكة', ['ولد عام 1400 هـ. في مكة']],
    ['Latin initials', 'قالت قوات U.S. Army إن الهجوم فشل. ثم', ['قالت قوات U.S. Army إن الهجوم فشل.', 'ثم']],
    ['a line break', 'عنوان الخبر\nقتل 5 أشخاص', ['عنوان الخبر', 'قتل 5 أشخاص']],
    ['paragraphs with CR LF', 'الفقرة الأولى\r\n\r\nالفقرة الثانية', ['الفقرة الأولى', 'الفقرة الثانية']],
    ['a paragraph separator', 'الأولى\u2029الثانية', ['الأولى', 'الثانية']],
    ['a closing quote stays with its sentence', 'قال: «انتهى الأمر.» ثم غادر.', ['قال: «انتهى الأمر.»', 'ثم غادر.']],
    ['a closing bracket stays too', 'قتل 3 (بينهم طفل.) ثم', ['قتل 3 (بينهم طفل.)', 'ثم']],
    ['a run of stops ends one sentence', 'انتظروا... ثم هاجموا؟! وانسحبوا', ['انتظروا...', 'ثم هاجموا؟!', 'وانسحبوا']],
    ['an ellipsis character', 'انتظروا… ثم هاجموا', ['انتظروا…', 'ثم هاجموا']],
    ['a stop glued to the next word is not an end', 'في ليبيا..”داعش” يتمدد', ['في ليبيا..”داعش” يتمدد']],
    ['a web address', 'نقلت aljazeera.net الخبر', ['نقلت aljazeera.net الخبر']],
    ['no final stop', 'قتل 5 أشخاص', ['قتل 5 أشخاص']],
    ['leading and trailing space is outside every sentence', '  قتل 5.  \n', ['قتل 5.']],
    ['empty text', '', []],
    ['only spaces', ' \n \u200f ', []],
  ])('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('partitions the tokens: each sentence starts where the previous one ended', () => {
    const text = 'قتل 5. وأصيب 10؟\nونزح المئات! ثم';
    const norm = normalize(text);
    const tokens = tokenize(norm);
    const ss = splitSentences(norm, tokens);
    expect(ss[0].tokenStart).toBe(0);
    for (let k = 1; k < ss.length; k++) expect(ss[k].tokenStart).toBe(ss[k - 1].tokenEnd);
    expect(ss[ss.length - 1].tokenEnd).toBe(tokens.length);
    for (const s of ss) {
      expect(s.start).toBe(tokens[s.tokenStart].start);
      expect(s.end).toBe(tokens[s.tokenEnd - 1].end);
    }
  });

  it('takes abbreviations from its options (none given: only one-letter words)', () => {
    const text = 'قال مج. ثم';
    const norm = normalize(text);
    const tokens = tokenize(norm);
    expect(splitSentences(norm, tokens).length).toBe(2);
    expect(splitSentences(norm, tokens, { abbreviations: new Set(['مج']) }).length).toBe(1);
  });
});

// Samples written for these tests: a column cut at about 60 characters (print or e-mail copy).
const COLUMN = [
  'اندلعت مساء أمس اشتباكات عنيفة بين مسلحين من عشيرتين في',
  'البلدة الواقعة شرق المحافظة، واستخدمت فيها الأسلحة الرشاشة',
  'والقذائف الصاروخية، ما أدى إلى مقتل ثلاثة أشخاص وإصابة',
  'خمسة آخرين بجروح متفاوتة، بحسب مصدر طبي في المستشفى.',
  'وقالت مصادر محلية إن وجهاء المنطقة تدخلوا لوقف القتال بعد',
  'ساعات من المواجهات، وإن الهدوء عاد إلى الأحياء صباح اليوم.',
];

describe('splitSentences in hard-wrapped text', () => {
  it('reads the line breaks of a wrapped column as spaces', () => {
    expect(sentences(COLUMN.join('\n'))).toEqual([COLUMN.slice(0, 4).join('\n'), COLUMN.slice(4).join('\n')]);
  });
  it('ends a sentence after a line much shorter than the column (a dateline)', () => {
    expect(sentences(['الأربعاء، 29 تموز', ...COLUMN].join('\n'))).toEqual(['الأربعاء، 29 تموز', COLUMN.slice(0, 4).join('\n'), COLUMN.slice(4).join('\n')]);
  });
  it('keeps a blank line as a paragraph break inside wrapped text', () => {
    const text = [...COLUMN, '', ...COLUMN].join('\n');
    expect(sentences(text)).toEqual([COLUMN.slice(0, 4).join('\n'), COLUMN.slice(4).join('\n'), COLUMN.slice(0, 4).join('\n'), COLUMN.slice(4).join('\n')]);
  });
  it('does not take short lines of page chrome for a column', () => {
    expect(sentences('الرئيسية\nأخبار\nسوريا\nمقالات\nفيديو\nقتل 5')).toEqual(['الرئيسية', 'أخبار', 'سوريا', 'مقالات', 'فيديو', 'قتل 5']);
  });
  it('does not join the long single-line paragraphs of a web page', () => {
    const para = 'قال مصدر أمني إن مسلحين مجهولين هاجموا نقطة تفتيش على الطريق الدولي مساء أمس ثم انسحبوا باتجاه الصحراء بعد اشتباك قصير';
    expect(sentences([para, para, para, para, para].join('\n'))).toHaveLength(5);
  });
});
