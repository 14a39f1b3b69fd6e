// The one document type and its stand-off layers. Every span is [start, end) in the ORIGINAL text,
// in UTF-16 code units (as JavaScript strings index). Nothing here is ever a copy of the text that
// could drift from it: `text` fields are conveniences equal to original.slice(start, end).

import type { Diagnostic } from './diagnostics.js';
import type { NormalizedText } from '../lang/ar/normalize.js';

export interface Span {
  start: number;
  end: number;
}

export type TokenKind = 'arabic' | 'latin' | 'number' | 'punct' | 'other';

export interface Token extends Span {
  kind: TokenKind;
  /** Start and end in the normalised text. */
  nstart: number;
  nend: number;
  /** The normalised form of the token. */
  norm: string;
}

export type SegmentRole = 'proclitic' | 'article' | 'stem' | 'enclitic';

/** A clitic segment of a token: a span of the original text with its role. */
export interface Segment extends Span {
  token: number;
  role: SegmentRole;
  norm: string;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last token. */
  tokenStart: number;
  tokenEnd: number;
}

export type Qualifier = 'exact' | 'approximate' | 'atLeast' | 'atMost' | 'range' | 'vague';

export interface NumberMention extends Span {
  value: number;
  /** Upper value of a range; equal to value otherwise. */
  high: number;
  qualifier: Qualifier;
  /** The words or digits of the number itself, without its qualifier. */
  valueSpan: Span;
  /** How it was written: digits, words, or a vague quantity word such as عشرات. */
  form: 'digits' | 'words' | 'vague' | 'dual';
  /** Index of the first token of the number itself and one past its last token. */
  tokenStart: number;
  tokenEnd: number;
  ruleId: string;
}

export interface DateMention extends Span {
  /** Resolved date, YYYY-MM-DD, or null when it cannot be resolved (no publication date). */
  date: string | null;
  /** ACLED time precision: 1 day, 2 week, 3 month. */
  precision: 1 | 2 | 3;
  /** relative: resolved against publication date; absolute: explicit in the text. */
  kind: 'relative' | 'absolute' | 'weekday' | 'historical';
  ruleId: string;
  /** Index of the first and one past the last token. */
  tokenStart: number;
  tokenEnd: number;
}

export interface ActorMention extends Span {
  actorId: string;
  name: string;
  nameAr: string;
  /** ACLED actor type (inter code) 1–8. */
  inter: number;
  country: string | null;
  tokenStart: number;
  tokenEnd: number;
  ruleId: string;
}

export interface PlaceMention extends Span {
  /** The name as written (original text of the name itself, without cue words). */
  nameAr: string;
  gazetteerId: string | null;
  name: string | null;
  country: string | null;
  countryCode: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  kind: string | null;
  /** ACLED geo precision: 1 the place itself, 2 near it or part of it, 3 a region only. */
  geoPrecision: 1 | 2 | 3;
  tokenStart: number;
  tokenEnd: number;
  /** Cue word span (مدينة، بلدة…) when one was seen. */
  cue?: Span;
  /** A relative place: the word that relates it to the named anchor (شرق، قرب، ريف، على بعد…). */
  relation?: string;
  /** An anaphor (المدينة، البلدة، العاصمة) resolved to an earlier place. */
  anaphor?: boolean;
  /** Named only as the administrative context of another place (كفرناها في ريف حلب). */
  context?: boolean;
  ruleId: string;
}

export interface TriggerMention extends Span {
  triggerId: string;
  eventType: string;
  subEventType: string;
  tokenStart: number;
  tokenEnd: number;
  /** Voice of a verbal trigger, when known. */
  voice?: 'active' | 'passive' | 'noun';
  /** The trigger family (data/knowledge/triggers.json) whose rules decide the sub-event type. */
  family: string;
  /** How strongly the form signals a real event (0.5–1). */
  weight: number;
  pos: 'verb' | 'noun' | 'phrase';
  ruleId: string;
}

export type CasualtyKind = 'killed' | 'injured' | 'abducted' | 'arrested' | 'missing';

export interface CasualtyMention extends Span {
  kind: CasualtyKind;
  /** The count, or null when the text reports casualties without a number. */
  value: number | null;
  qualifier: Qualifier | null;
  /** The casualty word, as evidence. */
  wordSpan: Span;
  /** The number, as evidence. */
  numberSpan: Span | null;
  tokenStart: number;
  tokenEnd: number;
  /** A part of a total given elsewhere ("بينهم 3 أطفال"): not added to the total. */
  subset: boolean;
  /** A revised total ("ارتفعت الحصيلة إلى 20"): replaces earlier figures. */
  update: boolean;
  ruleId: string;
}

/** Page chrome in a plain-text page (breadcrumbs, captions, "read also" links…): skipped by extraction. */
export interface ChromeSpan extends Span {
  kind: 'breadcrumb' | 'title-repeat' | 'caption' | 'read-also' | 'share' | 'tags' | 'byline';
}

/** A cue that an event is not real: planned, threatened, denied, conditional, historical… */
export interface ModalityMention extends Span {
  modality: string;
  /** What the cue does to an event in its scope: suppress it, flag it (denied), lower its confidence, keep it. */
  effect: 'suppress' | 'flag' | 'lower-confidence' | 'keep';
  /** First token the cue covers (its scope): the cue's own first token, or the sentence's first for a sentence-wide cue. The cue itself is [start, end). */
  tokenStart: number;
  /** One past the last token the cue covers (its scope), not the end of the cue itself. */
  tokenEnd: number;
  ruleId: string;
}

export interface ActorRef {
  name: string;
  nameAr: string;
  id: string | null;
  /** ACLED inter code 1–8. */
  inter: number | null;
  country: string | null;
}

export interface EventLocation {
  name: string;
  nameAr: string;
  country: string | null;
  countryCode: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  geoPrecision: 1 | 2 | 3;
  gazetteerId: string | null;
  /** The gazetteer's kind of place (city, town, village, district, camp, crossing…). */
  kind?: string | null;
}

export type EvidenceField =
  | 'eventType'
  | 'actor1'
  | 'actor2'
  | 'location'
  | 'date'
  | 'fatalities'
  | 'injured'
  | 'modality';

export interface Evidence extends Span {
  field: EvidenceField;
  /** original.slice(start, end), for convenience. */
  text: string;
  ruleId: string;
}

export interface EventRecord {
  /** Stable within the document: derived from the document id and the event's own content. */
  id: string;
  disorderType: string;
  eventType: string;
  subEventType: string;
  actor1: ActorRef | null;
  actor2: ActorRef | null;
  /** ACLED interaction code (inter1 * 10 + inter2, smaller first) or null. */
  interaction: number | null;
  civilianTargeting: boolean;
  location: EventLocation | null;
  date: string | null;
  /** ACLED time precision 1–3. */
  timePrecision: 1 | 2 | 3;
  fatalities: number | null;
  injured: number | null;
  /** Rule ids per field: how each value was decided. */
  rules: Partial<Record<EvidenceField, string>>;
  evidence: Evidence[];
  /** The sentence(s) the event was read from. */
  sentence: Span;
  confidence: number;
  notes: string;
}

export interface DocumentLayers {
  tokens: Token[];
  segments: Segment[];
  sentences: Sentence[];
  numbers: NumberMention[];
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
  triggers: TriggerMention[];
  casualties: CasualtyMention[];
  chrome: ChromeSpan[];
  modality: ModalityMention[];
}

export interface MarsadDocument {
  id: string;
  /** The original text, never changed. */
  text: string;
  url: string | null;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  title: string | null;
  /** The article's main country (ISO2), inferred from its places, actors and outlet; null when unknown. */
  country: string | null;
  norm: NormalizedText;
  layers: DocumentLayers;
  events: EventRecord[];
  diagnostics: Diagnostic[];
}
