// `npm start`: builds, then opens Chromium (or Firefox with --firefox) with the extension loaded on an
// Amazon book page. `npm run demo`: the same with no network at all; the book page is served from
// demo/amazon-fr-book.html at its amazon.fr address, the worker's requests to the bookshop networks
// and geocoders are answered by the stand-ins (Chromium), and every other request is refused.
// Type "Toulouse" (or 31000, Muret) in the popup to see the invented demo shops. The demo also serves
// a search results page (DEMO_SEARCH_URL): the popup there offers marks on search results.
//
// Options: --firefox  --url URL (npm start only)  --headless  --screenshot FILE (implies --headless)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startRealHostStandIns } from '../stand-ins/real-hosts.ts';
import { madeUpBooks, searchResultsPage } from '../stand-ins/list-pages.ts';
import { findBrowser, launchWithExtension } from './browsers.mjs';

const DEMO_URL = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024';
const LIVE_URL = 'https://www.amazon.fr/dp/2070360024';
const DEMO_SEARCH_URL = 'https://www.amazon.fr/s?k=camus&i=stripbooks';

const { values: options } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    firefox: { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    url: { type: 'string' },
  },
});
const browserName = options.firefox ? 'firefox' : 'chromium';
const headless = options.headless || options.screenshot !== undefined;

if (!findBrowser(browserName)) {
  console.error(`No ${browserName} found. Install one (Debian: apt-get install ${options.firefox ? 'firefox-esr' : 'chromium'}),`);
  console.error(`or point ${options.firefox ? 'FIREFOX_PATH' : 'CHROME_PATH'} at its executable.`);
  process.exit(1);
}

// A browser window needs a display: on a server or in a container there is none, and the browser would
// die with "Missing X server". Say what works there instead.
const NO_DISPLAY_HELP = [
  'There is no display here for a browser window (DISPLAY and WAYLAND_DISPLAY are not set). Instead:',
  '  npm start -- --headless                   a smoke run: prints what the popup says, then closes',
  '  npm run demo -- --screenshot demo.png     the offline demo, as a picture of the page and the popup',
  '  xvfb-run npm start                        a window on a virtual display (Debian: apt-get install xvfb)',
];
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  for (const line of NO_DISPLAY_HELP) console.error(line);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// A person at the window sees the welcome tab, as after a real install; a headless smoke run does not need it.
// The demo: the services' own addresses answered by the stand-ins, in either browser (stand-ins/real-hosts.ts).
const standIns = options.demo ? await startRealHostStandIns() : null;
const ext = await launchWithExtension(browserName, { headless, welcomeTab: headless ? 'close' : 'keep', realHosts: standIns?.network }).catch(async (error) => {
  // Not a stack trace: what failed, and what to try.
  console.error(`${browserName} did not start: ${String(error.message ?? error).split('\n')[0]}`);
  if (/X server|display/i.test(String(error.message))) for (const line of NO_DISPLAY_HELP) console.error(line);
  await standIns?.close();
  process.exit(1);
});
const demoPage = readFileSync(new URL('../demo/amazon-fr-book.html', import.meta.url));
// Two books the demo shops have, among others they do not.
const demoSearchPage = searchResultsPage([{ isbn10: '2070360024', title: 'L’Étranger' }, ...madeUpBooks(3), { isbn10: '193435659X', title: 'Seven Languages in Seven Weeks' }, ...madeUpBooks(7, 200)], 'camus');

/**
 * Demo mode: answer the demo address from the file, let the extension's own pages and the services'
 * hosts (answered by the stand-ins) through, refuse the rest.
 */
const offlinePages = new WeakSet();
async function keepOffline(page) {
  if (offlinePages.has(page)) return;
  offlinePages.add(page);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.split('#')[0] === DEMO_URL || url.split('#')[0] === DEMO_SEARCH_URL) {
      request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: url.split('#')[0] === DEMO_URL ? demoPage : demoSearchPage }).catch(() => {});
    } else if (/^(?:chrome-extension|moz-extension|data|blob|about):/.test(url) || standIns?.network.hosts.includes(new URL(url).hostname)) {
      request.continue().catch(() => {});
    } else {
      request.abort().catch(() => {});
    }
  });
}

/**
 * The newcomer's first picture, taken at the end: the book page with its card, and the popup beside
 * it, laid side by side in one blank page of the same browser (no image library needed).
 */
async function savePicture(bookPage, popupPage, file) {
  await bookPage.bringToFront();
  await bookPage.waitForFunction(() => document.querySelector('[data-local-bookshops="card"]'), { timeout: 5_000 }).catch(() => {});
  const book = await bookPage.screenshot({ encoding: 'base64' });
  await popupPage.bringToFront();
  await popupPage.setViewport({ width: 400, height: 800 });
  // The map drawn, with its tiles and credits (or the line that says why there is none), before the picture.
  await popupPage
    .waitForFunction(() => document.querySelector('#map .leaflet-tile-loaded') && document.querySelector('#map .leaflet-control-attribution')?.textContent || !document.getElementById('map-status')?.hidden, { timeout: 15_000 })
    .catch(() => console.error('the map was not drawn within 15 s: the picture shows it as it was'));
  const popupShot = await popupPage.screenshot({ encoding: 'base64', fullPage: true });
  const sheet = await ext.browser.newPage();
  await sheet.setViewport({ width: 1240, height: 820 });
  await sheet.setContent(
    `<body style="margin:0;display:flex;gap:16px;padding:10px;background:#ddd;align-items:flex-start">` +
      `<img src="data:image/png;base64,${book}" style="width:800px;border:1px solid #999">` +
      `<img src="data:image/png;base64,${popupShot}" style="width:400px;border:1px solid #999"></body>`,
  );
  await sheet.screenshot({ path: file });
  console.log(`saved ${file}: the book page with its card, and the popup`);
}

if (options.demo) {
  ext.browser.on('targetcreated', async (target) => {
    const page = await target.page().catch(() => null);
    if (page) await keepOffline(page).catch(() => {});
  });
}

const page = await ext.browser.newPage();
if (options.demo) await keepOffline(page);
const address = options.demo ? DEMO_URL : (options.url ?? LIVE_URL);
await page.goto(address, { waitUntil: 'domcontentloaded' }).catch((error) => {
  console.error(`Could not open ${address}: ${error.message}${options.demo ? '' : ' (no network? try npm run demo)'}`);
});
console.log(`${browserName} is open on ${address} with the extension loaded${options.demo ? ' (offline demo)' : ''}.`);
if (options.demo) console.log(`A search results page to try the list marks on (turn them on from the popup there): ${DEMO_SEARCH_URL}`);

if (headless) {
  // A smoke run: let the content script report, show what the popup says, save a picture, close.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const popup = await ext.browser.newPage();
  const popupUrl = `${ext.extensionOrigin}popup/popup.html`;
  popup.goto(popupUrl).catch(() => {});
  await popup.waitForFunction((u) => location.href === u && document.readyState === 'complete', {}, popupUrl);
  const keys = await popup.evaluate(async () => Object.keys(await (globalThis.browser ?? globalThis.chrome).storage.session.get(null)));
  const tabKey = keys.find((key) => key.startsWith('tab:'));
  const tabUrl = `${popupUrl}?tabId=${tabKey?.slice('tab:'.length) ?? ''}`;
  popup.goto(tabUrl).catch(() => {});
  await popup.waitForFunction((u) => location.href === u && document.getElementById('app')?.dataset.state !== 'reading', {}, tabUrl);
  if (options.demo && (await popup.$('input[name="place"]'))) {
    // Show the whole flow: a town typed in the popup, then the shops the stand-ins know around it.
    await popup.type('input[name="place"]', 'Toulouse');
    await popup.click('.place-form button[type="submit"]');
    await popup.waitForSelector('#shop-list li, #problem-list li', { timeout: 15_000 }).catch(() => {});
  }
  console.log(`popup: ${await popup.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').trim())}`);
  if (options.screenshot) await savePicture(page, popup, options.screenshot);
  await ext.close();
  await standIns?.close();
} else {
  console.log('Close the browser window to stop.');
  ext.browser.on('disconnected', () => ext.close().then(() => standIns?.close()).then(() => process.exit(0)));
}
