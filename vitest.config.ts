import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/*.test.ts'],
          // jsdom takes seconds to parse a 3 MB Amazon page on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        // Real Chromium and Firefox driving the production build in dist/ (npm test builds it first).
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
