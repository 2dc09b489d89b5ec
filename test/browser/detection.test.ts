// The production build in Chromium and Firefox: real Amazon pages (from ../shared) served at their
// Amazon addresses, the content script reading them, the background remembering the book per tab,
// and the popup showing it.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browsers.mjs';
import { readFixture } from '../fixtures';
import { badgeText, corpusPage, corpusPresent, describeInBrowsers, type Extension, openAmazonPage, openExtensionPage, settled, tabBooks, waitForBadge, waitForTabBook } from './harness';

if (!corpusPresent) console.warn('\n*** ../shared/amazon-pages is missing: browser tests on real pages are SKIPPED ***\n');

const REAL_PAGES = [
  { file: 'fr-book-retour-a-la-terre.html', url: 'https://www.amazon.fr/dp/2205057332', isbn13: '9782205057331', kind: 'print' },
  { file: 'couk-book-2021-legacy-bullets-bone-silence.html', url: 'https://www.amazon.co.uk/dp/0575090677', isbn13: '9780575090675', kind: 'print' },
  { file: 'com-kindle-whole-truth.html', url: 'https://www.amazon.com/Whole-Truth-Shaw-Book-ebook/dp/B0011UCPM4', isbn13: '9781538701140', kind: 'kindle' },
  { file: 'com-book-paperback-979-only-B-asin-little-dog.html', url: 'https://www.amazon.com/dp/B08Y3XFV5W', isbn13: '9798585422768', kind: 'print' },
];

describeInBrowsers('finding the book', (name) => {
  let ext: Extension;
  let extensionPage: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(name);
    extensionPage = await openExtensionPage(ext, 'popup/popup.html');
  });
  afterAll(async () => ext?.close());

  it.runIf(corpusPresent)('reads real pages at their Amazon address and gives each tab its own book', async () => {
    for (const real of REAL_PAGES) {
      const known = new Set(Object.keys(await tabBooks(extensionPage)));
      await openAmazonPage(ext, [{ url: real.url, body: corpusPage(real.file) }]);
      const [tabId, book] = await waitForTabBook(extensionPage, (_b, id) => !known.has(`tab:${id}`));
      expect(book, real.file).toMatchObject({ isbn13: real.isbn13, kind: real.kind });
      expect(await waitForBadge(extensionPage, tabId, '•')).toBe('•');
    }
  });

  it.runIf(corpusPresent)('keeps nothing for a page that is not a book', async () => {
    const before = await tabBooks(extensionPage);
    const page = await openAmazonPage(ext, [{ url: 'https://www.amazon.es/dp/B01MUGXRT9', body: corpusPage('es-nonbook-robot-cleaner.html') }]);
    await page.waitForFunction(() => document.readyState === 'complete', { polling: 100, timeout: 15_000 });
    // A book page opened after it is recorded: the worker has heard from the pages before it, and
    // kept nothing for the one that is not a book.
    const book = await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/dp/2070360024?after', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) }]);
    const [bookTab] = await waitForTabBook(extensionPage, (seen, id) => seen.isbn13 === '9782070360024' && !(`tab:${id}` in before));
    const after = await tabBooks(extensionPage);
    delete after[`tab:${bookTab}`];
    expect(after).toEqual(before);
    await Promise.all([page.close(), book.close()]);
  });

  // Chromium lists the worlds in a page over CDP; for Firefox the built manifest's matches say the same (unit test).
  if (name === 'chromium') it('runs on the storefront’s shop, and not at all on an Amazon site that is not one (AWS console)', async () => {
    const demo = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
    /** The extension's content-script worlds in a page, as DevTools lists them. */
    const contentScriptWorlds = async (url: string) => {
      const page = await openAmazonPage(ext, [{ url, body: demo }]);
      const session = await page.createCDPSession();
      const worlds: string[] = [];
      session.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.auxData?.type === 'isolated' && String(context.origin).startsWith('chrome-extension://')) worlds.push(context.name);
      });
      // The worlds that exist are reported before Runtime.enable answers, later ones as they come.
      await session.send('Runtime.enable');
      await page.waitForFunction(() => document.readyState === 'complete', { polling: 100, timeout: 15_000 });
      // Content scripts run once the page is idle: the count once it has stayed the same a second.
      const count = await settled('the content-script worlds', () => worlds.length, { quietMs: 1000 });
      await page.close();
      return count;
    };
    expect(await contentScriptWorlds('https://www.amazon.fr/dp/2070360024')).toBe(1);
    expect(await contentScriptWorlds('https://console.aws.amazon.com/dp/2070360024')).toBe(0);
  });

  it('reads the offline demo page that npm run demo serves', async () => {
    const demo = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
    await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024', body: demo }]);
    const [, book] = await waitForTabBook(extensionPage, (b) => b.isbn13 === '9782070360024');
    expect(book.kind).toBe('print');
  });

  it('follows Amazon to another book without a reload, and forgets it when the tab leaves Amazon', async () => {
    const first = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/207036822X';
    const elsewhere = 'https://www.example.org/';
    const page = await openAmazonPage(ext, [
      { url: first, body: readFixture('desktop-2023-rpi-and-bullets.html') },
      { url: elsewhere, body: '<!doctype html><title>Elsewhere</title><p>Not a shop.</p>' },
    ]);
    const [tabId] = await waitForTabBook(extensionPage, (book) => book.isbn13 === '9782070368228');
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => document.getElementById('book-line')?.textContent?.startsWith('ISBN 978-2070368228'), { polling: 100 });

    // What Amazon's format switcher does, after a person clicks it in the tab they are looking at:
    // a new address through the History API, new details in place.
    await page.bringToFront();
    await page.evaluate(() => {
      history.pushState({}, '', '/LEtranger-Albert-Camus/dp/209187373X/ref=tmm_hrd_swatch_0');
      (document.getElementById('ASIN') as HTMLInputElement).value = '209187373X';
      for (const id of ['rpi-attribute-book_details-isbn13', 'rpi-attribute-book_details-isbn10']) document.getElementById(id)?.remove();
      const bullets = document.querySelectorAll('#detailBullets_feature_div li .a-list-item span:last-child');
      bullets[2]!.textContent = '209187373X';
      bullets[3]!.textContent = '978-2091873732';
    });

    await waitForTabBook(extensionPage, (book, id) => id === tabId && book.isbn13 === '9782091873732');
    await popup.waitForFunction(() => document.getElementById('book-line')?.textContent?.startsWith('ISBN 978-2091873732'), { polling: 100, timeout: 10_000 });
    expect(await waitForBadge(extensionPage, tabId, '•')).toBe('•');

    // Then the shopper leaves Amazon in that tab: the badge goes with the page, and the popup
    // no longer shows the book.
    await page.goto(elsewhere, { waitUntil: 'domcontentloaded' });
    expect(await badgeText(extensionPage, tabId)).toBe('');
    await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`, popup);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'not-a-book', { polling: 100, timeout: 5_000 });
    expect(await tabBooks(extensionPage)).not.toHaveProperty(`tab:${tabId}`);
  });
});
