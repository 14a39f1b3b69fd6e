// The dashboard benchmark: how soon the first view is usable with 50,000 events in the database.
// A temporary SQLite store is filled with generated events (through the store, as ingestion would
// write them), served by the real app, and loaded in headless Chromium; "usable" is the moment the
// map has its markers, the timeline is drawn and the list shows its first page. The
// basemap is timed apart: headless Chromium draws it with software WebGL (SwiftShader), which says
// little about a browser with a GPU. The first load (cold) races the server's warm-up of its scan
// and cluster index; the median is over the loads after it, each in a fresh browser context
// (nothing cached in the browser).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createDocument } from '../doc/document.js';
import type { EventRecord } from '../doc/types.js';
import { packageRoot } from '../knowledge/paths.js';
import { buildApp } from '../server/app.js';
import { listen } from '../server/listen.js';
import { openSqliteStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { median } from './reading.js';
import { seededRandom } from './corpus.js';

export interface DashboardBenchOptions {
  /** Events in the database (50,000 in the issue). */
  events?: number;
  /** Timed loads after the cold one; the median is reported. */
  runs?: number;
}

// a type, not an interface, so it is a record of figures for the bench registry
export type DashboardBenchResult = {
  events: number;
  /** Seconds to fill the store (not part of the figure that matters). */
  fillSec: number;
  /**
   * The first load, right after the server started listening (the server builds its scan and
   * cluster index meanwhile): until markers, timeline and list are drawn.
   */
  coldMs: number;
  runs: number;
  /** Median of the loads after it, each in a fresh browser context: until markers, timeline and list are drawn. */
  medianMs: number;
  /** Median time until the basemap is drawn too (software WebGL in headless Chromium: slow). */
  basemapMs: number;
  /** Markers drawn in the first view (clusters and single events). */
  markers: number;
};

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

/** Where events happen in the generated data: real places of the region, spread a few km around each. */
const PLACES: Array<[string, string, string, number, number]> = [
  ['Aleppo', 'حلب', 'SY', 36.2, 37.16], ['Idlib', 'إدلب', 'SY', 35.93, 36.63], ['Deir ez-Zor', 'دير الزور', 'SY', 35.33, 40.14],
  ['Daraa', 'درعا', 'SY', 32.62, 36.1], ['Baghdad', 'بغداد', 'IQ', 33.31, 44.37], ['Mosul', 'الموصل', 'IQ', 36.34, 43.13],
  ["Ta'izz", 'تعز', 'YE', 13.58, 44.02], ['Marib', 'مأرب', 'YE', 15.46, 45.32], ['Al Hudaydah', 'الحديدة', 'YE', 14.8, 42.95],
  ['Tripoli', 'طرابلس', 'LY', 32.89, 13.19], ['Benghazi', 'بنغازي', 'LY', 32.12, 20.07], ['Khartoum', 'الخرطوم', 'SD', 15.5, 32.56],
  ['El Fasher', 'الفاشر', 'SD', 13.63, 25.35], ['Gaza', 'غزة', 'PS', 31.5, 34.47], ['Jenin', 'جنين', 'PS', 32.46, 35.3],
  ['Nabatieh', 'النبطية', 'LB', 33.38, 35.48], ['Cairo', 'القاهرة', 'EG', 30.04, 31.24], ['Mogadishu', 'مقديشو', 'SO', 2.04, 45.34],
];
const TYPES: Array<[string, string]> = [
  ['Battles', 'Armed clash'], ['Explosions/Remote violence', 'Air/drone strike'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack'], ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Violence against civilians', 'Attack'], ['Protests', 'Peaceful protest'], ['Riots', 'Violent demonstration'],
  ['Strategic developments', 'Arrests'],
];
const TEXT = 'قتل عدد من الأشخاص في هجوم على بلدة، وقالت مصادر محلية إن الهجوم وقع صباح اليوم. ';
/** Events per generated article: 10 keeps the fill to one transaction per 10 events. */
const PER_ARTICLE = 10;

// the same deterministic generator (mulberry32) as the bench corpus: the same data on every run
const rng = seededRandom;

export async function fillStore(store: Store, events: number, seed = 7): Promise<void> {
  const r = rng(seed);
  const day0 = Date.UTC(2024, 0, 1);
  for (let a = 0; a * PER_ARTICLE < events; a++) {
    const n = Math.min(PER_ARTICLE, events - a * PER_ARTICLE);
    const text = `${TEXT}تقرير ${a}.`;
    const doc = createDocument({ id: `bench-${a}`, text, publishedAt: new Date(day0 + Math.floor(r() * 546) * 86_400_000).toISOString().slice(0, 10) });
    for (let i = 0; i < n; i++) {
      const [name, nameAr, cc, lat, lon] = PLACES[Math.floor(r() * PLACES.length)];
      const [eventType, subEventType] = TYPES[Math.floor(r() * TYPES.length)];
      const date = new Date(day0 + Math.floor(r() * 546) * 86_400_000).toISOString().slice(0, 10);
      // Most events kill no one or few; a long tail kills many (ACLED's distribution has this shape).
      const fatalities = r() < 0.55 ? 0 : Math.floor(-Math.log(1 - r()) * 6);
      const record: EventRecord = {
        id: `${doc.id}:e${i}`,
        disorderType: eventType === 'Protests' || eventType === 'Riots' ? 'Demonstrations' : 'Political violence',
        eventType, subEventType, actor1: null, actor2: null, interaction: null, civilianTargeting: eventType === 'Violence against civilians',
        location: {
          name, nameAr, country: null, countryCode: cc, admin1: null, admin2: null,
          lat: lat + (r() - 0.5) * 0.6, lon: lon + (r() - 0.5) * 0.6, geoPrecision: 1, gazetteerId: null,
        },
        date, timePrecision: 1, fatalities, injured: null,
        rules: { eventType: 'bench' },
        evidence: [{ field: 'eventType', start: 21, end: 25, text: text.slice(21, 25), ruleId: 'bench' }],
        sentence: { start: 0, end: TEXT.length - 1 }, confidence: 0.8, notes: '',
      };
      doc.events.push(record);
    }
    await store.saveArticle({ source: 'bench', outlet: 'Bench', url: `https://bench.invalid/${a}` }, doc);
  }
}

export async function benchDashboard(opts: DashboardBenchOptions = {}): Promise<DashboardBenchResult> {
  const events = opts.events ?? 50_000;
  const runs = Math.max(1, opts.runs ?? 3);
  const web = join(packageRoot(), 'dist', 'web');
  if (!existsSync(CHROMIUM)) throw new Error(`bench dashboard: ${CHROMIUM} is not installed (apt-get install chromium)`);
  if (!existsSync(join(web, 'index.html'))) throw new Error('bench dashboard: the dashboard is not built (npm run build)');

  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-dashboard-'));
  const store = await openSqliteStore({ path: join(dir, 'bench.db') });
  const t0 = performance.now();
  await fillStore(store, events);
  const fillSec = (performance.now() - t0) / 1000;

  const app = await buildApp({
    store,
    extract: () => { throw new Error('unused'); },
    readArticle: async () => { throw new Error('unused'); },
    config: { logger: false, webRoot: web },
  });
  const url = await listen(app, { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const load = async (): Promise<{ ms: number; basemapMs: number; markers: number }> => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`${url}/`);
      const since = () => performance.now() - start;
      const wait = { timeout: 60_000 };
      const [ms, basemapMs] = await Promise.all([
        Promise.all([
          page.waitForSelector('#map[data-state=ready] .mk', wait),
          page.waitForSelector('#timeline[data-state=ready]', wait),
          page.waitForSelector('.list-view[data-state=ready] li[data-id]', wait),
        ]).then(since),
        page.waitForSelector('#map[data-basemap=ready]', wait).then(since),
      ]);
      const markers = await page.locator('#map .mk').count();
      await context.close();
      return { ms, basemapMs, markers };
    };
    const cold = await load();
    const warm: Array<{ ms: number; basemapMs: number }> = [];
    for (let i = 0; i < runs; i++) warm.push(await load());
    return {
      events,
      fillSec: Math.round(fillSec * 10) / 10,
      coldMs: Math.round(cold.ms),
      runs,
      medianMs: Math.round(median(warm.map((w) => w.ms))),
      basemapMs: Math.round(median(warm.map((w) => w.basemapMs))),
      markers: cold.markers,
    };
  } finally {
    await browser.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
