// Extraction benchmark: the whole pipeline (reading, places, actors, triggers, casualties, events) over
// the generated corpus, on one core: documents per second, p99 latency per document, start-up time
// (knowledge and gazetteer loaded and compiled), peak memory, and the ratio to the reading ceiling.
import { performance } from 'node:perf_hooks';
import { createExtractor } from '../pipeline/index.js';
import { generateCorpus } from './corpus.js';
import { benchReading } from './reading.js';

export interface ExtractBench {
  docs: number;
  startupMs: number;
  docsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
  ratioToReading: number;
}

export function benchExtract(opts: { docs?: number; runs?: number } = {}): ExtractBench {
  const n = opts.docs ?? 500;
  const runs = opts.runs ?? 3;
  const t0 = performance.now();
  const extract = createExtractor();
  const startupMs = performance.now() - t0;
  const corpus = generateCorpus(n);
  let peak = process.memoryUsage().rss;
  const rates: number[] = [];
  const lat: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    for (let i = 0; i < corpus.length; i++) {
      const d0 = performance.now();
      extract({ id: `b${i}`, text: corpus[i], publishedAt: '2025-03-01' });
      lat.push(performance.now() - d0);
    }
    rates.push(corpus.length / ((performance.now() - s) / 1000));
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  rates.sort((a, b) => a - b);
  lat.sort((a, b) => a - b);
  const docsPerSec = rates[Math.floor(rates.length / 2)];
  const reading = benchReading({ docs: n, runs });
  return {
    docs: n,
    startupMs: Math.round(startupMs),
    docsPerSec: Math.round(docsPerSec),
    p50Ms: Math.round(lat[Math.floor(lat.length * 0.5)] * 100) / 100,
    p99Ms: Math.round(lat[Math.floor(lat.length * 0.99)] * 100) / 100,
    peakRssMb: Math.round(peak / 1048576),
    ratioToReading: Math.round((docsPerSec / reading.docsPerSec) * 1000) / 1000,
  };
}
