// Reading text inputs for the CLI: every failure is one line naming the input, never a crash.
import { readFile, stat } from 'node:fs/promises';
import { MarsadError } from '../doc/diagnostics.js';

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    // keep reading so the writer is not blocked, but keep no more than the limit
    if (size <= MAX_INPUT_BYTES) chunks.push(b);
  }
  // Judged on the true size: what was kept may end anywhere below the limit, and padding it (as this
  // once did, with a NUL) made 50 MB of text on stdin an INPUT_BINARY error instead.
  if (size > MAX_INPUT_BYTES) throw new MarsadError('INPUT_TOO_LARGE', `${size} bytes > ${MAX_INPUT_BYTES}`);
  return Buffer.concat(chunks);
}

/** Decode bytes as strict UTF-8 text, with the checks every text input passes. */
export function decodeText(bytes: Uint8Array, limit = MAX_INPUT_BYTES): string {
  if (bytes.length > limit) throw new MarsadError('INPUT_TOO_LARGE', `${bytes.length} bytes > ${limit}`);
  const probe = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (probe.includes(0)) throw new MarsadError('INPUT_BINARY');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new MarsadError('INPUT_BAD_UTF8');
  }
  if (text.includes('\u0000')) throw new MarsadError('INPUT_BINARY');
  if (text.trim() === '') throw new MarsadError('INPUT_EMPTY');
  return text;
}

export async function readTextInput(name: string): Promise<string> {
  if (name === '-') return decodeText(await readStdin());
  let size: number;
  try {
    const st = await stat(name);
    if (st.isDirectory()) throw new MarsadError('INPUT_UNREADABLE', 'is a directory');
    size = st.size;
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    throw new MarsadError('INPUT_NOT_FOUND');
  }
  if (size > MAX_INPUT_BYTES) throw new MarsadError('INPUT_TOO_LARGE', `${size} bytes > ${MAX_INPUT_BYTES}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(name);
  } catch (err) {
    throw new MarsadError('INPUT_UNREADABLE', (err as Error).message);
  }
  return decodeText(bytes);
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** One line for stderr: the input's name, the code and the reason. */
export function errorLine(input: string, err: unknown): string {
  if (err instanceof MarsadError) return `marsad: ${input}: ${err.code}: ${err.message}`;
  return `marsad: ${input}: EXTRACT_FAILED: ${(err as Error)?.message ?? String(err)}`;
}
