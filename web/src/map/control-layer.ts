// The territorial-control layer: a toggle and a date over the map; when on, every place whose
// holder is known on that date is a square coloured by the holder's ACLED inter code, with a legend.
// Names come from the server and go in as text (title, aria-label, textContent) only.

import { api } from '../api.js';
import { h } from '../dom.js';
import type { I18n, StringKey } from '../i18n.js';
import type { ControlPlace } from '../types.js';
import type { MarkerSpec } from './surface.js';

/** Okabe–Ito colours per inter code: state, rebels, political militias, identity militias, external. */
const INTER_COLORS: Record<number, string> = { 1: '#0072B2', 2: '#D55E00', 3: '#009E73', 4: '#CC79A7', 8: '#F0E442' };
const OTHER = '#999999';
const LEGEND: Array<[StringKey, string]> = [
  ['inter1', INTER_COLORS[1]], ['inter2', INTER_COLORS[2]], ['inter3', INTER_COLORS[3]], ['inter4', INTER_COLORS[4]],
  ['inter8', INTER_COLORS[8]], ['interOther', OTHER],
];

export function interColor(inter: number | null): string {
  return (inter !== null && INTER_COLORS[inter]) || OTHER;
}

export interface ControlLayerOptions {
  /** Draws the layer's markers (none when off). */
  onMarkers(m: MarkerSpec[]): void;
  /**
   * The user turned the layer on or off or chose a day: the day when on, null when off. The app
   * puts it in the URL and answers with set(), so the layer follows the URL like every view.
   */
  onChange(date: string | null): void;
}

export class ControlLayer {
  readonly el = h('div', { class: 'control-layer', 'data-state': 'off' });
  readonly #i18n: I18n;
  readonly #o: ControlLayerOptions;
  #on = false;
  #date = new Date().toISOString().slice(0, 10);
  #country: string | undefined;
  #places: ControlPlace[] = [];
  #abort: AbortController | null = null;

  constructor(i18n: I18n, o: ControlLayerOptions, initial: string | null = null) {
    this.#i18n = i18n;
    this.#o = o;
    if (initial) this.set(initial);
    else this.render();
  }

  /** Show the layer on a day (YYYY-MM-DD), or hide it (null). */
  set(date: string | null): void {
    const on = date !== null;
    if (on === this.#on && (!on || date === this.#date)) return;
    this.#on = on;
    if (date) this.#date = date;
    this.el.dataset.date = this.#date;
    void this.load();
  }

  setCountry(country: string | undefined): void {
    if (country === this.#country) return;
    this.#country = country;
    if (this.#on) void this.load();
  }

  render(): void {
    const t = this.#i18n;
    const toggle = h('input', { type: 'checkbox', class: 'control-toggle', checked: this.#on });
    toggle.addEventListener('change', () => this.#o.onChange(toggle.checked ? this.#date : null));
    const date = h('input', { type: 'date', class: 'control-date', value: this.#date, 'aria-label': t.t('controlDate'), disabled: !this.#on });
    date.addEventListener('change', () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) this.#o.onChange(date.value);
    });
    const children: HTMLElement[] = [h('label', {}, toggle, t.t('control')), h('label', {}, t.t('controlDate'), date)];
    if (this.#on) {
      children.push(h('ul', { class: 'legend' }, ...LEGEND.map(([key, color]) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${color}` }), t.t(key)))));
      if (this.el.dataset.state === 'ready' && !this.#places.length) children.push(h('p', { class: 'muted' }, t.t('controlNone')));
    }
    this.el.replaceChildren(...children);
    this.#o.onMarkers(this.#on ? this.#markers() : []);
  }

  async load(): Promise<void> {
    this.#abort?.abort();
    if (!this.#on) {
      this.#places = [];
      this.el.dataset.state = 'off';
      this.render();
      return;
    }
    const abort = (this.#abort = new AbortController());
    this.el.dataset.state = 'loading';
    try {
      const answer = await api.control(this.#date, this.#country, abort.signal);
      if (abort.signal.aborted) return;
      this.#places = answer.places;
      this.el.dataset.state = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.#places = [];
      this.el.dataset.state = 'error';
      console.error('marsad: control', err);
    }
    this.render();
  }

  #markers(): MarkerSpec[] {
    const t = this.#i18n;
    return this.#places.filter((p) => p.latitude !== null && p.longitude !== null).map((p) => {
      const label = t.t('controlPlace', {
        place: t.name(p.name, p.nameAr) || p.id, holder: t.name(p.holder.name, p.holder.nameAr), since: p.since,
      });
      const el = h('span', {
        class: 'mk mk-control', role: 'img', 'data-place': p.id, 'data-inter': p.holder.inter ?? '',
        'aria-label': label, title: label, style: `background:${interColor(p.holder.inter)}`,
      });
      return { lon: p.longitude!, lat: p.latitude!, el };
    });
  }
}
