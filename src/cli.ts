#!/usr/bin/env node
// Entry file: only starts the CLI.
import { main } from './cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`marsad: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
