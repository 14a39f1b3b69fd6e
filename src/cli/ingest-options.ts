// What `marsad ingest` and `marsad watch` share: their option parsers, the feed list, the fetcher's
// address policy, and writing documents to standard output.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { MarsadError } from '../doc/diagnostics.js';
import { parseFeedList } from '../ingest/feeds.js';

export function parseWorkers(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('expected a whole number from 1 to 256');
  return n;
}

export const DEFAULT_WORKERS = () => availableParallelism();

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "90s", "10m", "1h", "1h30m", or plain seconds ("600"); at least one second. */
export function parseDuration(v: string): number {
  const s = v.trim().toLowerCase();
  let ms = 0;
  if (/^\d+(\.\d+)?$/.test(s)) ms = Number(s) * 1000;
  else {
    const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
    if (!parts.length || parts.map((p) => p[0]).join('') !== s) throw new InvalidArgumentError('expected a duration such as 90s, 10m, 1h or 1h30m');
    for (const p of parts) ms += Number(p[1]) * UNITS[p[2]];
  }
  if (!(ms >= 1000)) throw new InvalidArgumentError('the interval must be at least 1s');
  return ms;
}

/** --allow-private, or MARSAD_ALLOW_PRIVATE=1 in the environment. */
export function allowPrivate(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return flag === true || env.MARSAD_ALLOW_PRIVATE === '1' || env.MARSAD_ALLOW_PRIVATE === 'true';
}

export interface LoadedFeedList {
  feeds: string[];
  /** The list's bad lines, or the list itself when it cannot be read, as failed inputs. */
  errors: Array<{ source: string; error: MarsadError }>;
}

/** A feed list file: one URL a line (# comments), or OPML. */
export async function loadFeedList(file: string): Promise<LoadedFeedList> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const error = code === 'ENOENT' ? new MarsadError('INPUT_NOT_FOUND', file) : new MarsadError('INPUT_UNREADABLE', `${file}: ${code ?? String(err)}`);
    return { feeds: [], errors: [{ source: file, error }] };
  }
  try {
    const list = parseFeedList(text);
    return { feeds: list.feeds.map((f) => f.url), errors: list.errors.map((e) => ({ source: `${file}:${e.line}`, error: e.error })) };
  } catch (err) {
    return { feeds: [], errors: [{ source: file, error: err instanceof MarsadError ? err : new MarsadError('FEED_INVALID', String(err)) }] };
  }
}

/** Write one line to a stream, waiting while it is full; rejects when the stream fails meanwhile. */
export async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await once(stream, 'drain');
}
