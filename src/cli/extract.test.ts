// marsad extract through the real CLI (dist/cli.js): bad inputs give one line naming the input, the rest
// of the call is still processed, the exit status says something failed; --jsonl keeps order and ids.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../knowledge/paths.js';

const cli = join(packageRoot(), 'dist', 'cli.js');
const built = existsSync(cli);
if (!built) console.warn('extract CLI tests skipped: dist/cli.js is missing (run `npm run build`)');

function run(args: string[], input?: string | Buffer) {
  return spawnSync(process.execPath, [cli, 'extract', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 26 });
}

// Sample sentences written for this test.
const SAMPLE = 'قتل خمسة مدنيين وأصيب ثمانية آخرون، اليوم الخميس، في قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي.';

describe.skipIf(!built)('marsad extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
  const good = join(dir, 'good.txt');
  writeFileSync(good, SAMPLE);
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff]));
  const badUtf8 = join(dir, 'latin1.txt');
  writeFileSync(badUtf8, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '  \n');

  it('processes the good input and names each bad one on its own line', () => {
    const r = run([join(dir, 'missing.txt'), binary, badUtf8, empty, good]);
    expect(r.status).toBe(1);
    // our lines only: a loaded machine may add Node's own warnings to stderr
    const errs = r.stderr.trim().split('\n').filter((l) => l.startsWith('marsad: '));
    if (errs.length !== 4) console.warn(`extract CLI stderr was:\n${r.stderr}`);
    expect(errs).toHaveLength(4);
    expect(errs[0]).toContain('missing.txt: INPUT_NOT_FOUND');
    expect(errs[1]).toContain('binary.txt: INPUT_BINARY');
    expect(errs[2]).toContain('latin1.txt: INPUT_BAD_UTF8');
    expect(errs[3]).toContain('empty.txt: INPUT_EMPTY');
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(1);
    expect(docs[0].text).toBe(SAMPLE);
    expect(docs[0].events.length).toBeGreaterThan(0);
  });

  it('reads JSON Lines and writes one result a line, same order and ids, failed lines included', () => {
    const lines = [
      JSON.stringify({ id: 'a', text: SAMPLE, publishedAt: '2024-03-07' }),
      '{not json',
      JSON.stringify({ id: 'c', text: '' }),
      JSON.stringify({ id: 'd', text: SAMPLE }),
    ].join('\n');
    const r = run(['--jsonl'], lines);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'stdin:2', 'c', 'd']);
    expect(out[0].publishedAt).toBe('2024-03-07');
    // "اليوم الخميس" resolved against the publication date (a Thursday)
    expect(out[0].events[0].date).toBe('2024-03-07');
    expect(out[1].diagnostics[0].code).toBe('INPUT_BAD_JSON');
    expect(out[2].diagnostics[0].code).toBe('INPUT_EMPTY');
    expect(out[3].events.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('stdin:2: INPUT_BAD_JSON');
  });

  it('refuses a malformed --published date', () => {
    const r = run(['--published', '2024-13-40', good]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INPUT_BAD_DATE');
  });
});
