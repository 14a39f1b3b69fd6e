// Extraction benchmark: the whole pipeline (reading, places, actors, triggers, casualties, events) over
// the generated corpus, on one core: documents per second, p50/p99 latency per document, start-up time
// (knowledge and gazetteer loaded and compiled), peak memory, and the ratio to the reading ceiling
// measured over the same corpus in the same run. Each figure is the median over the timed passes.
// Then, with the same extractor, time against article length (./scaling.ts): length… figures.
import { performance } from 'node:perf_hooks';
import { createExtractor } from '../pipeline/index.js';
import { percentile } from './api.js';
import { generateCorpus } from './corpus.js';
import { benchReading, median } from './reading.js';
import { benchExtractLength, prefixed } from './scaling.js';

// a type, not an interface, so it is a record of figures for the bench registry
export type ExtractBench = Record<string, number> & {
  docs: number;
  runs: number;
  startupMs: number;
  docsPerSec: number;
  /** Documents per second of this process's CPU time: what a machine without neighbours would do. */
  cpuDocsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  /** The reading ceiling over the same corpus, just before. */
  readingDocsPerSec: number;
  ratioToReading: number;
};

export interface ExtractBenchOptions {
  docs?: number;
  runs?: number;
  /** Toy article lengths for the scaling part (--quick). */
  quick?: boolean;
  /** Leave the scaling part out. */
  noLengths?: boolean;
}

export function benchExtract(opts: ExtractBenchOptions = {}): ExtractBench {
  const n = opts.docs ?? 500;
  const runs = Math.max(1, opts.runs ?? 3);
  const t0 = performance.now();
  const extract = createExtractor();
  const startupMs = performance.now() - t0;
  const corpus = generateCorpus(n);
  // the ceiling first, while the extractor's first (JIT-cold) pass runs untimed after it
  const reading = benchReading({ docs: n, runs });
  for (const text of corpus.slice(0, 20)) extract({ id: 'warm', text, publishedAt: '2025-03-01' });
  let peak = process.memoryUsage().rss;
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let r = 0; r < runs; r++) {
    const lat: number[] = [];
    const c0 = process.cpuUsage();
    const s = performance.now();
    for (let i = 0; i < corpus.length; i++) {
      const d0 = performance.now();
      extract({ id: `b${i}`, text: corpus[i], publishedAt: '2025-03-01' });
      lat.push(performance.now() - d0);
    }
    rates.push(corpus.length / ((performance.now() - s) / 1000));
    const c = process.cpuUsage(c0);
    cpuRates.push(corpus.length / ((c.user + c.system) / 1e6));
    lat.sort((a, b) => a - b);
    p50s.push(percentile(lat, 50));
    p99s.push(percentile(lat, 99));
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const docsPerSec = median(rates);
  const lengths = opts.noLengths ? {} : prefixed('length', benchExtractLength({ extract, runs, quick: opts.quick }));
  return {
    docs: n,
    runs,
    startupMs: Math.round(startupMs),
    docsPerSec: Math.round(docsPerSec),
    cpuDocsPerSec: Math.round(median(cpuRates)),
    p50Ms: Math.round(median(p50s) * 100) / 100,
    p99Ms: Math.round(median(p99s) * 100) / 100,
    peakRssMb: Math.round(peak / 1048576),
    readingDocsPerSec: reading.docsPerSec,
    ratioToReading: Math.round((docsPerSec / reading.docsPerSec) * 1000) / 1000,
    ...lengths,
  };
}
