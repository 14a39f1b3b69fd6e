// The benchmark registry and runner behind `npm run bench`. Each benchmark is one line in BENCHES:
// a name and a function returning its figures (numbers by name). They run in order, one after
// another on the main thread (one core), and print as a table or, with --json, as one JSON object
// whose keys are the bench name joined to each figure (reading + docsPerSec → readingDocsPerSec),
// with the machine and its load, and the headline figures the issue names.
// --quick runs every benchmark but the browser and PostgreSQL ones at toy sizes, once: a check of the machinery
// and of the JSON's shape in seconds (its figures mean nothing).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchApi, sizesFromEnv } from './api.js';
import { benchCli } from './cli.js';
import { benchDashboard } from './dashboard.js';
import { benchIngest } from './ingest.js';
import { benchExtract } from './extract.js';
import { benchGazetteer } from '../geo/bench.js';
import { benchReading } from './reading.js';
import { benchesIn, markdownReport, type ReportPart } from './report.js';

export interface BenchOptions {
  /** Documents in a generated corpus, for benchmarks that read one. */
  docs?: number;
  /** Timed repetitions; benchmarks report the median. */
  runs?: number;
  /** Toy sizes (see above). */
  quick?: boolean;
  /** Where the API and CLI benches keep filled stores: a private one under --quick, so runs at once never share a file. */
  storeDir?: string;
}

export type Figures = Record<string, number>;

export interface Benchmark {
  name: string;
  run: (opts: BenchOptions) => Figures | Promise<Figures>;
  /** Left out of --quick: it needs a browser. */
  browser?: boolean;
  /** Left out of --quick: it starts worker processes against a PostgreSQL server. */
  service?: boolean;
}

/** Events in the API and CLI benches' store under --quick (filled in well under a second). */
const QUICK_EVENTS = 2000;
const apiSizes = (o: BenchOptions) => (o.quick ? [QUICK_EVENTS] : sizesFromEnv(process.env.MARSAD_BENCH_API_SIZES));

export const BENCHES: Benchmark[] = [
  { name: 'reading', run: benchReading },
  { name: 'gazetteer', run: () => ({ ...benchGazetteer() }) },
  { name: 'extract', run: (o) => benchExtract({ docs: Math.min(o.docs ?? 500, 500), runs: o.runs, quick: o.quick }) },
  { name: 'ingest', run: benchIngest },
  // 50,000 events (the issue's figure) whatever --docs says; --runs sets the timed page loads.
  { name: 'dashboard', run: (o) => benchDashboard({ events: 50_000, runs: o.runs ?? 3 }), browser: true },
  { name: 'api', run: (o) => benchApi(o.quick ? { runs: o.runs, sizes: apiSizes(o), maxRequests: 64, maxSeconds: 1, storeDir: o.storeDir } : { runs: o.runs, storeDir: o.storeDir }) },
  // after api, so the store it serves is already filled
  { name: 'cli', run: (o) => benchCli({ runs: o.runs, docs: o.quick ? o.docs : undefined, events: Math.max(...apiSizes(o)), quick: o.quick, storeDir: o.storeDir }) },
  // documents/s through PostgreSQL with 1 and 2 `marsad worker` processes (skipped when it is unreachable)
  { name: 'queue', run: async (o) => (await import('./queue.js')).benchQueue(o), service: true },
];

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryGb?: number;
  /** When the run began (ISO 8601, UTC). */
  startedAt?: string;
  /** Load average (1, 5, 15 minutes) when the run began and when it ended: others' work shows here. */
  loadAvgStart?: number[];
  loadAvgEnd?: number[];
}

const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() || 'unknown',
    cores: typeof availableParallelism === 'function' ? availableParallelism() : list.length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    startedAt: new Date().toISOString(),
    loadAvgStart: load(),
  };
}

/** reading + docsPerSec → readingDocsPerSec */
export function figureKey(bench: string, figure: string): string {
  return bench + figure[0].toUpperCase() + figure.slice(1);
}

/**
 * Run benchmarks one after another (never in parallel: each must have the core to itself). Each
 * also gets `seconds` (its own wall time) and `load1m` (the machine's load average as it began).
 */
export async function runBenches(benches: Benchmark[], opts: BenchOptions): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  for (const b of benches) {
    const load1m = load()[0];
    const t0 = performance.now();
    const figures = await b.run(opts);
    out.set(b.name, { ...figures, seconds: Math.round(performance.now() - t0) / 1000, load1m });
  }
  return out;
}

/**
 * The headline figures: `peakRssMb` is the most memory a marsad process needed — the CLI's ingest,
 * the server over the largest store, extraction — and `benchPeakRssMb` the bench process's own
 * (the API server and the ingest threads run inside it).
 */
export function headline(results: Map<string, Figures>): Figures {
  const out: Figures = {};
  const peaks: number[] = [];
  for (const [name, figures] of results) {
    for (const [k, v] of Object.entries(figures)) if (/RssMb$/.test(k) && (name === 'cli' || name === 'extract')) peaks.push(v);
  }
  if (peaks.length) out.peakRssMb = Math.max(...peaks);
  out.benchPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return out;
}

export function toJson(m: Machine, results: Map<string, Figures>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const json: Record<string, unknown> = { machine: m, ...extra };
  for (const [name, figures] of results) for (const [k, v] of Object.entries(figures)) json[figureKey(name, k)] = v;
  return json;
}

/** What the scaling figures say, in words: the growth exponents and whether they are linear. */
export function scalingLines(results: Map<string, Figures>): string[] {
  const lines: string[] = [];
  const say = (what: string, f: Figures | undefined) => {
    if (!f || f.exponent === undefined) return;
    lines.push(`${what}: growth exponent ${f.exponent} (log-log slope) — ${f.linear ? 'linear' : 'NOT linear'}`
      + (f.lastStepExponent !== undefined ? `; over the last step alone ${f.lastStepExponent}` : ''));
  };
  const nested = (bench: string, prefix: string): Figures | undefined => {
    const f = results.get(bench);
    if (!f) return undefined;
    return { exponent: f[`${prefix}Exponent`], linear: f[`${prefix}Linear`], lastStepExponent: f[`${prefix}LastStepExponent`] } as Figures;
  };
  say('extraction time against article length', nested('extract', 'length'));
  say('ingestion time against corpus size', nested('ingest', 'size'));
  return lines;
}

export function formatTable(results: Map<string, Figures>): string {
  const rows: string[][] = [['bench', 'figure', 'value']];
  for (const [name, figures] of results) {
    for (const [k, v] of Object.entries(figures)) rows.push([name, k, v.toLocaleString('en-US')]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

interface Args extends BenchOptions {
  json: boolean;
  only: string[];
  /** Print BENCHMARKS.md from this run's JSON instead of running anything. */
  report?: string;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive whole number`);
      return n;
    };
    if (a === '--json') args.json = true;
    else if (a === '--quick') args.quick = true;
    else if (a === '--report') args.report = value();
    else if (a === '--only') args.only.push(...value().split(','));
    else if (a === '--docs') args.docs = count();
    else if (a === '--runs') args.runs = count();
    else throw new Error(`unknown argument ${a} (use --json, --quick, --only NAME[,NAME], --docs N, --runs N, --report FILE.json)`);
  }
  return args;
}

/** The `npm run bench` command. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  if (args.report) {
    // several files (comma-separated) are parts of one measurement: later ones add and override figures
    const json: Record<string, unknown> = {};
    const parts: ReportPart[] = [];
    for (const file of args.report.split(',')) {
      try {
        const part = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        parts.push({ file, machine: part.machine as Machine, benches: benchesIn(part) });
        Object.assign(json, part);
      } catch (err) {
        process.stderr.write(`bench: --report ${file}: ${(err as Error).message}\n`);
        return 2;
      }
    }
    process.stdout.write(markdownReport(json, parts));
    return 0;
  }
  const unknown = args.only.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) {
    process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (have ${BENCHES.map((b) => b.name).join(', ')})\n`);
    return 2;
  }
  let benches = args.only.length ? BENCHES.filter((b) => args.only.includes(b.name)) : BENCHES;
  const skipped = args.quick ? benches.filter((b) => b.browser || b.service).map((b) => b.name) : [];
  benches = benches.filter((b) => !skipped.includes(b.name));
  const m = machine();
  const opts: BenchOptions = args.quick
    ? { docs: args.docs ?? 8, runs: args.runs ?? 1, quick: true, storeDir: mkdtempSync(join(tmpdir(), 'marsad-bench-quick-')) }
    : { docs: args.docs, runs: args.runs };
  const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  if (!args.json) {
    say(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAvgStart?.join(' ')} at the start`);
    say('(benchmarks run one after another, on one core but for the ingest threads and the child processes)');
  }
  let results: Map<string, Figures>;
  try {
    results = await runBenches(benches, opts);
  } finally {
    if (opts.quick && opts.storeDir) rmSync(opts.storeDir, { recursive: true, force: true });
  }
  m.loadAvgEnd = load();
  const top = headline(results);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(toJson(m, results, { quick: Boolean(args.quick), skipped, ...top }))}\n`);
  } else {
    say(formatTable(results));
    for (const [k, v] of Object.entries(top)) say(`${k}: ${v.toLocaleString('en-US')}`);
    say(`load average ${m.loadAvgEnd.join(' ')} at the end${skipped.length ? `; skipped under --quick: ${skipped.join(', ')}` : ''}`);
  }
  for (const line of scalingLines(results)) say(line);
  return 0;
}
