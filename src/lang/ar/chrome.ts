// Page chrome in a plain-text news page: the lines a site wraps around an article — breadcrumbs, the
// title printed again, image captions, "read also" links, share and follow lines, tag lists, bylines.
//
// A pure function over the text: it returns spans and changes nothing, so every offset the extractor
// reports still points into the text that was read. Each rule is conservative — it looks at whole
// lines, wants a marker at the very start or a short line near the title, and never marks a line
// that reads like a paragraph (12 words or more, or ending in a full stop) unless it starts with an
// unambiguous marker. Missing some chrome costs little; marking a news sentence loses an event.

import { isWhiteSpace } from './chars.js';
import { firstUnitFrom, fold, foldRange, type NormalizedText } from './normalize.js';

export type ChromeKind = 'breadcrumb' | 'title-repeat' | 'caption' | 'read-also' | 'share' | 'tags' | 'byline';

export interface ChromeSpan {
  /** [start, end) in the original text: the line without its surrounding whitespace. */
  start: number;
  end: number;
  kind: ChromeKind;
}

export interface ChromeOptions {
  /** The article's title, when known from the page's metadata. */
  title?: string | null;
  /**
   * normalize(text), when the caller has it already (a document does): each line is then folded
   * from its part of it instead of being normalised again.
   */
  norm?: NormalizedText;
}

interface Line {
  start: number;
  end: number;
  /**
   * The folded line (as the Arabic layer matches): alef and hamza seats, ta marbuta, marks folded.
   * Left empty for a line of more than MARKER_MAX_WORDS words that does not open like a breadcrumb:
   * no rule reads more of such a line than its word count (it is a paragraph).
   */
  key: string;
  words: number;
  kind: ChromeKind | null;
}

// A caption or a heading is short; a paragraph is longer. 12 words: the brief's bound for captions,
// and a typical Arabic news sentence runs 20 to 40.
const SHORT_WORDS = 12;
// A marker line ("read also: …") may carry a headline after the marker, but not a whole article.
const MARKER_MAX_WORDS = 40;

// All patterns run on folded text: أ إ آ → ا, ة → ه, ى ئ → ي, diacritics and tatweel dropped,
// Latin lower-cased, « » “ ” → ", Arabic comma → ",".
const READ_ALSO = /^(?:(?:اقرا|اقراوا|اقرووا|طالع|طالعوا|شاهد|شاهدوا|راجع) (?:ايضا|كذلك)|اقرا المزيد|اقرا اكثر|(?:مواضيع|مقالات|اخبار|موضوعات|قصص) ذات صله|ذات صله|read (?:also|more)|see also|related(?: (?:articles|stories|news))?\s*:)(?=$|[\s:.,"'\-–—)(])/;
// "للمزيد" opens real sentences too ("للمزيد من الضغط …"); only a short line is a link.
const READ_MORE_SHORT = /^للمزيد(?=$|[\s:.,])/;
const BREADCRUMB = /^(?:الصفحه الرييسيه|الرييسيه|home|homepage)\s*([/>|›\\"<·•-])\s*\S/;
const TAGS = /^(?:الوسوم|وسوم|الاوسمه|اوسمه|الكلمات المفتاحيه|كلمات مفتاحيه|الكلمات الداله|كلمات داله|الكلمات الدلاليه|كلمات دلاليه|كلمات البحث|الموضوعات|مواضيع|tags|keywords|topics)\s*:/;
const BYLINE = /^(?:بقلم|كتب|كتبه|كتبت|اعداد|تحرير|المحرر|المصدر|مراسل|مراسله|by|source)\s*:|^بقلم\s/;
const PHOTO_CREDIT = /^(?:صوره|الصوره|تصوير|صور|photo|image|credit)\s*:/;

const SHARE_LEAD = new Set(['شارك', 'شاركوا', 'شاركها', 'انشر', 'تابعونا', 'تابعنا', 'تابعوا', 'share', 'follow']);
const SOCIAL = new Set([
  'فيسبوك', 'فيس بوك', 'تويتر', 'واتساب', 'واتس اب', 'تلغرام', 'تليغرام', 'تلجرام', 'تيليجرام', 'يوتيوب',
  'انستغرام', 'انستجرام', 'انستقرام', 'لينكدان', 'لينكد ان', 'تيك توك', 'سناب شات', 'ماسنجر', 'طباعه',
  'البريد الالكتروني', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'youtube', 'instagram', 'linkedin',
  'tiktok', 'snapchat', 'messenger', 'pinterest', 'reddit', 'email', 'e-mail', 'print',
]);
const SHARE_FILLER = new Set(['شارك', 'شاركوا', 'share', 'على', 'علي', 'عبر', 'في', 'و', 'on', 'via', 'تابعونا', 'تابعنا']);

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
// the first words a breadcrumb's key can open with (see BREADCRUMB)
const BREADCRUMB_OPENINGS = ['الصفحه', 'الرييسيه', 'home'];
// what a line is trimmed of: \s and the invisible format characters (zero-width, bidi controls), by code
function isEdgeSpace(c: number): boolean {
  return isSpace(c) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

function splitLines(text: string, norm?: NormalizedText): Line[] {
  const lines: Line[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && isEdgeSpace(text.charCodeAt(s))) s++;
    while (e > s && isEdgeSpace(text.charCodeAt(e - 1))) e--;
    // (a line never cuts a surrogate pair: it is cut at line breaks and trimmed of spaces)
    if (s < e && norm) {
      lines.push(normLine(norm, s, e));
      return;
    }
    const key = s >= e ? '' : fold(text.slice(s, e));
    lines.push({ start: s, end: e, key, words: key ? key.split(' ').length : 0, kind: null });
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return lines;
}

/**
 * A line read from the document's normalisation: its words counted there, its key folded when some rule
 * needs it. Counting stops past MARKER_MAX_WORDS: no rule tells 41 words from more.
 */
function normLine(norm: NormalizedText, s: number, e: number): Line {
  const from = firstUnitFrom(norm.starts, s);
  const to = firstUnitFrom(norm.starts, e);
  const t = norm.text;
  let words = 0;
  let first = -1;
  for (let k = from, inWord = false; k < to && words <= MARKER_MAX_WORDS; k++) {
    const space = isSpace(t.charCodeAt(k));
    if (!space && !inWord) {
      words++;
      if (first < 0) first = k;
    }
    inWord = !space;
  }
  const needed = words <= MARKER_MAX_WORDS || BREADCRUMB_OPENINGS.some((w) => first + w.length <= to && t.startsWith(w, first));
  return { start: s, end: e, key: needed && words > 0 ? foldRange(norm, s, e) : '', words, kind: null };
}

/** What \s matches (the whitespace fold collapses), by UTF-16 code. */
const isSpace = isWhiteSpace;

/** Ends like a sentence: a full stop, question or exclamation mark, before any closing quotes. */
function endsSentence(key: string): boolean {
  // read back from the end over closing quotes, brackets and spaces (no copy of the key is made)
  let k = key.length - 1;
  for (; k >= 0; k--) {
    const c = key.charCodeAt(k);
    if (!(c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || isSpace(c))) break; // " ' ) ] }
  }
  if (k < 0) return false;
  const c = key.charCodeAt(k);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026; // . ! ? ؟ …
}

/** Words of a line without punctuation, and their adjacent pairs ("فيس بوك"). */
function tokens(key: string): string[] {
  return key.split(/[\s|/•·,:;()\[\]-]+/).filter(Boolean);
}

function isShare(line: Line): boolean {
  if (line.words > SHORT_WORDS || endsSentence(line.key)) return false;
  const toks = tokens(line.key);
  if (toks.length === 0) return false;
  const social = (i: number) => SOCIAL.has(toks[i]) || (i + 1 < toks.length && SOCIAL.has(`${toks[i]} ${toks[i + 1]}`));
  const hasSocial = toks.some((_, i) => social(i));
  const first = line.key.split(' ')[0].replace(/:$/, '');
  if (SHARE_LEAD.has(first)) {
    const colon = /^\S+\s*:/.test(line.key);
    if (colon || hasSocial || line.words <= 3) return true;
  }
  // A line of nothing but network names: "فيسبوك | تويتر | واتساب"
  if (!hasSocial) return false;
  for (let i = 0; i < toks.length; i++) {
    if (SOCIAL.has(toks[i]) || SHARE_FILLER.has(toks[i])) continue;
    if (i + 1 < toks.length && SOCIAL.has(`${toks[i]} ${toks[i + 1]}`)) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/** The chrome kind a line has by its own markers, without context. */
function markerKind(line: Line): ChromeKind | null {
  const k = line.key;
  if (!k) return null;
  if (BREADCRUMB.test(k)) return 'breadcrumb';
  if (line.words <= MARKER_MAX_WORDS && READ_ALSO.test(k)) return 'read-also';
  if (line.words <= SHORT_WORDS && READ_MORE_SHORT.test(k)) return 'read-also';
  if (line.words <= MARKER_MAX_WORDS && TAGS.test(k)) return 'tags';
  if (line.words <= 8 && BYLINE.test(k)) return 'byline';
  if (line.words <= 8 && PHOTO_CREDIT.test(k)) return 'caption';
  if (isShare(line)) return 'share';
  return null;
}

/** The last item of a breadcrumb, which sites fill with the article's title. */
function breadcrumbLast(key: string): string | null {
  const sep = BREADCRUMB.exec(key)?.[1];
  if (!sep) return null;
  const items = key.split(sep).map((s) => s.trim()).filter(Boolean);
  return items.length >= 2 ? items[items.length - 1] : null;
}

/** Is this a paragraph of the article rather than a heading or caption? */
function isParagraph(line: Line): boolean {
  return line.kind === null && line.words > 0 && (line.words >= SHORT_WORDS || endsSentence(line.key));
}

/** Spans of page chrome in `text`, in order, one per line at most. Never throws. */
export function findChrome(text: string, opts: ChromeOptions = {}): ChromeSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const lines = splitLines(text, opts.norm && opts.norm.originalLength === text.length ? opts.norm : undefined);

  // 1. Lines that carry their own marker.
  for (const line of lines) line.kind = markerKind(line);

  // A "read also:" heading with nothing after it introduces a list of headlines, one a line.
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'read-also' || tokens(lines[i].key).length > 2) continue;
    for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
      const l = lines[j];
      if (!l.key || l.kind !== null || l.words >= 15 || endsSentence(l.key)) break;
      l.kind = 'read-also';
    }
  }

  // 2. The title: given, or the last item of a breadcrumb, or else the first short line before the
  // first paragraph that appears again later (a page prints its title at the top and again above
  // the text). Every line equal to the title is the title repeated.
  const titles = new Set<string>();
  if (opts.title) {
    const t = fold(opts.title);
    if (t) titles.add(t);
  }
  for (const line of lines) {
    if (line.kind === 'breadcrumb') {
      const last = breadcrumbLast(line.key);
      if (last) titles.add(last);
    }
  }
  const firstPara = () => {
    const i = lines.findIndex(isParagraph);
    return i < 0 ? lines.length : i;
  };
  if (titles.size === 0) {
    const count = new Map<string, number>();
    for (const line of lines) if (line.key) count.set(line.key, (count.get(line.key) ?? 0) + 1);
    const head = firstPara();
    for (let i = 0; i < head; i++) {
      const l = lines[i];
      if (l.kind === null && l.key && l.words < MARKER_MAX_WORDS && (count.get(l.key) ?? 0) > 1) {
        titles.add(l.key);
        break;
      }
    }
  }
  for (const line of lines) {
    if (line.kind === null && line.key && line.words <= MARKER_MAX_WORDS && titles.has(line.key)) line.kind = 'title-repeat';
  }

  // 3. Captions: short lines without a full stop near the title, before the first paragraph. Only
  // when the title was found there, and only after it (or after the breadcrumb that holds it), so
  // a page that opens with its headline and then its text loses nothing.
  const head = firstPara();
  const anchorIdx = lines.findIndex(
    (l, i) => i < head && (l.kind === 'title-repeat' || (l.kind === 'breadcrumb' && titles.has(breadcrumbLast(l.key) ?? ''))),
  );
  const titleInHead = lines.some((l, i) => i < head && l.kind === 'title-repeat');
  if (anchorIdx >= 0 && titleInHead) {
    for (let i = anchorIdx + 1; i < head; i++) {
      const l = lines[i];
      if (l.kind === null && l.key && l.words < SHORT_WORDS && !endsSentence(l.key)) l.kind = 'caption';
    }
  }

  const spans: ChromeSpan[] = [];
  for (const l of lines) if (l.kind && l.end > l.start) spans.push({ start: l.start, end: l.end, kind: l.kind });
  return spans;
}
