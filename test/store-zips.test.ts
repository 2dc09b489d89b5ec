// The store zips, built afresh, hold what both stores accept: Manifest V3, every file the manifest
// names, no remote code (every script and stylesheet a file of the package, no inline script), every
// chunk a module imports present, and nothing the stores do not need (sources, maps, dotfiles).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../build.mjs';

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

interface Manifest {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_popup?: string };
  options_ui?: { page?: string };
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ js?: string[]; css?: string[] }>;
}

/** The package files a manifest names (icons, scripts, pages). */
function filesNamed(manifest: Manifest): string[] {
  return [
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]),
  ].filter((file): file is string => typeof file === 'string');
}

describe.each(['chrome', 'firefox'])('the %s zip', (target) => {
  const files = () => zips[target]!;
  const text = (name: string) => strFromU8(files()[name]!);

  it('is Manifest V3 and holds every file its manifest names', () => {
    const manifest = JSON.parse(text('manifest.json'));
    expect(manifest.manifest_version).toBe(3);
    for (const name of filesNamed(manifest)) expect(files(), name).toHaveProperty([name]);
  });

  it('loads no code from elsewhere: every script and stylesheet of its pages is a file in it, and no script is inline', () => {
    const pages = Object.keys(files()).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const html = text(page);
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      for (const [, ref] of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/gi)) {
        expect(ref, `${page} → ${ref}`).not.toMatch(/^(?:[a-z]+:)?\/\//i);
        expect(files(), `${page} → ${ref}`).toHaveProperty([posix.join(posix.dirname(page), ref!)]);
      }
    }
  });

  it('has every chunk its modules import, and imports nothing from the network', () => {
    for (const name of Object.keys(files()).filter((file) => file.endsWith('.js'))) {
      const code = text(name);
      expect(code, name).not.toMatch(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](?:[a-z]+:)?\/\//i);
      for (const [, spec] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']([^"',\s]+\.js)["']/g)) {
        expect(spec, `${name} imports ${spec}`).toMatch(/^\.\.?\//);
        expect(files(), `${name} imports ${spec}`).toHaveProperty([posix.join(posix.dirname(name), spec!)]);
      }
    }
  });

  it('holds nothing the stores do not need', () => {
    const extras = Object.keys(files()).filter((name) => /\.(?:ts|map|mjs|md)$|(?:^|\/)\.|node_modules/.test(name));
    expect(extras).toEqual([]);
  });
});
