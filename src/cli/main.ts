// The command line: each command lives in its own module under commands/ and registers itself here.
import { Command, CommanderError } from 'commander';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerGazetteer } from './commands/gazetteer.js';
import { registerIngest } from './commands/ingest.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('marsad')
    .description('marsad (مرصد): Arabic news to ACLED-style conflict events, each field tied to its evidence')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerExtract(program, setExit);
  registerIngest(program, setExit);
  registerWatch(program, setExit);
  registerWorker(program, setExit);
  registerServe(program, setExit);
  registerStart(program, setExit);
  registerExport(program, setExit);
  registerGazetteer(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    throw err;
  }
  return exitCode;
}
