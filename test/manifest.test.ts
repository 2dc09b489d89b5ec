// The manifest each browser gets. Permissions and the content security policy are pinned here, so
// that widening either is a deliberate change to this test, seen in review.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../build.mjs';

const template = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
const chrome = manifestFor(template, 'chrome', '1.2.3');
const firefox = manifestFor(template, 'firefox', '1.2.3');

describe('the built manifests', () => {
  it('stamp the version given by package.json', () => {
    expect(chrome.version).toBe('1.2.3');
    expect(firefox.version).toBe('1.2.3');
  });

  it('give Chrome a service worker and Firefox a background script, each only its own', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.minimum_chrome_version).toBeUndefined();
  });

  it('give Firefox an id and its data-collection declaration', () => {
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
    // The ISBN read from the page (website content), sent for each book page viewed (browsing activity),
    // and a coarse area (location) go to the networks.
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['browsingActivity', 'locationInfo', 'websiteContent'] });
  });

  it('keep the product-page script off sign-in, checkout, cart and account pages, and on every product page', () => {
    // A manifest glob: * any run of characters, ? one (Chrome's and Firefox's content-script globs).
    const matches = (glob: string, url: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(url);
    for (const manifest of [chrome, firefox]) {
      const script = manifest.content_scripts.find((entry: { js: string[] }) => entry.js.includes('content.js'));
      const excluded = (url: string) => (script.exclude_globs as string[]).some((glob) => matches(glob, url));
      for (const url of [
        'https://www.amazon.fr/ap/signin?openid.return_to=x',
        'https://www.amazon.fr/-/en/ap/signin',
        'https://www.amazon.de/gp/buy/spc/handlers/display.html',
        'https://www.amazon.co.uk/checkout/p/p-123/spc',
        'https://www.amazon.com/gp/cart/view.html',
        'https://www.amazon.com/cart/smart-wagon',
        'https://www.amazon.fr/gp/css/order-history',
        'https://www.amazon.fr/gp/your-account/order-details',
        'https://www.amazon.es/your-account',
        'https://www.amazon.it/a/addresses/add',
        'https://www.amazon.com/hz/mycd/digital-console/contentlist/booksAll',
      ]) expect(excluded(url), url).toBe(true);
      for (const url of ['https://www.amazon.fr/LEtranger-Albert-Camus/dp/2070360024', 'https://www.amazon.com/gp/product/0735211299', 'https://www.amazon.de/-/en/dp/3518283432', 'https://m.amazon.co.uk/dp/B0C1234567?ref=cart_x']) expect(excluded(url), url).toBe(false);
    }
  });

  it('leave no vendor key unresolved', () => {
    expect(JSON.stringify([chrome, firefox])).not.toMatch(/"__[a-z]+__[a-z_]+":/);
  });

  it('ask for the position as the browser allows: on the click in Firefox, at install in Chrome', () => {
    // Chrome cannot hold geolocation as an optional permission, and refuses it to extension pages
    // (popup and tabs alike) without it, with no prompt; Firefox asks on permissions.request().
    expect(chrome.permissions).toEqual(['storage', 'geolocation', 'declarativeNetRequestWithHostAccess', 'alarms']);
    expect(chrome.optional_permissions).toBeUndefined();
    expect(firefox.permissions).toEqual(['storage', 'declarativeNetRequestWithHostAccess', 'alarms']);
    expect(firefox.optional_permissions).toEqual(['geolocation']);
  });

  it('may set headers only where the extension already holds the host, with no new install warning', () => {
    // "WithHostAccess": the rule (networks/identification.ts) acts on hosts the manifest grants, and the
    // browsers show no warning for it, unlike "declarativeNetRequest" ("block content on any page").
    for (const manifest of [chrome, firefox]) expect(manifest.permissions).not.toContain('declarativeNetRequest');
  });

  it.each([['chrome', chrome], ['firefox', firefox]])('ask %s for the default services’ hosts only, and keep the default CSP', (_name, manifest) => {
    expect(manifest.host_permissions).toEqual([
      'https://www.placedeslibraires.fr/*',
      'https://overpass-api.de/*',
      'https://data.geopf.fr/*',
      'https://nominatim.openstreetmap.org/*',
      // The map's tiles: fetched without cookies, which a cross-origin fetch without CORS needs the host for.
      'https://tiles.openfreemap.org/*',
      // The UK's library catalogues, asked only from the popup.
      'https://www.librarybooks.uk/*',
      // Québec's independent bookshops' network, for a place in Québec.
      'https://app.leslibraires.ca/*',
      // Japan's library catalogues, asked only from the popup (and only with the release's key).
      'https://api.calil.jp/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual([
      'https://www.chez-mon-libraire.fr/*',
      'https://www.parislibrairies.fr/*',
      'https://www.librairies-nouvelleaquitaine.com/*',
      'https://www.librel.be/*',
      // A host the shopper sets (a campaign's server), asked for by name through the browser's prompt.
      'https://*/*',
    ]);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('let no other extension or web page message Chrome’s worker (without the key, any extension may)', () => {
    expect(chrome.externally_connectable).toEqual({ ids: [], matches: [] });
    // Firefox has no such key; it delivers no message from other extensions to runtime.onMessage.
    expect(firefox.externally_connectable).toBeUndefined();
  });
});

describe('the extension’s own pages', () => {
  const pages = readdirSync(new URL('../src', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

  it.each(pages)('%s tells the browser to send no page address (Referer) from it', (page) => {
    const html = readFileSync(new URL(`../src/${page}`, import.meta.url), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/<meta name="referrer" content="no-referrer" \/>/);
  });

  it('are all checked', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });
});
