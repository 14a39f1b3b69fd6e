// The dashboard's only way to the server: same-origin JSON GETs.

import { filterParams, type Filters } from './state.js';
import type { ArticleDetail, ControlPlace, EventDetail, EventPage, Facets, MapAnswer, PointProperties, TimelinePoint } from './types.js';

async function get<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const q = params?.toString();
  const res = await fetch(q ? `${path}?${q}` : path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let msg = `${res.status}`;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      if (body.error) msg = `${body.error.code}: ${body.error.message}`;
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(msg);
  }
  return (await res.json()) as T;
}

export const api = {
  facets: (signal?: AbortSignal) => get<Facets>('/api/facets', undefined, signal),
  map(filters: Filters, bbox: [number, number, number, number], zoom: number, signal?: AbortSignal) {
    const p = filterParams(filters);
    p.set('bbox', bbox.map((v) => v.toFixed(5)).join(','));
    p.set('zoom', zoom.toFixed(2));
    return get<MapAnswer>('/api/map', p, signal);
  },
  leaves(filters: Filters, cluster: number, signal?: AbortSignal) {
    const p = filterParams(filters);
    p.set('cluster', String(cluster));
    p.set('limit', '200');
    return get<{ items: PointProperties[] }>('/api/map/leaves', p, signal);
  },
  timeline(filters: Filters, signal?: AbortSignal) {
    const p = filterParams(filters);
    p.set('bucket', 'day');
    return get<{ points: TimelinePoint[]; totals: { events: number; fatalities: number } }>('/api/stats/timeline', p, signal);
  },
  events(filters: Filters, cursor: string | null, signal?: AbortSignal) {
    const p = filterParams(filters);
    p.set('limit', '50');
    if (cursor) p.set('cursor', cursor);
    return get<EventPage>('/api/events', p, signal);
  },
  control(date: string, country: string | undefined, signal?: AbortSignal) {
    const p = new URLSearchParams({ date });
    if (country) p.set('country', country);
    return get<{ date: string; places: ControlPlace[] }>('/api/control', p, signal);
  },
  event: (id: string, signal?: AbortSignal) => get<EventDetail>(`/api/events/${encodeURIComponent(id)}`, undefined, signal),
  article: (id: string, signal?: AbortSignal) => get<ArticleDetail>(`/api/articles/${encodeURIComponent(id)}`, undefined, signal),
  exportUrl(filters: Filters, format: 'csv' | 'geojson'): string {
    const p = filterParams(filters);
    p.set('format', format);
    return `/api/export?${p.toString()}`;
  },
};
