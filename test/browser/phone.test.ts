// On a phone, in Chromium and Firefox with the production build: a 390×844 screen, a finger for a
// pointer (Chromium: touch emulation per tab; Firefox: its pointer preferences, which BiDi cannot set
// per tab) and each browser's Android User-Agent. The card on Amazon's phone pages and on the demo page
// (responsive, as Amazon's pages are today); the popup as Firefox for Android opens it, a whole page;
// the options page. Screenshots go beside the others.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import { madeUpBooks, searchResultsPage } from '../../stand-ins/list-pages';
import { changeSettings, corpusPage, corpusPresent, describeInBrowsers, MARK_HOST, shadowRootOf, type Extension, openAmazonPage, openExtensionPage, phoneTab, SCREENSHOTS, tabBooks, waitForCard, waitForTabBook, withExtension } from './harness';

const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
const PAGES = [
  { name: 'demo', url: 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024', isbn13: '9782070360024', body: () => readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) },
  ...(corpusPresent
    ? [
        { name: 'mobile-book', url: 'https://www.amazon.com/gp/aw/d/193435659X', isbn13: '9781934356593', body: () => corpusPage('com-book-mobile-2018-seven-languages.html') },
        { name: 'mobile-kindle', url: 'https://www.amazon.com/Seven-Languages-Weeks-Programming-Programmers-ebook/dp/B00AYQNR46', isbn13: '9781934356593', body: () => corpusPage('com-kindle-mobile-2018-seven-languages.html') },
      ]
    : []),
];
if (!corpusPresent) console.warn('\n*** ../shared/amazon-pages is missing: the phone tests run on the demo page only ***\n');

/** The smallest side of the visible elements `selector` finds in `page`, in CSS pixels; null when none shows. */
const smallestSide = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => {
    const sides = elements.map((el) => el.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => Math.min(r.width, r.height));
    return sides.length ? Math.min(...sides) : null;
  });
/** How far the page scrolls sideways: 0 when it fits the screen. */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shoot(page: Page, file: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A tab in the background never paints a frame to capture: bring it to the front first.
  await page.bringToFront();
  await page.screenshot({ path: `${SCREENSHOTS}/${file}` });
}

describeInBrowsers('on a phone', (name) => {
  // The services under their real names, through the stand-ins: the shopper's path, permission checks and all.
  const suite = withExtension(name, { launch: { touch: true }, prepare: ({ extensionPage }) => changeSettings(extensionPage, { place: TOULOUSE }) });
  let ext: Extension;
  let extensionPage: Page;
  beforeAll(() => {
    ({ ext, extensionPage } = suite);
  });

  it('a list’s marks fit the screen, with a target a finger can hit', async () => {
    await changeSettings(extensionPage, { lists: { wishlists: true, searchResults: true } });
    const books = [{ isbn10: '2070360024', title: 'L’Étranger' }, ...madeUpBooks(3)];
    const tab = await openAmazonPage(ext, [{ url: 'https://www.amazon.fr/s?k=camus', body: searchResultsPage(books, 'camus') }], await phoneTab(ext, name));
    await tab.waitForSelector(MARK_HOST, { timeout: 15_000 });
    const root = (await shadowRootOf(tab, MARK_HOST))!;
    const seen = await root.evaluate((r) => {
      const button = r.querySelector('button')!.getBoundingClientRect();
      return { side: Math.min(button.width, button.height), right: (r.host as Element).getBoundingClientRect().right, screen: document.documentElement.clientWidth };
    });
    expect(seen.side).toBeGreaterThanOrEqual(44);
    expect(seen.right).toBeLessThanOrEqual(seen.screen);
    expect(await sidewaysScroll(tab)).toBe(0);
    await shoot(tab, `phone-${name}-list-marks.png`);
    await tab.close();
  });

  it('the card sits right under the buy box, inside the screen’s width, with buttons a finger can hit', async () => {
    for (const page of PAGES) {
      const known = new Set(Object.keys(await tabBooks(extensionPage)));
      const tab = await openAmazonPage(ext, [{ url: page.url, body: page.body() }], await phoneTab(ext, name));
      await waitForTabBook(extensionPage, (book, id) => book.isbn13 === page.isbn13 && !known.has(`tab:${id}`));
      const root = await waitForCard(tab);
      await root.evaluate((r) => (r.host as Element).scrollIntoView({ block: 'center' }));
      const seen = await root.evaluate((r) => {
        const box = (selector: string) => r.querySelector(selector)!.getBoundingClientRect();
        const host = (r.host as Element).getBoundingClientRect();
        return {
          after: (r.host as Element).previousElementSibling?.id,
          left: host.left,
          right: host.right,
          screen: document.documentElement.clientWidth,
          open: Math.min(box('.open').width, box('.open').height),
          close: Math.min(box('.close').width, box('.close').height),
        };
      });
      expect(seen.after, page.name).toMatch(/^(?:buybox|combinedBuyBox)$/);
      expect(seen.left, page.name).toBeGreaterThanOrEqual(0);
      expect(seen.right, page.name).toBeLessThanOrEqual(seen.screen);
      expect(seen.open, page.name).toBeGreaterThanOrEqual(44);
      expect(seen.close, page.name).toBeGreaterThanOrEqual(44);
      await shoot(tab, `phone-card-${page.name}-${name}.png`);
      if (page.name !== 'demo') await tab.close();
    }
    // Our own demo page is responsive, as Amazon's are: with the card in it, nothing scrolls sideways.
    const demo = (await ext.browser.pages()).find((p) => p.url().includes('2070360024'))!;
    expect(await sidewaysScroll(demo)).toBe(0);
  });

  it('the popup, opened as a tab of its own as Firefox for Android opens it, shows the book of the tab the shopper was on, fits 390 px, and works by finger', async () => {
    // The shopper is on the demo page, and taps the extension: its popup opens in a new tab, with no tabId.
    const demo = (await ext.browser.pages()).find((p) => p.url().includes('2070360024'))!;
    await demo.bringToFront();
    const popup = await phoneTab(ext, name);
    await openExtensionPage(ext, 'popup/popup.html', popup);
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 50, timeout: 20_000 });
    expect(await popup.$eval('#book-line', (el) => el.textContent)).toContain('978-2070360024');
    await popup.waitForSelector('#map[data-markers]');
    expect(await sidewaysScroll(popup)).toBe(0);
    const layout = await popup.evaluate(() => ({
      body: document.body.getBoundingClientRect().width,
      screen: document.documentElement.clientWidth,
      mapBottom: document.getElementById('map')!.getBoundingClientRect().bottom,
      listTop: document.getElementById('shop-list')!.getBoundingClientRect().top,
    }));
    expect(layout.body).toBe(layout.screen); // the whole width (less Firefox's scroll bar), not the toolbar popup's
    expect(layout.mapBottom).toBeLessThanOrEqual(layout.listTop);
    for (const selector of ['button', '#shop-list .shop-links a', '#portal-list a', '#options-link', '.leaflet-control-zoom a']) expect(await smallestSide(popup, selector), selector).toBeGreaterThanOrEqual(44);
    await shoot(popup, `phone-popup-${name}.png`);

    // Another town, by finger: Change, the field, Search.
    await popup.tap('#place-change');
    await popup.waitForSelector('.place-form input[name="place"]', { visible: true });
    expect(await smallestSide(popup, '.place-form input[name="place"]')).toBeGreaterThanOrEqual(44);
    await popup.$eval('.place-form input[name="place"]', (el) => ((el as HTMLInputElement).value = ''));
    await popup.tap('.place-form input[name="place"]');
    await popup.keyboard.type('Muret');
    await popup.tap('.place-form button[type="submit"]');
    await popup.waitForFunction(() => document.getElementById('place-current')?.textContent?.includes('Muret'), { polling: 50, timeout: 20_000 });
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 50, timeout: 20_000 });
    expect(await sidewaysScroll(popup)).toBe(0);
    await popup.close();
  });

  it('the options page fits 390 px, with fields and buttons a finger can hit', async () => {
    const options = await phoneTab(ext, name);
    await openExtensionPage(ext, 'options/options.html', options);
    expect(await sidewaysScroll(options)).toBe(0);
    // The fields, the buttons, each tick box's label (its whole line is the target) and the folded "Advanced" section's title.
    for (const selector of ['input[name="place"]', 'select[name="radius"]', 'button', 'label:has(> input[type="checkbox"])', 'summary']) expect(await smallestSide(options, selector), selector).toBeGreaterThanOrEqual(44);
    await options.screenshot({ path: `${SCREENSHOTS}/phone-options-${name}.png`, fullPage: true });
    await options.close();
  });
});
