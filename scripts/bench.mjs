/* global chrome -- the functions evaluated in the browser run in the extension's worker and pages */
// `npm run bench`: a benchmark, not a test. It measures and reports; it never fails on a slow run.
// Prints a table and writes bench/results.json. Needs a build (npm run build) and, for the page
// figures, the real-page corpus in ../shared/amazon-pages and a Chromium.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';
import { startRealHostStandIns } from '../stand-ins/real-hosts.ts';
import { startStandInServer } from '../stand-ins/server.ts';
import { overpassCountryAnswer, TOULOUSE } from '../stand-ins/payloads.ts';
import { createLookup } from '../src/lookup/lookup.ts';
import { placeDesLibraires } from '../src/networks/place-des-libraires.ts';
import { openStreetMap } from '../src/networks/overpass.ts';
import { buildPackagedDirectory } from '../src/directory/build.ts';
import { packagedDirectory } from '../src/networks/packaged-directory.ts';
import { isbn13CheckDigit } from '../src/book/isbn.ts';
import { createGeocoder } from '../src/networks/geocoders.ts';
import { GEOCODERS_DEFAULT } from '../src/shared/settings.ts';
import { findBrowser, launchWithExtension } from './browsers.mjs';
import { memoryLookupCache } from '../test/memory-cache.ts';
import { madeUpBooks, searchResultsPage } from '../stand-ins/list-pages.ts';

const CORPUS = new URL('../../shared/amazon-pages/', import.meta.url);
const LIST_CORPUS = new URL('lists/', CORPUS);
const RUNS_PER_BATCH = 50;
const BATCHES = 9;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 3) => Number(value.toFixed(digits));

function bundleSizes() {
  const sizes = {};
  const file = (label, path) => {
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    sizes[label] = { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
  };
  file('content script', 'dist/chrome/content.js');
  file('list script', 'dist/chrome/list.js');
  file('background', 'dist/chrome/background.js');
  file('popup (first script)', 'dist/chrome/popup/popup.js');
  file('options', 'dist/chrome/options/options.js');
  // What the popup loads with its map: its script and the chunks it imports, its CSS, and the map's chunk
  // (Leaflet, the vector renderer) with the chunks that imports and the map's CSS. Not the QR code (on
  // "share" only) nor the hours worker (its own thread, only when a shop has hours), reported apart.
  const chunks = existsSync('dist/chrome/chunks') ? readdirSync('dist/chrome/chunks') : [];
  const mapChunk = chunks.find((c) => c.startsWith('shop-map-'));
  if (mapChunk) {
    const { files, ...size } = criticalPath('dist/chrome/popup/popup.js', ['dist/chrome/popup/popup.css', 'dist/chrome/popup/map.css'], [join('dist/chrome/chunks', mapChunk)]);
    sizes['popup with its map (all it loads)'] = { ...size, files };
  }
  file('opening hours (worker, when a shop has hours)', 'dist/chrome/popup/hours-worker.js');
  sizes['popup critical path (before the list)'] = criticalPath('dist/chrome/popup/popup.js', ['dist/chrome/popup/popup.css']);
  for (const zip of existsSync('dist') ? readdirSync('dist').filter((name) => name.endsWith('.zip')) : []) {
    sizes[zip] = { minified: readFileSync(join('dist', zip)).length, gzipped: null };
  }
  return sizes;
}

/**
 * What the popup must load before it can paint the list: its script, every chunk that script imports
 * statically (and theirs), and its stylesheet; not the chunks it imports later (the map, the hours).
 */
function criticalPath(entry, extra, moreEntries = []) {
  const files = new Set(extra);
  const visit = (path) => {
    if (files.has(path) || !existsSync(path)) return;
    files.add(path);
    const code = readFileSync(path, 'utf8');
    // esbuild's static imports: import{…}from"../chunks/chunk-X.js" (dynamic ones are import("…")).
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g)) visit(join(dirname(path), spec));
  };
  for (const start of [entry, ...moreEntries]) visit(start);
  const list = [...files];
  return {
    minified: list.reduce((sum, f) => sum + readFileSync(f).length, 0),
    gzipped: list.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0),
    files: list.map((f) => f.replace('dist/chrome/', '')),
  };
}

/** The detection code exactly as the content script bundles it, exposed as a global for timing (the list reader's with `entry`). */
async function detectionBundle(platform, entry = 'src/book/find-book.ts') {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: 'LocalBookshopsDetect',
    platform,
    write: false,
  });
  return result.outputFiles[0].text;
}

// The naive approach peers use: a regular expression over the whole page's rendered text.
const NAIVE = /ISBN-1[03]\s*[\u200e\u200f]?\s*:?\s*[\u200e\u200f]?\s*([\dX-]{10,17})/;

function timeBatches(run) {
  const perRun = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const start = performance.now();
    for (let i = 0; i < RUNS_PER_BATCH; i++) run();
    perRun.push((performance.now() - start) / RUNS_PER_BATCH);
  }
  return median(perRun);
}

async function detectionInJsdom(pages) {
  const { findBookOnPage } = await import(`data:text/javascript;base64,${Buffer.from(`${await detectionBundle('neutral')}\nexport const findBookOnPage = LocalBookshopsDetect.findBookOnPage;`).toString('base64')}`);
  const perPage = [];
  for (const page of pages) {
    const html = new TextDecoder(page.charset ?? 'utf-8').decode(readFileSync(new URL(page.file, CORPUS)));
    const { document } = new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() }).window;
    perPage.push({ file: page.file, ms: timeBatches(() => findBookOnPage(document, page.url)) });
  }
  return perPage;
}

/** A new tab that answers `url` with `body` (HTML) and refuses every other request, as Amazon is out of reach. */
async function tabServing(ext, url, body, charset = 'utf-8') {
  const tab = await ext.browser.newPage();
  await tab.setRequestInterception(true);
  tab.on('request', (request) => {
    const answer = request.url() === url ? request.respond({ status: 200, contentType: `text/html; charset=${charset}`, body }) : request.abort();
    answer.catch(() => {}); // the page may be gone already
  });
  return tab;
}

/** A tab showing a saved page at its Amazon address (every other request refused), with `script` added. */
async function servedPage(ext, page, folder, script) {
  const tab = await tabServing(ext, page.url, readFileSync(new URL(page.file, folder)), page.charset);
  await tab.goto(page.url, { waitUntil: 'load' });
  await tab.addScriptTag({ content: script });
  return tab;
}

/** The list reader (src/book/find-list.ts) on each list page of the corpus, median per page, in Chromium. */
async function listDetectionInChromium(pages) {
  const bundle = await detectionBundle('browser', 'src/book/find-list.ts');
  const ext = await launchWithExtension('chromium');
  const perPage = [];
  try {
    for (const page of pages) {
      const tab = await servedPage(ext, page, LIST_CORPUS, bundle);
      const timing = await tab.evaluate(
        (runs, batches) => {
          const perRun = [];
          let items = 0;
          for (let b = 0; b < batches; b++) {
            const start = performance.now();
            for (let i = 0; i < runs; i++) items = globalThis.LocalBookshopsDetect.findListItems(document).length;
            perRun.push((performance.now() - start) / runs);
          }
          return { ms: perRun.sort((a, b) => a - b)[Math.floor(batches / 2)], items };
        },
        RUNS_PER_BATCH,
        BATCHES,
      );
      perPage.push({ file: page.file, ...timing });
      await tab.close();
    }
  } finally {
    await ext.close();
  }
  return perPage;
}

async function detectionInChromium(pages) {
  const bundle = await detectionBundle('browser');
  const ext = await launchWithExtension('chromium');
  const perPage = [];
  try {
    for (const page of pages) {
      const tab = await servedPage(ext, page, CORPUS, bundle);
      const timing = await tab.evaluate(
        (url, runs, batches, naiveSource) => {
          const naive = new RegExp(naiveSource);
          const time = (run) => {
            const perRun = [];
            for (let b = 0; b < batches; b++) {
              const start = performance.now();
              for (let i = 0; i < runs; i++) run();
              perRun.push((performance.now() - start) / runs);
            }
            return perRun.sort((a, b) => a - b)[Math.floor(batches / 2)];
          };
          const ours = time(() => globalThis.LocalBookshopsDetect.findBookOnPage(document, url));
          // innerText needs an up-to-date layout. A content script meets a page that keeps changing
          // (Amazon's scripts never rest), so each run starts after a change of text size.
          const naiveTimes = [];
          for (let b = 0; b < batches; b++) {
            document.body.style.fontSize = b % 2 ? '100.5%' : '100%';
            const start = performance.now();
            naive.exec(document.body.innerText);
            naiveTimes.push(performance.now() - start);
          }
          return { ours, naive: naiveTimes.sort((a, b) => a - b)[Math.floor(batches / 2)] };
        },
        page.url,
        RUNS_PER_BATCH,
        BATCHES,
        NAIVE.source,
      );
      perPage.push({ file: page.file, ms: timing.ours, naiveMs: timing.naive });
      await tab.close();
    }
  } finally {
    await ext.close();
  }
  return perPage;
}

/**
 * Time from the content script's BookSeen to the count on the badge, with a warm cache, in Chromium:
 * the demo book is looked up once (cold, answered by the stand-ins), then opened again in new tabs,
 * each looked up from the cache; a listener in the worker notes when BookSeen arrives and watches the badge until the count is set.
 */
async function warmBadgeInChromium(views = 15) {
  // Every stand-in answer takes 200 ms, like a real network: the cold figure includes one round trip.
  const standIns = await startRealHostStandIns({ delayMs: 200 });
  const ext = await launchWithExtension('chromium', { realHosts: standIns.network });
  try {
    const extensionPage = await ext.browser.newPage();
    await extensionPage.goto(`${ext.extensionOrigin}options/options.html`);
    await extensionPage.evaluate(() =>
      chrome.storage.sync.set({ settings: { place: { label: 'Toulouse', lat: 43.6, lon: 1.44, country: 'fr' } } }),
    );
    const workerTarget = await ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin));
    const worker = await workerTarget.worker();
    await worker.evaluate(() => {
      globalThis.benchTimings = [];
      chrome.runtime.onMessage.addListener((message, sender) => {
        if (message?.type !== 'BookSeen' || !sender.tab) return undefined;
        const seenAt = performance.now();
        const watch = async () => {
          const text = await chrome.action.getBadgeText({ tabId: sender.tab.id });
          if (/^\d+$/.test(text)) globalThis.benchTimings.push(performance.now() - seenAt);
          else if (performance.now() - seenAt < 5000) setTimeout(watch, 0);
        };
        void watch();
        return undefined;
      });
    });
    const demo = readFileSync('demo/amazon-fr-book.html');
    const url = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024';
    // Each view in a new tab: the tab knows nothing yet, so the worker runs the lookup (from its cache after the first).
    for (let i = 0; i <= views; i++) {
      const before = await worker.evaluate(() => globalThis.benchTimings.length);
      const tab = await tabServing(ext, url, demo);
      await tab.goto(url);
      await worker.evaluate(
        (count) =>
          new Promise((resolve) => {
            const check = () => (globalThis.benchTimings.length > count ? resolve() : setTimeout(check, 20));
            check();
          }),
        before,
      );
      if (i < views) await tab.close(); // the last one stays: the popup shows its results below
    }
    const timings = await worker.evaluate(() => globalThis.benchTimings);
    // The popup as a page for the last tab (warm): time from its navigation start to the list painted
    // and to the map's first tile drawn (each tile answer also takes 200 ms); and the floor no popup can
    // beat, the extension's own page with no script (the privacy policy) to its first paint.
    const tabId = await worker.evaluate(async () => Number(Object.keys(await chrome.storage.session.get(null)).find((k) => k.startsWith('tab:')).slice(4)));
    const markAt = (page, name) =>
      page.evaluate(
        (wanted) =>
          new Promise((resolve) => {
            const check = () => {
              const mark = performance.getEntriesByName(wanted)[0];
              if (mark) resolve(mark.startTime);
              else setTimeout(check, 10);
            };
            check();
          }),
        name,
      );
    const listPaintedMs = [];
    const mapVisibleMs = [];
    const emptyPageMs = [];
    let tilesPerOpening = null;
    for (let i = 0; i < 10; i++) {
      const seenBefore = standIns.seen.length;
      const popup = await ext.browser.newPage();
      await popup.goto(`${ext.extensionOrigin}popup/popup.html?tabId=${tabId}`);
      listPaintedMs.push(await markAt(popup, 'list-painted'));
      mapVisibleMs.push(await markAt(popup, 'map-visible'));
      // Every tile of the first view, once the map has settled.
      if (i === 0) {
        await popup.waitForNetworkIdle({ idleTime: 500 }).catch(() => {});
        tilesPerOpening = standIns.seen.slice(seenBefore).filter((r) => /\.pbf$/.test(r.url)).length;
      }
      await popup.close();
      const empty = await ext.browser.newPage();
      await empty.goto(`${ext.extensionOrigin}privacy/privacy.html`);
      emptyPageMs.push(await empty.evaluate(() => new Promise((resolve) => {
        const check = () => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          if (paint) resolve(paint.startTime);
          else setTimeout(check, 10);
        };
        check();
      })));
      await empty.close();
    }
    // Memory: the worker's JS heap after 100 lookups (20 books, asked 5 times each, through the popup's
    // ISBN search), and the popup's after it shows the last tab's results.
    for (let i = 0; i < 100; i++) {
      const twelve = `97820703${String(2000 + (i % 20)).padStart(4, '0')}`;
      const isbn13 = twelve + isbn13CheckDigit(twelve);
      await extensionPage.evaluate((isbn) => chrome.runtime.sendMessage({ type: 'Search', isbn13: isbn }), isbn13);
    }
    const workerSession = await workerTarget.createCDPSession();
    await workerSession.send('HeapProfiler.collectGarbage').catch(() => {});
    const { usedSize: workerHeap } = await workerSession.send('Runtime.getHeapUsage');
    const popup = await ext.browser.newPage();
    await popup.goto(`${ext.extensionOrigin}popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#shop-list li');
    const { JSHeapUsedSize: popupHeap } = await popup.metrics();
    return { coldMs: timings[0], warmMs: timings.slice(1), listPaintedMs, mapVisibleMs, emptyPageMs, tilesPerOpening, workerHeapBytes: workerHeap, popupHeapBytes: popupHeap };
  } finally {
    await ext.close();
    await standIns.close();
  }
}

/**
 * What the cache saves: one shopper's page views (each book seen several times, in a shuffled order)
 * through the real lookup and its cache, against the stand-in server; every request that leaves counted.
 */
async function requestsForPageViews(views = 100, books = 20) {
  const server = await startStandInServer();
  try {
    const requests = [];
    const lookup = createLookup({
      fetch,
      sleep: async () => {},
      sources: [placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url }), openStreetMap(server.url)],
      cache: memoryLookupCache(),
      now: () => Date.now(),
      onRequest: (url) => requests.push(url),
    });
    const isbns = Array.from({ length: books }, (_, i) => {
      const twelve = `97820703${String(1000 + i).padStart(4, '0')}`;
      return twelve + isbn13CheckDigit(twelve);
    });
    for (let view = 0; view < views; view++) {
      const isbn13 = isbns[(view * 7) % books];
      await lookup({ isbn13, editions: [isbn13], storefront: 'amazon.fr', place: TOULOUSE, radiusKm: 30 });
    }
    return { views, books, requests: requests.length, stock: requests.filter((u) => u.includes('getshoplist')).length, map: requests.filter((u) => u.includes('interpreter')).length };
  } finally {
    await server.close();
  }
}

/**
 * What list pages cost the stock network, in Chromium with the production build and the stand-ins at
 * the services' addresses: a 48-book search page (marks on) scrolled top to bottom in ten seconds, and
 * the corpus's wish list scrolled at reading pace (six seconds), each in a browser of its own (the
 * limit is shared by all tabs) and then visited again. Counted: the stock requests (one per book
 * asked), during the scroll and the 1.5 s after.
 */
async function listRequestsInChromium(url, body, scrollMs) {
  const standIns = await startRealHostStandIns();
  const ext = await launchWithExtension('chromium', { realHosts: standIns.network });
  const stock = () => standIns.seen.filter((request) => request.url.includes('getshoplist.php')).length;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    const extensionPage = await ext.browser.newPage();
    await extensionPage.goto(`${ext.extensionOrigin}options/options.html`);
    await extensionPage.evaluate(() =>
      chrome.storage.sync.set({ settings: { place: { label: 'Toulouse', lat: 43.6, lon: 1.44, country: 'fr' }, lists: { wishlists: true, searchResults: true } } }),
    );
    const tab = await tabServing(ext, url, body);
    const perView = [];
    for (let view = 0; view < 2; view++) {
      const before = stock();
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      await sleep(1000); // the first items, looked at a moment
      const height = await tab.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      const steps = scrollMs / 100;
      for (let step = 1; step <= steps; step++) {
        await tab.evaluate((y) => scrollTo(0, y), Math.round((height * step) / steps));
        await sleep(100);
      }
      await sleep(1500);
      perView.push(stock() - before);
    }
    return { first: perView[0], second: perView[1] };
  } finally {
    await ext.close();
    await standIns.close();
  }
}

async function listRequests(wishlistPage) {
  const search = await listRequestsInChromium('https://www.amazon.fr/s?k=romans&i=stripbooks', searchResultsPage(madeUpBooks(48, 700), 'romans'), 10_000);
  const wishlist = wishlistPage && (await listRequestsInChromium(wishlistPage.url, readFileSync(new URL(wishlistPage.file, LIST_CORPUS)), 6000));
  return {
    searchPage48Books: { books: 48, ...search },
    wishlist: wishlistPage && { file: wishlistPage.file, books: wishlistPage.items.filter((item) => item.isbn13.length > 0).length, ...wishlist },
  };
}

/** The campaign the issue's figures design against (README, "what a campaign's volume means"). */
const CAMPAIGN = { shoppers: 100_000, bookPagesPerDay: 5, popupOpeningsPerDay: 3 };

/**
 * One shopper's week through the real lookup and its cache, with the default sources (the stock
 * network, the directory in the package with Overpass behind it), against the stand-in server: 5 new
 * books a day, one place; every request that leaves is counted by service. `covered`: whether the
 * packaged directory covers the shopper's country (a directory built, as the release builds it, from the
 * stand-in Overpass's answer for France), or not (a country outside it: Overpass answers).
 */
async function requestsPerDay({ covered, tilesPerOpening }) {
  const server = await startStandInServer();
  const files = buildPackagedDirectory(new Map(covered ? [['fr', overpassCountryAnswer('FR')]] : []), { fictional: true });
  const readDirectory = async (path) => JSON.parse(files.get(path));
  try {
    const requests = [];
    let now = new Date(2026, 11, 7, 9, 0).getTime();
    const lookup = createLookup({
      fetch,
      sleep: async () => {},
      sources: [placeDesLibraires({ id: 'placedeslibraires', name: 'Place des Libraires', baseUrl: server.url }), packagedDirectory(readDirectory, openStreetMap(server.url))],
      cache: memoryLookupCache(),
      now: () => now,
      onRequest: (url) => requests.push(url),
    });
    // The shopper's town, typed once on the first day (every later lookup reads the stored place).
    const geocoder = createGeocoder({
      fetch,
      sleep: async () => {},
      geocoders: { ...GEOCODERS_DEFAULT, geoplateforme: `${server.url}geocodage/`, nominatim: server.url },
      now: () => now,
      cache: { get: async () => undefined, set: async () => {} },
      onRequest: (url) => requests.push(url),
    });
    await geocoder.geocode('31000', 'fr');
    const days = 7;
    for (let day = 0; day < days; day++) {
      for (let page = 0; page < CAMPAIGN.bookPagesPerDay; page++) {
        const twelve = `97820703${String(3000 + day * 10 + page).padStart(4, '0')}`;
        const isbn13 = twelve + isbn13CheckDigit(twelve);
        await lookup({ isbn13, editions: [isbn13], storefront: 'amazon.fr', place: { ...TOULOUSE, country: 'fr' }, radiusKm: 30 });
        now += 30 * 60_000;
      }
      now += 24 * 3600_000 - CAMPAIGN.bookPagesPerDay * 30 * 60_000;
    }
    const count = (pattern) => requests.filter((url) => pattern.test(url)).length / days;
    const perShopper = {
      'Place des Libraires': count(/getshoplist/),
      Overpass: count(/interpreter/),
      // France's towns go to the Géoplateforme; Nominatim is asked for towns elsewhere (README, "Services").
      'Géoplateforme (geocoder)': count(/\/geocodage\//),
      Nominatim: count(/\/(?:search|reverse)\?/) - count(/\/geocodage\//),
      // The map: the TileJSON kept a day, the first view's tiles at each opening (none from the HTTP cache: an upper bound).
      'map tiles (OpenFreeMap)': tilesPerOpening === null ? null : tilesPerOpening * CAMPAIGN.popupOpeningsPerDay + 1,
    };
    return Object.fromEntries(Object.entries(perShopper).map(([service, n]) => [service, { perShopperPerDay: n === null ? null : round(n, 3), campaignPerDay: n === null ? null : Math.round(n * CAMPAIGN.shoppers) }]));
  } finally {
    await server.close();
  }
}

/** `npm run bench -- --popup`: only the badge and popup timings, for working on the popup (results not written). */
const POPUP_ONLY = process.argv.includes('--popup');

async function main() {
  if (POPUP_ONLY) {
    const { listPaintedMs, mapVisibleMs, emptyPageMs } = await warmBadgeInChromium();
    const empty = median(emptyPageMs);
    console.table({ emptyPageMs: round(empty, 1), listPaintedMs: round(median(listPaintedMs), 1), mapVisibleMs: round(median(mapVisibleMs), 1), listOverEmpty: round(median(listPaintedMs) / empty, 2), mapOverEmpty: round(median(mapVisibleMs) / empty, 2) });
    return;
  }
  const results = { date: new Date().toISOString(), sizes: bundleSizes() };
  const pages = existsSync(new URL('EXPECTED.json', CORPUS)) ? JSON.parse(readFileSync(new URL('EXPECTED.json', CORPUS), 'utf8')).pages : [];
  if (pages.length === 0) console.warn('../shared/amazon-pages is missing: no detection timings.');
  if (pages.length) results.detectionJsdom = await detectionInJsdom(pages);
  if (pages.length && findBrowser('chromium')) results.detectionChromium = await detectionInChromium(pages);
  const listPages = existsSync(new URL('EXPECTED.json', LIST_CORPUS)) ? JSON.parse(readFileSync(new URL('EXPECTED.json', LIST_CORPUS), 'utf8')).pages : [];
  if (listPages.length && findBrowser('chromium')) results.listDetectionChromium = await listDetectionInChromium(listPages);
  if (findBrowser('chromium')) results.badge = await warmBadgeInChromium();
  if (findBrowser('chromium')) results.lists = await listRequests(listPages.find((page) => page.kind === 'wishlist' && page.year >= 2019));
  results.requests = await requestsForPageViews();
  results.perDay = {
    packagedDirectory: await requestsPerDay({ covered: true, tilesPerOpening: results.badge?.tilesPerOpening ?? null }),
    countryNotPackaged: await requestsPerDay({ covered: false, tilesPerOpening: results.badge?.tilesPerOpening ?? null }),
  };

  console.log('\nBundle sizes (bytes)');
  console.table(Object.fromEntries(Object.entries(results.sizes).map(([k, v]) => [k, v])));
  if (results.detectionJsdom) {
    const jsdomMedian = median(results.detectionJsdom.map((p) => p.ms));
    results.summary = { detectionMedianMsJsdom: round(jsdomMedian, 4) };
  }
  if (results.detectionChromium) {
    const ours = median(results.detectionChromium.map((p) => p.ms));
    const naive = median(results.detectionChromium.map((p) => p.naiveMs));
    Object.assign(results.summary, {
      detectionMedianMsChromium: round(ours, 4),
      naiveInnerTextMedianMsChromium: round(naive, 3),
      naiveOverOursRatio: round(naive / ours, 1),
    });
    console.log('\nDetection per corpus page (ms, median of batches)');
    console.table(
      Object.fromEntries(
        results.detectionChromium.map((p, i) => [p.file, { chromium: round(p.ms, 4), jsdom: round(results.detectionJsdom[i].ms, 4), 'naive innerText (chromium)': round(p.naiveMs, 3) }]),
      ),
    );
  }
  if (results.listDetectionChromium) {
    results.summary ??= {};
    results.summary.listDetectionMedianMsChromium = round(median(results.listDetectionChromium.map((p) => p.ms)), 3);
    console.log('\nList pages: reading every item (ms, median of batches, Chromium)');
    console.table(Object.fromEntries(results.listDetectionChromium.map((p) => [p.file, { ms: round(p.ms, 3), items: p.items }])));
  }
  if (results.badge) {
    results.summary ??= {};
    Object.assign(results.summary, {
      bookSeenToBadgeColdMsChromium200msNetwork: round(results.badge.coldMs, 1),
      bookSeenToBadgeWarmMedianMsChromium: round(median(results.badge.warmMs), 2),
      popupListPaintedWarmMedianMsChromium: round(median(results.badge.listPaintedMs), 1),
      emptyExtensionPageFirstPaintMedianMsChromium: round(median(results.badge.emptyPageMs), 1),
      listPaintedOverEmptyPageRatio: round(median(results.badge.listPaintedMs) / median(results.badge.emptyPageMs), 2),
      popupMapVisibleWarmMedianMsChromium200msNetwork: round(median(results.badge.mapVisibleMs), 1),
      vectorTilesPerPopupOpening: results.badge.tilesPerOpening,
      workerHeapAfter100LookupsMB: round(results.badge.workerHeapBytes / 1e6, 2),
      popupHeapMB: round(results.badge.popupHeapBytes / 1e6, 2),
    });
  }
  results.summary ??= {};
  if (results.lists) {
    const { searchPage48Books: search, wishlist } = results.lists;
    results.summary.stockRequestsScrolledSearchPage48Books = `${search.first} (second view: ${search.second})`;
    if (wishlist) results.summary.stockRequestsWishlistScrolled = `${wishlist.first} of ${wishlist.books} books (second view: ${wishlist.second})`;
  }
  results.summary.requestsFor100ViewsOf20Books = `${results.requests.requests} (${results.requests.stock} stock, ${results.requests.map} map)`;
  results.summary.popupCriticalPathGzippedKB = round(results.sizes['popup critical path (before the list)'].gzipped / 1024, 1);
  console.log(`\nUpstream requests a day, for one shopper and for a campaign of ${CAMPAIGN.shoppers.toLocaleString('en')} (${CAMPAIGN.bookPagesPerDay} book pages and ${CAMPAIGN.popupOpeningsPerDay} popup openings a day each)`);
  for (const [label, table] of Object.entries(results.perDay)) {
    console.log(label === 'packagedDirectory' ? 'a place the packaged directory covers:' : 'a place in a country the packaged directory does not cover (Overpass answers):');
    console.table(table);
  }
  console.log('\nSummary');
  console.table(results.summary ?? {});
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
  console.log('written to bench/results.json');
}

await main();
