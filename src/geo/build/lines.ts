// Streaming line reader for source files: plain text, .gz, or .zip (every .txt/.tsv member, so a
// GeoNames allCountries.zip can be read as downloaded). Memory stays flat whatever the file size.

import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';

/** Called once per line (no trailing newline, no \r); `lineNo` counts from 1 within each member. */
export type LineFn = (line: string, lineNo: number, member: string) => void;

class LineSplitter {
  private carry = '';
  private lineNo = 0;
  private readonly decoder = new TextDecoder('utf-8');
  constructor(private readonly member: string, private readonly onLine: LineFn) {}

  push(chunk: Uint8Array): void {
    const text = this.carry + this.decoder.decode(chunk, { stream: true });
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      this.emit(text.slice(start, nl));
      start = nl + 1;
    }
    this.carry = text.slice(start);
  }

  end(): void {
    const rest = this.carry + this.decoder.decode();
    this.carry = '';
    if (rest !== '') this.emit(rest);
  }

  private emit(line: string): void {
    this.lineNo++;
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line, this.lineNo, this.member);
  }
}

/** Read `file` line by line. Resolves when the whole file has been read. */
export function forEachLine(file: string, onLine: LineFn): Promise<void> {
  const lower = file.toLowerCase();
  return new Promise((resolve, reject) => {
    const raw = createReadStream(file);
    raw.on('error', reject);
    if (lower.endsWith('.zip')) {
      const unzip = new Unzip();
      unzip.register(UnzipInflate);
      let failure: Error | null = null;
      unzip.onfile = (f) => {
        if (!/\.(txt|tsv)$/i.test(f.name)) return;
        const splitter = new LineSplitter(f.name, onLine);
        f.ondata = (err, chunk, final) => {
          if (err) {
            failure = err;
            return;
          }
          try {
            splitter.push(chunk);
            if (final) splitter.end();
          } catch (e) {
            failure = e as Error;
          }
        };
        f.start();
      };
      raw.on('data', (chunk) => {
        if (failure) return;
        try {
          unzip.push(chunk as Buffer);
        } catch (e) {
          failure = e as Error;
        }
      });
      raw.on('end', () => {
        try {
          if (!failure) unzip.push(new Uint8Array(0), true);
        } catch (e) {
          failure = e as Error;
        }
        if (failure) reject(failure);
        else resolve();
      });
      return;
    }
    const stream = lower.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    const splitter = new LineSplitter(file, onLine);
    stream.on('error', reject);
    stream.on('data', (chunk: Buffer) => {
      try {
        splitter.push(chunk);
      } catch (e) {
        stream.destroy(e as Error);
      }
    });
    stream.on('end', () => {
      try {
        splitter.end();
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}
