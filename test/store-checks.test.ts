// Each of the stores' package checks (src/release/store-checks.ts) refuses the package it is for, on a
// small package written here in the shape of ours (a worker, a content script, a popup with a module
// that imports a chunk), and lets that package through.
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { storeZipProblems } from '../src/release/store-checks';

const MANIFEST = {
  manifest_version: 3,
  icons: { 48: 'icons/icon-48.png' },
  action: { default_icon: { 16: 'icons/toolbar-16.png' }, default_popup: 'popup/popup.html' },
  options_ui: { page: 'options/options.html' },
  background: { service_worker: 'background.js' },
  content_scripts: [{ js: ['content.js'], css: ['content.css'] }],
};
const PACKAGE: Record<string, string> = {
  'manifest.json': JSON.stringify(MANIFEST),
  'icons/icon-48.png': 'png',
  'icons/toolbar-16.png': 'png',
  'background.js': 'self.addEventListener("install",()=>{});',
  'content.js': '(()=>{})();',
  'content.css': ':host{all:initial}',
  'popup/popup.html': '<!doctype html><link rel="stylesheet" href="popup.css"><script type="module" src="popup.js"></script>',
  'popup/popup.css': 'body{margin:0}',
  // esbuild's minified imports (no spaces), a lazy chunk, and a chunk importing its sibling.
  'popup/popup.js': 'import{a as o}from"../chunks/chunk-A.js";import("../chunks/map-B.js");',
  'chunks/chunk-A.js': 'export const a=1;',
  'chunks/map-B.js': 'import{c}from"./chunk-C.js";export{};',
  'chunks/chunk-C.js': 'export const c="<script>";',
  // A plugin's chunk whose name holds ".map" and ".md" without being a source map or a text.
  'chunks/leaflet.maplibre.md5.js': 'export{};',
  'options/options.html': '<!doctype html><script type="module" src="options.js"></script>',
  // Hand-written spacing, as a module may be too.
  'options/options.js': 'import { a } from "../chunks/chunk-A.js"; import ( "../chunks/map-B.js" );',
  // Words that mention an address after "from": data, not an import.
  '_locales/en/messages.json': '{"credit":{"message":"Map data from \'https://www.openstreetmap.org\'"}}',
};

/** The package with some files changed (a string) or removed (null). */
function problems(changes: Record<string, string | null> = {}): string[] {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries({ ...PACKAGE, ...changes })) if (text !== null) files[name] = strToU8(text);
  return storeZipProblems(files);
}

describe('the store checks', () => {
  it('let a package through that has everything and nothing more', () => {
    expect(problems()).toEqual([]);
  });

  it.each([
    ['no manifest', { 'manifest.json': null }, 'manifest.json is missing'],
    ['Manifest V2', { 'manifest.json': JSON.stringify({ ...MANIFEST, manifest_version: 2 }) }, 'manifest_version is 2, not 3'],
    ['an icon the manifest names and the package lacks', { 'icons/icon-48.png': null }, 'the manifest names icons/icon-48.png, which is not in the package'],
    ['the toolbar icon', { 'icons/toolbar-16.png': null }, 'the manifest names icons/toolbar-16.png, which is not in the package'],
    ['the popup', { 'popup/popup.html': null }, 'the manifest names popup/popup.html, which is not in the package'],
    ['the options page', { 'options/options.html': null }, 'the manifest names options/options.html, which is not in the package'],
    ['the worker', { 'background.js': null }, 'the manifest names background.js, which is not in the package'],
    ['the content script', { 'content.js': null }, 'the manifest names content.js, which is not in the package'],
    ['the content stylesheet', { 'content.css': null }, 'the manifest names content.css, which is not in the package'],
    ['an inline script', { 'options/options.html': '<script>alert(1)</script>' }, 'options/options.html has an inline script'],
    ['an inline module', { 'options/options.html': '<script type="module">import("./x.js")</script>' }, 'options/options.html has an inline script'],
    ['a script after another attribute, missing', { 'options/options.html': '<script type="module" src="gone.js"></script>' }, 'options/options.html loads gone.js, which is not in the package'],
    ['a script from the network', { 'options/options.html': '<script src="https://cdn.example/x.js"></script>' }, 'options/options.html loads https://cdn.example/x.js from the network'],
    ['a protocol-relative script', { 'options/options.html': '<script src="//cdn.example/x.js"></script>' }, 'options/options.html loads //cdn.example/x.js from the network'],
    ['a stylesheet that is not there', { 'popup/popup.css': null }, 'popup/popup.html loads popup.css, which is not in the package'],
    ['an import from the network', { 'chunks/map-B.js': 'import("https://cdn.example/x.js")' }, 'chunks/map-B.js imports code from the network'],
    ['a spaced import from the network', { 'chunks/map-B.js': 'import x from "https://cdn.example/x.js"' }, 'chunks/map-B.js imports code from the network'],
    ['a page script whose relative address has a double slash, missing', { 'options/options.html': '<script type="module" src="vendor//x.js"></script>' }, 'options/options.html loads vendor//x.js, which is not in the package'],
    ['a minified import from the network', { 'chunks/map-B.js': 'import{x}from"https://cdn.example/x.js"' }, 'chunks/map-B.js imports code from the network'],
    ['a spaced lazy import from the network', { 'chunks/map-B.js': 'import ( "https://cdn.example/x.js" )' }, 'chunks/map-B.js imports code from the network'],
    ['a protocol-relative import', { 'chunks/map-B.js': 'import{x}from"//cdn.example/x.js"' }, 'chunks/map-B.js imports code from the network'],
    ['an imported chunk that is missing (minified)', { 'chunks/chunk-A.js': null }, 'popup/popup.js imports ../chunks/chunk-A.js, which is not in the package'],
    ['an imported chunk that is missing (spaced)', { 'chunks/chunk-A.js': null }, 'options/options.js imports ../chunks/chunk-A.js, which is not in the package'],
    ['a lazily imported chunk that is missing', { 'chunks/map-B.js': null }, 'popup/popup.js imports ../chunks/map-B.js, which is not in the package'],
    ['a lazily imported chunk that is missing (spaced)', { 'chunks/map-B.js': null }, 'options/options.js imports ../chunks/map-B.js, which is not in the package'],
    ['a sibling chunk that is missing', { 'chunks/chunk-C.js': null }, 'chunks/map-B.js imports ./chunk-C.js, which is not in the package'],
    ['a bare import a browser cannot resolve', { 'chunks/map-B.js': 'import{x}from"leaflet.js"' }, 'chunks/map-B.js imports leaflet.js, which is not a file of the package'],
    ['a bare import with a dot-slash inside', { 'chunks/map-B.js': 'import{x}from"lib/./x.js"' }, 'chunks/map-B.js imports lib/./x.js, which is not a file of the package'],
    ['sources, maps and dotfiles', { 'src/index.ts': 'x', 'popup/popup.js.map': '{}', '.DS_Store': '', 'build.mjs': '', 'README.md': '' }, 'files the stores do not need: .DS_Store, README.md, build.mjs, popup/popup.js.map, src/index.ts'],
  ])('refuse %s', (_what, changes, expected) => {
    expect(problems(changes)).toContain(expected);
  });

  it('read the smallest manifest, and Firefox’s, which names its worker as scripts', () => {
    const firefox = { manifest_version: 3, background: { scripts: ['background.js'] } };
    expect(storeZipProblems({ 'manifest.json': strToU8(JSON.stringify(firefox)), 'background.js': strToU8('') })).toEqual([]);
    expect(storeZipProblems({ 'manifest.json': strToU8(JSON.stringify(firefox)) })).toEqual(['the manifest names background.js, which is not in the package']);
    expect(storeZipProblems({ 'manifest.json': strToU8('{"manifest_version":3}') })).toEqual([]);
    // A content script of stylesheets only, or of scripts only.
    const split = { manifest_version: 3, content_scripts: [{ css: ['a.css'] }, { js: ['b.js'] }] };
    expect(storeZipProblems({ 'manifest.json': strToU8(JSON.stringify(split)) })).toEqual([
      'the manifest names a.css, which is not in the package',
      'the manifest names b.js, which is not in the package',
    ]);
  });

  it('name every problem at once', () => {
    expect(problems({ 'background.js': null, 'options/options.html': '<script>x</script>', 'x.map': '' })).toHaveLength(3);
  });
});
