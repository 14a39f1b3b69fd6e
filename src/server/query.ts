// Validated query strings → the store's EventFilter. JSON schema has checked the forms; what a
// schema cannot say (a real calendar date, a box whose corners are in range) is checked here.

import { MarsadError } from '../doc/diagnostics.js';
import type { EventFilter } from '../store/types.js';

export interface FilterQuery {
  country?: string;
  admin1?: string;
  eventType?: string;
  subEventType?: string;
  actor?: string;
  from?: string;
  to?: string;
  bbox?: string;
  q?: string;
  minFatalities?: number;
}

function realDate(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v + 'T00:00:00Z');
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new MarsadError('BAD_REQUEST', `${name} is not a calendar date: ${v}`);
  return v;
}

function parseBbox(v: string | undefined): EventFilter['bbox'] {
  if (v === undefined) return undefined;
  const [minLon, minLat, maxLon, maxLat] = v.split(',').map(Number);
  const lonOk = (x: number) => x >= -180 && x <= 180;
  const latOk = (x: number) => x >= -90 && x <= 90;
  if (![minLon, maxLon].every(lonOk) || ![minLat, maxLat].every(latOk) || minLat > maxLat) {
    throw new MarsadError('BAD_REQUEST', 'bbox must be minLon,minLat,maxLon,maxLat with longitudes in [-180, 180], latitudes in [-90, 90] and minLat <= maxLat');
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function filterFromQuery(q: FilterQuery): EventFilter {
  const from = realDate('from', q.from);
  const to = realDate('to', q.to);
  if (from && to && from > to) throw new MarsadError('BAD_REQUEST', `from (${from}) is after to (${to})`);
  const filter: EventFilter = {
    country: q.country,
    admin1: q.admin1,
    eventType: q.eventType,
    subEventType: q.subEventType,
    actor: q.actor,
    from,
    to,
    bbox: parseBbox(q.bbox),
    q: q.q,
    minFatalities: q.minFatalities,
  };
  for (const k of Object.keys(filter) as (keyof EventFilter)[]) if (filter[k] === undefined) delete filter[k];
  return filter;
}
