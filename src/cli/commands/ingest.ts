// marsad ingest PATH|URL|- ...       files, directories (recursively), URLs, stdin; .jsonl: one document a line
// marsad ingest --feeds FILE          the new items of RSS/Atom feeds (a list of URLs, or OPML)
// Documents go to the database (--db), or with --jsonl to standard output as `extract --jsonl` prints them.
// With --postgres URL nothing is read here but files: the inputs are queued as jobs in that database
// for `marsad worker`s to do (see docs/scaling.md).
//
// Exit status: 0 when every input was ingested (or was already), 1 when any input failed, 2 for a
// usage error, 130 / 143 when stopped by SIGINT / SIGTERM (the batch is incomplete; what was
// written is whole: one transaction per document).
import type { Command } from 'commander';
import { documentJson } from '../../doc/document.js';
import type { MarsadDocument } from '../../doc/types.js';
import { createFetcher } from '../../ingest/fetch.js';
import { ingestBatch } from '../../ingest/run.js';
import { createExtractPool } from '../../pipeline/pool.js';
import type { Store } from '../../store/index.js';
import { enqueueReported, openProducer } from '../enqueue.js';
import { allowPrivate, DEFAULT_WORKERS, loadFeedList, parseWorkers, writeLine } from '../ingest-options.js';
import { openStoreAt } from '../open-store.js';
import { IngestReporter } from '../progress.js';
import { DEFAULT_DB } from '../server-deps.js';
import { signalExitCode, stopOnSignals } from '../signals.js';

interface IngestCliOptions {
  feeds?: string;
  db: string;
  postgres?: string;
  jsonl?: boolean;
  layers?: boolean;
  workers?: number;
  allowPrivate?: boolean;
  quiet?: boolean;
}

export function registerIngest(program: Command, setExit: (code: number) => void): void {
  program
    .command('ingest')
    .description('read articles (files, directories, URLs, stdin, JSON Lines, feeds), extract their events and store them')
    .argument('[inputs...]', 'files, directories (recursively), http(s) URLs, or - for standard input')
    .option('--feeds <file>', 'ingest the items of the RSS/Atom feeds listed in FILE (one URL a line, or OPML)')
    .option('--db <file>', 'the database: a SQLite file (created when missing) or a postgres:// URL', DEFAULT_DB)
    .option('--postgres <url>', 'queue the inputs as jobs in this PostgreSQL database for `marsad worker` (the store is there too)')
    .option('--jsonl', 'print each document as one JSON line on standard output instead of storing it')
    .option('--layers', 'with --jsonl: include every annotation layer')
    .option('--workers <n>', 'extraction threads (default: the number of cores)', parseWorkers)
    .option('--allow-private', 'fetch from private and loopback addresses too (or MARSAD_ALLOW_PRIVATE=1)')
    .option('-q, --quiet', 'print only failures and the summary')
    .action(async (inputs: string[], opts: IngestCliOptions, cmd: Command) => {
      if (inputs.length === 0 && !opts.feeds) {
        process.stderr.write('marsad: ingest: give files, directories, URLs or - , or --feeds FILE\n');
        setExit(2);
        return;
      }
      if (opts.postgres !== undefined) {
        const clash = opts.jsonl ? '--jsonl' : cmd.getOptionValueSource('db') === 'cli' && opts.db !== opts.postgres ? '--db' : null;
        if (clash) {
          process.stderr.write(`marsad: ingest: --postgres queues the inputs in that database; it does not go with ${clash}\n`);
          setExit(2);
          return;
        }
        setExit(await runEnqueue(inputs, opts));
        return;
      }
      setExit(await runIngest(inputs, opts));
    });
}

async function runIngest(inputs: string[], opts: IngestCliOptions): Promise<number> {
  const workers = opts.workers ?? DEFAULT_WORKERS();
  const feedList = opts.feeds ? await loadFeedList(opts.feeds) : { feeds: [], errors: [] };
  let store: Store | null = null;
  if (!opts.jsonl) {
    try {
      store = await openStoreAt(opts.db);
    } catch (err) {
      process.stderr.write(`marsad: ingest: ${opts.db}: cannot open the database: ${(err as Error).message}\n`);
      return 1;
    }
  }
  const pool = createExtractPool({ workers });
  const fetcher = createFetcher({ allowPrivate: allowPrivate(opts.allowPrivate) });
  const reporter = new IngestReporter({ stream: process.stderr, quiet: opts.quiet });
  const stop = stopOnSignals((sig) => reporter.line(`marsad: ingest: ${sig}: finishing the documents in hand (again to quit at once)`));
  // A closed standard output (`| head`) ends the batch instead of crashing the process.
  let stdoutError: Error | null = null;
  const onStdoutError = (err: Error) => void (stdoutError = err);
  if (opts.jsonl) process.stdout.on('error', onStdoutError);
  const print = async (doc: MarsadDocument) => {
    if (stdoutError) throw stdoutError;
    await writeLine(process.stdout, JSON.stringify(documentJson(doc, { layers: opts.layers })));
  };
  try {
    const summary = await ingestBatch({
      inputs,
      feeds: feedList.feeds,
      inputErrors: feedList.errors,
      store,
      extractPool: pool,
      fetcher,
      onProgress: reporter.onEvent,
      onDocument: opts.jsonl ? print : undefined,
      signal: stop.signal,
      // Twice the threads: while one document is extracted the next is read (or fetched).
      concurrency: Math.max(4, workers * 2),
    });
    reporter.done(summary);
    const sig = stop.received();
    if (sig) return signalExitCode(sig);
    return summary.failed > 0 ? 1 : 0;
  } catch (err) {
    reporter.done(null);
    process.stderr.write(`marsad: ingest: ${(err as Error).message}\n`);
    return 1;
  } finally {
    stop.dispose();
    process.stdout.off('error', onStdoutError);
    await Promise.all([pool.close(), fetcher.close(), store?.close()]);
  }
}

async function runEnqueue(inputs: string[], opts: IngestCliOptions): Promise<number> {
  const url = opts.postgres!;
  const feedList = opts.feeds ? await loadFeedList(opts.feeds) : { feeds: [], errors: [] };
  let producer;
  try {
    producer = await openProducer(url);
  } catch (err) {
    process.stderr.write(`marsad: ingest: cannot open the PostgreSQL database: ${(err as Error).message}\n`);
    return 1;
  }
  const fetcher = createFetcher({ allowPrivate: allowPrivate(opts.allowPrivate) });
  const stop = stopOnSignals((sig) => process.stderr.write(`marsad: ingest: ${sig}: stopping after the input in hand\n`));
  try {
    const summary = await enqueueReported(producer, { inputs, feeds: feedList.feeds, inputErrors: feedList.errors, fetcher, signal: stop.signal }, { quiet: opts.quiet, prefix: 'marsad: ingest: ' });
    const sig = stop.received();
    if (sig) return signalExitCode(sig);
    return summary.failed > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(`marsad: ingest: ${(err as Error).message}\n`);
    return 1;
  } finally {
    stop.dispose();
    await Promise.all([fetcher.close(), producer.close()]);
  }
}
