import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowPrivate, loadFeedList, parseDuration, parseWorkers } from './ingest-options.js';

describe('option parsers', () => {
  it('reads durations with units, or plain seconds, of at least a second', () => {
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('45')).toBe(45_000);
    expect(() => parseDuration('500ms')).toThrow(/at least 1s/);
    expect(() => parseDuration('soon')).toThrow(/duration/);
    expect(() => parseDuration('10m later')).toThrow(/duration/);
  });

  it('reads a worker count', () => {
    expect(parseWorkers('4')).toBe(4);
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => parseWorkers(bad)).toThrow(/whole number/);
  });

  it('allows private addresses by flag or by MARSAD_ALLOW_PRIVATE=1 only', () => {
    expect(allowPrivate(undefined, {})).toBe(false);
    expect(allowPrivate(true, {})).toBe(true);
    expect(allowPrivate(undefined, { MARSAD_ALLOW_PRIVATE: '1' })).toBe(true);
    expect(allowPrivate(undefined, { MARSAD_ALLOW_PRIVATE: '0' })).toBe(false);
  });
});

describe('loadFeedList', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'marsad-feedlist-'));
    await writeFile(join(dir, 'feeds.txt'), '# feeds\nhttps://a.example/feed.xml\nftp://b.example/x\n');
    await writeFile(join(dir, 'feeds.opml'), '<opml version="2.0"><body><outline text="x" xmlUrl="https://c.example/rss"/></body></opml>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a list of URLs, its bad lines named by file and line', async () => {
    const l = await loadFeedList(join(dir, 'feeds.txt'));
    expect(l.feeds).toEqual(['https://a.example/feed.xml']);
    expect(l.errors.map((e) => [e.source, e.error.code])).toEqual([[`${join(dir, 'feeds.txt')}:3`, 'FEED_INVALID']]);
  });

  it('reads OPML, and names a list it cannot read', async () => {
    expect((await loadFeedList(join(dir, 'feeds.opml'))).feeds).toEqual(['https://c.example/rss']);
    const missing = await loadFeedList(join(dir, 'none.txt'));
    expect(missing.errors.map((e) => e.error.code)).toEqual(['INPUT_NOT_FOUND']);
  });
});
