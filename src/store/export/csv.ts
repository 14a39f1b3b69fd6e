// CSV with ACLED's header, streamed through csv-stringify.

import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { EventRow } from '../types.js';
import { EXPORT_COLUMNS, exportRecord } from './columns.js';

async function* records(rows: AsyncIterable<EventRow>) {
  for await (const row of rows) yield exportRecord(row);
}

/** A readable CSV stream; destroying it stops reading the rows (and releases their connection). */
export function csvStream(rows: AsyncIterable<EventRow>): Readable {
  const out = stringify({ header: true, columns: [...EXPORT_COLUMNS] });
  pipeline(Readable.from(records(rows)), out, () => {
    // Errors reach the consumer through `out`, which pipeline destroys with them.
  });
  return out;
}
