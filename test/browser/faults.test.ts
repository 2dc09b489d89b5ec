// Faults in real browsers, production build: fifty book tabs opened at once, the worker stopped in the
// middle of a lookup and the network lost then back (Chromium, through CDP), and storage areas with
// no room left. The sources are the
// stand-ins on a local server the settings point to, which counts every request that reaches it.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browsers.mjs';
import { isbn10CheckDigit, isbn10To13 } from '../../src/book/isbn';
import { DEMO_BOOKS } from '../../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../../stand-ins/server';
import {
  describeInBrowsers,
  describeInChromium,
  forgetStored,
  openAmazonPage,
  openExtensionPage,
  storageOf,
  useStandInServer,
  waitForBadge,
  waitForCard,
  waitForTabBook,
  waitUntil,
  type BrowserName,
  type Extension,
  type StorageApi,
  type StorageAreaName as Area,
} from './harness';

const DEMO = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url), 'utf8');
const DEMO_ISBN10 = '2070360024';
const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };

/** The demo page, made to show another book (its ISBN-10 and ISBN-13 everywhere). */
function bookPage(isbn10: string): { url: string; body: string; isbn13: string } {
  const isbn13 = isbn10To13(isbn10);
  const body = DEMO.replaceAll(DEMO_ISBN10, isbn10).replaceAll(`978-${DEMO_ISBN10}`, `978-${isbn10}`);
  return { url: `https://www.amazon.fr/dp/${isbn10}`, body, isbn13 };
}

/** Ten books: the demo one (four shops have it) and nine others (none has them). */
const BOOKS = [DEMO_ISBN10, ...Array.from({ length: 9 }, (_, i) => `20703601${i}`).map((nine) => nine + isbn10CheckDigit(nine))].map(bookPage);

const lookupState = async (page: Page, tabId: number) => ((await storageOf(page, 'session'))[`lookup:${tabId}`] as { state?: string } | undefined)?.state;

/** For one describe block: the browser with the extension, the stand-in server, the settings pointed at it with Toulouse as the place. */
function launchWithStandIns(name: BrowserName): { ext: Extension; server: StandInServer; extensionPage: Page } {
  const run = {} as { ext: Extension; server: StandInServer; extensionPage: Page };
  beforeAll(async () => {
    run.server = await startStandInServer();
    run.ext = await launchWithExtension(name);
    run.extensionPage = await openExtensionPage(run.ext, 'options/options.html');
    await useStandInServer(run.extensionPage, run.server.url, TOULOUSE);
  });
  afterAll(async () => {
    await run.ext?.close();
    await run.server?.close();
  });
  return run;
}

describeInBrowsers('fifty book tabs at once', (name: BrowserName) => {
  const run = launchWithStandIns(name);

  it('gives each tab its own answer, with one request per book per source', async () => {
    run.server.requests.length = 0;
    const tabs = await Promise.all(Array.from({ length: 50 }, (_, i) => BOOKS[i % BOOKS.length]!).map((book) => openAmazonPage(run.ext, [{ url: book.url, body: book.body }])));
    // Every tab's book is known to the worker, and its badge says how many shops nearby have it.
    const seen = new Set<number>();
    for (const book of BOOKS) {
      for (let copy = 0; copy < 5; copy++) {
        const [tabId] = await waitForTabBook(run.extensionPage, (b, id) => b.isbn13 === book.isbn13 && !seen.has(id), 60_000);
        seen.add(tabId);
        expect(await waitForBadge(run.extensionPage, tabId, book.isbn13 === DEMO_BOOKS.inStock ? '3' : '0', 30_000)).toBe(book.isbn13 === DEMO_BOOKS.inStock ? '3' : '0');
        expect(await lookupState(run.extensionPage, tabId)).toBe('done');
      }
    }
    expect(seen.size).toBe(50);
    const perBook = run.server.requests.filter((url) => url.includes('getshoplist.php'));
    expect(perBook.map((url) => new URL(url).searchParams.get('ISBN')).sort()).toEqual(BOOKS.map((book) => book.isbn13).sort());
    expect(run.server.requests.filter((url) => url.includes('/interpreter'))).toHaveLength(1);
    await Promise.all(tabs.map((tab) => tab.close()));
  }, 120_000);
});

describeInChromium('the worker stopped in the middle of a lookup', () => {
  const run = launchWithStandIns('chromium');

  it('is started again and the open popup gets the answer, without a click', async () => {
    // The network does not answer: the lookup is under way when the browser stops the worker.
    run.server.setScenario({ placedeslibraires: 'timeout' });
    const demo = BOOKS[0]!;
    await openAmazonPage(run.ext, [{ url: demo.url, body: demo.body }]);
    const [tabId] = await waitForTabBook(run.extensionPage, (book) => book.isbn13 === demo.isbn13);
    const popup = await openExtensionPage(run.ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'asking', { polling: 100, timeout: 10_000 });

    const workerTarget = await run.ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(run.ext.extensionOrigin));
    const stopped = new Promise<void>((resolve) => run.ext.browser.on('targetdestroyed', (target) => target === workerTarget && resolve()));
    await (await workerTarget.worker())!.close();
    await stopped;
    expect(await lookupState(run.extensionPage, tabId)).toBe('asking'); // left unfinished
    run.server.setScenario('ok');

    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 100, timeout: 20_000 });
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    expect(await waitForBadge(run.extensionPage, tabId, '3')).toBe('3');
  }, 60_000);
});

describeInChromium('offline, then online again', () => {
  const run = launchWithStandIns('chromium');

  it('says the browser is offline, then shows the shops when it is back, without a reload', async () => {
    // The network goes for the worker (CDP network emulation) and for the popup's page.
    const workerTarget = await run.ext.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(run.ext.extensionOrigin));
    const network = await workerTarget.createCDPSession();
    await network.send('Network.enable');
    const worker = (await workerTarget.worker())!;
    // The worker's navigator.onLine follows the emulation a moment later (longer on a busy machine): wait for it.
    const setWorkerOffline = async (offline: boolean) => {
      await network.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await waitUntil(`the worker's navigator.onLine to become ${!offline}`, async () => ((await worker.evaluate(() => navigator.onLine)) !== offline ? true : undefined), { timeoutMs: 5_000, intervalMs: 20 });
    };
    await setWorkerOffline(true);

    const demo = BOOKS[0]!;
    const tab = await openAmazonPage(run.ext, [{ url: demo.url, body: demo.body }]);
    const [tabId] = await waitForTabBook(run.extensionPage, (book) => book.isbn13 === demo.isbn13);
    expect(await waitForBadge(run.extensionPage, tabId, '!', 10_000)).toBe('!');
    const popup = await openExtensionPage(run.ext, `popup/popup.html?tabId=${tabId}`);
    await popup.setOfflineMode(true);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'unreachable', { polling: 100, timeout: 10_000 });
    expect(await popup.$eval('#problem-list', (el) => el.textContent)).toMatch(/offline/);
    const requestsWhileOffline = run.server.requests.length;

    await setWorkerOffline(false);
    await popup.setOfflineMode(false);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 100, timeout: 15_000 });
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe('3 bookshops near you have it 1 bookshop that has it is closed for holidays.');
    expect(await waitForBadge(run.extensionPage, tabId, '3')).toBe('3');
    expect(run.server.requests.length).toBeGreaterThan(requestsWhileOffline);
    // The Amazon tab was not reloaded: the same document gets the card.
    await waitForCard(tab, (words) => words.includes('have it'));

    // With no popup open: the next book page the shopper opens once online mends the tab cut short
    // (a book not asked before: the demo book's answer is cached now).
    await setWorkerOffline(true);
    const [uncached, next] = [BOOKS[2]!, BOOKS[3]!];
    await openAmazonPage(run.ext, [{ url: uncached.url, body: uncached.body }]);
    const [cutShort] = await waitForTabBook(run.extensionPage, (book) => book.isbn13 === uncached.isbn13);
    // Only the map's answer, from the cache: bookshops nearby, stock unknown.
    expect(await waitForBadge(run.extensionPage, cutShort, '?', 10_000)).toBe('?');
    await setWorkerOffline(false);
    await openAmazonPage(run.ext, [{ url: next.url, body: next.body }]);
    expect(await waitForBadge(run.extensionPage, cutShort, '0', 10_000)).toBe('0'); // asked again: no shop nearby has it
    await network.detach();
  }, 60_000);
});

/**
 * Fills a storage area with big values under `prefix` until the browser refuses, then with smaller ones,
 * down to a few bytes for storage.sync (whose items are at most 8 KB, and writes limited per minute).
 */
async function fill(page: Page, area: Area, prefix: string, value: object): Promise<number> {
  const sizes = area === 'sync' ? [8_000, 1_000, 100, 10, 1] : [1_000_000, 100_000, 10_000, 1_000];
  return page.evaluate(
    async (which, keyPrefix, valueJson, paddings) => {
      const g = globalThis as unknown as { browser?: { storage: StorageApi }; chrome?: { storage: StorageApi } };
      const storage = (g.browser ?? g.chrome)!.storage[which];
      let written = 0;
      for (const size of paddings) {
        for (;;) {
          try {
            await storage.set({ [`${keyPrefix}${written}`]: { ...JSON.parse(valueJson), padding: 'x'.repeat(size) } });
            written++;
          } catch {
            break;
          }
        }
      }
      return written;
    },
    area,
    prefix,
    JSON.stringify(value),
    sizes,
  );
}

describeInBrowsers('storage with no room left', (name: BrowserName) => {
  const run = launchWithStandIns(name);

  async function openDemoAndPopup(): Promise<{ tabId: number; popup: Page }> {
    const demo = BOOKS[0]!;
    const known = new Set(Object.keys(await storageOf(run.extensionPage, 'session')));
    await openAmazonPage(run.ext, [{ url: demo.url, body: demo.body }]);
    const [tabId] = await waitForTabBook(run.extensionPage, (book, id) => book.isbn13 === demo.isbn13 && !known.has(`tab:${id}`));
    expect(await waitForBadge(run.extensionPage, tabId, '3', 10_000)).toBe('3');
    const popup = await openExtensionPage(run.ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 100, timeout: 10_000 });
    return { tabId, popup };
  }

  it('storage.session full of other tabs’ lookups: the count, the popup and the answer are all there', async () => {
    const written = await fill(run.extensionPage, 'session', 'lookup:9000', { state: 'asking' });
    expect(written).toBeGreaterThan(5);
    const { tabId, popup } = await openDemoAndPopup();
    expect(await popup.$$eval('#shop-list li[data-shop-id]', (items) => items.length)).toBe(10);
    const session = await storageOf(run.extensionPage, 'session');
    expect((session[`lookup:${tabId}`] as { state: string }).state).toBe('done');
    expect(Object.keys(session).filter((key) => key.startsWith('lookup:9000'))).toEqual([]);
    await popup.close();
  }, 60_000);

  it('storage.sync full: a changed setting says it was not saved, and the stored settings stay', async () => {
    const options = await openExtensionPage(run.ext, 'options/options.html');
    await options.waitForSelector('#card:checked');
    await fill(options, 'sync', 'filler', {});
    await options.click('#card');
    await options.waitForFunction(() => !(document.getElementById('save-problem') as HTMLElement).hidden, { polling: 100, timeout: 5_000 });
    expect(await options.$eval('#save-problem', (el) => el.textContent)).toMatch(/storage for this extension is full/);
    expect(((await storageOf(options, 'sync')).settings as { card?: boolean }).card).not.toBe(false);
    await options.close();
    // Opened again, the options show the settings as they were.
    const again = await openExtensionPage(run.ext, 'options/options.html');
    await again.waitForSelector('#card:checked', { timeout: 5_000 });
    await again.close();
  }, 60_000);

  if (name === 'chromium') {
    // Firefox gives extensions' storage.local no quota.
    it('storage.local full of cached answers: the new answer is kept and shown', async () => {
      // Room made for the filler: every cached answer and geocoding goes, the settings' services stay.
      await forgetStored(run.extensionPage, 'cache:');
      await forgetStored(run.extensionPage, 'geo:');
      const written = await fill(run.extensionPage, 'local', 'cache:filler:', { shops: [], expiresAt: Date.now() + 86_400_000 });
      expect(written).toBeGreaterThan(5);
      const { popup } = await openDemoAndPopup();
      await popup.close();
      const local = await storageOf(run.extensionPage, 'local');
      expect(Object.keys(local).filter((key) => key.startsWith('cache:filler:'))).toEqual([]);
      expect(Object.keys(local).some((key) => key.startsWith('cache:') && key.includes(DEMO_BOOKS.inStock))).toBe(true);
    }, 60_000);
  }
});
