// The store zips, built afresh, hold what both stores accept (src/release/store-checks.ts, the same
// checks `npm run release` runs on the release zips; test/store-checks.test.ts shows each refusing).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../build.mjs';
import { storeZipProblems } from '../src/release/store-checks';

const dir = mkdtempSync(join(tmpdir(), 'store-zips-'));
const zips: Record<string, Record<string, Uint8Array>> = {};

beforeAll(async () => {
  for (const target of ['chrome', 'firefox'] as const) {
    const zipPath = join(dir, `${target}.zip`);
    await buildTarget(target, { outdir: join(dir, target), zipPath });
    zips[target] = unzipSync(readFileSync(zipPath));
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['chrome', 'firefox'])('the %s zip', (target) => {
  it('is Manifest V3, holds every file its manifest names and every chunk its modules import, loads no code from elsewhere, and nothing more', () => {
    const files = zips[target]!;
    expect(Object.keys(files).filter((name) => name.endsWith('.html')).length).toBeGreaterThanOrEqual(3);
    expect(storeZipProblems(files)).toEqual([]);
  });
});
