// Drives the production build in real browsers: Amazon pages are served from files at their real
// addresses by request interception, and nothing else leaves the browser (every other request is
// refused). State is read back the way the extension's own pages read it.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findBrowser, launchWithExtension } from '../../scripts/browsers.mjs';
import { SERVICE_FIELDS, SETTINGS_VERSION } from '../../src/shared/settings';
import { startRealHostStandIns, type RealHostStandIns } from '../../stand-ins/real-hosts';

export type BrowserName = 'chromium' | 'firefox';

/** Where the browser tests write the screenshots a person looks at after a UI change. */
/** Where the tests' pictures go: test-results/, or docs/screenshots/ for the README (`npm run screenshots`). */
export const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots';

/** The part of the WebExtension API the tests read, as seen from an extension page. */
export type StorageAreaName = 'local' | 'session' | 'sync';
export type StorageApi = Record<StorageAreaName, { get(keys: null | string): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
interface ExtensionApi {
  storage: StorageApi;
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
}
type ExtensionGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };
export type Extension = Awaited<ReturnType<typeof launchWithExtension>>;

/**
 * Waits, by vitest's own polling, until `probe` finds what it looks for (any value but undefined), and
 * returns it; after `timeoutMs`, fails saying what was awaited and what `probe` last saw (`seen`).
 */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, { timeoutMs = 10_000, intervalMs = 100 } = {}): Promise<T> {
  let seen: unknown;
  return vi.waitFor(
    async () => {
      const found = await probe().catch((error: unknown) => {
        seen = error;
        return undefined;
      });
      if (found === undefined) throw new Error(`waited ${timeoutMs} ms for ${what}${seen === undefined ? '' : `; last seen: ${typeof seen === 'string' ? seen : JSON.stringify(seen) ?? String(seen)}`}`);
      return found;
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}

/**
 * That nothing happens: `probe` holds at every look for `forMs`, and the first look where it does not
 * fails, naming `what`. A quiet page can only be shown by watching it a while; this says what is watched.
 */
export async function holdsFor(what: string, probe: () => Promise<boolean>, { forMs, intervalMs = 100 }: { forMs: number; intervalMs?: number }): Promise<void> {
  const until = Date.now() + forMs;
  do {
    if (!(await probe())) throw new Error(`expected ${what} for ${forMs} ms; it stopped holding after ${forMs - (until - Date.now())} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < until);
  if (!(await probe())) throw new Error(`expected ${what} for ${forMs} ms; it stopped holding at the end`);
}

/** A figure that keeps changing for a while (requests as the page is read): its value once it has not changed for `quietMs`. */
export async function settled<T>(what: string, read: () => T | Promise<T>, { quietMs, timeoutMs = 30_000 }: { quietMs: number; timeoutMs?: number }): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`${what} kept changing for ${timeoutMs} ms (last ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await read();
    if (JSON.stringify(now) !== JSON.stringify(value)) {
      value = now;
      since = Date.now();
    }
  }
  return value;
}

/**
 * A suite's browser, the shopper's way: the production build in `name`, the services answered at their
 * real addresses by the stand-ins (stand-ins/real-hosts.ts), an extension page open to read and set the
 * extension's state; `prepare` runs once they are up (settings, cookies). All closed after the suite. Read its fields in tests.
 */
export function withExtension(
  name: BrowserName,
  { page = 'options/options.html', launch = {}, prepare }: { page?: string; launch?: Omit<NonNullable<Parameters<typeof launchWithExtension>[1]>, 'realHosts'>; prepare?: (suite: ExtensionSuite) => Promise<void> } = {},
): ExtensionSuite {
  const suite = {} as ExtensionSuite;
  beforeAll(async () => {
    suite.standIns = await startRealHostStandIns();
    suite.ext = await launchWithExtension(name, { ...launch, realHosts: suite.standIns.network });
    suite.extensionPage = await openExtensionPage(suite.ext, page);
    await prepare?.(suite);
  });
  afterAll(async () => {
    await suite.ext?.close();
    await suite.standIns?.close();
  });
  return suite;
}
export interface ExtensionSuite {
  ext: Extension;
  standIns: RealHostStandIns;
  extensionPage: Page;
}

/**
 * One describe block per browser. A missing browser is skipped loudly on a developer's machine,
 * and is a failure under CI=true, where .ci/run installs both.
 */
export function describeInBrowsers(title: string, body: (name: BrowserName) => void): void {
  for (const name of ['chromium', 'firefox'] as const) {
    if (findBrowser(name)) {
      describe(`${title} (${name})`, () => body(name));
    } else if (process.env.CI === 'true') {
      describe(`${title} (${name})`, () => {
        it(`needs ${name} installed`, () => {
          throw new Error(`${name} is not installed: .ci/run installs Debian's chromium and firefox-esr`);
        });
      });
    } else {
      console.warn(`\n*** ${name} is not installed: the browser tests "${title}" are SKIPPED in ${name} ***\n`);
      describe.skip(`${title} (${name}: not installed)`, () => body(name));
    }
  }
}

/** For what only Chromium can do here (CDP, screenshots in other languages): the same skip/fail rule. */
export function describeInChromium(title: string, body: () => void): void {
  if (findBrowser('chromium')) describe(`${title} (chromium)`, body);
  else if (process.env.CI === 'true') describe(`${title} (chromium)`, () => it('needs chromium installed', () => expect.fail('chromium is not installed')));
  else describe.skip(`${title} (chromium: not installed)`, body);
}

export interface ServedPage {
  url: string;
  body: Buffer | string;
  charset?: string;
}

/** Opens `pages[0].url` in a new tab (or `tab`); each listed address is answered with its file, all else refused. */
export async function openAmazonPage(ext: Extension, pages: ServedPage[], tab?: Page): Promise<Page> {
  const page = tab ?? (await ext.browser.newPage());
  await page.setRequestInterception(true);
  // A request may be gone by the time it is answered (the page navigated on): ignore that.
  page.on('request', (request) => {
    const served = pages.find((p) => p.url === request.url());
    if (served) {
      request.respond({ status: 200, contentType: `text/html; charset=${served.charset ?? 'utf-8'}`, body: served.body }).catch(() => {});
    } else {
      request.abort().catch(() => {});
    }
  });
  await page.goto(pages[0]!.url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** A phone's screen (an iPhone 14's CSS pixels): its width, touch, and the User-Agent of each browser's Android build. */
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const PHONE_USER_AGENT: Record<BrowserName, string> = {
  chromium: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
  firefox: 'Mozilla/5.0 (Android 14; Mobile; rv:145.0) Gecko/145.0 Firefox/145.0',
};

/** A new tab that looks like a phone to the pages it opens. */
export async function phoneTab(ext: Extension, name: BrowserName): Promise<Page> {
  const tab = await ext.browser.newPage();
  await tab.setViewport(PHONE);
  await tab.setUserAgent({ userAgent: PHONE_USER_AGENT[name] });
  return tab;
}

export const corpusPage = (file: string) => readFileSync(new URL(`../../../shared/amazon-pages/${file}`, import.meta.url));
/** Whether the real-page corpus sits beside the repository (it does in CI; the tests on it say so when it does not). */
export const corpusPresent = existsSync(new URL('../../../shared/amazon-pages/EXPECTED.json', import.meta.url));
// The real-page browser tests skip without the corpus; under CI that is a failure, not a skip.
if (!corpusPresent && process.env.CI === 'true') throw new Error('the real-page corpus ../shared/amazon-pages is missing under CI');

/**
 * Opens one of the extension's pages in a tab. Firefox's WebDriver BiDi does not report the end of a
 * navigation into an extension process, so wait for the document instead of the navigation.
 */
export async function openExtensionPage(ext: Extension, path: string, page?: Page): Promise<Page> {
  const tab = page ?? (await ext.browser.newPage());
  const url = ext.extensionOrigin + path;
  tab.goto(url).catch(() => {});
  // Polled rather than waitForFunction: while the document is being replaced, Firefox's BiDi may fail an
  // evaluation outright ("right-hand side of 'in' should be an object"); that is not an answer, try again.
  await waitUntil(`${url} to load`, async () => ((await tab.evaluate((u) => location.href === u && document.readyState === 'complete', url)) ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
  return tab;
}

/** Everything in a storage area, read from an extension page as the popup reads it. */
export function storageOf(extensionPage: Page, area: StorageAreaName): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(async (which) => {
    const { browser, chrome } = globalThis as unknown as ExtensionGlobals;
    return JSON.parse(JSON.stringify(await (browser ?? chrome)!.storage[which].get(null))) as Record<string, unknown>;
  }, area);
}

/** Forgets what the extension keeps in storage.local under `prefix` ('cache:' answers, 'geo:' geocodings), so the next ask goes out again. */
export async function forgetStored(extensionPage: Page, prefix: string): Promise<void> {
  await extensionPage.evaluate(async (start) => {
    const { browser, chrome } = globalThis as unknown as { browser?: { storage: { local: LocalArea } }; chrome?: { storage: { local: LocalArea } } };
    const local = (browser ?? chrome)!.storage.local;
    await local.remove(Object.keys(await local.get(null)).filter((key) => key.startsWith(start)));
  }, prefix);
}
type LocalArea = { get(keys: null): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> };

type RememberedBook = { isbn13: string | null; editions: string[]; kind: string };

/** The books the background keeps per tab in storage.session ("tab:N" keys), read from an extension page. */
export async function tabBooks(extensionPage: Page): Promise<Record<string, RememberedBook>> {
  const all = await storageOf(extensionPage, 'session');
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('tab:'))) as Record<string, RememberedBook>;
}

/** Waits until the background holds a book for a tab that satisfies `test`; returns [tabId, book]. */
export async function waitForTabBook(
  extensionPage: Page,
  test: (book: { isbn13: string | null; editions: string[]; kind: string }, tabId: number) => boolean,
  timeoutMs = 10_000,
): Promise<[number, { isbn13: string | null; editions: string[]; kind: string }]> {
  return waitUntil(
    'a tab book that matches',
    async () => {
      for (const [key, book] of Object.entries(await tabBooks(extensionPage))) {
        const tabId = Number(key.slice('tab:'.length));
        if (test(book, tabId)) return [tabId, book] as [number, RememberedBook];
      }
      return undefined;
    },
    { timeoutMs },
  );
}

export async function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id) => {
    const { browser, chrome } = globalThis as unknown as ExtensionGlobals;
    return (browser ?? chrome)!.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** The toolbar icon's tooltip on a tab, as the shopper reads it on hover. */
export async function badgeTitle(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id) => {
    const { browser, chrome } = globalThis as unknown as ExtensionGlobals;
    return (browser ?? chrome)!.action.getTitle({ tabId: id });
  }, tabId);
}

/** Waits for the tab's badge to read `text` (the worker sets it just after it stores the book). */
export async function waitForBadge(extensionPage: Page, tabId: number, text: string, timeoutMs = 5_000): Promise<string> {
  // The badge as it last read: the caller's expect says what it should have been.
  let last = '';
  await waitUntil(`the badge of tab ${tabId} to read "${text}"`, async () => ((last = await badgeText(extensionPage, tabId)) === text ? last : undefined), { timeoutMs, intervalMs: 50 }).catch(() => {});
  return last;
}


/** The settings as the extension keeps them: the shopper's choices (storage.sync) and the services (storage.local), as one object. */
export async function storedSettings(extensionPage: Page): Promise<Record<string, unknown>> {
  const [sync, local] = await Promise.all([storageOf(extensionPage, 'sync'), storageOf(extensionPage, 'local')]);
  return { ...(sync.settings as object), ...(local.services as object) };
}

/**
 * Changes the stored settings field by field, each where the extension keeps it (a test writes what the
 * options page, a synced browser or an older version would have left). `replace`: the fields given are
 * all there is (the rest back to their defaults), as in a fresh profile.
 */
export async function changeSettings(extensionPage: Page, change: Record<string, unknown>, { replace = false } = {}): Promise<void> {
  const [sync, local] = replace ? [{}, {}] : await Promise.all([storageOf(extensionPage, 'sync'), storageOf(extensionPage, 'local')]);
  const pick = (services: boolean) => Object.fromEntries(Object.entries(change).filter(([field]) => (SERVICE_FIELDS as readonly string[]).includes(field) === services));
  const personal = { version: SETTINGS_VERSION, ...(sync.settings as object), ...pick(false) };
  const services = { ...(local.services as object), ...pick(true) };
  await extensionPage.evaluate(
    async (personalJson, servicesJson) => {
      const api = (globalThis as unknown as ExtensionGlobals).browser ?? (globalThis as unknown as ExtensionGlobals).chrome!;
      await Promise.all([api.storage.sync.set({ settings: JSON.parse(personalJson) }), api.storage.local.set({ services: JSON.parse(servicesJson) })]);
    },
    JSON.stringify(personal),
    JSON.stringify(services),
  );
}

/** Points every source, the geocoders and the tiles at the stand-in server (as a campaign would point them elsewhere). */
export async function useStandInServer(extensionPage: Page, url: string, place?: object): Promise<void> {
  await changeSettings(extensionPage, {
    ...(place ? { place } : {}),
    // Overpass itself (no directory): these tests put its faults and hostile answers in front of the shopper.
    sources: { placedeslibraires: { enabled: true, baseUrl: url }, openstreetmap: { enabled: true, baseUrl: url, directoryUrl: '' } },
    geocoders: { geoplateforme: `${url}geocodage/`, nominatim: url, contactEmail: 'tests@example.org' },
    tiles: { vector: { url: `${url}planet`, attribution: '<b>Stand-in</b> tiles', attributionUrl: 'https://example.org/stand-in' }, raster: null },
  }, { replace: true });
}

/** The card's host, as a page script sees it: an element with no id and a closed shadow root. */
export const CARD_HOST = '[data-local-bookshops="card"]';

/**
 * The card's closed shadow root, reached the way a test can and a page script cannot: through the
 * browser's remote protocol (CDP's pierced DOM in Chromium; WebDriver BiDi's serialization with
 * `includeShadowTree: "all"` in Firefox), as a handle the page's world can use. Null while no card shows.
 * These are puppeteer's internal realm objects: their shape is checked, so a puppeteer change fails here.
 */
export const cardRoot = (tab: Page): Promise<ElementHandle<ShadowRoot> | null> => shadowRootOf(tab, CARD_HOST);

/** The list marks' hosts, as a page script sees them. */
export const MARK_HOST = '[data-local-bookshops="mark"]';

/** The closed shadow root of the first element `hostSelector` finds (the card, a list mark), as cardRoot reaches it. */
export async function shadowRootOf(tab: Page, hostSelector: string): Promise<ElementHandle<ShadowRoot> | null> {
  const host = await tab.$(hostSelector);
  if (!host) return null;
  const realm = (host as unknown as { realm: InternalRealm }).realm;
  const inChromium = /chrom/i.test(await tab.browser().version());
  let root: ElementHandle<ShadowRoot> | null = null;
  if (inChromium && typeof realm.adoptBackendNode === 'function') {
    const session = await tab.createCDPSession();
    try {
      // (A new session sees none of the page's objects: find the host again by its attribute.)
      const { root: document } = await session.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await session.send('DOM.querySelector', { nodeId: document.nodeId, selector: hostSelector });
      const { node } = await session.send('DOM.describeNode', { nodeId, depth: 0, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (shadow) root = (await realm.adoptBackendNode(shadow.backendNodeId)) as ElementHandle<ShadowRoot>;
    } finally {
      await session.detach();
    }
  } else if (!inChromium && realm.realm && typeof realm.realm.callFunction === 'function' && typeof realm.createHandle === 'function') {
    const hostValue = (host as unknown as { remoteValue(): unknown }).remoteValue();
    const answer = await realm.realm.callFunction('(node) => node', false, {
      arguments: [hostValue],
      resultOwnership: 'root',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    const shadow = (answer.result as { value?: { shadowRoot?: unknown } }).value?.shadowRoot;
    if (shadow) root = realm.createHandle(shadow) as ElementHandle<ShadowRoot>;
  } else {
    throw new Error('cardRoot: this puppeteer has neither a CDP nor a BiDi realm of the expected shape');
  }
  await host.dispose();
  return root;
}

interface InternalRealm {
  adoptBackendNode?(backendNodeId: number): Promise<unknown>;
  realm?: { callFunction(fn: string, awaitPromise: boolean, options: object): Promise<{ result: unknown }> };
  createHandle?(value: unknown): unknown;
}

/**
 * The words a shopper sees in the card (or under `selector` in it), as the browser draws them: the card
 * writes them as generated content (`::before { content: attr(data-text) }`), not as text nodes.
 */
export function shownWords(root: ElementHandle<ShadowRoot>, selector = '*'): Promise<string[]> {
  return root.evaluate(
    (r, within) =>
      [...r.querySelectorAll(within), ...r.querySelectorAll(`${within} *`)]
        .filter((node, i, all) => all.indexOf(node) === i)
        .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
        .map((node) => {
          // Chromium gives the drawn string; Firefox the rule itself, attr(…), naming the attribute drawn.
          const content = getComputedStyle(node, '::before').content;
          const attribute = /^attr\(([\w-]+)\)$/.exec(content)?.[1];
          return attribute ? node.getAttribute(attribute) : content.startsWith('"') ? (JSON.parse(content) as string) : null;
        })
        .filter((words): words is string => !!words),
    selector,
  );
}

/**
 * Waits until the card shows with its open button and `ready` holds on the words it shows (joined by
 * spaces), and returns its shadow root.
 */
export async function waitForCard(tab: Page, ready: (words: string) => boolean = () => true, timeoutMs = 10_000): Promise<ElementHandle<ShadowRoot>> {
  return waitUntil(
    `a card ready on ${tab.url()}`,
    async () => {
      const root = await cardRoot(tab);
      if (root && (await root.evaluate((r) => !!r.querySelector('.open'))) && ready((await shownWords(root)).join(' '))) return root;
      await root?.dispose();
      return undefined;
    },
    { timeoutMs, intervalMs: 150 },
  );
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The violations axe-core finds in `page` (or in the part `selector` names), WCAG 2.1 A/AA and 2.2 AA, as "rule: where" lines. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    async (tags, within) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const result = await axe.run(within ? { include: [[within]] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
    },
    AXE_TAGS,
    selector ?? '',
  );
}
