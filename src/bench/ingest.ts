// The ingest benchmark: `marsad ingest DIR` over a directory of generated news pages (HTML, 3–5 KB
// of article text each) into a fresh SQLite database — read the page, find the article in it,
// extract, write one transaction per document — with extraction on this thread, then on 1 and on 2
// worker threads. Start-up (threads, knowledge) is left out: each pool extracts a few pages first.
// Then, on the default pool, time against corpus size (./scaling.ts): size… figures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFetcher } from '../ingest/fetch.js';
import { ingestBatch } from '../ingest/run.js';
import { inProcessPool, threadPool, type ExtractPool } from '../pipeline/pool.js';
import { openSqliteStore } from '../store/sqlite.js';
import { generateCorpus } from './corpus.js';
import { median } from './reading.js';
import { benchIngestSize, prefixed } from './scaling.js';

export interface IngestBenchOptions {
  /** Pages in the directory. Default 200 (the whole pipeline runs ~20 ms a page). */
  docs?: number;
  /** Timed ingests per configuration; the median is reported. */
  runs?: number;
  /** Toy sizes, and only the default pool (--quick: each pool costs seconds of start-up). */
  quick?: boolean;
}

// a type, not an interface, so it is a record of figures for the bench registry
export type IngestBenchResult = Record<string, number> & {
  docs: number;
  runs: number;
  /** --workers 1: extraction on the main thread. */
  inProcessDocsPerSec?: number;
  workers1DocsPerSec?: number;
  workers2DocsPerSec: number;
  /** The default (as many threads as cores): `ingestDocsPerSec` in the JSON. */
  docsPerSec: number;
  /** 2 threads, documents printed nowhere and stored nowhere (--jsonl > /dev/null): the store's share. */
  workers2NoStoreDocsPerSec: number;
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page around a generated article: its first line the title, the rest paragraphs, with chrome. */
export function benchPage(article: string, i: number): string {
  const [title, ...paragraphs] = article.split(/\n\n+/);
  return [
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">',
    `<title>${esc(title)} | صحيفة القياس</title><meta property="og:site_name" content="صحيفة القياس">`,
    `<meta property="article:published_time" content="2024-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z">`,
    '</head><body><header>صحيفة القياس</header><nav class="breadcrumb"><a href="/">الرئيسية</a> / أخبار</nav>',
    `<article><h1>${esc(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${esc(p)}</p>`),
    '</article><div class="tags">الوسوم: أخبار</div><footer>جميع الحقوق محفوظة</footer></body></html>',
  ].join('\n');
}

/** One ingest of the `docs` pages in `dir` into a fresh SQLite file (or nowhere); its wall time in ms. */
export async function timeIngest(dir: string, docs: number, pool: ExtractPool, threads: number, store: boolean): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'marsad-bench-db-'));
  const db = store ? await openSqliteStore({ path: join(root, 'bench.db') }) : null;
  const fetcher = createFetcher();
  try {
    const t0 = performance.now();
    const s = await ingestBatch({
      inputs: [dir], store: db, extractPool: pool, fetcher, concurrency: Math.max(4, threads * 2),
      onDocument: store ? undefined : () => undefined,
    });
    const ms = performance.now() - t0;
    const done = s.inserted + s.extracted;
    if (done !== docs) throw new Error(`bench ingest: ${done} of ${docs} pages ingested (${s.failed} failed)`);
    return ms;
  } finally {
    await db?.close();
    await fetcher.close();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function benchIngest(opts: IngestBenchOptions = {}): Promise<IngestBenchResult> {
  const docs = opts.docs ?? 200;
  const runs = Math.max(1, opts.runs ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-pages-'));
  const warmDir = mkdtempSync(join(tmpdir(), 'marsad-bench-warm-'));
  try {
    generateCorpus(docs).forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(6, '0')}.html`), benchPage(text, i)));
    // other pages (another seed), so the timed runs find nothing already ingested
    generateCorpus(8, 7).forEach((text, i) => writeFileSync(join(warmDir, `${i}.html`), benchPage(text, i)));

    const warm = async (pool: ExtractPool, threads: number) => {
      await timeIngest(warmDir, 8, pool, threads, false); // threads started, knowledge loaded, JIT warm
    };
    const measure = async (pool: ExtractPool, threads: number, store = true): Promise<number> => {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await timeIngest(dir, docs, pool, threads, store));
      return Math.round(docs / (median(times) / 1000));
    };
    const alone = async (pool: ExtractPool, threads: number): Promise<number> => {
      try {
        await warm(pool, threads);
        return await measure(pool, threads);
      } finally {
        await pool.close();
      }
    };

    const out: Record<string, number> = { docs, runs };
    if (!opts.quick) {
      out.inProcessDocsPerSec = await alone(inProcessPool(), 1);
      out.workers1DocsPerSec = await alone(threadPool({ threads: 1 }), 1);
    }
    // Two threads, then the default (as many as cores, when that is not 2), on which the rest runs.
    const two = threadPool({ threads: 2 });
    const cores = availableParallelism();
    let pool = two;
    try {
      await warm(two, 2);
      out.workers2DocsPerSec = await measure(two, 2);
      out.workers2NoStoreDocsPerSec = await measure(two, 2, false);
      if (cores !== 2) {
        await two.close();
        pool = cores === 1 ? inProcessPool() : threadPool({ threads: cores });
        await warm(pool, cores);
        out.docsPerSec = await measure(pool, cores);
      } else out.docsPerSec = out.workers2DocsPerSec;
      out.threads = cores;
      // 100, 400 and 1,600 pages at the default 200: half, twice and eight times the corpus above
      const sizes = opts.quick ? undefined : [docs / 2, docs * 2, docs * 8].map(Math.round).filter((n) => n >= 1);
      Object.assign(out, prefixed('size', await benchIngestSize({ pool, threads: cores, runs, quick: opts.quick, sizes })));
    } finally {
      await pool.close();
    }
    return out as IngestBenchResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(warmDir, { recursive: true, force: true });
  }
}
