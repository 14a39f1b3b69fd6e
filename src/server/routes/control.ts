// Territorial control: who held a place when (from the three control sub-event types), and who
// held every place on one day, for the dashboard's control layer.

import type { FastifyPluginAsync } from 'fastify';
import { controlAt, controlTimeline, controlTimelines } from '../../corroborate/control.js';
import { MarsadError } from '../../doc/diagnostics.js';
import type { ControlEventRow, Store } from '../../store/types.js';
import { filterFromQuery } from '../query.js';
import { controlQuery, controlResponse, errorResponses, idParams, placeControlResponse } from '../schemas.js';

/** The place as its latest control event located it. */
function placeOf(id: string, e: ControlEventRow) {
  return { id, name: e.location, nameAr: e.locationAr, country: e.country, admin1: e.admin1, latitude: e.latitude, longitude: e.longitude };
}

export const controlRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<{ Params: { id: string } }>('/api/places/:id/control', {
    schema: {
      summary: 'Who held a place when: its territorial-control timeline, each period with its evidence',
      description: 'From the events "Non-state actor overtakes territory", "Government regains territory" and "Non-violent transfer of '
        + 'territory" at the place (its gazetteer id): actor1 takes control, actor2 loses it. A period runs from its event\'s date to the '
        + 'next holder\'s (exclusive).',
      tags: ['control'],
      params: idParams,
      response: { 200: placeControlResponse, ...errorResponses(404, 500) },
    },
  }, async (req) => {
    const events = await store.controlEvents(req.params.id);
    const periods = controlTimeline(events);
    if (!periods.length) throw new MarsadError('NOT_FOUND', `no territorial-control events at place ${req.params.id}`);
    return { place: placeOf(events[events.length - 1].placeId, events[events.length - 1]), periods };
  });

  app.get<{ Querystring: { date: string; country?: string } }>('/api/control', {
    schema: {
      summary: 'Who held each place on a day, with coordinates (the dashboard\'s control layer)',
      description: 'Places with no control event on or before the day are left out.',
      tags: ['control'],
      querystring: controlQuery,
      response: { 200: controlResponse, ...errorResponses(400, 500) },
    },
  }, async (req) => {
    const { date, country } = req.query;
    const day = new Date(date + 'T00:00:00Z');
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== date) throw new MarsadError('BAD_REQUEST', `date is not a calendar date: ${date}`);
    // Events after the day cannot change who held a place on it.
    const events = await store.controlEvents(null, filterFromQuery({ country, to: date }));
    const latest = new Map<string, ControlEventRow>();
    for (const e of events) latest.set(e.placeId, e);
    const places = [...controlAt(controlTimelines(events), date)].map(([id, p]) => ({
      ...placeOf(id, latest.get(id)!),
      holder: p.holder,
      previousHolder: p.previousHolder,
      since: p.from,
      eventId: p.eventId,
    }));
    places.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { date, places };
  });
};
