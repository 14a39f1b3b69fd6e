// The API's ReadArticle for the CLI's server: text, HTML or a URL in, a document input out, through
// the ingestion library (decoding, article extraction, canonical URL, language).

import { MarsadError } from '../doc/diagnostics.js';
import { createFetcher, type Fetcher } from '../ingest/fetch.js';
import { isExtractable, readSource, toDocumentInput, type SourceItem } from '../ingest/sources.js';
import type { ReadArticle } from '../server/types.js';

export interface ArticleReader {
  read: ReadArticle;
  close(): Promise<void>;
}

export function articleReader(fetcher: Fetcher = createFetcher()): ArticleReader {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const read: ReadArticle = async (body) => {
    let item: SourceItem;
    if (body.url !== undefined) item = { kind: 'url', source: body.url, url: body.url };
    else if (body.html !== undefined) item = { kind: 'bytes', source: 'api:html', bytes: utf8(body.html), format: 'html' };
    else item = { kind: 'bytes', source: 'api:text', bytes: utf8(body.text ?? ''), format: 'text' };
    const raw = await readSource(item, { fetcher });
    if (!isExtractable(raw)) throw new MarsadError('INPUT_NOT_ARABIC', item.source);
    return {
      ...toDocumentInput(raw),
      publishedAt: body.publishedAt ?? raw.publishedAt,
      title: body.title ?? raw.title,
      canonicalUrl: raw.canonicalUrl,
      outlet: raw.outlet,
      lang: raw.lang,
    };
  };
  return { read, close: () => fetcher.close() };
}
