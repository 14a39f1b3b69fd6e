// One article with every annotation the pipeline made: actors, places, numbers, dates, triggers,
// casualties and modality cues, each marked in the text and explained on hover.

import { api } from '../api.js';
import { h } from '../dom.js';
import type { StringKey } from '../i18n.js';
import { renderMarked, type Mark } from '../spans.js';
import type { ArticleDetail } from '../types.js';
import { failedNote, loadingNote, originalLink, sampleBadge } from './common.js';
import { appLink, isSampleOutlets, type ViewContext } from './context.js';

export const LAYERS = ['triggers', 'actors', 'places', 'dates', 'casualties', 'numbers', 'modality'] as const;
type Layer = (typeof LAYERS)[number];

type Ann = Record<string, unknown> & { start: number; end: number };
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** What a hover says about one annotation: its reading and the rule that made it. */
function describe(layer: Layer, a: Ann): string {
  switch (layer) {
    case 'actors': return `${str(a.name)} / ${str(a.nameAr)} (${str(a.actorId)}) · ${str(a.ruleId)}`;
    case 'places': return `${str(a.name ?? a.nameAr)}${a.lat !== null && a.lat !== undefined ? ` (${str(a.lat)}, ${str(a.lon)})` : ''} ${str(a.gazetteerId)} · ${str(a.ruleId)}`;
    case 'numbers': return `${str(a.value)}${a.high !== a.value ? `–${str(a.high)}` : ''} (${str(a.qualifier)}) · ${str(a.ruleId)}`;
    case 'dates': return `${str(a.date)} (${str(a.kind)}) · ${str(a.ruleId)}`;
    case 'triggers': return `${str(a.eventType)} / ${str(a.subEventType)} · ${str(a.ruleId)}`;
    case 'casualties': return `${str(a.kind)}: ${a.value === null ? '?' : str(a.value)} · ${str(a.ruleId)}`;
    case 'modality': return `${str(a.modality)} (${str(a.effect)}) · ${str(a.ruleId)}`;
  }
}

export class ArticleView {
  readonly el: HTMLElement;
  readonly id: string;
  readonly #ctx: ViewContext;
  readonly #shown = new Set<Layer>(LAYERS);
  #article: ArticleDetail | null = null;
  #error: unknown = null;
  readonly #abort = new AbortController();

  constructor(ctx: ViewContext, id: string) {
    this.#ctx = ctx;
    this.id = id;
    this.el = h('article', { class: 'article-view', 'data-id': id, 'aria-busy': 'true' });
    this.render();
    void api.article(id, this.#abort.signal).then(
      (a) => { this.#article = a; this.render(); },
      (err: unknown) => { if (!this.#abort.signal.aborted) { this.#error = err; this.render(); } },
    );
  }

  destroy(): void {
    this.#abort.abort();
  }

  render(): void {
    const t = this.#ctx.i18n;
    const back = appLink(this.#ctx, { kind: 'list' }, { class: 'back' }, t.t('back'));
    if (this.#error) return void this.el.replaceChildren(back, failedNote(t, this.#error));
    const a = this.#article;
    if (!a) return void this.el.replaceChildren(back, loadingNote(t));
    const sample = a.source === 'sample' || isSampleOutlets(a.outlet);

    const toggles = h('fieldset', { class: 'layers' }, h('legend', {}, t.t('annotations')),
      ...LAYERS.map((l) => {
        const n = (a.layers[l] ?? []).length;
        return h('label', { class: `layer-toggle k-l-${l}` },
          h('input', {
            type: 'checkbox', checked: this.#shown.has(l), value: l,
            onchange: (ev: Event) => {
              if ((ev.target as HTMLInputElement).checked) this.#shown.add(l);
              else this.#shown.delete(l);
              this.#renderText();
            },
          }),
          ` ${t.t(`layer_${l}` as StringKey)} (${t.num(n)})`);
      }));

    const events = h('section', { class: 'article-events' }, h('h3', {}, t.t('eventsInArticle')),
      h('ul', {}, ...a.reports.map((r) => h('li', {},
        r.eventId
          ? appLink(this.#ctx, { kind: 'event', id: r.eventId }, {}, `${t.subEventType(r.record.subEventType)} — ${t.name(r.record.location?.name ?? null, r.record.location?.nameAr ?? null) || t.t('unknown')}`)
          : `${t.subEventType(r.record.subEventType)}`))));

    this.el.replaceChildren(
      back,
      h('header', {},
        h('p', { class: 'kicker' }, t.t('article'), sample ? sampleBadge(t) : null),
        h('h2', { dir: 'rtl', lang: 'ar' }, a.title ?? a.id),
        h('p', { class: 'muted' }, a.outlet ?? t.t('unknown'), ' · ', a.publishedAt ?? '', ' · ', originalLink(t, a.url))),
      toggles,
      h('div', { class: 'text annotated', dir: 'rtl', lang: 'ar' }),
      events,
    );
    this.#renderText();
    this.el.setAttribute('aria-busy', 'false');
    this.el.dataset.state = 'ready';
  }

  #renderText(): void {
    const a = this.#article;
    const box = this.el.querySelector('.text');
    if (!a || !box) return;
    const marks: Mark[] = [];
    for (const l of LAYERS) {
      if (!this.#shown.has(l)) continue;
      for (const ann of (a.layers[l] ?? []) as Ann[]) {
        marks.push({ start: ann.start, end: ann.end, kind: `l-${l}`, name: l, title: `${l}: ${describe(l, ann)}` });
      }
    }
    box.replaceChildren(renderMarked(a.text, marks));
  }
}
