// Where the shipped data lives. Resolved from this module's own location by walking up to the
// package root (the directory holding data/gazetteer), so it works from src/ (tests, vite-node) and
// from dist/ (the built CLI) alike.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest ancestor of this module with data/gazetteer/ and package.json. */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'gazetteer'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`marsad package root not found above ${from}`);
    dir = up;
  }
}

export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

export const GAZETTEER_FILE = 'gazetteer.tsv.gz';
