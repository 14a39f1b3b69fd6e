#!/usr/bin/env node
// npm run eval: score the extractor on ../shared/eval (dev.jsonl and seed.jsonl) through the CLI.
// Skips cleanly, with a message, where ../shared is absent (it is not shipped to users).
// Extra arguments go to the scorer (--verbose, --json).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.MARSAD_EVAL_DIR ?? join(root, '..', 'shared', 'eval');
const scorer = join(evalDir, 'score.mjs');
// Clustering of same-event reports is scored after the extractor (scripts/eval-clustering.mjs).
const clustering = () => spawnSync(process.execPath, [join(root, 'scripts', 'eval-clustering.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' }).status === 0;
if (!existsSync(scorer)) {
  console.log(`eval: extraction scoring skipped — ${scorer} is absent (the evaluation data is not shipped with marsad)`);
  process.exit(clustering() ? 0 : 1);
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('eval: dist/cli.js is missing; run `npm run build` first');
  process.exit(1);
}
const extra = process.argv.slice(2);
const cmd = `node ${JSON.stringify(join(root, 'dist', 'cli.js'))} extract --jsonl`;
let failed = false;
for (const set of ['dev.jsonl', 'seed.jsonl']) {
  const gold = join(evalDir, set);
  if (!existsSync(gold)) {
    console.log(`eval: ${set} absent, skipped`);
    continue;
  }
  console.log(`\n== ${set}`);
  const run = spawnSync(process.execPath, [scorer, '--gold', gold, '--cmd', cmd, ...extra], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
if (!clustering()) failed = true;
process.exit(failed ? 1 : 0);
