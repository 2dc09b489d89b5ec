// Mutation testing (npm run mutation): Stryker changes the pure modules one small way at a time and
// runs the unit tests that cover each change; a change no test notices is a gap in the tests. Not part
// of npm test (it takes tens of minutes on 2 cores); the CI workflow runs it weekly. Report in reports/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/book/**/*.ts',
    'src/lookup/**/*.ts',
    'src/networks/**/*.ts',
    'src/shared/**/*.ts',
    '!src/shared/browser.ts',
    'src/messages/**/*.ts',
    'src/popup/describe.ts',
    'src/content/page-watcher.ts',
    'src/content/card-place.ts',
    'src/map/vector-source.ts',
    'src/map/credits.ts',
    'src/directory/**/*.ts',
    'src/release/**/*.ts',
    'src/lists/**/*.ts',
    'src/content/list-page.ts',
    'src/background/list-service.ts',
  ],
  // Mutants in module-level constants run for every test: slow, and mostly caught or equivalent.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  // Each run keeps its results, so the next one tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
