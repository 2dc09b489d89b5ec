// `npm run bench:map-renderers`: the measurement behind the map's renderer (README, "The map").
// The two credible ways to draw vector tiles under Leaflet, side by side on the same stand-in tiles:
// MapLibre GL JS (WebGL, its worker as a local file) through @maplibre/maplibre-gl-leaflet, and
// protomaps-leaflet (Canvas 2D inside Leaflet). For each: bytes, time to the map drawn, JS memory, and
// whether it draws at all in headless Chromium and Firefox ESR. A benchmark: it reports, never fails.
// MapLibre is not a dependency of the extension; install it for this run only:
//   npm i --no-save maplibre-gl @maplibre/maplibre-gl-leaflet && npm run bench:map-renderers
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { standInVectorTile } from '../stand-ins/vector-tiles';
import { findBrowser, SANDBOX_FLAGS } from './browsers.mjs';

const RUNS = 5;
const PLACE = [43.6, 1.44] as const;
const COLOURS = { land: '#f2efe9', water: '#aad3df', park: '#c8e6b4', building: '#d9d0c9', road: '#ffffff', major: '#f7d08a' };

// The same look both ways: land, water, parks, buildings, streets; no labels (no glyphs to fetch).
const PAGES = {
  protomaps: `
    import * as L from 'leaflet';
    globalThis.L = L;
    const { leafletLayer, PolygonSymbolizer, LineSymbolizer } = await import('protomaps-leaflet');
    const c = ${JSON.stringify(COLOURS)};
    const map = L.map('map', { zoomControl: false }).setView([${PLACE.join(',')}], 14);
    const layer = leafletLayer({ url: '/tiles/{z}/{x}/{y}.pbf', maxDataZoom: 14, backgroundColor: c.land, labelRules: [], paintRules: [
      { dataLayer: 'water', symbolizer: new PolygonSymbolizer({ fill: c.water }) },
      { dataLayer: 'park', symbolizer: new PolygonSymbolizer({ fill: c.park }) },
      { dataLayer: 'building', symbolizer: new PolygonSymbolizer({ fill: c.building }) },
      { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: c.road, width: 2 }), filter: (z, f) => f.props.class === 'minor' },
      { dataLayer: 'transportation', symbolizer: new LineSymbolizer({ color: c.major, width: 4 }), filter: (z, f) => f.props.class !== 'minor' },
    ] });
    layer.once('load', () => { window.mapDrawnAt = performance.now(); });
    layer.addTo(map);`,
  maplibre: `
    import * as L from 'leaflet';
    globalThis.L = L;
    const maplibregl = await import('maplibre-gl');
    const { maplibreGL } = await import('@maplibre/maplibre-gl-leaflet');
    maplibregl.setWorkerUrl(new URL('/maplibre-gl-worker.mjs', location.href).href);
    const c = ${JSON.stringify(COLOURS)};
    const style = { version: 8, sources: { t: { type: 'vector', tiles: [new URL('/tiles/{z}/{x}/{y}.pbf', location.href).href.replace(/%7B/g, '{').replace(/%7D/g, '}')], maxzoom: 14 } }, layers: [
      { id: 'land', type: 'background', paint: { 'background-color': c.land } },
      { id: 'water', type: 'fill', source: 't', 'source-layer': 'water', paint: { 'fill-color': c.water } },
      { id: 'park', type: 'fill', source: 't', 'source-layer': 'park', paint: { 'fill-color': c.park } },
      { id: 'building', type: 'fill', source: 't', 'source-layer': 'building', paint: { 'fill-color': c.building } },
      { id: 'minor', type: 'line', source: 't', 'source-layer': 'transportation', filter: ['==', ['get', 'class'], 'minor'], paint: { 'line-color': c.road, 'line-width': 2 } },
      { id: 'major', type: 'line', source: 't', 'source-layer': 'transportation', filter: ['!=', ['get', 'class'], 'minor'], paint: { 'line-color': c.major, 'line-width': 4 } },
    ] };
    const map = L.map('map', { zoomControl: false }).setView([${PLACE.join(',')}], 14);
    try {
      const layer = maplibreGL({ style }).addTo(map);
      layer.getMaplibreMap().once('idle', () => { window.mapDrawnAt = performance.now(); });
    } catch (error) { window.mapFailed = String(error); }`,
};

type Renderer = keyof typeof PAGES;

async function bundle(renderer: Renderer, dir: string) {
  const result = await esbuild.build({
    stdin: { contents: PAGES[renderer], resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: false,
    write: false,
    logLevel: 'silent',
    outfile: join(dir, `${renderer}.js`),
  });
  const code = result.outputFiles[0]!.contents;
  writeFileSync(join(dir, `${renderer}.js`), code);
  const files = [code];
  if (renderer === 'maplibre') files.push(readFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'));
  return { minified: files.reduce((sum, f) => sum + f.length, 0), gzipped: files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0) };
}

function serve(dir: string) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const tile = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(path);
    if (tile) return response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(standInVectorTile(Number(tile[1]), Number(tile[2]), Number(tile[3])));
    if (path === '/maplibre-gl-worker.mjs') return response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs'));
    const page = /^\/(protomaps|maplibre)\.html$/.exec(path);
    if (page) {
      const css = page[1] === 'maplibre' ? readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8') : '';
      return response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><style>${readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8')}${css} body{margin:0} #map{width:360px;height:200px}</style><div id="map"></div><script type="module" src="/${page[1]}.js"></script>`);
    }
    const script = /^\/(protomaps|maplibre)\.js$/.exec(path);
    if (script) return response.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(dir, `${script[1]}.js`)));
    response.writeHead(404).end();
  });
  return new Promise<{ origin: string; close: () => void }>((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })));
}

async function launch(name: 'chromium' | 'firefox'): Promise<Browser> {
  const executablePath = findBrowser(name);
  if (!executablePath) throw new Error(`no ${name}`);
  return name === 'firefox'
    ? puppeteer.launch({ browser: 'firefox', executablePath, headless: true })
    : puppeteer.launch({ executablePath, headless: true, pipe: true, args: [...SANDBOX_FLAGS, '--disable-gpu'] });
}

/** Opens the page once: ms from navigation to the map drawn (or why not), JS heap (Chromium only), and how many of the style's colours are on screen. */
async function measure(browser: Browser, url: string, readHeap: boolean) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const outcome = await page
      .waitForFunction(() => (window as { mapDrawnAt?: number }).mapDrawnAt ?? (window as { mapFailed?: string }).mapFailed, { timeout: 10_000 })
      .then((handle) => handle.jsonValue() as Promise<number | string>)
      .catch(() => 'nothing drawn in 10 s');
    const heap = readHeap ? await page.metrics().then((m) => m.JSHeapUsedSize ?? null).catch(() => null) : null;
    // Which of the style's colours are on screen: a screenshot of the map, read back in the page (a
    // WebGL canvas cannot be read after its frame is shown).
    const shot = await (await page.$('#map'))!.screenshot({ encoding: 'base64' });
    const colours = await page.evaluate(async (png, wanted) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const found = new Set<string>();
      for (let i = 0; i < data.length; i += 4) {
        const hex = `#${[data[i], data[i + 1], data[i + 2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
        if (wanted.includes(hex)) found.add(hex);
      }
      return found.size;
    }, shot, Object.values(COLOURS));
    return { drawnMs: typeof outcome === 'number' ? outcome : null, why: typeof outcome === 'string' ? outcome : null, heap, colours };
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
};

async function main() {
  if (!existsSync('node_modules/maplibre-gl') || !existsSync('node_modules/@maplibre/maplibre-gl-leaflet')) {
    console.log('MapLibre is not installed: npm i --no-save maplibre-gl @maplibre/maplibre-gl-leaflet');
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'map-renderers-'));
  const sizes = { protomaps: await bundle('protomaps', dir), maplibre: await bundle('maplibre', dir) };
  const server = await serve(dir);
  const rows: Record<string, unknown>[] = [];
  for (const browserName of ['chromium', 'firefox'] as const) {
    const browser = await launch(browserName);
    for (const renderer of ['protomaps', 'maplibre'] as const) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, `${server.origin}/${renderer}.html`, browserName === 'chromium'));
      const drawn = runs.flatMap((run) => (run.drawnMs === null ? [] : [run.drawnMs]));
      rows.push({
        browser: browserName,
        renderer,
        'JS with Leaflet, min (KB)': Number((sizes[renderer].minified / 1024).toFixed(1)),
        'gzipped (KB)': Number((sizes[renderer].gzipped / 1024).toFixed(1)),
        'map drawn, median (ms)': median(drawn) === null ? null : Math.round(median(drawn)!),
        'drawn runs': `${drawn.length}/${RUNS}`,
        'JS heap (MB)': runs[0]?.heap ? Number((runs[0].heap / 2 ** 20).toFixed(1)) : null,
        'style colours seen': `${runs[0]?.colours}/${Object.keys(COLOURS).length}`,
        'why not drawn': runs.find((run) => run.why)?.why ?? '',
      });
    }
    await browser.close();
  }
  server.close();
  rmSync(dir, { recursive: true, force: true });
  console.table(rows);
}

await main();
