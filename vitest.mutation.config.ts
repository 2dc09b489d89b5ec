// The unit tests Stryker runs against each mutant: those that exercise the pure modules. Tests that
// build the extension or spawn processes (store zips, dependencies, campaign builds, the detect command)
// cover no mutant from inside this process and only slow each run down.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/*.test.ts'],
    exclude: [
      'test/store-zips.test.ts',
      'test/deps.test.ts',
      'test/campaign.test.ts',
      'test/detect-cli.test.ts',
      'test/store-listing.test.ts',
      'test/manifest.test.ts',
      'test/release-command.test.ts',
      'test/amo-signing.test.ts',
      'test/chrome-web-store.test.ts',
    ],
    testTimeout: 30_000,
  },
});
