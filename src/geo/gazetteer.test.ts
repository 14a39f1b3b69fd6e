// The shipped gazetteer (data/gazetteer/gazetteer.tsv.gz): needs nothing outside the repository.

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCurated, type CuratedFile } from './curated.js';
import { rankCandidates, type RankContext } from './disambiguate.js';
import { distanceKm } from './distance.js';
import { type Gazetteer, loadGazetteer } from './gazetteer.js';
import { placeKey } from './keys.js';
import { dataPath } from './paths.js';
import { PLACE_KINDS } from './types.js';

let gaz: Gazetteer;
beforeAll(() => {
  gaz = loadGazetteer();
});

/** The best candidate for a name as written. */
function resolve(name: string, ctx: RankContext = {}) {
  const ranked = rankCandidates(gaz.search(name), ctx);
  expect(ranked.length, `no candidate for ${name}`).toBeGreaterThan(0);
  return ranked[0].place;
}

function expectNear(name: string, ctx: RankContext, cc: string, lat: number, lon: number, km = 10) {
  const p = resolve(name, ctx);
  expect(p.countryCode, `${name} → ${p.id}`).toBe(cc);
  expect(distanceKm(p.lat, p.lon, lat, lon), `${name} → ${p.id} at ${p.lat},${p.lon}`).toBeLessThan(km);
  return p;
}

describe('the seed towns resolve to Libyan places near their true position', () => {
  const LY: RankContext = { countryHint: ['LY'] };
  it.each([
    ['أبو قرين', 31.4497, 15.255],
    ['بوقرين', 31.4497, 15.255],
    ['الوشكة', 31.3734, 15.5709],
    ['زمزم', 31.363, 15.241],
    ['القداحية', 31.363, 15.241],
    ['أبو نجيم', 30.56, 15.43],
    ['البويرات', 31.4004, 15.7274],
    ['بويرات الحسون', 31.4004, 15.7274],
    ['مصراتة', 32.375, 15.092],
    ['سرت', 31.21, 16.59],
  ])('%s', (name, lat, lon) => {
    expectNear(name, LY, 'LY', lat, lon);
  });

  it('carries the fields an event location needs', () => {
    const p = resolve('البويرات', LY);
    expect(p).toMatchObject({ id: 'osm:ly-village-201', name: 'Buwayrat al-Hasun', nameAr: 'بويرات الحسون', countryCode: 'LY', country: 'Libya' });
    expect(p.admin1).not.toBe('');
    expect(p.admin1Ar).not.toBe('');
    expect(resolve('الوشكة', LY)).toMatchObject({ admin1: 'Sirte', admin1Ar: 'سرت' }); // curated admin override
    expect(resolve('مصراتة', LY)).toMatchObject({ id: 'gn:2214846', kind: 'city', admin1: 'Misrata', admin1Ar: 'مصراتة' });
  });
});

describe('homonyms', () => {
  it('Tripoli in a Lebanese context is Lebanon’s, in a Libyan one Libya’s', () => {
    expectNear('طرابلس', { countryHint: ['LB'] }, 'LB', 34.43, 35.84);
    expectNear('طرابلس', { countryHint: ['LY'] }, 'LY', 32.89, 13.19);
    expectNear('Tripoli', { countryHint: ['LB', 'SY'] }, 'LB', 34.43, 35.84);
  });

  it('Douma with ريف دمشق is the town near Damascus', () => {
    expect(gaz.search('دوما').length).toBeGreaterThan(2);
    expectNear('دوما', { adminHint: 'ريف دمشق' }, 'SY', 33.57, 36.4);
  });

  it('a place named after the article’s other places wins (النصر in Gaza)', () => {
    const p = resolve('النصر', { countryHint: ['PS'], nearby: [{ lat: 31.5016, lon: 34.4667 }] });
    expect(p.countryCode).toBe('PS');
  });

  it.each([
    ['حلب', 'SY', 36.2, 37.16],
    ['دمشق', 'SY', 33.51, 36.29],
    ['بغداد', 'IQ', 33.34, 44.4],
    ['صنعاء', 'YE', 15.35, 44.21],
    ['غزة', 'PS', 31.5, 34.47],
    ['الخرطوم', 'SD', 15.55, 32.53],
    ['بنغازي', 'LY', 32.12, 20.07],
    ['الموصل', 'IQ', 36.34, 43.12],
    ['Aleppo', 'SY', 36.2, 37.16],
  ])('%s resolves to the big city without context', (name, cc, lat, lon) => {
    const p = expectNear(name, {}, cc, lat, lon, 15);
    expect(['capital', 'city']).toContain(p.kind);
  });
});

describe('non-town places from the curated file', () => {
  it.each([
    ['معبر رفح', 'crossing', 'PS'],
    ['معبر باب الهوى', 'crossing', 'SY'],
    ['مطار معيتيقة', 'airport', 'LY'],
    ['قاعدة حميميم', 'base', 'SY'],
    ['قاعدة عين الأسد', 'base', 'IQ'],
    ['مخيم جباليا', 'camp', 'PS'],
    ['مخيم الهول', 'camp', 'SY'],
    ['مخيم زمزم', 'camp', 'SD'],
    ['ميناء السدرة', 'port', 'LY'],
    ['الشجاعية', 'district', 'PS'],
    ['جبل قنديل', 'natural', 'IQ'],
  ])('%s', (name, kind, cc) => {
    const p = resolve(name);
    expect(p.kind).toBe(kind);
    expect(p.countryCode).toBe(cc);
  });
});

describe('Arabic names the sources lack for places they have (curated aliases)', () => {
  it.each([
    ['سديروت', 'IL', 31.525, 34.597, {}],
    ['كريات شمونة', 'IL', 33.207, 35.572, {}],
    ['عسقلان', 'IL', 31.669, 34.571, {}],
    ['أسدود', 'IL', 31.792, 34.65, {}],
    // a namesake of Egyptian and Iraqi villages: Israel's in an Israeli context
    ['المطلة', 'IL', 33.279, 35.58, { countryHint: ['IL'] }],
    ['الجليل الأعلى', 'IL', 33.05, 35.5, {}],
    ['الجولان', 'SY', 33.0, 35.75, {}],
    ['أبيي', 'SD', 9.596, 28.436, {}],
  ] as Array<[string, string, number, number, RankContext]>)('%s', (name, cc, lat, lon, ctx) => {
    expectNear(name, ctx, cc, lat, lon, 5);
  });
});

describe('countries, regions and context', () => {
  it('finds countries by name, nationality adjective and code', () => {
    expect(gaz.countryByKey(placeKey('الليبية'))?.code).toBe('LY');
    expect(gaz.countryByKey(placeKey('سورية'))?.code).toBe('SY');
    expect(gaz.countryByKey(placeKey('العراقيين'))?.code).toBe('IQ');
    expect(gaz.countryByKey(placeKey('اليمني'))?.code).toBe('YE');
    expect(gaz.countryByKey(placeKey('الأمريكية'))?.code).toBe('US');
    expect(gaz.countryByKey('ly')?.name).toBe('Libya');
    expect(gaz.countryByKey(placeKey('Libyan'))?.code).toBe('LY');
    const arab = gaz.countries().filter((c) => c.arabLeague);
    expect(arab).toHaveLength(22);
    for (const c of gaz.countries()) {
      expect(gaz.get(c.placeId)?.kind).toBe('country');
      if (c.capitalId) expect(gaz.get(c.capitalId)?.countryCode).toBe(c.code);
    }
    expect(gaz.get(gaz.countryByKey('ly')!.capitalId!)?.name).toBe('Tripoli');
  });

  it('finds admin regions with or without their admin word', () => {
    expect(gaz.adminByKey(placeKey('ريف دمشق'))[0]).toMatchObject({ kind: 'admin1', countryCode: 'SY', name: 'Rif Dimashq' });
    expect(gaz.adminByKey(placeKey('محافظة إدلب'))[0]).toMatchObject({ kind: 'admin1', name: 'Idlib' });
    expect(gaz.adminByKey(placeKey('ريف حلب'))[0]).toMatchObject({ kind: 'admin1', name: 'Aleppo' });
    expect(gaz.adminByKey(placeKey('شعبية مصراتة'), 'LY')[0]).toMatchObject({ admin1Code: 'LY.72' });
    const region = gaz.adminByKey(placeKey('محافظة إدلب'))[0];
    expect(gaz.get(region.capitalId!)).toMatchObject({ name: 'Idlib', kind: 'city' });
  });

  it('flags names that are everyday words by the key looked up', () => {
    expect(gaz.lookup(placeKey('زمزم')).every((p) => p.commonWord)).toBe(true);
    expect(gaz.lookup(placeKey('النصر')).every((p) => p.commonWord)).toBe(true);
    expect(gaz.lookup(placeKey('مصراتة')).some((p) => p.commonWord)).toBe(false);
    expect(gaz.isCommonWord(placeKey('الشهداء'))).toBe(true);
    expect(gaz.commonWords.size).toBeGreaterThan(300);
  });

  it('finds the nearest place to a point', () => {
    expect(gaz.nearest(31.3734, 15.5709)?.id).toBe('osm:ly-town-11');
    const city = gaz.nearest(33.5, 36.3, (p) => p.kind === 'capital');
    expect(city?.name).toBe('Damascus');
    expect(gaz.nearest(0, -30)).toBeUndefined();
  });

  it('tells the matcher how far to look ahead', () => {
    expect(gaz.maxNameTokens).toBeGreaterThanOrEqual(4);
    expect(gaz.maxNameTokens).toBeLessThanOrEqual(12);
  });
});

describe('the shipped file', () => {
  const file = dataPath('gazetteer', 'gazetteer.tsv.gz');

  it('is compact and credits its sources in its header', () => {
    expect(statSync(file).size).toBeLessThan(15e6);
    const header = gaz.header.join('\n');
    expect(header).toContain('GeoNames, geonames.org');
    expect(header).toContain('CC BY 4.0');
    expect(header).toContain("Contains data from Who's On First (whosonfirst.org)");
    expect(header).toContain('© OpenStreetMap contributors, ODbL 1.0 — this derived database is offered under the ODbL');
    expect(header).toContain('public domain');
  });

  it('holds well-formed records only', () => {
    let n = 0;
    const kinds = new Set<string>();
    for (const p of gaz.all()) {
      n++;
      kinds.add(p.kind);
      if (!/^(gn|wof|osm|ne|cur):\S+$/.test(p.id) || !Number.isFinite(p.lat) || Math.abs(p.lat) > 90 || !/^[A-Z]{2}$/.test(p.countryCode) || p.names.length === 0) {
        throw new Error(`bad record ${JSON.stringify(p)}`);
      }
      if (p.nameAr) expect(p.names[0]).toBe(p.nameAr);
    }
    expect(n).toBe(gaz.size);
    expect(n).toBeGreaterThan(50000);
    for (const k of kinds) expect(PLACE_KINDS).toContain(k);
    expect([...kinds]).toEqual(expect.arrayContaining(['country', 'admin1', 'capital', 'city', 'town', 'village', 'district', 'camp', 'crossing', 'airport', 'base']));
  });
});

describe('the curated file', () => {
  const path = dataPath('gazetteer', 'curated.json');
  const file = JSON.parse(readFileSync(path, 'utf8')) as CuratedFile;

  it('matches its schema and has no duplicate or dangling entries', () => {
    const schema = JSON.parse(readFileSync(dataPath('schema', 'curated-places.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(file), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(checkCurated(file)).toEqual([]);
    expect(file.entries.length).toBeGreaterThanOrEqual(150);
    expect(gaz.curatedStats).toMatchObject({ missingTargets: [], unknownAdmin1: [] });
  });

  it('is applied: every entry is a place or names an existing one', () => {
    for (const e of file.entries) {
      const p = gaz.get(e.aliasOf ?? e.id);
      expect(p, e.id).toBeDefined();
      for (const n of e.names) expect(gaz.search(n).map((q) => q.id), `${e.id}: ${n}`).toContain(p!.id);
    }
  });

  it('can be reloaded without rebuilding, and applying it twice changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-cur-'));
    try {
      const extra: CuratedFile = {
        ...file,
        entries: [
          ...file.entries,
          { id: 'cur:test-checkpoint', names: ['حاجز الاختبار', 'Test checkpoint'], name: 'Test checkpoint', kind: 'site', lat: 31.45, lon: 15.26, country: 'LY', source: 'test' },
          { id: 'cur:test-alias', names: ['مصراتة المحروسة'], aliasOf: 'gn:2214846', source: 'test' },
        ],
      };
      const p = join(dir, 'curated.json');
      writeFileSync(p, JSON.stringify(extra));
      const g2 = loadGazetteer(undefined, { curated: p });
      expect(g2.search('حاجز الاختبار')[0]).toMatchObject({ id: 'cur:test-checkpoint', admin1: 'Misrata', countryCode: 'LY' });
      expect(g2.search('مصراتة المحروسة')[0].id).toBe('gn:2214846');
      const before = g2.get('gn:2214846')!.names.length;
      g2.applyCurated(extra.entries);
      expect(g2.get('gn:2214846')!.names).toHaveLength(before);
      expect(g2.search('مصراتة').filter((x) => x.id === 'gn:2214846')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
