// The command line as users run it, for end-to-end tests: the sources compiled once per test file
// into a private folder under node_modules/.cache (worker threads need JavaScript, and dist/ may be
// stale or in use), then run as child processes.
import { execFile, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../knowledge/paths.js';

export interface BuiltCli {
  /** Path of the compiled cli.js. */
  cli: string;
  /** Remove the compiled files. */
  remove(): void;
}

/** Compile src/ (about 10 s). Type errors elsewhere do not stop it: tsc still emits, and the tests judge. */
export function buildCli(): BuiltCli {
  const root = packageRoot();
  const out = join(root, 'node_modules', '.cache', 'marsad-e2e', `${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(out, { recursive: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out, '--sourceMap', 'false'], { encoding: 'utf8' });
  const cli = join(out, 'cli.js');
  if (!existsSync(cli)) throw new Error(`building the CLI failed:\n${r.stdout}${r.stderr}`);
  return { cli, remove: () => rmSync(out, { recursive: true, force: true }) };
}

/**
 * The same, without blocking this thread while tsc runs: on a loaded machine a build of minutes would
 * otherwise starve the test runner's own messages (vitest gives up on them after a minute).
 */
export async function buildCliAsync(): Promise<BuiltCli> {
  const root = packageRoot();
  const out = join(root, 'node_modules', '.cache', 'marsad-e2e', `${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(out, { recursive: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const log = await new Promise<string>((resolve) => {
    execFile(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out, '--sourceMap', 'false'], { encoding: 'utf8' }, (_err, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
  const cli = join(out, 'cli.js');
  if (!existsSync(cli)) throw new Error(`building the CLI failed:\n${log}`);
  return { cli, remove: () => rmSync(out, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to standard input, which is then closed. */
  input?: string;
}

/** Start the CLI; the caller waits with finished(). */
export function startCli(built: BuiltCli, args: string[], o: RunOptions = {}): { child: ChildProcessWithoutNullStreams; output: () => CliRun; finished: Promise<CliRun> } {
  const env = { ...process.env, MARSAD_ALLOW_PRIVATE: '', ...o.env };
  const child = spawn(process.execPath, [built.cli, ...args], { cwd: o.cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end(o.input ?? '');
  const output = (): CliRun => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const finished = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output, finished };
}

export function runCli(built: BuiltCli, args: string[], o: RunOptions = {}): Promise<CliRun> {
  return startCli(built, args, o).finished;
}

/** Resolves when `test` holds on the output so far; rejects after `ms`. */
export async function waitFor(output: () => CliRun, test: (r: CliRun) => boolean, ms = 30_000): Promise<CliRun> {
  const until = Date.now() + ms;
  for (;;) {
    const r = output();
    if (test(r)) return r;
    if (Date.now() > until) throw new Error(`timed out waiting; stderr so far:\n${r.stderr}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
