// Japan's libraries, the shopper's way: a Tokyo shopper on amazon.co.jp opens the popup and sees which
// public libraries nearby can lend the book, from Calil (asked at its real address, answered by the
// stand-in, with the stand-in key this suite's build is given as a release is given its own). The
// default test build, given no key, is covered in the lookup suite's words and the unit tests.
import { readFileSync, rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTarget } from '../../build.mjs';
import type { RealHostStandIns } from '../../stand-ins/real-hosts';
import { CALIL_STAND_IN_KEY } from '../../stand-ins/payloads';
import { badgeTitle, changeSettings, describeInBrowsers, openAmazonPage, openExtensionPage, tabBooks, waitForBadge, waitForTabBook, withExtension, type Extension } from './harness';

const OUT = 'dist/with-calil-key';

describeInBrowsers('Japan’s libraries through Calil', (name) => {
  const target = name === 'firefox' ? 'firefox' : 'chrome';
  const extensionDir = `${OUT}/${target}`;
  // The production build, given Calil's key as a release is (CALIL_APP_KEY): before the browser starts.
  beforeAll(async () => {
    await buildTarget(target, { outdir: extensionDir, zipPath: `${OUT}/${target}.zip`, calilKey: CALIL_STAND_IN_KEY });
  }, 60_000);
  afterAll(() => {
    for (const built of [`${OUT}/${target}`, `${OUT}/${target}.zip`]) rmSync(built, { recursive: true, force: true });
  });
  const suite = withExtension(name, { page: 'popup/popup.html', launch: { extensionDir } });
  let ext: Extension;
  let standIns: RealHostStandIns;
  let extensionPage: Page;
  beforeAll(() => void ({ ext, standIns, extensionPage } = suite));

  it('shows a Tokyo shopper the two libraries of the nearest system that hold the book, one on the shelf, one on loan, asked only once the popup opens', async () => {
    await changeSettings(extensionPage, { place: { label: 'Tokyo', lat: 35.69, lon: 139.75, country: 'jp', foundBy: 'nominatim' } });
    const known = new Set(Object.keys(await tabBooks(extensionPage)));
    await openAmazonPage(ext, [{ url: 'https://www.amazon.co.jp/dp/2070360024', body: readFileSync(new URL('../../demo/amazon-fr-book.html', import.meta.url)) }]);
    const [tabId] = await waitForTabBook(extensionPage, (book, id) => book.isbn13 === '9782070360024' && !known.has(`tab:${id}`));
    expect(await waitForBadge(extensionPage, tabId, '?')).toBe('?');
    const calil = () => standIns.seen.filter((r) => new URL(r.url).host === 'api.calil.jp').map((r) => new URL(r.url));
    expect(calil()).toEqual([]);

    const popup = await openExtensionPage(ext, `popup/popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#library-list li[data-shop-id]', { timeout: 20_000 });
    expect(await popup.$$eval('#library-list li[data-shop-id]', (items) => items.map((li) => [li.querySelector('.shop-name')!.textContent, li.querySelector('.shop-meta')!.textContent]))).toEqual([
      ['千代田区立中央図書館（デモ）', '0.5 km · On the shelf to borrow'],
      ['四番町図書館（デモ）', '1.4 km · Every copy is on loan'],
    ]);
    expect(await popup.$eval('#library-list li a[href*="library.chiyoda.invalid"]', (a) => a.textContent)).toBe('Reserve');
    // The libraries near the rounded point, then the book in their system, then the session once more: the key, the ISBN, the rounded point.
    expect(calil().map((url) => [url.pathname, url.searchParams.get('appkey'), url.searchParams.get('geocode') ?? url.searchParams.get('isbn') ?? url.searchParams.get('session')])).toEqual([
      ['/library', CALIL_STAND_IN_KEY, '139.75,35.69'],
      ['/check', CALIL_STAND_IN_KEY, '9782070360024'],
      ['/check', CALIL_STAND_IN_KEY, 'stand-in-session-1'],
    ]);
    expect(await badgeTitle(extensionPage, tabId)).toBe('Local Bookshops: 1 library near you can lend it now');
    await popup.close();
  }, 45_000);
});
