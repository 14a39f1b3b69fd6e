// Events (or fatalities) per day, stacked by event type, on a canvas. Dragging across it chooses a
// period: the map and the list then show that period only. The timeline itself keeps showing every
// date under the other filters, so the choice can be moved. Time runs left to right in both
// languages, as in most Arabic dashboards and print charts.

import { api } from './api.js';
import { EVENT_TYPES, typeColor } from './colors.js';
import { h } from './dom.js';
import type { I18n } from './i18n.js';
import type { Filters } from './state.js';
import type { TimelinePoint } from './types.js';

const DAY = 86_400_000;
const PAD = { left: 44, right: 12, top: 10, bottom: 22 };

const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

type Metric = 'events' | 'fatalities';

export interface TimelineOptions {
  onBrush(from: string | null, to: string | null): void;
}

export class Timeline {
  readonly el: HTMLElement;
  readonly #canvas: HTMLCanvasElement;
  readonly #tip: HTMLElement;
  readonly #legend: HTMLElement;
  readonly #controls: HTMLElement;
  readonly #i18n: I18n;
  readonly #o: TimelineOptions;
  #metric: Metric = 'events';
  #points: TimelinePoint[] = [];
  /** Day number → counts per type index (events and fatalities). */
  #days = new Map<number, { events: number[]; fatalities: number[] }>();
  #min = 0;
  #max = 0;
  #brush: { from: string | null; to: string | null } = { from: null, to: null };
  #drag: { start: number; end: number } | null = null;
  #abort: AbortController | null = null;

  constructor(i18n: I18n, o: TimelineOptions) {
    this.#i18n = i18n;
    this.#o = o;
    this.#canvas = h('canvas', { class: 'tl-canvas', tabindex: 0, role: 'img' });
    this.#tip = h('div', { class: 'tl-tip', hidden: true });
    this.#legend = h('ul', { class: 'legend' });
    this.#controls = h('div', { class: 'tl-controls' });
    this.el = h('section', { class: 'timeline', id: 'timeline', 'data-state': 'loading' },
      h('div', { class: 'tl-head' }, this.#controls, this.#legend),
      h('div', { class: 'tl-plot', dir: 'ltr' }, this.#canvas, this.#tip));
    this.#wire();
    new ResizeObserver(() => this.#draw()).observe(this.el);
    this.relabel();
  }

  relabel(): void {
    const t = this.#i18n;
    this.#canvas.setAttribute('aria-label', `${t.t('timeline')} (${t.t('byDay')}). ${t.t('timelineHelp')}`);
    this.#controls.replaceChildren(
      h('strong', {}, t.t('timeline')),
      ...(['events', 'fatalities'] as const).map((m) => h('label', { class: 'tl-metric' },
        h('input', {
          type: 'radio', name: 'tl-metric', value: m, checked: this.#metric === m,
          onchange: () => { this.#metric = m; this.#draw(); },
        }), ` ${t.t(m)}`)),
      h('span', { class: 'hint' }, t.t('timelineHelp')),
    );
    this.#legend.replaceChildren(...EVENT_TYPES.map((type) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${typeColor(type)}` }), t.eventType(type))));
  }

  /** Data under every filter but the period, which this timeline itself chooses. */
  async load(filters: Filters): Promise<void> {
    const { from: _f, to: _t, ...rest } = filters;
    this.#brush = { from: filters.from ?? null, to: filters.to ?? null };
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.el.dataset.state = 'loading';
    try {
      const res = await api.timeline(rest, abort.signal);
      if (abort.signal.aborted) return;
      this.#points = res.points;
      this.#index();
      this.#draw();
      this.el.dataset.state = 'ready';
    } catch (err) {
      if (!abort.signal.aborted) {
        this.el.dataset.state = 'error';
        console.error('marsad: timeline', err);
      }
    }
  }

  #index(): void {
    this.#days.clear();
    let min = Infinity;
    let max = -Infinity;
    for (const p of this.#points) {
      const d = toDay(p.period);
      min = Math.min(min, d);
      max = Math.max(max, d);
      let row = this.#days.get(d);
      if (!row) this.#days.set(d, (row = { events: new Array(7).fill(0), fatalities: new Array(7).fill(0) }));
      const i = (EVENT_TYPES as readonly string[]).indexOf(p.eventType);
      const k = i < 0 ? 6 : i;
      row.events[k] += p.events;
      row.fatalities[k] += p.fatalities;
    }
    if (!Number.isFinite(min)) {
      const today = Math.floor(Date.now() / DAY);
      min = today - 30;
      max = today;
    }
    // A few days either side so the first and last bars are not on the axis.
    this.#min = min - 2;
    this.#max = max + 2;
  }

  #plot() {
    const w = this.#canvas.clientWidth || 600;
    const hgt = this.#canvas.clientHeight || 110;
    return { w, h: hgt, x0: PAD.left, x1: w - PAD.right, y0: PAD.top, y1: hgt - PAD.bottom };
  }

  #dayAt(clientX: number): number {
    const r = this.#canvas.getBoundingClientRect();
    const p = this.#plot();
    const frac = Math.max(0, Math.min(1, (clientX - r.left - p.x0) / (p.x1 - p.x0)));
    return Math.round(this.#min + frac * (this.#max - this.#min));
  }

  #draw(): void {
    const c = this.#canvas;
    const p = this.#plot();
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(p.w * dpr);
    c.height = Math.round(p.h * dpr);
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, p.w, p.h);
    const span = Math.max(1, this.#max - this.#min);
    const xOf = (day: number) => p.x0 + ((day - this.#min) / span) * (p.x1 - p.x0);
    const bw = Math.max(1, (p.x1 - p.x0) / span - 0.5);
    let top = 1;
    for (const row of this.#days.values()) top = Math.max(top, row[this.#metric].reduce((a, b) => a + b, 0));
    const yScale = (p.y1 - p.y0) / top;

    // axes
    ctx.strokeStyle = '#9a9388';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(p.x0, p.y1 + 0.5);
    ctx.lineTo(p.x1, p.y1 + 0.5);
    ctx.stroke();
    ctx.fillStyle = '#4a4540';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.fillText(this.#i18n.num(top), p.x0 - 6, p.y0 + 9);
    ctx.fillText('0', p.x0 - 6, p.y1);

    // month ticks, thinned to one label per ~70 px
    ctx.textAlign = 'center';
    const first = new Date(this.#min * DAY);
    const months: number[] = [];
    for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); m.getTime() / DAY <= this.#max; m.setUTCMonth(m.getUTCMonth() + 1)) {
      months.push(m.getTime() / DAY);
    }
    const every = Math.max(1, Math.ceil(months.length / Math.max(1, (p.x1 - p.x0) / 70)));
    months.forEach((d, i) => {
      const x = xOf(d);
      ctx.fillStyle = '#c9c2b6';
      ctx.fillRect(x, p.y1, 1, 4);
      if (i % every === 0) {
        ctx.fillStyle = '#4a4540';
        ctx.fillText(toIso(d).slice(0, 7), x, p.h - 6);
      }
    });

    // stacked bars
    for (const [day, row] of this.#days) {
      let y = p.y1;
      const x = xOf(day) - bw / 2;
      row[this.#metric].forEach((n, k) => {
        if (!n) return;
        const hh = n * yScale;
        ctx.fillStyle = k < EVENT_TYPES.length ? typeColor(EVENT_TYPES[k]) : '#444';
        ctx.fillRect(x, y - hh, bw, hh);
        y -= hh;
      });
    }

    // the chosen period (or the one being dragged)
    const sel = this.#drag
      ? { a: Math.min(this.#drag.start, this.#drag.end), b: Math.max(this.#drag.start, this.#drag.end) }
      : this.#brush.from || this.#brush.to
        ? { a: this.#brush.from ? toDay(this.#brush.from) : this.#min, b: this.#brush.to ? toDay(this.#brush.to) : this.#max }
        : null;
    this.el.dataset.brush = sel ? `${toIso(sel.a)}/${toIso(sel.b)}` : '';
    if (sel) {
      const xa = xOf(sel.a) - bw / 2;
      const xb = xOf(sel.b) + bw / 2;
      ctx.fillStyle = 'rgba(246, 243, 236, 0.72)';
      ctx.fillRect(p.x0, p.y0 - 4, Math.max(0, xa - p.x0), p.y1 - p.y0 + 4);
      ctx.fillRect(xb, p.y0 - 4, Math.max(0, p.x1 - xb), p.y1 - p.y0 + 4);
      ctx.strokeStyle = '#1f3a5f';
      ctx.lineWidth = 1.5;
      ctx.strokeRect(xa, p.y0 - 4, Math.max(2, xb - xa), p.y1 - p.y0 + 4);
    }
  }

  #tipAt(clientX: number, clientY: number): void {
    const day = this.#dayAt(clientX);
    const row = this.#days.get(day);
    const t = this.#i18n;
    if (!row) {
      this.#tip.hidden = true;
      return;
    }
    const ev = row.events.reduce((a, b) => a + b, 0);
    const fa = row.fatalities.reduce((a, b) => a + b, 0);
    this.#tip.textContent = `${toIso(day)} · ${t.num(ev)} ${t.t('events')} · ${t.killed(fa)}`;
    const r = this.#canvas.getBoundingClientRect();
    this.#tip.style.left = `${Math.min(r.width - 160, Math.max(0, clientX - r.left + 10))}px`;
    this.#tip.style.top = `${Math.max(0, clientY - r.top - 28)}px`;
    this.#tip.hidden = false;
  }

  #wire(): void {
    const c = this.#canvas;
    c.addEventListener('pointerdown', (e) => {
      const d = this.#dayAt(e.clientX);
      this.#drag = { start: d, end: d };
      c.setPointerCapture(e.pointerId);
      this.#draw();
    });
    c.addEventListener('pointermove', (e) => {
      this.#tipAt(e.clientX, e.clientY);
      if (!this.#drag) return;
      this.#drag.end = this.#dayAt(e.clientX);
      this.#draw();
    });
    c.addEventListener('pointerleave', () => { this.#tip.hidden = true; });
    c.addEventListener('pointerup', () => {
      const d = this.#drag;
      this.#drag = null;
      if (!d) return;
      // A click without a drag is not a choice of period.
      if (d.start === d.end) return this.#draw();
      const a = Math.min(d.start, d.end);
      const b = Math.max(d.start, d.end);
      this.#brush = { from: toIso(a), to: toIso(b) };
      this.#draw();
      this.#o.onBrush(toIso(a), toIso(b));
    });
    c.addEventListener('dblclick', () => {
      this.#brush = { from: null, to: null };
      this.#draw();
      this.#o.onBrush(null, null);
    });
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        this.#brush = { from: null, to: null };
        this.#draw();
        this.#o.onBrush(null, null);
      }
    });
  }
}
