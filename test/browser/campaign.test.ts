// The campaign kit, end to end in Chromium: `npm run campaign -- campaigns/occitanie.json --sign` on the
// example (signed by a stand-in of AMO's API), its Chrome build loaded (name, colour, the shopper's own
// town asked in the campaign's country), its install page (links, QR image), its signed Firefox file and its flyers (one page each).
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { launchWithExtension, openForPrint } from '../../scripts/browsers.mjs';
import { startAmoStandIn, type AmoStandIn } from '../../stand-ins/amo';
import { describeInChromium, openExtensionPage, SCREENSHOTS, type Extension } from './harness';

const OUT = 'dist/campaign-occitanie';
/** The example campaign, served from its own site. */
const SITE = 'https://librairies-occitanie-campagne.fr/';
const campaign = {
  ...(JSON.parse(readFileSync('campaigns/occitanie.json', 'utf8')) as Record<string, unknown>),
  website: SITE,
  firefoxFile: { url: `${SITE}firefox/librairies-occitanie.xpi`, updates: `${SITE}firefox/updates.json` },
};
const CAMPAIGN_DIR = mkdtempSync(join(tmpdir(), 'campaign-'));
const CAMPAIGN_FILE = join(CAMPAIGN_DIR, 'occitanie.json');

describeInChromium('the campaign kit', () => {
  let ext: Extension;
  let amo: AmoStandIn;
  beforeAll(async () => {
    // With --sign, against a stand-in of AMO's signing API: the kit gets its signed Firefox file.
    amo = await startAmoStandIn({ apiSecret: 'campaign-secret' });
    // The example, at the addresses of a campaign's own site (--sign refuses the example's placeholders), and
    // the project's identity as a release names it.
    writeFileSync(CAMPAIGN_FILE, JSON.stringify(campaign));
    cpSync('campaigns/occitanie-logo.svg', join(CAMPAIGN_DIR, 'occitanie-logo.svg'));
    const identity = { PROJECT_PAGE: 'https://librairies-independantes.fr/extension/', PROJECT_CONTACT: 'extension@librairies-independantes.fr' };
    const env = { ...process.env, ...identity, WEB_EXT_API_KEY: 'user:1:1', WEB_EXT_API_SECRET: 'campaign-secret', WEB_EXT_AMO_BASE_URL: amo.baseUrl };
    // Not spawnSync: the stand-in answers from this process, which must stay free to.
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/campaign.ts', CAMPAIGN_FILE, '--sign'], { encoding: 'utf8', env }).catch((error: { stderr?: string }) => {
      throw new Error(`npm run campaign failed: ${error.stderr}`);
    });
    ext = await launchWithExtension('chromium', { extensionDir: `${OUT}/chrome` });
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    await amo?.close();
    rmSync(CAMPAIGN_DIR, { recursive: true, force: true });
  });

  it('builds an extension with the campaign’s name, colour and region', async () => {
    const manifest = JSON.parse(readFileSync(`${OUT}/chrome/manifest.json`, 'utf8'));
    expect(manifest.name).toBe('__MSG_extensionName__');
    expect(JSON.parse(readFileSync(`${OUT}/chrome/_locales/fr/messages.json`, 'utf8')).extensionName.message).toBe("Librairies d'Occitanie");
    const popup = await openExtensionPage(ext, 'popup/popup.html');
    await popup.waitForFunction(() => document.getElementById('app')?.dataset.state !== 'reading', { polling: 100, timeout: 15_000 });
    const title = await popup.$eval('#title', (el) => ({ text: el.textContent, color: getComputedStyle(el).color }));
    expect(title).toEqual({ text: 'Occitanie Bookshops', color: 'rgb(179, 18, 46)' });
    // The accent is the campaign's; stock stays green and the focus ring the text's colour, whatever it is.
    expect(await popup.evaluate(() => {
      const list = document.createElement('ul');
      list.innerHTML = '<li data-stock="in-stock"><p class="shop-meta">In stock</p></li>';
      document.body.append(list);
      const button = document.querySelector<HTMLElement>('#options-link')!;
      const colours = { stock: getComputedStyle(list.querySelector('.shop-meta')!).color, focus: getComputedStyle(document.documentElement).getPropertyValue('--focus').trim(), link: getComputedStyle(button).color };
      list.remove();
      return colours;
    })).toEqual({ stock: 'rgb(31, 111, 80)', focus: '#1d1b16', link: 'rgb(179, 18, 46)' });
    // Share this extension: the install link and its QR code, to show on a phone at a stall.
    await popup.click('#share-button');
    await popup.waitForFunction(() => document.getElementById('share-link')?.textContent !== '', { polling: 100, timeout: 15_000 });
    expect(await popup.$eval('#share-link', (a) => (a as HTMLAnchorElement).href)).toBe(SITE);
    await popup.waitForFunction(() => {
      const image = document.getElementById('share-code') as HTMLImageElement;
      return image.complete && image.naturalWidth > 0 && image.src.startsWith('data:image/svg+xml');
    }, { polling: 100, timeout: 15_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.bringToFront();
    await popup.setViewport({ width: 400, height: 600 });
    await popup.screenshot({ path: `${SCREENSHOTS}/campaign-popup-share.png`, fullPage: true });
    const options = await openExtensionPage(ext, 'options/options.html');
    await options.waitForSelector('input[name="place"]');
    // No region's centre as the shopper's place: their own town is asked, in the campaign's country.
    expect(await options.$eval('input[name="place"]', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await options.$eval('select[name="country"]', (el) => (el as HTMLSelectElement).value)).toBe('fr');
    expect(await options.$eval('select[name="radius"]', (el) => (el as HTMLSelectElement).value)).toBe('20');
    // A bookshop campaign's build leaves the libraries out (its file does not turn them on): the choice
    // is off, and so is every library catalogue, so no popup of this build has a library section.
    expect(await options.$$eval('#libraries, #source-librarybooks-uk, #source-calil', (boxes) => boxes.map((box) => [box.id, (box as HTMLInputElement).checked]))).toEqual([
      ['source-librarybooks-uk', false],
      ['source-calil', false],
      ['libraries', false],
    ]);
    // The welcome tab and the toolbar's tooltip name the campaign's build, not the project.
    const welcome = await openExtensionPage(ext, 'welcome/welcome.html');
    expect(await welcome.title()).toContain('Occitanie Bookshops');
    expect(await welcome.$eval('input[name="place"]', (el) => (el as HTMLInputElement).value)).toBe('');
    await welcome.close();
  });

  it('writes an install page that works from a plain folder: Firefox gets its signed file, the zips are the labelled last resort, the visitor’s browser first', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`file://${resolve(OUT, 'index.html')}`);
    // French and English: Firefox's one-click install of the campaign's signed file; no store listing yet.
    expect(await page.$$eval('.browser[data-browser="firefox"] a.install', (as) => as.map((a) => a.getAttribute('href')))).toEqual([campaign.firefoxFile.url, campaign.firefoxFile.url]);
    expect(await page.$$eval('.browser[data-browser="chrome"] a.install', (as) => as.length)).toBe(0);
    // Chrome has no real way yet: its zip, under "Last resort", and the file is in the folder.
    const lastResort = await page.$$eval('details.last-resort', (all) => all.map((d) => ({ label: d.querySelector('summary')!.textContent, zips: [...d.querySelectorAll('a.zip')].map((a) => a.getAttribute('href')) })));
    expect(lastResort.map((section) => section.label)).toEqual(['Dernier recours : l’installer à la main', 'Last resort: install it by hand']);
    for (const href of lastResort.flatMap((section) => section.zips)) {
      expect(href).toMatch(/-chrome-.+\.zip$/);
      expect(existsSync(`${OUT}/${href}`), href!).toBe(true);
    }
    expect(await page.$eval('img.qr', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.$$eval('script[src], link[href^="http"], img[src^="http"]', (nodes) => nodes.length)).toBe(0);
    // A computer: its browser first. Chrome has no way in yet, so Firefox's one-click file is offered
    // beside it, not greyed; nothing for a phone shows.
    const order = (tab: typeof page) => tab.$$eval('section:first-of-type .browser', (blocks) => blocks.map((b) => `${b.getAttribute('data-browser')}${b.classList.contains('other') ? ' (other)' : ''}`));
    const shown = (tab: typeof page, selector: string) => tab.$eval(selector, (el) => getComputedStyle(el).display !== 'none');
    expect(await order(page)).toEqual(['chrome', 'firefox']);
    expect([await shown(page, 'section .phone'), await shown(page, 'section .browsers')]).toEqual([false, true]);
    expect(await page.$eval('section:first-of-type .browser[data-browser="chrome"] .buttons', (el) => el.textContent)).toMatch(/^Pas encore dans la boutique de Chrome\. Firefox, lui, l’installe en un clic/);
    // A Firefox on Android (no listing on Mozilla's add-ons site yet): the page sent to a computer.
    const android = await ext.browser.newPage();
    await android.setUserAgent({ userAgent: 'Mozilla/5.0 (Android 14; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0' });
    await android.goto(`file://${resolve(OUT, 'index.html')}`);
    expect(await order(android)).toEqual(['firefox', 'chrome (other)']);
    expect([await shown(android, 'section .phone'), await shown(android, 'section .browsers'), await shown(android, 'section .phone a[data-kind="email"]')]).toEqual([true, false, true]);
    await android.close();
    // An iPhone, which runs no such extension: the page sent to a computer, and the address to type.
    const iphone = await ext.browser.newPage();
    await iphone.setUserAgent({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1' });
    await iphone.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    await iphone.goto(`file://${resolve(OUT, 'index.html')}`);
    expect([await shown(iphone, 'section .phone'), await shown(iphone, 'section .browsers'), await shown(iphone, 'section .last-resort')]).toEqual([true, false, false]);
    expect(await iphone.$eval('section .phone .short', (el) => el.textContent)).toBe('librairies-occitanie-campagne.fr');
    expect(await iphone.$eval('img.logo', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await iphone.screenshot({ path: `${SCREENSHOTS}/campaign-install-page-phone.png`, fullPage: true });
    await iphone.close();
    await page.bringToFront();
    await page.setViewport({ width: 800, height: 900 });
    await page.screenshot({ path: `${SCREENSHOTS}/campaign-install-page.png`, fullPage: true });
    // The flyers as they print (A6 and A5 at 96 dpi), with the logo.
    for (const [size, width, height] of [['a6', 397, 559], ['a5', 559, 794]] as const) {
      await page.goto(`file://${resolve(OUT, `flyer-${size}.html`)}`);
      await page.setViewport({ width, height });
      expect(await page.$eval('img.logo', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(await page.$eval('.browsers', (el) => el.textContent)).toBe('Une extension : un petit ajout à votre navigateur. Chrome, Edge, Brave ou Firefox sur ordinateur ; Firefox sur Android.');
      await page.screenshot({ path: `${SCREENSHOTS}/campaign-flyer-${size}.png` });
    }
  });

  it('signs its own Firefox add-on, unlisted, and writes the signed file and the updates.json its build reads', () => {
    const manifest = JSON.parse(readFileSync(`${OUT}/firefox/manifest.json`, 'utf8'));
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: 'local-bookshops-occitanie@campaign', update_url: campaign.firefoxFile.updates });
    expect(amo.requests.find((request) => request.method === 'POST')?.form?.channel).toBe('unlisted');
    const xpi = readFileSync(`${OUT}/librairies-occitanie.xpi`);
    expect(JSON.parse(readFileSync(`${OUT}/updates.json`, 'utf8')).addons['local-bookshops-occitanie@campaign'].updates).toEqual([
      { version: manifest.version, update_link: campaign.firefoxFile.url, update_hash: `sha256:${createHash('sha256').update(xpi).digest('hex')}` },
    ]);
  });

  it('prints flyers of one page each, in A6 and A5', () => {
    for (const size of ['a6', 'a5']) {
      const pdf = readFileSync(`${OUT}/flyer-${size}.pdf`).toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    }
  });

  it('prints with JavaScript off: a script in the page does not run', async () => {
    const page = await openForPrint(ext.browser, '<!doctype html><p id="text">as written</p><script>document.getElementById("text").textContent = "changed by a script";</script>');
    expect(await page.$eval('#text', (el) => el.textContent)).toBe('as written');
    await page.close();
  });
});
