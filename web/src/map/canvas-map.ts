// The map where WebGL is missing (some locked-down or GPU-less browsers): the same basemap drawn
// on a 2D canvas in Web Mercator, dragged and zoomed by pointer, wheel, buttons and keys, with the
// same HTML markers placed over it. Plainer than MapLibre, but every marker is there.

import { loadBasemap, type Basemap } from './basemap.js';
import type { BBox, MapSurface, MarkerSpec } from './surface.js';
import type { Geometry, Position } from 'geojson';

const TILE = 256;
const MIN_ZOOM = 1;
const MAX_ZOOM = 16;

const lonToX = (lon: number, z: number) => ((lon + 180) / 360) * TILE * 2 ** z;
const latToY = (lat: number, z: number) => {
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * TILE * 2 ** z;
};
const xToLon = (x: number, z: number) => (x / (TILE * 2 ** z)) * 360 - 180;
const yToLat = (y: number, z: number) => {
  const n = Math.PI - (2 * Math.PI * y) / (TILE * 2 ** z);
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
};

export function createCanvasMap(
  container: HTMLElement, view: { lon: number; lat: number; zoom: number }, labels: { zoomIn: string; zoomOut: string; note: string },
): MapSurface {
  container.classList.add('canvas-map');
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  const layer = document.createElement('div');
  layer.className = 'canvas-markers';
  const controls = document.createElement('div');
  controls.className = 'canvas-controls';
  const zin = document.createElement('button');
  zin.type = 'button';
  zin.textContent = '+';
  zin.setAttribute('aria-label', labels.zoomIn);
  const zout = document.createElement('button');
  zout.type = 'button';
  zout.textContent = '−';
  zout.setAttribute('aria-label', labels.zoomOut);
  const note = document.createElement('div');
  note.className = 'canvas-note';
  note.textContent = labels.note;
  controls.append(zin, zout);
  container.append(canvas, layer, controls, note);

  let zoom = view.zoom;
  let cx = lonToX(view.lon, zoom);
  let cy = latToY(view.lat, zoom);
  let basemap: Basemap | null = null;
  let specs: MarkerSpec[] = [];
  const listeners: Array<() => void> = [];
  let settle: number | undefined;

  const size = () => ({ w: container.clientWidth || 800, h: container.clientHeight || 500 });
  const project = (lon: number, lat: number): [number, number] => {
    const { w, h } = size();
    return [lonToX(lon, zoom) - cx + w / 2, latToY(lat, zoom) - cy + h / 2];
  };

  function drawRings(ctx: CanvasRenderingContext2D, rings: Position[][]) {
    for (const ring of rings) {
      ring.forEach(([lon, lat], i) => {
        const [x, y] = project(lon, lat);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
    }
  }
  function drawGeometry(ctx: CanvasRenderingContext2D, g: Geometry) {
    if (g.type === 'Polygon') drawRings(ctx, g.coordinates);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => drawRings(ctx, p));
    else if (g.type === 'MultiLineString') drawRings(ctx, g.coordinates);
  }

  function draw() {
    const { w, h } = size();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#d8e4ec';
    ctx.fillRect(0, 0, w, h);
    if (basemap) {
      ctx.beginPath();
      for (const f of basemap.land.features) drawGeometry(ctx, f.geometry);
      ctx.fillStyle = '#f6f3ec';
      ctx.fill('evenodd');
      if (zoom >= 3.5) {
        ctx.beginPath();
        drawGeometry(ctx, basemap.admin1.geometry);
        ctx.setLineDash([3, 2]);
        ctx.strokeStyle = '#b8ae9c';
        ctx.lineWidth = 0.7;
        ctx.stroke();
        ctx.setLineDash([]);
      }
      ctx.beginPath();
      drawGeometry(ctx, basemap.borders.geometry);
      ctx.strokeStyle = '#7d7466';
      ctx.lineWidth = 1.1;
      ctx.stroke();
    }
    for (const s of specs) {
      const [x, y] = project(s.lon, s.lat);
      s.el.style.transform = `translate(${x}px, ${y}px) translate(-50%, -50%)`;
      s.el.hidden = x < -40 || y < -40 || x > w + 40 || y > h + 40;
    }
  }

  function moved() {
    draw();
    window.clearTimeout(settle);
    settle = window.setTimeout(() => listeners.forEach((cb) => cb()), 150);
  }

  function zoomBy(dz: number, at?: [number, number]) {
    const { w, h } = size();
    const [px, py] = at ?? [w / 2, h / 2];
    const lon = xToLon(cx + px - w / 2, zoom);
    const lat = yToLat(cy + py - h / 2, zoom);
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom + dz));
    cx = lonToX(lon, zoom) - (px - w / 2);
    cy = latToY(lat, zoom) - (py - h / 2);
    moved();
  }

  let drag: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    cx -= e.clientX - drag.x;
    cy -= e.clientY - drag.y;
    drag = { x: e.clientX, y: e.clientY };
    moved();
  });
  canvas.addEventListener('pointerup', () => { drag = null; });
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    zoomBy(e.deltaY < 0 ? 0.5 : -0.5, [e.clientX - r.left, e.clientY - r.top]);
  }, { passive: false });
  zin.addEventListener('click', () => zoomBy(1));
  zout.addEventListener('click', () => zoomBy(-1));
  container.tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const step = 80;
    if (e.target !== container) return;
    if (e.key === 'ArrowLeft') cx -= step;
    else if (e.key === 'ArrowRight') cx += step;
    else if (e.key === 'ArrowUp') cy -= step;
    else if (e.key === 'ArrowDown') cy += step;
    else if (e.key === '+' || e.key === '=') return zoomBy(1);
    else if (e.key === '-') return zoomBy(-1);
    else return;
    e.preventDefault();
    moved();
  });
  new ResizeObserver(() => draw()).observe(container);

  void loadBasemap().then((b) => {
    basemap = b;
    draw();
    container.dataset.basemap = 'ready';
  });
  queueMicrotask(() => listeners.forEach((cb) => cb()));

  return {
    kind: 'canvas',
    bounds(): BBox {
      const { w, h } = size();
      return [
        Math.max(-180, xToLon(cx - w / 2, zoom)), Math.max(-85, yToLat(cy + h / 2, zoom)),
        Math.min(180, xToLon(cx + w / 2, zoom)), Math.min(85, yToLat(cy - h / 2, zoom)),
      ];
    },
    zoom: () => zoom,
    center: () => ({ lon: xToLon(cx, zoom), lat: yToLat(cy, zoom) }),
    onMoveEnd(cb) {
      listeners.push(cb);
    },
    setMarkers(list) {
      layer.replaceChildren(...list.map((s) => s.el));
      specs = list;
      draw();
    },
    flyTo(lon, lat, z) {
      zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
      cx = lonToX(lon, zoom);
      cy = latToY(lat, zoom);
      moved();
    },
    resize: () => draw(),
  };
}
