// One event with its evidence: every field, the rule that decided it and the words it was read
// from, highlighted in the article text (right to left) when the field is hovered or focused.

import { api } from '../api.js';
import { typeColor } from '../colors.js';
import { h } from '../dom.js';
import { renderMarked, type Mark } from '../spans.js';
import type { ArticleDetail, EventDetail, Report } from '../types.js';
import { failedNote, loadingNote, originalLink, sampleBadge } from './common.js';
import { appLink, isSampleOutlets, type ViewContext } from './context.js';

interface Loaded {
  event: EventDetail;
  primary: Report | null;
  article: ArticleDetail | null;
}

const FIELD_ORDER = ['eventType', 'actor1', 'actor2', 'location', 'date', 'fatalities', 'injured', 'modality'] as const;

/** The report whose evidence the event shows: the store's primary report. */
function primaryReport(e: EventDetail): Report | null {
  const key = JSON.stringify(e.evidence);
  return e.reports.find((r) => JSON.stringify(r.record.evidence) === key) ?? e.reports[0] ?? null;
}

export class EventView {
  readonly el: HTMLElement;
  readonly id: string;
  readonly #ctx: ViewContext;
  #data: Loaded | null = null;
  #error: unknown = null;
  readonly #abort = new AbortController();

  constructor(ctx: ViewContext, id: string) {
    this.#ctx = ctx;
    this.id = id;
    this.el = h('article', { class: 'event-view', 'data-id': id, 'aria-busy': 'true' });
    this.render();
    void this.#load();
  }

  destroy(): void {
    this.#abort.abort();
  }

  async #load(): Promise<void> {
    try {
      const event = await api.event(this.id, this.#abort.signal);
      const primary = primaryReport(event);
      const article = primary ? await api.article(primary.articleId, this.#abort.signal) : null;
      this.#data = { event, primary, article };
      if (event.longitude !== null && event.latitude !== null) this.#ctx.locate(event.longitude, event.latitude);
    } catch (err) {
      if (this.#abort.signal.aborted) return;
      this.#error = err;
    }
    this.render();
  }

  render(): void {
    const t = this.#ctx.i18n;
    const back = appLink(this.#ctx, { kind: 'list' }, { class: 'back' }, t.t('back'));
    if (this.#error) return void this.el.replaceChildren(back, failedNote(t, this.#error));
    if (!this.#data) return void this.el.replaceChildren(back, loadingNote(t));
    const { event: e, primary, article } = this.#data;
    const sample = isSampleOutlets(e.source);
    const place = t.name(e.location, e.locationAr) || t.t('unknown');

    const header = h('header', {},
      h('p', { class: 'kicker' },
        h('span', { class: 'swatch', style: `background:${typeColor(e.eventType)}` }),
        t.eventType(e.eventType),
        sample ? sampleBadge(t) : null,
        e.conflict ? h('span', { class: 'badge conflict-badge', title: t.t('sourcesDisagreeNote') }, t.t('sourcesDisagree')) : null),
      h('h2', {}, `${t.subEventType(e.subEventType)} — ${place}`),
      h('p', { class: 'muted' }, [e.eventDate ?? t.t('unknown'), t.country(e.country, e.iso3), e.eventIdCnty].join(' · ')));

    const fields = this.#fieldsTable(e, primary);
    const text = article && primary ? this.#articleText(article, primary) : null;
    // Each source as it told the event: its own toll, injured and date, beside its words.
    const sources = h('section', { class: 'sources' }, h('h3', {}, t.t('sources'), ` (${t.num(e.reports.length)})`),
      e.conflict ? h('p', { class: 'conflict-note', role: 'note' }, t.t('sourcesDisagreeNote')) : null,
      h('p', { class: 'muted' }, t.t('sourceOf')),
      h('ul', {}, ...e.reports.map((r) => h('li', { 'data-report': r.id, 'data-fatalities': r.record.fatalities ?? '' },
        h('span', { class: 'outlet' }, r.article.outlet ?? t.t('unknown')), ' · ', h('span', {}, r.article.publishedAt ?? ''), ' · ',
        h('span', { class: 'source-figures', title: r.record.rules.fatalities ?? '' }, t.t('sourceFigures', {
          f: this.#toll(r.record.fatalities, r.record.rules.fatalities),
          i: r.record.injured === null ? t.t('notReported') : t.num(r.record.injured),
        })), ' · ',
        h('span', {}, r.record.date ?? t.t('unknown')), ' · ',
        originalLink(t, r.article.url), ' · ',
        appLink(this.#ctx, { kind: 'article', id: r.articleId }, { class: 'to-article' }, t.t('openArticle')),
        h('blockquote', { dir: 'rtl', lang: 'ar' }, r.sentence.text)))));

    this.el.replaceChildren(back, header, fields, text ?? '', sources);
    this.el.setAttribute('aria-busy', 'false');
    this.el.dataset.state = 'ready';
  }

  #fieldsTable(e: EventDetail, primary: Report | null): HTMLElement {
    const t = this.#ctx.i18n;
    const rules = primary?.record.rules ?? {};
    const evidence = primary?.record.evidence ?? e.evidence;
    const value: Record<string, string> = {
      eventType: `${t.eventType(e.eventType)} / ${t.subEventType(e.subEventType)}`,
      actor1: t.name(e.actor1, e.actor1Ar) || '—',
      actor2: t.name(e.actor2, e.actor2Ar) || '—',
      location: [t.name(e.location, e.locationAr), e.admin1, t.country(e.country, e.iso3)].filter(Boolean).join('، ')
        + (e.latitude !== null && e.longitude !== null ? ` (${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}; ${t.t('precision')} ${e.geoPrecision ?? '?'})` : ''),
      date: `${e.eventDate ?? t.t('unknown')} (${t.t('precision')} ${e.timePrecision})`,
      fatalities: e.fatalities === null
        ? (rules.fatalities === 'fatalities.unquantified' ? t.t('unquantified') : t.t('unknown'))
        : t.num(e.fatalities) + (e.reportCount > 1 && e.fatalitiesLow !== null && e.fatalitiesBest !== null && e.fatalitiesHigh !== null
          ? ` (${t.t('fatalityRange', { low: t.num(e.fatalitiesLow), best: t.num(e.fatalitiesBest), high: t.num(e.fatalitiesHigh) })})` : ''),
      injured: e.injured === null ? t.t('notReported') : t.num(e.injured),
      modality: rules.modality ?? '',
    };
    const label: Record<string, string> = {
      eventType: t.t('eventType'), actor1: t.t('actor1'), actor2: t.t('actor2'), location: t.t('location'), date: t.t('date'),
      fatalities: t.t('fatalities'), injured: t.t('injured'), modality: 'modality',
    };
    const rows = FIELD_ORDER.filter((f) => f !== 'modality' || evidence.some((v) => v.field === 'modality')).map((f) => {
      const ev = evidence.filter((v) => v.field === f);
      const rule = rules[f] ?? ev[0]?.ruleId ?? '';
      const row = h('tr', { 'data-field': f, tabindex: ev.length ? 0 : null, class: ev.length ? 'has-evidence' : 'no-evidence' },
        h('th', { scope: 'row' }, label[f]),
        h('td', {}, value[f]),
        h('td', {}, rule ? h('code', {}, rule) : ''),
        h('td', { dir: 'rtl', lang: 'ar' }, ev.length
          ? h('span', {}, ...ev.map((v) => h('q', { class: 'ev-text' }, v.text)))
          : h('span', { class: 'muted' }, t.t('inferred'))));
      if (ev.length) {
        const off = () => this.#activate(null, false);
        // Only the keyboard scrolls the words into view: scrolling under a still mouse would move
        // another row beneath it and change the highlight.
        row.addEventListener('mouseenter', () => this.#activate(f, false));
        row.addEventListener('focus', () => this.#activate(f, true));
        row.addEventListener('mouseleave', off);
        row.addEventListener('blur', off);
      }
      return row;
    });
    rows.push(h('tr', {}, h('th', { scope: 'row' }, t.t('civilianTargeting')), h('td', {}, e.civilianTargeting ? t.t('yes') : t.t('no')), h('td', {}), h('td', {})));
    rows.push(h('tr', {}, h('th', { scope: 'row' }, t.t('confidence')), h('td', {}, e.confidence.toFixed(2)), h('td', {}),
      h('td', {}, `${t.num(e.reportCount)} ${t.t('reports')}`)));
    return h('section', { class: 'fields' },
      h('p', { class: 'hint' }, t.t('hoverHint')),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.t('field')), h('th', { scope: 'col' }, t.t('value')),
          h('th', { scope: 'col' }, t.t('rule')), h('th', { scope: 'col' }, t.t('evidence')))),
        h('tbody', {}, ...rows)));
  }

  /** One source's toll as it stated it: a number, "without a number", or not reported. */
  #toll(n: number | null, rule: string | undefined): string {
    const t = this.#ctx.i18n;
    if (n === null) return rule === 'fatalities.unquantified' ? t.t('unquantified') : t.t('unknown');
    return n === 0 && rule === 'fatalities.none-reported' ? t.t('notReported') : t.num(n);
  }

  #articleText(a: ArticleDetail, r: Report): HTMLElement {
    const t = this.#ctx.i18n;
    const marks: Mark[] = [
      { start: r.record.sentence.start, end: r.record.sentence.end, kind: 'sentence' },
      ...r.record.evidence.map((v) => ({ start: v.start, end: v.end, kind: 'ev', name: v.field, title: `${v.field} · ${v.ruleId}` })),
    ];
    return h('section', { class: 'article-text' },
      h('h3', {}, t.t('article')),
      h('p', { class: 'muted' },
        a.outlet ?? t.t('unknown'), ' · ', a.publishedAt ?? '', ' · ', originalLink(t, a.url), ' · ',
        appLink(this.#ctx, { kind: 'article', id: a.id }, { class: 'to-article' }, t.t('openArticle'))),
      a.title ? h('h4', { dir: 'rtl', lang: 'ar' }, a.title) : null,
      h('div', { class: 'text', dir: 'rtl', lang: 'ar' }, renderMarked(a.text, marks)));
  }

  #activate(field: string | null, scroll: boolean): void {
    for (const m of this.el.querySelectorAll('mark.active')) m.classList.remove('active');
    if (!field) return;
    const marks = this.el.querySelectorAll<HTMLElement>(`mark[data-fields~="${field}"]`);
    marks.forEach((m) => m.classList.add('active'));
    if (scroll) marks[0]?.scrollIntoView({ block: 'nearest' });
  }
}
