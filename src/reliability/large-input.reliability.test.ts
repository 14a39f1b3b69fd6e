// Inputs far beyond a news article: what each layer does with them, with honest sizes.
// - 50 MB on one line: the command line refuses it (5 MB cap) at once with one line naming the input,
//   from a file, from stdin and as a .jsonl line, and goes on with the other inputs.
// - The reading layer itself: normalisation with its offset map over the whole 50 MB line, and
//   tokens, clitics and numbers over 5 MB (the cap) of one line; every span checked.
// - The whole extractor over 256 KiB of one paragraph (the /api/extract cap).
// - A page of 100,000 nested elements through `marsad ingest`.
// Times are printed, not asserted: each test is bounded by its timeout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type BuiltCli } from '../cli/test-helpers/built-cli.js';
import { normalize } from '../lang/ar/normalize.js';
import { read } from '../lang/ar/test-helpers/read.js';
import { createExtractor } from '../pipeline/index.js';
import { dbState } from './test-helpers/db-state.js';
import { distCli } from './test-helpers/dist-cli.js';

const MB = 1024 * 1024;
const UNIT = 'قُتل 5 أشخاص وأصيب ١٢ آخرون في قصف استهدف مدينة حلب أمس\u200f، وقال مصدر طبي إن الحصيلة مرشحة للارتفاع\u0000 ';
/** Text of about `bytes` UTF-8 bytes on one line (no line break, no full stop: one endless sentence). */
const oneLine = (bytes: number) => UNIT.repeat(Math.ceil(bytes / Buffer.byteLength(UNIT)));

let built: BuiltCli;
let dir: string;
let big: string;
beforeAll(() => {
  built = distCli();
  dir = mkdtempSync(join(tmpdir(), 'marsad-large-'));
  big = oneLine(50 * MB);
  writeFileSync(join(dir, 'fifty.txt'), big);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ms = (t0: number) => Math.round(performance.now() - t0);

describe('50 MB on one line at the command line', () => {
  it('extract refuses the file and stdin with INPUT_TOO_LARGE on one line, and goes on with the next file', async () => {
    const small = join(dir, 'small.txt');
    writeFileSync(small, 'قتل شخصان في قصف على مدينة حلب أمس.');
    let t0 = performance.now();
    const r = await runCli(built, ['extract', join(dir, 'fifty.txt'), small]);
    const fileMs = ms(t0);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('fifty.txt');
    expect(lines[0]).toMatch(/INPUT_TOO_LARGE/);
    expect(r.stdout).toContain('حلب'); // the small file was still read

    t0 = performance.now();
    const s = await runCli(built, ['extract', '-'], { input: big });
    const stdinMs = ms(t0);
    expect(s.code).toBe(1);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
    expect(s.stderr).toMatch(/INPUT_TOO_LARGE/);
    console.log(`50 MB one line: extract FILE refused in ${fileMs} ms, from stdin in ${stdinMs} ms (process start included)`);
  });

  it('ingest of a .jsonl with a 50 MB line names that line and stores the others', async () => {
    const jsonl = join(dir, 'mixed.jsonl');
    const doc = (id: string, text: string) => JSON.stringify({ id, text, url: `https://news.example/${id}`, publishedAt: '2024-03-01' });
    writeFileSync(jsonl, [doc('a', 'قتل شخصان في قصف على مدينة حلب أمس.'), doc('huge', big), doc('b', 'اعتقلت الشرطة ١٢ متظاهرا في صنعاء.')].join('\n') + '\n');
    const db = join(dir, 'mixed.db');
    const r = await runCli(built, ['ingest', jsonl, '--db', db, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mixed\.jsonl:2.*INPUT_TOO_LARGE/);
    const s = dbState(db);
    expect(s).toMatchObject({ integrity: 'ok', articles: 2 });
  });
});

describe('the reading layer on one enormous line', () => {
  it('normalises 50 MB with a valid, monotone offset map', () => {
    const t0 = performance.now();
    const n = normalize(big);
    const took = ms(t0);
    expect(n.originalLength).toBe(big.length);
    expect(n.starts.length).toBe(n.text.length);
    // the map checked at every position: within the original and never going back
    let prev = 0;
    for (let k = 0; k < n.text.length; k++) {
      const s = n.starts[k];
      if (s < prev || s >= n.ends[k] || n.ends[k] > big.length) throw new Error(`offset map breaks at ${k}`);
      prev = s;
    }
    console.log(`normalize: ${(Buffer.byteLength(big) / MB).toFixed(0)} MB (${big.length} UTF-16 units) in ${took} ms`);
  });

  it('reads 5 MB (the input cap) into tokens, clitics and numbers, every span a slice of the text', () => {
    const text = oneLine(5 * MB);
    const t0 = performance.now();
    const doc = read(text);
    const took = ms(t0);
    const { tokens, segments, numbers, sentences } = doc.layers;
    expect(tokens.length).toBeGreaterThan(500_000);
    for (const layer of [tokens, segments, numbers, sentences]) {
      for (const s of layer) if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) throw new Error(`span [${s.start}, ${s.end}) outside the text`);
    }
    expect(numbers.length).toBeGreaterThan(0);
    console.log(`read (tokens, clitics, numbers): 5 MB one line, ${tokens.length} tokens, ${sentences.length} sentences, in ${took} ms`);
  });

  it('extracts 256 KiB of one paragraph (the /api/extract cap) with valid evidence', () => {
    const extract = createExtractor();
    // full stops now and then, so there are sentences to find events in
    const text = oneLine(256 * 1024).replace(/، /g, (m, i: number) => (i % 5 ? m : '. '));
    const t0 = performance.now();
    const doc = extract({ id: 'big', text, publishedAt: '2024-03-02' });
    const took = ms(t0);
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) for (const ev of e.evidence) expect(ev.text).toBe(text.slice(ev.start, ev.end));
    console.log(`extract: 256 KiB in ${took} ms, ${doc.events.length} events`);
  });
});

describe('a page of 100,000 nested elements', () => {
  it('is ingested by the command line, by the tag-stripping path, with a diagnostic', async () => {
    const n = 100_000;
    const html = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>قصف على حلب</title></head><body>${'<div>'.repeat(n)}<p>قتل ثلاثة أشخاص في قصف على مدينة حلب أمس.</p>${'</div>'.repeat(n)}</body></html>`;
    writeFileSync(join(dir, 'deep.html'), html);
    const db = join(dir, 'deep.db');
    const r = await runCli(built, ['ingest', join(dir, 'deep.html'), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^inserted /m);
    expect(dbState(db)).toMatchObject({ integrity: 'ok', articles: 1 });
    expect(dbState(db).reports).toBeGreaterThan(0);
  });
});
