// Events on the map: asks the server for the clusters and events inside the viewport (clustered
// there, so 50,000 events cost the browser a few hundred buttons) and draws each as a button
// coloured by event type and sized by fatalities (events) or by count (clusters).

import { api } from '../api.js';
import { colorAt, typeColor } from '../colors.js';
import { h } from '../dom.js';
import type { I18n } from '../i18n.js';
import type { Filters, MapPosition } from '../state.js';
import type { ClusterProperties, MapAnswer, MapFeature, PointProperties } from '../types.js';
import { createCanvasMap } from './canvas-map.js';
import { createGlMap } from './maplibre.js';
import { DEFAULT_VIEW, hasWebgl, type MapSurface, type MarkerSpec } from './surface.js';

export interface EventMapOptions {
  initial: MapPosition | null;
  onOpenEvent(id: string): void;
  /** A cluster whose events share one place: list them. */
  onPlace(cluster: ClusterProperties, lon: number, lat: number): void;
  onMoved(pos: MapPosition): void;
  onAnswer(answer: MapAnswer): void;
}

/** Diameter in px: √fatalities, so area grows with the count; 10 px for none, 40 px at most. */
export function pointSize(fatalities: number | null): number {
  return Math.round(Math.min(40, 10 + 3.2 * Math.sqrt(Math.max(0, fatalities ?? 0))));
}

export function clusterSize(count: number): number {
  return Math.round(Math.min(60, 22 + 9 * Math.log10(count)));
}

/** A pie of the cluster's event types as a conic gradient. */
function pie(types: number[]): string {
  const total = types.reduce((a, b) => a + b, 0) || 1;
  let at = 0;
  const stops: string[] = [];
  types.forEach((n, i) => {
    if (!n) return;
    const end = at + (n / total) * 100;
    stops.push(`${colorAt(i)} ${at.toFixed(2)}% ${end.toFixed(2)}%`);
    at = end;
  });
  return `conic-gradient(${stops.join(', ')})`;
}

export class EventMap {
  readonly surface: MapSurface;
  readonly #i18n: I18n;
  readonly #o: EventMapOptions;
  readonly #container: HTMLElement;
  #filters: Filters = {};
  #selected: string | null = null;
  #abort: AbortController | null = null;
  #last: MapAnswer | null = null;
  /** The query of the answer shown or on its way: the same query is never asked twice in a row. */
  #asked: string | null = null;
  /** Markers of another layer (territorial control), drawn under the events. */
  #overlay: MarkerSpec[] = [];

  constructor(container: HTMLElement, i18n: I18n, o: EventMapOptions) {
    this.#container = container;
    this.#i18n = i18n;
    this.#o = o;
    const view = o.initial ? { lon: o.initial.lon, lat: o.initial.lat, zoom: o.initial.zoom } : DEFAULT_VIEW;
    let surface: MapSurface | null = null;
    if (hasWebgl()) {
      try {
        surface = createGlMap(container, view);
      } catch (err) {
        console.warn('marsad: WebGL map failed, using the canvas map', err);
      }
    }
    this.surface = surface ?? createCanvasMap(container, view, {
      zoomIn: i18n.t('zoomIn'), zoomOut: i18n.t('zoomOut'), note: i18n.t('noWebgl'),
    });
    container.dataset.renderer = this.surface.kind;
    this.surface.onMoveEnd(() => {
      const c = this.surface.center();
      this.#o.onMoved({ zoom: this.surface.zoom(), lat: c.lat, lon: c.lon });
      void this.refresh();
    });
  }

  setFilters(filters: Filters): void {
    this.#filters = filters;
    void this.refresh();
  }

  select(id: string | null): void {
    this.#selected = id;
    for (const el of this.#container.querySelectorAll<HTMLElement>('.mk-point')) {
      el.classList.toggle('selected', el.dataset.id === id);
    }
  }

  setOverlay(markers: MarkerSpec[]): void {
    this.#overlay = markers;
    if (this.#last) this.#draw(this.#last);
    else this.surface.setMarkers(markers);
  }

  /** Language changed: labels are rebuilt from the last answer. */
  relabel(): void {
    if (this.#last) this.#draw(this.#last);
  }

  async refresh(): Promise<void> {
    const bbox = this.surface.bounds();
    const zoom = this.surface.zoom();
    // The map's first 'load' and the first filters ask for the same view: one request serves both.
    const key = JSON.stringify([this.#filters, bbox.map((v) => v.toFixed(4)), zoom.toFixed(2)]);
    if (key === this.#asked) return;
    this.#asked = key;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#container.dataset.state = 'loading';
    try {
      const answer = await api.map(this.#filters, bbox, zoom, abort.signal);
      if (abort.signal.aborted) return;
      this.#last = answer;
      this.#draw(answer);
      this.#o.onAnswer(answer);
      this.#container.dataset.state = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.#asked = null;
      this.#container.dataset.state = 'error';
      console.error('marsad: map', err);
    }
  }

  #draw(answer: MapAnswer): void {
    this.surface.setMarkers([...this.#overlay, ...answer.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      return { lon, lat, el: f.properties.cluster ? this.#clusterButton(f, f.properties) : this.#pointButton(f.properties) };
    })]);
    this.#container.dataset.markers = String(answer.features.length);
  }

  #pointButton(p: PointProperties): HTMLElement {
    const t = this.#i18n;
    const d = pointSize(p.fatalities);
    const place = t.name(p.location, p.locationAr) || t.t('unknown');
    const label = t.t('point', { type: t.subEventType(p.subEventType), place, date: p.date ?? t.t('unknown') })
      + (p.fatalities ? ` — ${t.killed(p.fatalities)}` : '');
    return h('button', {
      type: 'button',
      class: `mk mk-point${p.id === this.#selected ? ' selected' : ''}${p.sample ? ' sample' : ''}`,
      'data-id': p.id,
      'data-type': p.eventType,
      'aria-label': label,
      title: label,
      style: `width:${d}px;height:${d}px;background:${typeColor(p.eventType)}`,
      onclick: (e: Event) => {
        e.stopPropagation();
        this.#o.onOpenEvent(p.id);
      },
    });
  }

  #clusterButton(f: MapFeature, c: ClusterProperties): HTMLElement {
    const t = this.#i18n;
    const d = clusterSize(c.count);
    const label = t.t('cluster', { n: t.num(c.count), f: t.killed(c.fatalities) });
    const [lon, lat] = f.geometry.coordinates;
    return h('button', {
      type: 'button',
      class: 'mk mk-cluster',
      'data-count': c.count,
      'aria-label': label,
      title: label,
      style: `width:${d}px;height:${d}px;background:${pie(c.types)}`,
      onclick: (e: Event) => {
        e.stopPropagation();
        // Events that still share a cluster past the last clustering zoom stand at one place.
        if (c.expansionZoom > (this.#last?.maxZoom ?? 14)) this.#o.onPlace(c, lon, lat);
        else this.surface.flyTo(lon, lat, Math.max(c.expansionZoom, this.surface.zoom() + 1));
      },
    }, h('span', {}, t.num(c.count)));
  }
}
