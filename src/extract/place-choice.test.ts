// Where a place name begins and ends, and which of its namesakes it means. Sentences written for these tests, news-style.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../doc/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { Extractor } from '../pipeline/types.js';

let extract: Extractor;
beforeAll(() => {
  extract = createExtractor();
});

const events = (text: string): EventRecord[] => extract({ id: 'place-choice-test', text, publishedAt: '2025-06-12' }).events;

describe('place name boundaries and namesakes', () => {
  it('takes a place word with the article for no cue: "الطريق بدورية" names no road of Dori', () => {
    const list = events('انفجرت عبوة ناسفة زرعت على جانب الطريق بدورية للجيش اللبناني في بلدة عرسال، ما أدى إلى إصابة جنديين.');
    expect(list.map((e) => e.location?.nameAr)).toEqual(['عرسال']);
    expect(list[0].location?.countryCode).toBe('LB');
    expect(list[0].injured).toBe(2);
  });

  it.each([
    {
      why: 'a village the gazetteer lacks, whose first word is a city abroad',
      text: 'سيطرت حركة الشباب على قرية بولو بوردي في إقليم هيران وسط الصومال بعد انسحاب القوات الحكومية منها.',
      not: 'بولو', country: 'SO',
    },
    {
      why: 'a port the gazetteer lacks, whose first word is a hamlet elsewhere in the country',
      text: 'استهدفت غارات جوية فجر الاثنين ميناء رأس عيسى في محافظة الحديدة غربي اليمن.',
      not: 'رأس', country: 'YE',
    },
  ])('does not take the first word of a longer unknown name for the place: $why', ({ text, not, country }) => {
    const list = events(text);
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) {
      expect(e.location?.nameAr).not.toBe(not);
      expect(e.location?.countryCode).toBe(country);
    }
  });

  it.each([
    { text: 'هاجم مستوطنون بلدة حوارة بالضفة الغربية وأحرقوا سيارات.', place: 'حوارة' },
    { text: 'قصفت الطائرات بلدة كفرنبل أمس وقتل مدنيان.', place: 'كفرنبل' },
  ])('still ends a name where a known word, a preposition with the article or a conjunction follows: $place', ({ text, place }) => {
    expect(events(text).map((e) => e.location?.nameAr)).toContain(place);
  });

  it.each([
    { text: 'قتل عنصران من الشرطة بهجوم مسلح على نقطة تفتيش في قضاء الطارمية شمالي بغداد فجر اليوم.', place: 'الطارمية' },
    { text: 'سقطت قذائف على بلدة كفرنبل جنوب مدينة إدلب وأصيب ثلاثة مدنيين.', place: 'كفرنبل' },
  ])('takes a bearing straight after a place for where that place lies, not for a second event: $place', ({ text, place }) => {
    const list = events(text);
    expect(list.map((e) => e.location?.nameAr)).toEqual([place]);
  });

  it('reads a name after العاصمة as the capital, not the country of that name ("العاصمة عمان" is Amman)', () => {
    const list = events('نظم العشرات من الأطباء وقفة احتجاجية أمام وزارة الصحة في العاصمة عمان للمطالبة بتحسين ظروف العمل.');
    expect(list.map((e) => [e.subEventType, e.location?.countryCode, e.location?.kind])).toEqual([['Peaceful protest', 'JO', 'capital']]);
  });

  it.each([
    { text: 'أعلنت السلطات الليبية في طرابلس فرض حظر تجول ليلي بعد مواجهات بين مجموعات مسلحة.', country: 'LY' },
    { text: 'وقعت الحكومة السودانية وحركة مسلحة اتفاقا لوقف إطلاق النار في جوبا أمس.', country: 'SS' },
    { text: 'خرجت مظاهرة حاشدة في مدينة عدن ضد انقطاع الكهرباء، ورفع المشاركون شعارات تندد بالجيش السوري.', country: 'YE' },
    { text: 'سقط صاروخ أطلقه الحوثيون قرب مطار مدينة الرياض فجر اليوم دون وقوع إصابات.', country: 'SA' },
  ])('takes the big city a name means over a namesake hamlet, and a country adjective breaks a tie: $country', ({ text, country }) => {
    const list = events(text);
    expect(list.length).toBeGreaterThan(0);
    expect(list[0].location?.countryCode).toBe(country);
  });

  it('keeps the event of an article that names only its country (a village the gazetteer lacks), at the country, geo-precision 3', () => {
    const list = events('داهمت قوات الأمن البحرينية فجر اليوم منازل في قرية الدراز واعتقلت خمسة شبان، بحسب ناشطين.');
    expect(list.map((e) => [e.subEventType, e.location?.countryCode, e.location?.geoPrecision, e.rules.location])).toEqual([
      ['Arrests', 'BH', 3, 'location.article-main-place'],
    ]);
  });
});
