import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { backends } from '../test-helpers/backends.js';
import { articleInputOf, docOf, FIXTURES } from '../test-helpers/fixtures.js';
import type { EventRow, Store } from '../types.js';
import { ACLED_COLUMNS, EXPORT_COLUMNS, OUR_COLUMNS } from './columns.js';
import { csvStream } from './csv.js';
import { geojsonStream } from './geojson.js';
import { jsonlStream } from './jsonl.js';

function ogrinfoPath(): string | null {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'pipe' });
    return 'ogrinfo';
  } catch {
    return null;
  }
}
const OGRINFO = ogrinfoPath();
if (!OGRINFO) console.warn('ogrinfo (GDAL) is not installed: the GeoJSON read-back test is skipped; `apt-get install gdal-bin` runs it');

const all = await backends();

for (const backend of all) {
  describe.skipIf(!backend.available)(`exports (${backend.name})`, () => {
    let s: Store & { location: string };
    let rows: EventRow[];
    let dir: string;
    beforeAll(async () => {
      s = await backend.open();
      for (const a of FIXTURES) await s.saveArticle(articleInputOf(a), docOf(a));
      rows = [];
      for await (const e of s.exportEvents({})) rows.push(e);
      dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
    });
    afterAll(async () => {
      await s?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('CSV has ACLED header in ACLED order, then ours, and every value reads back column by column', async () => {
      const text = (await buffer(csvStream(s.exportEvents({})))).toString('utf8');
      const table: string[][] = parse(text);
      expect(table[0]).toEqual([
        'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
        'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
        'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
        'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
        'injured', 'confidence', 'article_url', 'evidence',
      ]);
      expect(table[0]).toEqual([...ACLED_COLUMNS, ...OUR_COLUMNS]);
      const records: Record<string, string>[] = parse(text, { columns: true });
      expect(records).toHaveLength(4); // events without coordinates stay in CSV
      const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      records.forEach((rec, i) => {
        const e = rows[i];
        const expected: Record<string, string> = {
          event_id_cnty: e.eventIdCnty, event_date: str(e.eventDate), year: str(e.year), time_precision: str(e.timePrecision),
          disorder_type: e.disorderType, event_type: e.eventType, sub_event_type: e.subEventType,
          actor1: str(e.actor1), assoc_actor_1: '', inter1: str(e.inter1), actor2: str(e.actor2), assoc_actor_2: '',
          inter2: str(e.inter2), interaction: str(e.interaction), civilian_targeting: e.civilianTargeting ? 'Civilian targeting' : '',
          iso: str(e.iso), region: str(e.region), country: str(e.country), admin1: str(e.admin1), admin2: str(e.admin2), admin3: '',
          location: str(e.location), latitude: str(e.latitude), longitude: str(e.longitude), geo_precision: str(e.geoPrecision),
          source: e.source, source_scale: '', notes: e.notes, fatalities: str(e.fatalities), tags: '', timestamp: str(e.timestamp),
          injured: str(e.injured), confidence: str(e.confidence), article_url: str(e.articleUrl),
        };
        for (const col of EXPORT_COLUMNS) {
          if (col === 'evidence') continue;
          expect(rec[col], `row ${i} column ${col}`).toBe(expected[col]);
        }
        const ev = JSON.parse(rec.evidence) as Array<{ field: string; start: number; end: number; text: string; ruleId: string }>;
        expect(ev.map((v) => v.field)).toEqual(e.evidence.map((v) => v.field));
      });
      // Spot-check real values, Arabic included, survive quoting.
      const idlib = records.find((r) => r.location === 'Idlib')!;
      expect(idlib.event_id_cnty).toMatch(/^SYR\d+$/);
      expect(idlib.iso).toBe('760');
      expect(idlib.latitude).toBe('35.9306');
      expect(idlib.civilian_targeting).toBe('Civilian targeting');
      expect(JSON.parse(idlib.evidence).find((v: { field: string }) => v.field === 'fatalities').text).toBe('قُتل خمسة');
    });

    it('CSV of an empty selection is the header alone', async () => {
      const text = (await buffer(csvStream(s.exportEvents({ country: 'Narnia' })))).toString('utf8');
      expect(parse(text)).toEqual([[...EXPORT_COLUMNS]]);
    });

    it('JSON Lines: one canonical event per line, with its sources', async () => {
      const text = (await buffer(jsonlStream(s.exportEvents({})))).toString('utf8');
      const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as EventRow);
      expect(lines.map((e) => e.id)).toEqual(rows.map((e) => e.id));
      expect(lines[0].sources[0].url).toBe(lines[0].articleUrl);
      expect(text.endsWith('\n')).toBe(true);
    });

    it('GeoJSON is a FeatureCollection of points, events without coordinates left out', async () => {
      const fc = JSON.parse((await buffer(geojsonStream(s.exportEvents({})))).toString('utf8'));
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features).toHaveLength(3);
      const idlib = fc.features.find((f: { properties: { location: string } }) => f.properties.location === 'Idlib');
      expect(idlib.geometry).toEqual({ type: 'Point', coordinates: [36.6339, 35.9306] });
      const empty = JSON.parse((await buffer(geojsonStream(s.exportEvents({ country: 'Narnia' })))).toString('utf8'));
      expect(empty).toEqual({ type: 'FeatureCollection', features: [] });
    });

    it.skipIf(!OGRINFO)('GeoJSON is read by GDAL ogrinfo', async () => {
      const file = join(dir, 'events.geojson');
      writeFileSync(file, await buffer(geojsonStream(s.exportEvents({}))));
      const summary = execFileSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
      expect(summary).toMatch(/Geometry: Point/);
      expect(summary).toMatch(/Feature Count: 3/);
      expect(summary).toMatch(/event_id_cnty: String/);
      expect(summary).toMatch(/fatalities: Integer/);
      expect(summary).toMatch(/latitude: Real/);
      // And the features themselves, Arabic evidence included.
      const full = execFileSync('ogrinfo', ['-ro', '-al', '-q', file], { encoding: 'utf8' });
      expect(full).toContain('location (String) = Jabalya');
      expect(full).toContain('POINT (34.4833 31.5272)');
      expect(full).toContain('استشهد 12');
    });
  });
}

describe('export streams', () => {
  it('pull rows only as the reader consumes them, and release the source when abandoned', async () => {
    // Only the fields the formatters read need values here.
    const template = { id: 'evt_x', eventIdCnty: 'SYR1', evidence: [], sources: [], source: 'x', notes: 'n', latitude: 1, longitude: 2 } as unknown as EventRow;
    for (const make of [csvStream, geojsonStream, jsonlStream]) {
      let pulled = 0;
      let released = false;
      async function* endless(): AsyncGenerator<EventRow> {
        try {
          for (;;) {
            pulled++;
            yield { ...template, id: `evt_${pulled}` };
          }
        } finally {
          released = true;
        }
      }
      const stream = make(endless());
      // Read a little, then stop: an endless source must not have been drained into memory.
      for await (const _chunk of stream) break;
      await new Promise((r) => setTimeout(r, 20));
      expect(pulled, make.name).toBeLessThan(5000);
      expect(released, make.name).toBe(true);
    }
  });
});
