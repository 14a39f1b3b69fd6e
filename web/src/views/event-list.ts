// The events under the filters, newest first, fifty at a time; or the events of one place when a
// cluster whose events share a place is opened on the map.

import { api } from '../api.js';
import { typeColor } from '../colors.js';
import { h } from '../dom.js';
import type { Filters } from '../state.js';
import type { EventRow, PointProperties } from '../types.js';
import { failedNote, loadingNote, sampleBadge } from './common.js';
import { appLink, isSampleOutlets, type ViewContext } from './context.js';

interface ItemData {
  id: string;
  date: string | null;
  eventType: string;
  subEventType: string;
  location: string | null;
  locationAr: string | null;
  fatalities: number | null;
  sample: boolean;
}

const fromRow = (e: EventRow): ItemData => ({
  id: e.id, date: e.eventDate, eventType: e.eventType, subEventType: e.subEventType, location: e.location,
  locationAr: e.locationAr, fatalities: e.fatalities, sample: isSampleOutlets(e.source),
});

const fromPoint = (p: PointProperties): ItemData => ({
  id: p.id, date: p.date, eventType: p.eventType, subEventType: p.subEventType, location: p.location,
  locationAr: p.locationAr, fatalities: p.fatalities, sample: p.sample,
});

export class EventList {
  readonly el: HTMLElement;
  readonly #ctx: ViewContext;
  readonly #summary: HTMLElement;
  readonly #list: HTMLElement;
  readonly #more: HTMLButtonElement;
  #filters: Filters = {};
  #items: ItemData[] = [];
  #cursor: string | null = null;
  #place: { items: ItemData[] } | null = null;
  #error: unknown = null;
  #loading = false;
  #abort: AbortController | null = null;
  #counts: { total: number; located: number } | null = null;

  constructor(ctx: ViewContext) {
    this.#ctx = ctx;
    this.#summary = h('p', { class: 'summary', role: 'status' });
    this.#list = h('ol', { class: 'event-list' });
    this.#more = h('button', { type: 'button', class: 'more', onclick: () => void this.#page() });
    this.el = h('section', { class: 'list-view', 'data-state': 'loading' }, this.#summary, this.#list, this.#more);
  }

  setCounts(total: number, located: number): void {
    this.#counts = { total, located };
    this.render();
  }

  async load(filters: Filters): Promise<void> {
    this.#filters = filters;
    this.#items = [];
    this.#cursor = null;
    this.#place = null;
    await this.#page();
  }

  showPlace(items: PointProperties[]): void {
    this.#place = { items: items.map(fromPoint) };
    this.render();
  }

  async #page(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#loading = true;
    this.#error = null;
    this.render();
    try {
      const page = await api.events(this.#filters, this.#cursor, abort.signal);
      if (abort.signal.aborted) return;
      this.#items.push(...page.items.map(fromRow));
      this.#cursor = page.nextCursor;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.#error = err;
    }
    this.#loading = false;
    this.render();
  }

  render(): void {
    const t = this.#ctx.i18n;
    const items = this.#place?.items ?? this.#items;
    if (this.#place) {
      this.#summary.replaceChildren(h('strong', {}, t.t('eventsHere')), ` (${t.num(items.length)}) `,
        h('button', { type: 'button', class: 'link', onclick: () => { this.#place = null; this.render(); } }, t.t('close')));
    } else if (this.#counts) {
      const c = this.#counts;
      this.#summary.replaceChildren(t.t('eventsCount', { n: t.num(c.total) }),
        c.total > c.located ? ` · ${t.t('notLocated', { n: t.num(c.total - c.located) })}` : '');
    } else {
      this.#summary.textContent = '';
    }
    this.#list.replaceChildren(...items.map((e) => this.#item(e)));
    if (!items.length && !this.#loading && !this.#error) this.#list.replaceChildren(h('li', { class: 'muted' }, t.t('noEvents')));
    if (this.#error) this.#list.append(h('li', {}, failedNote(t, this.#error)));
    if (this.#loading) this.#list.append(h('li', {}, loadingNote(t)));
    this.#more.textContent = t.t('more');
    this.#more.hidden = Boolean(this.#place) || !this.#cursor || this.#loading;
    this.el.dataset.state = this.#loading ? 'loading' : 'ready';
  }

  #item(e: ItemData): HTMLElement {
    const t = this.#ctx.i18n;
    return h('li', { 'data-id': e.id },
      appLink(this.#ctx, { kind: 'event', id: e.id }, { class: 'item' },
        h('span', { class: 'swatch', style: `background:${typeColor(e.eventType)}` }),
        h('span', { class: 'item-main' },
          h('span', { class: 'item-type' }, t.subEventType(e.subEventType)),
          h('span', { class: 'item-place' }, t.name(e.location, e.locationAr) || t.t('unknown'))),
        h('span', { class: 'item-meta' },
          h('span', {}, e.date ?? ''),
          e.fatalities ? h('span', { class: 'deaths' }, t.killed(e.fatalities)) : null,
          e.sample ? sampleBadge(t) : null)));
  }
}
