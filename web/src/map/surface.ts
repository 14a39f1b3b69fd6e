// What the dashboard needs from a map, whichever draws it: MapLibre on WebGL, or the canvas
// fallback where WebGL is missing. Markers are HTML buttons in both, so they are focusable,
// clickable and read out the same way.

export type BBox = [number, number, number, number];

export interface MarkerSpec {
  lon: number;
  lat: number;
  el: HTMLElement;
}

export interface MapSurface {
  readonly kind: 'webgl' | 'canvas';
  bounds(): BBox;
  zoom(): number;
  center(): { lat: number; lon: number };
  /** Called after every pan or zoom settles (and once when the map is first ready). */
  onMoveEnd(cb: () => void): void;
  setMarkers(markers: MarkerSpec[]): void;
  flyTo(lon: number, lat: number, zoom: number): void;
  resize(): void;
}

/** Where the dashboard opens without a position in the URL: the Arab world, from Morocco to Iraq. */
export const DEFAULT_VIEW = { lon: 30, lat: 27, zoom: 3 };

export function hasWebgl(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}
