import { h, safeHref } from '../dom.js';
import type { I18n } from '../i18n.js';

export function sampleBadge(i18n: I18n): HTMLElement {
  return h('span', { class: 'badge sample-badge', title: i18n.t('sampleNote') }, i18n.t('sampleBadge'));
}

/** A link to the original article when its URL is http(s); otherwise a plain note. */
export function originalLink(i18n: I18n, url: string | null): HTMLElement {
  const href = safeHref(url);
  if (!href) return h('span', { class: 'muted' }, i18n.t('noOriginal'));
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: 'original' }, i18n.t('original'));
}

export function loadingNote(i18n: I18n): HTMLElement {
  return h('p', { class: 'muted', role: 'status' }, i18n.t('loading'));
}

export function failedNote(i18n: I18n, err: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, `${i18n.t('failed')}: ${err instanceof Error ? err.message : String(err)}`);
}
