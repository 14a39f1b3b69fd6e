// The WebGL map: MapLibre with a style of our own (no tiles): a background for the sea and three
// GeoJSON layers (land, admin-1 lines, country borders) filled from the bundled basemap.

import { Map as GlMap, Marker, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a file of its own; bundled, MapLibre would look for it beside the bundle.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { BASEMAP_ATTRIBUTION, BASEMAP_URLS, DETAIL_ZOOM } from './basemap.js';
import type { BBox, MapSurface, MarkerSpec } from './surface.js';

// The zoomed-out view (1:110m land and borders) is the style itself; the detailed layers (1:50m,
// admin-1 lines) are added once it is drawn, or at once when the map opens zoomed in, so the first
// view does not wait for 1.7 MB of shapes it does not show.
const style = (): StyleSpecification => ({
  version: 8,
  sources: {
    // URLs, not objects: MapLibre's worker fetches and parses them off the page's main thread.
    countries110: { type: 'geojson', data: BASEMAP_URLS.land110, attribution: BASEMAP_ATTRIBUTION },
    borders110: { type: 'geojson', data: BASEMAP_URLS.borders110 },
  },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#d8e4ec' } },
    { id: 'land110', type: 'fill', source: 'countries110', maxzoom: DETAIL_ZOOM, paint: { 'fill-color': '#f6f3ec' } },
    { id: 'borders110', type: 'line', source: 'borders110', maxzoom: DETAIL_ZOOM, paint: { 'line-color': '#7d7466', 'line-width': 1 } },
  ],
});

function addDetail(map: GlMap): void {
  map.addSource('countries', { type: 'geojson', data: BASEMAP_URLS.land });
  map.addSource('borders', { type: 'geojson', data: BASEMAP_URLS.borders });
  map.addSource('admin1', { type: 'geojson', data: BASEMAP_URLS.admin1 });
  map.addLayer({ id: 'land', type: 'fill', source: 'countries', minzoom: DETAIL_ZOOM, paint: { 'fill-color': '#f6f3ec' } }, 'borders110');
  map.addLayer({
    id: 'admin1', type: 'line', source: 'admin1', minzoom: 3.5,
    paint: { 'line-color': '#b8ae9c', 'line-width': 0.7, 'line-dasharray': [3, 2] },
  }, 'borders110');
  map.addLayer({ id: 'borders', type: 'line', source: 'borders', minzoom: DETAIL_ZOOM, paint: { 'line-color': '#7d7466', 'line-width': 1.1 } });
}

export function createGlMap(container: HTMLElement, view: { lon: number; lat: number; zoom: number }): MapSurface {
  setWorkerUrl(workerUrl);
  const map = new GlMap({
    container,
    style: style(),
    center: [view.lon, view.lat],
    zoom: view.zoom,
    minZoom: 1,
    maxZoom: 16,
    renderWorldCopies: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: false },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.getCanvas().setAttribute('aria-hidden', 'true');

  // The basemap is drawn once the map is first idle with its sources: what tests and the benchmark wait for.
  if (view.zoom >= DETAIL_ZOOM) {
    map.once('load', () => {
      addDetail(map);
      map.once('idle', () => { container.dataset.basemap = 'ready'; });
    });
  } else {
    map.once('idle', () => {
      container.dataset.basemap = 'ready';
      addDetail(map);
    });
  }

  let markers: Marker[] = [];
  const moveListeners: Array<() => void> = [];
  map.on('moveend', () => moveListeners.forEach((cb) => cb()));
  map.once('load', () => moveListeners.forEach((cb) => cb()));

  return {
    kind: 'webgl',
    bounds(): BBox {
      const b = map.getBounds();
      return [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
    },
    zoom: () => map.getZoom(),
    center() {
      const c = map.getCenter();
      return { lat: c.lat, lon: c.lng };
    },
    onMoveEnd(cb) {
      moveListeners.push(cb);
      if (map.loaded()) cb();
    },
    setMarkers(list: MarkerSpec[]) {
      for (const m of markers) m.remove();
      markers = list.map((s) => new Marker({ element: s.el }).setLngLat([s.lon, s.lat]).addTo(map));
    },
    flyTo(lon, lat, zoom) {
      map.easeTo({ center: [lon, lat], zoom, duration: 400 });
    },
    resize: () => map.resize(),
  };
}
