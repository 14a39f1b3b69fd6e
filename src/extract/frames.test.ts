// Which trigger makes an event, and whose dead are whose. Sentences written for these tests, news-style.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const events = (text: string): EventRecord[] => extract({ id: 'frames-test', text, publishedAt: '2025-03-05' }).events;
const brief = (e: EventRecord) => ({ type: e.subEventType, place: e.location?.nameAr, killed: e.fatalities });

describe('event frames', () => {
  it.each([
    {
      text: 'شهدت مدينة صفاقس مظاهرة حاشدة رفع خلالها المشاركون شعارات مناهضة للحكومة.',
      want: [{ type: 'Peaceful protest', place: 'صفاقس', killed: 0 }],
    },
    {
      text: 'شهدت بلدة عرسال غارة جوية أسفرت عن مقتل ثلاثة رعاة.',
      want: [{ type: 'Air/drone strike', place: 'عرسال', killed: 3 }],
    },
  ])('a singular noun in ة after its place is a new event, not one told before: $want.0.type', ({ text, want }) => {
    expect(events(text).map(brief)).toEqual(want);
  });

  it('keeps a deal named with its genitive (صفقة التبادل) for one told before, not a new agreement', () => {
    const list = events('قال مسؤول في الحركة إن الاحتلال يماطل في تنفيذ صفقة التبادل، وإن الوسطاء يتابعون الأمر.');
    expect(list.filter((e) => e.subEventType === 'Agreement')).toEqual([]);
  });

  it('gives the dead a protest is about to the strike that killed them, not to the protest', () => {
    const list = events('نظم أهالي بلدة سراقب وقفة احتجاجية تنديدا بمقتل خمسة مدنيين بقصف مدفعي على البلدة أمس.');
    const protest = list.find((e) => e.eventType === 'Protests');
    const shelling = list.find((e) => e.subEventType === 'Shelling/artillery/missile attack');
    expect(protest?.fatalities).toBe(0);
    expect(shelling?.fatalities).toBe(5);
    expect(shelling?.location?.nameAr).toBe('سراقب');
  });

  it.each([
    'أقدم محتجون غاضبون على إحراق مبنى البلدية في مدينة القصرين احتجاجا على وفاة شاب خلال مطاردة أمنية.',
    'أغلق محتجون غاضبون طرقات رئيسية بإطارات مشتعلة في مدينة صفاقس تنديدا بمقتل شاب برصاص الشرطة الأسبوع الماضي.',
    'تظاهر المئات في مدينة صفاقس تنديدا بمقتل شاب برصاص الشرطة.',
  ])('does not count the death an act protests as its toll: %s', (text) => {
    const list = events(text);
    const riot = list.find((e) => e.eventType === 'Protests' || e.eventType === 'Riots');
    expect(riot).toBeDefined();
    expect(riot?.fatalities).toBe(0);
  });
});
