import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { declaredCharset, decode, resolveCharset } from './decode.js';
import { fixture } from './test-helpers/server.js';

// Sample text written for the tests (see fixtures/README.md); ISO-8859-6 can encode all of it.
const ISO_TEXT = fixture('article-iso.txt');
const HTML = fixture('article.html');
const enc = (s: string, e: string) => new Uint8Array(iconv.encode(s, e));

describe('decode', () => {
  it('reads a byte-order mark first, whatever is declared', () => {
    const le = enc('\ufeff' + ISO_TEXT, 'utf-16le');
    const be = enc('\ufeff' + ISO_TEXT, 'utf-16be');
    const u8 = enc('\ufeff' + ISO_TEXT, 'utf-8');
    expect(decode(le, { httpCharset: 'windows-1256' })).toMatchObject({ text: ISO_TEXT, encoding: 'utf-16le', source: 'bom' });
    expect(decode(be)).toMatchObject({ text: ISO_TEXT, encoding: 'utf-16be', source: 'bom' });
    expect(decode(u8)).toMatchObject({ text: ISO_TEXT, encoding: 'utf-8', source: 'bom', confidence: 1 });
  });

  it('follows the HTTP charset', () => {
    expect(decode(enc(ISO_TEXT, 'windows-1256'), { httpCharset: 'windows-1256' })).toMatchObject({ text: ISO_TEXT, encoding: 'windows-1256', source: 'http' });
    expect(decode(enc(ISO_TEXT, 'iso-8859-6'), { httpCharset: 'ISO-8859-6' })).toMatchObject({ text: ISO_TEXT, encoding: 'iso-8859-6' });
  });

  it('follows <meta charset> and http-equiv when HTTP says nothing', () => {
    const page = HTML.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">');
    const d = decode(enc(page, 'windows-1256'));
    expect(d).toMatchObject({ encoding: 'windows-1256', source: 'meta' });
    expect(d.text).toBe(page);
  });

  it('sniffs Windows-1256 and ISO-8859-6 when nothing is declared', () => {
    const w = decode(enc(ISO_TEXT, 'windows-1256'));
    expect(w).toMatchObject({ text: ISO_TEXT, encoding: 'windows-1256', source: 'sniff' });
    expect(w.confidence).toBeGreaterThan(0);
    expect(decode(enc(ISO_TEXT, 'iso-8859-6'))).toMatchObject({ text: ISO_TEXT, encoding: 'iso-8859-6', source: 'sniff' });
  });

  it('prefers Arabic for a short Windows-1256 headline that chardet scores as Hebrew', () => {
    const headline = 'عاجل: انفجار في بغداد';
    expect(decode(enc(headline, 'windows-1256')).text).toBe(headline);
  });

  it('reads UTF-16 without a BOM by its NUL pattern', () => {
    expect(decode(enc(ISO_TEXT, 'utf-16le'))).toMatchObject({ text: ISO_TEXT, encoding: 'utf-16le' });
  });

  it('does not believe a UTF-8 declaration on bytes that are not UTF-8', () => {
    const d = decode(enc(ISO_TEXT, 'windows-1256'), { httpCharset: 'utf-8' });
    expect(d.text).toBe(ISO_TEXT);
    expect(d.encoding).toBe('windows-1256');
  });

  it('reads valid UTF-8 as UTF-8 even when the server says ISO-8859-1', () => {
    expect(decode(enc(ISO_TEXT, 'utf-8'), { httpCharset: 'iso-8859-1' })).toMatchObject({ text: ISO_TEXT, encoding: 'utf-8' });
  });

  it('decodes plain UTF-8 with full confidence', () => {
    expect(decode(enc(HTML, 'utf-8'))).toMatchObject({ text: HTML, encoding: 'utf-8', confidence: 1 });
  });

  it('sniffs a whole Windows-1256 page that declares nothing', () => {
    const page = HTML.replace('<meta charset="utf-8">', '');
    expect(decode(enc(page, 'windows-1256'))).toMatchObject({ text: page, encoding: 'windows-1256', source: 'sniff' });
    const iso = `<html><body><p>${ISO_TEXT}</p></body></html>`;
    expect(decode(enc(iso, 'iso-8859-6'))).toMatchObject({ text: iso, encoding: 'iso-8859-6', source: 'sniff' });
  });

  it('throws DECODE_FAILED when nothing readable comes out', () => {
    const junk = new Uint8Array(2000).map((_, i) => 0x80 | ((i * 37) & 0x7f));
    expect(() => decode(junk)).toThrowError(MarsadError);
    expect(() => decode(junk)).toThrow(/could not be decoded/);
  });
});

describe('charset labels', () => {
  it('maps labels as browsers do', () => {
    expect(resolveCharset('ISO-8859-1')).toBe('windows-1252');
    expect(resolveCharset('cp1256')).toBe('windows-1256');
    expect(resolveCharset('asmo-708')).toBe('iso-8859-6');
    expect(resolveCharset('x-no-such-charset')).toBeNull();
  });

  it('finds the declaration in the first 4 KB only', () => {
    expect(declaredCharset(enc('<meta charset="windows-1256">', 'utf-8'))).toBe('windows-1256');
    expect(declaredCharset(enc('<?xml version="1.0" encoding="ISO-8859-6"?><rss/>', 'utf-8'))).toBe('ISO-8859-6');
    expect(declaredCharset(enc(' '.repeat(5000) + '<meta charset="windows-1256">', 'utf-8'))).toBeNull();
    expect(declaredCharset(enc('<meta charset="utf-16">', 'utf-8'))).toBe('utf-8');
  });
});
