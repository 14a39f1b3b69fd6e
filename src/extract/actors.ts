// Actor mentions: every alias of the actor dictionary found in the text, resolved to one actor by the
// article's country where an alias belongs to several (الجيش الوطني: Libya's LNA or Syria's SNA), with
// generic templates ("Military Forces of {country}", "Civilians ({country})") filled with that country,
// and anaphors (التنظيم، الحركة، الجماعة) pointing back to the last named group of that kind.

import type { ActorMention, MarsadDocument } from '../doc/types.js';
import type { Stage } from '../pipeline/types.js';
import { documentKeys, phraseKeys, type TokenKey } from './match/keys.js';
import { PhraseMatcher } from './match/phrase-matcher.js';

export interface ActorEntry {
  id: string;
  name: string;
  aliases: string[];
  inter: number;
  /** ISO2, null when transnational, "*" for a generic template with "{country}" in its name. */
  country: string | null;
  parent?: string | null;
  /** Aliases that are also everyday words (الأمن، الإعلامية): not matched on their own. */
  weakAliases?: string[];
  sharedAliases?: string[];
  validFrom?: string | null;
  validTo?: string | null;
  notes?: string;
}

export interface ActorData {
  actors: ActorEntry[];
}

export interface AnaphorData {
  /** Words that refer back to the last named actor with one of these inter codes. */
  anaphors: Array<{ words: string[]; inter: number[] }>;
}

export interface ActorLexicon {
  matcher: PhraseMatcher<ActorEntry>;
  /**
   * Weak aliases (also ordinary phrases: حركة الشباب، الجيش الوطني) of a country's forces and armed
   * groups, of two words or more: taken only in an article about that country.
   */
  weak: PhraseMatcher<ActorEntry>;
  anaphors: PhraseMatcher<number[]>;
  byId: Map<string, ActorEntry>;
  /** Branches by parent id (Islamic State → its provinces and country branches). */
  children: Map<string, ActorEntry[]>;
  /** English country names by ISO2, for templates. */
  countryNames: Map<string, string>;
}

export function compileActors(data: ActorData, anaphors: AnaphorData, countryNames: Map<string, string>): ActorLexicon {
  const matcher = new PhraseMatcher<ActorEntry>();
  const weakMatcher = new PhraseMatcher<ActorEntry>();
  const byId = new Map<string, ActorEntry>();
  const children = new Map<string, ActorEntry[]>();
  for (const a of data.actors) {
    byId.set(a.id, a);
    const weak = new Set(a.weakAliases ?? []);
    for (const alias of a.aliases) if (!weak.has(alias)) matcher.add(alias, a);
    // (a single word, a community's name or an entry with no country of its own needs more than that)
    const countryBound = !!a.country && a.country !== '*' && a.inter <= 3;
    for (const alias of weak) if (countryBound && phraseKeys(alias).length >= 2) weakMatcher.add(alias, a);
    if (a.parent) children.set(a.parent, [...(children.get(a.parent) ?? []), a]);
  }
  const an = new PhraseMatcher<number[]>();
  for (const g of anaphors.anaphors) for (const w of g.words) an.add(w, g.inter);
  return { matcher, weak: weakMatcher, anaphors: an, byId, children, countryNames };
}

/** Fill a template name with the article's country, or a neutral form when it is unknown. */
export function actorName(lex: ActorLexicon, a: ActorEntry, country: string | null): string {
  if (!a.name.includes('{country}')) return a.name;
  const cname = country ? lex.countryNames.get(country) ?? country : null;
  if (cname) return a.name.replace('{country}', cname);
  return a.name.replace(/\s*\(\{country\}\)/, '').replace(/\s+of \{country\}/, '').replace('{country}', '').trim();
}

function inPeriod(a: ActorEntry, date: string | null): boolean {
  if (!date) return !a.validTo; // no date: the current name
  if (a.validFrom && date.slice(0, a.validFrom.length) < a.validFrom) return false;
  if (a.validTo && date.slice(0, a.validTo.length) > a.validTo) return false;
  return true;
}

/**
 * The lexicon's entries by country, in lexicon order, indexed once per lexicon (again if entries are
 * added): specialising a generic force looked through every entry, a copy of the lexicon per mention.
 */
const entriesByCountry = new WeakMap<Map<string, ActorEntry>, { size: number; byCountry: Map<string | null, ActorEntry[]> }>();

function entriesOf(lex: ActorLexicon, country: string): readonly ActorEntry[] {
  let index = entriesByCountry.get(lex.byId);
  if (!index || index.size !== lex.byId.size) {
    const byCountry = new Map<string | null, ActorEntry[]>();
    for (const e of lex.byId.values()) {
      const list = byCountry.get(e.country);
      if (list) list.push(e);
      else byCountry.set(e.country, [e]);
    }
    index = { size: lex.byId.size, byCountry };
    entriesByCountry.set(lex.byId, index);
  }
  return index.byCountry.get(country) ?? [];
}

/** What a template's name says before its country ("Military Forces of"), read once per entry. */
const templatePrefixes = new WeakMap<ActorEntry, string | undefined>();

function templatePrefix(a: ActorEntry): string | undefined {
  if (templatePrefixes.has(a)) return templatePrefixes.get(a);
  const prefix = a.name.match(/^(.*?) \{country\}/)?.[1] ?? a.name.match(/^(.*?) \(\{country\}\)/)?.[1];
  templatePrefixes.set(a, prefix);
  return prefix;
}

/**
 * Make a match as specific as the article allows: a parent organisation becomes its branch in the
 * article's country (داعش in Libya → Islamic State (Libya)); a generic "Military Forces of {country}"
 * becomes that country's named force of the period (Military Forces of Syria (2000-2024)).
 */
export function specialise(lex: ActorLexicon, a: ActorEntry, country: string | null, date: string | null): ActorEntry {
  if (!country) return a;
  // only a transnational parent has country branches; a national force's units (Sudan's military
  // intelligence under its army, Hezbollah's Saraya under Hezbollah) are not what a bare name means
  const branch = a.country === null ? (lex.children.get(a.id) ?? []).filter((c) => c.country === country && inPeriod(c, date)) : [];
  if (branch.length === 1) return branch[0];
  if (a.country === '*') {
    const prefix = templatePrefix(a);
    const cname = lex.countryNames.get(country);
    if (prefix && cname && /Forces of$/.test(prefix)) {
      const named = entriesOf(lex, country).filter((e) => e.inter === a.inter && e.name.startsWith(`${prefix} ${cname}`) && inPeriod(e, date));
      if (named.length) return named.sort((x, y) => x.name.length - y.name.length)[0];
    }
  }
  return a;
}

/** Choose among the entries an alias may be, by the article's country and the date. */
export function chooseActor(cands: ActorEntry[], country: string | null, date: string | null): ActorEntry {
  const score = (a: ActorEntry) =>
    (country && a.country === country ? 4 : 0) + (a.country === null ? 2 : 0) + (a.country === '*' ? 1 : 0) + (inPeriod(a, date) ? 2 : 0);
  return [...cands].sort((x, y) => score(y) - score(x))[0];
}

/**
 * What chooseActor, specialise and actorName make of a match, remembered per lexicon, entry (or set of
 * entries an alias may be), country and date: all three are pure, and every article names the same
 * few forces again and again (specialising a generic one filters the country's entries each time).
 * Bounded: the memo starts afresh past MEMO_LIMIT answers.
 */
interface Resolved {
  entry: ActorEntry;
  name: string;
}

const MEMO_LIMIT = 100_000;

/** Answers by country and date (two map levels: no key string is built per lookup), bounded. */
class ByContext<V> {
  private readonly byCountry = new Map<string | null, Map<string | null, V>>();
  private size = 0;

  get(country: string | null, date: string | null, make: () => V): V {
    let byDate = this.byCountry.get(country);
    if (!byDate) this.byCountry.set(country, (byDate = new Map()));
    let v = byDate.get(date);
    if (v === undefined) {
      if (this.size >= MEMO_LIMIT) {
        this.byCountry.clear();
        this.size = 0;
        this.byCountry.set(country, (byDate = new Map()));
      }
      byDate.set(date, (v = make()));
      this.size++;
    }
    return v;
  }
}

const chosenMemos = new WeakMap<ActorEntry[], { length: number; memo: ByContext<ActorEntry> }>();
const resolvedMemos = new WeakMap<ActorLexicon, Map<ActorEntry, ByContext<Resolved>>>();

/**
 * chooseActor, remembered by the candidate array (a trie node's own, so the same for every match of
 * it; forgotten should a phrase be added to the node later).
 */
function chosenOf(cands: ActorEntry[], country: string | null, date: string | null): ActorEntry {
  if (cands.length === 1) return cands[0];
  let held = chosenMemos.get(cands);
  if (!held || held.length !== cands.length) chosenMemos.set(cands, (held = { length: cands.length, memo: new ByContext() }));
  return held.memo.get(country, date, () => chooseActor(cands, country, date));
}

/** specialise and actorName of an entry in this country and date. */
function resolvedOf(lex: ActorLexicon, chosen: ActorEntry, country: string | null, date: string | null): Resolved {
  let byEntry = resolvedMemos.get(lex);
  if (!byEntry) resolvedMemos.set(lex, (byEntry = new Map()));
  let memo = byEntry.get(chosen);
  if (!memo) byEntry.set(chosen, (memo = new ByContext()));
  return memo.get(country, date, () => {
    const entry = specialise(lex, chosen, country, date);
    return { entry, name: actorName(lex, entry, country) };
  });
}

/** The country of the first key of a word that is a nationality adjective (جنود ماليين), or null. */
function nationalityOf(keys: readonly TokenKey[], nationality: (key: string) => string | null): string | null {
  for (const k of keys) {
    const c = nationality(k.key);
    if (c) return c;
  }
  return null;
}

/**
 * @param nationality ISO2 of a nationality adjective key: "جنود ماليين" are Mali's soldiers whatever
 *   country the article is mostly about (a Malian attack reported beside the Mauritanian border).
 */
export function findActors(lex: ActorLexicon, doc: MarsadDocument, country: string | null, nationality: (key: string) => string | null = () => null): ActorMention[] {
  const keys = documentKeys(doc);
  const tokens = doc.layers.tokens;
  const out: ActorMention[] = [];
  const date = doc.publishedAt;
  let i = 0;
  // the last named actors, most recent first, at most 8, each once; the words each was named by are
  // read only when an anaphor asks
  const lastNamed: Array<{ entry: ActorEntry; name: string; from: number; to: number; written?: string }> = [];
  const writtenOf = (x: (typeof lastNamed)[number]) =>
    (x.written ??= keys.slice(x.from, x.to).map((k) => k.map((y) => y.key).join(' ')).join(' '));
  while (i < tokens.length) {
    let m = lex.matcher.matchAt(keys, tokens, i);
    // a weak alias, in an article about its actor's country, where no longer name is read
    const w = country && lex.weak.size ? lex.weak.matchAt(keys, tokens, i) : null;
    if (w && (!m || w.tokenEnd > m.tokenEnd)) {
      const here = w.payloads.filter((a) => a.country === country);
      if (here.length) m = { ...w, payloads: here };
    }
    const an = lex.anaphors.matchAt(keys, tokens, i);
    if (m && (!an || m.tokenEnd >= an.tokenEnd)) {
      const chosen = chosenOf(m.payloads, country, date);
      const adjective = chosen.country === '*' && m.tokenEnd < tokens.length ? nationalityOf(keys[m.tokenEnd], nationality) : null;
      const here = adjective ?? country;
      const { entry, name } = resolvedOf(lex, chosen, here, date);
      const start = doc.norm.starts[tokens[i].nstart + m.prefixLen] ?? tokens[i].start;
      const end = tokens[m.tokenEnd - 1].end;
      out.push({
        start,
        end,
        actorId: entry.id,
        name,
        nameAr: doc.text.slice(start, end),
        inter: entry.inter,
        country: entry.country === '*' ? here : entry.country,
        tokenStart: i,
        tokenEnd: m.tokenEnd,
        ruleId: m.payloads.length > 1 ? 'actor.alias.by-country' : entry.country === '*' ? 'actor.generic' : 'actor.alias',
      });
      if (entry.country !== '*') {
        const again = lastNamed.findIndex((x) => x.entry.id === entry.id);
        if (again >= 0) lastNamed.splice(again, 1);
        lastNamed.unshift({ entry, name, from: i, to: m.tokenEnd });
        if (lastNamed.length > 8) lastNamed.length = 8;
      }
      i = m.tokenEnd;
      continue;
    }
    if (an) {
      const inter = an.payloads[0];
      // التنظيم points back to a group written with تنظيم (تنظيم داعش), else to the last group of its kind
      const head = keys[i].find((k) => k.prefixLen === 0)?.key ?? '';
      const ref = lastNamed.find((x) => inter.includes(x.entry.inter) && writtenOf(x).includes(head)) ?? lastNamed.find((x) => inter.includes(x.entry.inter));
      if (ref) {
        const start = doc.norm.starts[tokens[i].nstart + an.prefixLen] ?? tokens[i].start;
        const end = tokens[an.tokenEnd - 1].end;
        out.push({
          start,
          end,
          actorId: ref.entry.id,
          name: ref.name,
          nameAr: doc.text.slice(start, end),
          inter: ref.entry.inter,
          country: ref.entry.country === '*' ? country : ref.entry.country,
          tokenStart: i,
          tokenEnd: an.tokenEnd,
          ruleId: 'actor.anaphor',
        });
      }
      i = an.tokenEnd;
      continue;
    }
    i++;
  }
  return out;
}

export function actorsStage(lex: ActorLexicon, nationality?: (key: string) => string | null): Stage {
  return {
    name: 'actors',
    needs: ['tokens', 'places'],
    adds: ['actors'],
    run(doc) {
      doc.layers.actors = findActors(lex, doc, doc.country, nationality);
    },
  };
}
