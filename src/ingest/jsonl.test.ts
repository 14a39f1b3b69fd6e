import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { byteLines, jsonlRecords, parseRecord } from './jsonl.js';

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('byteLines', () => {
  it('splits across chunk boundaries and numbers the lines', async () => {
    const lines = await all(byteLines(Readable.from([Buffer.from('أ\nب'), Buffer.from('ج\n\nد')]), 100));
    expect(lines.map((l) => [l.no, l.bytes?.toString('utf8')])).toEqual([[1, 'أ'], [2, 'بج'], [3, ''], [4, 'د']]);
  });

  it('returns null for a line over the limit, and goes on', async () => {
    const lines = await all(byteLines(Readable.from([Buffer.from('x'.repeat(50) + '\nok\n')]), 10));
    expect(lines.map((l) => l.bytes?.toString())).toEqual([undefined, 'ok']);
  });
});

describe('parseRecord', () => {
  it('reads the fields extract --jsonl reads', () => {
    expect(parseRecord('{"id":7,"text":"نص","url":"https://sample.example/a","publishedAt":"2020-01-02","title":"ع"}', 'f:1')).toEqual({
      where: 'f:1',
      record: { id: '7', text: 'نص', url: 'https://sample.example/a', publishedAt: '2020-01-02', title: 'ع' },
      diagnostics: [],
    });
  });

  it('reports a bad line by file:line', () => {
    for (const bad of ['{', '[1]', '"x"', '{"id":"a"}', '{"text":5}']) {
      const r = parseRecord(bad, 'f:9');
      expect('error' in r && r.error.code).toBe('INPUT_BAD_JSON');
      expect('error' in r && r.error.message).toContain('f:9');
    }
  });

  it('keeps a document whose date is malformed, without the date', () => {
    const r = parseRecord('{"text":"نص","publishedAt":"9/11/2016"}', 'f:2');
    expect(r).toMatchObject({ record: { publishedAt: null }, diagnostics: [{ code: 'INPUT_BAD_DATE' }] });
  });
});

describe('jsonlRecords', () => {
  it('skips blank lines and a BOM', async () => {
    const recs = await all(jsonlRecords('s', Readable.from(['\ufeff{"text":"أ"}\n\n  \n{"text":"ب"}']), 1000));
    expect(recs.map((r) => r.where)).toEqual(['s:1', 's:4']);
  });
});
