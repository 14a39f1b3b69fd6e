// BENCHMARKS.md from the JSON of one `npm run bench -- --json` run: the machine and its load, what
// the figures mean for someone running marsad, the scaling verdicts, then every figure by bench.
// `npm run bench -- --report FILE.json` prints it, so the page is rebuilt from a run, never retyped.

type Json = Record<string, unknown>;

interface MachineJson { cpu?: string; cores?: number; memoryGb?: number; node?: string; platform?: string; startedAt?: string; loadAvgStart?: number[]; loadAvgEnd?: number[] }

/** One `--json` run when the page is made from several (each measured some of the benches). */
export interface ReportPart {
  file: string;
  machine: MachineJson;
  benches: string[];
}

const num = (json: Json, key: string): number | undefined => (typeof json[key] === 'number' ? (json[key] as number) : undefined);
const fmt = (v: number | undefined, digits = 0): string =>
  v === undefined ? 'n/a' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** Keys of one bench's figures (bench name, then an upper-case letter or a digit), in JSON order. */
function keysOf(json: Json, bench: string): string[] {
  return Object.keys(json).filter((k) => k.startsWith(bench) && /^[A-Z0-9]/.test(k.slice(bench.length)) && typeof json[k] === 'number');
}

/** The benches in a run: the prefixes that have a …Seconds figure. */
export function benchesIn(json: Json): string[] {
  return Object.keys(json).filter((k) => k.endsWith('Seconds') && typeof json[`${k.slice(0, -7)}Load1m`] === 'number').map((k) => k.slice(0, -7));
}

export function markdownReport(json: Json, parts: ReportPart[] = []): string {
  const command = 'npm run bench -- --json';
  const m = (parts[0]?.machine ?? json.machine ?? {}) as MachineJson;
  const last = (parts[parts.length - 1]?.machine ?? m) as MachineJson;
  const n = (k: string) => num(json, k);
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);

  p('# Benchmarks', '');
  // quiet: no more runnable processes than cores as the run began, and no more than one over as each
  // bench began or the run ended (what the benches before left running: a server, workers, a load tool)
  const loads1m = [m.loadAvgStart?.[0], last.loadAvgEnd?.[0], ...benchesIn(json).map((b) => n(`${b}Load1m`))].filter((x): x is number => x !== undefined);
  const cores = m.cores ?? 2;
  const quiet = loads1m.length > 0 && (m.loadAvgStart?.[0] ?? Infinity) <= cores && Math.max(...loads1m) <= cores + 1;
  if (quiet) {
    p(`> **Measured on a quiet machine**: nothing else ran on the ${cores}-core machine; the load average (1 / 5 / 15 min) was`,
      `> ${m.loadAvgStart?.join(' / ') ?? 'n/a'} when the run began and ${last.loadAvgEnd?.join(' / ') ?? 'n/a'} when it ended (the benchmark's own load).`, '');
  } else {
    p('> **Measured on a shared machine under load.** Other work ran on this machine at the same time: the load average',
      `> was ${m.loadAvgStart?.join(' / ') ?? 'n/a'} (1 / 5 / 15 min) when the run began and ${last.loadAvgEnd?.join(' / ') ?? 'n/a'} when it ended,`,
      `> up to ${fmt(Math.max(...loads1m), 1)} runnable processes for ${cores} cores. Wall-clock figures are therefore pessimistic; the CPU-time`,
      '> figures (extraction) are what neighbours disturb least. Rerun the command on a quiet machine for figures to quote.', '');
  }
  p('## How to reproduce', '');
  p('```sh', 'npm run build', `${command} > bench.json        # everything; about 25 minutes (the 1,000,000-event store is filled once, then cached in the temp dir)`,
    'npm run bench -- --report bench.json > BENCHMARKS.md   # this page, from that JSON',
    'npm run bench                           # the same figures as a table',
    'npm run bench -- --only extract,ingest   # some benches only; --runs N, --docs N',
    'npm run bench -- --quick --json          # toy sizes, once, no browser: checks the machinery (npm test runs it)', '```', '');
  p('Every figure is the median over several timed runs (`runs` in each table, 3 unless said) after an untimed warm-up,',
    'benchmarks run one after another, and the corpus is generated from a fixed seed (`src/bench/corpus.ts`: 3–5 KB Arabic news',
    'articles with numbers in three digit systems, places, actors, quotes), so every run reads the same text.', '');
  p('## The machine', '');
  p('| | |', '|---|---|',
    `| CPU | ${m.cpu ?? 'n/a'}, ${m.cores ?? 'n/a'} cores available |`,
    `| memory | ${m.memoryGb ?? 'n/a'} GB |`,
    `| Node | ${m.node ?? 'n/a'} (${m.platform ?? 'n/a'}) |`,
    `| run began | ${m.startedAt ?? 'n/a'} |`,
    `| load average at start (1/5/15 min) | ${m.loadAvgStart?.join(' / ') ?? 'n/a'} |`,
    `| load average at end | ${last.loadAvgEnd?.join(' / ') ?? 'n/a'} |`, '');
  if (parts.length > 1) {
    p('The figures come from runs one after another, each measuring some of the benches:', '',
      '| run | began | load at start | load at end | benches |', '|---|---|---|---|---|',
      ...parts.map((x, i) => `| ${i + 1} | ${x.machine?.startedAt ?? 'n/a'} | ${x.machine?.loadAvgStart?.join(' / ') ?? 'n/a'} | ${x.machine?.loadAvgEnd?.join(' / ') ?? 'n/a'} | ${x.benches.join(', ')} |`), '');
  }
  const loads = benchesIn(json).map((b) => `${b} ${fmt(n(`${b}Load1m`), 1)}`);
  if (loads.length) p(`Load average (1 min) as each bench began: ${loads.join(', ')}.`, '');

  p('## What it means for a user', '');
  const ingest = n('ingestDocsPerSec');
  if (ingest !== undefined) {
    const perHour = ingest * 3600;
    p(`- **Ingestion**: ${fmt(ingest, 1)} news pages a second with ${fmt(n('ingestThreads') ?? cores)} extraction threads`,
      `  (read the page, find the article, extract, store in SQLite), so one such machine ingests ${fmt(perHour)} articles an hour:`,
      `  **${fmt(perHour / 40_000, 1)} days of a 40,000-articles-a-day news stream per hour**, or keeps up with a stream`,
      `  ${fmt(perHour * 24 / 40_000, 0)} times that size. Through the real CLI (\`marsad ingest DIR\`, start-up included):`,
      `  ${fmt(n('cliIngestDocsPerSec'), 1)} pages a second, at most ${fmt(n('cliIngestRssMb'))} MB of memory.`);
  }
  const ex = n('extractDocsPerSec');
  if (ex !== undefined) {
    p(`- **Extraction** on one core: ${fmt(ex)} articles a second (${fmt(n('extractCpuDocsPerSec'))} per second of CPU time), p50`,
      `  ${fmt(n('extractP50Ms'), 1)} ms and p99 ${fmt(n('extractP99Ms'), 1)} ms an article; that is ${fmt((n('extractRatioToReading') ?? 0) * 100, 1)} % of the`,
      `  reading ceiling (normalise and tokenise only: ${fmt(n('extractReadingDocsPerSec'))} articles a second in the same run).`,
      `  Loading the knowledge and the gazetteer takes ${fmt(n('extractStartupMs'))} ms once per process or worker thread.`);
    if (n('extractThreadDocsPerSec') !== undefined) {
      p(`  In one worker thread, as the extraction pool runs it (what \`marsad ingest\` does on each core):`,
        `  ${fmt(n('extractThreadDocsPerSec'))} articles a second (${fmt(n('extractThreadCpuDocsPerSec'))} per second of CPU time), p99 ${fmt(n('extractThreadP99Ms'), 1)} ms.`);
    }
  }
  const apiRows: string[] = [];
  for (const size of ['100k', '1m']) {
    const e = n(`apiEvents${size}P95Ms`);
    const t = n(`apiTimeline${size}P95Ms`);
    if (e === undefined && t === undefined) continue;
    const worst = Math.max(e ?? 0, t ?? 0);
    const solo = Math.max(n(`apiEvents${size}SoloP95Ms`) ?? 0, n(`apiTimeline${size}SoloP95Ms`) ?? 0);
    const ue = n(`apiEvents${size}UncachedP95Ms`);
    const ut = n(`apiTimeline${size}UncachedP95Ms`);
    apiRows.push(`  - ${size === '1m' ? '1,000,000' : '100,000'} events: p95 ${fmt(worst, 1)} ms with ${fmt(n('apiConnections'))} clients at once `
      + `(${worst <= 50 ? 'within' : 'over'} 50 ms); one client at a time, p95 ${fmt(solo, 1)} ms (${solo <= 50 ? 'within' : 'over'} 50 ms).`
      + (ue === undefined && ut === undefined ? ''
        : ` Without the response cache (every request a new query): p95 ${fmt(ue, 1)} ms for event pages, ${fmt(ut, 1)} ms for timelines.`));
  }
  if (apiRows.length) {
    p('- **API** (`GET /api/events` list pages and `GET /api/stats/timeline`, a mix of dashboard filters, loopback):', ...apiRows);
  }
  if (n('dashboardMedianMs') !== undefined) {
    p(`- **Dashboard**: with ${fmt(n('dashboardEvents'))} events the first view (map markers, timeline, list) is usable`,
      `  ${fmt(n('dashboardMedianMs'))} ms after the page is asked for (${fmt(n('dashboardColdMs'))} ms for the first load after the server started).`);
  }
  // the server over the largest store the run had: cliServe1mMs, or cliServe100kMs when only that was run
  const served = Object.keys(json).map((k) => /^cliServe(\d+[km]?)Ms$/.exec(k)?.[1]).find((x) => x !== undefined);
  if (n('cliVersionMs') !== undefined) {
    const events = served === undefined ? '' : served.endsWith('m') ? `${fmt(Number(served.slice(0, -1)) * 1e6)}` : served.endsWith('k') ? `${fmt(Number(served.slice(0, -1)) * 1e3)}` : served;
    p(`- **Start-up**: \`marsad --version\` ${fmt(n('cliVersionMs'))} ms; \`marsad extract\` of one article ${fmt(n('cliExtractOneMs'))} ms;`,
      `  \`marsad serve\` answers its first request after ${fmt(n('cliServeMs'))} ms on an empty database`
      + (served === undefined ? '.' : ` and ${fmt(n(`cliServe${served}Ms`))} ms on`),
      ...(served === undefined ? [] : [`  ${events} events (the map's first view is ready at ${fmt(n(`cliServe${served}ReadyMs`))} ms; the server then holds ${fmt(n(`cliServe${served}RssMb`))} MB).`]));
  }
  if (n('peakRssMb') !== undefined) p(`- **Peak memory** of any marsad process measured: ${fmt(n('peakRssMb'))} MB.`);
  p('');

  p('## Does it grow linearly?', '');
  p('The growth exponent is the least-squares slope of log(time) against log(size): 1 is linear, 2 quadratic. An',
    'n log n step reads about 1.1 over three decades, so up to 1.15 is called linear (`src/bench/scaling.ts`).', '');
  if (n('extractLengthExponent') !== undefined) {
    p('**Extraction time against article length** (one article, the same warm extractor; articles built from the generator\'s',
      'paragraphs and cut after a full sentence):', '');
    p('| length | bytes | wall ms | CPU ms | CPU ms per KB | events found |', '|---|---:|---:|---:|---:|---:|');
    for (const k of keysOf(json, 'extractLength').filter((x) => x.endsWith('CpuMsPerKb'))) {
      const label = k.slice('extractLength'.length, -'CpuMsPerKb'.length);
      const f = (s: string) => n(`extractLength${label}${s}`);
      p(`| ${label.toUpperCase().replace('KB', ' KB').replace('MB', ' MB')} | ${fmt(f('Bytes'))} | ${fmt(f('Ms'), 1)} | ${fmt(f('CpuMs'), 1)} | ${fmt(f('CpuMsPerKb'), 2)} | ${fmt(f('Events'))} |`);
    }
    p('', `Growth exponent **${fmt(n('extractLengthExponent'), 3)}** from CPU time (${fmt(n('extractLengthWallExponent'), 3)} from wall time; `
      + `${fmt(n('extractLengthLastStepExponent'), 3)} over the last step alone): **${n('extractLengthLinear') ? 'linear' : 'not linear'}**.`, '');
  }
  if (n('ingestSizeExponent') !== undefined) {
    p(`**Ingestion time against corpus size** (${fmt(n('ingestThreads'))} threads, into a new SQLite file each time):`, '');
    p('| pages | ms | pages a second |', '|---:|---:|---:|');
    for (const k of keysOf(json, 'ingestSize').filter((x) => /^ingestSizeDocs\d+Ms$/.test(x))) {
      const size = k.slice('ingestSizeDocs'.length, -2);
      p(`| ${fmt(Number(size))} | ${fmt(n(k))} | ${fmt(n(`ingestSizeDocs${size}DocsPerSec`), 1)} |`);
    }
    p('', `Growth exponent **${fmt(n('ingestSizeExponent'), 3)}**: **${n('ingestSizeLinear') ? 'linear' : 'not linear'}** `
      + '(below 1 where the fixed cost of opening a database weighs on the smallest corpus).', '');
  }

  p('## Every figure', '');
  p(`Keys as in the JSON (\`${command}\`): bench name, then figure. \`…Seconds\` is the bench's own wall time, \`…Load1m\` the`,
    'load average as it began. Times are milliseconds unless the name says otherwise.', '');
  for (const b of benchesIn(json)) {
    p(`### ${b}`, '', '| key | value |', '|---|---:|');
    for (const k of keysOf(json, b)) p(`| \`${k}\` | ${fmt(n(k), 3)} |`);
    p('');
  }
  const top = ['peakRssMb', 'benchPeakRssMb'].filter((k) => n(k) !== undefined);
  if (top.length) {
    p('### whole run', '', '| key | value |', '|---|---:|', ...top.map((k) => `| \`${k}\` | ${fmt(n(k))} |`), '',
      '`peakRssMb`: the most memory any marsad process held (extraction, the CLI\'s ingest, the server over the largest store);',
      '`benchPeakRssMb`: the bench process itself, which hosts the API server and the ingest threads while it measures them.', '');
  }
  return out.join('\n');
}
