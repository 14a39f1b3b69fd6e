// A linear pass over raw HTML, for pages a DOM library should not be trusted with: it measures
// nesting without building a tree, and strips tags to text. No recursion, no backtracking regex.

// Elements that never hold children; they never deepen the nesting.
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
// Elements browsers close implicitly when a sibling opens; counting them would overstate the depth.
const AUTO_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);
// Elements whose content is not text to read.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'object', 'select']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'ul', 'body', 'html',
]);

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the tag. */
  end: number;
}

const NAME = /[a-zA-Z][a-zA-Z0-9:-]*/y;

/** Read the tag starting at `i` (html[i] === '<'); null when it is not a tag. */
function readTag(html: string, i: number): Tag | null {
  let j = i + 1;
  const closing = html[j] === '/';
  if (closing) j++;
  NAME.lastIndex = j;
  const m = NAME.exec(html);
  if (!m) return null;
  const close = html.indexOf('>', j);
  const end = close < 0 ? html.length : close + 1;
  return { name: m[0].toLowerCase(), closing, selfClosing: html[end - 2] === '/', end };
}

/** Index past the end of a comment, doctype or processing instruction starting at `i`. */
function skipMarkup(html: string, i: number): number {
  if (html.startsWith('<!--', i)) {
    const e = html.indexOf('-->', i + 4);
    return e < 0 ? html.length : e + 3;
  }
  const e = html.indexOf('>', i);
  return e < 0 ? html.length : e + 1;
}

/** Index past the closing tag of a skipped element whose content starts at `from`. */
function skipElement(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}\\s*>`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : html.length;
}

/** How deep the tags nest and how many there are. */
export function tagStats(html: string): { maxDepth: number; elements: number } {
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    const next = html[i + 1];
    if (next === '!' || next === '?') {
      i = html.indexOf('<', skipMarkup(html, i));
      continue;
    }
    const tag = readTag(html, i);
    if (!tag) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let after = tag.end;
    if (tag.closing) {
      if (!VOID.has(tag.name) && !AUTO_CLOSE.has(tag.name) && depth > 0) depth--;
    } else {
      elements++;
      if (SKIP.has(tag.name) && !tag.selfClosing) after = skipElement(html, tag.name, tag.end);
      else if (!VOID.has(tag.name) && !AUTO_CLOSE.has(tag.name) && !tag.selfClosing) {
        depth++;
        if (depth > maxDepth) maxDepth = depth;
      }
    }
    i = html.indexOf('<', after);
  }
  return { maxDepth, elements };
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', hellip: '…',
  mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', zwnj: '\u200c', zwj: '\u200d',
  rlm: '\u200f', lrm: '\u200e', copy: '©', reg: '®', middot: '·', bull: '•',
};

/** Decode character references: numeric ones and the named ones news pages use. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML page with tags removed, a blank line between blocks. */
export function stripTags(html: string): string {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) out.push(decodeEntities(html.slice(i, textEnd)).replace(/\s+/g, ' '));
    if (lt < 0) break;
    const next = html[lt + 1];
    if (next === '!' || next === '?') {
      i = skipMarkup(html, lt);
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && SKIP.has(tag.name) && !tag.selfClosing) i = skipElement(html, tag.name, tag.end);
    else if (tag.name === 'br') out.push('\n');
    else if (BLOCK.has(tag.name)) out.push('\n\n');
    else if (tag.name === 'td' || tag.name === 'th') out.push(' ');
  }
  return tidyText(out.join(''));
}

/** Tidy extracted text: spaces collapsed, lines trimmed, at most one blank line between paragraphs. */
export function tidyText(raw: string): string {
  return raw
    .replace(/[ \t\f\v\u00a0\r]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
