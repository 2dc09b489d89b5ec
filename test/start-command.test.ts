// `npm start` on a machine with no display (a server, a container): what to do instead, not a stack trace.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { findBrowser } from '../scripts/browsers.mjs';

it.runIf(process.platform === 'linux' && findBrowser('chromium'))('says what works without a display, and starts nothing', () => {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DISPLAY' && name !== 'WAYLAND_DISPLAY'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.mjs'], { encoding: 'utf8', env, timeout: 30_000 });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('There is no display here for a browser window');
  expect(run.stderr).toContain('npm start -- --headless');
  expect(run.stderr).toContain('xvfb-run npm start');
  expect(run.stderr).not.toMatch(/^\s+at /m);
}, 30_000);
