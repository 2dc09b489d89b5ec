// The production build, unchanged, asking the services at their real addresses: the browser reaches
// the stand-ins through a local proxy under the services' own host names, over https, with no CORS
// header (stand-ins/real-hosts.ts), so only the manifest's host permissions let the requests through.
// A place set through the name="place" form, French book pages, Place des Libraires and OpenStreetMap,
// faults, privacy.
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import type { RealHostStandIns } from '../../stand-ins/real-hosts';
import { readFixture } from '../fixtures';
import { badgeTitle, changeSettings, describeInBrowsers, forgetStored, storageOf, storedSettings, tabBooks, openAmazonPage, openExtensionPage, waitForBadge, waitForTabBook, waitUntil, withExtension, type Extension } from './harness';
import { readFileSync } from 'node:fs';

/**
 * The hosts these tests reach, each the real service's: the geocoders (Nominatim for a town outside
 * France), the stock network, Overpass (only for a place the directory in the package does not cover),
 * and the map's tiles (from the popup).
 */
const SERVICE_HOSTS = ['app.leslibraires.ca', 'data.geopf.fr', 'nominatim.openstreetmap.org', 'overpass-api.de', 'tiles.openfreemap.org', 'www.librarybooks.uk', 'www.placedeslibraires.fr'];
const asked = (standIns: RealHostStandIns, host: string) => standIns.seen.filter((r) => new URL(r.url).host === host).map((r) => new URL(r.url).pathname);

describeInBrowsers('looking the book up near the shopper', (name) => {
  // Each service's host holds a cookie, as after a shopper's visit to its site: the worker must send none.
  const suite = withExtension(name, {
    page: 'popup/popup.html',
    prepare: ({ ext }) => ext.browser.setCookie(...SERVICE_HOSTS.map((domain) => ({ name: 'visited', value: 'yes', domain, path: '/', secure: true, sameSite: 'None' as const }))),
  });
  let ext: Extension;
  let standIns: RealHostStandIns;
  let extensionPage: Page;
  beforeAll(() => void ({ ext, standIns, extensionPage } = suite));

  type TabLookup = { state: string; result?: { shops: Array<{ name: string; stock: string; isbn13: string }>; sources: Array<{ sourceId: string; state: string }> } };

  /** The tab's finished lookup, as the worker keeps it in storage.session. */
  async function lookupOf(tabId: number): Promise<TabLookup> {
    return waitUntil(`the lookup for tab ${tabId} to finish`, async () => {
      const lookup = (await storageOf(extensionPage, 'session'))[`lookup:${tabId}`] as TabLookup | undefined;
      return lookup?.state === 'done' ? lookup : undefined;
    }, { timeoutMs: 20_000 });
  }

  async function openBook(url: string, body: Buffer, isbn13: string): Promise<number> {
    await openAmazonPage(ext, [{ url, body }]);
    const [tabId] = await waitForTabBook(extensionPage, (book) => book.isbn13 === isbn13);
    return tabId;
  }

  it('asks an amazon.fr shopper for their town, refuses one that does not exist, then finds the shops in the right order', async () => {
    const demo = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
    const tabId = await openBook('https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024', demo, '9782070360024');
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('input[name="place"]');
    expect(await waitForBadge(extensionPage, tabId, '•')).toBe('•');

    await popup.type('input[name="place"]', 'Atlantis');
    await popup.click('.place-form button[type="submit"]');
    await popup.waitForFunction(() => document.getElementById('place-message')?.textContent !== '', { polling: 100, timeout: 15_000 });
    // Said where it was looked for, and how to look elsewhere.
    expect(await popup.$eval('#place-message', (el) => el.textContent)).toBe(
      'No town or postcode called “Atlantis” was found in France. Choose another country above, or type the town and its country, like “Toulouse, France”.',
    );
    // A country guessed wrong is corrected by the shopper's words: "Toulouse, France" on the United States.
    await popup.select('select[name="country"]', 'us');
    await popup.$eval('input[name="place"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('input[name="place"]', 'Toulouse, France');
    await popup.click('.place-form button[type="submit"]');
    // Found in France (the form then closes on the place it saved).
    await popup.waitForFunction(() => /Toulouse/.test(document.getElementById('place-current')?.textContent ?? '') && !document.querySelector('.place-form'), { polling: 100, timeout: 15_000 });
    expect(standIns.seen.some((request) => request.url.startsWith('https://data.geopf.fr/') && request.url.includes('Toulouse') && !request.url.includes('France'))).toBe(true);
    // Back to the postcode the rest of the test uses: the form opens clean (no red border left from the
    // refused town), with Cancel beside Save rather than alone under the labels. Clicked once Toulouse's
    // answer is in: while it is asked, the progress lines above move "Change" under the pointer.
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 100, timeout: 15_000 });
    await popup.click('#place-change');
    await popup.waitForSelector('input[name="place"]');
    expect(await popup.$eval('input[name="place"]', (el) => el.getAttribute('aria-invalid'))).toBeNull();
    expect(await popup.evaluate(() => {
      const [save, cancel] = [document.querySelector('.place-form button[type="submit"]')!, document.querySelector('.place-form .place-cancel')!].map((b) => b.getBoundingClientRect());
      return Math.abs(save!.top - cancel!.top) < 8 && cancel!.left > save!.right;
    })).toBe(true);

    await popup.$eval('input[name="place"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.type('input[name="place"]', '31000');
    await popup.click('.place-form button[type="submit"]');

    const lookup = await lookupOf(tabId);
    expect(lookup.result!.shops.map((s) => [s.name, s.stock])).toEqual([
      ['Librairie Saint-Honoré (démo)', 'in-stock'],
      ['Librairie du Capitole (démo)', 'in-stock'],
      ['La Page Blanche (démo)', 'preorder'],
      ['Bulles et Cases (démo)', 'unknown'],
      ['Le Grenier à Livres (démo)', 'unknown'],
      // The network's shops that answered they do not have it.
      ['Librairie de la Garonne (démo)', 'out-of-stock'],
      ['Librairie des Carmes (démo)', 'out-of-stock'],
      ['L’Œil à la Page (démo)', 'out-of-stock'],
      ['Le Chat Lettré (démo)', 'out-of-stock'],
      ['Au Fil des Pages (démo)', 'in-stock'],
    ]);
    expect(await waitForBadge(extensionPage, tabId, '3')).toBe('3');
    await popup.waitForSelector('#shop-list li[data-shop-id]');
    expect(await popup.$$eval('#shop-list li[data-shop-id]', (items) => items.map((li) => li.querySelector('.shop-name')!.textContent))).toEqual(
      lookup.result!.shops.map((s) => s.name),
    );
    // France is not in the fictional directory these builds package: Overpass answered, once for the area.
    expect(asked(standIns, 'overpass-api.de')).toEqual(['/api/interpreter']);
    // The map, by default: OpenFreeMap's TileJSON, then its vector tiles (no CORS header there: the host
    // permission lets them through), drawn and credited with links. No volunteer raster server is asked.
    await popup.waitForSelector('#map canvas.leaflet-tile-loaded', { timeout: 10_000 });
    const mapRequests = standIns.seen.filter((r) => new URL(r.url).host === 'tiles.openfreemap.org').map((r) => new URL(r.url).pathname);
    expect(mapRequests[0]).toBe('/planet');
    expect(mapRequests.slice(1).every((path) => /^\/planet\/\w+\/\d+\/\d+\/\d+\.pbf$/.test(path))).toBe(true);
    expect(mapRequests.length).toBeGreaterThan(1);
    // (The credits follow the first tile: drawn once the background says it is up.)
    await popup.waitForSelector('.map-credits a');
    expect(await popup.$$eval('.map-credits a', (as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]))).toEqual([
      ['OpenFreeMap', 'https://openfreemap.org/'],
      ['© OpenMapTiles', 'https://www.openmaptiles.org/'],
      ['© OpenStreetMap', 'https://www.openstreetmap.org/copyright'],
    ]);
    expect(standIns.tunnels.filter((to) => /tile\.openmaps\.fr|tile\.openstreetmap\.org/.test(to))).toEqual([]);
    await popup.close();
  });

  it('names itself to OpenStreetMap’s services as their policies ask, and leaves every other request as the browser makes it', async () => {
    // This build's identity is the marked example (a release names the project's own: build.mjs).
    const IDENTIFIED = { 'user-agent': 'local-bookshops-extension/0.1.0 (+https://local-bookshops.example/; contact@local-bookshops.example)', referer: 'https://local-bookshops.example/' };
    const headersTo = (host: string) => standIns.seen.filter((r) => new URL(r.url).host === host).map((r) => ({ 'user-agent': r.headers['user-agent'], referer: r.headers.referer }));
    // Overpass answered the lookup above (its stand-in refuses with 406 what does not identify itself).
    expect(headersTo('overpass-api.de')).toEqual([IDENTIFIED]);
    // Nominatim, for a town outside France typed in the options.
    const options = await openExtensionPage(ext, 'options/options.html');
    try {
      await options.waitForSelector('.place-form input[name="place"]');
      await options.select('.place-form select[name="country"]', 'gb');
      await options.$eval('.place-form input[name="place"]', (el) => ((el as HTMLInputElement).value = ''));
      await options.type('.place-form input[name="place"]', 'London');
      await options.click('.place-form button[type="submit"]');
      await options.waitForFunction(() => document.querySelector('.place-form')?.getAttribute('data-saved'), { polling: 100, timeout: 15_000 });
      expect((await storedSettings(extensionPage)).place).toMatchObject({ label: 'London', country: 'gb', foundBy: 'nominatim' });
      expect(headersTo('nominatim.openstreetmap.org')).toEqual([IDENTIFIED]);
    } finally {
      await options.close();
      await changeSettings(extensionPage, { place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' } });
    }
    // The other services get the browser's own request.
    for (const host of ['data.geopf.fr', 'www.placedeslibraires.fr', 'tiles.openfreemap.org']) {
      for (const headers of headersTo(host)) expect(headers).toEqual({ 'user-agent': expect.stringMatching(/^Mozilla\/5\.0 /), referer: undefined });
    }
    // A web page's own request to Overpass is the page's: the rule is not applied to it, and the service refuses it.
    const before = standIns.seen.length;
    const page = await ext.browser.newPage();
    try {
      await page.goto('https://data.geopf.fr/geocodage/search?q=page');
      await page.evaluate(() => fetch('https://overpass-api.de/api/interpreter?data=page', { mode: 'no-cors' }).catch(() => null));
      const fromPage = standIns.seen.slice(before).find((r) => r.url.includes('data=page'));
      expect(fromPage?.headers['user-agent']).toMatch(/^Mozilla\/5\.0 /);
      expect(fromPage?.headers.referer).not.toBe(IDENTIFIED.referer);
    } finally {
      await page.close();
      // (A page's requests, with the cookies a page sends: not the extension's, which the privacy test below reads.)
      standIns.seen.splice(before);
    }
  }, 45_000);

  it.each([
    ['forbidden', 'blocked', 'desktop-2023-rpi-and-bullets.html', 'https://www.amazon.fr/LEtranger/dp/207036822X', '9782070368228'],
    ['truncated', 'bad-json', 'legacy-2019-bullets-fr.html', 'https://www.amazon.fr/gp/product/209187373X', '9782091873732'],
    ['timeout', 'timeout', 'desktop-details-table-language-prefix.html', 'https://www.amazon.it/-/en/Nome-della-rosa/dp/8845901378', '9788845901379'],
  ] as const)('still shows the map’s shops when Place des Libraires answers %s, and says why', async (scenario, state, fixture, url, isbn13) => {
    standIns.setScenarios({ placedeslibraires: scenario });
    try {
      const tabId = await openBook(url, readFixture(fixture), isbn13);
      const lookup = await lookupOf(tabId);
      expect(lookup.result!.sources.map((s) => [s.sourceId, s.state])).toEqual([['placedeslibraires', state], ['openstreetmap', 'ok']]);
      expect(lookup.result!.shops.map((s) => s.name)).toEqual(['Librairie du Capitole (démo)', 'Bulles et Cases (démo)', 'Le Grenier à Livres (démo)']);
      expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');
    } finally {
      standIns.setScenarios('ok');
    }
  }, 30_000);

  it('reads the bookshops of a place the packaged directory covers (London) from the package, asking no one for them, and its library catalogue once the popup opens', async () => {
    const overpassBefore = asked(standIns, 'overpass-api.de').length;
    // (An earlier test's open popup may have asked the catalogue for this book already: asked afresh here.)
    await forgetStored(extensionPage, 'cache:');
    const seenBefore = standIns.seen.length;
    await changeSettings(extensionPage, { place: { label: 'London', lat: 51.51, lon: -0.13, country: 'gb' } });
    try {
      const known = new Set(Object.keys(await tabBooks(extensionPage)));
      await openAmazonPage(ext, [{ url: 'https://www.amazon.co.uk/dp/2070360024', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) }]);
      const [tabId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === '9782070360024' && !known.has(`tab:${id}`));
      const lookup = await lookupOf(tabId);
      expect(lookup.result!.sources.map((s) => [s.sourceId, s.state])).toEqual([['openstreetmap', 'ok']]);
      expect(lookup.result!.shops.map((s) => [s.name, s.stock])).toEqual([
        ['Covent Garden Books (demo)', 'unknown'],
        ['Bloomsbury Pages (demo)', 'unknown'],
        ['Westminster Bookroom (demo)', 'unknown'],
      ]);
      // No network covers the United Kingdom, and the package answered: nothing left the browser, not
      // even to the library catalogues (asked only once the shopper opens the popup).
      expect(asked(standIns, 'overpass-api.de').length).toBe(overpassBefore);
      expect(standIns.seen.slice(seenBefore)).toEqual([]);
      expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');

      // The popup: the bookshops as they are (stock unknown), and apart from them the two branches of
      // the shopper's library service that hold the book, one with a copy on the shelf, one all on loan.
      const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('#library-list li[data-shop-id]', { timeout: 15_000 });
      const listed = (list: string) => popup.$$eval(`${list} li[data-shop-id]`, (items) => items.map((li) => [li.querySelector('.shop-number')!.textContent, li.querySelector('.shop-name')!.textContent, li.querySelector('.shop-meta')!.textContent]));
      expect(await listed('#shop-list')).toEqual([
        ['1', 'Covent Garden Books (demo)', '0.4 km · Stock unknown'],
        ['2', 'Bloomsbury Pages (demo)', '1.2 km · Stock unknown'],
        ['3', 'Westminster Bookroom (demo)', '1.4 km · Stock unknown'],
      ]);
      expect(await listed('#library-list')).toEqual([
        ['4', 'Holborn Library (demo)', '1.1 km · On the shelf to borrow'],
        ['5', 'Kentish Town Library (demo)', '4.5 km · Every copy is on loan'],
      ]);
      expect(await popup.$eval('#libraries-title', (el) => el.textContent)).toBe('Borrow it nearby');
      // On the map, with their own marker (an arch; hollow when every copy is out), numbered as listed.
      await popup.waitForSelector('#map .shop-marker.library');
      expect(await popup.$$eval('#map .shop-marker.library', (markers) => markers.map((m) => [m.textContent, m.getAttribute('title'), m.classList.contains('stock-on-loan')]))).toEqual([
        ['4', 'Holborn Library (demo)', false],
        ['5', 'Kentish Town Library (demo)', true],
      ]);
      expect(await popup.$$eval('#map-legend > span:not([hidden])', (entries) => entries.map((entry) => entry.textContent!.trim()))).toEqual(['your place', 'stock unknown', 'library that can lend it']);
      // No shop is said to have it: the line is the shops', the library's words are beside it.
      expect(await popup.$eval('#status', (el) => el.textContent)).toMatch(/^No bookshop network shares its stock where you are/);
      expect(await popup.$$eval('#status .aside', (els) => els.map((el) => el.textContent))).toContain('1 library near you can lend it now');
      // One request (beside the map's tiles), for this book in the nearest library's service (Camden):
      // the ISBN and the code only.
      const catalogue = standIns.seen.slice(seenBefore).map((r) => new URL(r.url)).filter((url) => url.host !== 'tiles.openfreemap.org');
      expect(catalogue.map((url) => `${url.host}${url.pathname}${url.search}`)).toEqual(['www.librarybooks.uk/api/availability/9782070360024?service=E09000007']);
      expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');
      expect(await badgeTitle(extensionPage, tabId)).toBe('Local Bookshops: 1 library near you can lend it now');
      await popup.close();
    } finally {
      await changeSettings(extensionPage, { place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' } });
    }
  }, 45_000);

  it('tells a Montréal shopper on amazon.ca what Québec’s independent bookshops answered for the whole network, never as a shop’s stock', async () => {
    await changeSettings(extensionPage, { place: { label: 'Montréal', lat: 45.5, lon: -73.57, country: 'ca', foundBy: 'nominatim' } });
    const seenBefore = standIns.seen.length;
    try {
      const known = new Set(Object.keys(await tabBooks(extensionPage)));
      await openAmazonPage(ext, [{ url: 'https://www.amazon.ca/dp/2070360024', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) }]);
      const [tabId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === '9782070360024' && !known.has(`tab:${id}`));
      await lookupOf(tabId);
      // No shop is counted: the network names none. The tooltip says what the network said.
      expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');
      expect(await badgeTitle(extensionPage, tabId)).toBe('Local Bookshops: Québec’s independent bookshops have it (leslibraires.ca)');
      const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('#offer-list li');
      expect(await popup.$eval('#offer-list li', (li) => [li.textContent, li.querySelector('a')!.href, li.querySelector('a')!.textContent])).toEqual([
        'Québec’s independent bookshops list it as available · CA$14.95 Order from leslibraires.ca',
        'https://www.leslibraires.ca/livres/9782070360024.html',
        'Order from leslibraires.ca',
      ]);
      expect(await popup.$$eval('#shop-list li[data-stock="in-stock"]', (items) => items.length)).toBe(0);
      expect(standIns.seen.slice(seenBefore).filter((r) => new URL(r.url).host === 'app.leslibraires.ca').map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/public/books/isbn/9782070360024']);
      await popup.close();
    } finally {
      await changeSettings(extensionPage, { place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' } });
    }
  }, 45_000);

  it('asks nothing of a network address a settings file set until the browser allows its host, and says so', async () => {
    // As stored services would leave it (an earlier version's, or a settings file's the shopper confirmed
    // while the browser's prompt was dismissed): the stock network at a host the browser never allowed.
    // (A host that allows CORS would answer the worker without any permission.)
    const setStockAddress = (baseUrl: string) => changeSettings(extensionPage, { sources: { placedeslibraires: { enabled: true, baseUrl } } });
    await setStockAddress('https://books.example.org/');
    await forgetStored(extensionPage, 'cache:');
    try {
      // A new tab (earlier tests' tabs show the same book).
      const known = new Set(Object.keys(await tabBooks(extensionPage)));
      await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/dp/2070360024?redirected', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) }]);
      const [tabId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === '9782070360024' && !known.has(`tab:${id}`));
      const lookup = await lookupOf(tabId);
      expect(lookup.result!.sources.find((s) => s.sourceId === 'placedeslibraires')).toMatchObject({ state: 'needs-permission', origin: 'https://books.example.org/*' });
      expect(standIns.tunnels.filter((to) => to.includes('books.example.org'))).toEqual([]);
    } finally {
      await setStockAddress('https://www.placedeslibraires.fr/');
    }
  }, 30_000);

  it('sends nothing but the ISBN to the stock network and a rounded area to the others; no Amazon address, cookie or Origin, and no referrer but the project’s page to OpenStreetMap’s services', async () => {
    // As the requests were on the wire (the proxy's record), from the worker and the popup's map.
    const { seen } = standIns;
    expect(seen.length).toBeGreaterThan(0);
    const hosts = new Set(seen.map((r) => new URL(r.url).host));
    expect([...hosts].sort()).toEqual(SERVICE_HOSTS);
    // Expired answers and typed places leave the disk within the hour, as the privacy policy says: an hourly alarm purges them.
    const alarm = await extensionPage.evaluate(async () => {
      const { browser, chrome } = globalThis as unknown as Record<'browser' | 'chrome', { alarms: { get(name: string): Promise<unknown> } } | undefined>;
      return (browser ?? chrome)!.alarms.get('purge-expired');
    });
    expect(alarm).toMatchObject({ name: 'purge-expired', periodInMinutes: 60 });
    // The cookies are there to be sent; none was.
    expect((await ext.browser.cookies()).filter((cookie) => cookie.name === 'visited').map((cookie) => cookie.domain).sort()).toEqual(SERVICE_HOSTS);
    for (const { url, headers } of seen) {
      const parsed = new URL(url);
      expect(url).not.toMatch(/amazon/i);
      // (Node gives header names in lower case.) An Origin would name the extension, and in Firefox its
      // random per-install address: an identifier of the shopper. Requests the host permissions cover carry none.
      expect(Object.keys(headers)).not.toContain('cookie');
      expect(Object.keys(headers)).not.toContain('origin');
      // The one Referer is the identification OpenStreetMap's services ask for: the project's page, never a page the shopper was on.
      expect(headers.referer).toBe(['overpass-api.de', 'nominatim.openstreetmap.org'].includes(parsed.host) ? 'https://local-bookshops.example/' : undefined);
      if (parsed.host === 'www.placedeslibraires.fr') {
        expect([...parsed.searchParams.keys()]).toEqual(['ISBN']);
        expect(parsed.searchParams.get('ISBN')).toMatch(/^97[89]\d{10}$/);
      }
      // Québec's network: the ISBN alone, in its path.
      if (parsed.host === 'app.leslibraires.ca') {
        expect(parsed.pathname).toMatch(/^\/api\/v1\/public\/books\/isbn\/97[89]\d{10}$/);
        expect(parsed.search).toBe('');
      }
      // The library catalogues: the ISBN, and the library service's code (a council, not a place).
      if (parsed.host === 'www.librarybooks.uk') {
        expect(parsed.pathname).toMatch(/^\/api\/availability\/97[89]\d{10}$/);
        expect([...parsed.searchParams.keys()]).toEqual(['service']);
        expect(parsed.searchParams.get('service')).toMatch(/^[EWSN]\d{8}$/);
      }
      // The map's host learns which squares of the map, and nothing else.
      if (parsed.host === 'tiles.openfreemap.org') expect(parsed.search).toBe('');
      if (parsed.host === 'overpass-api.de') {
        const numbers = parsed.searchParams.get('data')!.match(/-?\d+\.\d+/g) ?? [];
        for (const n of numbers) expect(n.split('.')[1]!.length).toBeLessThanOrEqual(2);
      }
    }
  });

  it('moves an install that kept the closed French geocoder to the Géoplateforme: "31000" typed in the options of an English browser finds Toulouse', async () => {
    // Settings saved by an earlier version, with the national address API's old default address.
    await extensionPage.evaluate(async () => {
      type Areas = { storage: Record<'sync' | 'local', { set(i: object): Promise<void>; remove(key: string): Promise<void> }> };
      const { browser, chrome } = globalThis as unknown as { browser?: Areas; chrome?: Areas };
      const api = (browser ?? chrome)!;
      await api.storage.sync.set({ settings: { version: 2, radiusKm: 30, place: null, geocoders: { apiAdresse: 'https://api-adresse.data.gouv.fr/', nominatim: 'https://nominatim.openstreetmap.org/' } } });
      await api.storage.local.remove('services');
    });
    // Forget the geocodings an earlier test kept, so "31000" is asked of a geocoder again.
    await forgetStored(extensionPage, 'geo:');
    const seenBefore = standIns.seen.length;
    // The shopper is on an amazon.fr book page; the browser speaks English (and says en-US).
    const demo = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
    await openBook('https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024', demo, '9782070360024');
    const options = await openExtensionPage(ext, 'options/options.html');
    await options.waitForSelector('.place-form select[name="country"]');
    expect(await options.evaluate(() => navigator.language)).toMatch(/^en/);
    expect(await options.$eval('.place-form select[name="country"]', (el) => (el as HTMLSelectElement).value)).toBe('fr');
    expect(await options.$eval('#geocoder-geoplateforme', (el) => (el as HTMLInputElement).value)).toBe('https://data.geopf.fr/geocodage/');
    await options.type('input[name="place"]', '31000');
    await options.click('.place-form button[type="submit"]');
    await options.waitForFunction(() => document.querySelector('.place-form')?.getAttribute('data-saved'), { polling: 100, timeout: 10_000 });
    expect(await options.$eval('.place-form', (el) => el.getAttribute('data-saved'))).toBe('31000 Toulouse');
    const asked = standIns.seen.slice(seenBefore).map((r) => new URL(r.url));
    expect(asked.some((url) => url.host === 'data.geopf.fr' && url.pathname === '/geocodage/search' && url.searchParams.get('q') === '31000')).toBe(true);
    expect(standIns.seen.filter((r) => new URL(r.url).host.startsWith('api-adresse'))).toEqual([]);
    const stored = JSON.stringify(await storedSettings(options));
    // The services were never changed: none is stored, and this release's defaults apply.
    expect(JSON.parse(stored)).toEqual({ version: 5, place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' }, radiusKm: 30, card: true, askOnOpen: false, libraries: true, lists: { wishlists: true, searchResults: false }, favourites: [] });
    await options.close();
  });

  // Firefox lets a shopper take back a host permission (Chrome does not, for required ones); it cannot
  // be given back without the shopper's click on a prompt, so this is the last test.
  if (name === 'firefox') it('asks no tile of a map host the shopper took back, and says so; the list stays', async () => {
    const removed = await extensionPage.evaluate(() =>
      (globalThis as unknown as { browser: { permissions: { remove(p: object): Promise<boolean> } } }).browser.permissions.remove({ origins: ['https://tiles.openfreemap.org/*'] }),
    );
    expect(removed).toBe(true);
    const tunnelsBefore = standIns.tunnels.length;
    const tabId = await openBook('https://www.amazon.fr/dp/2070360024?tiles-refused', readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)), '9782070360024');
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => !(document.getElementById('map-status') as HTMLElement).hidden, { polling: 100, timeout: 15_000 });
    expect(await popup.$eval('#map-status', (el) => el.textContent)).toBe('Your browser does not let the extension load the map from tiles.openfreemap.org (see its permissions); the list below is complete.');
    expect(await popup.$$eval('#shop-list li[data-shop-id]', (items) => items.length)).toBeGreaterThan(0);
    // Not a single connection to the tile host.
    expect(standIns.tunnels.slice(tunnelsBefore).filter((to) => to.startsWith('tiles.openfreemap.org'))).toEqual([]);
    await popup.close();
  });
});
