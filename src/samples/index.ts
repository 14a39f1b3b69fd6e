// The bundled sample articles (data/samples/articles.jsonl): short news-style Arabic texts written
// by the marsad developers so that `npm start` on an empty database shows a living map at once.
// They are not real reports. They are stored under source "sample" and outlet SAMPLE_OUTLET, which
// is how every face (the events' `source` column, exports, the dashboard's badge) tells them apart.

import { readFileSync } from 'node:fs';
import { MarsadError } from '../doc/diagnostics.js';
import { dataPath } from '../knowledge/paths.js';
import type { Extractor } from '../pipeline/types.js';
import type { Store } from '../store/types.js';

export const SAMPLE_SOURCE = 'sample';
/** The outlet name of every sample article: it ends up in ACLED's `source` column of their events. */
export const SAMPLE_OUTLET = 'marsad sample';

export interface SampleArticle {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  /** Always true: the file says so on every line, so a line copied elsewhere still says it. */
  sample: true;
}

export function samplesPath(): string {
  return dataPath('samples', 'articles.jsonl');
}

/** Read and check the samples file; a malformed line is a bug in the shipped data, so it throws. */
export function loadSamples(file = samplesPath()): SampleArticle[] {
  const out: SampleArticle[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new MarsadError('INPUT_BAD_JSON', where);
    }
    if (typeof r.id !== 'string' || typeof r.text !== 'string' || typeof r.title !== 'string'
      || typeof r.publishedAt !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.publishedAt) || r.sample !== true) {
      throw new MarsadError('INPUT_BAD_JSON', `${where}: a sample needs id, title, text, publishedAt (YYYY-MM-DD) and "sample": true`);
    }
    out.push({ id: r.id, title: r.title, text: r.text, publishedAt: r.publishedAt, sample: true });
  });
  return out;
}

export function isSampleSource(outlets: string): boolean {
  return outlets.split('; ').includes(SAMPLE_OUTLET);
}

export interface SampleIngest {
  articles: number;
  events: number;
}

/** Read every sample through the extractor and store it, as any ingested article is. */
export async function ingestSamples(store: Store, extract: Extractor, samples: SampleArticle[] = loadSamples()): Promise<SampleIngest> {
  let events = 0;
  for (const s of samples) {
    const doc = extract({ id: s.id, text: s.text, title: s.title, publishedAt: s.publishedAt, url: null });
    const saved = await store.saveArticle({ source: SAMPLE_SOURCE, outlet: SAMPLE_OUTLET, url: null, lang: 'ar' }, doc);
    events += saved.eventIds.length;
  }
  return { articles: samples.length, events };
}
