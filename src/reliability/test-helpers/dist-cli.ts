// The built command line (`npm run build`, or `tsc -p tsconfig.build.json` as test:reliability does
// first), run as users run it: `node dist/cli.js …` in a child process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../knowledge/paths.js';
import type { BuiltCli } from '../../cli/test-helpers/built-cli.js';

export function distCli(): BuiltCli {
  const cli = join(packageRoot(), 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` (npm run test:reliability builds it first)`);
  return { cli, remove: () => undefined };
}
