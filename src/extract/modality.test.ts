// Modality: a trigger in the scope of a planned, threatened, conditional, called-for, negated,
// historical, future or questioning cue gives no event; the same trigger in a plain report does. A
// denial is "flag" in data/knowledge/modality.json: the event is kept (one side's denial does not
// cancel the other's claim) and the cue is on the modality layer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MarsadDocument } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const run = (text: string): MarsadDocument => extract({ id: 'modality-test', text, publishedAt: '2016-09-11' });

/** The cue of this modality (or a date of this kind) whose scope covers a trigger of the sentence. */
function governs(doc: MarsadDocument, modality: string): boolean {
  const { triggers, modality: cues, dates } = doc.layers;
  if (modality === 'date.future') return dates.some((d) => d.ruleId === 'date.future');
  if (modality === 'date.historical') return dates.some((d) => d.kind === 'historical' && d.ruleId !== 'date.future');
  return cues.some((c) => c.modality === modality && triggers.some((t) => c.tokenStart <= t.tokenStart && t.tokenStart < c.tokenEnd));
}

interface Suppressed {
  text: string;
  /** What keeps the event out: a modality cue set, or a date of the future or the past. */
  by: string[];
}

const s = (text: string, ...by: string[]): Suppressed => ({ text, by });

const suppressed: Suppressed[] = [
  s('يعتزم الجيش شن هجوم على مدينة إدلب خلال الأيام المقبلة.', 'planned'),
  s('يستعد التنظيم لتفجير سيارة مفخخة في مدينة الموصل.', 'planned'),
  s('هدد التنظيم بشن هجمات على مدينة مصراتة.', 'threatened'),
  s('تتوعد الفصائل بقصف مدينة حلب.', 'threatened'),
  s('في حال هاجمت القوات مدينة درعا فإن المعارضة سترد.', 'conditional'),
  s('إذا قصفت الطائرات مدينة حلب فإن الهدنة ستنهار.', 'conditional'),
  s('دعا مجلس الأمن إلى وقف القصف على مدينة حلب.', 'call'),
  s('دعت المنظمة إلى وقف الغارات على مدينة إدلب.', 'call'),
  s('طالبت المعارضة بوقف القصف على مدينة حلب.', 'call'),
  s('لم تشن الطائرات أي غارة على مدينة حلب.', 'negated'),
  s('لن تقصف الطائرات مدينة حلب.', 'negated'),
  s('أحيا الأهالي في مدينة حمص ذكرى المجزرة التي ارتكبت في المدينة عام 2012.', 'historical', 'date.historical'),
  // a sentence-wide cue covers a trigger before it too
  s('قصفت الطائرات مدينة حلب قبل سنوات.', 'historical'),
  s('ستشن القوات غدا هجوما على مدينة إدلب.', 'planned', 'date.future'),
  s('يشن الجيش هجوما على مدينة إدلب يوم الخميس المقبل.', 'date.future'),
  s('هل قصفت الطائرات مدينة حلب؟', 'hypothetical-question'),
];

interface Control {
  text: string;
  subEventType: string;
  fatalities?: number | null;
}

const c = (text: string, subEventType: string, more: Partial<Control> = {}): Control => ({ text, subEventType, ...more });

const controls: Control[] = [
  c('شن الجيش هجوما على مدينة إدلب أمس.', 'Armed clash'),
  c('هاجم التنظيم مدينة مصراتة فجر اليوم.', 'Armed clash'),
  c('هاجمت القوات مدينة درعا فجر اليوم.', 'Armed clash'),
  c('قصفت الطائرات الحربية مدينة حلب أمس.', 'Air/drone strike'),
  c('شنت الطائرات غارة على مدينة حلب.', 'Air/drone strike'),
  c('قصفت الفصائل مدينة حلب أمس.', 'Shelling/artillery/missile attack'),
  c('استمر القصف على مدينة حلب طوال الليل.', 'Shelling/artillery/missile attack'),
  c('فجر التنظيم سيارة مفخخة في مدينة الموصل.', 'Remote explosive/landmine/IED'),
  c('ارتكبت القوات مجزرة في مدينة حمص أمس.', 'Attack'),
  // "did not cause casualties" negates the casualties, not the shelling: an event with no deaths
  c('لم يسفر القصف على مدينة حلب عن إصابات.', 'Shelling/artillery/missile attack', { fatalities: 0 }),
  // a question cue inside a statement only flags it
  c('قصفت الطائرات الحربية مدينة حلب أمس، ولم يعرف ما إذا كان هناك ضحايا.', 'Air/drone strike'),
  // an old comparison in a later clause does not make today's strike history
  c('قصفت الطائرات الحربية مدينة حلب أمس، وكانت المدينة قد شهدت قصفا مماثلا قبل سنوات.', 'Air/drone strike'),
  // a historical cue inside a relative clause describes the building, not the capture
  c('استولى المسلحون على المبنى الذي كان مقر الأركان في عهد القذافي في مدينة طرابلس.', 'Non-state actor overtakes territory'),
];

describe('no event where the trigger is not a real event', () => {
  it.each(suppressed)('$text', ({ text, by }) => {
    const doc = run(text);
    // the trigger and the place are there: it is the modality that keeps the event out
    expect(doc.layers.triggers.length).toBeGreaterThan(0);
    expect(doc.layers.places.length).toBeGreaterThan(0);
    for (const m of by) expect(governs(doc, m), m).toBe(true);
    expect(doc.events).toEqual([]);
  });
});

describe('the same triggers in a plain report give an event', () => {
  it.each(controls)('$text → $subEventType', ({ text, subEventType, fatalities }) => {
    const doc = run(text);
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0].subEventType).toBe(subEventType);
    if (fatalities !== undefined) expect(doc.events[0].fatalities).toBe(fatalities);
  });
});

describe('a denial flags the event and keeps it (modality.json: denied → flag)', () => {
  it.each([
    ['نفى الجيش قصف مستشفى في مدينة حلب.', 'Shelling/artillery/missile attack'],
    ['نفى الجيش أن تكون طائراته قد قصفت مدينة حلب.', 'Air/drone strike'],
  ])('%s', (text, subEventType) => {
    const doc = run(text);
    const denial = doc.layers.modality.find((m) => m.modality === 'denied');
    expect(denial).toBeDefined();
    expect(denial!.effect).toBe('flag');
    expect(text.slice(denial!.start, denial!.end)).toBe('نفى');
    expect(governs(doc, 'denied')).toBe(true);
    expect(doc.events).toHaveLength(1);
    expect(doc.events[0].subEventType).toBe(subEventType);
  });
});

describe('the scope a cue covers', () => {
  it('a window-before cue covers the words after it, from the cue on', () => {
    const text = 'يعتزم الجيش شن هجوم على مدينة إدلب.';
    const doc = run(text);
    const [cue] = doc.layers.modality;
    expect(text.slice(cue.start, cue.end)).toBe('يعتزم');
    expect(cue.tokenStart).toBe(0);
    expect(cue.tokenEnd).toBeGreaterThan(3);
  });
  it('a sentence-wide cue covers its sentence from the start of its clause', () => {
    const text = 'قصفت الطائرات مدينة حلب قبل سنوات.';
    const doc = run(text);
    const cue = doc.layers.modality.find((m) => m.modality === 'historical')!;
    expect(text.slice(cue.start, cue.end)).toBe('قبل سنوات');
    expect(cue.tokenStart).toBe(doc.layers.sentences[0].tokenStart);
    expect(cue.tokenEnd).toBe(doc.layers.sentences[0].tokenEnd);
  });
  it('a question cue governs a question and only flags a statement', () => {
    const q = run('هل قصفت الطائرات مدينة حلب؟').layers.modality.find((m) => m.modality === 'hypothetical-question');
    const st = run('قصفت الطائرات مدينة حلب، ولم يعرف ما إذا كان هناك ضحايا.').layers.modality.find((m) => m.modality === 'hypothetical-question');
    expect(q?.effect).toBe('suppress');
    expect(st?.effect).toBe('flag');
  });
});
