import { describe, expect, it } from 'vitest';
import { pieces } from './spans.js';

describe('cutting text at span boundaries', () => {
  it('covers the whole text once, each piece listing the spans over it', () => {
    const text = 'قُتل خمسة مدنيين في إدلب';
    const killed = { start: 0, end: 9, kind: 'ev', name: 'fatalities' };
    const number = { start: 5, end: 9, kind: 'l-numbers' };
    const place = { start: 20, end: 24, kind: 'ev', name: 'location' };
    const p = pieces(text.length, [killed, number, place]);
    expect(p.map((x) => text.slice(x.start, x.end)).join('')).toBe(text);
    expect(p.map((x) => [text.slice(x.start, x.end), x.marks.map((m) => m.kind)])).toEqual([
      ['قُتل ', ['ev']],
      ['خمسة', ['ev', 'l-numbers']],
      [' مدنيين في ', []],
      ['إدلب', ['ev']],
    ]);
  });

  it('ignores spans outside the text or empty, instead of failing', () => {
    const p = pieces(4, [{ start: 2, end: 9, kind: 'x' }, { start: 3, end: 3, kind: 'y' }, { start: -1, end: 2, kind: 'z' }]);
    expect(p).toEqual([{ start: 0, end: 4, marks: [] }]);
  });
});
