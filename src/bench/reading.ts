// The reading benchmark: how fast the Arabic layer reads news text on one core — normalise (with its
// offset map), tokens, sentences, clitic segments and numbers, the same stages the pipeline runs first.
// This is the ceiling the whole pipeline is measured against: no later stage can make it faster.
import { createDocument } from '../doc/document.js';
import { dataPath } from '../knowledge/paths.js';
import { loadArabicData } from '../lang/ar/data.js';
import { cliticsStage, numbersStage, tokensStage } from '../lang/ar/reader.js';
import { generateCorpus } from './corpus.js';

export interface ReadingBenchOptions {
  /** Articles in the generated corpus (each 3–5 KB). */
  docs?: number;
  /** Timed passes over the corpus; the median is reported. */
  runs?: number;
}

// a type, not an interface, so it is a record of figures for the bench registry
export type ReadingBenchResult = {
  docs: number;
  /** UTF-8 bytes of the corpus. */
  bytes: number;
  runs: number;
  /** Median time of one pass over the whole corpus. */
  medianMs: number;
  docsPerSec: number;
  /** Megabytes (10^6 bytes of UTF-8) per second. */
  mbPerSec: number;
};

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function benchReading(opts: ReadingBenchOptions = {}): ReadingBenchResult {
  const docs = opts.docs ?? 1000;
  const runs = Math.max(1, opts.runs ?? 5);
  const corpus = generateCorpus(docs);
  const bytes = corpus.reduce((n, text) => n + Buffer.byteLength(text, 'utf8'), 0);

  // data loading and stage building are start-up work, outside the timing
  const data = loadArabicData(dataPath('lang', 'ar'));
  const known = (w: string) => data.known.has(w);
  const stages = [tokensStage(data), cliticsStage(known), numbersStage(data)];

  const pass = (): number => {
    let produced = 0;
    for (let i = 0; i < corpus.length; i++) {
      const doc = createDocument({ id: String(i), text: corpus[i] });
      for (const stage of stages) stage.run(doc);
      produced += doc.layers.tokens.length + doc.layers.segments.length + doc.layers.numbers.length;
    }
    return produced;
  };

  // one untimed pass lets the JIT settle; its output also proves the work is not optimised away
  const expected = pass();
  if (expected === 0) throw new Error('bench reading: the corpus produced no tokens');
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const produced = pass();
    times.push(performance.now() - t0);
    if (produced !== expected) throw new Error('bench reading: passes over the same corpus disagree');
  }
  const medianMs = median(times);
  const seconds = medianMs / 1000;
  return {
    docs,
    bytes,
    runs,
    medianMs: round(medianMs, 1),
    docsPerSec: round(docs / seconds, 0),
    mbPerSec: round(bytes / 1e6 / seconds, 2),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
