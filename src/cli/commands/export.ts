// marsad export --db FILE --format csv|geojson|jsonl [filters] [--out FILE]
// The same export as GET /api/export, streamed from the database to a file or standard output.

import { createWriteStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { MarsadError } from '../../doc/diagnostics.js';
import { filterFromQuery, type FilterQuery } from '../../server/query.js';
import { EXPORT_FORMATS, exportStream, type ExportFormat } from '../../store/index.js';
import { openStoreAt } from '../open-store.js';
import { DEFAULT_DB } from '../server-deps.js';

interface ExportOptions extends Omit<FilterQuery, 'minFatalities'> {
  db: string;
  format: string;
  out?: string;
  minFatalities?: string;
}

export function registerExport(program: Command, setExit: (code: number) => void): void {
  program
    .command('export')
    .description('write the events of a database as CSV (ACLED columns), GeoJSON or JSON Lines')
    .option('--db <file>', 'the SQLite database, or a postgres:// URL', DEFAULT_DB)
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--out <file>', 'write here instead of standard output')
    .option('--country <name>', 'country name or ISO 3166 alpha-2/alpha-3 code')
    .option('--admin1 <name>', 'first-level region')
    .option('--event-type <type>', "ACLED event type, e.g. 'Battles'")
    .option('--sub-event-type <type>', "ACLED sub-event type, e.g. 'Air/drone strike'")
    .option('--actor <actor>', 'actor id, English name or Arabic name')
    .option('--from <date>', 'first event date, YYYY-MM-DD')
    .option('--to <date>', 'last event date, YYYY-MM-DD')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--q <text>', 'full text over the article text')
    .option('--min-fatalities <n>', 'at least this many fatalities')
    .action(async (opts: ExportOptions) => {
      const fail = (msg: string) => {
        process.stderr.write(`marsad: export: ${msg}\n`);
        setExit(2);
      };
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format ${opts.format}: expected ${EXPORT_FORMATS.join(', ')}`);
      if (!/^postgres(ql)?:\/\//i.test(opts.db) && !existsSync(opts.db)) return fail(`${opts.db}: INPUT_NOT_FOUND: no such database`);
      let filter;
      try {
        const minF = opts.minFatalities === undefined ? undefined : Number(opts.minFatalities);
        if (minF !== undefined && !(Number.isInteger(minF) && minF >= 0)) throw new MarsadError('BAD_REQUEST', '--min-fatalities must be a whole number');
        filter = filterFromQuery({
          country: opts.country, admin1: opts.admin1, eventType: opts.eventType, subEventType: opts.subEventType, actor: opts.actor,
          from: opts.from, to: opts.to, bbox: opts.bbox, q: opts.q, minFatalities: minF,
        });
      } catch (err) {
        return fail(err instanceof MarsadError ? `${err.code}: ${err.message}` : String(err));
      }
      const store = await openStoreAt(opts.db);
      try {
        const out = exportStream(opts.format as ExportFormat, store.exportEvents(filter));
        await pipeline(out.stream, opts.out ? createWriteStream(opts.out) : process.stdout);
      } catch (err) {
        process.stderr.write(`marsad: export: ${(err as Error).message}\n`);
        setExit(1);
      } finally {
        await store.close();
      }
    });
}
