// HTML page → article: the main text (Mozilla Readability on linkedom) and the page's metadata.
//
// Nothing on the page runs: linkedom builds a tree and never executes scripts. Hostile pages are
// expected: a page nested too deep or with too many elements for Readability to finish in
// reasonable time, or one it throws on, is read by a linear tag-stripping path with a diagnostic.

import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { diagnostic, type Diagnostic } from '../doc/diagnostics.js';
import { canonicalUrl } from './canonical.js';
import { dateFromUrl, toIsoDate } from './dates.js';
import { stripTags, tagStats, tidyText } from './strip.js';

export interface Article {
  title: string | null;
  /** The article text; paragraphs are separated by a blank line. */
  text: string;
  /** YYYY-MM-DD, or null when the page gives no date. */
  publishedAt: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  /** Primary language subtag as the page declares it ("ar"), or null. */
  lang: string | null;
  byline: string | null;
  diagnostics: Diagnostic[];
}

export interface HtmlOptions {
  /** Where the page came from: resolves relative links and is the last source of a date and outlet. */
  url?: string | null;
}

// Readability's cost grows with nesting: measured on linkedom, 300 levels take 1 s, 1 000 take 12 s,
// 3 000 overflow the stack. Real news pages nest 20 to 60 levels and hold a few thousand elements.
const MAX_DEPTH = 150;
const MAX_ELEMENTS = 50_000;

// The minimal DOM this module touches (the project compiles without the DOM lib).
interface DomNode {
  nodeType: number;
  nodeValue: string | null;
  localName?: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  textContent: string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  querySelector(sel: string): DomElement | null;
  remove(): void;
}
interface DomDocument {
  documentElement: DomElement | null;
  querySelectorAll(sel: string): ArrayLike<DomElement>;
  querySelector(sel: string): DomElement | null;
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'select']);

/** The text of an element with a blank line between blocks; walks the tree without recursion. */
function blockText(root: DomNode): string {
  const out: string[] = [];
  const enter = (n: DomNode): boolean => {
    if (n.nodeType === 3) {
      out.push((n.nodeValue ?? '').replace(/\s+/g, ' '));
      return false;
    }
    if (n.nodeType !== 1) return false;
    const tag = n.localName ?? '';
    if (SKIP.has(tag)) return false;
    if (tag === 'br') out.push('\n');
    else if (BLOCK.has(tag)) out.push('\n\n');
    else if (tag === 'td' || tag === 'th') out.push(' ');
    return true;
  };
  const leave = (n: DomNode) => {
    if (n.nodeType === 1 && BLOCK.has(n.localName ?? '')) out.push('\n\n');
  };
  let n: DomNode | null = root.firstChild;
  while (n) {
    if (enter(n) && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    leave(n);
    while (n && !n.nextSibling) {
      n = n.parentNode;
      if (!n || n === root) {
        n = null;
        break;
      }
      leave(n);
    }
    if (n) n = n.nextSibling;
  }
  return tidyText(out.join(''));
}

function attr(el: DomElement | null | undefined, name: string): string | null {
  const v = el?.getAttribute(name);
  return v && v.trim() ? v.trim() : null;
}

/** Meta tags by name, property or itemprop, lower-cased keys; the first value wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const m = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i];
    const key = (attr(el, 'property') ?? attr(el, 'name') ?? attr(el, 'itemprop') ?? attr(el, 'http-equiv'))?.toLowerCase();
    const content = attr(el, 'content');
    if (key && content && !m.has(key)) m.set(key, content);
  }
  return m;
}

// Meta keys that carry the publication date, most specific first.
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'pubdate',
  'publishdate', 'publish-date', 'publish_date', 'article.published', 'parsely-pub-date', 'sailthru.date',
  'dc.date.issued', 'dc.date', 'dcterms.issued', 'dcterms.date', 'dcterms.created', 'date',
];

/** All JSON-LD objects on the page, @graph and arrays flattened, without recursion and bounded. */
function jsonLdObjects(doc: DomDocument): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the other sources still count
    }
    const stack: unknown[] = [data];
    while (stack.length && out.length < 1000) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v.slice().reverse());
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        out.push(o);
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return out;
}

function findDate(doc: DomDocument, meta: Map<string, string>, url: string | null): string | null {
  for (const k of DATE_META) {
    const d = toIsoDate(meta.get(k));
    if (d) return d;
  }
  // JSON-LD: an article's datePublished before any other object's
  const objects = jsonLdObjects(doc);
  const isArticle = (o: Record<string, unknown>) => /Article|Posting|Report/i.test(JSON.stringify(o['@type'] ?? ''));
  for (const o of [...objects.filter(isArticle), ...objects]) {
    const d = toIsoDate(o.datePublished) ?? toIsoDate(o.dateCreated);
    if (d) return d;
  }
  const time = doc.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]') ?? doc.querySelector('time[datetime]');
  const d = toIsoDate(attr(time, 'datetime'));
  if (d) return d;
  return dateFromUrl(url);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return canonicalUrl(new URL(href, base ?? undefined).href);
  } catch {
    return null;
  }
}

function primaryLang(v: string | null | undefined): string | null {
  const m = v ? /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(v) : null;
  return m ? m[1].toLowerCase() : null;
}

interface Meta {
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  byline: string | null;
}

/** A title without the outlet's name that sites append ("… | Outlet", "Outlet - …"). */
function cleanTitle(title: string | null | undefined, outlet: string | null): string | null {
  let t = title?.replace(/\s+/g, ' ').trim();
  if (!t) return null;
  if (outlet) {
    const o = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = t.replace(new RegExp(`\\s*[|\\-–—:»«]\\s*${o}$`), '').replace(new RegExp(`^${o}\\s*[|\\-–—:»«]\\s*`), '');
    if (stripped) t = stripped;
  }
  return t;
}

function pageMeta(doc: DomDocument, url: string | null): Meta {
  const meta = metaMap(doc);
  const outlet = meta.get('og:site_name') ?? meta.get('application-name') ?? hostOf(url);
  const title = meta.get('og:title') ?? meta.get('twitter:title') ?? doc.querySelector('title')?.textContent;
  const canonical = resolve(attr(doc.querySelector('link[rel="canonical"]'), 'href'), url) ?? resolve(meta.get('og:url') ?? null, url);
  return {
    title: cleanTitle(title, outlet),
    publishedAt: findDate(doc, meta, url),
    outlet,
    canonicalUrl: canonical,
    lang: primaryLang(attr(doc.documentElement, 'lang')) ?? primaryLang(meta.get('content-language')) ?? primaryLang(meta.get('og:locale')),
    byline: meta.get('author') ?? null,
  };
}

const EMPTY_META = (url: string | null): Meta => ({
  title: null, publishedAt: dateFromUrl(url), outlet: hostOf(url), canonicalUrl: null, lang: null, byline: null,
});

// Page chrome that sits in its own elements is dropped before Readability looks: captions,
// navigation, breadcrumbs, share bars, tag lists. Only small elements go, so a container that
// happens to carry such a class never takes the article with it.
const CHROME_SELECTOR = [
  'figcaption', 'nav', '[class*="breadcrumb"]', '[id*="breadcrumb"]', '[class*="share"]', '[class*="social"]',
  '[class*="tags"]', '[class*="read-more"]', '[class*="related"]',
].join(',');
const CHROME_MAX_CHARS = 400;

function removeChrome(doc: DomDocument): void {
  const els = Array.from(doc.querySelectorAll(CHROME_SELECTOR));
  for (const el of els) if ((el.textContent ?? '').length < CHROME_MAX_CHARS) el.remove();
}

/** Metadata when the body is not to be parsed: the <head> alone is small and safe to parse. */
function headMeta(html: string, url: string | null): Meta {
  const end = html.search(/<\/head\s*>/i);
  if (end < 0 || end > 512 * 1024) return EMPTY_META(url);
  try {
    const { document } = parseHTML(`${html.slice(0, end)}</head><body></body></html>`);
    return pageMeta(document as unknown as DomDocument, url);
  } catch {
    return EMPTY_META(url);
  }
}

function fallback(html: string, url: string | null, why: string): Article {
  const meta = headMeta(html, url);
  const text = stripTags(html);
  const diagnostics = [diagnostic('HTML_FALLBACK', why, { source: 'ingest/html' })];
  if (!text) diagnostics.push(diagnostic('HTML_NO_CONTENT', undefined, { source: 'ingest/html' }));
  return { ...meta, text, diagnostics };
}

/** Read an HTML page. Never throws: problems are diagnostics on the article. */
export function htmlToArticle(html: string, opts: HtmlOptions = {}): Article {
  const url = opts.url ?? null;
  const stats = tagStats(html);
  if (stats.maxDepth > MAX_DEPTH) return fallback(html, url, `nested ${stats.maxDepth} levels deep (limit ${MAX_DEPTH})`);
  if (stats.elements > MAX_ELEMENTS) return fallback(html, url, `${stats.elements} elements (limit ${MAX_ELEMENTS})`);
  try {
    const { document } = parseHTML(html);
    const doc = document as unknown as DomDocument;
    const meta = pageMeta(doc, url);
    removeChrome(doc);
    const parsed = new Readability<DomNode>(document, { serializer: (node) => node as unknown as DomNode }).parse();
    const text = parsed?.content ? blockText(parsed.content) : '';
    if (!text) return fallback(html, url, 'Readability found no article');
    return {
      ...meta,
      title: meta.title ?? (parsed?.title?.trim() || null),
      lang: meta.lang ?? primaryLang(parsed?.lang),
      byline: parsed?.byline?.trim() || meta.byline,
      text,
      diagnostics: [],
    };
  } catch (err) {
    return fallback(html, url, err instanceof Error ? err.message : String(err));
  }
}
