import type { I18n } from '../i18n.js';
import type { View } from '../state.js';

/** What a view needs from the app: words, and links to other views that keep filters and language. */
export interface ViewContext {
  i18n: I18n;
  link(view: View): string;
  go(view: View): void;
  /** Bring a place into the map's view (an event opened from the list may be off screen). */
  locate(lon: number, lat: number): void;
}

/** The outlet name of the bundled sample articles (SAMPLE_OUTLET in src/samples/index.ts). */
export const SAMPLE_OUTLET = 'marsad sample';

export function isSampleOutlets(outlets: string | null | undefined): boolean {
  return Boolean(outlets && outlets.split('; ').includes(SAMPLE_OUTLET));
}

/** A link that the app follows itself (a plain click), keeping the browser's own behaviour for the rest. */
export function appLink(ctx: ViewContext, view: View, attrs: Record<string, string>, ...children: Array<Node | string>): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = ctx.link(view);
  for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
  a.append(...children);
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    ctx.go(view);
  });
  return a;
}
