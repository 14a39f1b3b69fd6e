// Articles written for these tests (SAMPLE news-style Arabic, not real reports): one air strike on
// Kafr Nabl told by three outlets with other tolls, other words and other publication dates, and
// two look-alikes (the same town two days later; the same day in Saraqib). Read by the real
// extractor, saved through a real store with the corroborator: SQLite, and PostgreSQL when reachable.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarsadDocument } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
import { backends, type Backend } from '../store/test-helpers/backends.js';
import type { Store } from '../store/types.js';
import { createCorroborator } from './corroborator.js';

interface Sample { key: string; outlet: string; publishedAt: string; text: string }

const FIRST: Sample = {
  key: 'first', outlet: 'وكالة العينة', publishedAt: '2024-03-12',
  text: 'مقتل خمسة مدنيين بغارة جوية على كفرنبل\n'
    + 'قُتل خمسة مدنيين وأصيب ثمانية آخرون، اليوم الثلاثاء، جراء غارة جوية شنها الطيران الحربي الروسي على بلدة كفرنبل في ريف إدلب الجنوبي، '
    + 'بحسب الدفاع المدني السوري. واستهدفت الغارة سوقاً شعبياً وسط البلدة.',
};
const TOLL_SEVEN: Sample = {
  key: 'seven', outlet: 'شبكة المثال', publishedAt: '2024-03-13',
  text: 'قتل سبعة مدنيين أمس الثلاثاء في غارة جوية شنتها طائرات حربية روسية على سوق بلدة كفرنبل بريف إدلب، وفق ما أفاد ناشطون محليون.',
};
const TOLL_SIX: Sample = {
  key: 'six', outlet: 'موقع النموذج', publishedAt: '2024-03-13',
  text: 'قصفت الطائرات الروسية بلدة كفرنبل جنوبي إدلب يوم الثلاثاء، ما أسفر عن مقتل ستة أشخاص.',
};
const TWO_DAYS_LATER: Sample = {
  key: 'later', outlet: 'شبكة المثال', publishedAt: '2024-03-14',
  text: 'قُتل مدنيان اثنان، اليوم الخميس، بغارة جوية شنتها طائرات حربية روسية على بلدة كفرنبل في ريف إدلب الجنوبي، في ثاني استهداف للبلدة خلال أيام.',
};
const OTHER_TOWN: Sample = {
  key: 'saraqib', outlet: 'وكالة العينة', publishedAt: '2024-03-12',
  text: 'شن الطيران الحربي الروسي، اليوم الثلاثاء، غارة جوية على مدينة سراقب في ريف إدلب الشرقي، ما أدى إلى مقتل ثلاثة مدنيين.',
};

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const open: Array<Store & { close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const all = await backends();

async function storeWithCorroborator(backend: Backend) {
  const s = await backend.open({ corroborator: createCorroborator() });
  open.push(s);
  return s;
}

function docOf(s: Sample): MarsadDocument {
  return extract({ id: s.key, text: s.text, url: `https://sample.example/${s.key}`, publishedAt: s.publishedAt });
}

async function save(store: Store, s: Sample) {
  return store.saveArticle({ source: 'test', url: `https://sample.example/${s.key}`, outlet: s.outlet }, docOf(s));
}

describe('the corroborator', () => {
  it('reads each sample as one Kafr Nabl or Saraqib air strike (the headline and body of the first are one event)', () => {
    for (const s of [FIRST, TOLL_SEVEN, TOLL_SIX, TWO_DAYS_LATER, OTHER_TOWN]) {
      const doc = docOf(s);
      expect(doc.events.map((e) => [e.subEventType, e.location?.name]), s.key).toEqual([
        ['Air/drone strike', s === OTHER_TOWN ? 'Saraqib' : 'Kafr Nabl'],
      ]);
    }
  });
});

for (const backend of all) {
  describe.skipIf(!backend.available)(`the corroborator in the store (${backend.name})`, () => {
    it('joins three outlets\' reports of one strike into one canonical event with every source and a fatality range', async () => {
      const store = await storeWithCorroborator(backend);
      const a = await save(store, FIRST);
      const b = await save(store, TOLL_SEVEN);
      const c = await save(store, TOLL_SIX);
      expect(b.eventIds).toEqual(a.eventIds);
      expect(c.eventIds).toEqual(a.eventIds);
      const e = await store.getEvent(a.eventIds[0]);
      expect(e!.reportCount).toBe(3);
      expect(e!.reports).toHaveLength(3);
      expect([e!.fatalitiesLow, e!.fatalities, e!.fatalitiesHigh]).toEqual([5, 6, 7]);
      expect(e!.conflict).toBe(true);
      expect(e!.eventDate).toBe('2024-03-12');
      // By publication date; the two published the same day in either order.
      expect(e!.sources[0]).toMatchObject({ outlet: 'وكالة العينة', publishedAt: '2024-03-12', url: 'https://sample.example/first' });
      expect(e!.sources.slice(1).map((s) => [s.outlet, s.publishedAt, s.url]).sort()).toEqual([
        ['شبكة المثال', '2024-03-13', 'https://sample.example/seven'],
        ['موقع النموذج', '2024-03-13', 'https://sample.example/six'],
      ].sort());
      expect(new Set(e!.sources.map((s) => s.articleId))).toEqual(new Set([a.articleId, b.articleId, c.articleId]));
      expect((await store.stats())).toMatchObject({ articles: 3, reports: 3, events: 1 });
    });

    it('keeps the same town two days later and the same day in another town as events of their own', async () => {
      const store = await storeWithCorroborator(backend);
      const a = await save(store, FIRST);
      const later = await save(store, TWO_DAYS_LATER);
      const other = await save(store, OTHER_TOWN);
      const ids = [a.eventIds[0], later.eventIds[0], other.eventIds[0]];
      expect(new Set(ids).size).toBe(3);
      const page = await store.listEvents({}, { sort: 'date' });
      expect(page.items.map((e) => [e.location, e.eventDate, e.reportCount]).sort()).toEqual([
        ['Kafr Nabl', '2024-03-12', 1],
        ['Kafr Nabl', '2024-03-14', 1],
        ['Saraqib', '2024-03-12', 1],
      ]);
      // A report of the first strike published afterwards still finds it among the look-alikes.
      const seven = await save(store, TOLL_SEVEN);
      expect(seven.eventIds).toEqual(a.eventIds);
    });

    it('gives the same canonical ids when the same articles are read again in the same order', async () => {
      const run = async () => {
        const store = await storeWithCorroborator(backend);
        const out = [];
        for (const s of [FIRST, TWO_DAYS_LATER, TOLL_SEVEN, OTHER_TOWN, TOLL_SIX]) out.push((await save(store, s)).eventIds);
        const events = (await store.listEvents({}, { sort: 'date' })).items.map((e) => [e.id, e.eventIdCnty, e.reportCount]);
        return { out, events };
      };
      const first = await run();
      expect(await run()).toEqual(first);
      expect(first.events).toHaveLength(3);
    });

    it('keeps a re-read article a duplicate, and an updated article in its event', async () => {
      const store = await storeWithCorroborator(backend);
      const a = await save(store, FIRST);
      await save(store, TOLL_SEVEN);
      expect((await save(store, TOLL_SEVEN)).status).toBe('duplicate');
      const updated = await save(store, { ...TOLL_SEVEN, text: TOLL_SEVEN.text.replace('سبعة', 'ثمانية') });
      expect(updated.status).toBe('updated');
      expect(updated.eventIds).toEqual(a.eventIds);
      const e = await store.getEvent(a.eventIds[0]);
      expect([e!.reportCount, e!.fatalitiesLow, e!.fatalitiesHigh]).toEqual([2, 5, 8]);
    });

    it('serves sources in the JSON Lines export', async () => {
      const store = await storeWithCorroborator(backend);
      await save(store, FIRST);
      await save(store, TOLL_SIX);
      const rows = [];
      for await (const e of store.exportEvents({})) rows.push(JSON.parse(JSON.stringify(e)));
      expect(rows).toHaveLength(1);
      expect(rows[0].sources.map((s: { outlet: string }) => s.outlet)).toEqual(['وكالة العينة', 'موقع النموذج']);
    });
  });
}
