// The benchmark machinery, without running a benchmark: no timing is asserted anywhere in the tests.
import { describe, expect, it } from 'vitest';
import { readSource } from '../ingest/sources.js';
import { generateCorpus } from './corpus.js';
import { benchPage } from './ingest.js';
import { BENCHES, figureKey, formatTable, parseArgs, toJson } from './run.js';

describe('the generated corpus', () => {
  it('is news-length Arabic, 3–5 KB an article, the same for the same seed', () => {
    const corpus = generateCorpus(20);
    expect(corpus).toEqual(generateCorpus(20));
    expect(generateCorpus(3, 1)).not.toEqual(generateCorpus(3, 2));
    for (const text of corpus) {
      const bytes = Buffer.byteLength(text);
      expect(bytes).toBeGreaterThanOrEqual(3000);
      expect(bytes).toBeLessThan(5600);
      expect(text).toMatch(/[\u0621-\u064a]{3}/);
      expect(text).not.toMatch(/\{[A-Z]+\}/); // every slot filled
    }
  });
});

describe('the bench registry', () => {
  it('runs reading first, and has ingest', () => {
    expect(BENCHES.map((b) => b.name)[0]).toBe('reading');
    expect(BENCHES.map((b) => b.name)).toContain('ingest');
  });

  it('names JSON keys by bench and figure', () => {
    expect(figureKey('reading', 'docsPerSec')).toBe('readingDocsPerSec');
    const json = toJson({ cpu: 'x', cores: 1, node: 'v20', platform: 'linux x64' }, new Map([['reading', { docsPerSec: 5, mbPerSec: 1.5 }]]));
    expect(json).toEqual({ machine: { cpu: 'x', cores: 1, node: 'v20', platform: 'linux x64' }, readingDocsPerSec: 5, readingMbPerSec: 1.5 });
  });

  it('prints a table with one row per figure', () => {
    const table = formatTable(new Map([['reading', { docs: 1000, mbPerSec: 12.5 }]]));
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain('reading  mbPerSec');
  });

  it('parses its arguments and refuses unknown ones', () => {
    expect(parseArgs(['--json', '--only', 'reading', '--docs', '50', '--runs', '3'])).toEqual({ json: true, only: ['reading'], docs: 50, runs: 3 });
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument/);
    expect(() => parseArgs(['--docs', '0'])).toThrow(/positive/);
  });
});

describe('the ingest bench pages', () => {
  it('are news pages whose article ingestion reads back', async () => {
    const [article] = generateCorpus(1);
    const doc = await readSource({ kind: 'bytes', source: 'page.html', bytes: Buffer.from(benchPage(article, 0)), format: 'html' });
    const [title, first] = article.split(/\n\n+/);
    expect(doc.title).toBe(title);
    expect(doc.text).toContain(first);
    expect(doc.outlet).toBe('صحيفة القياس');
  });
});
