// Documents for the reliability runs: the paragraphs of the benchmark's generated Arabic news articles
// (src/bench/corpus.ts), one document each (300–900 bytes, a few events), as .jsonl lines with a
// unique id and URL. Paragraphs rather than whole articles keep 5,000 documents within minutes: the
// store takes about 0.3 s of CPU for a whole article's dozen events.
import { writeFileSync } from 'node:fs';
import { generateCorpus } from '../../bench/corpus.js';

export interface RelDoc {
  id: string;
  text: string;
  url: string;
  publishedAt: string;
}

export function paragraphDocs(count: number, seed: number): RelDoc[] {
  const out: RelDoc[] = [];
  const seen = new Set<string>();
  let batch = 0;
  while (out.length < count) {
    for (const article of generateCorpus(Math.ceil(count / 3) + 8, seed + batch++)) {
      // the title line is dropped: it repeats the first words of a sentence
      for (const p of article.split(/\n\n+/).slice(1)) {
        if (out.length === count || seen.has(p)) continue;
        seen.add(p);
        const n = out.length;
        const day = String(1 + (n % 28)).padStart(2, '0');
        out.push({ id: `rel-${n}`, text: p, url: `https://news.example/rel/${n}`, publishedAt: `2024-03-${day}` });
      }
    }
  }
  return out;
}

export function writeJsonl(path: string, docs: readonly RelDoc[]): void {
  writeFileSync(path, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}
