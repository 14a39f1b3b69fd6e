// marsad gazetteer build --from DIR... --out FILE: compile gazetteer sources (GeoNames dumps, Who's On
// First TSVs, OSM places, Natural Earth admin-1) into one compact gazetteer. Malformed lines are counted
// and reported, never fatal.
import type { Command } from 'commander';
import { buildGazetteer, formatBuildStats } from '../../geo/build/index.js';

export function registerGazetteer(program: Command, setExit: (code: number) => void): void {
  const gaz = program.command('gazetteer').description('build the gazetteer of place names');
  gaz
    .command('build')
    .description('compile gazetteer sources into one compact file (.tsv.gz)')
    .requiredOption('--from <dirs...>', 'directories or files to read (each file type is detected)')
    .requiredOption('--out <file>', 'output file, e.g. data/gazetteer/gazetteer.tsv.gz')
    .option('--no-curated', 'do not merge data/gazetteer/curated.json')
    .option('--quiet', 'print only the summary')
    .action(async (opts: { from: string[]; out: string; curated: boolean; quiet?: boolean }) => {
      try {
        const stats = await buildGazetteer({
          from: opts.from,
          out: opts.out,
          curated: opts.curated === false ? false : undefined,
          onWarn: opts.quiet ? undefined : (m: string) => process.stderr.write(`marsad: gazetteer: ${m}\n`),
        });
        process.stdout.write(`${formatBuildStats(stats)}\n`);
      } catch (err) {
        process.stderr.write(`marsad: gazetteer build: ${(err as Error).message}\n`);
        setExit(1);
      }
    });
}
