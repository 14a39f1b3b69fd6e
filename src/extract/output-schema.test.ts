// The output contract: schema/document.schema.json describes what documentJson() prints, with and
// without the layers. Checked on the seed article, on short articles of our own, and on arbitrary
// text, where every evidence span must also lie in the text and equal its slice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../doc/diagnostics.js';
import { documentJson } from '../doc/document.js';
import type { EventRecord, MarsadDocument, Span } from '../doc/types.js';
import { packageRoot } from '../knowledge/paths.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';
import { SUB_EVENT_TYPES } from './ontology.js';

const SEED = join(packageRoot(), '..', 'shared', 'seed', '000_c6f971c3f58e13e0.txt');
const haveSeed = existsSync(SEED);
if (!haveSeed) console.log(`output-schema: seed article test skipped — ${SEED} is absent (../shared is not shipped with marsad)`);

interface JsonSchema {
  definitions: Record<string, { enum?: unknown[] }>;
}

let schema: JsonSchema;
let validate: ValidateFunction;
let extract: Extractor;

beforeAll(() => {
  schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'document.schema.json'), 'utf8')) as JsonSchema;
  validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  extract = createExtractor();
});

/** The document as printed: JSON text read back, so undefined fields are gone as they are on the wire. */
const printed = (doc: MarsadDocument, layers: boolean) => JSON.parse(JSON.stringify(documentJson(doc, { layers }))) as unknown;

function expectValid(value: unknown) {
  const ok = validate(value);
  if (!ok) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    expect.fail(`schema errors:\n${errors.join('\n')}`);
  }
}

const inside = (text: string, s: Span) => s.start >= 0 && s.start <= s.end && s.end <= text.length;

/** Every span the document hands out is a span of its text; evidence text is the text's own slice. */
function expectSpansInside(doc: MarsadDocument) {
  const { text } = doc;
  for (const e of doc.events) {
    expect(inside(text, e.sentence)).toBe(true);
    for (const ev of e.evidence) {
      expect(inside(text, ev), `${ev.field} [${ev.start}, ${ev.end})`).toBe(true);
      expect(ev.text).toBe(text.slice(ev.start, ev.end));
    }
  }
  for (const layer of Object.values(doc.layers) as Span[][]) {
    for (const s of layer) expect(inside(text, s)).toBe(true);
  }
}

describe('the schema file', () => {
  it('lists ACLED\'s 6 event types and 25 sub-event types, as the ontology does', () => {
    expect(schema.definitions.eventType.enum).toEqual(Object.keys(SUB_EVENT_TYPES));
    expect(schema.definitions.subEventType.enum).toEqual(Object.values(SUB_EVENT_TYPES).flat());
    expect(schema.definitions.subEventType.enum).toHaveLength(25);
  });
  it('lists every diagnostic code of the catalogue', () => {
    expect(schema.definitions.diagnostic).toBeDefined();
    const codes = (schema.definitions.diagnostic as unknown as { properties: { code: { enum: string[] } } }).properties.code.enum;
    expect([...codes].sort()).toEqual(Object.keys(CATALOGUE).sort());
  });
  it('rejects a document that breaks it', () => {
    const doc = printed(extract({ id: 'x', text: 'قصفت الطائرات الحربية مدينة حلب أمس.', publishedAt: '2016-09-11' }), false) as { events: EventRecord[] };
    expect(doc.events).toHaveLength(1);
    expect(validate({ ...doc, events: [{ ...doc.events[0], subEventType: 'Bombing' }] })).toBe(false);
    expect(validate({ ...doc, events: [{ ...doc.events[0], timePrecision: 4 }] })).toBe(false);
    expect(validate({ ...doc, publishedAt: '11/09/2016' })).toBe(false);
    expect(validate({ ...doc, extra: true })).toBe(false);
  });
});

describe.skipIf(!haveSeed)('the seed article', () => {
  it('gives schema-valid output, with and without layers', () => {
    const text = readFileSync(SEED, 'utf8');
    const doc = extract({ id: 'seed', text, publishedAt: '2016-09-11' });
    expect(doc.events.length).toBeGreaterThan(0);
    expectValid(printed(doc, false));
    expectValid(printed(doc, true));
    expectSpansInside(doc);
  });
});

// Short articles written for this test (samples, not real reports).
const articles: Array<{ name: string; text: string; publishedAt: string | null }> = [
  {
    name: 'an air strike in Idlib',
    text: 'قصفت الطائرات الحربية مدينة إدلب صباح أمس، ما أسفر عن مقتل 6 مدنيين بينهم طفلان وإصابة 15 آخرين، بحسب مصادر طبية.\nوقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض.',
    publishedAt: '2016-09-11',
  },
  {
    name: 'a roadside bomb in Mosul',
    text: 'انفجرت عبوة ناسفة يوم الخميس الماضي قرب سوق شعبي في مدينة الموصل، وأسفر الانفجار عن مقتل 3 أشخاص. ولم تتبن أي جهة الهجوم حتى الآن.',
    publishedAt: '2016-09-11',
  },
  {
    name: 'arrests at a protest in Khartoum',
    text: 'اعتقلت قوات الأمن السودانية 12 متظاهرا في مدينة الخرطوم مساء أمس، خلال احتجاجات على غلاء الأسعار.',
    publishedAt: '2019-01-10',
  },
  {
    name: 'clashes in Misrata, no publication date',
    text: 'اندلعت اشتباكات عنيفة فجر اليوم بين قوات حكومة الوفاق ومسلحين في مدينة مصراتة، وقتل فيها جنديان وأصيب 4 آخرون.',
    publishedAt: null,
  },
  {
    name: 'a planned offensive and a real shelling',
    text: 'تعتزم القوات شن هجوم واسع على مدينة الحديدة الأسبوع المقبل.\nوفي الأثناء، قصفت المدفعية أحياء في مدينة تعز أمس دون وقوع إصابات.',
    publishedAt: '2018-06-02',
  },
];

describe('short articles of our own', () => {
  it.each(articles)('$name', ({ text, publishedAt }) => {
    const doc = extract({ id: 'sample', text, publishedAt });
    // each reports one event (the planned offensive is not one); what it is, the other tests check
    expect(doc.events).toHaveLength(1);
    expectValid(printed(doc, false));
    expectValid(printed(doc, true));
    expectSpansInside(doc);
  });
});

// Arbitrary text: any code point, lone surrogates, and Arabic news words that do make events.
const newsWords = [
  'قصفت', 'الطائرات', 'الحربية', 'مدينة', 'حلب', 'إدلب', 'الموصل', 'مصراتة', 'أمس', 'اليوم', 'الخميس', 'الماضي',
  'مقتل', 'قتل', 'أصيب', '5', '١٢', 'أشخاص', 'مدنيين', 'بينهم', 'أطفال', 'اشتباكات', 'بين', 'الجيش', 'وتنظيم', 'داعش',
  'انفجرت', 'عبوة', 'ناسفة', 'في', 'على', 'يعتزم', 'نفى', 'دون', 'وقوع', 'إصابات', 'عشرات', 'القتلى', 'ارتفعت',
  'حصيلة', 'إلى', 'عام', '2012', '11', 'أيلول/سبتمبر', '2016', 'غدا', 'هل', '،', '.', '؟', '\n', '"', 'ـ', '\u064e',
];
const news = fc.array(fc.constantFrom(...newsWords), { maxLength: 40 }).map((w) => w.join(' '));
// sentences that do report events, so the evidence is there to be checked
const report = fc
  .tuple(
    fc.constantFrom('قصفت الطائرات الحربية', 'شن الجيش هجوما على', 'انفجرت عبوة ناسفة في', 'اندلعت اشتباكات عنيفة في', 'اعتقلت الشرطة 12 متظاهرا في'),
    fc.constantFrom('مدينة حلب', 'مدينة إدلب', 'مدينة الموصل', 'مدينة مصراتة', 'مدينة تعز'),
    fc.constantFrom('', 'أمس', 'فجر اليوم', 'الخميس الماضي', 'في 11 أيلول/سبتمبر 2016', 'غدا'),
    fc.constantFrom('', 'ما أسفر عن مقتل 5 أشخاص', 'وقتل 3 مدنيين بينهم طفلان وأصيب 10 آخرون', 'دون وقوع إصابات', 'ولقي شخصان حتفهما'),
    fc.constantFrom('.', '،', '\n', '؟ '),
  )
  .map((p) => p.filter(Boolean).join(' '));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  news,
  fc.array(fc.oneof(report, news, fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 4 }).map((p) => p.join(' ')),
);

describe('arbitrary text', () => {
  it('gives schema-valid output whose evidence spans are slices of the text', () => {
    let events = 0;
    fc.assert(
      fc.property(anyText, fc.constantFrom(null, '2016-09-11', '2024-02-29'), (text, publishedAt) => {
        const doc = extract({ id: 'property', text, publishedAt });
        events += doc.events.length;
        expectValid(printed(doc, true));
        expectSpansInside(doc);
      }),
      { numRuns: 50 },
    );
    // the runs did put evidence to the test
    expect(events).toBeGreaterThan(0);
  });
});
