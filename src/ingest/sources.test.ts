import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../doc/diagnostics.js';
import { DuplicateFilter } from './dedupe.js';
import { createFetcher, type Fetcher } from './fetch.js';
import {
  expandInputs, failureLine, isExtractable, readSource, toDocumentInput, type RawDocument, type SourceError, type SourceItem,
} from './sources.js';
import { fixture, fixturePath, send, startServer, type TestServer } from './test-helpers/server.js';

// Pages and texts are samples written for the tests (fixtures/README.md).
const HTML = fixture('article.html');
const PLAIN = fixture('plain-page.txt');
const ISO_TEXT = fixture('article-iso.txt');

async function collect(args: string[], opts?: Parameters<typeof expandInputs>[1]): Promise<Array<SourceItem | SourceError>> {
  const out: Array<SourceItem | SourceError> = [];
  for await (const x of expandInputs(args, opts)) out.push(x);
  return out;
}

async function failure(p: Promise<unknown>): Promise<MarsadError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(MarsadError);
    return err as MarsadError;
  }
  throw new Error('expected a failure');
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marsad-ingest-'));
  await mkdir(join(dir, 'corpus', 'sub'), { recursive: true });
  await mkdir(join(dir, 'corpus', '.git'), { recursive: true });
  await writeFile(join(dir, 'corpus', 'b.html'), HTML);
  await writeFile(join(dir, 'corpus', 'a.txt'), PLAIN);
  await writeFile(join(dir, 'corpus', 'sub', 'c.txt'), ISO_TEXT);
  await writeFile(join(dir, 'corpus', '.hidden.txt'), 'مخفي');
  await writeFile(join(dir, 'corpus', '.git', 'HEAD.txt'), 'ref');
  await writeFile(join(dir, 'corpus', 'image.png'), new Uint8Array([0x89, 0x50, 0, 0]));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'blank.txt'), '  \n\n ');
  await writeFile(join(dir, 'binary.dat'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0xff, 0xfe, 0, 0]));
  await writeFile(join(dir, 'big.txt'), 'ن'.repeat(40_000));
  await writeFile(join(dir, 'cp1256.txt'), iconv.encode(ISO_TEXT, 'windows-1256'));
  await writeFile(join(dir, 'utf16.txt'), iconv.encode('\ufeff' + ISO_TEXT, 'utf-16le'));
  await writeFile(join(dir, 'page.txt'), HTML); // HTML with a .txt name: read as HTML by its content
  await writeFile(join(dir, 'english.html'), fixture('english.html'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('expandInputs', () => {
  it('walks directories recursively in sorted order, skipping hidden files and unknown extensions', async () => {
    const items = await collect([join(dir, 'corpus')]);
    expect(items.map((i) => [i.kind, i.source.slice(dir.length + 1)])).toEqual([
      ['file', 'corpus/a.txt'],
      ['file', 'corpus/b.html'],
      ['file', 'corpus/sub/c.txt'],
    ]);
    expect(items.map((i) => (i.kind === 'file' ? i.format : null))).toEqual(['text', 'html', 'text']);
  });

  it('passes URLs through and reports a missing path as INPUT_NOT_FOUND, going on after it', async () => {
    const items = await collect([join(dir, 'nope.txt'), 'https://news.example/a', join(dir, 'empty.txt')]);
    expect(items[0]).toMatchObject({ kind: 'error', error: { code: 'INPUT_NOT_FOUND' } });
    expect(items[1]).toEqual({ kind: 'url', source: 'https://news.example/a', url: 'https://news.example/a' });
    expect(items[2]).toMatchObject({ kind: 'file' });
  });

  it('reads .jsonl one document a line; a bad line is an error naming file:line and the rest goes on', async () => {
    const path = fixturePath('docs.jsonl');
    const items = await collect([path]);
    expect(items.map((i) => [i.kind, i.source.slice(path.length)])).toEqual([
      ['record', ':1'], ['record', ':2'], ['error', ':3'], ['error', ':4'], ['record', ':5'],
    ]);
    const [first, , bad, noText, badDate] = items;
    expect(first).toMatchObject({ record: { id: 's1', url: 'https://sample.example/a', publishedAt: '2016-09-11' } });
    expect((bad as SourceError).error.code).toBe('INPUT_BAD_JSON');
    expect((noText as SourceError).error.message).toContain('"text" must be a string');
    expect(badDate).toMatchObject({ record: { publishedAt: null }, diagnostics: [{ code: 'INPUT_BAD_DATE' }] });
  });

  it('refuses an over-long JSON line and goes on', async () => {
    const path = join(dir, 'long.jsonl');
    await writeFile(path, `${JSON.stringify({ id: 'x', text: 'ن'.repeat(3000) })}\n{"id":"y","text":"نص قصير"}\n`);
    const items = await collect([path], { maxBytes: 1000 });
    expect(items.map((i) => (i.kind === 'error' ? i.error.code : i.kind))).toEqual(['INPUT_TOO_LARGE', 'record']);
  });

  it('reads stdin as JSON Lines when it starts with "{"', async () => {
    const stdin = Readable.from([Buffer.from('\n{"id":"a","text":"نص أول"}\n{"id":"b",'), Buffer.from('"text":"نص ثان"}\n')]);
    const items = await collect(['-'], { stdin });
    expect(items.map((i) => (i.kind === 'record' ? [i.source, i.record.id] : i.kind))).toEqual([['-:2', 'a'], ['-:3', 'b']]);
  });

  it('reads stdin as one page otherwise', async () => {
    const text = await collect(['-'], { stdin: Readable.from([Buffer.from(PLAIN)]) });
    expect(text).toMatchObject([{ kind: 'bytes', source: '-', format: 'text' }]);
    const html = await collect(['-'], { stdin: Readable.from([Buffer.from(HTML)]) });
    expect(html).toMatchObject([{ kind: 'bytes', format: 'html' }]);
    const big = await collect(['-'], { stdin: Readable.from([Buffer.from(PLAIN)]), maxBytes: 100 });
    expect(big).toMatchObject([{ kind: 'error', error: { code: 'INPUT_TOO_LARGE' } }]);
  });
});

describe('readSource from files', () => {
  const file = (name: string, format: 'html' | 'text' = 'text'): SourceItem => ({ kind: 'file', source: join(dir, name), path: join(dir, name), format });

  it('reads an HTML page into an article with its metadata and chrome', async () => {
    const doc = await readSource(file('corpus/b.html', 'html'));
    expect(doc).toMatchObject({
      title: 'انفجار سيارة مفخخة في سوق شعبية بمدينة سبها',
      publishedAt: '2019-03-10',
      outlet: 'صحيفة المرصد التجريبية',
      canonicalUrl: 'https://news.example/2019/03/10/sabha-blast?a=1&b=2',
      lang: 'ar',
      encoding: 'utf-8',
      diagnostics: [],
    });
    expect(doc.id).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.chrome.map((c) => c.kind)).toEqual(['title-repeat', 'read-also']);
    expect(isExtractable(doc)).toBe(true);
  });

  it('reads a plain-text page as it is, with its chrome marked and its title found', async () => {
    const doc = await readSource(file('corpus/a.txt'));
    expect(doc.text).toBe(PLAIN);
    expect(doc.title).toBe('اليمن..غارات جوية تستهدف مواقع قرب مأرب');
    expect(doc.chrome.map((c) => c.kind)).toEqual(['breadcrumb', 'caption', 'caption', 'title-repeat', 'read-also', 'share', 'tags']);
    for (const c of doc.chrome) expect(doc.text.slice(c.start, c.end).length).toBeGreaterThan(0);
  });

  it('decodes Windows-1256 and UTF-16 files', async () => {
    expect(await readSource(file('cp1256.txt'))).toMatchObject({ text: ISO_TEXT, encoding: 'windows-1256' });
    expect(await readSource(file('utf16.txt'))).toMatchObject({ text: ISO_TEXT, encoding: 'utf-16le' });
  });

  it('reads HTML by its content whatever the file is called', async () => {
    expect((await readSource(file('page.txt'))).publishedAt).toBe('2019-03-10');
  });

  it('keeps a non-Arabic page with INPUT_NOT_ARABIC', async () => {
    const doc = await readSource(file('english.html', 'html'));
    expect(doc.lang).toBe('en');
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['INPUT_NOT_ARABIC']);
    expect(isExtractable(doc)).toBe(false);
  });

  it('fails with one clear reason per bad file', async () => {
    const cases: Array<[string, string]> = [
      ['nope.txt', 'INPUT_NOT_FOUND'],
      ['empty.txt', 'INPUT_EMPTY'],
      ['blank.txt', 'INPUT_EMPTY'],
      ['binary.dat', 'INPUT_BINARY'],
    ];
    for (const [name, code] of cases) {
      const e = await failure(readSource(file(name)));
      expect(e.code, name).toBe(code);
      expect(failureLine(join(dir, name), e)).toMatch(new RegExp(`^${join(dir, name)}: .+ \\[${code}\\]$`));
    }
    expect((await failure(readSource(file('big.txt'), { maxBytes: 50_000 }))).code).toBe('INPUT_TOO_LARGE');
  });

  it('gives the same id and hash for the same file read twice', async () => {
    const a = await readSource(file('corpus/a.txt'));
    const b = await readSource(file('corpus/a.txt'));
    expect(a.id).toBe(b.id);
    expect(a.contentHash).toBe(b.contentHash);
  });
});

describe('readSource from records and stdin', () => {
  it('keeps a record’s own id and fields, and maps to the pipeline input', async () => {
    const item: SourceItem = {
      kind: 'record', source: 'docs.jsonl:1', diagnostics: [],
      record: { id: 's1', text: 'قتل شخصان في قصف مدفعي على حي سكني.', url: 'https://sample.example/a?utm_source=x', publishedAt: '2016-09-11', title: null },
    };
    const doc = await readSource(item);
    expect(doc).toMatchObject({ id: 's1', canonicalUrl: 'https://sample.example/a', publishedAt: '2016-09-11', lang: 'ar' });
    expect(toDocumentInput(doc)).toEqual({ id: 's1', text: item.record.text, url: item.record.url, publishedAt: '2016-09-11', title: null, chrome: doc.chrome });
  });

  it('reads stdin bytes as a page', async () => {
    const doc = await readSource({ kind: 'bytes', source: '-', bytes: Buffer.from(PLAIN), format: 'text' });
    expect(doc.source).toBe('-');
    expect(doc.text).toBe(PLAIN);
  });
});

describe('readSource from URLs', () => {
  let srv: TestServer;
  let fetcher: Fetcher;
  const page1256 = HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1256">');
  const isoPage = `<html lang="ar"><head><title>اشتباكات في درنة</title></head><body><article><p>${ISO_TEXT.split('\n\n').join('</p><p>')}</p></article></body></html>`;

  beforeAll(async () => {
    srv = await startServer({
      '/robots.txt': send('User-agent: *\nDisallow: /private/\n'),
      '/utf8': send(HTML, { 'content-type': 'text/html; charset=utf-8' }),
      '/cp1256-http': send(iconv.encode(HTML, 'windows-1256'), { 'content-type': 'text/html; charset=windows-1256' }),
      '/cp1256-meta': send(iconv.encode(page1256, 'windows-1256'), { 'content-type': 'text/html' }),
      '/iso': send(iconv.encode(isoPage, 'iso-8859-6'), { 'content-type': 'text/html; charset=iso-8859-6' }),
      '/utf16': send(iconv.encode('\ufeff' + HTML, 'utf-16le'), { 'content-type': 'text/html' }),
      '/plain': send(PLAIN, { 'content-type': 'text/plain; charset=utf-8' }),
      '/image.png': send(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { 'content-type': 'image/png' }),
      '/private/x': send(HTML, { 'content-type': 'text/html' }),
      '/blank': send('<html><body><script>1</script></body></html>', { 'content-type': 'text/html' }),
      '/2019/03/10/moved': (_req, res) => void res.writeHead(301, { location: '/utf8' }).end(),
    });
    fetcher = createFetcher({ allowPrivate: true }); // the test server is on loopback
  });

  afterAll(async () => {
    await fetcher.close();
    await srv.close();
  });

  const url = (path: string): SourceItem => ({ kind: 'url', source: `${srv.origin}${path}`, url: `${srv.origin}${path}` });

  it('reads the same article from UTF-8, Windows-1256 (HTTP or meta) and UTF-16 pages', async () => {
    const docs: RawDocument[] = [];
    for (const path of ['/utf8', '/cp1256-http', '/cp1256-meta', '/utf16']) docs.push(await readSource(url(path), { fetcher }));
    expect(docs.map((d) => d.encoding)).toEqual(['utf-8', 'windows-1256', 'windows-1256', 'utf-16le']);
    for (const d of docs) {
      expect(d.text).toBe(docs[0].text);
      expect(d.title).toBe('انفجار سيارة مفخخة في سوق شعبية بمدينة سبها');
      expect(d.url).toBe(d.source);
    }
    // one article under one canonical URL: the duplicate filter lets it in once
    const seen = new DuplicateFilter();
    expect(docs.map((d) => seen.admit(d))).toEqual([null, 'url', 'url', 'url']);
  });

  it('reads an ISO-8859-6 page', async () => {
    const d = await readSource(url('/iso'), { fetcher });
    expect(d.encoding).toBe('iso-8859-6');
    expect(d.text).toBe(ISO_TEXT.trim());
  });

  it('reads text/plain as a plain page', async () => {
    const d = await readSource(url('/plain'), { fetcher });
    expect(d.text).toBe(PLAIN);
    expect(d.canonicalUrl).toBe(`${srv.origin}/plain`);
  });

  it('keeps the final URL after a redirect', async () => {
    const d = await readSource(url('/2019/03/10/moved'), { fetcher });
    expect(d.url).toBe(`${srv.origin}/utf8`);
    expect(d.source).toBe(`${srv.origin}/2019/03/10/moved`);
  });

  it('fails with one clear line per bad URL', async () => {
    const cases: Array<[string, string]> = [
      ['/missing', 'FETCH_HTTP_STATUS'],
      ['/image.png', 'FETCH_NOT_HTML'],
      ['/private/x', 'FETCH_ROBOTS'],
      ['/blank', 'HTML_NO_CONTENT'],
    ];
    for (const [path, code] of cases) {
      const e = await failure(readSource(url(path), { fetcher }));
      expect(e.code, path).toBe(code);
      const line = failureLine(`${srv.origin}${path}`, e);
      expect(line.startsWith(`${srv.origin}${path}: `)).toBe(true);
      expect(line.endsWith(`[${code}]`)).toBe(true);
      expect(line).not.toContain('\n');
    }
  });

  it('refuses the loopback server with the default guard', async () => {
    const guarded = createFetcher();
    try {
      const e = await failure(readSource(url('/utf8'), { fetcher: guarded }));
      expect(e.code).toBe('FETCH_REFUSED_ADDRESS');
    } finally {
      await guarded.close();
    }
  });

  it('needs a fetcher for URLs', async () => {
    expect((await failure(readSource(url('/utf8')))).code).toBe('INTERNAL');
  });
});

describe('failureLine', () => {
  it('names the input once, then the reason and the code', () => {
    expect(failureLine('docs.jsonl:3', new MarsadError('INPUT_BAD_JSON', 'docs.jsonl:3: Unexpected end of JSON input')))
      .toBe('docs.jsonl:3: line is not a valid JSON document: Unexpected end of JSON input [INPUT_BAD_JSON]');
    expect(failureLine('a.txt', new MarsadError('INPUT_NOT_FOUND', 'a.txt'))).toBe('a.txt: input not found [INPUT_NOT_FOUND]');
    expect(failureLine('x', new Error('boom'))).toBe('x: input cannot be read: boom [INPUT_UNREADABLE]');
  });
});
