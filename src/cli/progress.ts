// What `marsad ingest` and `marsad watch` show while they work: on a terminal a progress bar
// (documents done of those found, rate, errors) with failures printed above it; elsewhere one plain
// line per document; with --quiet only the failures; and a summary at the end.
import cliProgress from 'cli-progress';
import type { IngestEvent, IngestSummary } from '../ingest/run.js';

export interface ReporterOptions {
  /** Where everything goes (stderr: stdout may carry --jsonl documents). */
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Only failures and the summary. */
  quiet?: boolean;
  /** Draw a bar; default: when the stream is a terminal. */
  bar?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** "12 documents in 3.4 s (3.5/s): 9 new, 2 already ingested, 1 failed; 14 events" */
export function summaryLine(s: IngestSummary): string {
  const parts: string[] = [];
  if (s.inserted) parts.push(`${s.inserted} new`);
  if (s.updated) parts.push(`${s.updated} updated`);
  if (s.extracted) parts.push(`${s.extracted} extracted`);
  if (s.kept) parts.push(`${s.kept} not Arabic (kept, not extracted)`);
  if (s.duplicates) parts.push(`${s.duplicates} already ingested`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.inserted + s.updated + s.extracted + s.kept === 0 && !s.failed) parts.unshift('nothing new');
  const rate = s.elapsedMs > 0 ? s.total / (s.elapsedMs / 1000) : 0;
  let line = `${plural(s.total, 'document')} in ${seconds(s.elapsedMs)} (${rate.toFixed(1)}/s): ${parts.join(', ')}; ${plural(s.events, 'event')}`;
  const f = s.feeds;
  if (f.polled || f.failed) {
    line += `; ${plural(f.polled + f.failed, 'feed')} polled`;
    if (f.notModified) line += `, ${f.notModified} not modified`;
    if (f.failed) line += `, ${f.failed} failed`;
  }
  if (s.interrupted) line += `; stopped early, ${plural(s.notStarted, 'input')} not started`;
  return line;
}

/** Renders a batch's IngestEvents. Call done() when the batch ends (or fails). */
export class IngestReporter {
  readonly #o: ReporterOptions;
  #bars: cliProgress.MultiBar | null = null;
  #bar: cliProgress.SingleBar | null = null;
  #found = 0;
  #done = 0;
  #errors = 0;
  #started = performance.now();

  constructor(o: ReporterOptions) {
    this.#o = o;
    if (o.bar ?? (o.stream.isTTY === true && !o.quiet)) {
      this.#bars = new cliProgress.MultiBar({
        stream: o.stream,
        format: '{bar} {value}/{total} documents | {rate}/s | {errors} | {eta_formatted} left',
        barCompleteChar: '█',
        barIncompleteChar: '░',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      });
      this.#bar = this.#bars.create(0, 0, { rate: '0.0', errors: 'no errors' });
    }
  }

  /** A line above the bar, or a plain line. */
  line(text: string): void {
    if (this.#bars) this.#bars.log(`${text}\n`);
    else this.#o.stream.write(`${text}\n`);
  }

  readonly onEvent = (e: IngestEvent): void => {
    const verbose = !this.#o.quiet && !this.#bars;
    switch (e.type) {
      case 'found':
        this.#found = e.total;
        this.#bar?.setTotal(e.total);
        return;
      case 'feed':
        if (verbose) this.line(`feed ${e.feedUrl}: ${e.notModified ? 'not modified' : plural(e.items, 'item')}`);
        return;
      case 'failed':
        this.#errors++;
        this.line(e.line);
        if (!e.extra) this.#done++;
        break;
      case 'document':
        this.#done++;
        if (verbose) {
          const what = e.reason ? `: ${e.reason}` : e.outcome === 'duplicate' ? '' : ` (${plural(e.events, 'event')})`;
          this.line(`${e.outcome.padEnd(9)} ${e.source}${what}`);
        }
        break;
    }
    if (this.#bar) {
      const secs = (performance.now() - this.#started) / 1000;
      this.#bar.update(this.#done, {
        rate: (secs > 0 ? this.#done / secs : 0).toFixed(1),
        errors: this.#errors ? plural(this.#errors, 'error') : 'no errors',
      });
    }
  };

  /** Remove the bar; print the summary when there is one. */
  done(summary: IngestSummary | null, prefix = 'marsad: ingest: '): void {
    if (this.#bars) {
      this.#bar?.update(this.#done);
      this.#bars.update(); // lines logged since the last frame are written only by a frame
      this.#bars.stop();
      this.#bars = this.#bar = null;
    }
    if (summary) this.#o.stream.write(`${prefix}${summaryLine(summary)}\n`);
  }

  get found(): number {
    return this.#found;
  }
}
