// GeoJSON FeatureCollection, written feature by feature. Events without coordinates have no
// geometry to draw and are left out (they stay in CSV and JSON Lines).

import { Readable } from 'node:stream';
import type { EventRow } from '../types.js';
import { batched } from './batch.js';
import { exportRecord } from './columns.js';

export function featureOf(e: EventRow): Record<string, unknown> {
  return {
    type: 'Feature',
    id: e.eventIdCnty,
    geometry: { type: 'Point', coordinates: [e.longitude, e.latitude] },
    // Flat properties (JSON as text) so GIS tools read one typed column per field.
    properties: { ...exportRecord(e), id: e.id },
  };
}

async function* parts(rows: AsyncIterable<EventRow>): AsyncGenerator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const e of rows) {
    if (e.latitude === null || e.longitude === null) continue;
    yield (first ? '\n' : ',\n') + JSON.stringify(featureOf(e));
    first = false;
  }
  yield '\n]}\n';
}

export function geojsonStream(rows: AsyncIterable<EventRow>): Readable {
  return Readable.from(batched(parts(rows)), { objectMode: false });
}
