// Finds and starts the machine's Chromium or Firefox with the built extension loaded, through
// puppeteer-core. Shared by `npm start`, `npm run demo`, the browser tests and the benchmarks.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/** The browser to drive: $CHROME_PATH / $FIREFOX_PATH, or the first one installed; null if none. */
export function findBrowser(name) {
  const fromEnv = name === 'firefox' ? process.env.FIREFOX_PATH : process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return (name === 'firefox' ? FIREFOX_PATHS : CHROMIUM_PATHS).find((path) => existsSync(path)) ?? null;
}

/** Chromium's sandbox cannot start as root (CI containers run as root): only then is it turned off. */
export const SANDBOX_FLAGS = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

// Without the background-networking flags, Chromium keeps calling home, which a closed network refuses.
const CHROMIUM_FLAGS = [
  ...SANDBOX_FLAGS,
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

// Firefox: no update checks, telemetry or remote settings; nothing leaves the machine on its own.
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'xpinstall.signatures.required': false,
};

/**
 * Firefox's location service, answered on the machine: its network provider reads the position from
 * this address (the same JSON the real service sends), and the system's providers stay out of it.
 */
function firefoxPositionPrefs({ latitude, longitude }) {
  return {
    'geo.provider.testing': true,
    'geo.provider.use_geoclue': false,
    'geo.provider.use_gpsd': false,
    'geo.provider.network.url': `data:application/json,${JSON.stringify({ location: { lat: latitude, lng: longitude }, accuracy: 100 })}`,
  };
}

/**
 * The services' real host names answered by the stand-ins (stand-ins/real-hosts.ts): https goes through
 * their proxy, and their certificate is accepted for those hosts only, as an exception a person adds.
 */
function firefoxRealHostPrefs({ proxyPort }) {
  return {
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
  };
}

/** Firefox's certificate exceptions file (cert_override.txt): one line per host, the certificate's SHA-256. */
function writeFirefoxCertificateExceptions(profile, { hosts, sha256Fingerprint }) {
  const lines = hosts.map((host) => `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${sha256Fingerprint}\t\t`);
  writeFileSync(join(profile, 'cert_override.txt'), `# PSM Certificate Override Settings file\n${lines.join('\n')}\n`);
}

const chromiumRealHostFlags = ({ proxyPort, spkiSha256 }) => [`--proxy-server=https=127.0.0.1:${proxyPort}`, `--ignore-certificate-errors-spki-list=${spkiSha256}`];

/**
 * The welcome tab the extension opens on install, once it has loaded (Firefox's WebDriver BiDi reports
 * an extension tab's address as about:blank, so each tab is asked where it is). Null after `timeoutMs`.
 */
export async function findWelcomeTab(browser, extensionOrigin, timeoutMs = 10_000) {
  const url = `${extensionOrigin}welcome/welcome.html`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const where = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (where === `${url} complete`) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/**
 * Starts `name` ('chromium' or 'firefox') with the extension in `extensionDir` installed.
 * `welcomeTab`: 'close' (default) closes the tab the extension opens on install, as a shopper would
 * once done with it, so it does not sit in front of the pages a test opens; 'keep' leaves it.
 * `realHosts`: the network of startRealHostStandIns, so the services' own addresses reach the stand-ins.
 * `touch`: Firefox as on a phone, a finger its only pointer (`pointer: coarse`, touch events); Chromium
 * does the same per tab (page.setViewport with hasTouch), which BiDi cannot do in Firefox.
 * Returns { browser, extensionId, extensionOrigin, close }.
 */
export async function launchWithExtension(name, { extensionDir, headless = true, lang, welcomeTab = 'close', answerPermissionPrompts = false, position, colorScheme, realHosts, touch = false } = {}) {
  const executablePath = findBrowser(name);
  if (!executablePath) throw new Error(`no ${name} found on this machine`);
  const dir = resolve(extensionDir ?? join('dist', name === 'firefox' ? 'firefox' : 'chrome'));
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} has no manifest.json: run npm run build first`);
  const profile = mkdtempSync(join(tmpdir(), `local-bookshops-${name}-`));
  let browser;
  let extensionOrigin = null;
  if (name === 'firefox') {
    // Firefox gives each install a random moz-extension:// UUID; fix it so pages can be opened by address.
    const geckoId = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
    const uuid = randomUUID();
    if (realHosts) writeFirefoxCertificateExceptions(profile, realHosts);
    extensionOrigin = `moz-extension://${uuid}/`;
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      userDataDir: profile,
      // Lets WebDriver BiDi open our own moz-extension:// pages (the popup as a tab), as a person can.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...FIREFOX_PREFS,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        ...(lang ? { 'intl.locale.requested': lang } : {}),
        // The shopper's "Allow" in the prompt permissions.request() opens, which a test cannot reach
        // (Firefox's own switch for this; the request must still come from a click).
        ...(answerPermissionPrompts ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
        ...(position ? firefoxPositionPrefs(position) : {}),
        // A dark system theme for web content (0: dark), which BiDi cannot emulate page by page.
        ...(colorScheme === 'dark' ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
        ...(realHosts ? firefoxRealHostPrefs(realHosts) : {}),
        // Pointer capabilities are a bit field (1: coarse, 2: fine, 4: hover): a finger, which cannot hover.
        ...(touch ? { 'ui.primaryPointerCapabilities': 1, 'ui.allPointerCapabilities': 1, 'dom.w3c_touch_events.enabled': 1 } : {}),
      },
    });
  } else {
    browser = await puppeteer.launch({
      executablePath,
      headless,
      pipe: true,
      enableExtensions: true,
      userDataDir: profile,
      args: [...CHROMIUM_FLAGS, ...(lang ? [`--lang=${lang}`, `--accept-lang=${lang}`] : []), ...(colorScheme === 'dark' ? ['--force-dark-mode'] : []), ...(realHosts ? chromiumRealHostFlags(realHosts) : [])],
    });
  }
  const extensionId = await browser.installExtension(dir);
  extensionOrigin ??= `chrome-extension://${extensionId}/`;
  if (welcomeTab === 'close') await (await findWelcomeTab(browser, extensionOrigin))?.close();
  return {
    browser,
    name,
    extensionId,
    extensionOrigin,
    async close() {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A page of our own HTML, ready to print (the campaign's flyers): JavaScript off before the content is
 * set, so nothing in a campaign's texts can run in the printing browser.
 */
export async function openForPrint(browser, html) {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}
