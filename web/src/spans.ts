// Stand-off spans onto the original text: the text is cut at every span boundary and each piece
// is a text node, or a <mark> naming the spans that cover it. Offsets are UTF-16 code units, as
// the server's, so a span lands exactly on the words it was read from.

import { h } from './dom.js';

export interface Mark {
  start: number;
  end: number;
  /** CSS class of the annotation kind ("ev", "l-places"…). */
  kind: string;
  /** Names matched by hover (an event field), listed in data-fields. */
  name?: string;
  /** Explanation shown on hover. */
  title?: string;
}

export interface Piece {
  start: number;
  end: number;
  marks: Mark[];
}

/** Cut [0, length) at every boundary; each piece lists the marks that cover all of it. */
export function pieces(length: number, marks: readonly Mark[]): Piece[] {
  const valid = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    out.push({ start, end, marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}

/**
 * The text as DOM: runs without marks are text nodes; a marked run is a <mark> whose class is the
 * innermost (shortest) mark's kind, so nested annotations show the most specific one.
 */
export function renderMarked(text: string, marks: readonly Mark[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const p of pieces(text.length, marks)) {
    const content = text.slice(p.start, p.end);
    if (p.marks.length === 0) {
      frag.appendChild(document.createTextNode(content));
      continue;
    }
    const inner = [...p.marks].sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    const names = [...new Set(p.marks.map((m) => m.name).filter((n): n is string => Boolean(n)))];
    const titles = [...new Set(p.marks.map((m) => m.title).filter((n): n is string => Boolean(n)))];
    frag.appendChild(h('mark', {
      class: [...new Set(p.marks.map((m) => m.kind))].map((k) => k).join(' ') + ` k-${inner.kind}`,
      'data-fields': names.length ? names.join(' ') : null,
      'data-start': p.start,
      title: titles.length ? titles.join('\n') : null,
    }, content));
  }
  return frag;
}
