// The benchmark registry and runner behind `npm run bench`. Each benchmark is one line in BENCHES:
// a name and a function returning its figures (numbers by name). They run in order, one after
// another on the main thread (one core), and print as a table or, with --json, as one JSON object
// whose keys are the bench name joined to each figure (reading + docsPerSec → readingDocsPerSec).
import { availableParallelism, cpus } from 'node:os';
import { benchApi } from './api.js';
import { benchDashboard } from './dashboard.js';
import { benchIngest } from './ingest.js';
import { benchExtract } from './extract.js';
import { benchGazetteer } from '../geo/bench.js';
import { benchReading } from './reading.js';

export interface BenchOptions {
  /** Documents in a generated corpus, for benchmarks that read one. */
  docs?: number;
  /** Timed repetitions; benchmarks report the median. */
  runs?: number;
}

export type Figures = Record<string, number>;

export interface Benchmark {
  name: string;
  run: (opts: BenchOptions) => Figures | Promise<Figures>;
}

export const BENCHES: Benchmark[] = [
  { name: 'reading', run: benchReading },
  { name: 'gazetteer', run: () => ({ ...benchGazetteer() }) },
  { name: 'extract', run: (o) => ({ ...benchExtract({ docs: Math.min(o.docs ?? 500, 500), runs: o.runs }) }) },
  { name: 'ingest', run: benchIngest },
  // 50,000 events (the figure) whatever --docs says; --runs sets the timed page loads.
  { name: 'dashboard', run: (o) => benchDashboard({ events: 50_000, runs: o.runs ?? 3 }) },
  { name: 'api', run: benchApi },
  { name: 'queue', run: async (o) => (await import('./queue.js')).benchQueue(o) },
];

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() || 'unknown',
    cores: typeof availableParallelism === 'function' ? availableParallelism() : list.length,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** reading + docsPerSec → readingDocsPerSec */
export function figureKey(bench: string, figure: string): string {
  return bench + figure[0].toUpperCase() + figure.slice(1);
}

/** Run benchmarks one after another (never in parallel: each must have the core to itself). */
export async function runBenches(benches: Benchmark[], opts: BenchOptions): Promise<Map<string, Figures>> {
  const out = new Map<string, Figures>();
  for (const b of benches) out.set(b.name, await b.run(opts));
  return out;
}

export function toJson(m: Machine, results: Map<string, Figures>): Record<string, unknown> {
  const json: Record<string, unknown> = { machine: m };
  for (const [name, figures] of results) for (const [k, v] of Object.entries(figures)) json[figureKey(name, k)] = v;
  return json;
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
    else if (a === '--only') args.only.push(...value().split(','));
    else if (a === '--docs') args.docs = count();
    else if (a === '--runs') args.runs = count();
    else throw new Error(`unknown argument ${a} (use --json, --only NAME[,NAME], --docs N, --runs N)`);
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
  const unknown = args.only.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) {
    process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (have ${BENCHES.map((b) => b.name).join(', ')})\n`);
    return 2;
  }
  const benches = args.only.length ? BENCHES.filter((b) => args.only.includes(b.name)) : BENCHES;
  const m = machine();
  const opts: BenchOptions = { docs: args.docs, runs: args.runs };
  if (args.json) {
    const results = await runBenches(benches, opts);
    process.stdout.write(`${JSON.stringify(toJson(m, results))}\n`);
  } else {
    process.stdout.write(`machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform} (benchmarks run one after another, on one core but for ingest's worker threads)\n`);
    const results = await runBenches(benches, opts);
    process.stdout.write(`${formatTable(results)}\n`);
  }
  return 0;
}
