// Page chrome of a plain-text page (breadcrumbs, repeated title, captions, "read also" links, share
// lines, tags): a layer of spans the extractor skips, so offsets still point into the text as read.
import { findChrome } from '../lang/ar/chrome.js';
import type { Stage } from '../pipeline/types.js';

export function chromeStage(): Stage {
  return {
    name: 'chrome',
    needs: ['tokens'],
    adds: ['chrome'],
    run(doc) {
      // Spans given with the input (ingestion saw the page's metadata) win; none given, find them here.
      if (doc.layers.chrome.length === 0) doc.layers.chrome = findChrome(doc.text, { title: doc.title ?? undefined, norm: doc.norm });
    },
  };
}
