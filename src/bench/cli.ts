// The command line as a user meets it, each command in a child process of its own: how long until it
// answers (start-up: Node, modules, knowledge, gazetteer, the database) and the most memory it held
// (its resident-set high-water mark, VmHWM in /proc, read while it runs; Linux only, left out
// elsewhere). Figures are medians over the runs.
//   versionMs            marsad --version: Node and the CLI's modules, nothing else
//   extractOneMs         marsad extract of one 4 KB article: start-up plus one extraction
//   serveMs              marsad serve on an empty database, until GET /api/events answers
//   serve<N>Ms           the same on the API bench's store of N events …
//   serve<N>ReadyMs      … until GET /api/facets answers too (the map's scan of every event is done)
//   serve<N>RssMb        … and the server's memory once it has answered both
//   ingestDocsPerSec     marsad ingest DIR of news pages into a new SQLite file, start-up included
//   ingestRssMb          … and its memory (the main thread and the extraction threads together)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../knowledge/paths.js';
import { sizeLabel } from './api.js';
import { generateCorpus } from './corpus.js';
import { filledStore } from './fill-store.js';
import { benchPage } from './ingest.js';
import { median } from './reading.js';

export interface CliBenchOptions {
  /** Timed runs of each command; default 3 (5 for --version). */
  runs?: number;
  /** Pages for the ingest run; default 100. */
  docs?: number;
  /** Events in the store served (the API bench's largest, filled once and cached). */
  events?: number;
  /** Where the filled stores are kept (default os.tmpdir()). */
  storeDir?: string;
  /** Each command once, no empty-database server, ingest on one thread (--quick). */
  quick?: boolean;
}

/** The most memory the process has held so far, in MB; null where /proc is not there to say. */
export function peakRssMbOf(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null; // not Linux, or the process has just exited
  }
}

interface Child {
  proc: ChildProcess;
  /** The highest VmHWM seen so far. */
  peakMb(): number | null;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

function start(cli: string, args: string[]): Child {
  const proc = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  let peak: number | null = null;
  // VmHWM only grows; sampling it often enough catches the peak unless it comes in the last 50 ms.
  const poll = setInterval(() => {
    const v = proc.pid ? peakRssMbOf(proc.pid) : null;
    if (v !== null) peak = Math.max(peak ?? 0, v);
  }, 50);
  const exited = new Promise<number | null>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => {
      clearInterval(poll);
      resolve(code);
    });
  });
  return { proc, peakMb: () => peak, exited, stdout: () => out, stderr: () => err };
}

async function runToEnd(cli: string, args: string[]): Promise<{ ms: number; peakMb: number | null }> {
  const t0 = performance.now();
  const child = start(cli, args);
  const code = await child.exited;
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`bench cli: marsad ${args.join(' ')} exited with ${code}: ${child.stderr().slice(0, 400)}`);
  return { ms, peakMb: child.peakMb() };
}

async function waitFor<T>(what: string, child: Child, probe: () => T | null | Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (child.proc.exitCode !== null) throw new Error(`bench cli: the server exited before ${what}: ${child.stderr().slice(0, 400)}`);
    if (performance.now() > until) throw new Error(`bench cli: no ${what} in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`bench cli: ${url} answered ${res.status}`);
    return true;
  } catch (err) {
    if ((err as Error).message.startsWith('bench cli:')) throw err;
    return false; // not listening yet
  }
}

/** marsad serve on `db`: ms until /api/events answers, ms until /api/facets answers, memory then. */
async function serveOnce(cli: string, db: string): Promise<{ ms: number; readyMs: number; peakMb: number | null }> {
  const t0 = performance.now();
  const child = start(cli, ['serve', '--db', db, '--port', '0']);
  try {
    const url = await waitFor('announcement', child, () => /dashboard at (http:\/\/\S+?)\/\s/.exec(child.stdout())?.[1] ?? null, 120_000);
    await waitFor('answer', child, async () => ((await answers(`${url}/api/events?limit=50&sort=-date`)) ? true : null), 120_000);
    const ms = performance.now() - t0;
    await waitFor('facets', child, async () => ((await answers(`${url}/api/facets`)) ? true : null), 300_000);
    const readyMs = performance.now() - t0;
    await answers(`${url}/api/stats/timeline?bucket=day`);
    const peakMb = peakRssMbOf(child.proc.pid!) ?? child.peakMb();
    return { ms, readyMs, peakMb };
  } finally {
    child.proc.kill('SIGTERM');
    const killer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
    await child.exited;
    clearTimeout(killer);
  }
}

const maxOrNull = (xs: Array<number | null>) => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

export async function benchCli(opts: CliBenchOptions = {}): Promise<Record<string, number>> {
  const cli = join(packageRoot(), 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('bench cli: dist/cli.js is missing (npm run build)');
  const runs = Math.max(1, opts.runs ?? 3);
  const docs = opts.docs ?? 100;
  const events = opts.events ?? 1_000_000;
  const label = sizeLabel(events);
  const root = mkdtempSync(join(tmpdir(), 'marsad-bench-cli-'));
  const figures: Record<string, number> = { runs };
  const put = (name: string, v: number | null) => {
    if (v !== null) figures[name] = v;
  };
  try {
    const version: number[] = [];
    for (let r = 0; r < (opts.quick ? 1 : Math.max(runs, 5)); r++) version.push((await runToEnd(cli, ['--version'])).ms);
    figures.versionMs = Math.round(median(version));

    const article = join(root, 'article.txt');
    writeFileSync(article, generateCorpus(1)[0]);
    const one: Array<{ ms: number; peakMb: number | null }> = [];
    for (let r = 0; r < runs; r++) one.push(await runToEnd(cli, ['extract', '--published', '2025-03-01', article]));
    figures.extractOneMs = Math.round(median(one.map((o) => o.ms)));
    put('extractOneRssMb', maxOrNull(one.map((o) => o.peakMb)));

    if (!opts.quick) {
      const empty: number[] = [];
      for (let r = 0; r < runs; r++) empty.push((await serveOnce(cli, join(root, `empty${r}.db`))).ms);
      figures.serveMs = Math.round(median(empty));
    }

    const filled = await filledStore(events, { dir: opts.storeDir });
    const big: Array<{ ms: number; readyMs: number; peakMb: number | null }> = [];
    for (let r = 0; r < runs; r++) big.push(await serveOnce(cli, filled.path));
    figures[`serve${label}Ms`] = Math.round(median(big.map((b) => b.ms)));
    figures[`serve${label}ReadyMs`] = Math.round(median(big.map((b) => b.readyMs)));
    put(`serve${label}RssMb`, maxOrNull(big.map((b) => b.peakMb)));

    const pages = join(root, 'pages');
    mkdirSync(pages);
    generateCorpus(docs, 11).forEach((text, i) => writeFileSync(join(pages, `${String(i).padStart(6, '0')}.html`), benchPage(text, i)));
    const ingests: Array<{ ms: number; peakMb: number | null }> = [];
    const workers = opts.quick ? ['--workers', '1'] : []; // default: as many threads as cores
    for (let r = 0; r < runs; r++) ingests.push(await runToEnd(cli, ['ingest', ...workers, '--db', join(root, `ingest${r}.db`), pages]));
    figures.ingestDocsPerSec = Math.round((docs / (median(ingests.map((o) => o.ms)) / 1000)) * 10) / 10;
    put('ingestRssMb', maxOrNull(ingests.map((o) => o.peakMb)));
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
