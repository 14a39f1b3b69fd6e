import { normalize } from '../lang/ar/normalize.js';
import type { ChromeSpan, MarsadDocument, Span } from './types.js';

export interface DocumentInput {
  id: string;
  text: string;
  url?: string | null;
  publishedAt?: string | null;
  title?: string | null;
  /** Page chrome already found by ingestion (from the page's own title and structure); the chrome stage keeps it. */
  chrome?: ChromeSpan[];
}

/** Create a document: the text is kept as given; the normalised form and its offset map are built once. */
export function createDocument(input: DocumentInput): MarsadDocument {
  return {
    id: input.id,
    text: input.text,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
    title: input.title ?? null,
    country: null,
    norm: normalize(input.text),
    layers: { tokens: [], segments: [], sentences: [], numbers: [], dates: [], places: [], actors: [], triggers: [], casualties: [], chrome: input.chrome ? [...input.chrome] : [], modality: [] },
    events: [],
    diagnostics: [],
  };
}

/** The original text of a span. */
export function spanText(doc: { text: string }, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** Map a normalised range to an original span. */
export function normSpan(doc: MarsadDocument, nstart: number, nend: number): Span {
  const n = doc.norm;
  if (nend <= nstart) {
    const at = nstart < n.text.length ? n.starts[nstart] : n.originalLength;
    return { start: at, end: at };
  }
  return { start: n.starts[nstart], end: n.ends[nend - 1] };
}

/** The JSON a document is shown as: everything but the internal offset map. */
export function documentJson(doc: MarsadDocument, opts: { layers?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: doc.id,
    text: doc.text,
    url: doc.url,
    publishedAt: doc.publishedAt,
    title: doc.title,
    country: doc.country,
    events: doc.events,
    diagnostics: doc.diagnostics,
  };
  if (opts.layers) {
    out.layers = {
      sentences: doc.layers.sentences.map(({ start, end }) => ({ start, end })),
      tokens: doc.layers.tokens.map(({ start, end, kind, norm }) => ({ start, end, kind, norm })),
      segments: doc.layers.segments,
      numbers: doc.layers.numbers,
      dates: doc.layers.dates,
      places: doc.layers.places,
      actors: doc.layers.actors,
      triggers: doc.layers.triggers,
      casualties: doc.layers.casualties,
      chrome: doc.layers.chrome,
      modality: doc.layers.modality,
    };
  }
  return out;
}
