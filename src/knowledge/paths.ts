import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** The package root (where package.json and data/ live), found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return (cached = dir);
    dir = resolve(dir, '..');
  }
  throw new Error('marsad: cannot find the package root (package.json beside data/)');
}

/** Path of a file under data/. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}
