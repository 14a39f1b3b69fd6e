import { describe, expect, it } from 'vitest';
import { fatalityFigures } from './figures.js';

const said = (...tolls: number[]) => tolls.map((fatalities) => ({ fatalities, rule: 'casualty.killed.words' }));
const SILENT = { fatalities: 0, rule: 'fatalities.none-reported' };
const UNQUANTIFIED = { fatalities: null, rule: 'fatalities.unquantified' };

describe('fatalityFigures', () => {
  it('takes the lowest stated toll as ACLED does, with UCDP low, best and high, and flags the conflict', () => {
    expect(fatalityFigures(said(7, 5, 6))).toEqual({ fatalities: 5, low: 5, best: 6, high: 7, conflict: true, stated: 3 });
  });

  it('takes as best the toll most sources state, else the lower median', () => {
    expect(fatalityFigures(said(5, 9, 5)).best).toBe(5);
    expect(fatalityFigures(said(3, 5)).best).toBe(3);
    expect(fatalityFigures(said(2, 4, 4, 12, 12)).best).toBe(4);
  });

  it('agrees with itself when every source states the same toll', () => {
    expect(fatalityFigures(said(4, 4))).toEqual({ fatalities: 4, low: 4, best: 4, high: 4, conflict: false, stated: 2 });
  });

  it('does not let silence, or a total put on another place, count as a toll of 0', () => {
    expect(fatalityFigures([...said(5), SILENT, { fatalities: 0, rule: 'fatalities.total-on-first-place' }]))
      .toEqual({ fatalities: 5, low: 5, best: 5, high: 5, conflict: false, stated: 1 });
    // A zero with no rule behind it is silence too.
    expect(fatalityFigures([...said(5), { fatalities: 0 }]).fatalities).toBe(5);
    // A zero some rule read ("no one was killed") is a toll.
    expect(fatalityFigures([...said(5), { fatalities: 0, rule: 'casualty.none-killed' }])).toMatchObject({ fatalities: 0, high: 5, conflict: true });
  });

  it('leaves deaths without a number unknown unless another source gives one', () => {
    expect(fatalityFigures([UNQUANTIFIED, SILENT])).toEqual({ fatalities: null, low: null, best: null, high: null, conflict: false, stated: 0 });
    expect(fatalityFigures([UNQUANTIFIED, ...said(3)])).toMatchObject({ fatalities: 3, low: 3, high: 3, conflict: false });
  });

  it('is 0 throughout when no source reports a death', () => {
    expect(fatalityFigures([SILENT, SILENT])).toEqual({ fatalities: 0, low: 0, best: 0, high: 0, conflict: false, stated: 0 });
    expect(fatalityFigures([]).fatalities).toBeNull();
  });
});
