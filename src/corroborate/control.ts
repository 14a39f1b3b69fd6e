// Territorial control: from the canonical events that move a place from one holder to another
// ("Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of
// territory"), a per-place timeline of who held it when, each period with the event that opened it
// and the words it was read from. Pure: the store reads the events, this orders and folds them.

import type { EventRow } from '../store/types.js';

export const CONTROL_SUB_EVENT_TYPES = [
  'Non-state actor overtakes territory',
  'Government regains territory',
  'Non-violent transfer of territory',
] as const;

export type ControlSubEventType = (typeof CONTROL_SUB_EVENT_TYPES)[number];

export function isControlSubEventType(t: string): t is ControlSubEventType {
  return (CONTROL_SUB_EVENT_TYPES as readonly string[]).includes(t);
}

/**
 * What a control event must carry: a canonical event's fields, and the article its primary report
 * came from (the evidence spans are offsets into that article).
 */
export type ControlEvent = Pick<
  EventRow,
  'id' | 'eventDate' | 'subEventType' | 'actor1' | 'actor1Ar' | 'actor1Id' | 'inter1' | 'actor2' | 'actor2Ar' | 'actor2Id' | 'inter2' | 'evidence'
> & { articleId: string | null };

export interface ControlActor {
  name: string;
  nameAr: string | null;
  id: string | null;
  inter: number | null;
}

export interface ControlEvidence {
  articleId: string | null;
  eventId: string;
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface ControlPeriod {
  /** The first day held, YYYY-MM-DD (the date of the event that opened the period). */
  from: string;
  /** The day the next holder took over (exclusive), or null: still held as far as we know. */
  to: string | null;
  holder: ControlActor;
  /** Who lost it: the event's actor2, else the holder of the period before, else null. */
  previousHolder: ControlActor | null;
  /** The event that opened the period. */
  eventId: string;
  subEventType: string;
  /** Every event of the period (later ones confirm the same holder). */
  eventIds: string[];
  evidence: ControlEvidence[];
}

/** The evidence fields that say who took the place, from whom, where and when. */
const EVIDENCE_FIELDS = new Set(['eventType', 'subEventType', 'actor1', 'actor2', 'location', 'date']);

function actorOf(name: string | null, nameAr: string | null, id: string | null, inter: number | null): ControlActor | null {
  if (name === null || name === '') return null;
  return { name, nameAr, id, inter };
}

function sameActor(a: ControlActor, b: ControlActor): boolean {
  return a.id !== null && b.id !== null ? a.id === b.id : a.name === b.name;
}

function evidenceOf(e: ControlEvent): ControlEvidence[] {
  return e.evidence
    .filter((v) => EVIDENCE_FIELDS.has(v.field))
    .map((v) => ({ articleId: e.articleId, eventId: e.id, field: v.field, start: v.start, end: v.end, text: v.text }));
}

/**
 * The control timeline of one place. For all three sub-event types actor1 takes control and actor2
 * (when named) loses it. Events without a date or without actor1 say nothing about who held the
 * place and are ignored; an event whose actor1 already holds the place extends its period and adds
 * its evidence. Order: by date, then id (the input need not be sorted).
 */
export function controlTimeline(events: readonly ControlEvent[]): ControlPeriod[] {
  const usable = events
    .filter((e) => isControlSubEventType(e.subEventType) && e.eventDate !== null && e.actor1 !== null)
    .slice()
    .sort((a, b) => (a.eventDate! < b.eventDate! ? -1 : a.eventDate! > b.eventDate! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const periods: ControlPeriod[] = [];
  for (const e of usable) {
    const date = e.eventDate!.slice(0, 10);
    const holder = actorOf(e.actor1, e.actor1Ar, e.actor1Id, e.inter1)!;
    const loser = actorOf(e.actor2, e.actor2Ar, e.actor2Id, e.inter2);
    const current = periods[periods.length - 1];
    if (current && sameActor(current.holder, holder)) {
      current.eventIds.push(e.id);
      current.evidence.push(...evidenceOf(e));
      continue;
    }
    if (current) current.to = date;
    periods.push({
      from: date,
      to: null,
      holder,
      previousHolder: loser ?? current?.holder ?? null,
      eventId: e.id,
      subEventType: e.subEventType,
      eventIds: [e.id],
      evidence: evidenceOf(e),
    });
  }
  return periods;
}

/** Control events grouped by place id, each place's timeline built by controlTimeline. */
export function controlTimelines(events: Iterable<ControlEvent & { placeId: string | null }>): Map<string, ControlPeriod[]> {
  const byPlace = new Map<string, ControlEvent[]>();
  for (const e of events) {
    if (e.placeId === null) continue;
    let list = byPlace.get(e.placeId);
    if (!list) byPlace.set(e.placeId, (list = []));
    list.push(e);
  }
  const out = new Map<string, ControlPeriod[]>();
  for (const [id, list] of byPlace) {
    const periods = controlTimeline(list);
    if (periods.length) out.set(id, periods);
  }
  return out;
}

/** The period that covers a date: from ≤ date < to. */
export function periodAt(periods: readonly ControlPeriod[], date: string): ControlPeriod | null {
  for (const p of periods) if (p.from <= date && (p.to === null || date < p.to)) return p;
  return null;
}

/** Who held each place on a date (YYYY-MM-DD); places with no known holder yet are left out. */
export function controlAt(timelines: ReadonlyMap<string, readonly ControlPeriod[]>, date: string): Map<string, ControlPeriod> {
  const out = new Map<string, ControlPeriod>();
  for (const [placeId, periods] of timelines) {
    const p = periodAt(periods, date);
    if (p) out.set(placeId, p);
  }
  return out;
}
