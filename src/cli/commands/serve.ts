// marsad serve [--db FILE] [--port N] [--host H]   the HTTP API and the dashboard on one database
// marsad serve --postgres URL                       the same on PostgreSQL (--db URL works too), with the queue in /api/status

import type { Command } from 'commander';
import { serve, type Serving } from '../../server/index.js';
import { DEFAULT_DB, DEFAULT_PORT, openDeps, parsePort, type OpenedDeps } from '../server-deps.js';

export interface ServeOptions {
  db: string;
  port?: number;
  host?: string;
  /** Close cleanly on SIGINT/SIGTERM (the CLI); tests stop the server themselves. */
  handleSignals?: boolean;
}

/** Listen on the port asked for; with none asked and the default taken, on any free port. */
export async function serveDeps(opened: OpenedDeps, o: Omit<ServeOptions, 'db'>): Promise<Serving> {
  const listen = (port: number) => serve(opened.deps, { port, host: o.host, handleSignals: o.handleSignals ?? true });
  let s: Serving;
  try {
    s = await listen(o.port ?? DEFAULT_PORT);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || o.port !== undefined) throw err;
    process.stderr.write(`marsad: port ${DEFAULT_PORT} is taken; using a free one\n`);
    s = await listen(0);
  }
  s.app.server.once('close', () => void opened.close());
  return s;
}

export function announce(url: string, extractorProblem: string | null, out: (line: string) => void = (l) => process.stdout.write(l)): void {
  out(`marsad: dashboard at ${url}/  (API ${url}/api/events, docs ${url}/docs; Ctrl-C stops)\n`);
  if (extractorProblem) process.stderr.write(`marsad: warning: extraction is unavailable (${extractorProblem}); the dashboard and reads still work\n`);
}

export async function runServe(o: ServeOptions): Promise<Serving> {
  const opened = await openDeps({ db: o.db });
  try {
    const s = await serveDeps(opened, o);
    announce(s.url, opened.extractorProblem);
    return s;
  } catch (err) {
    await opened.deps.store.close();
    await opened.close();
    throw err;
  }
}

export function registerServe(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard on a SQLite or PostgreSQL database (writes need MARSAD_TOKEN)')
    .option('--db <file>', 'the SQLite database (created when missing), or a postgres:// URL', DEFAULT_DB)
    .option('--postgres <url>', 'serve from this PostgreSQL database (the same as --db URL)')
    .option('--port <n>', `port (default ${DEFAULT_PORT}; 0 picks a free one)`, parsePort)
    .option('--host <host>', 'address to listen on (default 127.0.0.1; 0.0.0.0 exposes it)')
    .action(async (opts: ServeOptions & { postgres?: string }, cmd: Command) => {
      if (opts.postgres !== undefined && cmd.getOptionValueSource('db') === 'cli' && opts.db !== opts.postgres) {
        process.stderr.write('marsad: serve: give --db or --postgres, not both\n');
        setExit(2);
        return;
      }
      try {
        await runServe({ ...opts, db: opts.postgres ?? opts.db });
      } catch (err) {
        process.stderr.write(`marsad: serve: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
}
