import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // The long reliability runs (crash, load, large inputs) have their own config: vitest.reliability.config.ts.
    exclude: ['**/node_modules/**', '**/dist/**', '**/*.reliability.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
