// Scaling benchmarks: does extraction time grow linearly with the length of an article, and ingestion
// time with the size of a corpus? Each is timed at a few sizes a factor apart and summed up as a
// growth exponent, the slope of log(time) against log(size): 1 is linear, 2 quadratic. An
// O(n log n) step reads about 1.1 over three decades, so up to 1.15 counts as linear here.
// Extraction is timed in CPU time as well as wall time: on a shared machine the CPU time of our own
// process is what neighbours disturb least, so the exponent is taken from it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extractor } from '../pipeline/types.js';
import type { ExtractPool } from '../pipeline/pool.js';
import { generateCorpus } from './corpus.js';
import { benchPage, timeIngest } from './ingest.js';
import { median } from './reading.js';

/** The most a growth exponent may be and still be called linear. */
export const LINEAR_EXPONENT = 1.15;

/** Least-squares slope of ln(y) on ln(x): the exponent k of y ≈ c·x^k. */
export function growthExponent(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 2) throw new Error('growthExponent: needs two points or more');
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  if (den === 0) throw new Error('growthExponent: the sizes are all the same');
  return num / den;
}

/**
 * One article of about `bytes` bytes of UTF-8 (never more), built from generated articles: the
 * first one's title, then their paragraphs in turn, cut after the last full sentence that fits.
 */
export function articleOfLength(bytes: number, seed = 4242): string {
  const parts: string[] = [];
  let size = 0;
  for (let batch = 0; size < bytes; batch++) {
    for (const article of generateCorpus(64, seed + batch)) {
      const paragraphs = article.split(/\n\n+/);
      for (const p of parts.length ? paragraphs.slice(1) : paragraphs) {
        parts.push(p);
        size += Buffer.byteLength(p) + 2;
        if (size >= bytes) break;
      }
      if (size >= bytes) break;
    }
  }
  const full = parts.join('\n\n');
  // The first `bytes` bytes, decoded (a character cut in two becomes U+FFFD, after the cut below).
  const head = Buffer.from(full, 'utf8').subarray(0, bytes).toString('utf8');
  const end = Math.max(head.lastIndexOf('.'), head.lastIndexOf('؟'), head.lastIndexOf('»'));
  if (end < 0) throw new Error(`articleOfLength: no full sentence fits in ${bytes} bytes`);
  return full.slice(0, end + 1);
}

const KB = 1024;
export const ARTICLE_LENGTHS = [KB, 10 * KB, 100 * KB, 1024 * KB];
const QUICK_LENGTHS = [KB, 4 * KB, 16 * KB];

/** 1024 → 1kb, 1048576 → 1mb: a length as it appears in figure names. */
export function lengthLabel(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.round(bytes / (1024 * KB))}mb` : `${Math.round(bytes / KB)}kb`;
}

/** { exponent: 1 } under 'length' → { lengthExponent: 1 }: how a bench nests these figures in its own. */
export function prefixed(prefix: string, figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([k, v]) => [prefix + k[0].toUpperCase() + k.slice(1), v]));
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Process CPU time (user + system) in ms: extraction runs on this thread, so it is ours. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface LengthBenchOptions {
  /** A warm extractor (the extraction bench's: its start-up is timed there). */
  extract: Extractor;
  lengths?: number[];
  /** Timed passes at each length; the median is reported. Default 3. */
  runs?: number;
  quick?: boolean;
}

/**
 * Extraction time of one article against its length. Short lengths extract several different
 * articles a pass (about 256 KB in all, at most 64), so a pass lasts long enough to time; the figure
 * is the time per article.
 */
export function benchExtractLength(opts: LengthBenchOptions): Record<string, number> {
  const lengths = opts.lengths ?? (opts.quick ? QUICK_LENGTHS : ARTICLE_LENGTHS);
  const runs = Math.max(1, opts.runs ?? 3);
  const { extract } = opts;
  const figures: Record<string, number> = {};
  const wallPoints: Array<[number, number]> = [];
  const cpuPoints: Array<[number, number]> = [];
  for (const length of lengths) {
    const count = Math.min(64, Math.max(1, Math.round((256 * KB) / length)));
    const articles = Array.from({ length: count }, (_, i) => articleOfLength(length, 4242 + i * 1000));
    const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0) / count;
    const wall: number[] = [];
    const cpu: number[] = [];
    let events = -1;
    for (let r = 0; r < runs; r++) {
      const w0 = performance.now();
      const c0 = cpuMs();
      let found = 0;
      for (let i = 0; i < count; i++) found += extract({ id: `len${i}`, text: articles[i], publishedAt: '2025-03-01' }).events.length;
      cpu.push((cpuMs() - c0) / count);
      wall.push((performance.now() - w0) / count);
      if (events >= 0 && found !== events) throw new Error('bench extractLength: passes over the same articles disagree');
      events = found;
    }
    const label = lengthLabel(length);
    const wallMs = median(wall);
    const cpuMedian = median(cpu);
    figures[`${label}Bytes`] = Math.round(bytes);
    figures[`${label}Ms`] = round(wallMs, 2);
    figures[`${label}CpuMs`] = round(cpuMedian, 2);
    figures[`${label}CpuMsPerKb`] = round(cpuMedian / (bytes / KB), 3);
    figures[`${label}Events`] = Math.round(events / count);
    wallPoints.push([bytes, wallMs]);
    cpuPoints.push([bytes, cpuMedian]);
  }
  const exponent = growthExponent(cpuPoints);
  figures.exponent = round(exponent, 3);
  figures.wallExponent = round(growthExponent(wallPoints), 3);
  // The last step alone: a superlinear part shows first where the articles are longest.
  figures.lastStepExponent = round(growthExponent(cpuPoints.slice(-2)), 3);
  figures.linear = exponent <= LINEAR_EXPONENT ? 1 : 0;
  return figures;
}

export interface CorpusSizeBenchOptions {
  /** A started, warm pool (the ingest bench's default one) and its threads. */
  pool: ExtractPool;
  threads: number;
  sizes?: number[];
  /** Timed ingests at each size; the median is reported. Default 3. */
  runs?: number;
  quick?: boolean;
}

export const CORPUS_SIZES = [100, 400, 1600];
const QUICK_SIZES = [4, 8, 16];

/**
 * Ingestion time (pages read, extracted on the pool's threads, stored in a fresh SQLite file)
 * against the number of pages.
 */
export async function benchIngestSize(opts: CorpusSizeBenchOptions): Promise<Record<string, number>> {
  const sizes = opts.sizes ?? (opts.quick ? QUICK_SIZES : CORPUS_SIZES);
  const runs = Math.max(1, opts.runs ?? 3);
  const { pool, threads } = opts;
  const root = mkdtempSync(join(tmpdir(), 'marsad-bench-size-'));
  const figures: Record<string, number> = {};
  try {
    const corpus = generateCorpus(Math.max(...sizes), 31);
    const points: Array<[number, number]> = [];
    for (const size of sizes) {
      const dir = join(root, String(size));
      writeDir(dir, corpus.slice(0, size));
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await timeIngest(dir, size, pool, threads, true));
      const ms = median(times);
      figures[`docs${size}Ms`] = Math.round(ms);
      figures[`docs${size}DocsPerSec`] = round(size / (ms / 1000), 1);
      points.push([size, ms]);
    }
    const exponent = growthExponent(points);
    figures.exponent = round(exponent, 3);
    figures.linear = exponent <= LINEAR_EXPONENT ? 1 : 0;
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function writeDir(dir: string, articles: string[]): void {
  mkdirSync(dir, { recursive: true });
  articles.forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(6, '0')}.html`), benchPage(text, i)));
}
