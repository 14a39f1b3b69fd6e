// How many reader threads `marsad serve` gives a SQLite store: MARSAD_READ_THREADS, else one a core (at most 4).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readThreadsFromEnv } from './server-deps.js';

describe('reader threads of the server', () => {
  it('are one a core, at most 4, unless MARSAD_READ_THREADS says otherwise (0: reads on the server thread)', () => {
    expect(readThreadsFromEnv({})).toBe(Math.min(4, availableParallelism()));
    expect(readThreadsFromEnv({ MARSAD_READ_THREADS: '' })).toBe(Math.min(4, availableParallelism()));
    expect(readThreadsFromEnv({ MARSAD_READ_THREADS: '0' })).toBe(0);
    expect(readThreadsFromEnv({ MARSAD_READ_THREADS: '6' })).toBe(6);
  });

  it('refuses a value that is not a whole number ≥ 0', () => {
    for (const v of ['-1', '1.5', 'two']) expect(() => readThreadsFromEnv({ MARSAD_READ_THREADS: v })).toThrow(/MARSAD_READ_THREADS/);
  });
});
