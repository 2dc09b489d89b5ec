// axe-core (WCAG 2.1 A/AA, 2.2 AA) on every state of the popup, the options page, the welcome tab and
// the card on the page, in Chromium and Firefox, light and dark.
// The production build, with the stand-ins under the services' real names; no rule is switched off.
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { beforeAll, expect, it } from 'vitest';
import type { Scenarios } from '../../stand-ins/answer';
import { readFixture } from '../fixtures';
import { axeViolations as violations, CARD_HOST, changeSettings, describeInBrowsers, forgetStored, openAmazonPage, openExtensionPage, tabBooks, waitForCard, waitForTabBook, withExtension, type Extension } from './harness';

type BookPage = { url: string; body: Buffer | string; isbn13: string };
const DEMO: BookPage = { url: 'https://www.amazon.fr/dp/2070360024', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)), isbn13: '9782070360024' };
/** Another book, for the state whose request is left hanging: no other state shares its request. */
const OTHER: BookPage = { url: 'https://www.amazon.fr/LEtranger/dp/207036822X', body: readFixture('desktop-2023-rpi-and-bullets.html'), isbn13: '9782070368228' };
const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
const LONDON = { label: 'London', lat: 51.51, lon: -0.13, country: 'gb', foundBy: 'nominatim' };

/**
 * Every state, in a browser started with a light or a dark system theme (the same way in both
 * browsers: Firefox's WebDriver BiDi cannot emulate the theme page by page).
 */
function axeSuite(name: 'chromium' | 'firefox', theme: 'light' | 'dark'): void {
  // The services under their real names, through the stand-ins: the shopper's path, permission checks and all.
  const suite = withExtension(name, { launch: theme === 'dark' ? { colorScheme: 'dark' } : {} });
  let ext: Extension;
  let extensionPage: Page;
  let bookNumber = 0;

  beforeAll(async () => {
    ({ ext, extensionPage } = suite);
    // The theme this run is for, as the pages see it.
    expect(await extensionPage.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(theme === 'dark');
  });


  /** Opens the demo book under a fresh address (each tab its own lookup), with the settings and scenario given. */
  async function popupFor(state: string, place: object | null, scenarios: Scenarios, book = DEMO): Promise<{ popup: Page; tab: Page }> {
    await changeSettings(extensionPage, { place: place ?? null });
    // Each state asks the sources afresh: no answer kept from the state before.
    await forgetStored(extensionPage, 'cache:');
    suite.standIns.setScenarios(scenarios);
    const known = new Set(Object.keys(await tabBooks(extensionPage)));
    const url = `${book.url}?axe=${++bookNumber}`;
    const tab = await openAmazonPage(ext, [{ url, body: book.body }]);
    const [tabId] = await waitForTabBook(extensionPage, (seen, id) => seen.isbn13 === book.isbn13 && !known.has(`tab:${id}`), 10_000);
    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForFunction((s) => document.getElementById('app')?.dataset.state === s, { polling: 100, timeout: 20_000 }, state);
    return { popup, tab };
  }

  it.each([
    ['no-place', null, 'ok'],
    ['results', TOULOUSE, 'ok'],
    ['directory-only', TOULOUSE, { placedeslibraires: 'forbidden' }],
    ['unreachable', TOULOUSE, 'server-error'],
    ['no-stock-network', LONDON, 'ok'],
    // A book no network shop has (before 'asking' below leaves this book's request hanging).
    ['none-nearby', TOULOUSE, 'ok', OTHER],
  ] as const)('the popup, %s: no violation', async (state, place, scenarios, book?: BookPage) => {
    const { popup, tab } = await popupFor(state, place, scenarios as Scenarios, book);
    // London: its libraries that can lend the book too (their list and markers), checked once drawn.
    if (place === LONDON) await popup.waitForSelector('#library-list li[data-shop-id]', { timeout: 15_000 });
    expect(await violations(popup)).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('the popup in Montréal, with Québec’s network offer: no violation', async () => {
    const { popup, tab } = await popupFor('no-stock-network', { label: 'Montréal', lat: 45.5, lon: -73.57, country: 'ca' }, 'ok');
    await popup.waitForSelector('#offer-list li a', { timeout: 15_000 });
    expect(await violations(popup)).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('the popup, asking: no violation', async () => {
    // Only the network hangs, and for a book no other state asks about, so no later state waits on it.
    const { popup, tab } = await popupFor('asking', TOULOUSE, { placedeslibraires: 'timeout' }, OTHER);
    expect(await violations(popup)).toEqual([]);
    await popup.close();
    await tab.close();
  });

  it('the popup on a page that is not a book, the options page and the welcome tab: no violation', async () => {
    const popup = await openExtensionPage(ext, 'popup/popup.html?tabId=999999');
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'not-a-book', { polling: 100, timeout: 10_000 });
    expect(await violations(popup)).toEqual([]);
    expect(await violations(extensionPage)).toEqual([]);
    const welcome = await openExtensionPage(ext, 'welcome/welcome.html');
    await welcome.waitForSelector('.place-form');
    expect(await violations(welcome)).toEqual([]);
    for (const page of [popup, welcome]) await page.close();
  });

  it('the card on the book page: no violation', async () => {
    const { popup, tab } = await popupFor('results', TOULOUSE, 'ok');
    const root = await waitForCard(tab);
    // axe runs in the page's world, which cannot see into the card's closed shadow root: this test,
    // which holds the root, shows it to axe on the host (this tab only; the card itself is unchanged).
    await root.evaluate((r) => Object.defineProperty(r.host, 'shadowRoot', { value: r, configurable: true }));
    expect(await root.evaluate((r) => r.querySelectorAll('button').length)).toBe(2);
    expect(await violations(tab, CARD_HOST)).toEqual([]);
    await popup.close();
    await tab.close();
  });
}

describeInBrowsers('accessibility (axe-core), light', (name) => axeSuite(name, 'light'));
describeInBrowsers('accessibility (axe-core), dark', (name) => axeSuite(name, 'dark'));
