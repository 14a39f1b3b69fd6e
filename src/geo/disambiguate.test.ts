import { describe, expect, it } from 'vitest';
import { adminHintKeys, rankCandidates } from './disambiguate.js';
import type { Place } from './types.js';

const place = (p: Partial<Place> & Pick<Place, 'id' | 'kind' | 'lat' | 'lon' | 'countryCode'>): Place => ({
  name: p.id,
  nameAr: '',
  names: [],
  population: 0,
  country: p.countryCode,
  admin1Code: '',
  admin1: '',
  admin1Ar: '',
  source: 'test',
  ...p,
});

const tripoliLy = place({ id: 'ly', kind: 'capital', lat: 32.89, lon: 13.19, countryCode: 'LY', population: 1150989, admin1: 'Tripoli', admin1Ar: 'طرابلس' });
const tripoliLb = place({ id: 'lb', kind: 'city', lat: 34.43, lon: 35.84, countryCode: 'LB', population: 229398, seat: 1, admin1: 'North Lebanon', admin1Ar: 'لبنان الشمالي' });
const doumaRif = place({ id: 'douma', kind: 'village', lat: 33.57, lon: 36.40, countryCode: 'SY', admin1: 'Rif Dimashq', admin1Ar: 'ريف دمشق', admin2Ar: 'منطقة دوما' });
const doumaHama = place({ id: 'duma-hama', kind: 'village', lat: 35.34, lon: 37.0, countryCode: 'SY', admin1: 'Hama', admin1Ar: 'حماة', population: 3000 });

describe('rankCandidates', () => {
  it('follows the article country: Tripoli of Lebanon in a Lebanese context', () => {
    expect(rankCandidates([tripoliLy, tripoliLb], { countryHint: ['LB'] })[0].place.id).toBe('lb');
    expect(rankCandidates([tripoliLy, tripoliLb], { countryHint: ['LY'] })[0].place.id).toBe('ly');
  });

  it('prefers the larger place when nothing else is known', () => {
    const [best] = rankCandidates([tripoliLb, tripoliLy]);
    expect(best.place.id).toBe('ly');
    expect(best.reasons).toEqual(['prior:capital +2', 'pop:1150989 +2']);
  });

  it('uses the administrative context as written (ريف دمشق، محافظة حماة، ريف حماة الشمالي)', () => {
    expect(rankCandidates([doumaHama, doumaRif], { adminHint: 'ريف دمشق' })[0].place.id).toBe('douma');
    expect(rankCandidates([doumaRif, doumaHama], { adminHint: 'محافظة حماة' })[0].place.id).toBe('duma-hama');
    const [best] = rankCandidates([doumaRif, doumaHama], { adminHint: 'ريف حماة الشمالي' });
    expect(best.place.id).toBe('duma-hama');
    expect(best.reasons[0]).toBe('admin1:Hama +3');
    expect(rankCandidates([doumaHama, doumaRif], { adminHint: 'منطقة دوما' })[0].reasons[0]).toBe('admin2:منطقة دوما +4');
  });

  it('ranks the region named as written over the one its name contains (ريف دمشق, not دمشق)', () => {
    const inDamascus = place({ id: 'qaboun', kind: 'village', lat: 33.54, lon: 36.32, countryCode: 'SY', admin1: 'Damascus', admin1Ar: 'دمشق' });
    const ranked = rankCandidates([inDamascus, doumaRif], { adminHint: 'ريف دمشق' });
    expect(ranked.map((r) => r.reasons[0])).toEqual(['admin1:Rif Dimashq +4', 'admin1:Damascus +3']);
  });

  it('prefers places near the others named in the article', () => {
    const ranked = rankCandidates([doumaHama, doumaRif], { nearby: [{ lat: 33.51, lon: 36.29 }] });
    expect(ranked[0].place.id).toBe('douma');
    expect(ranked[0].reasons).toContain('near:12km +3');
  });

  it('takes a kind hint (the text said محافظة, مخيم...)', () => {
    const region = place({ id: 'region', kind: 'admin1', lat: 32.7, lon: 13.5, countryCode: 'LY' });
    expect(rankCandidates([tripoliLy, region], { kindHint: 'admin' })[0].place.id).toBe('region');
    expect(rankCandidates([tripoliLy, region])[0].place.id).toBe('ly');
  });

  it('is deterministic on ties and handles no candidates', () => {
    const a = place({ id: 'a', kind: 'village', lat: 1, lon: 1, countryCode: 'YE' });
    const b = place({ id: 'b', kind: 'village', lat: 2, lon: 2, countryCode: 'YE' });
    expect(rankCandidates([b, a]).map((r) => r.place.id)).toEqual(['a', 'b']);
    expect(rankCandidates([])).toEqual([]);
  });
});

describe('adminHintKeys', () => {
  it('offers the hint with and without admin and direction words', () => {
    expect(adminHintKeys('ريف حلب الغربي')).toEqual(['ريف حلب غربي', 'حلب']);
    expect(adminHintKeys('محافظة إدلب')).toEqual(['محافظه ادلب', 'ادلب']);
    expect(adminHintKeys('ريف دمشق')).toEqual(['ريف دمشق', 'دمشق']);
  });
});
