// marsad watch --feeds FILE [--every 10m]   poll the feeds, ingest what is new, again and again
//
// Runs until stopped. Feeds are asked with conditional GET (ETag / Last-Modified) and their
// validators kept in the database, so a restart goes on where it stopped. SIGINT or SIGTERM: no new
// document is started, the one in hand is finished and written (or, at a second signal, its
// transaction rolled back), the database closed; the exit status is then 0, a watch's normal end.
// It is 1 when the watch cannot run (no extractor, no database) and 2 for a usage error.
// With --postgres URL the watch only polls: new items are queued as jobs for `marsad worker`s.
import { Option, type Command } from 'commander';
import { createFetcher } from '../../ingest/fetch.js';
import { ingestBatch } from '../../ingest/run.js';
import { failureLine } from '../../ingest/sources.js';
import { createExtractPool, ExtractorLoadError } from '../../pipeline/pool.js';
import type { Store } from '../../store/index.js';
import { enqueueReported, openProducer } from '../enqueue.js';
import { allowPrivate, DEFAULT_WORKERS, loadFeedList, parseDuration, parseWorkers } from '../ingest-options.js';
import { openStoreAt } from '../open-store.js';
import { IngestReporter } from '../progress.js';
import { DEFAULT_DB } from '../server-deps.js';
import { stopOnSignals } from '../signals.js';

interface WatchCliOptions {
  feeds: string;
  every: number;
  db: string;
  postgres?: string;
  workers?: number;
  allowPrivate?: boolean;
  quiet?: boolean;
}

const DEFAULT_EVERY = '10m';

export function registerWatch(program: Command, setExit: (code: number) => void): void {
  program
    .command('watch')
    .description('poll RSS/Atom feeds every so often and ingest their new articles, until stopped')
    .requiredOption('--feeds <file>', 'the feeds: one URL a line, or an OPML file (read once at start)')
    .addOption(new Option('--every <duration>', 'time between polls: 90s, 10m, 1h…').argParser(parseDuration).default(parseDuration(DEFAULT_EVERY), DEFAULT_EVERY))
    .option('--db <file>', 'the database: a SQLite file (created when missing) or a postgres:// URL', DEFAULT_DB)
    .option('--postgres <url>', 'queue the new items as jobs in this PostgreSQL database for `marsad worker` (the store is there too)')
    .option('--workers <n>', 'extraction threads (default: the number of cores)', parseWorkers)
    .option('--allow-private', 'fetch from private and loopback addresses too (or MARSAD_ALLOW_PRIVATE=1)')
    .option('-q, --quiet', 'print only failures and one line per poll')
    .action(async (opts: WatchCliOptions, cmd: Command) => {
      if (opts.postgres !== undefined && cmd.getOptionValueSource('db') === 'cli' && opts.db !== opts.postgres) {
        process.stderr.write('marsad: watch: --postgres queues the items in that database; it does not go with --db\n');
        setExit(2);
        return;
      }
      setExit(await (opts.postgres !== undefined ? runWatchQueue(opts) : runWatch(opts)));
    });
}

/** Resolves after `ms`, or at once when the signal fires. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

async function runWatch(opts: WatchCliOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`marsad: watch: ${line}\n`);
  const list = await loadFeedList(opts.feeds);
  const unreadable = list.errors.find((e) => e.source === opts.feeds);
  if (unreadable || list.feeds.length === 0) {
    say(unreadable ? failureLine(opts.feeds, unreadable.error) : `${opts.feeds}: no feed URLs in it`);
    return 2;
  }
  let store: Store;
  try {
    store = await openStoreAt(opts.db);
  } catch (err) {
    say(`${opts.db}: cannot open the database: ${(err as Error).message}`);
    return 1;
  }
  const workers = opts.workers ?? DEFAULT_WORKERS();
  const pool = createExtractPool({ workers });
  const fetcher = createFetcher({ allowPrivate: allowPrivate(opts.allowPrivate) });
  const stop = stopOnSignals((sig) => say(`${sig}: finishing the documents in hand (again to quit at once)`));
  const minutes = opts.every >= 60_000 ? `${+(opts.every / 60_000).toFixed(2)} min` : `${opts.every / 1000} s`;
  say(`${list.feeds.length} feed${list.feeds.length === 1 ? '' : 's'} from ${opts.feeds}, every ${minutes}, into ${opts.db}; Ctrl-C stops`);
  let code = 0;
  try {
    // The list's bad lines are reported (and logged) with the first poll only.
    let inputErrors = list.errors;
    while (!stop.signal.aborted) {
      const started = Date.now();
      // No bar: a watch is a log, read later as often as live.
      const reporter = new IngestReporter({ stream: process.stderr, quiet: opts.quiet, bar: false });
      const summary = await ingestBatch({
        feeds: list.feeds,
        inputErrors,
        store,
        extractPool: pool,
        fetcher,
        onProgress: reporter.onEvent,
        signal: stop.signal,
        concurrency: Math.max(4, workers * 2),
      });
      inputErrors = [];
      reporter.done(summary, `marsad: watch: ${new Date().toISOString()}: `);
      await sleep(Math.max(0, opts.every - (Date.now() - started)), stop.signal);
    }
    say(`stopped by ${stop.received()}`);
  } catch (err) {
    say(err instanceof ExtractorLoadError ? err.message : `stopped: ${(err as Error).stack ?? String(err)}`);
    code = 1;
  } finally {
    stop.dispose();
    await Promise.all([pool.close(), fetcher.close(), store.close()]);
  }
  return code;
}

/** The watch as a producer: poll, queue the new items, sleep; the workers do the rest. */
async function runWatchQueue(opts: WatchCliOptions): Promise<number> {
  const say = (line: string) => process.stderr.write(`marsad: watch: ${line}\n`);
  const list = await loadFeedList(opts.feeds);
  const unreadable = list.errors.find((e) => e.source === opts.feeds);
  if (unreadable || list.feeds.length === 0) {
    say(unreadable ? failureLine(opts.feeds, unreadable.error) : `${opts.feeds}: no feed URLs in it`);
    return 2;
  }
  let producer;
  try {
    producer = await openProducer(opts.postgres!);
  } catch (err) {
    say(`cannot open the PostgreSQL database: ${(err as Error).message}`);
    return 1;
  }
  const fetcher = createFetcher({ allowPrivate: allowPrivate(opts.allowPrivate) });
  const stop = stopOnSignals((sig) => say(`${sig}: stopping after the feed in hand`));
  const minutes = opts.every >= 60_000 ? `${+(opts.every / 60_000).toFixed(2)} min` : `${opts.every / 1000} s`;
  say(`${list.feeds.length} feed${list.feeds.length === 1 ? '' : 's'} from ${opts.feeds}, every ${minutes}, queued for the workers; Ctrl-C stops`);
  let code = 0;
  try {
    let inputErrors = list.errors;
    while (!stop.signal.aborted) {
      const started = Date.now();
      try {
        await enqueueReported(producer, { feeds: list.feeds, inputErrors, fetcher, signal: stop.signal }, { quiet: opts.quiet, prefix: `marsad: watch: ${new Date().toISOString()}: ` });
        inputErrors = [];
      } catch (err) {
        // The database went away for a moment: the next poll tries again.
        say(`${new Date().toISOString()}: poll not finished: ${(err as Error).message}`);
      }
      await sleep(Math.max(0, opts.every - (Date.now() - started)), stop.signal);
    }
    say(`stopped by ${stop.received()}`);
  } catch (err) {
    say(`stopped: ${(err as Error).message}`);
    code = 1;
  } finally {
    stop.dispose();
    await Promise.all([fetcher.close(), producer.close()]);
  }
  return code;
}
