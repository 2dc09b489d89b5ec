// From "this tab shows ISBN X" to the badge and the per-tab answer, with the real lookup and geocoder
// talking to the stand-in server.
import { readFictionalDirectory } from './fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBadge } from '../src/background/badge';
import { enabledSources } from '../src/background/sources';
import { createKeyValueCache, createLookupCache, createSettingsStore, createTabLookups } from '../src/background/stores';
import { createTabBooks } from '../src/background/tab-books';
import { createTabService, type TabServiceDeps } from '../src/background/tab-service';
import { isbn13CheckDigit } from '../src/book/isbn';
import { createLookup } from '../src/lookup/lookup';
import { createGeocoder } from '../src/networks/geocoders';
import { packagedLibraries } from '../src/networks/packaged-directory';
import type { BookSeen } from '../src/messages/content-to-worker';
import type { ShowCard } from '../src/messages/worker-to-content';
import { parseSettings, type Settings } from '../src/shared/settings';
import { loadSettings, saveSettings } from '../src/shared/settings-storage';
import { DEMO_BOOKS } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { fakeAction, fakeStorageArea } from './fake-browser';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());

const book: BookSeen = { type: 'BookSeen', isbn13: DEMO_BOOKS.inStock, editions: [DEMO_BOOKS.inStock], kind: 'print', source: 'rpi', asin: '2070360024' };

let sync: ReturnType<typeof fakeStorageArea>;
let session: ReturnType<typeof fakeStorageArea>;
let local: ReturnType<typeof fakeStorageArea>;
let action: ReturnType<typeof fakeAction>;
let service: ReturnType<typeof createTabService>;
let cards: Array<{ tabId: number; card: ShowCard }>;
let hidden: number[];
let online: boolean;
/** Requests whose address holds this text wait until `until` settles (a network slow for one book). */
let hold: { text: string; until: Promise<void> } | null = null;
/** What the tab's page says it shows when the worker asks (StillShowing). */
let showing: BookSeen;

function localSettings(): Settings {
  const settings = parseSettings({});
  for (const source of Object.values(settings.sources)) source.baseUrl = server.url;
  settings.geocoders = { ...settings.geocoders, geoplateforme: `${server.url}geocodage/`, nominatim: server.url };
  return settings;
}

/** A worker: what it keeps in memory is its own; the storage areas and the badge are the browser's. */
function startWorker(clock: Partial<Pick<TabServiceDeps, 'now' | 'later'>> = {}): ReturnType<typeof createTabService> {
  const now = clock.now ?? (() => new Date(2026, 10, 26, 10, 0).getTime());
  // Offline as the browser is: every request fails before any answer, and navigator.onLine is false.
  const fetchDeps = {
    fetch: (async (...args: Parameters<typeof fetch>) => {
      if (hold && String(args[0]).includes(hold.text)) await hold.until;
      return online ? fetch(...args) : Promise.reject(new TypeError('Failed to fetch'));
    }) as typeof fetch,
    sleep: async () => {},
    isOnline: () => online,
  };
  return createTabService({
    tabBooks: createTabBooks(session),
    tabLookups: createTabLookups(session),
    settings: createSettingsStore({ sync, local }),
    badge: createBadge(action, (key) => key),
    lookupFor: (settings) =>
      createLookup({ ...fetchDeps, sources: enabledSources(settings, readFictionalDirectory), librariesNear: packagedLibraries(readFictionalDirectory), cache: createLookupCache(local, now), now, timeoutMs: 300 }),
    geocoderFor: (settings) => createGeocoder({ ...fetchDeps, geocoders: settings.geocoders, now, cache: createKeyValueCache(local) }),
    now,
    askTab: async () => showing,
    tabsWithBooks: async () => [7],
    showCard: async (tabId, card) => void cards.push({ tabId, card }),
    hideCard: async (tabId) => void hidden.push(tabId),
    isOnline: () => online,
    later: clock.later,
  });
}

beforeEach(async () => {
  server.setScenario('ok');
  sync = fakeStorageArea();
  local = fakeStorageArea();
  await storeSettings(localSettings());
  action = fakeAction();
  cards = [];
  hidden = [];
  session = fakeStorageArea();
  online = true;
  hold = null;
  showing = book;
  service = startWorker();
});

const storeSettings = (settings: Settings) => saveSettings({ sync, local }, settings);
const storedPlace = async () => (await loadSettings({ sync, local })).settings.place;

describe('a tab with a book', () => {
  it('waits for a place with a quiet dot, then counts the shops nearby that have the book', async () => {
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('•');
    expect((await service.tabState(7)).lookup).toEqual({ state: 'no-place', isbn13: DEMO_BOOKS.inStock });

    expect(await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' })).toMatchObject({ ok: true, label: '31000 Toulouse' });
    expect(await storedPlace()).toEqual({ label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr', foundBy: 'geoplateforme' });
    expect(action.badge(7)).toMatchObject({ text: '3', title: 'badgeTitleCount' });
    const state = await service.tabState(7);
    expect(state.place).toEqual({ label: '31000 Toulouse', country: 'fr', radiusKm: 30, foundBy: 'geoplateforme' });
    expect(state.lookup?.state === 'done' && state.lookup.result.shops.map((s) => s.name).slice(0, 2)).toEqual(['Librairie Saint-Honoré (démo)', 'Librairie du Capitole (démo)']);
    expect(cards).toEqual([
      // Before the place: the card that opens the place form.
      { tabId: 7, card: { type: 'ShowCard', needsPlace: true, country: 'fr' } },
      // The shop closed for holidays is not counted, on the badge or the card.
      {
        tabId: 7,
        card: {
          type: 'ShowCard',
          summary: { verdict: 'has-it', thisEdition: 3, otherEdition: 0, onHoliday: 1, stockUnknown: 2, notInStock: 4, toBorrow: 0, onLoan: 0 },
          country: 'fr',
        },
      },
    ]);
  });

  it('in London, where no stock network shares its stock, marks the badge "?" and the card counts shops of unknown stock, never "none has it"', async () => {
    expect(await service.setPlace({ type: 'SetPlace', query: 'London', country: 'gb' })).toMatchObject({ ok: true, label: 'London' });
    await service.bookSeen(7, 'amazon.co.uk', book);
    expect(action.badge(7)).toMatchObject({ text: '?', title: 'badgeTitleNoStockNetwork' });
    expect(cards).toEqual([
      {
        tabId: 7,
        card: {
          type: 'ShowCard',
          summary: { verdict: 'stock-unknown', unknownBecause: 'no-network', thisEdition: 0, otherEdition: 0, onHoliday: 0, stockUnknown: 3, notInStock: 0, toBorrow: 0, onLoan: 0 },
          country: 'gb',
        },
      },
    ]);
    const lookup = (await service.tabState(7)).lookup;
    expect(lookup?.state === 'done' && lookup.result.stockCovered).toBe(false);
  });

  it('asks London’s library catalogue only once the popup opens, keeping the answer on screen meanwhile, and says "borrow" in the tooltip', async () => {
    expect(await service.setPlace({ type: 'SetPlace', query: 'London', country: 'gb' })).toMatchObject({ ok: true });
    await service.bookSeen(7, 'amazon.co.uk', book);
    const catalogue = () => server.seen.filter((request) => request.url.includes('/api/availability/')).length;
    const before = catalogue();
    expect(action.badge(7)).toMatchObject({ text: '?', title: 'badgeTitleNoStockNetwork' });

    // The popup opens: the answer found while browsing is shown at once, the catalogue asked beside it.
    let release!: () => void;
    hold = { text: '/api/availability/', until: new Promise((resolve) => (release = resolve)) };
    const opened = await service.tabState(7);
    expect(opened.lookup).toMatchObject({ state: 'done', alsoAsking: [{ sourceId: 'librarybooks-uk', name: 'UK library catalogues (Libraries Hacked)' }] });
    expect((await service.tabState(7)).lookup?.state).toBe('done');
    release();
    await expect.poll(async () => {
      const lookup = (await service.tabState(7)).lookup;
      return lookup?.state === 'done' && lookup.result.onDemandAsked ? lookup.result.shops.filter((shop) => shop.kind === 'library').map((shop) => [shop.name, shop.stock]) : null;
    }).toEqual([
      ['Holborn Library (demo)', 'in-stock'],
      ['Kentish Town Library (demo)', 'on-loan'],
    ]);
    // The figure stays the shops'; the tooltip says a library lends it. One request, however often it opens.
    expect(action.badge(7)).toMatchObject({ text: '?', title: 'badgeTitleBorrow_one' });
    const lookup = (await service.tabState(7)).lookup;
    expect(lookup?.state === 'done' && lookup.alsoAsking).toBeUndefined();
    expect(catalogue() - before).toBe(1);
  });

  it('asks the library catalogue for a book typed in the popup, which is open', async () => {
    expect(await service.setPlace({ type: 'SetPlace', query: 'London', country: 'gb' })).toMatchObject({ ok: true });
    const answer = await service.search({ type: 'Search', isbn13: DEMO_BOOKS.inStock });
    expect(answer.state === 'done' && answer.result.shops.filter((shop) => shop.kind === 'library').map((shop) => shop.name)).toEqual(['Holborn Library (demo)', 'Kentish Town Library (demo)']);
  });

  it('asks for a town on the page while there is no place, and takes that card away when no source answered', async () => {
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7)).toMatchObject({ text: '•', title: 'badgeTitleNoPlace' });
    expect(cards.map((c) => [c.tabId, c.card.needsPlace])).toEqual([[7, true]]);
    cards.length = 0;
    // The place is found, and every source refuses: nothing to show, and the town card goes.
    server.setScenario({ placedeslibraires: 'forbidden', openstreetmap: 'forbidden' });
    expect(await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' })).toMatchObject({ ok: true });
    expect(action.badge(7).text).toBe('!');
    expect(cards.filter((c) => c.card.needsPlace)).toEqual([]);
    expect(hidden).toEqual([7]);
  });

  it('looks further when asked, and looks up a typed ISBN for no tab', async () => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr', radiusKm: 5 });
    await service.setRadius({ type: 'SetRadius', radiusKm: 50 });
    expect((await service.tabState(7)).place?.radiusKm).toBe(50);
    const answer = await service.search({ type: 'Search', isbn13: DEMO_BOOKS.inStock });
    expect(answer.state === 'done' && answer.result.portals.map((p) => p.id)).toContain('librairiesindependantes');
    // The stand-ins' ten shops within 50 km of Toulouse (Muret's, 17.9 km away, among them).
    expect(answer.state === 'done' && answer.result.shops.length).toBe(10);
  });

  it.each([
    ['forbidden', 'blocked'],
    ['timeout', 'timeout'],
    ['truncated', 'bad-json'],
  ] as const)('still lists the map’s shops when Place des Libraires answers %s, and says why', async (scenario, state) => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    server.setScenario({ placedeslibraires: scenario });
    await service.bookSeen(7, 'amazon.fr', book);
    const lookup = (await service.tabState(7)).lookup;
    if (lookup?.state !== 'done') throw new Error('no answer');
    expect(lookup.result.sources.map((s) => [s.sourceId, s.state])).toEqual([['placedeslibraires', state], ['openstreetmap', 'ok']]);
    expect(lookup.result.shops.map((s) => [s.name, s.stock])).toEqual([
      ['Librairie du Capitole (démo)', 'unknown'],
      ['Bulles et Cases (démo)', 'unknown'],
      ['Le Grenier à Livres (démo)', 'unknown'],
    ]);
    expect(action.badge(7).text).toBe('?');
  });

  it('shows the count again when the page is reloaded (the browser resets the badge), without asking again', async () => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('3');
    const asked = server.requests.length;
    await action.setBadgeText({ tabId: 7, text: '' });
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('3');
    expect(server.requests.length).toBe(asked);
  });

  it('asks again when the browser is back online, without a reload', async () => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    online = false;
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('!');
    const before = await service.tabState(7);
    expect(before.lookup?.state === 'done' && before.lookup.result.sources.map((s) => s.state)).toEqual(['offline', 'offline']);
    online = true;
    await service.networkBack();
    expect(action.badge(7).text).toBe('3');
  });

  it('asks again for the tabs cut short when the next book page comes once online (the worker may miss the event)', async () => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    online = false;
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('!');
    online = true;
    await service.bookSeen(8, 'amazon.fr', { ...book, isbn13: DEMO_BOOKS.otherEdition, editions: [DEMO_BOOKS.otherEdition] });
    for (let i = 0; i < 50 && action.badge(7).text !== '3'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(action.badge(7).text).toBe('3');
  });

  it('marks the badge "!" when no source can be reached', async () => {
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    server.setScenario('forbidden');
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7).text).toBe('!');
    const state = await service.tabState(7);
    expect(state.lookup?.state === 'done' && state.lookup.result.sources.map((s) => s.state)).toEqual(['blocked', 'blocked']);
  });

  it('rounds a browser position to two decimals before keeping it, and names its town', async () => {
    expect(await service.setPlace({ type: 'SetPlace', position: { lat: 43.604429, lon: 1.443812 }, country: 'fr' })).toEqual({ ok: true, label: 'Toulouse', lat: 43.6, lon: 1.44 });
    expect(await storedPlace()).toMatchObject({ lat: 43.6, lon: 1.44, label: 'Toulouse' });
  });
});

describe('a tab that moves on to another book while the first is asked about', () => {
  it('shows the second book’s answer, and never the first’s, however late it comes', async () => {
    let clock = new Date(2026, 10, 26, 10, 0).getTime();
    service = startWorker({ now: () => clock });
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    let release = () => {};
    hold = { text: DEMO_BOOKS.inStock, until: new Promise<void>((resolve) => (release = resolve)) };
    // The demo book (three shops have it) is asked about, and the network is slow to answer it.
    const first = service.bookSeen(7, 'amazon.fr', book);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The shopper goes on to a book no shop nearby has, which is answered at once.
    clock += 5_000;
    cards.length = 0;
    showing = { ...book, isbn13: DEMO_BOOKS.nowhere, editions: [DEMO_BOOKS.nowhere], asin: '0575090677' };
    await service.bookSeen(7, 'amazon.fr', showing);
    expect(action.badge(7).text).toBe('0');
    release();
    await first;
    expect(action.badge(7).text).toBe('0');
    const state = await service.tabState(7);
    expect(state.lookup?.state === 'done' && state.lookup.result.isbn13).toBe(DEMO_BOOKS.nowhere);
    // Only the second book's card: the shops that answered do not have it; never the first's "have it".
    expect(cards.map(({ card }) => card.summary && [card.summary.verdict, card.summary.notInStock])).toEqual([['none-has-it', 8]]);
  });

  it('asks about a book known only by its print editions (a Kindle page), by its first edition', async () => {
    await storeSettings({ ...localSettings(), place: { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' } });
    const before = server.requests.length;
    await service.bookSeen(7, 'amazon.fr', { ...book, isbn13: null, editions: [DEMO_BOOKS.otherEdition, DEMO_BOOKS.nowhere], kind: 'kindle', asin: 'B0TESTKIN4' });
    expect(server.requests.slice(before).filter((url) => url.includes('getshoplist.php'))).toEqual([expect.stringContaining(`ISBN=${DEMO_BOOKS.otherEdition}`)]);
    // The one shop that has that edition.
    expect(action.badge(7).text).toBe('1');
  });
});

describe('a worker the browser stops, and storage with no room', () => {
  const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };
  const waitForDone = async () => {
    for (let i = 0; i < 100 && (session.data.get('lookup:7') as { state?: string } | undefined)?.state !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    return session.data.get('lookup:7') as { state: string };
  };

  it('finishes, in a new worker, the lookup a stopped worker left asking, when the popup asks', async () => {
    await storeSettings({ ...localSettings(), place: TOULOUSE });
    // What a worker stopped mid-lookup leaves: the book, and "asking" that nobody will finish.
    const { type: _type, ...seen } = book;
    await session.set({
      'tab:7': { ...seen, storefront: 'amazon.fr', seenAt: 0 },
      'lookup:7': { state: 'asking', isbn13: book.isbn13, startedAt: 0, progress: [{ sourceId: 'placedeslibraires', name: 'Place des Libraires', state: 'waiting' }] },
    });
    const restarted = startWorker();
    expect((await restarted.tabState(7)).lookup?.state).toBe('asking');
    expect((await waitForDone()).state).toBe('done');
    expect(action.badge(7).text).toBe('3');
  });

  it('does not start a second lookup while its own is under way', async () => {
    await storeSettings({ ...localSettings(), place: TOULOUSE });
    server.requests.length = 0;
    const seen = service.bookSeen(7, 'amazon.fr', book);
    await service.tabState(7);
    await service.tabState(7);
    await seen;
    await service.tabState(7);
    expect(server.requests.filter((url) => url.includes('getshoplist.php'))).toHaveLength(1);
  });

  it('asks again for a book whose answer storage had no room to keep', async () => {
    await storeSettings({ ...localSettings(), place: TOULOUSE });
    const { type: _type, ...seen } = book;
    await session.set({ 'tab:7': { ...seen, storefront: 'amazon.fr', seenAt: 0 } });
    await service.tabState(7);
    expect((await waitForDone()).state).toBe('done');
  });
});

describe('a place that cannot be found', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(400), 'too-long'],
    ['%%%%', 'not-found'],
    ['Atlantis', 'not-found'],
    ['SW1A 1AA', 'not-found'],
  ])('answers %j with %s and changes nothing', async (query, reason) => {
    await service.setPlace({ type: 'SetPlace', query: 'Muret', country: 'fr' });
    const before = await storedPlace();
    expect(await service.setPlace({ type: 'SetPlace', query, country: 'fr' })).toEqual({ ok: false, reason });
    expect(await storedPlace()).toEqual(before);
  });

  it('finds a town abroad with Nominatim, in the storefront’s country only', async () => {
    expect(await service.setPlace({ type: 'SetPlace', query: 'London', country: 'gb' })).toMatchObject({ ok: true, label: 'London' });
    expect(await service.setPlace({ type: 'SetPlace', query: 'London', country: 'de' })).toEqual({ ok: false, reason: 'not-found' });
  });
});

describe('a page that keeps changing its book', () => {
  it('is asked about at most once every 3 seconds, says so, and the book it ends on is asked about next', async () => {
    let clock = new Date(2026, 10, 26, 10, 0).getTime();
    const timers: Array<{ at: number; run: () => void }> = [];
    service = startWorker({ now: () => clock, later: (ms, run) => void timers.push({ at: clock + ms, run }) });
    await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' });
    const stockAsked = () => server.requests.filter((url) => url.includes('getshoplist.php'));
    const before = stockAsked().length;
    // Twenty books in ten seconds, as a script rewriting the product details would make the page report.
    const isbns = Array.from({ length: 20 }, (_, i) => `978207036${String(100 + i)}`).map((isbn12) => isbn12 + isbn13CheckDigit(isbn12));
    for (const isbn13 of isbns) {
      await service.bookSeen(7, 'amazon.fr', { ...book, isbn13, editions: [isbn13], asin: null });
      clock += 500;
    }
    expect(stockAsked().length - before).toBe(4);
    expect(action.badge(7).text).toBe('…');
    expect((await session.get('lookup:7'))['lookup:7']).toMatchObject({ state: 'throttled', isbn13: isbns[19] });
    // When the throttle lets it, the book the page shows then is the one asked about: the tab's one
    // pending timer runs (it may first have to wait its turn again).
    while (timers.length > 0) {
      const next = timers.shift()!;
      clock = Math.max(clock, next.at);
      next.run();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (let i = 0; i < 100 && (session.data.get('lookup:7') as { state?: string })?.state !== 'done'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stockAsked().at(-1)).toContain(isbns[19]);
    expect(stockAsked().length - before).toBe(5);
  });
});

describe('a shopper who wants nothing sent while browsing', () => {
  it('looks a book up only when the popup opens for its tab: "…" on the badge until then, no request', async () => {
    await storeSettings({ ...localSettings(), askOnOpen: true });
    expect(await service.setPlace({ type: 'SetPlace', query: 'Toulouse', country: 'fr' })).toMatchObject({ ok: true });
    const stockAsked = () => server.requests.filter((url) => url.includes('getshoplist.php')).length;
    const before = stockAsked();
    await service.bookSeen(7, 'amazon.fr', book);
    expect(action.badge(7)).toMatchObject({ text: '…', title: 'badgeTitleWaiting' });
    expect(stockAsked()).toBe(before);
    expect(cards).toEqual([]);
    // The shopper opens the popup on that tab: it is asked now.
    expect((await service.tabState(7)).lookup).toMatchObject({ state: 'asking' });
    for (let i = 0; i < 100 && (session.data.get('lookup:7') as { state?: string })?.state !== 'done'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stockAsked()).toBe(before + 1);
    expect(action.badge(7).text).toBe('3');
  });
});
