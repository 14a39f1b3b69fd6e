// marsad start / serve / export, run in-process on a temporary database.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSamples, SAMPLE_OUTLET } from '../samples/index.js';
import { runStart } from './commands/start.js';
import { main } from './main.js';
import { loadExtractor } from './server-deps.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { problem } = loadExtractor();
if (problem) console.warn(`the extractor does not load here (${problem}): the marsad start tests are skipped`);

describe.skipIf(problem !== null)('marsad start', () => {
  const db = join(dir, 'start.db');
  const lines: string[] = [];

  it('reads the samples into an empty database through the real extractor, serves, and says where', async () => {
    const { serving, samples } = await runStart({ db, port: 0, handleSignals: false, out: (l) => lines.push(l) });
    try {
      expect(samples?.articles).toBe(loadSamples().length);
      expect(samples!.events).toBeGreaterThan(0);
      expect(lines.join('')).toMatch(/read \d+ sample articles/);
      expect(lines.join('')).toContain(`dashboard at ${serving.url}/`);
      const stats = await (await fetch(`${serving.url}/api/stats`)).json() as { articles: number; events: number };
      expect(stats.articles).toBe(samples!.articles);
      const facets = await (await fetch(`${serving.url}/api/facets`)).json() as { total: number; samples: number; located: number };
      // Every event comes from a sample, and the dashboard is told so.
      expect(facets.samples).toBe(facets.total);
      expect(facets.located).toBeGreaterThan(0);
    } finally {
      await serving.close();
    }
  });

  it('does not read the samples again into a database that has articles', async () => {
    const { serving, samples } = await runStart({ db, port: 0, handleSignals: false, out: () => {} });
    try {
      expect(samples).toBeNull();
    } finally {
      await serving.close();
    }
  });

  it('exports the database as CSV and GeoJSON, the samples marked in the source column', async () => {
    const csv = join(dir, 'out.csv');
    expect(await main(['node', 'marsad', 'export', '--db', db, '--format', 'csv', '--out', csv])).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^event_id_cnty,event_date,/);
    expect(text).toContain(SAMPLE_OUTLET);
    const gj = join(dir, 'out.geojson');
    expect(await main(['node', 'marsad', 'export', '--db', db, '--format', 'geojson', '--event-type', 'Battles', '--out', gj])).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { type: string; features: Array<{ properties: { event_type: string } }> };
    expect(fc.type).toBe('FeatureCollection');
    for (const f of fc.features) expect(f.properties.event_type).toBe('Battles');
  });
});

describe('marsad export refuses bad input with one line and a non-zero status', () => {
  let stderr: string[];
  const write = process.stderr.write.bind(process.stderr);
  beforeAll(() => {
    stderr = [];
    process.stderr.write = ((s: string) => { stderr.push(String(s)); return true; }) as typeof process.stderr.write;
  });
  afterAll(() => { process.stderr.write = write; });

  it('a database that does not exist', async () => {
    expect(await main(['node', 'marsad', 'export', '--db', join(dir, 'none.db'), '--format', 'csv'])).toBe(2);
    expect(stderr.join('')).toMatch(/INPUT_NOT_FOUND/);
  });

  it('an unknown format or a bad filter', async () => {
    expect(await main(['node', 'marsad', 'export', '--db', join(dir, 'none.db'), '--format', 'xlsx'])).toBe(2);
    expect(await main(['node', 'marsad', 'export', '--db', join(dir, 'none.db'), '--format', 'csv', '--from', '2024-02-30'])).toBe(2);
    expect(stderr.join('')).toMatch(/--format xlsx/);
  });
});
