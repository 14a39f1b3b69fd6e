import type { Readable } from 'node:stream';
import type { EventRow } from '../types.js';
import { csvStream } from './csv.js';
import { geojsonStream } from './geojson.js';
import { jsonlStream } from './jsonl.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportStream {
  stream: Readable;
  contentType: string;
  extension: string;
}

/** The stream of one export format, with what an HTTP reply or a file needs to know about it. */
export function exportStream(format: ExportFormat, rows: AsyncIterable<EventRow>): ExportStream {
  switch (format) {
    case 'csv':
      return { stream: csvStream(rows), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'geojson':
      return { stream: geojsonStream(rows), contentType: 'application/geo+json', extension: 'geojson' };
    case 'jsonl':
      return { stream: jsonlStream(rows), contentType: 'application/x-ndjson', extension: 'jsonl' };
  }
}
