// A small store for the dashboard tests: the store fixtures (Idlib, Taizz, Jabalia) with annotation
// layers added by hand, and one article whose text is markup and whose URL is javascript:, to show
// that article text is displayed and never run.

import type { DocumentLayers, MarsadDocument, Span } from '../../doc/types.js';
import { actor, articleInputOf, docOf, event, evidence, FIXTURES, IDLIB, place, type FixtureArticle } from '../../store/test-helpers/fixtures.js';
import type { Store } from '../../store/types.js';

/** Markup that would run if it were ever parsed as HTML; the test page sets window.__xss when it does. */
export const HOSTILE_TEXT =
  'قُتل ثلاثة أشخاص في هجوم على بلدة سراقب. <script>window.__xss = "script"</script> '
  + '<img src=x onerror="window.__xss = \'img\'"> وقال شاهد إن المهاجمين فروا <a href="javascript:window.__xss=1">من هنا</a>.';

export const HOSTILE: FixtureArticle = {
  url: 'javascript:window.__xss="link"',
  outlet: '<img src=x onerror="window.__xss=\'outlet\'"><b>Outlet</b>',
  title: '<img src=x onerror="window.__xss=\'title\'">عنوان',
  publishedAt: '2024-05-20',
  text: HOSTILE_TEXT,
  events(doc) {
    const t = doc.text;
    return [event(doc, 0, {
      eventType: 'Violence against civilians',
      subEventType: 'Attack',
      actor1: actor('<script>Unknown</script>', '<img src=x onerror=alert(1)>', 3, 'Syria'),
      location: place({ name: 'Saraqib<script>', nameAr: 'سراقب', country: 'Syria', countryCode: 'SY', admin1: 'Idlib', lat: 35.8647, lon: 36.8058 }),
      date: '2024-05-19',
      fatalities: 3,
      evidence: [
        evidence(t, 'fatalities', 'قُتل ثلاثة', 'casualty.killed.words'),
        evidence(t, 'eventType', 'هجوم', 'trigger.attack'),
        evidence(t, 'location', 'سراقب', 'place.gazetteer'),
        // Evidence that covers markup: highlighted as text like any other words.
        evidence(t, 'actor1', '<script>window.__xss = "script"</script>', 'actor.test'),
      ],
    })];
  },
};

const span = (text: string, needle: string, from = 0): Span => {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { start, end: start + needle.length };
};

/** Annotation layers for the Idlib article, so the article view has every kind to mark. */
function idlibLayers(doc: MarsadDocument): Partial<DocumentLayers> {
  const t = doc.text;
  const tok = { tokenStart: 0, tokenEnd: 1 };
  return {
    triggers: [{ ...span(t, 'قصف جوي'), ...tok, triggerId: 'air-noun', eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike', family: 'airstrike', weight: 1, pos: 'noun', ruleId: 'trigger.air-noun' }],
    places: [{
      ...span(t, 'إدلب'), ...tok, nameAr: 'إدلب', gazetteerId: 'gz:idlib', name: 'Idlib', country: 'Syria', countryCode: 'SY',
      admin1: 'Idlib', admin2: 'Idlib', lat: 35.9306, lon: 36.6339, kind: 'city', geoPrecision: 1, ruleId: 'place.gazetteer',
    }],
    actors: [{ ...span(t, 'للقوات الحكومية'), ...tok, actorId: 'SYR-MIL', name: 'Military Forces of Syria', nameAr: 'القوات الحكومية', inter: 1, country: 'SY', ruleId: 'actor.dictionary' }],
    numbers: [
      { ...span(t, 'خمسة'), ...tok, value: 5, high: 5, qualifier: 'exact', valueSpan: span(t, 'خمسة'), form: 'words', ruleId: 'number.word' },
      { ...span(t, 'عشرة'), ...tok, value: 10, high: 10, qualifier: 'exact', valueSpan: span(t, 'عشرة'), form: 'words', ruleId: 'number.word' },
    ],
    dates: [{ ...span(t, 'يوم الثلاثاء'), ...tok, date: '2024-03-05', precision: 1, kind: 'weekday', ruleId: 'date.weekday' }],
    casualties: [{
      ...span(t, 'قُتل خمسة'), ...tok, kind: 'killed', value: 5, qualifier: 'exact', wordSpan: span(t, 'قُتل'), numberSpan: span(t, 'خمسة'),
      subset: false, update: false, ruleId: 'casualty.killed.words',
    }],
  };
}

/** Fill a store with the dashboard fixtures; returns their documents by name. */
export async function fillDashboardStore(store: Store): Promise<Record<'idlib' | 'hostile', MarsadDocument>> {
  let idlib: MarsadDocument | null = null;
  for (const a of FIXTURES) {
    const doc = docOf(a);
    if (a === IDLIB) {
      Object.assign(doc.layers, idlibLayers(doc));
      idlib = doc;
    }
    await store.saveArticle(articleInputOf(a), doc);
  }
  const hostile = docOf(HOSTILE);
  await store.saveArticle(articleInputOf(HOSTILE), hostile);
  return { idlib: idlib!, hostile };
}
