// Extraction benchmark: the whole pipeline (reading, places, actors, triggers, casualties, events) over
// the generated corpus, on one core: documents per second, p50/p99 latency per document, start-up time
// (knowledge and gazetteer loaded and compiled), peak memory, and the ratio to the reading ceiling
// measured over the same corpus in the same run. Each figure is the median over the timed passes.
// The passes run twice: on this thread (what `marsad extract` and the server do) and in one worker thread
// as the extraction pool runs them (what `marsad ingest` does on each core).
// Then, with the same extractor, time against article length (./scaling.ts): length… figures.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
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
  /** The same in one worker thread, as the extraction pool runs it, when the built thread module is there. */
  threadDocsPerSec?: number;
  threadCpuDocsPerSec?: number;
  threadP50Ms?: number;
  threadP99Ms?: number;
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

/** Figures of timed passes over a corpus with one warm extractor (medians over the passes). */
export interface PassFigures {
  docsPerSec: number;
  cpuDocsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number;
}

/**
 * Time `runs` passes of `extract` over the corpus: documents per second of wall time and of this
 * process's CPU time, and the per-document p50 and p99, each the median over the passes.
 */
export function timePasses(extract: Extractor, corpus: readonly string[], runs: number): PassFigures {
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
  return {
    docsPerSec: median(rates),
    cpuDocsPerSec: Math.round(median(cpuRates)),
    p50Ms: Math.round(median(p50s) * 100) / 100,
    p99Ms: Math.round(median(p99s) * 100) / 100,
    peakRssMb: Math.round(peak / 1048576),
  };
}

/** Warm the JIT: the first passes over fresh code are not what a running worker does. */
export function warmUp(extract: Extractor, corpus: readonly string[]): void {
  for (const text of corpus.slice(0, 20)) extract({ id: 'warm', text, publishedAt: '2025-03-01' });
}

/** The bench's thread module beside this one (dist/bench/extract-thread.js once built). */
const THREAD_FILE = new URL('./extract-thread.js', import.meta.url);

/**
 * The same passes in one worker thread, as the extraction pool runs them: what `marsad ingest` gets
 * from each core. Null when there is no built thread module (run from sources).
 */
export async function benchExtractThread(docs: number, runs: number): Promise<PassFigures | null> {
  if (!existsSync(fileURLToPath(THREAD_FILE))) return null;
  const worker = new Worker(THREAD_FILE, { workerData: { docs, runs } });
  try {
    return await new Promise<PassFigures>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`extraction bench thread exited with code ${code}`)));
    });
  } finally {
    await worker.terminate();
  }
}

export async function benchExtract(opts: ExtractBenchOptions = {}): Promise<ExtractBench> {
  const n = opts.docs ?? 500;
  const runs = Math.max(1, opts.runs ?? 3);
  const t0 = performance.now();
  const extract = createExtractor();
  const startupMs = performance.now() - t0;
  const corpus = generateCorpus(n);
  // the ceiling first, while the extractor's first (JIT-cold) pass runs untimed after it
  const reading = benchReading({ docs: n, runs });
  warmUp(extract, corpus);
  const main = timePasses(extract, corpus, runs);
  const thread = await benchExtractThread(n, runs);
  const lengths = opts.noLengths ? {} : prefixed('length', benchExtractLength({ extract, runs, quick: opts.quick }));
  return {
    docs: n,
    runs,
    startupMs: Math.round(startupMs),
    docsPerSec: Math.round(main.docsPerSec),
    cpuDocsPerSec: main.cpuDocsPerSec,
    p50Ms: main.p50Ms,
    p99Ms: main.p99Ms,
    peakRssMb: Math.max(main.peakRssMb, thread?.peakRssMb ?? 0),
    ...(thread
      ? { threadDocsPerSec: Math.round(thread.docsPerSec), threadCpuDocsPerSec: thread.cpuDocsPerSec, threadP50Ms: thread.p50Ms, threadP99Ms: thread.p99Ms }
      : {}),
    readingDocsPerSec: reading.docsPerSec,
    ratioToReading: Math.round((main.docsPerSec / reading.docsPerSec) * 1000) / 1000,
    ...lengths,
  };
}
