// The gazetteer at run time: the compiled file (data/gazetteer/gazetteer.tsv.gz) read synchronously,
// with the curated entries and the common-word list applied on top so editing either takes effect
// without a rebuild.
//
// Loading is kept cheap (target ≤ 300 ms; gunzip is most of it): nothing is decoded or indexed up
// front. The file's index part is sorted, so a lookup bisects its bytes; a record is named by the
// byte offset of its line, and a Place object is built the first time it is asked for. Only the
// countries and admin-1 regions (the first ~630 records) are read at load.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadCommonWords } from './common-words.js';
import { type AdminRef, applyCurated, type CuratedEntry, type CuratedStats, type CuratedTarget, loadCuratedFile } from './curated.js';
import { distanceKm } from './distance.js';
import { COL, decodeExtra, INDEX_MARKER } from './format.js';
import { keyTokens, placeKey } from './keys.js';
import { placeKeysOf } from './name-keys.js';
import { dataPath, GAZETTEER_FILE } from './paths.js';
import type { Country, Place, PlaceKind } from './types.js';
import { isPlaceKind, SETTLEMENT_KINDS } from './types.js';

export interface LoadOptions {
  /** Curated entries to apply on top; default: curated.json beside the gazetteer file (if any); false for none. */
  curated?: string | false;
  /** Common-word list; default: common-words.json beside the gazetteer file (if any); false for none. */
  commonWords?: string | false;
  onWarn?: (message: string) => void;
}

/** Words put before a region's name that are not part of it: محافظة إدلب, ريف حلب, ولاية الخرطوم. */
const ADMIN_WORDS = new Set(['محافظه', 'ولايه', 'شعبيه', 'بلديه', 'اقليم', 'منطقه', 'مديريه', 'قضاء', 'ناحيه', 'لواء', 'جهه', 'ريف', 'governorate', 'province', 'district', 'region', 'wilaya', 'muhafazat']);

const ADMIN_ORDER: Partial<Record<PlaceKind, number>> = { admin1: 0, admin2: 1, admin3: 2 };

const TAB = Buffer.from('\t');

const GRID = 0.5; // degrees per cell of the nearest() grid: ~55 km

export class Gazetteer {
  /** The file's `#` header lines (sources, licences, credits, build stats). */
  readonly header: readonly string[];
  /** Longest name, in words: how far the text matcher needs to look ahead. */
  maxNameTokens = 0;
  /** Keys (placeKey) of the common-word list. */
  readonly commonWords: ReadonlySet<string>;
  /** What applying the curated file did at load (undefined when none was applied). */
  curatedStats?: CuratedStats;

  /** The decompressed file; records stay UTF-8 bytes until asked for. */
  private readonly buf: Buffer;
  /** Byte range of the records part and of the index part. */
  private readonly recStart: number;
  private readonly recEnd: number;
  private readonly idxStart: number;
  private readonly idxEnd: number;
  private readonly fileRows: number;
  /** Places by row handle: a record's byte offset, or buf.length + n for places added after load. */
  private readonly cache = new Map<number, Place>();
  /** Places put by the curated overlay (never evicted), by row handle. */
  private readonly overlay = new Map<number, Place>();
  /** Admin-1 names renamed by the overlay: places of the region show the new names. */
  private readonly adminNames = new Map<string, { name: string; nameAr: string }>();
  private nextAdded: number;
  /** Keys and ids added after load (the curated overlay), and rows whose file keys no longer count. */
  private readonly extraIndex = new Map<string, number[]>();
  private readonly extraIds = new Map<string, number>();
  private readonly replaced = new Set<number>();
  private readonly countryList: Country[] = [];
  private readonly countryKeys = new Map<string, Country>();
  private readonly admin1Rows: number[] = [];
  /** Places whose commonWord a curated entry sets (true or false) whatever the name. */
  private readonly forcedCommon = new Map<string, boolean>();
  /** Rows by grid cell (cellOf), each list in row order as a full rebuild would give it. */
  private grid: Map<number, number[]> | null = null;
  private readonly rowsMemo = new Map<string, number[]>();
  /** First words of the overlay's keys → the most words of a key starting with each. */
  private nameStarts: Map<string, number> | null = null;
  /** First word → the most words of a file key starting with it (0: none), filled as text asks. */
  private readonly startsMemo = new Map<string, number>();
  /** The same for the countries' name and adjective keys. */
  private countryStarts: Map<string, number> | null = null;
  /** Phrases (of whole words) that the overlay's keys or the countries' keys go on past. */
  private extraPrefixes: Set<string> | null = null;
  private readonly continuesMemo = new Map<string, boolean>();

  constructor(data: Buffer, commonWords: ReadonlySet<string> = new Set()) {
    this.commonWords = commonWords;
    this.buf = data;
    const header: string[] = [];
    let pos = 0;
    while (pos < data.length && data[pos] === 0x23 /* # */) {
      const nl = data.indexOf(0x0a, pos);
      const end = nl < 0 ? data.length : nl;
      header.push(data.toString('utf8', pos, end));
      pos = end + 1;
    }
    this.header = header;
    const mark = data.indexOf(`\n${INDEX_MARKER}`, Math.max(0, pos - 1));
    if (mark < 0) throw new Error(`gazetteer: no ${INDEX_MARKER} line; rebuild the file`);
    let afterMark = data.indexOf(0x0a, mark + 1);
    if (afterMark < 0) afterMark = data.length;
    const markLine = data.toString('utf8', mark + 1, afterMark);
    this.maxNameTokens = Number(/maxNameTokens=(\d+)/.exec(markLine)?.[1] ?? 0);
    this.fileRows = Number(/rows=(\d+)/.exec(markLine)?.[1] ?? 0);
    this.recStart = pos;
    this.recEnd = mark;
    this.idxStart = Math.min(afterMark + 1, data.length);
    this.idxEnd = data.length;
    this.nextAdded = data.length;

    // countries, then admin-1 regions, come first in the records part (the writer sorts them so)
    for (let at = this.recStart; at < this.recEnd; ) {
      const t1 = data.indexOf(0x09, at);
      const kind = data.toString('latin1', t1 + 1, data.indexOf(0x09, t1 + 1));
      if (kind === 'country') this.addCountry(at);
      else if (kind === 'admin1') this.admin1Rows.push(at);
      else break;
      at = this.lineEnd(at) + 1;
    }
  }

  /** Number of places. */
  get size(): number {
    return this.fileRows + (this.nextAdded - this.buf.length);
  }

  /**
   * Candidates for a key (placeKey of a name). `commonWord` on each follows the key looked up: set
   * when the key is on the common-word list (or a curated entry forces it), so "النصر" needs a cue
   * whichever place bears it, while "المدينة المنورة" does not though Medina's short name does.
   */
  lookup(key: string): Place[] {
    const common = this.commonWords.has(key);
    return this.rowsOf(key).map((r) => {
      const p = this.place(r);
      const cw = this.forcedCommon.get(p.id) ?? common;
      if (!!p.commonWord === cw) return p;
      const q = { ...p };
      if (cw) q.commonWord = true;
      else delete q.commonWord;
      return q;
    });
  }

  /**
   * Whether some name starts with this word (a key's first word). Text matching asks this first, so
   * most words cost one memoised answer instead of a bisection per n-gram.
   */
  isNameStart(word: string): boolean {
    return this.fileMaxWords(word) > 0 || this.extraStarts().has(word);
  }

  /**
   * The most words of any place name, or country key, that starts with this word (0: none). A text
   * matcher need not look up a longer phrase: most first words open one- or two-word names only.
   */
  maxWordsFrom(word: string): number {
    if (!this.countryStarts) {
      this.countryStarts = new Map();
      for (const k of this.countryKeys.keys()) if (!k.startsWith('#')) maxWords(this.countryStarts, k);
    }
    return Math.max(this.fileMaxWords(word), this.extraStarts().get(word) ?? 0, this.countryStarts.get(word) ?? 0);
  }

  /** First words of the keys added after load (the curated overlay), with their most words. */
  private extraStarts(): Map<string, number> {
    if (!this.nameStarts) {
      this.nameStarts = new Map();
      for (const k of this.extraIndex.keys()) maxWords(this.nameStarts, k);
    }
    return this.nameStarts;
  }

  /**
   * The most words of a file key whose first word is `word` (0: none). The index sorts on key + TAB,
   * and TAB and space sort before every letter, so the keys `word` and `word …` are one run of lines
   * from the lower bound of `word` TAB: one bisection and a short scan, remembered per word. (Reading
   * every key at load instead cost ~0.5 s of start-up.)
   */
  private fileMaxWords(word: string): number {
    const memo = this.startsMemo.get(word);
    if (memo !== undefined) return memo;
    if (this.startsMemo.size > 200_000) this.startsMemo.clear();
    let most = 0;
    if (word !== '' && !word.includes(':') && !word.includes(' ')) {
      const w = Buffer.from(word, 'utf8');
      const buf = this.buf;
      for (let s = this.lowerBound(Buffer.concat([w, TAB])); s < this.idxEnd; ) {
        let e = buf.indexOf(0x0a, s);
        if (e < 0 || e > this.idxEnd) e = this.idxEnd;
        if (e - s <= w.length || buf.compare(w, 0, w.length, s, s + w.length) !== 0) break;
        const next = buf[s + w.length];
        if (next !== 0x09 && next !== 0x20) break;
        const tab = buf.indexOf(0x09, s);
        const end = tab < 0 || tab > e ? e : tab;
        let words = 1;
        for (let i = s + w.length; i < end; i++) {
          if (buf[i] === 0x20) words++;
          else if (buf[i] === 0x3a) words = 0; // ids hold ':' and are no names
          if (words === 0) break;
        }
        if (words > most) most = words;
        s = e + 1;
      }
    }
    this.startsMemo.set(word, most);
    return most;
  }

  /**
   * Whether some place name or country key goes on past this phrase (starts with it and a space): a
   * text matcher walking a phrase word by word stops where no name can be longer. The file's keys
   * `key …` sort together from the lower bound of `key` and a space (one bisection, remembered).
   */
  continues(key: string): boolean {
    const memo = this.continuesMemo.get(key);
    if (memo !== undefined) return memo;
    if (this.continuesMemo.size > 200_000) this.continuesMemo.clear();
    if (!this.extraPrefixes) {
      this.extraPrefixes = new Set();
      const keys = [...this.extraIndex.keys(), ...[...this.countryKeys.keys()].filter((k) => !k.startsWith('#'))];
      for (const k of keys) for (let sp = k.indexOf(' '); sp > 0; sp = k.indexOf(' ', sp + 1)) this.extraPrefixes.add(k.slice(0, sp));
    }
    let goesOn = this.extraPrefixes.has(key);
    if (!goesOn && key !== '') {
      const probe = Buffer.from(`${key} `, 'utf8');
      const s = this.lowerBound(probe);
      goesOn = s + probe.length <= this.idxEnd && this.buf.compare(probe, 0, probe.length, s, s + probe.length) === 0;
    }
    this.continuesMemo.set(key, goesOn);
    return goesOn;
  }

  /** The first index line whose bytes are not below `probe` (idxEnd when none). */
  private lowerBound(probe: Buffer): number {
    const n = probe.length;
    const buf = this.buf;
    let lo = this.idxStart;
    let hi = this.idxEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const nl = mid > lo ? buf.lastIndexOf(0x0a, mid - 1) : -1;
      const s = nl < lo ? lo : nl + 1;
      let e = buf.indexOf(0x0a, s);
      if (e < 0 || e > hi) e = hi;
      if (buf.compare(probe, 0, n, s, Math.min(e, s + n)) < 0) lo = e + 1;
      else hi = s;
    }
    return Math.min(lo, this.idxEnd);
  }

  /** Whether any place has this key (builds no Place: for hot paths such as the clitic splitter). */
  has(key: string): boolean {
    return this.rowsOf(key).length > 0;
  }

  /** Candidates for a name as written (placeKey applied). */
  search(name: string): Place[] {
    return this.lookup(placeKey(name));
  }

  get(id: string): Place | undefined {
    const r = this.rowOfId(id);
    return r === undefined ? undefined : this.place(r);
  }

  /** Every place (builds them all: for tools and tests, not the hot path). */
  *all(): IterableIterator<Place> {
    for (const r of this.allRows()) yield this.place(r);
  }

  countries(): Country[] {
    return [...this.countryList];
  }

  /**
   * A country by the key of its name (ليبيا), a nationality adjective in any form (الليبية → ليبيه),
   * its English name or adjective, or its ISO2 code in any case ("ly").
   */
  countryByKey(key: string): Country | undefined {
    const c = this.countryKeys.get(key);
    if (c) return c;
    if (key.length === 2) return this.countryKeys.get(`#${key.toUpperCase()}`);
    return undefined;
  }

  /**
   * Admin regions (admin-1 first, then admin-2/3) named by a key, optionally within a country.
   * Takes the key of a region name with or without its admin word: "محافظه ادلب", "ادلب",
   * "ريف دمشق" (a region's own name) and "ريف حلب" (the countryside of Aleppo: Aleppo's region).
   */
  adminByKey(key: string, country?: string): Place[] {
    const find = (k: string) =>
      this.lookup(k).filter((p) => ADMIN_ORDER[p.kind] !== undefined && (!country || p.countryCode === country));
    let found = find(key);
    if (found.length === 0) {
      const words = key.split(' ');
      if (words.length > 1 && ADMIN_WORDS.has(words[0])) found = find(words.slice(1).join(' '));
    }
    return found.sort((a, b) => ADMIN_ORDER[a.kind]! - ADMIN_ORDER[b.kind]! || b.population - a.population);
  }

  /** True when the key is on the common-word list (the matcher needs a cue before taking it). */
  isCommonWord(key: string): boolean {
    return this.commonWords.has(key);
  }

  /**
   * The nearest place to a point, optionally among those passing `filter`, within `maxKm`
   * (default 200). The first call builds a grid of all points (~100 ms).
   */
  nearest(lat: number, lon: number, filter?: (p: Place) => boolean, maxKm = 200): Place | undefined {
    const grid = this.ensureGrid();
    const cy = Math.floor(lat / GRID);
    const cx = Math.floor(lon / GRID);
    let best: Place | undefined;
    let bestD = maxKm;
    // a cell of ring r is at least (r - 1) cells away; cells are narrower east-west than 55 km
    const cellKm = GRID * 111 * Math.cos((Math.min(Math.abs(lat) + 5, 89) * Math.PI) / 180);
    const maxRing = Math.ceil(maxKm / cellKm) + 1;
    for (let ring = 0; ring <= maxRing; ring++) {
      if ((ring - 1) * cellKm > bestD) break;
      for (let y = cy - ring; y <= cy + ring; y++) {
        for (let x = cx - ring; x <= cx + ring; x++) {
          if (Math.max(Math.abs(y - cy), Math.abs(x - cx)) !== ring) continue;
          for (const r of grid.get(cellKey(y, x)) ?? []) {
            const p = this.place(r);
            const d = distanceKm(lat, lon, p.lat, p.lon);
            if (d < bestD && (!filter || filter(p))) {
              bestD = d;
              best = p;
            }
          }
        }
      }
    }
    return best;
  }

  /** Apply curated entries on top (loadGazetteer does it with the shipped file). Idempotent. */
  applyCurated(entries: CuratedEntry[], onWarn?: (m: string) => void): CuratedStats {
    this.rowsMemo.clear();
    const stats = applyCurated(this.curatedTarget(), entries, onWarn);
    this.rowsMemo.clear();
    this.nameStarts = null;
    this.countryStarts = null;
    this.extraPrefixes = null;
    this.continuesMemo.clear();
    this.curatedStats = stats;
    return stats;
  }

  // -- internals --------------------------------------------------------------------------------

  private lineEnd(at: number): number {
    const nl = this.buf.indexOf(0x0a, at);
    return nl < 0 ? this.buf.length : nl;
  }

  private *allRows(): IterableIterator<number> {
    for (let at = this.recStart; at < this.recEnd; at = this.lineEnd(at) + 1) yield at;
    for (let r = this.buf.length; r < this.nextAdded; r++) yield r;
  }

  /**
   * The value part of the index line for `key` (a name key or a place id), or null. Bisection
   * over the bytes of the sorted index part: each probe backs up to the start of its line.
   */
  private bisect(key: string): string | null {
    const probe = Buffer.from(`${key}\t`, 'utf8');
    const n = probe.length;
    const buf = this.buf;
    let lo = this.idxStart; // the start of a line
    let hi = this.idxEnd; // exclusive
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const nl = mid > lo ? buf.lastIndexOf(0x0a, mid - 1) : -1;
      const s = nl < lo ? lo : nl + 1;
      let e = buf.indexOf(0x0a, s);
      if (e < 0 || e > hi) e = hi;
      const c = buf.compare(probe, 0, n, s, Math.min(e, s + n));
      if (c === 0) return buf.toString('utf8', s + n, e);
      if (c < 0) lo = e + 1;
      else hi = s;
    }
    return null;
  }

  /** Row handles (record byte offsets) indexed under a key, with the overlay applied. */
  private rowsOf(key: string): number[] {
    // text matching asks for the same few thousand keys over and over: remember the answers (misses
    // too), and start afresh past a bound so a long-running worker does not grow without limit
    const memo = this.rowsMemo.get(key);
    if (memo) return memo;
    if (this.rowsMemo.size > 200_000) this.rowsMemo.clear();
    const rows = this.rowsOfUncached(key);
    this.rowsMemo.set(key, rows);
    return rows;
  }

  private rowsOfUncached(key: string): number[] {
    const hit = key.includes(':') ? null : this.bisect(key);
    let found = hit === null ? [] : hit.split(',').map((x) => this.recStart + Number(x));
    if (this.replaced.size) found = found.filter((r) => !this.replaced.has(r));
    const extra = this.extraIndex.get(key);
    if (extra) for (const r of extra) if (!found.includes(r)) found.push(r);
    return found;
  }

  private rowOfId(id: string): number | undefined {
    const added = this.extraIds.get(id);
    if (added !== undefined) return added;
    // ids hold ':' and name keys never do, so both live in one sorted index
    const hit = id.includes(':') ? this.bisect(id) : null;
    return hit === null ? undefined : this.recStart + Number(hit);
  }

  private place(r: number): Place {
    const hit = this.overlay.get(r) ?? this.cache.get(r);
    if (hit) return hit;
    const f = this.buf.toString('utf8', r, this.lineEnd(r)).split('\t');
    const extra = decodeExtra(f[COL.extra] ?? '');
    const kind = f[COL.kind];
    const nameAr = f[COL.nameAr];
    const p: Place = {
      id: f[COL.id],
      name: f[COL.name],
      nameAr,
      names: f[COL.names] ? f[COL.names].split('|') : [],
      kind: isPlaceKind(kind) ? kind : 'site',
      lat: Number(f[COL.lat]),
      lon: Number(f[COL.lon]),
      population: Number(f[COL.population]) || 0,
      countryCode: f[COL.cc],
      country: f[COL.country],
      admin1Code: f[COL.admin1Code],
      admin1: f[COL.admin1],
      admin1Ar: f[COL.admin1Ar],
      source: f[COL.source],
    };
    if (f[COL.admin2]) p.admin2 = f[COL.admin2];
    if (f[COL.admin2Ar]) p.admin2Ar = f[COL.admin2Ar];
    if (extra.seat !== undefined) p.seat = Number(extra.seat);
    if (extra.capital) p.capitalId = extra.capital;
    if (extra.alt) p.altIds = extra.alt.split(',');
    if (extra.old === '1') p.old = true;
    if (extra.cw === '1' || extra.cw === '0') this.forcedCommon.set(p.id, extra.cw === '1');
    const cw = this.forcedCommon.get(p.id) ?? (nameAr !== '' && this.commonWords.has(placeKey(nameAr)));
    if (cw) p.commonWord = true;
    const renamed = this.adminNames.get(p.admin1Code);
    if (renamed) {
      p.admin1 = renamed.name;
      p.admin1Ar = renamed.nameAr;
    }
    this.cache.set(r, p);
    return p;
  }

  private addCountry(r: number): void {
    const p = this.place(r);
    const f = this.buf.toString('utf8', r, this.lineEnd(r)).split('\t');
    const extra = decodeExtra(f[COL.extra] ?? '');
    const nameKeys = placeKeysOf(p.names, p.countryCode);
    const adjectiveKeys = extra.adj ? extra.adj.split(',') : [];
    const c: Country = {
      code: p.countryCode,
      name: p.name,
      nameAr: p.nameAr,
      nameKeys,
      adjectiveKeys,
      placeId: p.id,
      capitalId: p.capitalId,
      arabLeague: extra.al === '1',
    };
    this.countryList.push(c);
    for (const k of [...nameKeys, ...adjectiveKeys]) if (!this.countryKeys.has(k)) this.countryKeys.set(k, c);
    this.countryKeys.set(`#${c.code}`, c);
  }

  private ensureGrid(): Map<number, number[]> {
    if (this.grid) return this.grid;
    const grid = new Map<number, number[]>();
    const buf = this.buf;
    for (let r = this.recStart; r < this.recEnd; r = this.lineEnd(r) + 1) {
      const cached = this.overlay.get(r) ?? this.cache.get(r);
      let lat: number;
      let lon: number;
      if (cached) {
        lat = cached.lat;
        lon = cached.lon;
      } else {
        // the point straight from the record's bytes: no string, no Place
        let at = r - 1;
        for (let c = 0; c < COL.lat; c++) at = buf.indexOf(0x09, at + 1);
        const a = buf.indexOf(0x09, at + 1);
        const b = buf.indexOf(0x09, a + 1);
        lat = parseDecimal(buf, at + 1, a);
        lon = parseDecimal(buf, a + 1, b);
      }
      gridAdd(grid, cellOf(lat, lon), r);
    }
    for (let r = this.buf.length; r < this.nextAdded; r++) {
      const p = this.place(r);
      gridAdd(grid, cellOf(p.lat, p.lon), r);
    }
    this.grid = grid;
    return grid;
  }

  private put(place: Place): void {
    let r = this.rowOfId(place.id);
    if (r !== undefined) {
      // the row's keys are now those of its new names: file keys no longer count for it
      this.replaced.add(r);
      for (const list of this.extraIndex.values()) {
        const at = list.indexOf(r);
        if (at >= 0) list.splice(at, 1);
      }
      const old = this.place(r);
      // keep the grid rather than rebuild it (~70k rows) after each of the curated file's entries
      if (this.grid && (old.lat !== place.lat || old.lon !== place.lon)) {
        const list = this.grid.get(cellOf(old.lat, old.lon));
        const at = list ? list.indexOf(r) : -1;
        if (list && at >= 0) list.splice(at, 1);
        gridAdd(this.grid, cellOf(place.lat, place.lon), r);
      }
    } else {
      r = this.nextAdded++;
      this.extraIds.set(place.id, r);
      if (this.grid) gridAdd(this.grid, cellOf(place.lat, place.lon), r);
    }
    for (const k of placeKeysOf(place.names, place.countryCode)) {
      const list = this.extraIndex.get(k);
      if (list) list.push(r);
      else this.extraIndex.set(k, [r]);
      this.maxNameTokens = Math.max(this.maxNameTokens, keyTokens(k));
    }
    const p: Place = { ...place };
    if (place.commonWord !== undefined) this.forcedCommon.set(place.id, place.commonWord);
    const cw = place.commonWord ?? (place.nameAr !== '' && this.commonWords.has(placeKey(place.nameAr)));
    if (cw) p.commonWord = true;
    else delete p.commonWord;
    this.overlay.set(r, p);
    this.cache.delete(r);
    if (p.kind === 'admin1' && p.admin1Code) {
      const was = this.adminNames.get(p.admin1Code);
      if (!was || was.name !== p.admin1 || was.nameAr !== p.admin1Ar) {
        this.adminNames.set(p.admin1Code, { name: p.admin1, nameAr: p.admin1Ar });
        // places already built show the old region name: build them again when asked
        this.cache.clear();
        for (const [k, q] of this.overlay) {
          if (q.admin1Code === p.admin1Code && k !== r) this.overlay.set(k, { ...q, admin1: p.admin1, admin1Ar: p.admin1Ar });
        }
      }
    }
  }

  private curatedTarget(): CuratedTarget {
    const ref = (p: Place | undefined): AdminRef | undefined =>
      p && p.admin1Code ? { code: p.admin1Code, name: p.admin1, nameAr: p.admin1Ar } : undefined;
    return {
      get: (id) => this.get(id),
      put: (p) => this.put(p),
      resolveAdmin1: (cc, text) => {
        if (/^[A-Z]{2}\./.test(text)) return ref(this.admin1Rows.map((r) => this.place(r)).find((p) => p.admin1Code === text));
        return ref(this.adminByKey(placeKey(text), cc).find((p) => p.kind === 'admin1'));
      },
      // no polygons at run time: the admin-1 of the nearest settlement of the same country
      locateAdmin1: (lat, lon, cc) =>
        ref(this.nearest(lat, lon, (p) => p.countryCode === cc && SETTLEMENT_KINDS.has(p.kind) && p.admin1Code !== '', 100)),
      countryName: (cc) => this.countryList.find((c) => c.code === cc)?.name ?? cc,
    };
  }
}

function cellKey(y: number, x: number): number {
  return y * 4096 + x;
}

function cellOf(lat: number, lon: number): number {
  return cellKey(Math.floor(lat / GRID), Math.floor(lon / GRID));
}

/** Put a row in its cell, in row order (the order a full rebuild gives, so ties resolve the same). */
function gridAdd(grid: Map<number, number[]>, cell: number, r: number): void {
  const list = grid.get(cell);
  if (!list) {
    grid.set(cell, [r]);
    return;
  }
  let at = list.length;
  while (at > 0 && list[at - 1] > r) at--;
  list.splice(at, 0, r);
}

/**
 * A plain decimal ("33.51", "-7.25", "12") from ASCII bytes, equal to Number() of the same text:
 * the digits make an exact integer and one division by an exact power of ten rounds correctly.
 * Anything else (exponents, long fractions) goes through Number().
 */
export function parseDecimal(buf: Buffer, start: number, end: number): number {
  let i = start;
  const neg = buf[i] === 0x2d;
  if (neg) i++;
  let m = 0;
  let scale = 1;
  let digits = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      if (dot) scale *= 10;
      digits++;
    } else if (c === 0x2e && !dot) dot = true;
    else return Number(buf.toString('latin1', start, end));
  }
  if (digits === 0 || digits > 15) return Number(buf.toString('latin1', start, end));
  const x = m / scale;
  return neg ? -x : x;
}

/** Record, under a key's first word, its number of words when it is the most seen. */
function maxWords(starts: Map<string, number>, key: string): void {
  const sp = key.indexOf(' ');
  const first = sp < 0 ? key : key.slice(0, sp);
  const n = sp < 0 ? 1 : key.split(' ').length;
  const had = starts.get(first);
  if (had === undefined || had < n) starts.set(first, n);
}

/**
 * Load the compiled gazetteer (default: the one shipped in data/gazetteer/), then apply the curated
 * file and the common-word list found beside it. Synchronous.
 */
export function loadGazetteer(path?: string, opts: LoadOptions = {}): Gazetteer {
  const file = path ?? dataPath('gazetteer', GAZETTEER_FILE);
  const dir = dirname(file);
  const raw = readFileSync(file);
  const data = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const cwPath = opts.commonWords === false ? null : opts.commonWords ?? join(dir, 'common-words.json');
  const commonWords = cwPath && (opts.commonWords || existsSync(cwPath)) ? loadCommonWords(cwPath) : new Set<string>();
  const gaz = new Gazetteer(data, commonWords);
  const curPath = opts.curated === false ? null : opts.curated ?? join(dir, 'curated.json');
  if (curPath && (opts.curated || existsSync(curPath))) {
    gaz.applyCurated(loadCuratedFile(curPath).entries, opts.onWarn);
  }
  return gaz;
}
