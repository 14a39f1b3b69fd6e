// Bytes to text. Arabic pages still come in Windows-1256 and ISO-8859-6 and servers often mislabel
// them, so the order is: byte-order mark, HTTP charset, the page's own declaration, then sniffing.

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { MarsadError } from '../doc/diagnostics.js';

export type EncodingSource = 'bom' | 'http' | 'meta' | 'utf8' | 'utf16' | 'sniff';

export interface Decoded {
  text: string;
  /** The encoding used, lower-case iconv-lite name (utf-8, windows-1256, iso-8859-6, utf-16le …). */
  encoding: string;
  /** 0..1: 1 for a BOM or valid multi-byte UTF-8, 0.9 for a declaration, chardet's score for a guess. */
  confidence: number;
  source: EncodingSource;
}

export interface DecodeOptions {
  /** The charset parameter of the HTTP Content-Type, when there was one. */
  httpCharset?: string | null;
}

// Labels as pages write them, mapped as browsers map them (WHATWG Encoding), so a page declaring
// "iso-8859-1" is read as Windows-1252 just as a browser would show it.
const LABELS: Record<string, string> = {
  'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'latin1': 'windows-1252', 'l1': 'windows-1252',
  'us-ascii': 'windows-1252', 'ascii': 'windows-1252', 'cp1252': 'windows-1252',
  'cp1256': 'windows-1256', 'x-cp1256': 'windows-1256',
  'arabic': 'iso-8859-6', 'asmo-708': 'iso-8859-6', 'ecma-114': 'iso-8859-6', 'iso-8859-6-e': 'iso-8859-6',
  'iso-8859-6-i': 'iso-8859-6', 'iso-ir-127': 'iso-8859-6', 'iso_8859-6': 'iso-8859-6', 'iso8859-6': 'iso-8859-6',
  'csisolatinarabic': 'iso-8859-6', 'utf-16': 'utf-16le', 'unicode': 'utf-16le', 'ucs-2': 'utf-16le',
};

/** Resolve a charset label to an encoding iconv-lite can decode; null when unknown. */
export function resolveCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = LABELS[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** Is this valid UTF-8? */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The encoding a byte-order mark announces, or null. */
export function bomEncoding(b: Uint8Array): string | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The charset a page declares in its first 4 KB — <meta charset>, <meta http-equiv content=…charset=>,
 * or an XML declaration's encoding — as HTML's prescan reads it (bytes taken as Latin-1).
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const xml = /^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const label = meta?.[1] ?? xml?.[1] ?? null;
  // HTML: a page that declares UTF-16 in ASCII bytes cannot be UTF-16; browsers read it as UTF-8.
  if (label && meta && /^(utf-16|utf-16le|utf-16be|unicode|ucs-2)$/i.test(label)) return 'utf-8';
  return label;
}

/** UTF-16 without a BOM: ASCII spaces and digits leave NUL bytes on one side only. */
export function sniffUtf16(b: Uint8Array): string | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // 10%: Arabic prose has a space every ~6 characters; real single-byte text has no NULs at all.
  if (oddNul > pairs * 0.1 && evenNul < pairs * 0.01) return 'utf-16le';
  if (evenNul > pairs * 0.1 && oddNul < pairs * 0.01) return 'utf-16be';
  return null;
}

// A guess is rejected when the decoded text is full of replacement characters or C1 controls —
// the signs of a wrong single-byte table (ISO-8859-6 leaves half of Windows-1256's letters undefined).
function badShare(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) bad++;
  }
  return text.length === 0 ? 0 : bad / text.length;
}

function sniff(bytes: Uint8Array): Decoded | null {
  const sample = bytes.subarray(0, 64 * 1024);
  // Below 20 chardet is saying "no idea" (random bytes score 10 for every CJK table).
  const candidates = chardet.analyse(sample).filter((c) => c.confidence >= 20);
  // Arabic first: an Arabic code page among chardet's candidates beats a Hebrew or Cyrillic guess,
  // because short Arabic Windows-1256 text scores ISO-8859-8 75 against Windows-1256 71.
  const ordered = [...candidates.filter((c) => c.lang === 'ar'), ...candidates.filter((c) => c.lang !== 'ar')];
  for (const c of ordered) {
    const enc = resolveCharset(c.name);
    if (!enc || enc.startsWith('utf-16') || enc.startsWith('utf-32')) continue;
    const text = iconv.decode(Buffer.from(bytes), enc);
    if (badShare(text) < 0.001) return { text, encoding: enc, confidence: c.confidence / 100, source: 'sniff' };
  }
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  // iconv-lite strips a leading BOM, so the text starts at the first character that was written.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Is this declared encoding to be believed for these bytes? */
function believable(bytes: Uint8Array, encoding: string): boolean {
  // Arabic in UTF-16LE is mostly bytes below 0x80 (ق is 42 06), so it passes as UTF-8 or a legacy
  // code page; its NUL pattern gives it away.
  if (!encoding.startsWith('utf-16') && sniffUtf16(bytes)) return false;
  if (encoding === 'utf-8') return isValidUtf8(bytes);
  // A single-byte declaration on bytes that are valid multi-byte UTF-8 is a mislabelled UTF-8 page
  // (a server default of ISO-8859-1 is the usual cause); legacy Arabic text almost never forms valid UTF-8.
  if (!encoding.startsWith('utf-') && hasNonAscii(bytes) && isValidUtf8(bytes)) return false;
  return true;
}

/** Decode bytes to text. Throws DECODE_FAILED when no encoding yields readable text. */
export function decode(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes, bom), encoding: bom, confidence: 1, source: 'bom' };

  const http = resolveCharset(opts.httpCharset);
  // A declaration is believed at 0.9; a UTF-8 one has just been verified byte by byte, so 1.
  const declared = (e: string) => (e === 'utf-8' ? 1 : 0.9);
  if (http && believable(bytes, http)) return { text: decodeAs(bytes, http), encoding: http, confidence: declared(http), source: 'http' };

  const meta = resolveCharset(declaredCharset(bytes));
  if (meta && believable(bytes, meta)) return { text: decodeAs(bytes, meta), encoding: meta, confidence: declared(meta), source: 'meta' };

  const u16 = sniffUtf16(bytes);
  if (u16) return { text: decodeAs(bytes, u16), encoding: u16, confidence: 0.8, source: 'utf16' };

  if (isValidUtf8(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8', confidence: 1, source: 'utf8' };

  const guess = sniff(bytes);
  if (guess) return guess;
  throw new MarsadError('DECODE_FAILED', 'no encoding (UTF-8, declared, or detected) yields readable text');
}
