import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isArabicScript, isLatinScript, keyTokens, placeKey } from './keys.js';

describe('placeKey', () => {
  it('folds the spellings news uses for one Arabic name', () => {
    const same = (...names: string[]) => expect(new Set(names.map(placeKey)).size).toBe(1);
    same('البويرات', 'بويرات', 'البويرات'); // with and without ال
    same('مصراتة', 'مصراته', 'مُصْرَاتَة'); // ة/ه, diacritics
    same('أبو قرين', 'ابو قرين', 'إبو قرين', 'أبو  قرين'); // hamza seats, spaces
    same('القداحية', 'القداحيه', 'قداحية');
    same('صنعاء', 'صنعاء'); // tatweel
    same('سرت', 'ﺳﺮﺕ'); // presentation forms
  });

  it('drops ال per word when two letters or more remain', () => {
    expect(placeKey('بويرات الحسون')).toBe('بويرات حسون');
    expect(placeKey('ريف دمشق')).toBe('ريف دمشق');
    expect(placeKey('الم')).toBe('الم');
    expect(placeKey('القدس')).toBe('قدس');
  });

  it('keeps only letters, digits and single spaces', () => {
    expect(placeKey('القداحية- زمزم')).toBe('قداحيه زمزم');
    expect(placeKey('  «سرت»، ')).toBe('سرت');
    expect(placeKey('الحي رقم ٣')).toBe('حي رقم 3');
    expect(placeKey('!!')).toBe('');
  });

  it('lower-cases Latin, strips its marks and leading articles', () => {
    expect(placeKey('Mişrātah')).toBe('misratah');
    expect(placeKey('Buwayrat al-Hasun')).toBe('buwayrat hasun');
    expect(placeKey('Buwayrat al Hasun')).toBe('buwayrat hasun');
    expect(placeKey('Al-Washkah')).toBe('washkah');
    expect(placeKey('Deir ez-Zor')).toBe('deir zor');
    expect(placeKey('Ra’s al Khaymah')).toBe('ras khaymah');
    expect(placeKey('Şanlıurfa')).toBe('sanliurfa');
    expect(placeKey('As')).toBe('as'); // an article alone is a word
  });

  it('is deterministic and yields keys of the documented shape', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const k = placeKey(s);
        expect(placeKey(s)).toBe(k);
        expect(k).toBe(k.trim());
        expect(k).not.toMatch(/ {2}/);
        expect(k).toMatch(/^[\p{L}\p{N} ]*$/u);
      }),
    );
  });

  it('does not care about ة/ه, ى/ي, أ/ا or the article in Arabic words', () => {
    const letters = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
    const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(placeKey(`ال${a}`)).toBe(placeKey(a));
        expect(placeKey(`${a}ة ${b}`)).toBe(placeKey(`${a}ه ${b}`));
        expect(placeKey(`${a}ى`)).toBe(placeKey(`${a}ي`));
        expect(placeKey(`أ${a}`)).toBe(placeKey(`ا${a}`));
      }),
    );
  });
});

describe('scripts and tokens', () => {
  it('tells Arabic from Latin script', () => {
    expect(isArabicScript('مصراتة')).toBe(true);
    expect(isArabicScript('Misrata')).toBe(false);
    expect(isLatinScript('Mişrātah')).toBe(true);
    expect(isLatinScript('Мисрата')).toBe(false);
    expect(isLatinScript('123')).toBe(false);
  });

  it('counts the words of a key', () => {
    expect(keyTokens('')).toBe(0);
    expect(keyTokens('بويرات حسون')).toBe(2);
  });
});
