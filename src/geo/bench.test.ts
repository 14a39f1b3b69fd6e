import { describe, expect, it } from 'vitest';
import { benchGazetteer } from './bench.js';

// Shape only: timings depend on the machine and are read from `npm run bench`, not asserted.
describe('benchGazetteer', () => {
  it('reports load time, memory and lookup rate', () => {
    const r = benchGazetteer(undefined, {}, 50);
    expect(r.places).toBeGreaterThan(50000);
    for (const v of [r.loadMs, r.lookupsPerSec]) expect(v).toBeGreaterThan(0);
    expect(Number.isFinite(r.rssMb) && Number.isFinite(r.heapMb)).toBe(true);
  });
});
