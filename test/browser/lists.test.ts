// List pages in the production build, the way a shopper meets them: a real wish list (from the corpus)
// gets marks on the books the stand-in network has near Toulouse and on no other; a search page gets
// none until the shopper turns them on from the popup; a 48-book search page scrolled top to bottom
// in ten seconds costs the stock network at most 20 requests, and a second view of it none; a page's
// own scripts can neither pass a search page off as a wish list nor read what a mark says. The
// services answer at their real addresses through the local proxy (stand-ins/real-hosts.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page, Target } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { isbn13To10 } from '../../src/book/isbn';
import { displayIsbn13 } from '../../src/shared/isbn-format';
import { madeUpBooks, searchResultsPage } from '../../stand-ins/list-pages';
import { DEMO_BOOKS } from '../../stand-ins/payloads';
import type { RealHostStandIns } from '../../stand-ins/real-hosts';
import { axeViolations, changeSettings, corpusPage, corpusPresent, describeInBrowsers, MARK_HOST, openAmazonPage, openExtensionPage, SCREENSHOTS, shadowRootOf, storageOf, waitForBadge, waitUntil, withExtension, holdsFor, settled, type Extension } from './harness';

const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
const SEARCH_ITEM = '[data-component-type="s-search-result"]';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The id of the tab whose list page the worker knows as `kind`, once its list script has spoken. */
async function listTab(extensionPage: Page, kind: string, since: Set<string>): Promise<number> {
  return waitUntil(`a new ${kind} list page known to the worker`, async () => {
    const found = Object.entries(await storageOf(extensionPage, 'session')).find(
      ([key, value]) => key.startsWith('list:') && (value as { kind: string }).kind === kind && !since.has(`${key} ${(value as { view: string }).view}`),
    );
    return found && Number(found[0].slice('list:'.length));
  });
}
const knownViews = async (extensionPage: Page) =>
  new Set(
    Object.entries(await storageOf(extensionPage, 'session'))
      .filter(([key]) => key.startsWith('list:'))
      .map(([key, value]) => `${key} ${(value as { view: string }).view}`),
  );

/** For each item of the page, in order: whether it carries a mark. */
const marked = (tab: Page, itemSelector: string) => tab.$$eval(itemSelector, (items, host) => items.map((item) => item.querySelector(host) !== null), MARK_HOST);

async function waitForMarks(tab: Page, itemSelector: string, count: number, timeoutMs = 10_000): Promise<boolean[]> {
  return waitUntil(`${count} marks on ${tab.url()}`, async () => {
    const marks = await marked(tab, itemSelector);
    return marks.filter(Boolean).length >= count ? marks : undefined;
  }, { timeoutMs, intervalMs: 150 });
}

/** Scrolls from the top of the page to its bottom in `ms`, in steps a tenth of a second apart, as a hand on a wheel does. */
async function scrollThrough(tab: Page, ms: number): Promise<void> {
  const steps = ms / 100;
  const height = await tab.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  for (let step = 1; step <= steps; step++) {
    await tab.evaluate((y) => scrollTo(0, y), Math.round((height * step) / steps));
    await sleep(100);
  }
}


describeInBrowsers('marks on list pages', (name) => {
  const suite = withExtension(name);
  let ext: Extension;
  let standIns: RealHostStandIns;
  let extensionPage: Page;
  beforeAll(async () => {
    ({ ext, standIns, extensionPage } = suite);
    await changeSettings(extensionPage, { place: TOULOUSE });
  });

  /** The stock network's requests so far (one per book asked). */
  const stockRequests = () => standIns.seen.filter((request) => request.url.includes('getshoplist.php')).length;

  it.runIf(corpusPresent)('marks the books of a real wish list that shops near Toulouse have, and no other', async () => {
    const file = 'lists/de-2019-wishlist-books.html';
    const expected = (JSON.parse(readFileSync(new URL('../../../shared/amazon-pages/lists/EXPECTED.json', import.meta.url), 'utf8')) as {
      pages: Array<{ file: string; url: string; items: Array<{ isbn13: string[] }> }>;
    }).pages.find((page) => `lists/${page.file}` === file)!;
    const since = await knownViews(extensionPage);
    const tab = await openAmazonPage(ext, [{ url: expected.url, body: corpusPage(file) }]);
    const tabId = await listTab(extensionPage, 'wishlist', since);
    const inStock = expected.items.map((item) => item.isbn13.some((isbn13) => DEMO_BOOKS.wishlistInStock.includes(isbn13)));
    expect(inStock.filter(Boolean)).toHaveLength(2);
    // Down the list at a reading pace: each item stays in view long enough to count as seen.
    await scrollThrough(tab, 6000);
    const marks = await waitForMarks(tab, '#g-items li[data-itemid]', 2);
    await holdsFor('marks on the two stocked items only', async () => JSON.stringify(await marked(tab, '#g-items li[data-itemid]')) === JSON.stringify(inStock), { forMs: 1000 });
    expect(marks).toEqual(inStock);
    // The marks themselves (axe reads into shadow roots), on Amazon's page.
    expect(await axeViolations(tab, MARK_HOST)).toEqual([]);
    const root = await shadowRootOf(tab, MARK_HOST);
    // The words drawn (generated content), with no count the page could read.
    expect(await root!.evaluate((shadow) => {
      const button = shadow.querySelector('button')!;
      const drawn = getComputedStyle(button, '::after').content;
      return [button.textContent, /^attr\(/.test(drawn) ? button.getAttribute('data-text') : JSON.parse(drawn)];
    })).toEqual(['', 'A bookshop near you has it']);
    // A page script's find() finds no mark's words, and no selection leads into a mark.
    expect(await tab.evaluate(() => {
      getSelection()?.removeAllRanges();
      const hit = (window as unknown as { find(text: string): boolean }).find('near you');
      const into = getSelection()?.anchorNode?.getRootNode();
      return { hit, intoShadow: !!into && into !== document };
    })).toEqual({ hit: false, intoShadow: false });
    expect(await waitForBadge(extensionPage, tabId, '2')).toBe('2');
    // The shopper's click on a mark: the results open on that book (the popup where the browser allows
    // it, else a tab). Firefox's popup panel is not among the pages WebDriver BiDi lists: checked in Chromium.
    if (name === 'chromium') {
      const isResults = (target: Target) => target.url().startsWith(`${ext.extensionOrigin}popup/popup.html`);
      await tab.bringToFront();
      const opened = ext.browser.waitForTarget(isResults, { timeout: 10_000 });
      await (await tab.$(MARK_HOST))!.click();
      const results = (await (await opened).asPage())!;
      await results.waitForSelector('#shop-list li[data-shop-id]', { timeout: 10_000 });
      expect(await results.$eval('#book-line', (el) => el.textContent)).toContain(`ISBN ${displayIsbn13(DEMO_BOOKS.wishlistInStock[0]!)}`);
      await results.close();
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await tab.screenshot({ path: `${SCREENSHOTS}/${name}-wishlist-marks.png` });

    // The popup on that page: the two books, nearest first, each opening its shops.
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#list-books li');
    // Counted among the books looked up so far, as the worker counted the answers (the list's print
    // editions are 9; a lookup may still be on its way).
    const lookedUp = ((await storageOf(extensionPage, 'session'))[`list:${tabId}`] as { checked: number }).checked;
    expect(lookedUp).toBeGreaterThanOrEqual(2);
    expect(lookedUp).toBeLessThanOrEqual(9);
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe(`2 books on this page are in a shop near you, of ${lookedUp} looked up so far, nearest first:`);
    expect(await popup.$$eval('#list-books li .list-book-shops', (spans) => spans.map((span) => span.textContent))).toEqual(['3 shops · nearest 0.5 km', '3 shops · nearest 0.5 km']);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('#list-books li button');
    await popup.waitForSelector('#shop-list li[data-shop-id]');
    expect(await popup.$eval('#book-line', (el) => el.textContent)).toMatch(/ISBN 978-/);
    // The list gave way to the book's shops: focus on the line that says what came back, not lost to <body>.
    await popup.waitForFunction(() => document.activeElement?.id === 'status', { polling: 100, timeout: 5000 });
    await popup.click('#list-back');
    await popup.waitForSelector('#list-books li');
    await popup.close();
    await tab.close();
  });

  it('shows nothing on search results until the shopper turns marks on from the popup, then marks the books shops nearby have, and takes them away when turned off in the options', async () => {
    const books = [{ isbn10: '2070360024', title: 'L’Étranger' }, { isbn10: '193435659X', title: 'Seven Languages in Seven Weeks' }, ...madeUpBooks(4)];
    const before = stockRequests();
    const since = await knownViews(extensionPage);
    const tab = await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/s?k=camus&i=stripbooks', body: searchResultsPage(books, 'camus') }]);
    const tabId = await listTab(extensionPage, 'search', since);
    await holdsFor('no mark and no stock request on search results with their marks off', async () => stockRequests() === before && (await marked(tab, SEARCH_ITEM)).every((mark) => !mark), { forMs: 1500 });
    expect(await marked(tab, SEARCH_ITEM)).toEqual([false, false, false, false, false, false]);

    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#list-offer-button', { visible: true });
    expect(await popup.$eval('#status', (el) => el.textContent)).toBe('Bookshops are not shown on this list.');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('#list-offer-button');
    // The offer is gone: focus on the status line, not lost to <body>.
    await popup.waitForFunction(() => document.activeElement?.id === 'status', { polling: 100, timeout: 5000 });
    // The toolbar popup sits over the page; opened here as a tab, it hid the page, which a browser does not draw.
    await tab.bringToFront();
    expect(await waitForMarks(tab, SEARCH_ITEM, 2)).toEqual([true, true, false, false, false, false]);
    await popup.waitForFunction(() => document.querySelectorAll('#list-books li').length === 2, { polling: 100, timeout: 10_000 });
    expect(await popup.$eval('#list-offer', (el) => (el as HTMLElement).hidden)).toBe(true);
    await popup.close();

    // Turned off again in the options: the marks leave the page.
    const options = await openExtensionPage(ext, 'options/options.html');
    await options.waitForSelector('#lists-search:checked');
    expect(await options.$eval('#lists-wishlists', (box) => (box as HTMLInputElement).checked)).toBe(true);
    await options.click('#lists-search');
    await options.close();
    await tab.bringToFront();
    await tab.waitForFunction((host) => document.querySelector(host) === null, { polling: 100, timeout: 10_000 }, MARK_HOST);
    await changeSettings(extensionPage, { lists: { wishlists: true, searchResults: true } });
    await tab.close();
  });

  it('asks the stock network at most 20 times for a 48-book search page scrolled top to bottom in ten seconds, and not at all for a second view', async () => {
    // On from the test before (the popup's offer); said again, so this test stands alone.
    await changeSettings(extensionPage, { lists: { wishlists: true, searchResults: true } });
    const books = [{ isbn10: '2070360024', title: 'L’Étranger' }, ...madeUpBooks(47, 500)];
    const before = stockRequests();
    const since = await knownViews(extensionPage);
    const tab = await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/s?k=romans&i=stripbooks', body: searchResultsPage(books, 'romans') }]);
    await listTab(extensionPage, 'search', since);
    // The shopper looks at the first result a moment (its mark comes), then scrolls to the end.
    await waitForMarks(tab, SEARCH_ITEM, 1);
    await scrollThrough(tab, 10_000);
    const firstView = (await settled('the stock requests of the first view', stockRequests, { quietMs: 1500 })) - before;
    expect(firstView).toBeGreaterThan(5);
    expect(firstView).toBeLessThanOrEqual(20);

    // The same page visited again (a new view, from its top): what was asked comes from the cache.
    const sinceReload = await knownViews(extensionPage);
    await tab.goto(tab.url(), { waitUntil: 'domcontentloaded' });
    await listTab(extensionPage, 'search', sinceReload);
    await waitForMarks(tab, SEARCH_ITEM, 1);
    await scrollThrough(tab, 10_000);
    expect((await settled('the stock requests of the second view', stockRequests, { quietMs: 1500 })) - before).toBe(firstView);
    await tab.close();
  });
});

// What a list page's own scripts can do against the list script (the third security review's proofs,
// run again in each browser): rewrite the page's address, and plant books to learn which ones shops near
// the shopper have. A browser of its own: the minute's lookups are the tests' before.
describeInBrowsers('a list page’s own scripts', (name) => {
  // The defaults: marks on wish lists, none on search results.
  const suite = withExtension(name, { prepare: ({ extensionPage }) => changeSettings(extensionPage, { place: TOULOUSE, lists: { wishlists: true, searchResults: false } }) });
  const stockRequests = () => suite.standIns.seen.filter((request) => request.url.includes('getshoplist.php')).length;

  it('leaves a search page that rewrites its address to a wish list’s a search page: no marks, nothing asked', async () => {
    const books = [{ isbn10: '2070360024', title: 'L’Étranger' }, ...madeUpBooks(3)];
    const rewrite = `<script>history.replaceState(null, '', '/hz/wishlist/ls/REWRITTEN')</script>`;
    const before = stockRequests();
    const since = await knownViews(suite.extensionPage);
    const tab = await openAmazonPage(suite.ext, [{ url: 'https://www.amazon.fr/s?k=camus&i=stripbooks', body: searchResultsPage(books, 'camus').replace('<body', `${rewrite}<body`) }]);
    expect(tab.url()).toBe('https://www.amazon.fr/hz/wishlist/ls/REWRITTEN');
    await listTab(suite.extensionPage, 'search', since);
    await holdsFor('no mark and no stock request on search results that call themselves a wish list', async () => stockRequests() === before && (await marked(tab, SEARCH_ITEM)).every((mark) => !mark), { forMs: 1500 });
    expect(await marked(tab, SEARCH_ITEM)).toEqual([false, false, false, false]);
    await tab.close();
  });

  it('lets a page that plants 28 books on a wish-list address learn no count and no words, at no more than 20 lookups a minute', async () => {
    // The two books the stand-in network has near Toulouse, among 26 made up, all in view at once.
    const stocked = DEMO_BOOKS.wishlistInStock.map((isbn13, i) => ({ isbn10: isbn13To10(isbn13)!, title: `Stocked ${i + 1}` }));
    const books = [stocked[0]!, ...madeUpBooks(13, 700), stocked[1]!, ...madeUpBooks(13, 800)];
    const items = /<body[^>]*>([\s\S]*)<\/body>/.exec(searchResultsPage(books))![1]!;
    const plant = `<style>[data-component-type="s-search-result"]{height:18px!important;overflow:hidden;padding:0!important}</style>
<script>addEventListener('DOMContentLoaded', () => { document.body.innerHTML = ${JSON.stringify(items).replaceAll('</', '<\\/')}; })</script>`;
    const before = stockRequests();
    const since = await knownViews(suite.extensionPage);
    const tab = await openAmazonPage(suite.ext, [{ url: 'https://www.amazon.fr/hz/wishlist/ls/PLANTED', body: `<!doctype html><html><head>${plant}</head><body></body></html>` }]);
    await listTab(suite.extensionPage, 'wishlist', since);
    // A window of time is the point here: at most 20 stock requests within the first 8 s, whatever comes after.
    await sleep(8000);
    const asked = stockRequests() - before;
    expect(asked).toBeGreaterThanOrEqual(2);
    expect(asked).toBeLessThanOrEqual(20);
    expect(await marked(tab, SEARCH_ITEM)).toEqual(books.map((book) => stocked.includes(book)));
    // The page's own probe: which items carry a mark it can see (the privacy policy says so); their
    // words, a count, or a way into a mark it cannot.
    expect(await tab.evaluate((host) => {
      const find = (text: string) => {
        getSelection()?.removeAllRanges();
        const hit = (window as unknown as { find(text: string): boolean }).find(text);
        const into = getSelection()?.anchorNode?.getRootNode();
        return hit || (!!into && into !== document);
      };
      const marks = [...document.querySelectorAll(host)];
      return {
        found: ['near you', 'bookshop', 'has it'].filter(find),
        text: marks.map((mark) => mark.textContent).join(''),
        attributes: [...new Set(marks.flatMap((mark) => mark.getAttributeNames()))],
        openRoots: marks.filter((mark) => mark.shadowRoot !== null).length,
      };
    }, MARK_HOST)).toEqual({ found: [], text: '', attributes: ['data-local-bookshops'], openRoots: 0 });
    await tab.close();
  });
});
