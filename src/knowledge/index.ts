// The compiled knowledge: language data, lexicons and the gazetteer, read once at start-up, validated
// against their schemas, compiled, and injected into the stages. Nothing here is module-level state:
// each call builds a fresh, immutable-by-convention Knowledge.

import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { MarsadError } from '../doc/diagnostics.js';
import { compileActors, type ActorData, type ActorLexicon, type AnaphorData } from '../extract/actors.js';
import { compileCasualties, type CasualtyData, type CasualtyLexicon } from '../extract/casualties.js';
import { loadDateLexicon, type DateLexicon } from '../extract/dates.js';
import { bareKey, phraseKeys } from '../extract/match/keys.js';
import { compileModality, type ModalityData, type ModalityLexicon } from '../extract/modality.js';
import type { PlaceCues } from '../extract/places.js';
import { compileTriggers, type TriggerData, type TriggerLexicon } from '../extract/triggers.js';
import { loadGazetteer, type Gazetteer } from '../geo/gazetteer.js';
import type { PlaceKind } from '../geo/types.js';
import type { KnownWord } from '../lang/ar/clitics.js';
import { loadArabicData, type ArabicData } from '../lang/ar/data.js';
import { fold } from '../lang/ar/normalize.js';
import { dataPath } from './paths.js';

export interface Knowledge {
  arabic: ArabicData;
  /** Is this folded word known (so the clitic splitter keeps it whole)? */
  known: KnownWord;
  dates: DateLexicon;
  actors: ActorLexicon;
  triggers: TriggerLexicon;
  casualties: CasualtyLexicon;
  modality: ModalityLexicon;
  placeCues: PlaceCues;
  gazetteer: Gazetteer;
  /** ISO2 of a nationality adjective key (تركي → TR). */
  nationality: (key: string) => string | null;
}

/** Read a data file and check it against its schema (data/schema/NAME.schema.json) when there is one. */
export function readKnowledgeFile<T>(name: string, schemaName = name, ajv = new Ajv({ allErrors: true, strict: false })): T {
  const path = dataPath('knowledge', `${name}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new MarsadError('KNOWLEDGE_INVALID', `${path}: ${(err as Error).message}`);
  }
  const schemaPath = dataPath('schema', `${schemaName}.schema.json`);
  if (existsSync(schemaPath)) {
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    if (!validate(data)) {
      const first = validate.errors?.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      throw new MarsadError('KNOWLEDGE_INVALID', `${path}: ${first}`);
    }
  }
  return data as T;
}

interface PlaceCueData {
  placeWords: string[];
  regionWords: string[];
  prepositions: string[];
  relations: Record<string, 2 | 3>;
  anaphors: Record<string, 'settlement' | 'camp' | 'capital' | 'any'>;
  placeClauses?: string[];
  dualRelations?: string[];
  unknownNameCues?: Record<string, PlaceKind>;
}

const bare = (w: string) => bareKey(fold(w));

export interface KnowledgeOptions {
  /** A gazetteer already loaded (tests and workers share one). */
  gazetteer?: Gazetteer;
}

export function loadKnowledge(opts: KnowledgeOptions = {}): Knowledge {
  // one validator for all files: each new Ajv compiles the draft-07 meta-schema again
  const ajv = new Ajv({ allErrors: true, strict: false });
  const casualtyData = readKnowledgeFile<CasualtyData>('casualties', undefined, ajv);
  const casualties = compileCasualties(casualtyData);
  const arabic = loadArabicData(dataPath('lang', 'ar'), { duals: casualties.duals });
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const countryNames = new Map(gazetteer.countries().map((c) => [c.code, c.name]));
  const actors = compileActors(readKnowledgeFile<ActorData>('actors', undefined, ajv), readKnowledgeFile<AnaphorData>('anaphors', undefined, ajv), countryNames);
  const triggerData = readKnowledgeFile<TriggerData>('triggers', undefined, ajv);
  const triggers = compileTriggers(triggerData);
  const modality = compileModality(readKnowledgeFile<ModalityData>('modality', undefined, ajv));
  const dates = loadDateLexicon(dataPath('lang', 'ar', 'dates.json'));
  const pc = readKnowledgeFile<PlaceCueData>('place-cues', undefined, ajv);

  // words of the other lexicons are never place names on their own (زمزم is; الهجوم is not)
  const stopWords = new Set<string>();
  const addStop = (phrase: string) => {
    const k = phraseKeys(phrase);
    if (k.length === 1) stopWords.add(k[0]);
  };
  for (const t of triggerData.triggers) t.forms.forEach(addStop);
  for (const words of Object.values(triggerData.cues)) words.forEach(addStop);
  for (const kind of ['killed', 'injured', 'abducted', 'arrested', 'missing'] as const) {
    const s = casualtyData[kind];
    if (s) for (const list of [s.nouns, s.verbalNouns, s.verbs]) (list ?? []).forEach(addStop);
  }
  casualtyData.persons.singular.forEach(addStop);
  casualtyData.persons.plural.forEach(addStop);
  for (const m of [arabic.numbers.units, arabic.numbers.tens, arabic.numbers.hundreds, arabic.numbers.vague, arabic.numbers.scales]) {
    for (const k of m.keys()) stopWords.add(bareKey(k));
  }
  for (const w of arabic.known) if (!arabic.names.has(w)) stopWords.add(bareKey(w));
  for (const a of actors.byId.values()) for (const al of a.aliases) addStop(al);
  for (const w of [...pc.placeWords, ...pc.regionWords, ...pc.prepositions, ...Object.keys(pc.relations)]) addStop(w);

  // never a one-word place: the cue words themselves, function words, weekdays and months
  const neverWords = new Set<string>();
  for (const w of [...pc.placeWords, ...pc.regionWords, ...pc.prepositions, ...Object.keys(pc.relations), ...Object.keys(pc.anaphors)]) {
    neverWords.add(bare(w));
  }
  for (const w of arabic.known) if (!arabic.names.has(w)) neverWords.add(bareKey(w));
  for (const k of dates.weekdays.keys()) neverWords.add(bareKey(k));
  for (const m of dates.months) if (m.words.length === 1) neverWords.add(bareKey(m.words[0]));
  for (const m of [arabic.numbers.units, arabic.numbers.tens, arabic.numbers.hundreds, arabic.numbers.vague, arabic.numbers.scales]) {
    for (const k of m.keys()) neverWords.add(bareKey(k));
  }
  const persons = JSON.parse(readFileSync(dataPath('lang', 'ar', 'person-names.json'), 'utf8')) as { givenNames: string[]; titles: string[] };
  const commonPath = dataPath('lang', 'ar', 'common-words.json');
  if (existsSync(commonPath)) {
    for (const w of (JSON.parse(readFileSync(commonPath, 'utf8')) as { words: string[] }).words) stopWords.add(bare(w));
  }

  const placeCues: PlaceCues = {
    neverWords,
    personStarts: new Set(persons.givenNames.map(bare)),
    titles: new Set(persons.titles.map(bare)),
    placeWords: new Set(pc.placeWords.map(bare)),
    regionWords: new Set(pc.regionWords.map(bare)),
    prepositions: new Set(pc.prepositions.map(bare)),
    relations: new Map(Object.entries(pc.relations).map(([k, v]) => [bare(k), v])),
    anaphors: new Map(Object.entries(pc.anaphors).map(([k, v]) => [bare(k), v])),
    placeClauses: new Set((pc.placeClauses ?? []).map((w) => w.split(' ').map(bare).join(' '))),
    dualRelations: new Set((pc.dualRelations ?? []).map(bare)),
    unknownNameCues: new Map(Object.entries(pc.unknownNameCues ?? {}).map(([k, v]) => [bare(k), v])),
    stopWords,
  };

  const adjectives = new Map<string, string>();
  for (const c of gazetteer.countries()) for (const k of c.adjectiveKeys) adjectives.set(k, c.code);
  const nationality = (key: string) => adjectives.get(key) ?? null;

  // the clitic splitter keeps lexicon words whole
  const known = new Set(arabic.known);
  for (const w of stopWords) known.add(w);
  // the clitic splitter asks about the same words over and over (several candidate cuts per token):
  // remember the answers, and start afresh past a bound so a long-running worker does not grow
  const knownMemo = new Map<string, boolean>();
  const knownFn: KnownWord = (w) => {
    let k = knownMemo.get(w);
    if (k === undefined) {
      if (knownMemo.size > 100_000) knownMemo.clear();
      k = known.has(w) || known.has(bareKey(w)) || gazetteer.has(bareKey(w));
      knownMemo.set(w, k);
    }
    return k;
  };

  return { arabic, known: knownFn, dates, actors, triggers, casualties, modality, placeCues, gazetteer, nationality };
}
