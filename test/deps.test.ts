// What each build ships from node_modules, read from esbuild's own account of the bundles: the report a
// store reviewer asks for, and a check that the content script stays free of every library.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../build.mjs';
import { packageOf, shippedPackages } from '../scripts/deps.mjs';

describe('the shipped-dependencies report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deps-test-'));
  let shipped: ReturnType<typeof shippedPackages>;
  beforeAll(async () => {
    const metafiles: Metafile[] = [];
    await buildTarget('chrome', { outdir: join(dir, 'chrome'), zipPath: join(dir, 'chrome.zip'), metafiles });
    shipped = shippedPackages(metafiles, join(dir, 'chrome'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the package of a bundled file, scoped or not, and none for our own code', () => {
    expect(packageOf('node_modules/zod/v4/mini/schemas.js')).toBe('zod');
    expect(packageOf('node_modules/@scope/name/index.js')).toBe('@scope/name');
    expect(packageOf('src/popup/index.ts')).toBeNull();
  });

  it('lists every shipped package with its version, licence and the files that hold it', () => {
    const byName = Object.fromEntries(shipped.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['entities', 'leaflet', 'opening_hours', 'protomaps-leaflet', 'qrcode', 'webextension-polyfill', 'zod']));
    // protomaps-leaflet's flavours and PMTiles reader are left out of the build (the map uses neither).
    expect(Object.keys(byName)).not.toContain('@protomaps/basemaps');
    expect(Object.keys(byName)).not.toContain('pmtiles');
    for (const p of shipped) {
      expect(p.version, p.name).toMatch(/^\d+\.\d+\.\d+/);
      expect(p.license, p.name).not.toBe('unknown');
    }
    // Leaflet's stylesheet comes with the map, not in the popup's own.
    expect(byName.leaflet!.files).toContain('popup/map.css');
    expect(byName.leaflet!.files).not.toContain('popup/popup.css');
    expect(byName.entities!.files).toEqual(['background.js']);
  });

  it('ships no library in the content script (Amazon pages load it on every visit)', () => {
    expect(shipped.filter((p) => p.files.includes('content.js')).map((p) => p.name)).toEqual([]);
  });
});
