// Builds the extension for Chrome and Firefox from one manifest template:
//   dist/chrome/, dist/firefox/ (each loadable unpacked) and a store zip of each.
// Usage: node build.mjs [--dev] [--directory DIR]
//   --dev: unminified, with inline source maps
//   --directory DIR: the bookshop directory to put into the package (default: directory-data/, which
//   `npm run directory` writes, when it is there; else the fictional one in stand-ins/directory/)
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { Resvg } from '@resvg/resvg-js';

const dev = process.argv.includes('--dev');
const directoryArg = process.argv.indexOf('--directory');

/** Where `npm run directory` writes OpenStreetMap's real directory, and the made-up one the tests and the demo use. */
export const REAL_DIRECTORY = 'directory-data';
export const FICTIONAL_DIRECTORY = 'stand-ins/directory';

/** The bookshop directory a build packages: the one named, else the real one if built here, else the fictional one. */
export function directoryToPackage(named = directoryArg > 0 ? process.argv[directoryArg + 1] : undefined) {
  if (named) return named;
  return existsSync(join(REAL_DIRECTORY, 'index.json')) ? REAL_DIRECTORY : FICTIONAL_DIRECTORY;
}
/**
 * The project's identity from the release setting (PROJECT_PAGE and PROJECT_CONTACT, both set), or null:
 * the build then names itself with the example in src/shared/identity.json. `npm run release` checks the
 * setting before it builds (src/release/identity.ts).
 */
export function identityFromEnv(env = process.env) {
  const page = env.PROJECT_PAGE?.trim();
  const contact = env.PROJECT_CONTACT?.trim();
  return page && contact ? { page, contact } : null;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
export const TARGETS = ['chrome', 'firefox'];
const ICON_SIZES = [16, 32, 48, 128];
/** The scripts Amazon's pages load: the product page's (every storefront page) and the list pages' (their addresses only), 8 KB gzipped at most each. */
export const CONTENT_SCRIPTS = { content: 'src/content/index.ts', list: 'src/content/list.ts' };

/**
 * Resolves the template's vendor keys for one browser, as Bitwarden's manifest does:
 * "__firefox__background" becomes "background" for Firefox and is dropped for Chrome.
 */
export function manifestFor(template, target, version) {
  const resolve = (value) => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value === null || typeof value !== 'object') return value;
    const out = {};
    for (const [key, inner] of Object.entries(value)) {
      const vendor = /^__(\w+?)__(.+)$/.exec(key);
      if (vendor && vendor[1] !== target) continue;
      out[vendor ? vendor[2] : key] = resolve(inner);
    }
    return out;
  };
  return { ...resolve(template), version };
}

/** icon.svg: the extension's icon, and the toolbar's on a tab with a book; toolbar-idle.svg: every other tab. */
const ICONS = [
  { svg: 'icons/icon.svg', name: 'icon', sizes: ICON_SIZES },
  { svg: 'icons/toolbar-idle.svg', name: 'toolbar-idle', sizes: [16, 32] },
];

function renderIcons(outdir, branding) {
  mkdirSync(join(outdir, 'icons'), { recursive: true });
  for (const { svg, name, sizes } of ICONS) {
    const source = branding?.icons?.[name] ?? readFileSync(svg);
    for (const size of sizes) {
      const png = new Resvg(source, { fitTo: { mode: 'width', value: size } }).render().asPng();
      writeFileSync(join(outdir, 'icons', `${name}-${size}.png`), png);
    }
  }
}

/** Every file under a folder, by path; a symbolic link anywhere under it is refused, never followed. */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const entry = lstatSync(path);
    if (entry.isSymbolicLink()) throw new Error(`${path} is a symbolic link: a package takes none (one to /proc/self/environ would ship the build's secrets)`);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The symbolic links among these files and folders and everything under them (none: an empty list). */
export function linksIn(paths) {
  return paths.flatMap((path) => {
    const entry = lstatSync(path, { throwIfNoEntry: false });
    if (!entry) return [];
    if (entry.isSymbolicLink()) return [path];
    return entry.isDirectory() ? linksIn(readdirSync(path).map((name) => join(path, name))) : [];
  });
}

/** A zip with fixed timestamps and sorted names, so the same files give the same bytes. `files`: name → bytes. */
export function writeZip(files, zipPath) {
  const entries = {};
  for (const name of Object.keys(files).sort()) entries[name] = [files[name], { mtime: new Date('2020-01-01T00:00:00Z') }];
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
}

/** A store zip of a build folder. */
function zipFolder(dir, zipPath) {
  writeZip(Object.fromEntries(filesUnder(dir).map((file) => [relative(dir, file).split('\\').join('/'), readFileSync(file)])), zipPath);
}

/** Serves src/shared/identity.json as the given identity: the example never enters a release's package. */
const identityPlugin = (identity) => ({
  name: 'identity',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]shared[\\/]identity\.json$/ }, () => ({ contents: JSON.stringify({ page: identity.page, contact: identity.contact }), loader: 'json' }));
  },
});

/**
 * One browser's build. `branding` (from a campaign file, see scripts/campaign.ts) changes the first-run
 * settings, the names in every language, the accent colour and the icons; without it, the project's own.
 * `gecko` (Firefox only): another add-on id (a campaign's own) and the update_url of a self-hosted
 * signed file (AMO refuses an update_url in a listed add-on, so only those builds carry one).
 */
/** Calil's app key from the release setting CALIL_APP_KEY (calil.jp's API dashboard issues it), or '' for none. */
export const calilKeyFromEnv = (env = process.env) => (env.CALIL_APP_KEY ?? '').trim();

/** What a build reads from the project: none of it may be a symbolic link (the build would follow it into the package). */
export const BUILD_INPUTS = ['src', '_locales', 'icons', 'manifest.json', 'package.json'];

export async function buildTarget(
  target,
  { outdir = join('dist', target), zipPath = join('dist', `${pkg.name}-${target}-${pkg.version}.zip`), branding, gecko, metafiles, directory = directoryToPackage(), identity = identityFromEnv(), calilKey = calilKeyFromEnv() } = {},
) {
  const links = linksIn([...BUILD_INPUTS, directory]);
  if (links.length) throw new Error(`the build follows no symbolic link, and these are: ${links.join(', ')}`);
  const common = {
    // `metafiles`: an array that receives esbuild's account of what went into each output (scripts/deps.mjs).
    metafile: Boolean(metafiles),
    bundle: true,
    target: ['chrome121', 'firefox140'],
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'none',
    // Paths as they appear from the project, not where a linked node_modules really lives: chunk names
    // hash the paths, and the source archive must build the same bytes wherever it is unpacked.
    preserveSymlinks: true,
    logLevel: 'warning',
    // The release's identity in place of the example one (src/shared/identity.ts).
    plugins: identity ? [identityPlugin(identity)] : [],
    define: {
      __CAMPAIGN_SETTINGS__: JSON.stringify(branding?.settings ?? null),
      __CAMPAIGN_SHARE__: JSON.stringify(branding?.share ?? null),
      __CAMPAIGN_AREA__: JSON.stringify(branding?.area ?? null),
      // Calil's app key (Japan's library catalogues), a release setting: without one, Calil is off and the popup says so.
      __CALIL_APP_KEY__: JSON.stringify(calilKey),
    },
  };
  // The content scripts and the worker: one classic script each.
  const scripts = await esbuild.build({
    ...common,
    entryPoints: { ...CONTENT_SCRIPTS, background: 'src/background/index.ts' },
    outdir,
    format: 'iife',
  });
  // The extension pages: ES modules, so the map loads as a separate chunk while the list is painted, and
  // the opening hours in a worker of their own. The pages share one stylesheet; the map's (with Leaflet's) comes with the map, and
  // Leaflet's images become files.
  const pages = await esbuild.build({
    ...common,
    entryPoints: [
      { in: 'src/popup/index.ts', out: 'popup/popup' },
      { in: 'src/popup/hours-worker.ts', out: 'popup/hours-worker' },
      { in: 'src/options/index.ts', out: 'options/options' },
      { in: 'src/welcome/index.ts', out: 'welcome/welcome' },
      { in: 'src/popup/popup.css', out: 'popup/popup' },
      { in: 'src/map/map.css', out: 'popup/map' },
    ],
    outdir,
    format: 'esm',
    splitting: true,
    // protomaps-leaflet's flavours and PMTiles reader, which the map never calls (src/map/unused-protomaps-parts.ts).
    alias: { '@protomaps/basemaps': './src/map/unused-protomaps-parts.ts', pmtiles: './src/map/unused-protomaps-parts.ts' },
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'popup/assets/[name]-[hash]',
    loader: { '.png': 'file', '.svg': 'file' },
  });
  metafiles?.push(scripts.metafile, pages.metafile);
  // The map's code and stylesheet are fetched (the code compiled) while the popup reads its state, so the map can start as soon
  // as the list is painted; it runs only when the popup asks for it (src/popup/index.ts, loadMapCode).
  const mapChunk = readdirSync(join(outdir, 'chunks')).find((name) => /^shop-map-.*\.js$/.test(name));
  if (!mapChunk) throw new Error('no map chunk among the popup\'s chunks');
  const popupHtml = readFileSync('src/popup/popup.html', 'utf8');
  writeFileSync(join(outdir, 'popup/popup.html'), popupHtml.replace('<link rel="stylesheet" href="popup.css" />', `$&\n    <link rel="modulepreload" href="../chunks/${mapChunk}" />\n    <link rel="preload" as="style" href="map.css" />`));
  cpSync('src/options/options.html', join(outdir, 'options/options.html'));
  cpSync('src/privacy/privacy.html', join(outdir, 'privacy/privacy.html'));
  cpSync('src/welcome/welcome.html', join(outdir, 'welcome/welcome.html'));
  cpSync('_locales', join(outdir, '_locales'), { recursive: true });
  // OpenStreetMap's bookshops, read by the worker from the package (networks/packaged-directory.ts), with
  // the licence they come under (ODbL: the notice travels with the data).
  if (!existsSync(join(directory, 'index.json'))) throw new Error(`${directory}/index.json: no bookshop directory there (npm run directory writes one)`);
  cpSync(directory, join(outdir, 'directory'), { recursive: true });
  cpSync('src/directory/LICENSE.txt', join(outdir, 'directory/LICENSE.txt'));
  if (branding) {
    for (const lang of readdirSync('_locales')) {
      const file = join(outdir, '_locales', lang, 'messages.json');
      writeFileSync(file, JSON.stringify(branding.messages(lang, JSON.parse(readFileSync(file, 'utf8'))), null, 2) + '\n');
    }
    writeFileSync(join(outdir, 'popup/popup.css'), readFileSync(join(outdir, 'popup/popup.css'), 'utf8') + branding.css);
  }
  renderIcons(outdir, branding);
  const template = JSON.parse(readFileSync('manifest.json', 'utf8'));
  const manifest = manifestFor(template, target, pkg.version);
  // A campaign's own services (its bookshop directory) are hosts of its build, as the project's are of its own.
  if (branding?.hosts?.length) manifest.host_permissions = [...new Set([...manifest.host_permissions, ...branding.hosts])];
  if (target === 'firefox' && gecko) {
    const settings = manifest.browser_specific_settings.gecko;
    if (gecko.id) settings.id = gecko.id;
    if (gecko.updateUrl) settings.update_url = gecko.updateUrl;
  }
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  zipFolder(outdir, zipPath);
  return zipPath;
}

async function main() {
  rmSync('dist', { recursive: true, force: true });
  const directory = directoryToPackage();
  const { dataDate, fictional, countries } = JSON.parse(readFileSync(join(directory, 'index.json'), 'utf8'));
  console.log(`bookshop directory: ${directory}/ (${fictional ? 'FICTIONAL, for tests and the demo' : `OpenStreetMap data of ${dataDate}`}; ${countries.join(' ')})`);
  const identity = identityFromEnv();
  console.log(identity ? `identity: ${identity.page} (${identity.contact})` : 'identity: the EXAMPLE one (local-bookshops.example), for development and the demo; PROJECT_PAGE and PROJECT_CONTACT set the real one');
  console.log(calilKeyFromEnv() ? 'Calil (Japan\'s libraries): app key given' : 'Calil (Japan\'s libraries): OFF, no app key (CALIL_APP_KEY sets it); the popup says so to a shopper in Japan');
  for (const target of TARGETS) {
    const zip = await buildTarget(target, { directory, identity });
    console.log(`built dist/${target}/ and ${zip}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
