// The store listings' screenshots, taken from the production build in Chromium in English and French
// (firefox-esr comes without French): the card on a book page, the popup's map and list, the settings.
// Each is a 1280×800 picture with the listing's caption, written with the listing's text to
// dist/store/<lang>/, ready to upload.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/browsers.mjs';
import { listingText, readListing, STORE_LANGUAGES } from '../../scripts/store-listing';
import { startStandInServer, type StandInServer } from '../../stand-ins/server';
import { changeSettings, describeInChromium, openAmazonPage, openExtensionPage, useStandInServer, shownWords, waitForCard, waitForTabBook, type Extension } from './harness';

const DEMO = readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url));
const DEMO_URL = 'https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024';
const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
const WIDTH = 1280;
const HEIGHT = 800;
const CAPTION = 88;

/** What the shopper reads, per language: the screenshots must show the extension in that language. */
const EXPECTED = {
  en: { status: '3 bookshops near you have it 1 bookshop that has it is closed for holidays.', card: '3 bookshops near you have it' },
  fr: { status: '3 librairies près de chez vous l’ont 1 librairie qui l’a est fermée pour congés.', card: '3 librairies près de chez vous l’ont' },
};

/** The width and height a PNG says it has (IHDR). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A 1280×800 picture: the caption on top, the pictures below (each placed by CSS). */
async function stage(page: Page, caption: string, layers: Array<{ png: Uint8Array; style: string }>): Promise<Buffer> {
  const images = layers.map(({ png, style }) => `<img style="position:absolute;${style}" src="data:image/png;base64,${Buffer.from(png).toString('base64')}">`).join('');
  await page.setViewport({ width: WIDTH, height: HEIGHT });
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body style="margin:0;width:${WIDTH}px;height:${HEIGHT}px;overflow:hidden;position:relative;background:#eef4f0">` +
      `<h1 id="caption" style="margin:0;height:${CAPTION}px;display:flex;align-items:center;justify-content:center;background:#0b5d3b;color:#fff;font:600 26px/1.25 system-ui,sans-serif;padding:0 40px;text-align:center"></h1>${images}</body>`,
    { waitUntil: 'load' },
  );
  // The caption is the listing's text: set as text.
  await page.$eval('#caption', (h1, text) => (h1.textContent = text), caption);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  expect(await page.$eval('#caption', (h1) => h1.textContent)).toBe(caption);
  return Buffer.from(await page.screenshot({ type: 'png' }));
}

for (const language of STORE_LANGUAGES) {
  describeInChromium(`the store screenshots in ${language}`, () => {
    let ext: Extension;
    let server: StandInServer;
    const listing = readListing(language);
    const out = `dist/store/${language}`;

    beforeAll(async () => {
      server = await startStandInServer();
      ext = await launchWithExtension('chromium', { lang: language });
      mkdirSync(out, { recursive: true });
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    it('shows the card, the map and list, and the settings, with the listing’s captions', async () => {
      const options = await openExtensionPage(ext, 'options/options.html');
      await useStandInServer(options, server.url, TOULOUSE);
      await changeSettings(options, { tiles: { vector: { url: `${server.url}planet`, attribution: 'Demo map tiles', attributionUrl: '' }, raster: null } });

      const tab = await openAmazonPage(ext, [{ url: DEMO_URL, body: DEMO }]);
      await tab.setViewport({ width: WIDTH, height: HEIGHT - CAPTION });
      const [tabId] = await waitForTabBook(options, (book) => book.isbn13 === '9782070360024');
      const card = await waitForCard(tab);
      expect(await shownWords(card, '.headline')).toEqual([EXPECTED[language].card]);
      await tab.bringToFront();
      const bookPage = await tab.screenshot({ type: 'png' });

      const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
      await popup.setViewport({ width: 400, height: 640 });
      await popup.waitForFunction(() => document.getElementById('app')?.dataset.state === 'results', { polling: 100, timeout: 15_000 });
      expect(await popup.$eval('#status', (el) => el.textContent)).toBe(EXPECTED[language].status);
      await popup.waitForSelector('#map canvas.leaflet-tile-loaded', { timeout: 10_000 });
      await popup.bringToFront();
      const popupShot = await popup.screenshot({ type: 'png' });

      // The settings as a shopper has them: the real networks' addresses, not the stand-in server's.
      await options.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }).chrome.storage.local.remove('services'));
      await options.reload({ waitUntil: 'load' });
      await options.setViewport({ width: WIDTH, height: HEIGHT - CAPTION });
      await options.waitForFunction(() => (document.querySelector('input[name="place"]') as HTMLInputElement | null)?.value !== undefined, { polling: 100, timeout: 15_000 });
      await options.bringToFront();
      const settingsShot = await options.screenshot({ type: 'png' });

      const studio = await ext.browser.newPage();
      const [first, second, third] = listing.screenshots;
      const shots = [
        { file: first!.file, png: await stage(studio, first!.caption, [{ png: bookPage, style: `top:${CAPTION}px;left:0` }]) },
        {
          file: second!.file,
          png: await stage(studio, second!.caption, [
            { png: bookPage, style: `top:${CAPTION}px;left:0;opacity:.45` },
            { png: popupShot, style: `top:${CAPTION + 24}px;right:64px;box-shadow:0 8px 32px rgba(0,0,0,.35);border-radius:8px` },
          ]),
        },
        { file: third!.file, png: await stage(studio, third!.caption, [{ png: settingsShot, style: `top:${CAPTION}px;left:0` }]) },
      ];
      for (const shot of shots) {
        expect(pngSize(shot.png)).toEqual({ width: WIDTH, height: HEIGHT });
        writeFileSync(`${out}/${shot.file}`, shot.png);
      }
      writeFileSync(`${out}/listing.md`, listingText(listing));
      await Promise.all([studio.close(), popup.close(), tab.close(), options.close()]);
    }, 60_000);
  });
}
