import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDocument } from '../doc/document.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { event, evidence, place } from '../store/test-helpers/fixtures.js';
import { ingestSamples, isSampleSource, loadSamples, SAMPLE_OUTLET } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-samples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled sample articles', () => {
  const samples = loadSamples();

  it('are about 25 short Arabic articles, each marked as a sample and dated in 2024–2025', () => {
    expect(samples.length).toBeGreaterThanOrEqual(25);
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
    for (const s of samples) {
      expect(s.sample).toBe(true);
      expect(s.publishedAt).toMatch(/^202[45]-\d{2}-\d{2}$/);
      expect(s.text.length).toBeGreaterThan(100);
      expect(s.text.length).toBeLessThan(2000);
      expect(s.text).toMatch(/[\u0600-\u06FF]{3,}/);
    }
  });

  it('cover the countries the demo promises', () => {
    const all = samples.map((s) => s.text).join('\n');
    for (const place of ['إدلب', 'ديالى', 'تعز', 'طرابلس', 'الفاشر', 'غزة', 'لبنان', 'الجيزة', 'مقديشو']) expect(all).toContain(place);
  });

  it('refuse a line that does not say it is a sample', () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'x', title: 't', text: 'نص', publishedAt: '2024-01-01' }) + '\n');
    expect(() => loadSamples(file)).toThrow(/"sample": true/);
  });

  it('are stored under the sample outlet, which marks their events in the source column', async () => {
    const store = await sqliteBackend.open();
    try {
      const extract = (input: Parameters<typeof createDocument>[0]) => {
        const doc = createDocument(input);
        doc.events.push(event(doc, 0, {
          eventType: 'Battles', subEventType: 'Armed clash', date: input.publishedAt ?? null,
          location: place({ name: 'Somewhere', nameAr: 'مكان', lat: 33, lon: 36 }),
          evidence: [evidence(doc.text, 'eventType', doc.text.slice(0, 5), 'test')],
        }));
        return doc;
      };
      const r = await ingestSamples(store, extract, samples.slice(0, 3));
      expect(r).toEqual({ articles: 3, events: 3 });
      const page = await store.listEvents({});
      expect(page.items).toHaveLength(3);
      for (const e of page.items) {
        expect(e.source).toBe(SAMPLE_OUTLET);
        expect(isSampleSource(e.source)).toBe(true);
      }
      expect(isSampleSource('Some Outlet; marsad sample')).toBe(true);
      expect(isSampleSource('marsad samples weekly')).toBe(false);
    } finally {
      await store.close();
    }
  });
});
