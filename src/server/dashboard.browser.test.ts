// The dashboard in a real browser: Debian's Chromium driven by playwright-core, against the built
// app (dist/web) on a real server and a small SQLite store. A screenshot of each state is kept in
// artifacts/. Skipped, with a message, where /usr/bin/chromium or the build is missing.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorroborator } from '../corroborate/index.js';
import { FIRST, NO_TOLL, TOLL_SEVEN, TOLL_SIX } from '../corroborate/test-helpers/reports.js';
import { packageRoot } from '../knowledge/paths.js';
import { createExtractor } from '../pipeline/index.js';
import { sqliteBackend } from '../store/test-helpers/backends.js';
import { CONTROL_FIXTURES } from '../store/test-helpers/control-fixtures.js';
import { articleInputOf, docOf, fixtureExtractor } from '../store/test-helpers/fixtures.js';
import type { Store } from '../store/types.js';
import { buildApp } from './app.js';
import { listen } from './listen.js';
import { fillDashboardStore } from './test-helpers/dashboard-fixtures.js';
import { readTextOnly } from './test-helpers/app.js';

const CHROMIUM = '/usr/bin/chromium';
/** No network on the test machines: nothing in the background, nothing fetched but our server. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync',
  // WebGL for MapLibre without a GPU.
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const WEB = join(packageRoot(), 'dist', 'web');
/**
 * A fresh Chromium's first map (WebGL through SwiftShader, the bundled basemap) took 15–20 s on a
 * 2-core machine shared with other jobs (load average 28): waits get room, the assertions do not change.
 */
const WAIT_MS = 40_000;
const ARTIFACTS = join(packageRoot(), 'artifacts');
const skip = !existsSync(CHROMIUM)
  ? `${CHROMIUM} is not installed: the dashboard browser tests are skipped (.ci/run installs it: apt-get install chromium)`
  : !existsSync(join(WEB, 'index.html'))
    ? `the dashboard is not built (${WEB}): the browser tests are skipped; run npm run build`
    : null;
if (skip) console.warn(skip);

describe.skipIf(skip !== null)('dashboard in Chromium', () => {
  let store: Store;
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const errors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`) });
  const ready = async () => {
    await page.waitForSelector('#map[data-state=ready][data-basemap=ready]');
    await page.waitForSelector('#timeline[data-state=ready]');
    await page.waitForSelector('.list-view[data-state=ready]');
  };
  /** No script from an article ever ran: no dialog, no global set, no page error. */
  const expectNothingRan = async () => {
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    store = await sqliteBackend.open();
    await fillDashboardStore(store);
    const app = await buildApp({ store, extract: fixtureExtractor(), readArticle: readTextOnly, config: { logger: false, webRoot: WEB } });
    url = await listen(app, { port: 0 });
    close = async () => {
      await app.close();
      await store.close();
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ar' });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(WAIT_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it('loads in Arabic, right to left, with markers on the map and a timeline', async () => {
    await page.goto(`${url}/`);
    await ready();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.textContent('.brand h1')).toBe('مرصد');
    expect(await page.locator('#map .mk').count()).toBeGreaterThan(0);
    expect(await page.getAttribute('#map', 'data-renderer')).toBe('webgl');
    expect(await page.locator('.event-list li[data-id]').count()).toBe(5);
    await shot('01-loaded-ar');
  });

  it('filters by event type: list, map and URL follow, and the URL reloads to the same view', async () => {
    await page.selectOption('#f-eventType', 'Explosions/Remote violence');
    await page.waitForURL(/eventType=Explosions/);
    await ready();
    await expect.poll(() => page.locator('.event-list li[data-id]').count()).toBe(2);
    const types = await page.locator('#map .mk-point').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    for (const t of types) expect(t).toBe('Explosions/Remote violence');
    await page.reload();
    await ready();
    expect(await page.inputValue('#f-eventType')).toBe('Explosions/Remote violence');
    expect(await page.locator('.event-list li[data-id]').count()).toBe(2);
    // The downloads are of the current selection.
    for (const format of ['csv', 'geojson']) {
      const href = new URL((await page.getAttribute(`a.dl[data-format=${format}]`, 'href'))!, url);
      expect(href.pathname).toBe('/api/export');
      expect(href.searchParams.get('format')).toBe(format);
      expect(href.searchParams.get('eventType')).toBe('Explosions/Remote violence');
    }
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), (await page.getAttribute('a.dl[data-format=csv]', 'href'))!);
    expect(csv.trim().split('\n')).toHaveLength(3);
    await shot('02-filter-type');
  });

  it('filters by date, from the date fields and by brushing the timeline', async () => {
    await page.goto(`${url}/`);
    await ready();
    await page.fill('#f-from', '2024-03-01');
    await page.dispatchEvent('#f-from', 'change');
    await page.waitForURL(/from=2024-03-01/);
    await page.fill('#f-to', '2024-03-31');
    await page.dispatchEvent('#f-to', 'change');
    await page.waitForURL(/to=2024-03-31/);
    await ready();
    await expect.poll(() => page.locator('.event-list li[data-id]').count()).toBe(3);
    await shot('03-filter-dates');

    await page.goto(`${url}/`);
    await ready();
    const box = (await page.locator('.tl-canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}|to=.*from=/);
    const u = new URL(page.url());
    expect(u.searchParams.get('from')! <= u.searchParams.get('to')!).toBe(true);
    await ready();
    expect(await page.getAttribute('#timeline', 'data-brush')).toBe(`${u.searchParams.get('from')}/${u.searchParams.get('to')}`);
    await shot('04-brushed');
  });

  it('opens an event from its marker and highlights the words behind a field', async () => {
    await page.goto(`${url}/?map=10/35.9/36.7`);
    await ready();
    const marker = page.locator('#map .mk-point[data-type="Explosions/Remote violence"]').first();
    await marker.click();
    await page.waitForURL(/\/event\/evt_/);
    await page.waitForSelector('.event-view[data-state=ready]');
    expect(await page.getAttribute('.article-text .text', 'dir')).toBe('rtl');
    await page.hover('tr[data-field=fatalities]');
    const active = page.locator('.article-text mark.active');
    await expect.poll(() => active.count()).toBeGreaterThan(0);
    expect((await active.allTextContents()).join('')).toBe('قُتل خمسة');
    expect(await page.textContent('tr[data-field=fatalities]')).toContain('casualty.killed.words');
    // A link to the original article, opening elsewhere.
    expect(await page.getAttribute('.article-text a.original', 'href')).toBe('https://example.org/news/idlib-strike');
    await shot('05-event-evidence');
    // The event is a URL: reloaded, it opens again.
    await page.reload();
    await page.waitForSelector('.event-view[data-state=ready]');
    // The keyboard reaches the same: focus the location row.
    await page.mouse.move(1, 1);
    await page.focus('tr[data-field=location]');
    expect((await active.allTextContents()).join('')).toBe('إدلب');
  });

  it('shows the article with all its annotations marked', async () => {
    await page.click('.article-text a.to-article');
    await page.waitForURL(/\/article\/art_/);
    await page.waitForSelector('.article-view[data-state=ready]');
    for (const layer of ['triggers', 'places', 'actors', 'numbers', 'dates', 'casualties']) {
      expect(await page.locator(`.article-view .text mark.l-${layer}`).count(), layer).toBeGreaterThan(0);
    }
    expect(await page.locator('.article-view .text mark.l-places').first().getAttribute('title')).toContain('gz:idlib');
    await shot('06-article-annotations');
  });

  it('switches to English, left to right, and back, keeping the view', async () => {
    await page.click('button.lang');
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('.brand h1')).toBe('marsad');
    expect(await page.textContent('.article-view .back')).toBe('Back to the list');
    await shot('07-article-en');
    await page.click('.article-view .back');
    await ready();
    expect(await page.textContent('label[for=f-country]')).toBe('Country');
    await shot('08-list-en');
    await page.click('button.lang');
    await page.waitForURL((u) => !u.searchParams.has('lang'));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  });

  it('opens an event with the keyboard alone', async () => {
    await page.goto(`${url}/?lang=en`);
    await ready();
    await page.focus('.event-list li[data-id] a.item');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.event-view[data-state=ready]');
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => u.pathname === '/');
  });

  it('shows markup and javascript: links from an article as text: nothing runs', async () => {
    await page.goto(`${url}/?q=${encodeURIComponent('سراقب')}`);
    await ready();
    await expect.poll(() => page.locator('.event-list li[data-id]').count()).toBe(1);
    await page.click('.event-list li[data-id] a.item');
    await page.waitForSelector('.event-view[data-state=ready]');
    const text = await page.textContent('.article-text .text');
    expect(text).toContain('<script>window.__xss = "script"</script>');
    expect(text).toContain('<img src=x onerror=');
    expect(text).toContain('<a href="javascript:window.__xss=1">');
    expect(await page.locator('.event-view script, .event-view img, .event-view .text a').count()).toBe(0);
    // the outlet and the actor's names are text too
    const view = await page.textContent('.event-view');
    expect(view).toContain('<img src=x onerror="window.__xss=\'outlet\'"><b>Outlet</b>');
    expect(view).toMatch(/<script>Unknown<\/script>|<img src=x onerror=alert\(1\)>/);
    expect(await page.locator('.event-view b').count()).toBe(0);
    // The article's javascript: URL is not made a link.
    expect(await page.locator('.event-view a.original').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.hover('tr[data-field=actor1]');
    expect((await page.locator('.article-text mark.active').allTextContents()).join('')).toBe('<script>window.__xss = "script"</script>');
    await shot('09-hostile-event');
    await page.click('.article-text a.to-article');
    await page.waitForSelector('.article-view[data-state=ready]');
    expect(await page.textContent('.article-view h2')).toBe('<img src=x onerror="window.__xss=\'title\'">عنوان');
    expect(await page.textContent('.article-view')).toContain('<img src=x onerror="window.__xss=\'outlet\'"><b>Outlet</b>');
    expect(await page.locator('.article-view img, .article-view b').count()).toBe(0);
    await shot('10-hostile-article');
    // the actor filter lists the hostile actor's name as an option's text
    await page.goto(url);
    await ready();
    const options = await page.locator('select[name=actor] option, #filter-actor option, select option').allTextContents();
    expect(options.some((o) => o.includes('<img src=x onerror=alert(1)>') || o.includes('<script>Unknown</script>')), options.join(' | ')).toBe(true);
    await expectNothingRan();
  });
});

describe.skipIf(skip !== null)('dashboard: territorial control and corroborated sources', () => {
  let close: () => Promise<void>;
  let url: string;
  let browser: Browser;
  let page: Page;
  let strikeId: string;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`) });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const store = await sqliteBackend.open({ corroborator: createCorroborator() });
    // Saraqib: taken by HTS on 2024-01-20, regained by the government on 2024-02-10; Manbij, Harib.
    for (const a of CONTROL_FIXTURES) await store.saveArticle(articleInputOf(a), docOf(a));
    // One Kafr Nabl strike told by four SAMPLE outlets: tolls 5, 7, 6 and none.
    const extract = createExtractor();
    for (const s of [FIRST, TOLL_SEVEN, TOLL_SIX, NO_TOLL]) {
      const doc = extract({ id: s.key, text: s.text, url: `https://sample.example/${s.key}`, publishedAt: s.publishedAt });
      strikeId = (await store.saveArticle({ source: 'test', url: `https://sample.example/${s.key}`, outlet: s.outlet }, doc)).eventIds[0];
    }
    const app = await buildApp({ store, extract: fixtureExtractor(), readArticle: readTextOnly, config: { logger: false, webRoot: WEB } });
    url = await listen(app, { port: 0 });
    close = async () => {
      await app.close();
      await store.close();
    };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(WAIT_MS);
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  const saraqib = () => page.locator('#map .mk-control[data-place="gz:saraqib"]');
  const layerReady = () => page.waitForSelector('.control-layer[data-state=ready]');

  it('shows who held a place on the chosen day, keeps the day and the layer in the URL, and reloads to the same', async () => {
    await page.goto(`${url}/?lang=en&map=6.00/35.5000/37.5000`);
    await page.waitForSelector('#map[data-state=ready]');
    expect(await page.getAttribute('.control-layer', 'data-state')).toBe('off');
    expect(await page.locator('#map .mk-control').count()).toBe(0);

    await page.check('.control-toggle');
    await page.waitForURL(/[?&]control=\d{4}-\d{2}-\d{2}/);
    await layerReady();
    await page.fill('.control-date', '2024-02-01');
    await page.dispatchEvent('.control-date', 'change');
    await page.waitForURL(/control=2024-02-01/);
    await layerReady();
    // On 1 February HTS (a rebel group, inter 2) held Saraqib; the SDF had Manbij since that day.
    await expect.poll(() => saraqib().count(), { timeout: WAIT_MS }).toBe(1);
    expect(await saraqib().getAttribute('data-inter')).toBe('2');
    expect(await saraqib().getAttribute('aria-label')).toBe('Saraqib: held by Hayat Tahrir al-Sham since 2024-01-20');
    expect(await page.locator('#map .mk-control[data-place="gz:manbij"]').count()).toBe(1);
    await shot('12-control-2024-02-01');

    await page.reload();
    await page.waitForSelector('#map[data-state=ready]');
    await layerReady();
    expect(await page.isChecked('.control-toggle')).toBe(true);
    expect(await page.inputValue('.control-date')).toBe('2024-02-01');
    await expect.poll(() => saraqib().count(), { timeout: WAIT_MS }).toBe(1);
    expect(await saraqib().getAttribute('data-inter')).toBe('2');

    // A later day: the government (inter 1) had taken it back on 10 February.
    await page.fill('.control-date', '2024-02-15');
    await page.dispatchEvent('.control-date', 'change');
    await page.waitForURL(/control=2024-02-15/);
    await expect.poll(() => saraqib().getAttribute('data-inter'), { timeout: WAIT_MS }).toBe('1');
    expect(await saraqib().getAttribute('aria-label')).toBe('Saraqib: held by Military Forces of Syria since 2024-02-10');
    // Back in history: the day before, and HTS again.
    await page.goBack();
    await page.waitForURL(/control=2024-02-01/);
    await expect.poll(() => saraqib().getAttribute('data-inter'), { timeout: WAIT_MS }).toBe('2');
    // Before anyone is known to hold it, nothing is drawn there.
    await page.goto(`${url}/?lang=en&control=2024-01-01`);
    await layerReady();
    expect(await page.locator('#map .mk-control').count()).toBe(0);
    // Off: out of the URL, off the map.
    await page.goto(`${url}/?lang=en&control=2024-02-01`);
    await layerReady();
    await page.uncheck('.control-toggle');
    await page.waitForURL((u) => !u.searchParams.has('control'));
    await expect.poll(() => page.locator('#map .mk-control').count(), { timeout: WAIT_MS }).toBe(0);
    expect(errors).toEqual([]);
  }, 4 * WAIT_MS); // six page loads

  it("shows an event's sources, each with its own toll, ACLED's figure, UCDP's range and the conflict flag", async () => {
    await page.goto(`${url}/event/${strikeId}?lang=en`);
    await page.waitForSelector('.event-view[data-state=ready]');
    expect(await page.textContent('.event-view .conflict-badge')).toBe('Sources disagree');
    expect(await page.textContent('tr[data-field=fatalities] td')).toBe('5 (low 5 · best 6 · high 7)');
    const items = page.locator('.sources li[data-report]');
    expect(await items.count()).toBe(4);
    const told = await items.evaluateAll((els) => els.map((e) => [e.querySelector('.outlet')!.textContent, e.querySelector('.source-figures')!.textContent]));
    expect(told.sort()).toEqual([
      [FIRST.outlet, 'killed 5 · injured 8'],
      [TOLL_SEVEN.outlet, 'killed 7 · injured not reported'],
      [TOLL_SIX.outlet, 'killed 6 · injured not reported'],
      [NO_TOLL.outlet, 'killed not reported · injured not reported'],
    ].sort());
    await shot('13-event-sources');
    expect(errors).toEqual([]);
  }, 2 * WAIT_MS);
});

describe.skipIf(skip !== null)('dashboard without WebGL', () => {
  it('falls back to the canvas map and still shows every marker', async () => {
    const store = await sqliteBackend.open();
    await fillDashboardStore(store);
    const app = await buildApp({ store, extract: fixtureExtractor(), readArticle: readTextOnly, config: { logger: false, webRoot: WEB } });
    const url = await listen(app, { port: 0 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS.filter((a) => !a.includes('swiftshader')), '--disable-3d-apis'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      await page.goto(`${url}/?lang=en`);
      await page.waitForSelector('#map[data-state=ready] .mk');
      expect(await page.getAttribute('#map', 'data-renderer')).toBe('canvas');
      await page.waitForSelector('#timeline[data-state=ready]');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-11-canvas-fallback.png') });
      await page.locator('#map .mk').first().click();
    } finally {
      await browser.close();
      await app.close();
      await store.close();
    }
  });
});
