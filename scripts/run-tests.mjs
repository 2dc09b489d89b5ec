// Runs every vitest project (unit, real-page corpus, real browsers) and ends with one plain line,
// "tests: N passed, N failed, N skipped", so a log reader needs no knowledge of vitest's output.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults } = JSON.parse(readFileSync(report, 'utf8'));
  // Browser tests name their browser in their describe block: "… (chromium)", "… (firefox)".
  for (const browser of ['chromium', 'firefox']) {
    const results = testResults.flatMap((file) => file.assertionResults).filter((test) => test.ancestorTitles.some((title) => title.includes(`(${browser}`)));
    const count = (status) => results.filter((test) => test.status === status).length;
    console.log(`browser tests in ${browser}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped') + count('pending')} skipped`);
  }
  console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
}
process.exit(vitest.status ?? 1);
