// The store zips, built afresh, hold what both stores accept (src/release/store-checks.ts, the same
// checks `npm run release` runs on the release zips); and each check refuses the package it is for.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
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

describe('the store checks refuse', () => {
  /** The Chrome zip with some files changed (a string) or removed (null). */
  const changed = (changes: Record<string, string | null>) => {
    const files = { ...zips.chrome! };
    for (const [name, text] of Object.entries(changes)) {
      if (text === null) delete files[name];
      else files[name] = strToU8(text);
    }
    return storeZipProblems(files);
  };
  const manifest = () => JSON.parse(new TextDecoder().decode(zips.chrome!['manifest.json']));

  it.each([
    ['Manifest V2', () => changed({ 'manifest.json': JSON.stringify({ ...manifest(), manifest_version: 2 }) }), 'manifest_version is 2, not 3'],
    ['a named file that is missing', () => changed({ 'icons/icon-48.png': null }), 'the manifest names icons/icon-48.png, which is not in the package'],
    ['an inline script', () => changed({ 'privacy/privacy.html': '<html><script>alert(1)</script></html>' }), 'privacy/privacy.html has an inline script'],
    ['a script from the network', () => changed({ 'privacy/privacy.html': '<script src="https://cdn.example/x.js"></script>' }), 'privacy/privacy.html loads https://cdn.example/x.js from the network'],
    ['a stylesheet that is not there', () => changed({ 'privacy/privacy.html': '<link rel="stylesheet" href="gone.css">' }), 'privacy/privacy.html loads gone.css, which is not in the package'],
    ['an import from the network', () => changed({ 'extra.js': 'import("https://cdn.example/x.js")' }), 'extra.js imports code from the network'],
    ['an imported chunk that is missing', () => changed({ 'extra.js': 'import { a } from "./chunks/gone.js"' }), 'extra.js imports ./chunks/gone.js, which is not in the package'],
    ['sources and maps', () => changed({ 'src/index.ts': 'x', 'popup/popup.js.map': '{}' }), 'files the stores do not need: popup/popup.js.map, src/index.ts'],
  ])('%s', (_what, problems, expected) => {
    expect(problems()).toContain(expected);
  });
});
