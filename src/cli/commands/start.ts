// marsad start [--db FILE] [--port N] [--host H]   what `npm start` runs: the dashboard, with the
// bundled sample articles read into an empty database first, so a newcomer sees a living map.

import type { Command } from 'commander';
import { ingestSamples, loadSamples, type SampleIngest } from '../../samples/index.js';
import type { Serving } from '../../server/index.js';
import { DEFAULT_DB, openDeps, parsePort } from '../server-deps.js';
import { announce, serveDeps, type ServeOptions } from './serve.js';

export interface StartOptions extends ServeOptions {
  /** Read the samples into an empty database (default true). */
  samples?: boolean;
  out?: (line: string) => void;
}

export interface Started {
  serving: Serving;
  /** What was read from the samples; null when the database was not empty (or samples were off). */
  samples: SampleIngest | null;
}

export async function runStart(o: StartOptions): Promise<Started> {
  const out = o.out ?? ((l: string) => process.stdout.write(l));
  const opened = await openDeps({ db: o.db });
  const { store } = opened.deps;
  try {
    let samples: SampleIngest | null = null;
    if ((o.samples ?? true) && (await store.stats()).articles === 0) {
      if (opened.extractorProblem) {
        process.stderr.write(`marsad: cannot read the sample articles: the extractor did not load (${opened.extractorProblem})\n`);
      } else {
        const t0 = Date.now();
        samples = await ingestSamples(store, opened.deps.extract, loadSamples());
        out(`marsad: ${o.db} was empty: read ${samples.articles} sample articles (${samples.events} events) in ${Date.now() - t0} ms; `
          + 'they were written by the marsad developers and are marked as samples\n');
      }
    }
    const serving = await serveDeps(opened, o);
    announce(serving.url, opened.extractorProblem, out);
    return { serving, samples };
  } catch (err) {
    await store.close();
    await opened.close();
    throw err;
  }
}

export function registerStart(program: Command, setExit: (code: number) => void): void {
  program
    .command('start')
    .description('open (or create) the database, read the bundled sample articles into it when it is empty, and serve the dashboard')
    .option('--db <file>', 'the SQLite database (created when missing), or a postgres:// URL', DEFAULT_DB)
    .option('--port <n>', 'port (default 8080, or a free one when 8080 is taken; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--no-samples', 'do not read the sample articles into an empty database')
    .action(async (opts: StartOptions) => {
      try {
        await runStart(opts);
      } catch (err) {
        process.stderr.write(`marsad: start: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
}
