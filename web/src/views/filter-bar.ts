// The filters: country, event type and sub-type, actor, dates and full text. Each change becomes
// the URL, and the URL drives every view.

import { h } from '../dom.js';
import type { I18n } from '../i18n.js';
import type { Filters } from '../state.js';
import type { Facets } from '../types.js';

export interface FilterBarOptions {
  onChange(patch: Filters): void;
  onReset(): void;
}

export class FilterBar {
  readonly el: HTMLElement;
  readonly #i18n: I18n;
  readonly #o: FilterBarOptions;
  #facets: Facets | null = null;
  #filters: Filters = {};

  constructor(i18n: I18n, o: FilterBarOptions) {
    this.#i18n = i18n;
    this.#o = o;
    this.el = h('form', { class: 'filters', role: 'search', onsubmit: (e: Event) => e.preventDefault() });
  }

  setFacets(f: Facets): void {
    this.#facets = f;
    this.render();
  }

  setFilters(f: Filters): void {
    this.#filters = f;
    this.render();
  }

  #select(name: keyof Filters, label: string, options: Array<{ value: string; label: string }>): HTMLElement {
    const t = this.#i18n;
    const current = this.#filters[name] ?? '';
    // A value from the URL that the lists do not (yet) hold is still shown, so it can be seen and cleared.
    if (current && !options.some((o) => o.value === current)) options = [{ value: current, label: current }, ...options];
    const id = `f-${name}`;
    return h('div', { class: 'field' },
      h('label', { for: id }, label),
      h('select', {
        id, name,
        onchange: (e: Event) => this.#o.onChange({ [name]: (e.target as HTMLSelectElement).value || undefined }),
      },
      h('option', { value: '' }, t.t('all')),
      ...options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label))));
  }

  render(): void {
    const t = this.#i18n;
    const f = this.#facets;
    const fl = this.#filters;
    const countries = (f?.countries ?? []).map((c) => ({ value: c.iso3 ?? c.name, label: `${t.country(c.name, c.iso3)} (${t.num(c.count)})` }));
    const types = (f?.eventTypes ?? []).map((e) => ({ value: e.name, label: `${t.eventType(e.name)} (${t.num(e.count)})` }));
    const subs = (f?.eventTypes ?? [])
      .filter((e) => !fl.eventType || e.name === fl.eventType)
      .flatMap((e) => e.subEventTypes)
      .map((s) => ({ value: s.name, label: `${t.subEventType(s.name)} (${t.num(s.count)})` }));
    const actors = (f?.actors ?? []).map((a) => ({ value: a.id, label: `${t.name(a.name, a.nameAr)} (${t.num(a.count)})` }));
    const date = (name: 'from' | 'to', label: string) => h('div', { class: 'field' },
      h('label', { for: `f-${name}` }, label),
      h('input', {
        id: `f-${name}`, name, type: 'date', value: fl[name] ?? '', min: f?.dates.min ?? null, max: f?.dates.max ?? null,
        onchange: (e: Event) => this.#o.onChange({ [name]: (e.target as HTMLInputElement).value || undefined }),
      }));
    const q = h('input', {
      id: 'f-q', name: 'q', type: 'search', value: fl.q ?? '', placeholder: t.t('searchPlaceholder'), dir: 'auto',
      onchange: (e: Event) => this.#o.onChange({ q: (e.target as HTMLInputElement).value.trim() || undefined }),
    });
    this.el.replaceChildren(
      h('h2', { class: 'visually-hidden' }, t.t('filters')),
      this.#select('country', t.t('country'), countries),
      this.#select('eventType', t.t('eventType'), types),
      this.#select('subEventType', t.t('subEventType'), subs),
      this.#select('actor', t.t('actor'), actors),
      date('from', t.t('from')),
      date('to', t.t('to')),
      h('div', { class: 'field grow' }, h('label', { for: 'f-q' }, t.t('search')), q),
      h('button', { type: 'button', class: 'reset', onclick: () => this.#o.onReset() }, t.t('reset')),
    );
  }
}
