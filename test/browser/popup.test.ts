// What the shopper sees, in Chromium and Firefox, with the production build: the card on a French book
// page, the popup (map and list) opened with ?tabId=N, every state by its words, hostile shop names,
// the map's fallbacks (raster tiles, then the list alone). The sources, geocoder and tiles are the
// stand-ins on a local server, which the settings point to (Firefox's worker cannot be intercepted;
// the same path is used in both browsers).
import { mkdirSync, readFileSync } from 'node:fs';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browsers.mjs';
import { startStandInServer, type StandInServer } from '../../stand-ins/server';
import { MAP_LAYERS } from '../../src/map/vector-source';
import { readFixture } from '../fixtures';
import { badgeTitle, changeSettings, holdsFor, describeInBrowsers, describeInChromium, forgetStored, openAmazonPage, SCREENSHOTS, openExtensionPage, tabBooks, useStandInServer, waitForBadge, shownWords, storageOf, waitForCard, waitForTabBook, type Extension } from './harness';

const DEMO = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
const DEMO_URL = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024';
/** The demo page with an element a page script put there first, under the id the card once had. */
const DEMO_PLANTED = Buffer.from(DEMO.toString('utf8').replace('<body>', '<body><div id="local-bookshops-card">planted by the page</div>'));
const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
// Those with the book first, by distance; the shop closed for holidays after every open one.
/** The network's four shops that answered they do not have it: after those that may, before the one closed for holidays. */
const NOT_IN_STOCK = ['Librairie de la Garonne (démo)', 'Librairie des Carmes (démo)', 'L’Œil à la Page (démo)', 'Le Chat Lettré (démo)'];
const IN_ORDER = ['Librairie Saint-Honoré (démo)', 'Librairie du Capitole (démo)', 'La Page Blanche (démo)', 'Bulles et Cases (démo)', 'Le Grenier à Livres (démo)', ...NOT_IN_STOCK, 'Au Fil des Pages (démo)'];

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const stateOf = (page: Page, state: string) =>
  page.waitForFunction((s) => document.getElementById('app')?.dataset.state === s, { polling: 50, timeout: 20_000 }, state);
/** The map's land and water colours, light and dark (map/openmaptiles-style.ts), as the stand-in tiles have both. */
const LAND = '242,239,233';
const WATER = '170,211,223';
const DARK_LAND = '38,41,43';
const DARK_WATER = '29,58,74';

/** The colours drawn on the map's tile canvases (every 5th pixel), as "r,g,b". */
const mapColours = (page: Page) =>
  page.$$eval('#map canvas.leaflet-tile-loaded', (canvases) => {
    const seen = new Set<string>();
    for (const canvas of canvases as HTMLCanvasElement[]) {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4 * 5) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    }
    return [...seen];
  });

/** The shops whose markers are not inside the map's box, by their titles. */
const markersOutsideMap = (page: Page) =>
  page.$$eval('#map .shop-marker', (markers) => {
    const box = document.getElementById('map')!.getBoundingClientRect();
    return markers.filter((marker) => {
      const r = marker.getBoundingClientRect();
      return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
    }).map((marker) => marker.getAttribute('title'));
  });

const shopNames = (page: Page) => page.$$eval('#shop-list li[data-shop-id] .shop-name', (items) => items.map((h) => h.textContent));

describeInBrowsers('the popup, the card and the map', (name) => {
  let ext: Extension;
  let server: StandInServer;
  let extensionPage: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startStandInServer();
    ext = await launchWithExtension(name);
    extensionPage = await openExtensionPage(ext, 'options/options.html');
    await useStandInServer(extensionPage, server.url);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function openBook(url: string, body: Buffer, isbn13: string): Promise<{ tab: Page; tabId: number }> {
    const known = new Set(Object.keys(await tabBooks(extensionPage)));
    const tab = await openAmazonPage(ext, [{ url, body }]);
    tab.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    // This new tab's book, not one a tab opened earlier still shows.
    const [tabId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === isbn13 && !known.has(`tab:${id}`));
    return { tab, tabId };
  }

  /** The TileJSON answer the popup keeps in storage.local (null: none kept). */
  const setKeptTileJson = (kept: object | null) =>
    extensionPage.evaluate(async (value) => {
      const g = globalThis as unknown as { browser?: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } }; chrome?: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } } };
      const local = (g.browser ?? g.chrome)!.storage.local;
      await (value ? local.set({ 'map:tilejson': value }) : local.remove('map:tilejson'));
    }, kept);

  /** A TileJSON answer as the popup keeps it, naming one weekly build of the stand-in's planet. */
  const keptTileJson = (build: string, until: number) => {
    const planet = `${server.url}planet`;
    return { from: planet, answer: { tilejson: '3.0.0', tiles: [`${planet}/${build}/{z}/{x}/{y}.pbf`], maxzoom: 14, vector_layers: MAP_LAYERS.map((id) => ({ id })) }, until };
  };

  /** The demo book's popup once its map has drawn a tile, and the planet's paths it asked on the way ('' the TileJSON). */
  async function mapDrawnWith() {
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const before = server.requests.length;
    const popup = await openPopup(tabId);
    await popup.waitForSelector('#map canvas.leaflet-tile-loaded', { timeout: 15_000 });
    const planet = `${server.url}planet`;
    const asked = server.requests.slice(before).filter((url) => url.includes('/planet')).map((url) => url.slice(planet.length));
    return { tab, popup, asked };
  }

  async function openPopup(tabId: number): Promise<Page> {
    // As a browser that has kept no tile: OpenFreeMap's tiles are kept for years (the stand-in says so as
    // the service does), and a test that refuses them must not be answered from an earlier test's cache.
    const page = await ext.browser.newPage();
    await page.setCacheEnabled(false);
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`, page);
    popup.on('dialog', (dialog) => void dialogs.push(dialog.message()));
    return popup;
  }

  it('asks for a place, then shows the count on the page and the shops on the map and in the list, in order', async () => {
    const { tab, tabId } = await openBook(DEMO_URL, DEMO_PLANTED, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'no-place');
    expect(await textOf(popup, '#status')).toMatch(/Where are you\?/);

    // The form searches in the storefront's country, and says which: a postcode means nothing without it.
    expect(await popup.$eval('select[name="country"]', (el) => [(el as HTMLSelectElement).value, (el as HTMLSelectElement).selectedOptions[0]!.textContent])).toEqual(['fr', 'France']);
    await popup.type('input[name="place"]', '31000');
    await popup.click('.place-form button[type="submit"]');
    await stateOf(popup, 'results');
    expect(await textOf(popup, '#status')).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    expect(await textOf(popup, '#place-current')).toBe('Near 31000 Toulouse, within 30 km');
    expect(await shopNames(popup)).toEqual(IN_ORDER);
    // Text at the designed size in both browsers (Chrome's stylesheet for extension pages shrinks the body to 75%).
    // Nothing a shopper reads to decide below 13 px, and no heading smaller than the text.
    const sizes = await popup.evaluate(() => ['.shop-name', '.shop-meta', '.shop-address', '#map-legend', '#status', '#asked-line'].map((selector) => getComputedStyle(document.querySelector(selector)!).fontSize));
    expect(sizes).toEqual(['14px', '13px', '13px', '13px', '14px', '13px']);
    expect(await popup.$$eval('#shop-list li .shop-meta', (items) => items.map((p) => p.textContent))).toEqual([
      '0.5 km · In stock',
      '0.6 km · In stock',
      '1.4 km · Pre-order',
      '1.4 km · Stock unknown',
      '3.8 km · Stock unknown',
      // They said so: never "stock unknown".
      '0.4 km · Not in stock',
      '0.4 km · Not in stock',
      '0.6 km · Not in stock',
      '1.1 km · Not in stock',
      // Has it, but closed for holidays: said in one place, and not in green.
      '17.9 km · Has it · closed for holidays',
    ]);
    // One marker per shop with a place, on a map whose tiles came.
    await popup.waitForSelector('#map[data-markers]');
    // (The map shows where the book may be: the four that said they do not have it are in the list only.)
    expect(await popup.$$eval('#map .shop-marker', (markers) => markers.map((m) => m.getAttribute('title')))).toEqual(IN_ORDER.filter((shop) => !NOT_IN_STOCK.includes(shop)));
    // Shops 100 m apart (Saint-Honoré, Capitole) are two markers a shopper can tell apart and click.
    const closest = await popup.$$eval('#map .shop-marker', (markers) => {
      const centres = markers.map((m) => m.getBoundingClientRect()).map((r) => [r.left + r.width / 2, r.top + r.height / 2] as const);
      return Math.min(...centres.flatMap(([x, y], i) => centres.slice(i + 1).map(([u, v]) => Math.hypot(x - u, y - v))));
    });
    expect(closest).toBeGreaterThanOrEqual(18);
    // The legend's entries shown: one for each kind of marker on this map (no library lends it here).
    expect(await popup.$$eval('#map-legend > span:not([hidden])', (entries) => entries.map((entry) => entry.textContent!.trim()))).toEqual(['your place', 'has the book', 'stock unknown', 'closed for holidays']);
    // Read without colour: each marker carries its shop's number in the list, on a shape that says the
    // stock (a circle has the book, a square is unknown, a hollow circle is closed for holidays).
    expect(await popup.$$eval('#shop-list li .shop-number', (numbers) => numbers.map((n) => n.textContent))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(await popup.$$eval('#map .shop-marker', (markers) => markers.map((m) => [m.textContent, getComputedStyle(m).borderTopLeftRadius]))).toEqual([
      ['1', '50%'],
      ['2', '50%'],
      ['3', '50%'],
      ['4', '3px'],
      ['5', '3px'],
      ['10', '50%'],
    ]);
    // The shopper's place is drawn above the shops' markers, never hidden in a ring of them.
    expect(await popup.evaluate(() => Number(getComputedStyle(document.querySelector('.leaflet-place-pane')!).zIndex) > Number(getComputedStyle(document.querySelector('.leaflet-marker-pane')!).zIndex))).toBe(true);
    // A keyboard skips the map's zoom buttons and credits, straight to the first shop.
    await popup.focus('#skip-map');
    await popup.keyboard.press('Enter');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-shop-id'))).toBe(await popup.$eval('#shop-list li', (li) => li.getAttribute('data-shop-id')));
    // The shop closed for holidays is a hollow marker, explained in the legend: nobody sets off for a closed door.
    expect(await popup.$$eval('#map .shop-marker.on-holiday', (markers) => markers.map((m) => m.getAttribute('title')))).toEqual(['Au Fil des Pages (démo)']);
    expect(await popup.$eval('#legend-holiday', (el) => (el as HTMLElement).hidden)).toBe(false);
    // The background: vector tiles drawn on canvases, with no WebGL (Firefox ESR has none here, and
    // draws the same map).
    await popup.waitForSelector('#map canvas.leaflet-tile-loaded');
    if (name === 'firefox') expect(await popup.evaluate(() => !!document.createElement('canvas').getContext('webgl2') || !!document.createElement('canvas').getContext('webgl'))).toBe(false);
    expect(await popup.$eval('#map-status', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await mapColours(popup)).toEqual(expect.arrayContaining([LAND, WATER]));
    // Every shop in the first view, Muret's 17.9 km away too; and still when the map's box changes after
    // it was made, as a toolbar popup's window settles its size.
    expect(await markersOutsideMap(popup)).toEqual([]);
    await popup.$eval('#map', (map) => ((map as HTMLElement).style.height = '120px'));
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await markersOutsideMap(popup)).toEqual([]);
    await popup.$eval('#map', (map) => (map as HTMLElement).style.removeProperty('height'));
    // The tile server learns which tiles, nothing else: no page address (Referer), no cookie.
    const tiles = server.seen.filter((r) => /\/planet(\/.*\.pbf)?$/.test(r.url));
    expect(tiles.length).toBeGreaterThan(1);
    for (const { headers } of tiles) expect([headers.referer, headers.cookie]).toEqual([undefined, undefined]);
    // Opening hours, read by the opening_hours library: "Open now · today 10:00–19:00" or closed.
    await popup.waitForFunction(() => /today|closed today/.test(document.querySelector('li[data-shop-id="openstreetmap:node/900002"] .shop-hours')?.textContent ?? ''), { polling: 100, timeout: 15_000 });
    // Marker and list entry highlight each other.
    await popup.focus('li[data-shop-id="placedeslibraires:9101"] .shop-links a'); // keyboard focus, as with a mouse over it
    await popup.waitForSelector('#map .shop-marker.highlight[title="Librairie du Capitole (démo)"]');
    await popup.$eval('#map .shop-marker[title="Le Grenier à Livres (démo)"]', (marker) => (marker as HTMLElement).click());
    await popup.waitForSelector('li.highlight[data-shop-id="openstreetmap:way/900003"]');
    // The network writes its text with HTML entities: the list and the marker popup show the characters.
    expect(await textOf(popup, 'li[data-shop-id="placedeslibraires:9102"] .shop-address')).toBe('3, place de la République, 31000 Toulouse');
    await popup.$eval('#map .shop-marker[title="Librairie Saint-Honoré (démo)"]', (marker) => (marker as HTMLElement).click());
    await popup.waitForFunction(() => document.querySelector('.leaflet-popup-content strong')?.textContent === 'Librairie Saint-Honoré (démo)', { polling: 100, timeout: 5000 });
    expect(await textOf(popup, '.leaflet-popup-content .shop-address')).toBe('3, place de la République, Toulouse');
    // OpenStreetMap's shops and hours are shown: credited and linked, with a way to fix the map.
    expect(await popup.$$eval('#osm-credit a', (as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))).toEqual([
      ['© OpenStreetMap contributors', 'https://www.openstreetmap.org/copyright'],
      ['Fix the map', 'https://www.openstreetmap.org/fixthemap'],
    ]);
    // The place came from the Géoplateforme, and says so.
    expect(await textOf(popup, '#place-credit')).toMatch(/Géoplateforme/);
    // The credits, as links: the tile service's (a setting, shown as text, not HTML), the schema's, the data's.
    expect(await popup.$$eval('.map-credits a', (as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))).toEqual([
      ['<b>Stand-in</b> tiles', 'https://example.org/stand-in'],
      ['© OpenMapTiles', 'https://www.openmaptiles.org/'],
      ['© OpenStreetMap', 'https://www.openstreetmap.org/copyright'],
    ]);
    // Links: phone, directions, the network's page.
    const links = await popup.$$eval('li[data-shop-id="placedeslibraires:9101"] .shop-links a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links[0]).toBe('tel:0561000001');
    expect(links[1]).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?route=/);
    expect(links[2]).toBe(`${server.url}livre/9782070360024`); // the network's page, at its configured address

    // The card on the Amazon page, below the buy box, with the count and the French reminder.
    const root = await waitForCard(tab, (words) => words.includes('bookshops'));
    expect((await shownWords(root)).join(' ')).toContain('3 bookshops near you have it');
    // Light on Amazon's white page.
    expect(await root.evaluate((r) => getComputedStyle(r.querySelector('.card')!).backgroundColor)).toBe('rgb(246, 251, 248)');
    // What Amazon's own scripts can learn of it: that it is there, and how many shops. No shadow root
    // they can open, and no shop name or distance to read or to search for; the element the page
    // planted with the card's old id is left as it was.
    expect(await tab.evaluate(() => {
      const host = document.querySelector('[data-local-bookshops]')!;
      let attached = 'no';
      try {
        host.attachShadow({ mode: 'open' });
        attached = 'yes';
      } catch {
        // Refused: the element has a shadow root already, which the page cannot see.
      }
      return {
        openRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
        attached,
        words: /Saint-Honoré|0\.5 km|bookshops near/.test(`${document.documentElement.textContent} ${document.body.innerText}`),
        searched: ['Saint-Honoré', '0.5 km', 'Nearest'].filter((text) => (window as unknown as { find(text: string): boolean }).find(text)),
        planted: [document.getElementById('local-bookshops-card')?.textContent, document.getElementById('local-bookshops-card')?.shadowRoot],
      };
    })).toEqual({ openRoots: 0, attached: 'no', words: false, searched: [], planted: ['planted by the page', null] });
    // Every target at least 24 px square (WCAG 2.2): the card's two buttons, the stars, the links.
    const smallest = (scope: Page | ElementHandle<ShadowRoot>, selector: string) =>
      scope.$$eval(selector, (elements) => {
        const rects = elements.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0);
        return rects.length ? Math.min(...rects.map((r) => Math.min(r.width, r.height))) : null;
      });
    expect(await smallest(root, '.open, .close')).toBeGreaterThanOrEqual(24);
    for (const selector of ['#shop-list .pin', '#shop-list .shop-links a', '#portal-list a']) expect(await smallest(popup, selector), selector).toBeGreaterThanOrEqual(24);
    expect(await shownWords(root, '.law')).toEqual(['In France a new book costs the same in a bookshop as on Amazon (fixed book price law).']);
    expect(await root.evaluate((r) => (r.host as Element).previousElementSibling?.id)).toBe('buybox');
    if (name === 'chromium') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      // A tab in the background never paints a frame to capture: bring each to the front first.
      await tab.bringToFront();
      await tab.screenshot({ path: `${SCREENSHOTS}/card-on-page.png` });
      // Amazon's page stays white in a dark system theme, and so does the card.
      await tab.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      expect(await root.evaluate((r) => getComputedStyle(r.querySelector('.card')!).backgroundColor)).toBe('rgb(246, 251, 248)');
      await popup.bringToFront();
      await popup.setViewport({ width: 400, height: 900 });
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-en-light.png`, fullPage: true });
      // The system turns dark while the popup is open: the map is drawn again in dark tones.
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await popup.waitForFunction(
        (land) =>
          [...document.querySelectorAll<HTMLCanvasElement>('#map canvas.leaflet-tile-loaded')].some((canvas) => {
            const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
            for (let i = 0; i < data.length; i += 4 * 5) if (`${data[i]},${data[i + 1]},${data[i + 2]}` === land) return true;
            return false;
          }),
        { polling: 100, timeout: 10_000 },
        DARK_LAND,
      );
      // A popup opened in a dark system theme: the popup, and the map drawn dark from the start.
      await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}&dark`, popup);
      await popup.waitForSelector('#map canvas.leaflet-tile-loaded');
      const dark = await mapColours(popup);
      expect(dark).toEqual(expect.arrayContaining([DARK_LAND, DARK_WATER]));
      expect(dark).not.toContain(LAND);
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-en-dark.png`, fullPage: true });
    }
    await popup.close();
    await tab.close();
  });

  it('gives a page script nothing of the card: window.find() finds none of its words, and no selection leads into its closed root', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    const { tab } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const root = await waitForCard(tab, (words) => words.includes('near you'));
    expect(await shownWords(root, '.headline')).toEqual(['3 bookshops near you have it']);
    // The probe a page script can run (in Firefox it handed the script the closed root while the words were text).
    const probe = await tab.evaluate(() => {
      const found = ['near you', 'bookshops', 'See them', 'fixed book price'].map((words) => {
        getSelection()?.removeAllRanges();
        const hit = (window as unknown as { find(text: string): boolean }).find(words);
        const into = getSelection()?.anchorNode?.getRootNode();
        return { words, hit, intoShadow: !!into && into !== document };
      });
      return { found, bodyText: document.body.innerText.includes('near you') };
    });
    expect(probe).toEqual({ found: ['near you', 'bookshops', 'See them', 'fixed book price'].map((words) => ({ words, hit: false, intoShadow: false })), bodyText: false });
    await tab.close();
  });

  it('says which source could not be checked and why while the others answer, and retries on request', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    server.setScenario({ placedeslibraires: 'timeout' });
    const { tab, tabId } = await openBook('https://www.amazon.fr/LEtranger/dp/207036822X', readFixture('desktop-2023-rpi-and-bullets.html'), '9782070368228');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'asking');
    await popup.waitForFunction(() => /\(1 of 2 answered\)/.test(document.getElementById('status')!.textContent!), { polling: 100, timeout: 5000 });
    expect(await popup.$$eval('#progress li', (items) => items.map((li) => li.textContent))).toEqual(['Place des Libraires: waiting for an answer…', 'OpenStreetMap: answered']);
    await stateOf(popup, 'directory-only');
    expect(await textOf(popup, '#problem-list')).toBe('Place des Libraires could not be checked: it did not answer in time.');
    expect(await shopNames(popup)).toEqual(['Librairie du Capitole (démo)', 'Bulles et Cases (démo)', 'Le Grenier à Livres (démo)']);

    server.setScenario('ok');
    await popup.click('#retry');
    await stateOf(popup, 'none-nearby');
    // The network's shops answered: said as such; the map's others, as unknown.
    expect(await textOf(popup, '#status')).toBe('8 bookshops within 30 km answered: none has it in stock. Order it from one of them, or look further. The stock of 2 others nearby is unknown: call ahead.');
    expect(await waitForBadge(extensionPage, tabId, '0')).toBe('0');
    expect(await badgeTitle(extensionPage, tabId)).toBe('Local Bookshops: 8 shops near you answered, none has it in stock');
    // The card on the page says the same, counting only the shops that answered.
    const card = await waitForCard(tab, (words) => words.includes('answered'));
    expect(await shownWords(card, '.headline')).toEqual(['8 bookshops near you answered: none has it in stock']);
    expect(await textOf(popup, '#wider-button')).toBe('Look within 50 km');
    expect(await popup.$$eval('#portal-list a', (as) => as.map((a) => a.textContent))).toEqual(['Librairies indépendantes', 'leslibraires.fr', 'Place des Libraires']);
    await popup.close();
    await tab.close();
  }, 40_000);

  it('on a tab without a book, looks up an ISBN typed in the popup', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    const popup = await openPopup(999_999);
    await stateOf(popup, 'not-a-book');
    expect(await textOf(popup, '#status')).toMatch(/This tab shows no book/);
    await popup.type('#search-input', '978-2-07-036002-5');
    await popup.click('#search-form button');
    expect(await textOf(popup, '#search-message')).toMatch(/not a valid ISBN/);
    await popup.$eval('#search-input', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('#search-input', '2070360024');
    await popup.click('#search-form button');
    await stateOf(popup, 'results');
    expect(await shopNames(popup)).toEqual(IN_ORDER);
    await popup.close();
  });

  it('counts every network shop with the book though all give one phone number, and says OpenStreetMap failed when it answers a runtime error, asking it again on the next book', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    await forgetStored(extensionPage, 'cache:');
    server.setScenario({ placedeslibraires: 'shared-phone', openstreetmap: 'overpass-remark' });
    const overpassAsked = () => server.requests.filter((url) => url.includes('/interpreter')).length;
    const asked = overpassAsked();
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await textOf(popup, '#status')).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    expect(await shopNames(popup)).toEqual(['Librairie Saint-Honoré (démo)', 'Librairie du Capitole (démo)', 'La Page Blanche (démo)', ...NOT_IN_STOCK, 'Au Fil des Pages (démo)']);
    expect(await waitForBadge(extensionPage, tabId, '3')).toBe('3');
    expect(await textOf(popup, '#problem-list li[data-source-id="openstreetmap"]')).toBe(
      'OpenStreetMap could not be checked: it reported an error of its own; it is asked again with the next book. Copy details',
    );
    // "Copy details" gives what Overpass said, for a bug report (copied, or in the tooltip where the clipboard says no).
    await popup.click('#problem-list .copy-details');
    await popup.waitForFunction(() => document.querySelector('#problem-list .copy-details')?.getAttribute('title'), { polling: 100, timeout: 5000 });
    expect(await popup.$eval('#problem-list .copy-details', (b) => b.getAttribute('title'))).toMatch(
      /^Local Bookshops \S+, \S+\nOpenStreetMap \(openstreetmap\): source-error\nsaid: runtime error: Query timed out in "query" at line 1 after 21 seconds\.$/,
    );
    expect(overpassAsked()).toBe(asked + 1);

    // Not kept as "no bookshops here": the next book page asks Overpass again.
    server.setScenario('ok');
    const next = await openBook('https://www.amazon.fr/LEtranger/dp/207036822X', readFixture('desktop-2023-rpi-and-bullets.html'), '9782070368228');
    const nextPopup = await openPopup(next.tabId);
    await stateOf(nextPopup, 'none-nearby');
    expect(overpassAsked()).toBe(asked + 2);
    // The map's two of unknown stock first, then the network's shops, which answered they do not have it (the Capitole's map entry joined to its answer).
    expect(await shopNames(nextPopup)).toEqual(['Bulles et Cases (démo)', 'Le Grenier à Livres (démo)', 'Librairie de la Garonne (démo)', 'Librairie des Carmes (démo)', 'Librairie Saint-Honoré (démo)', 'L’Œil à la Page (démo)', 'Librairie du Capitole (démo)', 'Le Chat Lettré (démo)', 'La Page Blanche (démo)', 'Au Fil des Pages (démo)']);
    for (const page of [popup, nextPopup, tab, next.tab]) await page.close();
  });

  it('in London, where no bookshop network shares its stock, says nobody can tell, with a "?" badge, the portals first and a card that agrees', async () => {
    await useStandInServer(extensionPage, server.url, { label: 'London', lat: 51.51, lon: -0.13, country: 'gb', foundBy: 'nominatim' });
    const { tab, tabId } = await openBook('https://www.amazon.co.uk/dp/2070360024', DEMO, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'no-stock-network');
    expect(await textOf(popup, '#status')).toBe(
      'No bookshop network shares its stock where you are, so nobody can say which shop has it. 3 bookshops near you: call ahead, or order from an independent bookshop online.',
    );
    expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');
    expect(await shopNames(popup)).toEqual(['Covent Garden Books (demo)', 'Bloomsbury Pages (demo)', 'Westminster Bookroom (demo)']);
    // Ordering online comes before the list; "look further" cannot change the answer, so it is not offered.
    expect(await popup.evaluate(() => document.getElementById('portals')!.compareDocumentPosition(document.getElementById('results')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    expect(await popup.$$eval('#portal-list a', (as) => as.map((a) => a.textContent))).toEqual(['Hive', 'Bookshop.org UK']);
    expect(await popup.$eval('#wider', (el) => (el as HTMLElement).hidden)).toBe(true);
    // The place came from Nominatim: credited as its policy asks.
    expect(await popup.$$eval('#place-credit a', (as) => as.map((a) => (a as HTMLAnchorElement).href))).toEqual(['https://www.openstreetmap.org/copyright']);
    // The card says the same: bookshops nearby, stock unknown.
    const card = (await shownWords(await waitForCard(tab, (words) => words.includes('bookshops')))).join('');
    expect(card).toContain('3 bookshops near you (stock unknown)');
    expect(card).not.toMatch(/no bookshop|have it/i);
    // No shop has it, none is closed for holidays: the legend names only the markers the map shows.
    await popup.waitForSelector('#map[data-markers]');
    expect(await popup.$eval('#legend-holiday', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await popup.$eval('#legend-has-it', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await popup.$$eval('#map .shop-marker.on-holiday', (markers) => markers.length)).toBe(0);
    if (name === 'chromium') {
      await popup.bringToFront();
      await popup.setViewport({ width: 400, height: 900 });
      await popup.screenshot({ path: `${SCREENSHOTS}/popup-london.png`, fullPage: true });
    }
    await popup.close();
    await tab.close();
  });

  it('keeps keyboard focus where the shopper is, names each shop in its buttons and links, and announces pinning', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    const active = () =>
      popup.evaluate(() => {
        const a = document.activeElement!;
        return { id: a.id, className: a.className, shop: a.closest('li')?.getAttribute('data-shop-id') ?? null, label: a.getAttribute('aria-label'), pressed: a.getAttribute('aria-pressed') };
      });
    // Each star and link says which shop it is for; the markers, which the list repeats, are hidden from screen readers.
    expect(await popup.$eval('li[data-shop-id="placedeslibraires:9101"] .shop-links a[href*="directions"]', (a) => a.getAttribute('aria-label'))).toBe('Directions to Librairie du Capitole (démo)');
    await popup.waitForSelector('#map .leaflet-marker-pane');
    expect(await popup.$eval('#map .leaflet-marker-pane', (pane) => pane.getAttribute('aria-hidden'))).toBe('true');

    // Pinning from the keyboard: the list redraws with the shop on top, and focus stays on its star.
    const star = 'li[data-shop-id="openstreetmap:node/900002"] .pin';
    await popup.focus(star);
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('li[data-shop-id="openstreetmap:node/900002"][data-pinned="true"]');
    expect(await active()).toEqual({ id: '', className: 'pin', shop: 'openstreetmap:node/900002', label: 'Pin Bulles et Cases (démo) to the top', pressed: 'true' });
    expect(await popup.$$eval('#shop-list li[data-shop-id]', (items) => items[0]!.getAttribute('data-shop-id'))).toBe('openstreetmap:node/900002');
    expect(await textOf(popup, '#announce')).toBe('Bulles et Cases (démo) is pinned to the top.');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('li[data-shop-id="openstreetmap:node/900002"]:not([data-pinned])');
    expect((await active()).shop).toBe('openstreetmap:node/900002');

    // "Change" opens the form; Escape closes it and gives focus back to "Change".
    await popup.click('#place-change');
    await popup.waitForFunction(() => document.activeElement?.getAttribute('name') === 'place', { polling: 100, timeout: 5000 });
    await popup.keyboard.press('Escape');
    await popup.waitForFunction(() => !document.querySelector('.place-form'), { polling: 100, timeout: 5000 });
    expect((await active()).id).toBe('place-change');
    // Saving a place moves focus to the line that says what was found.
    await popup.click('#place-change');
    await popup.waitForFunction(() => document.activeElement?.getAttribute('name') === 'place', { polling: 100, timeout: 5000 });
    await popup.$eval('input[name="place"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('input[name="place"]', 'Toulouse');
    await popup.keyboard.press('Enter');
    await popup.waitForFunction(() => document.activeElement?.id === 'status', { polling: 100, timeout: 10_000 });
    expect(await textOf(popup, '#status')).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    await popup.close();
    await tab.close();
  });

  it('shows hostile shop texts as text in the list, the marker popups and the card, and runs nothing', async () => {
    await useStandInServer(extensionPage, server.url, { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' });
    await forgetStored(extensionPage, 'cache:');
    server.setScenario({ placedeslibraires: 'hostile', openstreetmap: 'hostile' });
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    const names = await shopNames(popup);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names).toContain('<b onmouseover=alert(3)>Bulles</b>');
    // Markup the network wrote as entities is decoded into visible text, never into elements.
    expect(names).toContain('<b>La Page</b> Blanche');
    expect(await popup.$$eval('#shop-list li', (items) => items.map((li) => li.textContent).join(' '))).toContain('<script>alert(10)</script>');
    expect(names.find((n) => n!.startsWith('AAAA'))!.length).toBeLessThanOrEqual(200);
    expect(await popup.$$eval('#shop-list img, #shop-list script, #shop-list b', (nodes) => nodes.length)).toBe(0);
    // javascript: and data: links are dropped (http: here is the stand-in server's own address).
    expect(await popup.$$eval('#shop-list a', (as) => as.map((a) => (a as HTMLAnchorElement).protocol).filter((p) => !['https:', 'http:', 'tel:'].includes(p)))).toEqual([]);
    await popup.waitForSelector('#map[data-markers]');
    // Every shop with a place that may have the book is on the map (those that said they do not are in the list only).
    const mayHaveIt = await popup.$$eval('#shop-list li[data-shop-id]', (items) => items.filter((li) => !li.textContent!.includes('Not in stock')).length);
    expect(mayHaveIt).toBe(await popup.$$eval('#map .shop-marker', (markers) => markers.length));
    // A marker's popup shows the name as text too.
    await popup.$eval('#map .shop-marker[title="<img src=x onerror=alert(1)>"]', (marker) => (marker as HTMLElement).click());
    await popup.waitForSelector('.leaflet-popup-content');
    expect(await textOf(popup, '.leaflet-popup-content strong')).toBe('<img src=x onerror=alert(1)>');
    expect(await popup.$$eval('.leaflet-popup-content img', (nodes) => nodes.length)).toBe(0);
    // The card on the page names no shop, so no hostile name reaches Amazon's page at all.
    const card = await (await waitForCard(tab, (words) => words.includes('bookshop'))).evaluate((root) => ({
      elements: [...root.querySelectorAll('*')].map((node) => node.tagName.toLowerCase()).sort().join(' '),
      injectedInPage: document.querySelectorAll('img[src="x"], b[onmouseover]').length,
    }));
    expect(card).toEqual({ elements: 'button button div p p p style', injectedInPage: 0 });
    // A geocoder's hostile name for the town is text too, and short.
    server.setScenario({ placedeslibraires: 'hostile', openstreetmap: 'hostile', geocoders: 'hostile' });
    // (The marker's popup, still open, covers the button: click it as a keyboard user would.)
    await popup.$eval('#place-change', (button) => (button as HTMLButtonElement).click());
    await popup.waitForSelector('input[name="place"]');
    await popup.$eval('input[name="place"]', (input) => ((input as HTMLInputElement).value = ''));
    await popup.type('input[name="place"]', 'Muret'); // a town not asked before (geocoding answers are kept)
    await popup.click('.place-form button[type="submit"]');
    await popup.waitForFunction(() => document.getElementById('place-current')?.textContent?.includes('<b>31000</b>'), { polling: 100, timeout: 10_000 });
    const placeLine = await textOf(popup, '#place-current');
    expect(placeLine).toMatch(/^Near <b>31000<\/b> <img src=x onerror=alert\(9\)>\u202eE+…, within 30 km$/);
    expect(placeLine.length).toBeLessThan(200);
    expect(await popup.$$eval('#place-line img, #place-line b', (nodes) => nodes.length)).toBe(0);
    await holdsFor('no dialog opened by a hostile name', async () => dialogs.length === 0, { forMs: 300 });
    server.setScenario('ok');
    await popup.close();
    await tab.close();
  });

  it('shows the list alone with one line when the vector tiles are refused, the raster tiles set instead if any, and the list alone again when those fail too', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    const vector = { url: `${server.url}planet`, attribution: 'Vector stand-in', attributionUrl: '' };
    await forgetStored(extensionPage, 'map:');
    server.setScenario({ vector: 'forbidden' });
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const mapState = async (popup: Page) => {
      await popup.waitForFunction(() => !(document.getElementById('map-status') as HTMLElement).hidden || document.querySelector('#map .leaflet-tile-loaded'), { polling: 100, timeout: 10_000 });
      return popup.evaluate(() => ({ map: !(document.getElementById('map') as HTMLElement).hidden, status: (document.getElementById('map-status') as HTMLElement).hidden ? null : document.getElementById('map-status')!.textContent }));
    };
    const listAlone = { map: false, status: 'The map could not be loaded; the list below is complete.' };

    // As installed (no raster tiles set): the list alone, whole, with one line saying why.
    let popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await mapState(popup)).toEqual(listAlone);
    const everyShop = await shopNames(popup);
    expect(everyShop.length).toBeGreaterThan(0);
    await popup.close();

    // A tile address whose tiles are gone (an old build's, 404): the same.
    server.setScenario('ok');
    await changeSettings(extensionPage, { tiles: { vector: { ...vector, url: `${server.url}planet/20201007_001001_pt/{z}/{x}/{y}.pbf` }, raster: null } });
    popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await mapState(popup)).toEqual(listAlone);
    await popup.close();
    server.setScenario({ vector: 'forbidden' });

    // With raster tiles set: those, credited as theirs.
    await changeSettings(extensionPage, { tiles: { vector, raster: { url: `${server.url}tiles/{z}/{x}/{y}.png`, attribution: 'Raster stand-in', attributionUrl: '' } } });
    popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await mapState(popup)).toEqual({ map: true, status: null });
    expect(await popup.$$eval('#map img.leaflet-tile-loaded', (tiles) => tiles.length)).toBeGreaterThan(0);
    expect(await popup.$$eval('.map-credits > *', (parts) => parts.map((part) => part.textContent))).toEqual(['Raster stand-in', '© OpenStreetMap']);
    await popup.close();

    // Those failing too: the list alone again.
    server.setScenario({ vector: 'forbidden', tiles: 'server-error' });
    popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await mapState(popup)).toEqual(listAlone);
    expect(await shopNames(popup)).toEqual(everyShop);
    server.setScenario('ok');
    await popup.close();
    await tab.close();
  });

  // (Chromium only: Firefox's WebDriver BiDi runs no preload script in an extension's pages.)
  if (name === 'chromium') it('shows the list alone with its line in a browser that draws on no canvas (a hardened profile), asking no tile at all', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const popup = await ext.browser.newPage();
    // Every canvas refuses a context, 2D and WebGL alike, before the popup's scripts run.
    await popup.evaluateOnNewDocument(() => {
      HTMLCanvasElement.prototype.getContext = () => null;
    });
    const before = server.requests.length;
    await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`, popup);
    await stateOf(popup, 'results');
    await popup.waitForFunction(() => !(document.getElementById('map-status') as HTMLElement).hidden, { polling: 100, timeout: 10_000 });
    expect(await textOf(popup, '#map-status')).toBe('The map could not be loaded; the list below is complete.');
    expect(await popup.$eval('#map', (el) => (el as HTMLElement).hidden)).toBe(true);
    expect(await popup.evaluate(() => document.createElement('canvas').getContext('2d'))).toBeNull();
    expect(server.requests.slice(before).filter((url) => url.includes('/planet'))).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('asks for the TileJSON again when the weekly build it kept is gone, and draws the map', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    // What a popup kept last week: OpenFreeMap's TileJSON naming a build since taken down (404).
    await setKeptTileJson(keptTileJson('20201007_001001_pt', Date.now() + 3600_000));
    const { tab, popup, asked } = await mapDrawnWith();
    expect(asked.filter((path) => path === '')).toHaveLength(1);
    expect(asked.some((path) => path.startsWith('/20201007_001001_pt/'))).toBe(true);
    expect(asked.some((path) => path.startsWith('/20261125_001001_pt/'))).toBe(true);
    expect(await popup.$eval('#map-status', (el) => (el as HTMLElement).hidden)).toBe(true);
    await popup.close();
    await tab.close();
  });

  it('draws the map from the TileJSON it kept, past its day, while the service refuses to say which build is current', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    // Kept yesterday, out of date an hour ago, naming the build that still serves its tiles.
    await setKeptTileJson(keptTileJson('20261125_001001_pt', Date.now() - 3600_000));
    server.setScenario({ vector: 'tilejson-refused' });
    try {
      const { tab, popup, asked } = await mapDrawnWith();
      // Asked once (refused), then the kept build's tiles.
      expect(asked.filter((path) => path === '')).toHaveLength(1);
      expect(asked.some((path) => path.startsWith('/20261125_001001_pt/'))).toBe(true);
      expect(await popup.$eval('#map-status', (el) => (el as HTMLElement).hidden)).toBe(true);
      await popup.close();
      await tab.close();
    } finally {
      server.setScenario('ok');
    }
  });

  it('says the map service no longer offers what the map draws when its TileJSON lacks those layers, and keeps the list', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    await setKeptTileJson(null);
    await forgetStored(extensionPage, 'cache:');
    server.setScenario({ vector: 'tilejson-without-layers' });
    try {
      const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
      const popup = await openPopup(tabId);
      await stateOf(popup, 'results');
      await popup.waitForFunction(() => !(document.getElementById('map-status') as HTMLElement).hidden, { polling: 100, timeout: 15_000 });
      expect(await textOf(popup, '#map-status')).toBe('The map service no longer offers what this map draws (waterway, place); the list below is complete.');
      expect(await popup.$eval('#map', (el) => (el as HTMLElement).hidden)).toBe(true);
      expect(await shopNames(popup)).toEqual(IN_ORDER);
      await popup.close();
      await tab.close();
    } finally {
      server.setScenario('ok');
    }
  });

  // Firefox lets a shopper take back a host permission (Chrome does not, for required ones). The last
  // test of this browser: the permission cannot be given back without the shopper's click on a prompt.
  if (name === 'firefox') it('says a source needs the shopper’s permission when it was taken back, offers to ask for it, and asks nothing of that host', async () => {
    await useStandInServer(extensionPage, server.url, TOULOUSE);
    // OpenStreetMap at its real address (one of the manifest's hosts), the network at the stand-ins.
    await changeSettings(extensionPage, { sources: { placedeslibraires: { enabled: true, baseUrl: server.url }, openstreetmap: { enabled: true, baseUrl: 'https://overpass-api.de/api/', directoryUrl: '' } } });
    await forgetStored(extensionPage, 'cache:');
    const removed = await extensionPage.evaluate(() =>
      (globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }).browser.permissions.remove({ origins: ['https://overpass-api.de/*'] }),
    );
    expect(removed).toBe(true);
    const { tab, tabId } = await openBook(DEMO_URL, DEMO, '9782070360024');
    const popup = await openPopup(tabId);
    await stateOf(popup, 'results');
    expect(await textOf(popup, '#problem-list li[data-source-id="openstreetmap"]')).toBe(
      'OpenStreetMap could not be checked: your browser does not let the extension ask overpass-api.de. Allow overpass-api.de',
    );
    expect(await popup.$$eval('#problem-list .allow-host', (buttons) => buttons.map((b) => b.tagName))).toEqual(['BUTTON']);
    expect(await textOf(popup, '#status')).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    // Nothing was asked of that host: the lookup stopped at the permission (a request would have ended
    // as unreachable, the host being out of this machine's reach), and it never reached the cache.
    const session = await storageOf(extensionPage, 'session');
    const sources = (session[`lookup:${tabId}`] as { result: { sources: Array<{ sourceId: string; state: string; origin?: string }> } }).result.sources;
    expect(sources.find((source) => source.sourceId === 'openstreetmap')).toMatchObject({ state: 'needs-permission', origin: 'https://overpass-api.de/*' });
    expect(Object.keys(await storageOf(extensionPage, 'local')).filter((key) => key.startsWith('cache:') && key.includes('overpass'))).toEqual([]);
    await popup.close();
    await tab.close();
  });
});

// Chromium only: firefox-esr comes without the French language pack.
describeInChromium('the popup in French', () => {
  let ext: Extension;
  let server: StandInServer;
  beforeAll(async () => {
    server = await startStandInServer();
    ext = await launchWithExtension('chromium', { lang: 'fr' });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('speaks French when the browser does, the map’s place names too', async () => {
    const extensionPage = await openExtensionPage(ext, 'options/options.html');
    await useStandInServer(extensionPage, server.url, { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' });
    const tab = await openAmazonPage(ext, [{ url: DEMO_URL, body: DEMO }]);
    const [tabId] = await waitForTabBook(extensionPage, (book) => book.isbn13 === '9782070360024');
    // Every text the map draws on its canvases, noted as it is drawn.
    const page = await ext.browser.newPage();
    await page.evaluateOnNewDocument(() => {
      const drawn: string[] = ((globalThis as unknown as { drawnTexts: string[] }).drawnTexts = []);
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, ...rest: [number, number, number?]) {
        drawn.push(String(text));
        return fillText.call(this, text, ...rest);
      };
    });
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`, page);
    await stateOf(popup, 'results');
    const status = await textOf(popup, '#status');
    expect(status).toBe('3 librairies près de chez vous l’ont 1 librairie qui l’a est fermée pour congés.');
    expect((await popup.$$eval('#shop-list li .shop-meta', (items) => items.map((p) => p.textContent)))[0]).toBe('0,5\u202fkm · En stock');
    // Every word in French, Leaflet's zoom buttons and the named stars included.
    await popup.waitForSelector('#map .leaflet-control-zoom-in');
    expect(await popup.$$eval('#map .leaflet-control-zoom a', (as) => as.map((a) => a.getAttribute('title')))).toEqual(['Zoomer', 'Dézoomer']);
    expect(await popup.$eval('#shop-list li .pin', (b) => b.getAttribute('aria-label'))).toBe('Épingler Librairie Saint-Honoré (démo) en haut');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.bringToFront();
    await popup.setViewport({ width: 400, height: 900 });
    await popup.waitForSelector('#map canvas.leaflet-tile-loaded');
    // The tiles' place names in the shopper's language (name:fr), never their local name.
    await popup.waitForFunction(() => (globalThis as unknown as { drawnTexts: string[] }).drawnTexts.length > 0, { polling: 100, timeout: 10_000 });
    const drawn = new Set(await popup.evaluate(() => (globalThis as unknown as { drawnTexts: string[] }).drawnTexts));
    expect([...drawn]).toEqual(['Ville-sur-Carte']);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-fr-light.png`, fullPage: true });
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await popup.screenshot({ path: `${SCREENSHOTS}/popup-fr-dark.png`, fullPage: true });
    await tab.close();
  });
});
