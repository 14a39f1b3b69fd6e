// The gazetteer's fast paths give the answers of the slow, obvious ones: name starts from a scan of
// every key, nearest() from a scan of every place, the byte-level number parser from Number().

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { distanceKm } from './distance.js';
import { type Gazetteer, loadGazetteer, parseDecimal } from './gazetteer.js';
import { INDEX_MARKER } from './format.js';
import { placeKeysOf } from './name-keys.js';
import { dataPath, GAZETTEER_FILE } from './paths.js';
import type { Place } from './types.js';

let gaz: Gazetteer;
/** First word of every name key of the file and of the curated overlay → most words. */
let starts: Map<string, number>;
/** Every proper word prefix of a name key of the file, the curated overlay and the country keys. */
let prefixes: Set<string>;

beforeAll(() => {
  gaz = loadGazetteer();
  starts = new Map();
  prefixes = new Set();
  const notePrefixes = (words: string[]) => {
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  };
  const note = (key: string) => {
    const words = key.split(' ');
    starts.set(words[0], Math.max(starts.get(words[0]) ?? 0, words.length));
    notePrefixes(words);
  };
  const text = gunzipSync(readFileSync(dataPath('gazetteer', GAZETTEER_FILE))).toString('utf8');
  const lines = text.slice(text.indexOf(`\n${INDEX_MARKER}`) + 1).split('\n').slice(1);
  for (const line of lines) {
    const key = line.split('\t')[0];
    if (key && !key.includes(':')) note(key);
  }
  // the curated overlay's names, keyed as the loader keys them
  for (const p of gaz.all()) if (p.source.split('+').includes('cur')) for (const k of placeKeysOf(p.names, p.countryCode)) note(k);
  for (const c of gaz.countries()) for (const k of [...c.nameKeys, ...c.adjectiveKeys]) notePrefixes(k.split(' '));
});

describe('name starts', () => {
  it('every first word of the index is a name start, with at least its most words', () => {
    let checked = 0;
    for (const [word, most] of starts) {
      if (checked++ % 25) continue; // one in 25 of ~97k words keeps the test quick
      expect(gaz.isNameStart(word), word).toBe(true);
      expect(gaz.maxWordsFrom(word), word).toBeGreaterThanOrEqual(most);
    }
  });

  it('gives the exact word count of the longest name opening with a word', () => {
    for (const word of ['ابو', 'عين', 'تل', 'بئر', 'دير', 'خان', 'ريف']) {
      expect(gaz.maxWordsFrom(word), word).toBe(starts.get(word) ?? 0);
    }
  });

  it('knows words that open no name, and ids are not names', () => {
    for (const word of ['xyzzy', 'قالت', 'وأضاف', 'gn', 'osm']) {
      expect(gaz.isNameStart(word), word).toBe(starts.has(word));
      if (!starts.has(word)) expect(gaz.maxWordsFrom(word), word).toBe(0);
    }
  });

  it('counts a country key among the longer phrases a word may open', () => {
    for (const c of gaz.countries()) {
      for (const k of c.nameKeys) {
        const words = k.split(' ');
        expect(gaz.maxWordsFrom(words[0]), k).toBeGreaterThanOrEqual(words.length);
      }
    }
  });
});

describe('phrases that a longer name goes on past', () => {
  it('says yes for every proper word prefix of a name, and for nothing else', () => {
    let checked = 0;
    for (const prefix of prefixes) {
      if (checked++ % 10) continue;
      expect(gaz.continues(prefix), prefix).toBe(true);
    }
    // whole names with no longer name after them, words that open none, and unfinished words
    const all = [...prefixes];
    for (const key of ['xyzzy', 'قالت', 'وأضاف', ...all.slice(0, 200).map((p) => `${p}x`), ...all.slice(0, 200).map((p) => `${p} xyzzy`)]) {
      expect(gaz.continues(key), key).toBe(prefixes.has(key));
    }
  });

  it('answers by whole words: a name that goes on is no prefix of a longer first word', () => {
    const name = [...prefixes].find((p) => !p.includes(' ') && p.length >= 3)!;
    expect(gaz.continues(name)).toBe(true);
    expect(gaz.continues(name.slice(0, -1))).toBe(prefixes.has(name.slice(0, -1)));
  });
});

describe('nearest', () => {
  function bruteNearest(all: Place[], lat: number, lon: number, filter: (p: Place) => boolean, maxKm: number) {
    let best: Place | undefined;
    let bestD = maxKm;
    for (const p of all) {
      const d = distanceKm(lat, lon, p.lat, p.lon);
      if (d < bestD && filter(p)) {
        bestD = d;
        best = p;
      }
    }
    return best;
  }

  it('finds what a scan of every place finds, curated places included (the grid is kept through the overlay)', () => {
    const all = [...gaz.all()];
    const curated = all.filter((p) => p.source === 'cur');
    expect(curated.length).toBeGreaterThan(50);
    const points: [number, number][] = curated.slice(0, 30).map((p) => [p.lat + 0.03, p.lon - 0.02]);
    for (let i = 0; i < 20; i++) points.push([14 + ((i * 7.3) % 24), 30 + ((i * 11.9) % 30)]);
    const settled = (p: Place) => p.kind !== 'country' && p.kind !== 'admin1';
    for (const [lat, lon] of points) {
      expect(gaz.nearest(lat, lon, settled, 100)?.id, `${lat},${lon}`).toBe(bruteNearest(all, lat, lon, settled, 100)?.id);
    }
  });
});

describe('parseDecimal', () => {
  const parse = (s: string) => {
    const b = Buffer.from(s, 'latin1');
    return parseDecimal(b, 0, b.length);
  };

  it('reads coordinates as Number() does', () => {
    for (const s of ['33.51234', '-7.25', '12', '0', '-0', '12.', '.5', '179.99999', '-89.00001']) expect(Object.is(parse(s), Number(s)), s).toBe(true);
  });

  it('falls back to Number() for exponents, long digit strings and junk', () => {
    for (const s of ['1e5', '1234567890123456789', '', '1.2.3', 'abc']) expect(Object.is(parse(s), Number(s)), s).toBe(true);
  });

  it('agrees with Number() on any coordinate written with five decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -180, max: 180, noNaN: true }), (x) => {
        const s = String(Math.round(x * 1e5) / 1e5);
        return Object.is(parse(s), Number(s));
      }),
      { numRuns: 2000 },
    );
  });
});
