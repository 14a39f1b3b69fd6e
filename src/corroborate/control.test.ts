import { describe, expect, it } from 'vitest';
import { controlAt, controlTimeline, controlTimelines, type ControlEvent } from './control.js';

const GOV = { name: 'Military Forces of Syria', nameAr: 'القوات الحكومية', id: 'SYR-MIL', inter: 1 };
const HTS = { name: 'Hayat Tahrir al-Sham', nameAr: 'هيئة تحرير الشام', id: 'HTS', inter: 2 };
const SDF = { name: 'Syrian Democratic Forces', nameAr: 'قسد', id: 'SDF', inter: 2 };

type A = typeof GOV | null;

function ev(id: string, date: string | null, subEventType: string, a1: A, a2: A = null, articleId = `art_${id}`): ControlEvent {
  return {
    id, eventDate: date, subEventType, articleId,
    actor1: a1?.name ?? null, actor1Ar: a1?.nameAr ?? null, actor1Id: a1?.id ?? null, inter1: a1?.inter ?? null,
    actor2: a2?.name ?? null, actor2Ar: a2?.nameAr ?? null, actor2Id: a2?.id ?? null, inter2: a2?.inter ?? null,
    evidence: [
      { field: 'eventType', start: 0, end: 5, text: 'سيطرة', ruleId: 'trigger.control' },
      { field: 'actor1', start: 6, end: 12, text: 'الفصائل', ruleId: 'actor.dictionary' },
      { field: 'fatalities', start: 20, end: 25, text: 'مقتل', ruleId: 'casualty' },
    ],
  };
}

const OVERTAKES = 'Non-state actor overtakes territory';
const REGAINS = 'Government regains territory';
const TRANSFER = 'Non-violent transfer of territory';

describe('controlTimeline', () => {
  it('opens a period at each change of holder and closes the one before on that day', () => {
    const t = controlTimeline([
      ev('e1', '2024-01-10', OVERTAKES, HTS, GOV),
      ev('e2', '2024-03-01', REGAINS, GOV, HTS),
      ev('e3', '2024-06-15', TRANSFER, SDF, GOV),
    ]);
    expect(t.map((p) => [p.from, p.to, p.holder.id, p.previousHolder?.id ?? null, p.eventId])).toEqual([
      ['2024-01-10', '2024-03-01', 'HTS', 'SYR-MIL', 'e1'],
      ['2024-03-01', '2024-06-15', 'SYR-MIL', 'HTS', 'e2'],
      ['2024-06-15', null, 'SDF', 'SYR-MIL', 'e3'],
    ]);
    expect(t[0].holder).toEqual({ name: HTS.name, nameAr: HTS.nameAr, id: 'HTS', inter: 2 });
  });

  it('keeps only the evidence that says who, where and when, with its article', () => {
    const [p] = controlTimeline([ev('e1', '2024-01-10', OVERTAKES, HTS, GOV)]);
    expect(p.evidence).toEqual([
      { articleId: 'art_e1', eventId: 'e1', field: 'eventType', start: 0, end: 5, text: 'سيطرة' },
      { articleId: 'art_e1', eventId: 'e1', field: 'actor1', start: 6, end: 12, text: 'الفصائل' },
    ]);
  });

  it('sorts its input, merges a repeated holder into one period and falls back to the last holder as the loser', () => {
    const t = controlTimeline([
      ev('e3', '2024-05-01', REGAINS, GOV),
      ev('e2', '2024-02-01', OVERTAKES, HTS),
      ev('e1', '2024-01-01', OVERTAKES, HTS, GOV),
    ]);
    expect(t).toHaveLength(2);
    expect(t[0]).toMatchObject({ from: '2024-01-01', to: '2024-05-01', eventId: 'e1', eventIds: ['e1', 'e2'] });
    expect(t[0].evidence.map((v) => v.eventId)).toEqual(['e1', 'e1', 'e2', 'e2']);
    // e3 names no loser: the holder before it lost the place.
    expect(t[1].previousHolder?.id).toBe('HTS');
    expect(controlTimeline([ev('e1', '2024-01-01', OVERTAKES, HTS)])[0].previousHolder).toBeNull();
  });

  it('ignores undated events, events without actor1 and other sub-event types', () => {
    const t = controlTimeline([
      ev('a', null, OVERTAKES, HTS),
      ev('b', '2024-01-01', REGAINS, null, HTS),
      ev('c', '2024-01-02', 'Armed clash', GOV, HTS),
    ]);
    expect(t).toEqual([]);
  });

  it('tells actors apart by name when they have no id', () => {
    const x = { ...HTS, id: null as unknown as string };
    const y = { ...SDF, id: null as unknown as string };
    const t = controlTimeline([ev('e1', '2024-01-01', OVERTAKES, x), ev('e2', '2024-01-05', TRANSFER, y), ev('e3', '2024-01-09', TRANSFER, y)]);
    expect(t.map((p) => p.holder.name)).toEqual([HTS.name, SDF.name]);
  });
});

describe('controlAt', () => {
  const timelines = controlTimelines([
    { ...ev('e1', '2024-01-10', OVERTAKES, HTS, GOV), placeId: 'gz:a' },
    { ...ev('e2', '2024-03-01', REGAINS, GOV, HTS), placeId: 'gz:a' },
    { ...ev('e3', '2024-02-01', TRANSFER, SDF, GOV), placeId: 'gz:b' },
    { ...ev('e4', '2024-02-01', TRANSFER, SDF, GOV), placeId: null },
    { ...ev('e5', '2024-02-01', 'Armed clash', SDF, GOV), placeId: 'gz:c' },
  ]);

  it('groups by place and leaves out places without a timeline', () => {
    expect([...timelines.keys()].sort()).toEqual(['gz:a', 'gz:b']);
  });

  it('gives the holder whose period covers the date (from inclusive, to exclusive)', () => {
    const at = (d: string) => Object.fromEntries([...controlAt(timelines, d)].map(([k, p]) => [k, p.holder.id]));
    expect(at('2024-01-09')).toEqual({});
    expect(at('2024-01-10')).toEqual({ 'gz:a': 'HTS' });
    expect(at('2024-02-29')).toEqual({ 'gz:a': 'HTS', 'gz:b': 'SDF' });
    expect(at('2024-03-01')).toEqual({ 'gz:a': 'SYR-MIL', 'gz:b': 'SDF' });
    expect(at('2030-01-01')).toEqual({ 'gz:a': 'SYR-MIL', 'gz:b': 'SDF' });
  });
});
