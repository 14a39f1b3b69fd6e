// Name handling shared by the importers: sorting names by script, choosing a display name, and the
// short forms of administrative names ("محافظة إدلب" → "إدلب", "Idlib Governorate" → "Idlib").

import { cleanField } from '../format.js';
import { isArabicScript, isLatinScript, placeKey } from '../keys.js';

/** Split raw names into Arabic-script and Latin-script lists (other scripts dropped), de-duplicated. */
export function sortNames(raw: Iterable<string>, ar: string[] = [], latin: string[] = []): { ar: string[]; latin: string[] } {
  for (const r of raw) {
    const n = cleanField(r);
    if (n === '') continue;
    if (isArabicScript(n)) {
      // a name mixing scripts ("qۇds", "njamێna") is a transliteration slip, not a name
      if (/[a-z]/i.test(n)) continue;
      if (!ar.includes(n)) ar.push(n);
    } else if (isLatinScript(n)) {
      if (!latin.includes(n)) latin.push(n);
    }
  }
  return { ar, latin };
}

/**
 * Whether a Latin alternate name from GeoNames/WOF is worth indexing. Left out: all-lower-case ASCII
 * forms (machine transliterations such as "msratt", "de li bo li" — real names are capitalised),
 * airport and ISO codes ("TIP", "MRA"), and names of under 3 letters; they only add false matches.
 */
export function isUsefulLatinAlternate(name: string): boolean {
  if (name.length < 3) return false;
  if (/^[a-z0-9' .-]+$/.test(name)) return false;
  if (/^[A-Z0-9]{2,4}$/.test(name)) return false;
  return true;
}

const APOSTROPHES = /[‘’ʿʾʻʼ`´]/g;

/** An ASCII-leaning display form of a Latin name: marks dropped, every apostrophe-like sign → '. */
export function asciify(name: string): string {
  return name
    .replace(APOSTROPHES, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .normalize('NFC')
    .trim();
}

/** Names that look like regions in the sources but are not: a UN force's area of separation. */
export const NOT_REGIONS = /^(UNDOF|United Nations Disengagement Observer Force|United Nations Neutral Zone)$/i;

// Words that name the administrative unit rather than the place: "محافظة", "Governorate"...
const AR_ADMIN_PREFIX = /^(محافظة|محافظه|مُحافظة|ولاية|ولايه|شعبية|شعبيه|بلدية|بلديه|إقليم|اقليم|جهة|جهه|منطقة|منطقه|مديرية|مديريه|قضاء|ناحية|ناحيه|لواء|عمالة|عماله|إمارة|اماره|امارة|مقاطعة|مقاطعه|مركز)\s+/;
const LATIN_ADMIN_PREFIX = /^(gouvernorat de la|muhafazat|muhafazah|mohafazat|gouvernorat de|gouvernorat d'|governorate of|wilayat|wilaya de|wilaya d'|wilaya of|province de|province of|mintaqat|sha'biyat|shabiyat|region de|region of|district of|municipality of|mudiriyat|qada'?|nahiyat)\s+/i;
const LATIN_ADMIN_SUFFIX = /\s+(governorate|province|district|region|municipality|wilaya|state|mohafazat|muhafazat|sub-?district|nahiya|qadaa?|county|prefecture)$/i;

/** The name without its administrative prefix or suffix, or null when it has none. */
export function shortAdminName(name: string): string | null {
  if (isArabicScript(name)) {
    const s = name.replace(AR_ADMIN_PREFIX, '');
    return s !== name && s.trim() !== '' ? s.trim() : null;
  }
  const s = name.replace(LATIN_ADMIN_PREFIX, '').replace(LATIN_ADMIN_SUFFIX, '');
  return s !== name && s.trim() !== '' ? s.trim() : null;
}

/** Add the short forms of administrative names to the list (after the long ones). */
export function withShortAdminNames(names: string[]): string[] {
  const out = [...names];
  for (const n of names) {
    const s = shortAdminName(n);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Split "Homs (Hims)" into "Homs" and "Hims"; other names come back alone. */
export function splitParenthesised(name: string): string[] {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  if (!m) return [name];
  return [m[1].trim(), m[2].trim()].filter((s) => s !== '');
}

// Letters of Persian, Urdu and Kurdish that Arabic does not use.
const NON_ARABIC_LETTERS = /[پچژگیکۀہےڈٹںھەێۆڵڕۇ]/;
const GENERIC_CITY_PREFIX = /^(مدينة|مدينه|قرية|قريه|بلدة|بلده|محافظة|محافظه|ولاية|شعبية|مخيم)\s/;
const DIACRITICS = /[\u064b-\u065f\u0670]/;

/**
 * Order Arabic names so the best display name comes first, for sources that list names in no
 * particular order (GeoNames alternates). Names are grouped by key (الرباط and رباط are one
 * spelling); the group written most often wins — the standard name is the one recorded in several
 * spellings (الدار البيضاء over أنفا, عمّان over أمان) — after Arabic letters before Persian/Urdu/
 * Kurdish forms and plain names before "مدينة X"; ties go to the shorter. Within the group, the form
 * with the article, ta marbuta and hamza, and without diacritics is shown.
 */
/** Move the best-written form of the first name's spelling group to the front (بصرة → البصرة). */
export function preferredFirst(names: string[], keyOf: (n: string) => string = placeKey): string[] {
  if (names.length < 2) return names;
  const k = keyOf(names[0]);
  let best = 0;
  for (let i = 1; i < names.length; i++) {
    if (keyOf(names[i]) === k && formScore(names[i]) > formScore(names[best])) best = i;
  }
  return best === 0 ? names : [names[best], ...names.filter((_, i) => i !== best)];
}

function formScore(n: string): number {
  return (NON_ARABIC_LETTERS.test(n) ? -10 : 0) + (DIACRITICS.test(n) ? -2 : 0) + (n.startsWith('ال') ? 1 : 0) + (/ة/.test(n) ? 1 : 0) + (/[أإآؤئء]/.test(n) ? 1 : 0);
}

export function rankArabicNames(names: string[], keyOf: (n: string) => string = placeKey): string[] {
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const k = keyOf(n);
    const g = groups.get(k);
    if (g) g.push(n);
    else groups.set(k, [n]);
  }
  const groupScore = (k: string, g: string[]) =>
    (g.every((n) => NON_ARABIC_LETTERS.test(n)) ? 100 : 0) + (g.every((n) => GENERIC_CITY_PREFIX.test(n)) ? 10 : 0) - 2 * g.length + k.length * 0.01;
  const ordered = [...groups.entries()]
    .map(([k, g], i) => ({ g, i, s: groupScore(k, g) }))
    .sort((a, b) => a.s - b.s || a.i - b.i);
  const out: string[] = [];
  for (const { g } of ordered) {
    out.push(...g.map((n, i) => ({ n, i, s: formScore(n) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.n));
  }
  return out;
}
