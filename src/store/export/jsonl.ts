// JSON Lines: one canonical event per line, as the API shows it (with `sources`).

import { Readable } from 'node:stream';
import type { EventRow } from '../types.js';
import { batched } from './batch.js';

async function* lines(rows: AsyncIterable<EventRow>): AsyncGenerator<string> {
  for await (const e of rows) yield JSON.stringify(e) + '\n';
}

export function jsonlStream(rows: AsyncIterable<EventRow>): Readable {
  return Readable.from(batched(lines(rows)), { objectMode: false });
}
