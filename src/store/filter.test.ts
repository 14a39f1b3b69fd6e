import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backends } from './test-helpers/backends.js';
import { articleInputOf, docOf, FIXTURES } from './test-helpers/fixtures.js';
import type { EventFilter, Store } from './types.js';

const all = await backends();

// Fixture events: Idlib air strike (SY, 03-05, 5 killed), Taiz clash (YE, 03-10, 3), Sanaa protest
// (YE, 03-11, 0, no coordinates), Jabalia air strike (PS, 04-02, 12).
const names = (s: Store, f: EventFilter) => s.listEvents(f, { sort: 'date' }).then((p) => p.items.map((e) => e.location));

for (const backend of all) {
  describe.skipIf(!backend.available)(`event filters (${backend.name})`, () => {
    let s: Store & { location: string };
    beforeAll(async () => {
      s = await backend.open();
      for (const a of FIXTURES) await s.saveArticle(articleInputOf(a), docOf(a));
    });
    afterAll(async () => {
      await s?.close();
    });

    it('lists everything without a filter', async () => {
      expect(await names(s, {})).toEqual(['Idlib', 'Taizz', "Sana'a", 'Jabalya']);
    });

    it('filters by country name, ISO3 and ISO2', async () => {
      expect(await names(s, { country: 'Yemen' })).toEqual(['Taizz', "Sana'a"]);
      expect(await names(s, { country: 'YEM' })).toEqual(['Taizz', "Sana'a"]);
      expect(await names(s, { country: 'ye' })).toEqual(['Taizz', "Sana'a"]);
      expect(await names(s, { country: 'Syria' })).toEqual(['Idlib']);
      expect(await names(s, { country: 'Narnia' })).toEqual([]);
    });

    it('filters by admin1, event type and sub-event type', async () => {
      expect(await names(s, { admin1: 'Idlib' })).toEqual(['Idlib']);
      expect(await names(s, { eventType: 'Explosions/Remote violence' })).toEqual(['Idlib', 'Jabalya']);
      expect(await names(s, { subEventType: 'Armed clash' })).toEqual(['Taizz']);
    });

    it('filters by actor id, English name in any case, and Arabic name folded', async () => {
      expect(await names(s, { actor: 'YEM-HOUTHI' })).toEqual(['Taizz']);
      expect(await names(s, { actor: 'houthis (ansar allah)' })).toEqual(['Taizz']);
      // written with ه for ة: folding makes it the same name
      expect(await names(s, { actor: 'جماعه الحوثي' })).toEqual(['Taizz']);
      expect(await names(s, { actor: 'القوات الحكومية' })).toEqual(['Idlib', 'Taizz']);
      expect(await names(s, { actor: 'Civilians (Palestine)' })).toEqual(['Jabalya']);
    });

    it('filters by date range, inclusive', async () => {
      expect(await names(s, { from: '2024-03-10', to: '2024-03-31' })).toEqual(['Taizz', "Sana'a"]);
      expect(await names(s, { from: '2024-04-02' })).toEqual(['Jabalya']);
      expect(await names(s, { to: '2024-03-05' })).toEqual(['Idlib']);
    });

    it('filters by bounding box, also across the antimeridian; events without coordinates fall outside', async () => {
      expect(await names(s, { bbox: [42, 12, 46, 16] })).toEqual(['Taizz']);
      expect(await names(s, { bbox: [34, 31, 37, 37] })).toEqual(['Idlib', 'Jabalya']);
      expect(await names(s, { bbox: [170, -90, 35, 90] })).toEqual(['Jabalya']);
    });

    it('filters by minimum fatalities', async () => {
      expect(await names(s, { minFatalities: 5 })).toEqual(['Idlib', 'Jabalya']);
      expect(await names(s, { minFatalities: 0 })).toHaveLength(4);
    });

    it('searches the article text with Arabic folding', async () => {
      // The text says "مدينه إدلب" (ه for ة): the query spells it with ة and finds it.
      expect(await names(s, { q: 'مدينة إدلب' })).toEqual(['Idlib']);
      // The text says "وأسواق" (hamza, with the conjunction): a query without hamza finds it.
      expect(await names(s, { q: 'اسواق' })).toEqual(['Idlib']);
      // Diacritics in the query are folded away as well.
      expect(await names(s, { q: 'الغارَة' })).toEqual(['Idlib']);
      // Substrings, so a word is found under its clitics: "قتل" is in "مقتل" (Taiz) and "قُتل" (Idlib).
      expect(await names(s, { q: 'قتل' })).toEqual(['Idlib', 'Taizz', "Sana'a"]);
      // Both events of one article match its text.
      expect(await names(s, { q: 'الحوثي' })).toEqual(['Taizz', "Sana'a"]);
      // The title is indexed too.
      expect(await names(s, { q: 'غارة على مخيم' })).toEqual(['Jabalya']);
      // Terms shorter than three letters still match (by scan).
      expect(await names(s, { q: '12' })).toEqual(['Jabalya']);
      // All terms must match.
      expect(await names(s, { q: 'إدلب الحوثي' })).toEqual([]);
    });

    it('combines filters', async () => {
      expect(await names(s, { country: 'YE', eventType: 'Battles', minFatalities: 1, q: 'تعز' })).toEqual(['Taizz']);
      expect(await names(s, { country: 'YE', eventType: 'Protests', minFatalities: 1 })).toEqual([]);
    });

    const hostile = [
      "'; drop table events; --",
      '" OR 1=1 --',
      "') or ('1'='1",
      '%', '_', '\\', '*', 'NEAR(a b)', 'a AND b OR NOT c', '"unbalanced',
      'سوريا', 'إدلب\'; delete from articles; --', '\u0000', '٪_\\',
    ];

    it('treats SQL metacharacters and Arabic in every filter as plain values', async () => {
      for (const v of hostile) {
        for (const key of ['country', 'admin1', 'eventType', 'subEventType', 'actor', 'q'] as const) {
          const page = await s.listEvents({ [key]: v });
          expect(page.items, `${key}=${JSON.stringify(v)}`).toEqual([]);
          await s.timeline({ [key]: v }, 'week');
        }
        // Dates are compared as text here (the API validates their form first): harmless, not empty.
        for (const key of ['from', 'to'] as const) {
          expect((await s.listEvents({ [key]: v })).items.length).toBeLessThanOrEqual(4);
        }
      }
      expect((await s.stats()).events).toBe(4);
      expect(await names(s, {})).toHaveLength(4);
    });

    it('never fails on any string in any filter (property)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('country', 'admin1', 'eventType', 'subEventType', 'actor', 'q'),
          fc.string({ unit: 'binary', maxLength: 40 }),
          async (key, v) => {
            const page = await s.listEvents({ [key]: v });
            expect(page.items.length).toBeLessThanOrEqual(4);
          },
        ),
        { numRuns: 60 },
      );
      expect((await s.stats()).events).toBe(4);
    });
  });
}
