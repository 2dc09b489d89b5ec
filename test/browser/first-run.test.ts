// A new shopper's first minute, in Chromium and Firefox with the production build: installing opens the
// welcome tab with the place form first; a book page before any place shows the card that asks for a
// town; one field and Enter set the place.
import { mkdirSync, readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { findWelcomeTab } from '../../scripts/browsers.mjs';
import { CARD_HOST, describeInBrowsers, openAmazonPage, openExtensionPage, SCREENSHOTS, storageOf, tabBooks, waitForBadge, shownWords, waitForCard, waitForTabBook, withExtension, type Extension } from './harness';

const DEMO = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
const DEMO_URL = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024';
// Where the device is, as the location service would say: the one stand-in for "Use my position"
// (Firefox reads it from a launch preference, Chromium from the page's emulated position).
const DEVICE_AT = { latitude: 43.604_562, longitude: 1.444_209 };

describeInBrowsers('the first run', (name) => {
  // The services under their real names, through the stand-ins: the shopper's path, permission checks and all.
  const suite = withExtension(name, { launch: { welcomeTab: 'keep', answerPermissionPrompts: true, position: DEVICE_AT } });
  let ext: Extension;
  beforeAll(() => {
    ext = suite.ext;
  });

  it('opens a welcome tab whose first field is the place, and a book page with no place shows the card asking for a town', async () => {
    // The worker opens it on install.
    const welcome = await findWelcomeTab(ext.browser, ext.extensionOrigin, 15_000);
    await welcome?.waitForFunction(() => document.querySelector('.place-form'), { polling: 100, timeout: 10_000 });
    expect(welcome, 'the welcome tab, with its form').toBeTruthy();
    const first = await welcome!.evaluate(() => {
      const fields = [...document.querySelectorAll('input, select, button, a[href]')];
      return { first: fields[0]?.getAttribute('name'), focused: document.activeElement?.getAttribute('name'), title: document.querySelector('h1')?.textContent };
    });
    expect(first).toEqual({ first: 'place', focused: 'place', title: 'Local Bookshops: find the book near you' });

    // Before any place, the book page invites the shopper to set their town; the icon's tooltip says so too.
    const extensionPage = await openExtensionPage(ext, 'options/options.html');
    const tab = await openAmazonPage(ext, [{ url: DEMO_URL, body: DEMO }]);
    const [tabId] = await waitForTabBook(extensionPage, (book) => book.isbn13 === '9782070360024');
    const card = [...(await shownWords(await waitForCard(tab, (words) => words !== '')))].slice(0, 3);
    // It says which extension put it on Amazon's page, first.
    expect(card).toEqual(['Local Bookshops', 'See which bookshops near you have this book', 'Set your town']);
    expect(await waitForBadge(extensionPage, tabId, '•')).toBe('•');

    // One field and Enter: the place is set, the page says what comes next, and the card counts the shops.
    await welcome!.bringToFront();
    // The country is guessed on the device (time zone, language) and shown: the shopper makes it France.
    expect(await welcome!.$eval('select[name="country"]', (el) => (el as HTMLSelectElement).value)).toMatch(/^[a-z]{2}$/);
    await welcome!.select('select[name="country"]', 'fr');
    await welcome!.type('input[name="place"]', '31000');
    await welcome!.keyboard.press('Enter');
    await welcome!.waitForFunction(() => !(document.getElementById('welcome-done') as HTMLElement).hidden, { polling: 100, timeout: 10_000 });
    expect(await welcome!.$eval('#welcome-done', (el) => el.textContent)).toBe('Done: bookshops near 31000 Toulouse. Open a book on Amazon to see which of them have it.');
    if (name === 'chromium') {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await welcome!.setViewport({ width: 800, height: 700 });
      await welcome!.screenshot({ path: `${SCREENSHOTS}/first-run-welcome.png` });
    }
    const counted = await waitForCard(tab, (words) => words.includes('have it'));
    expect(await shownWords(counted, '.headline')).toEqual(['3 bookshops near you have it']);
    await tab.close();
  });

  it('sets the place from "Use my position" through the permission path a shopper takes, and names the town', async () => {
    const welcome = await openExtensionPage(ext, 'welcome/welcome.html');
    // No permission is granted by the test: Chrome's comes with the install, Firefox's is asked on the
    // click (the prompt's "Allow" is the one step a test cannot take in the browser's own window).
    if (name === 'chromium') await welcome.setGeolocation(DEVICE_AT);
    // In front, as the tab a shopper clicks in is (the install's own welcome tab may have opened later).
    await welcome.bringToFront();
    await welcome.waitForSelector('.place-form .use-position');
    await welcome.select('select[name="country"]', 'fr');
    const askedBefore = suite.standIns.seen.length;
    await welcome.click('.place-form .use-position');
    await welcome.waitForFunction(() => document.querySelector('.place-form')?.getAttribute('data-saved'), { polling: 100, timeout: 15_000 });
    expect(await welcome.$eval('input[name="place"]', (el) => (el as HTMLInputElement).value)).toBe('Toulouse');
    expect(await welcome.$eval('#welcome-done', (el) => el.textContent)).toMatch(/near Toulouse/);
    // Kept rounded to about a kilometre, as the reverse lookup received it.
    expect((await storageOf(welcome, 'sync')).settings).toMatchObject({ place: { label: 'Toulouse', lat: 43.6, lon: 1.44, country: 'fr' } });
    // In France the town comes from the Géoplateforme: Nominatim is not asked.
    expect(suite.standIns.seen.slice(askedBefore).map(({ url }) => new URL(url).pathname).filter((path) => path.endsWith('/reverse'))).toEqual(['/geocodage/reverse']);
    await welcome.close();
  });

  it('closes the card from the keyboard, leaves focus on the page’s control before it, and keeps it closed this session', async () => {
    // The place is set (the test before): the card counts the shops.
    const extensionPage = await openExtensionPage(ext, 'options/options.html');
    const tab = await openAmazonPage(ext, [{ url: `${DEMO_URL}?again`, body: DEMO }]);
    await tab.bringToFront();
    const root = await waitForCard(tab, (words) => words.includes('have it'));
    await root.$eval('.close', (close) => (close as HTMLElement).focus());
    await tab.keyboard.press('Enter');
    await tab.waitForFunction((host) => !document.querySelector(host), { polling: 100, timeout: 5000 }, CARD_HOST);
    expect(await tab.evaluate(() => document.activeElement?.textContent)).toBe('Ajouter au panier');
    // Another book page this session: the answer comes (the badge counts), and no card with it.
    const known = new Set(Object.keys(await tabBooks(extensionPage)));
    const third = await openAmazonPage(ext, [{ url: `${DEMO_URL}?third`, body: DEMO }]);
    const [thirdId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === '9782070360024' && !known.has(`tab:${id}`));
    expect(await waitForBadge(extensionPage, thirdId, '3')).toBe('3');
    expect(await third.$(CARD_HOST)).toBeNull();
    await Promise.all([tab.close(), third.close()]);
    await extensionPage.close();
  });
});
