import { defineConfig } from 'vitest/config';

// `npm run test:reliability`: the runs that take minutes (SIGKILLed ingests, load while ingesting,
// inputs of many megabytes). Each test is bounded by its own timeout; files run one at a time so
// they do not compete for the two cores.
export default defineConfig({
  test: {
    include: ['src/**/*.reliability.test.ts'],
    testTimeout: 90 * 60_000, // 5,000 documents ingested twice (a clean run and a killed one) on 2 busy cores
    hookTimeout: 10 * 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
