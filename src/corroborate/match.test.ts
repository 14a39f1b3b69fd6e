import { describe, expect, it } from 'vitest';
import { typeCompatibility } from './compatibility.js';
import type { EventRecord } from '../doc/types.js';
import { factsOfRecord, matchReports, type ReportFacts } from './match.js';

// Kafr Nabl and Saraqib (Idlib, Syria), about 30 km apart; Hass is 4 km from Kafr Nabl.
const KAFR_NABL = { country: 'Syria', countryCode: 'SY', admin1: 'Idlib', admin2: "Al Ma'ra", lat: 35.6138, lon: 36.5645, geoPrecision: 1 as const, gazetteerId: 'gn:168661' };
const HASS = { ...KAFR_NABL, lat: 35.6345, lon: 36.5988, gazetteerId: 'gn:170000' };
const SARAQIB = { country: 'Syria', countryCode: 'SY', admin1: 'Idlib', admin2: 'Idleb', lat: 35.8645, lon: 36.8059, geoPrecision: 1 as const, gazetteerId: 'gn:164816' };

function facts(p: Partial<ReportFacts> = {}): ReportFacts {
  return {
    subEventType: 'Air/drone strike', location: KAFR_NABL, date: '2024-03-12', timePrecision: 1, published: ['2024-03-12'],
    actors: [{ id: 'russia-military', inter: 8 }, { id: 'generic-civilians', inter: 7 }], fatalities: 5, injured: 8, ...p,
  };
}
const rules = (r: ReturnType<typeof matchReports>) => r.reasons.map((x) => x.rule);

describe('matchReports', () => {
  it('joins two tellings of one strike with different tolls, publications and wording', () => {
    const r = matchReports(facts(), facts({ fatalities: 7, injured: null, published: ['2024-03-13'] }));
    expect(r.same).toBe(true);
    expect(r.veto).toBeNull();
    expect(rules(r)).toEqual(['type.same', 'place.same-gazetteer-id', 'date.same-day', 'actors.same-id']);
  });

  it('keeps the same town two days apart as two events', () => {
    const r = matchReports(facts(), facts({ date: '2024-03-14' }));
    expect(r).toMatchObject({ same: false, veto: 'date.too-far' });
  });

  it('keeps the same day in two towns as two events', () => {
    const r = matchReports(facts(), facts({ location: SARAQIB }));
    expect(r).toMatchObject({ same: false, veto: 'place.too-far' });
  });

  it('accepts an adjacent day and a neighbouring place within a few km', () => {
    const r = matchReports(facts(), facts({ date: '2024-03-13', location: HASS }));
    expect(r.same).toBe(true);
    expect(rules(r)).toContain('date.adjacent-day');
    expect(rules(r)).toContain('place.within-5km');
  });

  it('reads shelling and an air strike as one event, a protest and an air strike never', () => {
    expect(typeCompatibility('Air/drone strike', 'Shelling/artillery/missile attack')).toBeGreaterThan(0);
    expect(matchReports(facts(), facts({ subEventType: 'Shelling/artillery/missile attack' })).same).toBe(true);
    expect(matchReports(facts(), facts({ subEventType: 'Peaceful protest' })).veto).toBe('type.incompatible');
  });

  it('matches a low-precision report to a town of its second-level region', () => {
    const region = { ...KAFR_NABL, name: 'ريف إدلب', lat: 35.9, lon: 36.7, geoPrecision: 3 as const, gazetteerId: null };
    const r = matchReports(facts(), facts({ location: region }));
    expect(r.same).toBe(true);
    expect(rules(r)).toContain('place.same-admin2');
    // The same point in another region at precision 1 is not enough.
    expect(matchReports(facts(), facts({ location: { ...region, geoPrecision: 1 } })).same).toBe(false);
  });

  it('dates an undated report by its publication: the day of a dated event or the next, never before it', () => {
    for (const published of ['2024-03-12', '2024-03-13']) {
      const close = matchReports(facts(), facts({ date: null, published: [published] }));
      expect(close.same, published).toBe(true);
      expect(rules(close)).toContain('date.publication-close');
    }
    // Two days after: as likely a strike two days before, same town, same toll (corroborator.test.ts).
    for (const published of ['2024-03-14', '2024-03-11', '2024-03-20']) {
      expect(matchReports(facts(), facts({ date: null, published: [published] })).veto, published).toBe('date.publication-far');
    }
    // A dated event given by its week: a publication within the week, and a second agreement.
    const weekly = facts({ date: '2024-03-10', timePrecision: 2 });
    const r = matchReports(weekly, facts({ date: null, published: ['2024-03-14'] }));
    expect(rules(r)).toContain('date.within-precision');
    expect(r.same).toBe(true);
  });

  it('compares two undated reports by their publications, two days apart at most', () => {
    const undated = (published: string) => facts({ date: null, published: [published] });
    const close = matchReports(undated('2024-03-12'), undated('2024-03-14'));
    expect(close.same).toBe(true);
    expect(rules(close)).toContain('date.publication-close');
    expect(matchReports(undated('2024-03-12'), undated('2024-03-15')).veto).toBe('date.publication-far');
  });

  it('reads a date the extractor took from the publication as no date of the event', () => {
    const record = {
      subEventType: 'Air/drone strike', location: null, date: '2024-03-12', timePrecision: 2, actor1: null, actor2: null,
      fatalities: 5, injured: null, rules: { date: 'date.publication' },
    } as unknown as EventRecord;
    expect(factsOfRecord(record, '2024-03-12')).toMatchObject({ date: null, timePrecision: 1, published: ['2024-03-12'] });
    expect(factsOfRecord({ ...record, rules: { date: 'date.relative.0' } }, '2024-03-12')).toMatchObject({ date: '2024-03-12', timePrecision: 2 });
    // No publication given beside it: the record's date is the publication.
    expect(factsOfRecord(record, null).published).toEqual(['2024-03-12']);
  });

  it('asks for a second agreement when nothing dates one side', () => {
    const undated = facts({ date: null, published: [], actors: [], fatalities: null, injured: null });
    expect(matchReports(facts(), undated).veto).toBe('date.unknown-uncorroborated');
    expect(matchReports(facts(), { ...undated, date: '2024-03-14', timePrecision: 2 }).veto).toBe('date.within-precision-uncorroborated');
    expect(matchReports(facts(), { ...undated, fatalities: 5 }).same).toBe(true);
  });

  it('rules out two fully named, irreconcilable pairs of sides, and only lowers the score otherwise', () => {
    const battle = facts({ subEventType: 'Armed clash', actors: [{ id: 'hts', inter: 2 }, { id: 'syria-military-2000', inter: 1 }] });
    const other = facts({ subEventType: 'Armed clash', actors: [{ id: 'sdf', inter: 2 }, { id: 'turkey-military', inter: 8 }] });
    expect(matchReports(battle, other).veto).toBe('actors.contradiction');
    const swapped = facts({ subEventType: 'Armed clash', actors: [{ id: 'syria-military-2000', inter: 1 }, { id: 'hts', inter: 2 }] });
    expect(matchReports(battle, swapped).same).toBe(true);
    const partial = matchReports(facts(), facts({ actors: [{ id: 'syria-military-2000', inter: 1 }] }));
    expect(rules(partial)).toContain('actors.disagree');
    expect(partial.same).toBe(true);
  });

  it('never joins reports from two countries or a report without a place', () => {
    expect(matchReports(facts(), facts({ location: { ...KAFR_NABL, countryCode: 'LB', country: 'Lebanon' } })).veto).toBe('place.other-country');
    expect(matchReports(facts(), facts({ location: null })).veto).toBe('place.missing');
  });

  it('is symmetric', () => {
    const a = facts();
    const b = facts({ date: '2024-03-13', location: HASS, fatalities: 9, subEventType: 'Shelling/artillery/missile attack' });
    expect(matchReports(a, b)).toEqual({ ...matchReports(b, a), reasons: expect.any(Array) });
    expect(matchReports(a, b).score).toBe(matchReports(b, a).score);
  });
});
