// What `marsad ingest` reads: paths, directories, URLs, stdin and JSON Lines, turned into raw
// documents. Every failure names its input and the reason, and the batch goes on: expandInputs
// yields errors in line with the items, and readSource throws one MarsadError per input.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { diagnostic, MarsadError, type Diagnostic } from '../doc/diagnostics.js';
import type { DocumentInput } from '../doc/document.js';
import { findChrome, type ChromeSpan } from '../lang/ar/chrome.js';
import { canonicalUrl, contentHash } from './canonical.js';
import { dateFromUrl } from './dates.js';
import { bomEncoding, decode, sniffUtf16 } from './decode.js';
import { PAGE_TYPES, type Fetcher } from './fetch.js';
import { htmlToArticle } from './html.js';
import { jsonlRecords, type JsonlRecord } from './jsonl.js';
import { ARABIC_THRESHOLD, arabicShare } from './language.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type SourceFormat = 'html' | 'text';
export type { JsonlRecord };

export type SourceItem =
  | { kind: 'file'; source: string; path: string; format: SourceFormat }
  | { kind: 'url'; source: string; url: string }
  | { kind: 'bytes'; source: string; bytes: Uint8Array; format: SourceFormat }
  | { kind: 'record'; source: string; record: JsonlRecord; diagnostics: Diagnostic[] };

export interface SourceError {
  kind: 'error';
  /** The input, as the user named it ("dir/a.html", "feed.jsonl:12", "https://…"). */
  source: string;
  error: MarsadError;
}

export interface RawDocument {
  /** Stable: the given id of a JSON Lines record, or derived from the URL or path and the content. */
  id: string;
  /** The text as read (decoded; for HTML, the article's text). All offsets point into it. */
  text: string;
  url: string | null;
  publishedAt: string | null;
  title: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  /** "ar" when the text is Arabic by its letters, else the language the page declares, else null. */
  lang: string | null;
  contentHash: string;
  /** The path or URL it was read from. */
  source: string;
  /** The encoding the bytes were decoded from, when there were bytes. */
  encoding: string | null;
  /** Page chrome in `text` (breadcrumbs, captions, "read also" …) for the extractor to skip. */
  chrome: ChromeSpan[];
  diagnostics: Diagnostic[];
}

export interface ExpandOptions {
  /** Where '-' reads from. Default process.stdin. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Size limit for one document (a file, a JSON line, stdin). Default 5 MB. */
  maxBytes?: number;
}

export interface ReadOptions {
  /** Needed for URL items. */
  fetcher?: Pick<Fetcher, 'fetch'>;
  maxBytes?: number;
  /** Abandons a fetch in flight. */
  signal?: AbortSignal;
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);
// What a directory walk picks up; a file named explicitly is read whatever its extension.
const DIR_EXT = new Set([...HTML_EXT, ...JSONL_EXT, '.txt', '.text']);

const SOURCE = 'ingest/sources';
const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** One line for the CLI: the input and why it failed. */
export function failureLine(source: string, err: unknown): string {
  const e = err instanceof MarsadError ? err : new MarsadError('INPUT_UNREADABLE', err instanceof Error ? err.message : String(err));
  // The input is named once, at the start: not again at the end or before the detail.
  const msg = e.message.endsWith(`: ${source}`) ? e.message.slice(0, -source.length - 2) : e.message.replace(`: ${source}: `, ': ');
  return `${source}: ${msg} [${e.code}]`;
}

const sourceError = (source: string, error: MarsadError): SourceError => ({ kind: 'error', source, error });

// ---------------------------------------------------------------------------------------------
// Expanding arguments into items

/** Expand CLI arguments into items to read, in order; problems come as SourceError items. */
export async function* expandInputs(args: readonly string[], opts: ExpandOptions = {}): AsyncGenerator<SourceItem | SourceError> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const arg of args) {
    if (arg === '-') {
      yield* expandStdin(opts.stdin ?? process.stdin, maxBytes);
    } else if (isUrl(arg)) {
      yield { kind: 'url', source: arg, url: arg };
    } else {
      yield* expandPath(arg, maxBytes);
    }
  }
}

function fileError(path: string, err: unknown): MarsadError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new MarsadError('INPUT_NOT_FOUND', path);
  return new MarsadError('INPUT_UNREADABLE', `${path}: ${code ?? (err instanceof Error ? err.message : String(err))}`);
}

async function* expandPath(path: string, maxBytes: number): AsyncGenerator<SourceItem | SourceError> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    yield sourceError(path, fileError(path, err));
    return;
  }
  if (st.isDirectory()) {
    for (const file of await walk(path)) {
      if (typeof file === 'string') yield* fileItems(file, maxBytes);
      else yield file;
    }
  } else {
    yield* fileItems(path, maxBytes);
  }
}

/** Files under `dir`, recursively, sorted, hidden ones skipped; symlink loops visited once. */
async function walk(dir: string): Promise<Array<string | SourceError>> {
  const out: Array<string | SourceError> = [];
  const seen = new Set<string>();
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let real: string;
    let names: string[];
    try {
      real = await realpath(d);
      if (seen.has(real)) continue;
      seen.add(real);
      names = (await readdir(d)).filter((n) => !n.startsWith('.')).sort();
    } catch (err) {
      out.push(sourceError(d, fileError(d, err)));
      continue;
    }
    const subdirs: string[] = [];
    for (const name of names) {
      const p = join(d, name);
      try {
        const st = await stat(p);
        if (st.isDirectory()) subdirs.push(p);
        else if (st.isFile() && DIR_EXT.has(extname(name).toLowerCase())) out.push(p);
      } catch (err) {
        out.push(sourceError(p, fileError(p, err)));
      }
    }
    stack.push(...subdirs.reverse());
  }
  // One order for the whole walk: by path, so a re-run ingests in the same order.
  return out.sort((a, b) => {
    const pa = typeof a === 'string' ? a : a.source;
    const pb = typeof b === 'string' ? b : b.source;
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  });
}

async function* fileItems(path: string, maxBytes: number): AsyncGenerator<SourceItem | SourceError> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* jsonlItems(path, createReadStream(path), maxBytes);
    return;
  }
  yield { kind: 'file', source: path, path, format: HTML_EXT.has(ext) ? 'html' : 'text' };
}

async function* jsonlItems(name: string, stream: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<SourceItem | SourceError> {
  try {
    for await (const r of jsonlRecords(name, stream, maxBytes)) {
      yield 'error' in r ? sourceError(r.where, r.error) : { kind: 'record', source: r.where, record: r.record, diagnostics: r.diagnostics };
    }
  } catch (err) {
    yield sourceError(name, fileError(name, err));
  }
}

async function* prepend(first: Buffer[], rest: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  yield* first;
  yield* rest;
}

/**
 * stdin: JSON Lines when its first non-blank character is "{" (what `extract --jsonl` reads), an
 * HTML page when it is "<", plain text otherwise.
 */
async function* expandStdin(stdin: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<SourceItem | SourceError> {
  const it = stdin[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let firstByte = -1;
  while (firstByte < 0) {
    const r = await it.next();
    if (r.done) break;
    const buf = Buffer.from(r.value);
    head.push(buf);
    size += buf.length;
    const k = buf.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
    if (k >= 0) firstByte = buf[k];
  }
  const rest: AsyncIterable<Uint8Array | string> = { [Symbol.asyncIterator]: () => it };
  if (firstByte === 0x7b) {
    yield* jsonlItems('-', prepend(head, rest), maxBytes);
    return;
  }
  for (;;) {
    if (size > maxBytes) {
      yield sourceError('-', new MarsadError('INPUT_TOO_LARGE', `stdin is over ${maxBytes} bytes`));
      return;
    }
    const r = await it.next();
    if (r.done) break;
    const buf = Buffer.from(r.value);
    size += buf.length;
    head.push(buf);
  }
  const bytes = Buffer.concat(head);
  yield { kind: 'bytes', source: '-', bytes, format: firstByte === 0x3c ? 'html' : 'text' };
}

// ---------------------------------------------------------------------------------------------
// Reading an item into a raw document

/** Binary data: NUL bytes in the first 8 KB, unless the bytes are UTF-16 text. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (!head.includes(0)) return false;
  const bom = bomEncoding(bytes);
  return !(bom?.startsWith('utf-16') || sniffUtf16(bytes));
}

function idFor(key: string, hash: string): string {
  return createHash('sha256').update(`${key}\n${hash}`).digest('hex').slice(0, 16);
}

interface Parts {
  text: string;
  source: string;
  idKey: string;
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  lang: string | null;
  encoding: string | null;
  id?: string | null;
  diagnostics: Diagnostic[];
}

/** Finish a document: hash, id, chrome, language check. */
function finish(p: Parts): RawDocument {
  const hash = contentHash(p.text);
  const chrome = findChrome(p.text, { title: p.title });
  // A plain-text page has no title field; the title it repeats (or its breadcrumb holds) is it.
  const repeated = chrome.find((c) => c.kind === 'title-repeat');
  const title = p.title ?? (repeated ? p.text.slice(repeated.start, repeated.end) : null);
  const diagnostics = [...p.diagnostics];
  const share = arabicShare(p.text);
  if (share < ARABIC_THRESHOLD) {
    diagnostics.push(diagnostic('INPUT_NOT_ARABIC', `${p.source}: ${Math.round(share * 100)}% of letters are Arabic`, { source: SOURCE }));
  }
  return {
    id: p.id ?? idFor(p.canonicalUrl ?? p.idKey, hash),
    text: p.text,
    url: p.url,
    publishedAt: p.publishedAt,
    title,
    outlet: p.outlet,
    canonicalUrl: p.canonicalUrl,
    lang: share >= ARABIC_THRESHOLD ? 'ar' : p.lang,
    contentHash: hash,
    source: p.source,
    encoding: p.encoding,
    chrome,
    diagnostics,
  };
}

/** Decode page bytes and read them as HTML or plain text. */
function fromBytes(bytes: Uint8Array, format: SourceFormat, base: { source: string; idKey: string; url: string | null; charset?: string }): RawDocument {
  if (bytes.length === 0) throw new MarsadError('INPUT_EMPTY', base.source);
  if (looksBinary(bytes)) throw new MarsadError('INPUT_BINARY', base.source);
  const decoded = decode(bytes, { httpCharset: base.charset });
  const text = decoded.text;
  const isHtml = format === 'html' || /^\s*<(!doctype\s+html|html[\s>])/i.test(text);
  if (isHtml) {
    const a = htmlToArticle(text, { url: base.url });
    if (!a.text.trim()) throw new MarsadError('HTML_NO_CONTENT', base.source);
    return finish({
      ...base, text: a.text, title: a.title, publishedAt: a.publishedAt, outlet: a.outlet,
      canonicalUrl: a.canonicalUrl ?? (base.url ? canonicalUrl(base.url) : null), lang: a.lang,
      encoding: decoded.encoding, diagnostics: a.diagnostics,
    });
  }
  if (!text.trim()) throw new MarsadError('INPUT_EMPTY', base.source);
  return finish({
    ...base, text, title: null, publishedAt: dateFromUrl(base.url), outlet: null,
    canonicalUrl: base.url ? canonicalUrl(base.url) : null, lang: null, encoding: decoded.encoding, diagnostics: [],
  });
}

/** Read one item into a raw document. Throws a MarsadError naming the input when it cannot. */
export async function readSource(item: SourceItem, opts: ReadOptions = {}): Promise<RawDocument> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  switch (item.kind) {
    case 'file': {
      let bytes: Buffer;
      try {
        const st = await stat(item.path);
        if (!st.isFile()) throw new MarsadError('INPUT_UNREADABLE', `${item.source}: not a regular file`);
        if (st.size > maxBytes) throw new MarsadError('INPUT_TOO_LARGE', `${item.source} is ${st.size} bytes, over ${maxBytes}`);
        if (st.size === 0) throw new MarsadError('INPUT_EMPTY', item.source);
        bytes = await readFile(item.path);
      } catch (err) {
        throw err instanceof MarsadError ? err : fileError(item.source, err);
      }
      return fromBytes(bytes, item.format, { source: item.source, idKey: resolve(item.path), url: null });
    }
    case 'bytes':
      if (item.bytes.length > maxBytes) throw new MarsadError('INPUT_TOO_LARGE', `${item.source} is over ${maxBytes} bytes`);
      return fromBytes(item.bytes, item.format, { source: item.source, idKey: item.source, url: null });
    case 'url': {
      if (!opts.fetcher) throw new MarsadError('INTERNAL', `${item.source}: no fetcher was given for URLs`);
      const res = await opts.fetcher.fetch(item.url, { accept: PAGE_TYPES, signal: opts.signal });
      const format: SourceFormat = res.contentType === 'text/plain' ? 'text' : 'html';
      return fromBytes(res.bytes, format, { source: item.source, idKey: res.url, url: res.url, charset: res.charset });
    }
    case 'record': {
      const r = item.record;
      if (!r.text.trim()) throw new MarsadError('INPUT_EMPTY', item.source);
      return finish({
        text: r.text, source: item.source, idKey: item.source, id: r.id, url: r.url, title: r.title,
        publishedAt: r.publishedAt, outlet: null, canonicalUrl: r.url ? canonicalUrl(r.url) : null, lang: null,
        encoding: null, diagnostics: item.diagnostics,
      });
    }
  }
}

/** Should the extractor run on it? Not when the text is not Arabic. */
export function isExtractable(doc: RawDocument): boolean {
  return !doc.diagnostics.some((d) => d.code === 'INPUT_NOT_ARABIC');
}

/** The pipeline's input for a raw document; the chrome found here travels with it. */
export function toDocumentInput(doc: RawDocument): DocumentInput {
  return { id: doc.id, text: doc.text, url: doc.url, publishedAt: doc.publishedAt, title: doc.title, chrome: doc.chrome };
}
