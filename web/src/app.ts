// The dashboard: header, filters, map, side panel (list, event or article) and timeline, all
// driven by the URL (state.ts). Vanilla TypeScript: no framework, every text set as text.

import { api } from './api.js';
import { h } from './dom.js';
import { I18n } from './i18n.js';
import { ControlLayer } from './map/control-layer.js';
import { EventMap } from './map/event-map.js';
import { parseLocation, sameFilters, toUrl, type Filters, type State, type View } from './state.js';
import { Timeline } from './timeline.js';
import type { Facets } from './types.js';
import { ArticleView } from './views/article-view.js';
import { sampleBadge } from './views/common.js';
import type { ViewContext } from './views/context.js';
import { EventList } from './views/event-list.js';
import { EventView } from './views/event-view.js';
import { FilterBar } from './views/filter-bar.js';

export class App {
  #state: State;
  readonly #i18n: I18n;
  readonly #ctx: ViewContext;
  readonly #header = h('header', { class: 'top' });
  readonly #panel = h('aside', { id: 'panel', class: 'panel', tabindex: -1 });
  readonly #mapBox = h('div', { id: 'map', class: 'map', role: 'region' });
  readonly #filterBar: FilterBar;
  readonly #list: EventList;
  readonly #timeline: Timeline;
  readonly #map: EventMap;
  readonly #control: ControlLayer;
  #view: EventViewLike | null = null;
  #facets: Facets | null = null;

  constructor(root: HTMLElement) {
    this.#state = parseLocation(window.location);
    this.#i18n = new I18n(this.#state.lang);
    this.#ctx = {
      i18n: this.#i18n,
      link: (view) => toUrl({ ...this.#state, view }),
      go: (view) => this.navigate({ view }),
      locate: (lon, lat) => {
        const [w, s, e, n] = this.#map.surface.bounds();
        if (lon < w || lon > e || lat < s || lat > n) this.#map.surface.flyTo(lon, lat, Math.max(this.#map.surface.zoom(), 5));
      },
    };
    this.#filterBar = new FilterBar(this.#i18n, {
      onChange: (patch) => this.navigate({ filters: clean({ ...this.#state.filters, ...patch }), view: { kind: 'list' } }),
      onReset: () => this.navigate({ filters: {}, view: { kind: 'list' } }),
    });
    this.#list = new EventList(this.#ctx);
    this.#timeline = new Timeline(this.#i18n, {
      onBrush: (from, to) => this.navigate({ filters: clean({ ...this.#state.filters, from: from ?? undefined, to: to ?? undefined }) }),
    });
    root.replaceChildren(
      this.#header,
      this.#filterBar.el,
      h('main', { class: 'main' }, h('div', { class: 'map-wrap' }, this.#mapBox), this.#panel),
      this.#timeline.el,
    );
    this.#map = new EventMap(this.#mapBox, this.#i18n, {
      initial: this.#state.map,
      onOpenEvent: (id) => this.navigate({ view: { kind: 'event', id } }),
      onPlace: (cluster) => {
        void api.leaves(this.#state.filters, cluster.clusterId).then((r) => {
          if (this.#state.view.kind !== 'list') this.navigate({ view: { kind: 'list' } });
          this.#list.showPlace(r.items);
          this.#panel.focus();
        });
      },
      onMoved: (pos) => {
        this.#state = { ...this.#state, map: pos };
        history.replaceState(null, '', toUrl(this.#state));
      },
      onAnswer: (a) => this.#list.setCounts(a.total, a.located),
    });
    this.#control = new ControlLayer(this.#i18n, {
      onMarkers: (markers) => this.#map.setOverlay(markers),
      onChange: (control) => this.navigate({ control }),
    }, this.#state.control);
    this.#mapBox.parentElement!.append(this.#control.el);
    window.addEventListener('popstate', () => this.#apply(parseLocation(window.location)));
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.#state.view.kind !== 'list' && !(e.target instanceof HTMLInputElement)) this.navigate({ view: { kind: 'list' } });
    });
    void api.facets().then((f) => {
      this.#facets = f;
      this.#filterBar.setFacets(f);
      this.#renderHeader();
    }, (err: unknown) => console.error('marsad: facets', err));
    this.#applyLang();
    this.#applyFilters();
    this.#applyView();
    root.setAttribute('aria-busy', 'false');
  }

  navigate(patch: Partial<State>, o: { replace?: boolean } = {}): void {
    const next = { ...this.#state, ...patch };
    const url = toUrl(next);
    // The same view again (a date field fires both input and change) is no new history entry.
    if (o.replace || url === window.location.pathname + window.location.search) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    this.#apply(next);
  }

  #apply(next: State): void {
    const prev = this.#state;
    this.#state = next;
    if (prev.lang !== next.lang) this.#applyLang();
    if (!sameFilters(prev.filters, next.filters)) this.#applyFilters();
    if (prev.control !== next.control) this.#control.set(next.control);
    if (prev.view.kind !== next.view.kind || ('id' in prev.view && 'id' in next.view && prev.view.id !== next.view.id)) this.#applyView();
  }

  #applyLang(): void {
    const t = this.#i18n;
    t.lang = this.#state.lang;
    document.documentElement.lang = t.lang;
    document.documentElement.dir = t.dir;
    document.title = `${t.t('appName')} · ${t.t('tagline')}`;
    const skip = document.querySelector('.skip');
    if (skip) skip.textContent = t.t('skip');
    this.#mapBox.setAttribute('aria-label', t.t('mapLabel'));
    this.#renderHeader();
    this.#filterBar.render();
    this.#list.render();
    this.#timeline.relabel();
    this.#map.relabel();
    this.#control.render();
    this.#view?.render();
    // The panel moved to the other side: the map's canvas must learn its new size.
    requestAnimationFrame(() => this.#map.surface.resize());
  }

  #applyFilters(): void {
    const f = this.#state.filters;
    this.#filterBar.setFilters(f);
    this.#map.setFilters(f);
    this.#control.setCountry(f.country);
    void this.#list.load(f);
    void this.#timeline.load(f);
    this.#renderHeader();
  }

  #applyView(): void {
    this.#view?.destroy();
    this.#view = null;
    const v: View = this.#state.view;
    if (v.kind === 'event') this.#view = new EventView(this.#ctx, v.id);
    else if (v.kind === 'article') this.#view = new ArticleView(this.#ctx, v.id);
    this.#panel.replaceChildren(this.#view ? this.#view.el : this.#list.el);
    this.#panel.dataset.view = v.kind;
    this.#map.select(v.kind === 'event' ? v.id : null);
    if (v.kind !== 'list') this.#panel.focus({ preventScroll: true });
  }

  #renderHeader(): void {
    const t = this.#i18n;
    const f = this.#state.filters;
    const other = t.lang === 'ar' ? 'en' : 'ar';
    this.#header.replaceChildren(
      h('div', { class: 'brand' },
        h('h1', {}, t.t('appName')),
        h('span', { class: 'tagline' }, t.t('tagline')),
        this.#facets && this.#facets.samples > 0 ? sampleBadge(t) : null),
      h('nav', { class: 'actions', 'aria-label': t.t('downloadTitle') },
        h('span', { class: 'muted' }, `${t.t('download')}:`),
        h('a', { href: api.exportUrl(f, 'csv'), download: 'marsad-events.csv', class: 'dl', 'data-format': 'csv', title: t.t('downloadTitle') }, t.t('downloadCsv')),
        h('a', { href: api.exportUrl(f, 'geojson'), download: 'marsad-events.geojson', class: 'dl', 'data-format': 'geojson', title: t.t('downloadTitle') }, t.t('downloadGeojson')),
        h('button', {
          type: 'button', class: 'lang', lang: other, 'aria-label': t.t('languageLabel'),
          onclick: () => this.navigate({ lang: other }, { replace: false }),
        }, t.t('language'))),
    );
  }
}

interface EventViewLike {
  el: HTMLElement;
  render(): void;
  destroy(): void;
}

function clean(f: Filters): Filters {
  const out: Filters = {};
  for (const [k, v] of Object.entries(f) as Array<[keyof Filters, string | undefined]>) if (v) out[k] = v;
  return out;
}

