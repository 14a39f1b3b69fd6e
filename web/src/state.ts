// Everything on screen follows from the URL: the view (path), the filters, the language, the
// map position and the control layer's day (query). So a view is a link that can be shared, bookmarked and reloaded.

import type { Lang } from './i18n.js';

export const FILTER_KEYS = ['country', 'eventType', 'subEventType', 'actor', 'from', 'to', 'q'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export type View =
  | { kind: 'list' }
  | { kind: 'event'; id: string }
  | { kind: 'article'; id: string };

export interface MapPosition {
  zoom: number;
  lat: number;
  lon: number;
}

export interface State {
  lang: Lang;
  filters: Filters;
  view: View;
  map: MapPosition | null;
  /** The territorial-control layer: the day it shows (YYYY-MM-DD) when on, null when off. */
  control: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseLocation(loc: { pathname: string; search: string }): State {
  const params = new URLSearchParams(loc.search);
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.trim();
    if (!v) continue;
    if ((k === 'from' || k === 'to') && !DATE.test(v)) continue;
    filters[k] = v.slice(0, 500);
  }
  let view: View = { kind: 'list' };
  const m = /^\/(event|article)\/([^/]+)\/?$/.exec(loc.pathname);
  if (m) view = { kind: m[1] as 'event' | 'article', id: decodeURIComponent(m[2]) };
  let map: MapPosition | null = null;
  const mp = params.get('map')?.split('/').map(Number);
  if (mp && mp.length === 3 && mp.every(Number.isFinite) && Math.abs(mp[1]) <= 85 && Math.abs(mp[2]) <= 180) {
    map = { zoom: Math.max(0, Math.min(20, mp[0])), lat: mp[1], lon: mp[2] };
  }
  const control = params.get('control')?.trim() ?? '';
  return { lang: params.get('lang') === 'en' ? 'en' : 'ar', filters, view, map, control: DATE.test(control) ? control : null };
}

export function filterParams(filters: Filters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) p.set(k, filters[k]!);
  return p;
}

export function toUrl(s: State): string {
  const path = s.view.kind === 'list' ? '/' : `/${s.view.kind}/${encodeURIComponent(s.view.id)}`;
  const p = filterParams(s.filters);
  if (s.lang !== 'ar') p.set('lang', s.lang);
  if (s.map) p.set('map', `${s.map.zoom.toFixed(2)}/${s.map.lat.toFixed(4)}/${s.map.lon.toFixed(4)}`);
  if (s.control) p.set('control', s.control);
  const q = p.toString();
  return q ? `${path}?${q}` : path;
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return FILTER_KEYS.every((k) => (a[k] ?? '') === (b[k] ?? ''));
}
