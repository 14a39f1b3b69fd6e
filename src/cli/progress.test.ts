import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../ingest/run.js';
import { IngestReporter, summaryLine } from './progress.js';

const summary = (s: Partial<IngestSummary>): IngestSummary => ({
  total: 0, inserted: 0, updated: 0, duplicates: 0, kept: 0, extracted: 0, failed: 0, events: 0,
  feeds: { polled: 0, notModified: 0, failed: 0 }, interrupted: false, notStarted: 0, elapsedMs: 2000, ...s,
});

function sink(): Writable & { text: () => string } {
  let out = '';
  const w = new Writable({ write: (chunk, _enc, cb) => void ((out += String(chunk)), cb()) });
  return Object.assign(w, { text: () => out });
}

describe('summaryLine', () => {
  it('counts what the batch did, and says when there was nothing new', () => {
    expect(summaryLine(summary({ total: 4, inserted: 2, kept: 1, failed: 1, events: 5 })))
      .toBe('4 documents in 2.0 s (2.0/s): 2 new, 1 not Arabic (kept, not extracted), 1 failed; 5 events');
    expect(summaryLine(summary({ total: 3, duplicates: 3 }))).toBe('3 documents in 2.0 s (1.5/s): nothing new, 3 already ingested; 0 events');
    expect(summaryLine(summary({ feeds: { polled: 2, notModified: 2, failed: 1 } })))
      .toBe('0 documents in 2.0 s (0.0/s): nothing new; 0 events; 3 feeds polled, 2 not modified, 1 failed');
    expect(summaryLine(summary({ total: 1, inserted: 1, events: 1, interrupted: true, notStarted: 9 })))
      .toMatch(/; stopped early, 9 inputs not started$/);
  });
});

describe('IngestReporter', () => {
  it('writes one plain line a document when not on a terminal', () => {
    const out = sink();
    const r = new IngestReporter({ stream: out });
    r.onEvent({ type: 'found', total: 3 });
    r.onEvent({ type: 'document', source: 'a.html', outcome: 'inserted', events: 2, articleId: 'art_1', reason: null });
    r.onEvent({ type: 'document', source: 'b.html', outcome: 'duplicate', events: 0, articleId: 'art_2', reason: 'already ingested (same content)' });
    r.onEvent({ type: 'failed', source: 'c.bin', code: 'INPUT_BINARY', line: 'c.bin: input looks like binary data, not text [INPUT_BINARY]' });
    r.done(summary({ total: 3, inserted: 1, duplicates: 1, failed: 1, events: 2 }));
    expect(out.text().split('\n')).toEqual([
      'inserted  a.html (2 events)',
      'duplicate b.html: already ingested (same content)',
      'c.bin: input looks like binary data, not text [INPUT_BINARY]',
      'marsad: ingest: 3 documents in 2.0 s (1.5/s): 1 new, 1 already ingested, 1 failed; 2 events',
      '',
    ]);
  });

  it('writes only failures and the summary when quiet', () => {
    const out = sink();
    const r = new IngestReporter({ stream: out, quiet: true });
    r.onEvent({ type: 'document', source: 'a.html', outcome: 'inserted', events: 2, articleId: 'art_1', reason: null });
    r.onEvent({ type: 'failed', source: 'c.bin', code: 'INPUT_BINARY', line: 'c.bin: bad [INPUT_BINARY]' });
    r.done(null);
    expect(out.text()).toBe('c.bin: bad [INPUT_BINARY]\n');
  });

  it('draws a bar on a terminal, failures above it, and clears it at the end', () => {
    const out = Object.assign(sink(), { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true, clearScreenDown: () => true });
    const r = new IngestReporter({ stream: out });
    r.onEvent({ type: 'found', total: 2 });
    r.onEvent({ type: 'failed', source: 'c.bin', code: 'INPUT_BINARY', line: 'c.bin: bad [INPUT_BINARY]' });
    r.onEvent({ type: 'document', source: 'a.html', outcome: 'inserted', events: 2, articleId: 'art_1', reason: null });
    r.done(summary({ total: 2, inserted: 1, failed: 1, events: 2 }));
    expect(out.text()).toContain('c.bin: bad [INPUT_BINARY]\n');
    expect(out.text()).toContain('/2 documents');
    expect(out.text()).not.toContain('inserted  a.html');
    expect(out.text()).toMatch(/marsad: ingest: 2 documents .*\n$/);
  });
});
