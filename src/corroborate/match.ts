// Are two reports the same event? A pure function of the two reports' facts: every part (type,
// place, date, actors, figures) gives a score and a reason; any part may veto. The store's
// corroborator (corroborator.ts) and the clustering evaluation both decide through it.

import type { EventLocation, EventRecord } from '../doc/types.js';
import { distanceKm } from '../geo/distance.js';
import { typeCompatibility } from './compatibility.js';

/** What matching needs to know of one report (or of one canonical event). */
export interface ReportFacts {
  subEventType: string;
  location: Pick<EventLocation, 'country' | 'countryCode' | 'admin1' | 'admin2' | 'lat' | 'lon' | 'geoPrecision' | 'gazetteerId'> | null;
  /** YYYY-MM-DD, or null when the text gave no date that could be resolved. */
  date: string | null;
  /** ACLED time precision: 1 day, 2 week, 3 month. */
  timePrecision: number;
  /** Publication dates (YYYY-MM-DD or ISO) of the articles that tell it; empty when unknown. */
  published: string[];
  actors: Array<{ id: string | null; inter: number | null }>;
  fatalities: number | null;
  injured: number | null;
}

export interface MatchReason {
  /** A stable rule id, as extraction's rule ids: "type.same", "place.within-5km", "date.adjacent-day"… */
  rule: string;
  /** The part's score in [0, 1] (a bonus for figures), or 0 for a veto. */
  score: number;
  detail: string;
}

export interface MatchResult {
  same: boolean;
  /** Weighted score in [0, 1]; 0 when vetoed. */
  score: number;
  /** The rule that ruled the pair out, or null. */
  veto: string | null;
  reasons: MatchReason[];
}

export interface MatchOptions {
  /** Score at or above which two reports are the same event. */
  threshold?: number;
}

/**
 * 0.6: the same sub-type at an adjacent place within the day passes easily (≈0.9); a compatible
 * type (0.7) at the same second-level region on an adjacent day still passes (≈0.6); a battle
 * told as "regains" and "overtakes" (0.5) in the same first-level region a day apart does not.
 */
export const DEFAULT_THRESHOLD = 0.6;

const WEIGHTS = { type: 0.3, place: 0.3, date: 0.25, actors: 0.15 };

/** The extractor's rule for an event dated by its article's publication, the text giving no day. */
export const PUBLICATION_DATE_RULE = 'date.publication';

export function factsOfRecord(record: EventRecord, publishedAt: string | null): ReportFacts {
  // A date that is only the publication's is no date of the event: matching reads the publication
  // as such (the event happened on it or shortly before), not as a week around it.
  const fromPublication = record.rules.date === PUBLICATION_DATE_RULE;
  return {
    subEventType: record.subEventType,
    location: record.location,
    date: fromPublication ? null : record.date,
    timePrecision: fromPublication ? 1 : record.timePrecision,
    published: publishedAt ? [publishedAt] : fromPublication && record.date ? [record.date] : [],
    actors: [record.actor1, record.actor2].filter((a) => a !== null).map((a) => ({ id: a.id, inter: a.inter })),
    fatalities: record.fatalities,
    injured: record.injured,
  };
}

/** Day number of a YYYY-MM-DD (or ISO) date; NaN when unreadable. */
function dayOf(d: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : NaN;
}

function reason(rule: string, score: number, detail: string): MatchReason {
  return { rule, score, detail };
}

/** Two gazetteer entries of one town often sit 1–2 km apart; "a few km" is neighbouring quarters. */
const SAME_POINT_KM = 2;
const NEAR_KM = 5;
/** "Near X", "east of X" (precision 2) puts the event up to a district away from X's point. */
const LOW_PRECISION_KM = 25;

function placePart(a: ReportFacts['location'], b: ReportFacts['location']): MatchReason {
  if (!a || !b) return reason('place.missing', 0, 'a report without a place cannot be corroborated');
  // Codes when both have one, else names: a canonical event keeps the country's name only.
  const [ca, cb] = a.countryCode && b.countryCode ? [a.countryCode.toUpperCase(), b.countryCode.toUpperCase()] : [a.country, b.country];
  if (ca && cb && ca !== cb) return reason('place.other-country', 0, `${ca} ≠ ${cb}`);
  if (a.gazetteerId && a.gazetteerId === b.gazetteerId) {
    // "Near X" and "X" share an id but not a place: a low precision keeps the match looser.
    const s = Math.max(a.geoPrecision, b.geoPrecision) === 1 ? 1 : 0.8;
    return reason('place.same-gazetteer-id', s, a.gazetteerId);
  }
  const lowPrecision = Math.max(a.geoPrecision, b.geoPrecision) >= 2;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
    const d = `${km.toFixed(1)} km`;
    if (km <= SAME_POINT_KM) return reason('place.same-point', 1, d);
    if (km <= NEAR_KM) return reason('place.within-5km', 0.8, d);
    if (lowPrecision && km <= LOW_PRECISION_KM) return reason('place.near-low-precision', 0.6, d);
  }
  if (lowPrecision) {
    if (a.admin2 && a.admin2 === b.admin2) return reason('place.same-admin2', 0.6, a.admin2);
    // Precision 3 (a region only): the first-level region is all that is known.
    if (Math.max(a.geoPrecision, b.geoPrecision) === 3 && a.admin1 && a.admin1 === b.admin1) {
      return reason('place.same-admin1', 0.5, a.admin1);
    }
  }
  return reason('place.too-far', 0, 'different places');
}

/** Days within which two undated reports' publications tell the same news. */
const PUBLICATION_WINDOW_DAYS = 2;
/**
 * Days an undated report's publication may follow a dated event: the same day or the next, as
 * news is. Never before it. Two days would join a town's strike of Sunday to an undated report
 * of its strike of Tuesday published on Tuesday, toll and words alike (corroborator.test.ts).
 */
const PUBLICATION_LAG_DAYS = 1;

function datePart(a: ReportFacts, b: ReportFacts): MatchReason {
  if (a.date && b.date) {
    const days = Math.abs(dayOf(a.date) - dayOf(b.date));
    const precision = Math.max(a.timePrecision, b.timePrecision);
    if (days === 0) return reason('date.same-day', 1, a.date);
    if (precision === 1 && days <= 1) return reason('date.adjacent-day', 0.7, `${a.date} / ${b.date}`);
    // A week or a month: the date given is the period's, so anywhere within it may be the same day.
    const tolerance = precision === 2 ? 7 : precision === 3 ? 31 : 1;
    if (days <= tolerance) return reason('date.within-precision', 0.4, `${a.date} / ${b.date} (precision ${precision})`);
    return reason('date.too-far', 0, `${a.date} / ${b.date}: ${days} days apart`);
  }
  // An undated report's event happened on or shortly before its publication.
  const dated = a.date ? a : b.date ? b : null;
  const undated = dated === a ? b : a;
  if (!undated.published.length || (!dated && !b.published.length)) {
    return reason('date.unknown', 0, 'no date and no publication date on one side');
  }
  if (dated) {
    const event = dayOf(dated.date!);
    // A week or a month: the given date is the period's, the publication anywhere near it.
    const slack = dated.timePrecision === 2 ? 7 : dated.timePrecision === 3 ? 31 : 0;
    let best = Infinity;
    for (const p of undated.published) {
      const lag = dayOf(p) - event;
      best = Math.min(best, lag < -slack ? -slack - lag : lag > PUBLICATION_LAG_DAYS + slack ? lag - PUBLICATION_LAG_DAYS - slack : 0);
    }
    const detail = `${dated.date} told in a report published ${undated.published.join(', ')}`;
    if (best === 0 && slack > 0) return reason('date.within-precision', 0.4, `${detail} (precision ${dated.timePrecision})`);
    if (best === 0) return reason('date.publication-close', 0.5, detail);
    return reason('date.publication-far', 0, `${dated.date} / published ${undated.published.join(', ')}`);
  }
  let best = Infinity;
  for (const x of a.published) for (const y of b.published) best = Math.min(best, Math.abs(dayOf(x) - dayOf(y)));
  if (best <= PUBLICATION_WINDOW_DAYS) return reason('date.publication-close', 0.5, `published ${best} day(s) apart`);
  return reason('date.publication-far', 0, `published ${best} days apart`);
}

/** No actor at all, or one the text could not name: it agrees with anyone. */
function wildcard(id: string | null): boolean {
  return !id || id.startsWith('generic-unidentified');
}

/** A named actor, not a class of people ("civilians", "the military"): sharing it is evidence. */
function named(id: string | null): id is string {
  return !wildcard(id) && !id!.startsWith('generic-');
}

type Actor = ReportFacts['actors'][number];

/** Two actors can be one: either is unknown, or they are the same actor or of the same kind. */
function actorsAgree(x: Actor | undefined, y: Actor | undefined): boolean {
  if (!x || !y || wildcard(x.id) || wildcard(y.id)) return true;
  return x.id === y.id || (x.inter !== null && x.inter === y.inter);
}

function actorPart(a: ReportFacts, b: ReportFacts): MatchReason {
  const idsB = new Set(b.actors.map((x) => x.id).filter(named));
  const shared = [...new Set(a.actors.map((x) => x.id).filter(named))].filter((id) => idsB.has(id));
  if (shared.length) return reason('actors.same-id', 1, shared.join(', '));
  const [a1, a2] = a.actors;
  const [b1, b2] = b.actors;
  // Order-free: outlets name the sides of a battle either way round.
  if ((actorsAgree(a1, b1) && actorsAgree(a2, b2)) || (actorsAgree(a1, b2) && actorsAgree(a2, b1))) {
    const known = a.actors.some((x) => !wildcard(x.id)) && b.actors.some((x) => !wildcard(x.id));
    return known ? reason('actors.same-kind', 0.5, 'actors of the same kind') : reason('actors.unknown', 0.5, 'actors unknown on one side');
  }
  // Extraction often names one side only, or mistakes it (the victims as the perpetrator): a
  // disagreement lowers the score; only two fully named, irreconcilable pairs of sides rule it out.
  const full = (r: ReportFacts) => r.actors.length === 2 && r.actors.every((x) => named(x.id));
  if (full(a) && full(b)) return reason('actors.contradiction', 0, 'different named sides');
  return reason('actors.disagree', 0, 'actors of different kinds');
}

function figuresPart(a: ReportFacts, b: ReportFacts): MatchReason | null {
  if (a.fatalities !== null && a.fatalities > 0 && a.fatalities === b.fatalities) return reason('figures.same-fatalities', 0.1, String(a.fatalities));
  if (a.injured !== null && a.injured > 0 && a.injured === b.injured) return reason('figures.same-injured', 0.05, String(a.injured));
  return null;
}

/** Whether two reports tell the same event, with a score and the reason for each part. */
export function matchReports(a: ReportFacts, b: ReportFacts, opts: MatchOptions = {}): MatchResult {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const reasons: MatchReason[] = [];
  const vetoed = (rule: string): MatchResult => ({ same: false, score: 0, veto: rule, reasons });

  const t = typeCompatibility(a.subEventType, b.subEventType);
  reasons.push(t === 1
    ? reason('type.same', 1, a.subEventType)
    : reason(t > 0 ? 'type.compatible' : 'type.incompatible', t, `${a.subEventType} / ${b.subEventType}`));
  if (t === 0) return vetoed('type.incompatible');

  const place = placePart(a.location, b.location);
  reasons.push(place);
  if (place.score === 0) return vetoed(place.rule);

  const date = datePart(a, b);
  reasons.push(date);
  if (date.score === 0 && date.rule !== 'date.unknown') return vetoed(date.rule);

  const actors = actorPart(a, b);
  reasons.push(actors);
  if (actors.rule === 'actors.contradiction') return vetoed(actors.rule);

  const figures = figuresPart(a, b);
  if (figures) reasons.push(figures);

  // With no time at all, place and type alone would join every strike on a town over the years,
  // and a week or a month is not much better: ask for a second, independent agreement (a named
  // actor on both sides, or the same toll).
  if (date.rule === 'date.unknown' || date.rule === 'date.within-precision') {
    // A dated event against a report with no time at all: the same hands in the same town is no proof
    // (IS in Sirte, 2015 and 2016 in the dev set); only the same toll is.
    const timeless = date.rule === 'date.unknown' && (a.date !== null || b.date !== null);
    const corroborated = (actors.rule === 'actors.same-id' && !timeless) || figures?.rule === 'figures.same-fatalities';
    if (t < 1 || place.score < 0.8 || !corroborated) return vetoed(`${date.rule}-uncorroborated`);
  }

  const score = Math.min(1,
    WEIGHTS.type * t + WEIGHTS.place * place.score + WEIGHTS.date * date.score + WEIGHTS.actors * actors.score + (figures?.score ?? 0));
  return { same: score >= threshold, score: Math.round(score * 1000) / 1000, veto: null, reasons };
}
