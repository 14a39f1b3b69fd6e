// Date expressions, resolved against the publication date: relative days (اليوم، أمس، أمس الأول),
// weekdays (الخميس الماضي، ليل الخميس الجمعة), explicit dates with Gregorian, Levantine and Maghrebi
// month names (11 أيلول/سبتمبر 2016، 2 تشرين الأول 2023، 3 مارس), numeric dates (2016/11/04),
// "n days ago" (منذ يومين، قبل ثلاثة أيام), and week- or month-level periods (ACLED time precision 2
// and 3). A day named as coming (الخميس المقبل، غدا) is a future date: no event happened on it.
// Without a publication date, relative expressions are found but left unresolved (date null).

import { readFileSync } from 'node:fs';
import type { DateMention, MarsadDocument, NumberMention, Token } from '../doc/types.js';
import { fold } from '../lang/ar/normalize.js';
import { memoPerLexicon } from '../lang/ar/word-memo.js';
import type { Stage } from '../pipeline/types.js';

interface DatesData {
  months: Record<string, number>;
  weekdays: Record<string, number>;
  relative: Record<string, number>;
  future: string[];
  weekPast: string[];
  monthPast: string[];
  pastMarkers: string[];
  /** Words after a weekday or a day and month that put it in the future (الخميس المقبل). */
  futureMarkers?: string[];
  dayParts: string[];
  agoWords: string[];
  dayUnits: Record<string, number>;
}

export interface DateLexicon {
  /** Month names by their folded token sequences, longest first. */
  months: Array<{ words: string[]; month: number }>;
  weekdays: Map<string, number>;
  relative: Array<{ words: string[]; offset: number }>;
  future: string[][];
  weekPast: string[][];
  monthPast: string[][];
  pastMarkers: Set<string>;
  futureMarkers: Set<string>;
  dayParts: Set<string>;
  agoWords: Set<string>;
  dayUnits: Map<string, number>;
  /** Words a date expression may start with: every other word is skipped at once. */
  startWords: Set<string>;
  /** First words of the month names. */
  monthStarts: Set<string>;
}

const words = (s: string) => fold(s).split(' ');
const byLength = <T extends { words: string[] }>(a: T[]) => a.sort((x, y) => y.words.length - x.words.length);

export function loadDateLexicon(path: string): DateLexicon {
  const d = JSON.parse(readFileSync(path, 'utf8')) as DatesData;
  const lex = {
    months: byLength(Object.entries(d.months).map(([k, month]) => ({ words: words(k), month }))),
    weekdays: new Map(Object.entries(d.weekdays).flatMap(([k, v]) => {
      const f = fold(k);
      return [[f, v], [f.replace(/^ال/, ''), v]] as Array<[string, number]>;
    })),
    relative: byLength(Object.entries(d.relative).map(([k, offset]) => ({ words: words(k), offset }))),
    future: d.future.map(words).sort((a, b) => b.length - a.length),
    weekPast: d.weekPast.map(words).sort((a, b) => b.length - a.length),
    monthPast: d.monthPast.map(words).sort((a, b) => b.length - a.length),
    pastMarkers: new Set(d.pastMarkers.map(fold)),
    futureMarkers: new Set((d.futureMarkers ?? []).map(fold)),
    dayParts: new Set(d.dayParts.map(fold)),
    agoWords: new Set(d.agoWords.map(fold)),
    dayUnits: new Map(Object.entries(d.dayUnits).map(([k, v]) => [fold(k), v])),
  };
  return { ...lex, startWords: startWordsOf(lex), monthStarts: new Set(lex.months.map((m) => m.words[0])) };
}

// --- calendar arithmetic on YYYY-MM-DD strings, in UTC so no time zone shifts a day

// Both remembered by their arguments (bounded): an article's dates are read against one publication
// date, and parsing and printing a date was a fifth of the stage.
const dayMemo = new Map<string, string>();
const weekdayMemo = new Map<string, number>();

export function addDays(iso: string, days: number): string {
  const key = `${iso} ${days}`;
  let out = dayMemo.get(key);
  if (out === undefined) {
    if (dayMemo.size >= 10_000) dayMemo.clear();
    const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
    dayMemo.set(key, (out = new Date(t).toISOString().slice(0, 10)));
  }
  return out;
}

export function weekday(iso: string): number {
  let out = weekdayMemo.get(iso);
  if (out === undefined) {
    if (weekdayMemo.size >= 10_000) weekdayMemo.clear();
    weekdayMemo.set(iso, (out = new Date(`${iso}T00:00:00Z`).getUTCDay()));
  }
  return out;
}

function validDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const dt = new Date(`${iso}T00:00:00Z`);
  return dt.toISOString().slice(0, 10) === iso ? iso : null;
}

const PROCLITICS = ['و', 'ب', 'ف', 'ل', 'وب', 'في'];

/** Strip a proclitic from a word when what is left is in the set (بالخميس، وأمس). */
function bare(word: string, ok: (w: string) => boolean): string | null {
  if (ok(word)) return word;
  for (const p of PROCLITICS) {
    if (word.startsWith(p) && ok(word.slice(p.length))) return word.slice(p.length);
  }
  return null;
}

/** Whether the word is `target` with a proclitic before it (وأمس for أمس), without cutting strings. */
function procliticOf(word: string, target: string): boolean {
  if (target === '') return false;
  for (const p of PROCLITICS) {
    if (word.length === p.length + target.length && word.startsWith(p) && word.endsWith(target)) return true;
  }
  return false;
}

/**
 * What a date expression can make of one word: the phrases of each list whose first word it is (as
 * written or after a proclitic, in the lists' order), and the day part and weekday it is after a
 * proclitic is cut. Remembered per word and lexicon, bounded: each token used to be tried against
 * every phrase of every list, cutting proclitics each time. A word that cannot open a date expression
 * (see startWordsOf) gets NO_DATE_WORD, with one set lookup or three.
 */
interface DateWord {
  mayStart: boolean;
  months: DateLexicon['months'];
  relative: DateLexicon['relative'];
  future: string[][];
  weekPast: string[][];
  monthPast: string[][];
  /** bare(word) over the day parts and the weekdays. */
  dayPart: string | null;
  weekday: string | null;
}

const NO_DATE_WORD: DateWord = Object.freeze({
  mayStart: false, months: [], relative: [], future: [], weekPast: [], monthPast: [], dayPart: null, weekday: null,
});

const dateWordMemo = memoPerLexicon<DateLexicon, DateWord>();

function dateWord(lex: DateLexicon, memo: Map<string, DateWord>, w: string): DateWord {
  let dw = memo.get(w);
  if (dw === undefined) {
    if (memo.size >= 100_000) memo.clear();
    const starts = lex.startWords;
    // every phrase, weekday and day part starts with a start word, so a word that is none (after one or
    // two letters cut) opens nothing
    if (!(starts.has(w) || starts.has(w.slice(1)) || starts.has(w.slice(2)))) dw = NO_DATE_WORD;
    else {
      const opens = (first: string) => w === first || procliticOf(w, first);
      dw = {
        mayStart: true,
        months: lex.months.filter((m) => opens(m.words[0])),
        relative: lex.relative.filter((r) => opens(r.words[0])),
        future: lex.future.filter((p) => opens(p[0])),
        weekPast: lex.weekPast.filter((p) => opens(p[0])),
        monthPast: lex.monthPast.filter((p) => opens(p[0])),
        dayPart: bare(w, (x) => lex.dayParts.has(x)),
        weekday: bare(w, (x) => lex.weekdays.has(x)),
      };
    }
    memo.set(w, dw);
  }
  return dw;
}

/** The rest of a phrase whose first word token i opens (dateWord found it): its other words follow. */
function restMatches(tokens: Token[], i: number, w: string[]): boolean {
  if (i + w.length > tokens.length) return false;
  for (let k = 1; k < w.length; k++) if (tokens[i + k].norm !== w[k]) return false;
  return true;
}

/** A month at token i: "أيلول"، "تشرين الأول"، "أيلول/سبتمبر"، "أيلول (سبتمبر)" (a second name is consumed). */
function monthAt(lex: DateLexicon, memo: Map<string, DateWord>, tokens: Token[], i: number, word?: DateWord): { month: number; end: number } | null {
  if (i >= tokens.length) return null;
  for (const m of (word ?? dateWord(lex, memo, tokens[i].norm)).months) {
    if (!restMatches(tokens, i, m.words)) continue;
    let end = i + m.words.length;
    const sep = tokens[end]?.norm;
    if ((sep === '/' || sep === '-' || sep === '(') && end + 1 < tokens.length) {
      for (const m2 of dateWord(lex, memo, tokens[end + 1].norm).months) {
        if (m2.month !== m.month || !restMatches(tokens, end + 1, m2.words)) continue;
        const after = end + 1 + m2.words.length;
        // أيلول (سبتمبر): the bracket closes after the second name
        if (sep !== '(') end = after;
        else if (tokens[after]?.norm === ')') end = after + 1;
        break;
      }
    }
    return { month: m.month, end };
  }
  return null;
}

/** Digits only (a number token may hold separators too: 1,500). */
function isNum(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'number') return false;
  const w = t.norm;
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return w.length > 0;
}

/** The latest date with this month and day not after publication (29 شباط looks back to a leap year). */
function latestNotAfter(pub: string, month: number, day: number): string | null {
  const y = Number(pub.slice(0, 4));
  for (let k = 0; k <= 8; k++) {
    const iso = validDate(y - k, month, day);
    if (iso && iso <= pub) return iso;
  }
  return null;
}

/** First words of every date phrase, weekday, month, day part and ago word. */
function startWordsOf(lex: Omit<DateLexicon, 'startWords' | 'monthStarts'>): Set<string> {
  const set = new Set<string>(['عام', 'العام', 'سنه', 'في', 'منذ', 'قبل']);
  for (const m of lex.months) set.add(m.words[0]);
  for (const r of lex.relative) set.add(r.words[0]);
  for (const w of [...lex.future, ...lex.weekPast, ...lex.monthPast]) set.add(w[0]);
  for (const k of lex.weekdays.keys()) set.add(k);
  for (const k of lex.dayParts) set.add(k);
  for (const k of lex.agoWords) set.add(k);
  return set;
}

/**
 * Find date expressions in a document and resolve them against its publication date. `numbers` (the
 * numbers layer) lets "قبل ثلاثة أيام" be read; without it only digits count (منذ 3 أيام).
 */
export function findDates(lex: DateLexicon, tokens: Token[], publishedAt: string | null, numbers: NumberMention[] = []): DateMention[] {
  const given = publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? publishedAt : null;
  if (given) return explicitAfter(tokens, datesAgainst(lex, tokens, given, numbers));
  // no publication date: the latest full date the text gives (a dateline, a quoted post's "March 1,
  // 2021") is the reference for its relative words — the article is not older than what it quotes
  const found = datesAgainst(lex, tokens, null, numbers);
  const full = found.filter((d) => d.date && d.kind === 'absolute' && /^date\.(dmy|mdy|numeric)$/.test(d.ruleId)).map((d) => d.date!).sort();
  if (!full.length) return explicitAfter(tokens, found);
  // only the relative words (اليوم، أمس الاثنين) are read against it: a bare weekday or a day and month
  // with no year may be the history the article retells
  const against = new Map(datesAgainst(lex, tokens, full[full.length - 1], numbers).map((d) => [d.tokenStart, d]));
  return explicitAfter(tokens, found.map((d) => (d.kind === 'relative' && against.get(d.tokenStart)?.tokenEnd === d.tokenEnd ? against.get(d.tokenStart)! : d)));
}

/**
 * "ليل الجمعة السبت (23 أغسطس 2014)"، "صباح اليوم الإثنين 18 ديسمبر": a weekday or relative day with
 * the full date right after it says the same day, and the writer's date is the one to keep (a night
 * named by two days ends on the second; a publication date may be a day off). Only within a day.
 */
function explicitAfter(tokens: Token[], out: DateMention[]): DateMention[] {
  for (let k = 0; k + 1 < out.length; k++) {
    const d = out[k];
    const x = out[k + 1];
    if ((d.kind !== 'weekday' && d.kind !== 'relative') || x.kind !== 'absolute' || !x.date || x.precision !== 1) continue;
    const gap = tokens.slice(d.tokenEnd, x.tokenStart);
    if (gap.length > 1 || gap.some((t) => !/^[(،,-]$/.test(t.norm))) continue;
    if (d.date && d.date !== x.date && Math.abs(Date.parse(d.date) - Date.parse(x.date)) <= 86_400_000) d.date = x.date;
  }
  return out;
}

function datesAgainst(lex: DateLexicon, tokens: Token[], pub: string | null, numbers: NumberMention[]): DateMention[] {
  const out: DateMention[] = [];
  const push = (i: number, end: number, date: string | null, precision: 1 | 2 | 3, kind: DateMention['kind'], ruleId: string) => {
    out.push({ start: tokens[i].start, end: tokens[end - 1].end, date, precision, kind, ruleId, tokenStart: i, tokenEnd: end });
  };
  let i = 0;
  // what each word can open, remembered per word: most words open nothing and are skipped at once
  const memo = dateWordMemo(lex);
  // a year and a day before publication: older dates are history (computed when first needed)
  let yearAgo: string | undefined;
  const beforeYearAgo = (iso: string) => iso < (yearAgo ??= addDays(pub!, -366));
  // the numbers by their first token, for "قبل ثلاثة أيام" (built when first needed)
  let countAt: Map<number, NumberMention> | undefined;
  while (i < tokens.length) {
    const t = tokens[i];
    // (digits open no phrase, but a numeric date or a day and month)
    const tw = t.kind === 'number' ? NO_DATE_WORD : dateWord(lex, memo, t.norm);
    if (!tw.mayStart && t.kind !== 'number') {
      i++;
      continue;
    }
    // numeric date: 2016/11/04, 04/11/2016, 2016-11-04
    if (isNum(t) && (tokens[i + 1]?.norm === '/' || tokens[i + 1]?.norm === '-') && isNum(tokens[i + 2]) &&
      tokens[i + 3]?.norm === tokens[i + 1].norm && isNum(tokens[i + 4])) {
      const [a, b, c] = [Number(t.norm), Number(tokens[i + 2].norm), Number(tokens[i + 4].norm)];
      const iso = t.norm.length === 4 ? validDate(a, b, c) : validDate(c, b, a);
      if (iso) {
        push(i, i + 5, iso, 1, 'absolute', 'date.numeric');
        i += 5;
        continue;
      }
    }
    // day month [year]: 11 أيلول/سبتمبر 2016
    if (isNum(t) && Number(t.norm) >= 1 && Number(t.norm) <= 31) {
      const m = monthAt(lex, memo, tokens, i + 1);
      if (m) {
        let end = m.end;
        let year: number | null = null;
        if (isNum(tokens[end]) && tokens[end].norm.length === 4) {
          year = Number(tokens[end].norm);
          end++;
        } else if ((tokens[end]?.norm === '،' || tokens[end]?.norm === ',') && isNum(tokens[end + 1]) && tokens[end + 1].norm.length === 4) {
          // "28 ديسمبر، 2015"
          year = Number(tokens[end + 1].norm);
          end += 2;
        }
        // without a year, "الماضي" or "المقبل" may follow: 4 آب الماضي، 20 أيلول المقبل
        const marker = year ? undefined : tokens[end]?.norm;
        if (marker && lex.futureMarkers.has(marker)) {
          push(i, end + 1, null, 1, 'historical', 'date.future');
          i = end + 1;
          continue;
        }
        if (marker && lex.pastMarkers.has(marker)) end++;
        let iso: string | null = null;
        if (year) iso = validDate(year, m.month, Number(t.norm));
        // no year: the most recent such date not after publication
        else if (pub) iso = latestNotAfter(pub, m.month, Number(t.norm));
        // a date more than a year before publication is history, not news
        const historical = !!(iso && pub && beforeYearAgo(iso));
        push(i, end, iso, 1, historical ? 'historical' : 'absolute', year ? 'date.dmy' : 'date.dm');
        i = end;
        continue;
      }
    }
    // month day, year (a page header: "نيسان 19, 2025")
    const mdy = monthAt(lex, memo, tokens, i, tw);
    if (mdy && isNum(tokens[mdy.end]) && Number(tokens[mdy.end].norm) <= 31 && tokens[mdy.end + 1]?.norm === ',' && isNum(tokens[mdy.end + 2]) && tokens[mdy.end + 2].norm.length === 4) {
      const iso = validDate(Number(tokens[mdy.end + 2].norm), mdy.month, Number(tokens[mdy.end].norm));
      if (iso) {
        const historical = !!(pub && beforeYearAgo(iso));
        push(i, mdy.end + 3, iso, 1, historical ? 'historical' : 'absolute', 'date.mdy');
        i = mdy.end + 3;
        continue;
      }
    }
    // month year: آذار 2011 — precision 3; historical when well before publication
    const my = mdy; // monthAt(lex, tokens, i) again: nothing has moved
    if (my && isNum(tokens[my.end]) && tokens[my.end].norm.length === 4) {
      const y = Number(tokens[my.end].norm);
      const iso = validDate(y, my.month, 1);
      // news dates the events it reports to the day: a month and a year alone is background
      // ("هجومان في أبريل 2017"), unless the publication date shows it is the current month
      const current = !!(iso && pub && pub.slice(0, 7) === iso.slice(0, 7));
      push(i, my.end + 1, iso, 3, current ? 'absolute' : 'historical', 'date.my');
      i = my.end + 1;
      continue;
    }
    // عام 2011 / في 2014: a bare year well before publication is historical
    if ((t.norm === 'عام' || t.norm === 'سنه' || t.norm === 'العام') && isNum(tokens[i + 1]) && tokens[i + 1].norm.length === 4) {
      const y = Number(tokens[i + 1].norm);
      if (pub && y < Number(pub.slice(0, 4))) {
        push(i, i + 2, null, 3, 'historical', 'date.year.past');
        i += 2;
        continue;
      }
    }
    // future words: غدا، الأسبوع المقبل — marks planned events
    let matched = false;
    for (const w of tw.future) {
      if (restMatches(tokens, i, w)) {
        push(i, i + w.length, null, 1, 'historical', 'date.future');
        i += w.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // relative day words, with an optional day part before (مساء أمس) and weekday after (أمس الأحد)
    // up to two: مساء يوم الخميس
    let start = i;
    while (start < i + 2 && start + 1 < tokens.length && (start === i ? tw : dateWord(lex, memo, tokens[start].norm)).dayPart !== null) start++;
    const sw = start === i ? tw : dateWord(lex, memo, tokens[start].norm);
    for (const r of sw.relative) {
      if (!restMatches(tokens, start, r.words)) continue;
      let end = start + r.words.length;
      let iso = pub ? addDays(pub, r.offset) : null;
      const wd = tokens[end] ? lex.weekdays.get(tokens[end].norm) : undefined;
      if (wd !== undefined) {
        end++;
        // "أمس الاثنين": the weekday names the day; a publication date a day off (a late edition, a
        // reference date read from the text) moves the relative word, not the weekday
        if (iso) {
          const off = ((wd - weekday(iso) + 10) % 7) - 3;
          iso = addDays(iso, off);
          if (iso > pub!) iso = addDays(iso, -7);
        }
      }
      push(i, end, iso, 1, 'relative', `date.relative.${r.offset}`);
      i = end;
      matched = true;
      break;
    }
    if (matched) continue;
    // weekdays: (يوم|ليل|مساء)? الخميس (الماضي)? — the latest such day not after publication
    const wd = sw.weekday;
    if (wd !== null && (start > i || tokens[start].norm.startsWith('ال') || wd.startsWith('ال'))) {
      let end = start + 1;
      if (tokens[end] && lex.futureMarkers.has(tokens[end].norm)) {
        // الخميس المقبل: a day to come
        push(i, end + 1, null, 1, 'historical', 'date.future');
        i = end + 1;
        continue;
      }
      const past = tokens[end] && lex.pastMarkers.has(tokens[end].norm);
      if (past) end++;
      // ليل الخميس الجمعة: a night named by its two days is the first one
      else if (tokens[end] && lex.weekdays.has(tokens[end].norm)) end++;
      let iso: string | null = null;
      if (pub) {
        let delta = (weekday(pub) - (lex.weekdays.get(wd) ?? 0) + 7) % 7;
        if (delta === 0 && past) delta = 7;
        iso = addDays(pub, -delta);
      }
      push(i, end, iso, 1, 'weekday', past ? 'date.weekday.past' : 'date.weekday');
      i = end;
      continue;
    }
    // منذ يومين، منذ أسبوع، قبل ثلاثة أيام، منذ 3 أسابيع
    if (lex.agoWords.has(t.norm)) {
      const u1 = tokens[i + 1];
      const days = u1 && lex.dayUnits.get(u1.norm);
      if (days && days > 1) {
        push(i, i + 2, pub ? addDays(pub, -days) : null, 2, 'relative', 'date.ago');
        i += 2;
        continue;
      }
      // a count, then a unit: the number layer reads words (ثلاثة), a digit token is read here
      if (!countAt) {
        countAt = new Map();
        for (const x of numbers) if (x.form !== 'vague' && !countAt.has(x.tokenStart)) countAt.set(x.tokenStart, x);
      }
      const n = countAt.get(i + 1);
      const count = n ? n.value : isNum(u1) ? Number(u1.norm) : null;
      const unitAt = n ? n.tokenEnd : i + 2;
      const unit = tokens[unitAt] && lex.dayUnits.get(tokens[unitAt].norm);
      if (count !== null && Number.isInteger(count) && count >= 1 && count <= 366 && unit) {
        push(i, unitAt + 1, pub ? addDays(pub, -count * unit) : null, 2, 'relative', 'date.ago');
        i = unitAt + 1;
        continue;
      }
    }
    // the past week or month: الأسبوع الماضي، خلال الشهر
    const week = tw.weekPast.find((w) => restMatches(tokens, i, w));
    const period = week ?? tw.monthPast.find((w) => restMatches(tokens, i, w));
    if (period) {
      push(i, i + period.length, pub ? addDays(pub, week ? -1 : -15) : null, week ? 2 : 3, 'relative', week ? 'date.week' : 'date.month');
      i += period.length;
      continue;
    }
    i++;
  }
  return out;
}

export function datesStage(lex: DateLexicon): Stage {
  return {
    name: 'dates',
    needs: ['tokens', 'numbers'],
    adds: ['dates'],
    run(doc: MarsadDocument) {
      doc.layers.dates = findDates(lex, doc.layers.tokens, doc.publishedAt, doc.layers.numbers);
    },
  };
}
