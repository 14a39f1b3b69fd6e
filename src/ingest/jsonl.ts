// JSON Lines input: one {"id","text","url","publishedAt"} document a line, the shape `extract --jsonl`
// reads. Streamed, so a corpus of any size passes through; a bad line is reported and skipped.

import { diagnostic, MarsadError, type Diagnostic } from '../doc/diagnostics.js';

export interface JsonlRecord {
  id: string | null;
  text: string;
  url: string | null;
  publishedAt: string | null;
  title: string | null;
}

export type JsonlLine =
  | { where: string; record: JsonlRecord; diagnostics: Diagnostic[] }
  | { where: string; error: MarsadError };

/** Split a byte stream into lines; a line over `maxBytes` comes back as null, never held in memory. */
export async function* byteLines(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<{ no: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let no = 0;
  const take = (piece: Buffer) => {
    if (tooLong || piece.length === 0) return;
    size += piece.length;
    if (size > maxBytes) {
      tooLong = true;
      parts = [];
    } else parts.push(piece);
  };
  const flush = () => {
    no++;
    const line = tooLong ? null : Buffer.concat(parts);
    parts = [];
    size = 0;
    tooLong = false;
    return { no, bytes: line };
  };
  for await (const chunk of stream) {
    let buf = Buffer.from(chunk);
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) >= 0) {
      take(buf.subarray(0, nl));
      yield flush();
      buf = buf.subarray(nl + 1);
    }
    take(buf);
  }
  if (size > 0 || tooLong) yield flush();
}

function optString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null;
}

/** Validate one JSON line; `where` is "file:line". */
export function parseRecord(line: string, where: string): JsonlLine {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    return { where, error: new MarsadError('INPUT_BAD_JSON', `${where}: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { where, error: new MarsadError('INPUT_BAD_JSON', `${where}: not a JSON object`) };
  const o = obj as Record<string, unknown>;
  if (typeof o.text !== 'string') return { where, error: new MarsadError('INPUT_BAD_JSON', `${where}: "text" must be a string`) };
  const diagnostics: Diagnostic[] = [];
  let publishedAt = optString(o.publishedAt);
  if (publishedAt && !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt)) {
    // The date is dropped, not the document: relative dates stay unresolved, the rest is read.
    diagnostics.push(diagnostic('INPUT_BAD_DATE', `${where}: ${publishedAt}`, { source: 'ingest/jsonl' }));
    publishedAt = null;
  }
  return { where, record: { id: optString(o.id), text: o.text, url: optString(o.url), publishedAt, title: optString(o.title) }, diagnostics };
}

/** The records of a JSON Lines stream named `name`, blank lines skipped. */
export async function* jsonlRecords(name: string, stream: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<JsonlLine> {
  for await (const { no, bytes } of byteLines(stream, maxBytes)) {
    const where = `${name}:${no}`;
    if (!bytes) {
      yield { where, error: new MarsadError('INPUT_TOO_LARGE', `${where} is over ${maxBytes} bytes`) };
      continue;
    }
    const line = bytes.toString('utf8').replace(/^\ufeff/, '').trim();
    if (line) yield parseRecord(line, where);
  }
}
