// The lists the dashboard's filters offer, with counts, from the same slim scan the map clusters.

import type { EventPoint } from '../../store/types.js';
import { located } from './cluster.js';

export interface Facets {
  total: number;
  located: number;
  samples: number;
  dates: { min: string | null; max: string | null };
  countries: Array<{ name: string; iso3: string | null; count: number }>;
  eventTypes: Array<{ name: string; count: number; subEventTypes: Array<{ name: string; count: number }> }>;
  actors: Array<{ id: string; name: string; nameAr: string | null; count: number }>;
}

/** 300 actors: a select list longer than that is searched, not read; the text filter covers the rest. */
const MAX_ACTORS = 300;

const byCount = <T extends { count: number; name: string }>(a: T, b: T) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function facetsOf(points: readonly EventPoint[], isSample: (p: EventPoint) => boolean): Facets {
  const countries = new Map<string, { name: string; iso3: string | null; count: number }>();
  const types = new Map<string, { count: number; subs: Map<string, number> }>();
  const actors = new Map<string, { id: string; name: string; nameAr: string | null; count: number }>();
  let min: string | null = null;
  let max: string | null = null;
  let nLocated = 0;
  let samples = 0;
  const addActor = (id: string | null, name: string | null, nameAr: string | null) => {
    if (!id || !name) return;
    const a = actors.get(id);
    if (a) a.count++;
    else actors.set(id, { id, name, nameAr, count: 1 });
  };
  for (const p of points) {
    if (located(p)) nLocated++;
    if (isSample(p)) samples++;
    if (p.eventDate) {
      if (min === null || p.eventDate < min) min = p.eventDate;
      if (max === null || p.eventDate > max) max = p.eventDate;
    }
    if (p.country) {
      const key = p.iso3 ?? p.country;
      const c = countries.get(key);
      if (c) c.count++;
      else countries.set(key, { name: p.country, iso3: p.iso3, count: 1 });
    }
    let t = types.get(p.eventType);
    if (!t) types.set(p.eventType, (t = { count: 0, subs: new Map() }));
    t.count++;
    t.subs.set(p.subEventType, (t.subs.get(p.subEventType) ?? 0) + 1);
    addActor(p.actor1Id, p.actor1, p.actor1Ar);
    if (p.actor2Id !== p.actor1Id) addActor(p.actor2Id, p.actor2, p.actor2Ar);
  }
  return {
    total: points.length,
    located: nLocated,
    samples,
    dates: { min, max },
    countries: [...countries.values()].sort(byCount),
    eventTypes: [...types.entries()].map(([name, t]) => ({
      name,
      count: t.count,
      subEventTypes: [...t.subs.entries()].map(([sub, count]) => ({ name: sub, count })).sort(byCount),
    })).sort(byCount),
    actors: [...actors.values()].sort(byCount).slice(0, MAX_ACTORS),
  };
}
