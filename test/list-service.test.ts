// List pages from the worker's side: whether the shopper wants marks there, which books are looked up
// (politely), what the page is told, what the popup and the badge say; with the real lookup talking to
// the stand-in server, so the requests counted are requests that would leave the browser.
import { readFictionalDirectory } from './fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBadge } from '../src/background/badge';
import { createListService, MAX_TITLES } from '../src/background/list-service';
import { enabledSources } from '../src/background/sources';
import { createLookupCache, createLookupTimes, createSettingsStore } from '../src/background/stores';
import { createTabLists } from '../src/background/tab-lists';
import { isbn10To13 } from '../src/book/isbn';
import { createLookup } from '../src/lookup/lookup';
import type { ListMark, ListRestart } from '../src/messages/worker-to-content';
import { parseSettings, type Settings } from '../src/shared/settings';
import { saveSettings } from '../src/shared/settings-storage';
import { madeUpBooks } from '../stand-ins/list-pages';
import { DEMO_BOOKS } from '../stand-ins/payloads';
import { startStandInServer, type StandInServer } from '../stand-ins/server';
import { fakeAction, fakeStorageArea } from './fake-browser';

let server: StandInServer;
beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(async () => server.close());

const WISHLIST = 'https://www.amazon.fr/hz/wishlist/ls/2ABCDEF?ref_=nav_wishlist';
const SEARCH = 'https://www.amazon.fr/s?k=camus&i=stripbooks';
const TOULOUSE = { label: '31000 Toulouse', lat: 43.6, lon: 1.44, country: 'fr' };

let sync: ReturnType<typeof fakeStorageArea>;
let local: ReturnType<typeof fakeStorageArea>;
let session: ReturnType<typeof fakeStorageArea>;
let action: ReturnType<typeof fakeAction>;
let sent: Array<{ tabId: number; message: ListMark | ListRestart }>;
let opened: number[];
let clock: number;
let timers: Array<{ at: number; run: () => void }>;
let service: ReturnType<typeof createListService>;
/** The view each tab's list script shows, as it answers StillListing (absent: the tab left the list). */
let pageViews: Map<number, string>;
/** The page's answer to StillListing waits for this (a page busy starting a new view). */
let askGate: Promise<void>;

const stockRequests = () => server.requests.filter((url) => url.includes('getshoplist.php'));
const marks = (tabId = 7) => sent.filter((s) => s.tabId === tabId && s.message.type === 'ListMark').map((s) => s.message as ListMark);

function settingsWith(change: Partial<Settings> = {}): Settings {
  const settings = parseSettings({});
  for (const source of Object.values(settings.sources)) source.baseUrl = server.url;
  // Overpass itself: the directory's file is not what these tests are about.
  settings.sources.openstreetmap.directoryUrl = '';
  return { ...settings, place: TOULOUSE, ...change };
}
const storeSettings = (settings: Settings) => saveSettings({ sync, local }, settings);

function startWorker() {
  const now = () => clock;
  return createListService({
    tabLists: createTabLists(session),
    settings: createSettingsStore({ sync, local }),
    lookupFor: (settings) => createLookup({ fetch, sleep: async () => {}, isOnline: () => true, sources: enabledSources(settings, readFictionalDirectory), cache: createLookupCache(local, now, session), now, timeoutMs: 2000 }),
    sendToTab: async (tabId, message) => void sent.push({ tabId, message }),
    askTab: async (tabId) => {
      const answer = pageViews.has(tabId) ? { view: pageViews.get(tabId) } : undefined;
      await askGate;
      return answer;
    },
    badge: createBadge(action, (key, sub) => `${key}${sub ? ` ${sub}` : ''}`),
    openResults: async (tabId) => void opened.push(tabId),
    now,
    later: (run, ms) => void timers.push({ at: clock + ms, run }),
    // The store the worker ships with, on the fake session area: a restarted worker reads what this one wrote.
    lookupTimes: createLookupTimes(session),
  });
}

/** Lets the lookups under way finish (their requests go to the stand-in server). */
async function settle(): Promise<void> {
  for (let i = 0; i < 40; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(async () => {
  server.setScenario('ok');
  server.requests.length = 0;
  sync = fakeStorageArea();
  local = fakeStorageArea();
  session = fakeStorageArea();
  action = fakeAction();
  sent = [];
  opened = [];
  timers = [];
  clock = new Date(2026, 10, 26, 10, 0).getTime();
  pageViews = new Map();
  askGate = Promise.resolve();
  await storeSettings(settingsWith());
  service = startWorker();
});

/** The list script on tab `tabId` starts view `view` at `url`. */
function shown(tabId: number, url: string, view: string) {
  pageViews.set(tabId, view);
  return service.shown(tabId, url, { type: 'ListShown', view, address: url });
}
const seen = (isbn13: string, view = 'view1', title: string | null = 'A title', tabId = 7) => service.seen(tabId, { type: 'ListSeen', view, isbn13, title });

describe('a wish list', () => {
  it('marks the books shops nearby have, says 0 for the others, and counts the first on the badge and in the popup', async () => {
    expect(await shown(7, WISHLIST, 'view1')).toEqual({ marks: true });
    await seen(DEMO_BOOKS.nowhere, 'view1', 'Nobody stocks this');
    await seen(DEMO_BOOKS.inStock, 'view1', 'L’Étranger');
    await settle();
    expect(marks()).toEqual([
      { type: 'ListMark', view: 'view1', isbn13: DEMO_BOOKS.nowhere, count: 0 },
      { type: 'ListMark', view: 'view1', isbn13: DEMO_BOOKS.inStock, count: 3 },
    ]);
    expect(action.badge(7)).toMatchObject({ text: '1', title: 'badgeTitleListCount_one 1,2', icon: 'icon' });
    const list = await service.state(7);
    expect(list).toMatchObject({ kind: 'wishlist', storefront: 'amazon.fr', marks: true });
    expect(list?.books).toEqual([{ isbn13: DEMO_BOOKS.inStock, title: 'L’Étranger', count: 3, nearestKm: expect.closeTo(0.5, 1) }]);
  });

  it('keeps at most 1,000 titles: a list of thousands the page planted forgets the oldest, not the worker’s memory', async () => {
    await shown(7, WISHLIST, 'view1');
    await seen(DEMO_BOOKS.inStock, 'view1', 'L’Étranger');
    // More items than the titles kept (each only seen: the line and the minute hold their lookups back).
    for (let n = 0; n < MAX_TITLES; n++) await seen(`978${String(n).padStart(10, '0')}`, 'view1', `Planted ${n}`);
    await settle();
    // The first book's answer came, and its title went with the oldest: the popup names it by ISBN.
    expect((await service.state(7))!.books).toEqual([expect.objectContaining({ isbn13: DEMO_BOOKS.inStock, title: null })]);
  });

  it('lists the books nearest first', async () => {
    await storeSettings(settingsWith({ place: { label: 'Muret', lat: 43.46, lon: 1.33, country: 'fr' } }));
    await shown(7, WISHLIST, 'view1');
    // In stock in Toulouse (about 18 km away) and Muret (1 km away); the other edition only in Toulouse.
    await seen(DEMO_BOOKS.otherEdition, 'view1', 'Toulouse only');
    await seen(DEMO_BOOKS.inStock, 'view1', 'Muret too');
    await settle();
    const books = (await service.state(7))!.books;
    expect(books.map((book) => book.title)).toEqual(['Muret too', 'Toulouse only']);
    expect(books[0]!.nearestKm).toBeLessThan(books[1]!.nearestKm);
  });

  it('gives the distance of the nearest open shop that has it: not a nearer shop without it, nor one closed for holidays', async () => {
    // In Muret, the shop 1 km away has the book but is closed for holidays; the open ones are in Toulouse.
    await storeSettings(settingsWith({ place: { label: 'Muret', lat: 43.4617, lon: 1.3265, country: 'fr' } }));
    await shown(7, WISHLIST, 'view1');
    await seen(DEMO_BOOKS.inStock);
    await settle();
    expect((await service.state(7))!.books[0]!.nearestKm).toBeGreaterThan(15);
  });

  it('asks nothing for a view the tab has left', async () => {
    await shown(7, WISHLIST, 'view1');
    await shown(7, WISHLIST, 'view2');
    await seen(DEMO_BOOKS.inStock, 'view1');
    await settle();
    expect(server.requests).toEqual([]);
  });

  it('asks nothing before a place is set, or when the shopper has books looked up only from the popup', async () => {
    await storeSettings(settingsWith({ place: null }));
    expect(await shown(7, WISHLIST, 'view1')).toEqual({ marks: false });
    await seen(DEMO_BOOKS.inStock);
    await storeSettings(settingsWith({ askOnOpen: true }));
    expect(await shown(7, WISHLIST, 'view2')).toEqual({ marks: false });
    await seen(DEMO_BOOKS.inStock, 'view2');
    await settle();
    expect(server.requests).toEqual([]);
    expect(marks()).toEqual([]);
  });
});

describe('a search page', () => {
  it('gets no marks until the shopper turns them on; then the page is told to start again with marks', async () => {
    await shown(7, SEARCH, 'view1');
    await shown(8, WISHLIST, 'view1');
    expect((await service.state(7))?.marks).toBe(false);
    await seen(DEMO_BOOKS.inStock);
    await settle();
    expect(stockRequests()).toEqual([]);

    // A change that does not touch the marks (a favourite shop) restarts nothing.
    await storeSettings({ ...settingsWith(), favourites: [{ id: 'x', name: 'X' }] });
    await service.settingsChanged();
    expect(sent).toEqual([]);
    await storeSettings(settingsWith({ lists: { wishlists: true, searchResults: true } }));
    await service.settingsChanged();
    expect(sent).toEqual([
      { tabId: 7, message: { type: 'ListRestart', marks: true } },
      { tabId: 8, message: { type: 'ListRestart', marks: true } },
    ]);
    expect(await shown(7, SEARCH, 'view2')).toEqual({ marks: true });
    await seen(DEMO_BOOKS.inStock, 'view2');
    await settle();
    expect(marks()).toEqual([{ type: 'ListMark', view: 'view2', isbn13: DEMO_BOOKS.inStock, count: 3 }]);
  });

  it('is no list on a product page or a storefront it does not know: nothing kept, nothing asked', async () => {
    expect(await shown(7, 'https://www.amazon.fr/dp/2070360024', 'view1')).toEqual({ marks: false });
    await seen(DEMO_BOOKS.inStock);
    await settle();
    expect(await service.state(7)).toBeNull();
    expect(server.requests).toEqual([]);
  });
});

  it('stays a search page when its script rewrites its address to a wish list’s: the kind is the loaded address’s', async () => {
    // history.replaceState(…, '/hz/wishlist/ls/X') changes the tab's address, not the one the list script read first.
    pageViews.set(7, 'view1');
    expect(await service.shown(7, 'https://www.amazon.fr/hz/wishlist/ls/X', { type: 'ListShown', view: 'view1', address: SEARCH })).toEqual({ marks: false });
    expect(await service.state(7)).toMatchObject({ kind: 'search', marks: false });
    await seen(DEMO_BOOKS.inStock);
    await settle();
    expect(stockRequests()).toEqual([]);
    // An address on another origin than the tab's is no list at all.
    expect(await service.shown(8, SEARCH, { type: 'ListShown', view: 'view1', address: 'https://www.amazon.de/hz/wishlist/ls/X' })).toEqual({ marks: false });
    expect(await service.state(8)).toBeNull();
  });

describe('politeness', () => {
  /** Valid ISBNs no shop has: each one a new lookup. */
  const manyBooks = madeUpBooks(30).map((book) => isbn10To13(book.isbn10));

  it('asks at most 20 new books a minute; the others wait while in view, and leave the line when scrolled away', async () => {
    await shown(7, WISHLIST, 'view1');
    for (const isbn13 of manyBooks) await seen(isbn13);
    await settle();
    expect(stockRequests()).toHaveLength(20);
    expect(service.waiting()).toBe(10);
    for (const isbn13 of manyBooks.slice(20, 25)) service.unseen(7, { type: 'ListUnseen', view: 'view1', isbn13 });
    expect(service.waiting()).toBe(5);
    // A minute on, the five still in view are asked.
    clock += 60_000;
    for (const timer of timers.splice(0)) timer.run();
    await settle();
    expect(stockRequests()).toHaveLength(25);
    expect(stockRequests().some((url) => manyBooks.slice(20, 25).some((isbn13) => url.includes(isbn13)))).toBe(false);
  });

  it('keeps the limit across a worker the browser stopped and started again', async () => {
    await shown(7, WISHLIST, 'view1');
    for (const isbn13 of manyBooks.slice(0, 15)) await seen(isbn13);
    await settle();
    clock += 20_000;
    service = startWorker();
    await shown(7, WISHLIST, 'view2');
    for (const isbn13 of manyBooks.slice(15)) await seen(isbn13, 'view2');
    await settle();
    expect(stockRequests()).toHaveLength(20);
  });

  it('answers a second view of the page from the cache: marks at once, no request', async () => {
    await shown(7, WISHLIST, 'view1');
    await seen(DEMO_BOOKS.inStock);
    await seen(DEMO_BOOKS.nowhere);
    await settle();
    const before = server.requests.length;
    // The page reloaded (a new view), in a worker started again.
    service = startWorker();
    await shown(7, WISHLIST, 'view2');
    await seen(DEMO_BOOKS.inStock, 'view2');
    await seen(DEMO_BOOKS.nowhere, 'view2');
    await settle();
    expect(server.requests.length).toBe(before);
    expect(marks().filter((mark) => mark.view === 'view2')).toEqual([
      { type: 'ListMark', view: 'view2', isbn13: DEMO_BOOKS.inStock, count: 3 },
      { type: 'ListMark', view: 'view2', isbn13: DEMO_BOOKS.nowhere, count: 0 },
    ]);
    expect(action.badge(7).text).toBe('1');
  });

  it('drops an answer for a view the tab has left, and the closed tab’s list', async () => {
    await shown(7, WISHLIST, 'view1');
    const asked = seen(DEMO_BOOKS.inStock);
    await shown(7, WISHLIST, 'view2');
    await asked;
    await settle();
    expect(marks()).toEqual([]);
    expect((await service.state(7))?.books).toEqual([]);
    await service.closed(7);
    expect(await service.state(7)).toBeNull();
  });
});

describe('the popup’s question', () => {
  it('gets the list only while the tab still shows it: a tab that left it for a page with no list has its list forgotten', async () => {
    await shown(7, WISHLIST, 'view1');
    expect(await service.state(7)).toMatchObject({ view: 'view1' });
    pageViews.delete(7);
    expect(await service.state(7)).toBeNull();
    pageViews.set(7, 'view1');
    expect(await service.state(7)).toBeNull();
  });
});

describe('a page starting a new view while the popup asks', () => {
  it('keeps the new view’s list: the popup’s question, answered with the newer view, does not forget it', async () => {
    await shown(7, WISHLIST, 'view1');
    let answer: () => void = () => {};
    askGate = new Promise((resolve) => (answer = resolve));
    // The page has started view2 (its ListShown on its way) and answers the popup with it.
    pageViews.set(7, 'view2');
    const asked = service.state(7);
    await service.shown(7, WISHLIST, { type: 'ListShown', view: 'view2', address: WISHLIST });
    answer();
    expect(await asked).toBeNull();
    askGate = Promise.resolve();
    await seen(DEMO_BOOKS.inStock, 'view2');
    await settle();
    expect((await service.state(7))?.books.map((book) => book.isbn13)).toEqual([DEMO_BOOKS.inStock]);
  });

  it('handles two new views of one tab in the order they came', async () => {
    pageViews.set(7, 'view2');
    await Promise.all([service.shown(7, WISHLIST, { type: 'ListShown', view: 'view1', address: WISHLIST }), service.shown(7, WISHLIST, { type: 'ListShown', view: 'view2', address: WISHLIST })]);
    expect((await service.state(7))?.view).toBe('view2');
  });
});

describe('a mark clicked', () => {
  it('opens the results on that book, once', async () => {
    await shown(7, WISHLIST, 'view1');
    await service.open(7, { type: 'ListOpen', isbn13: DEMO_BOOKS.inStock });
    expect(opened).toEqual([7]);
    expect((await service.state(7))?.chosen).toBe(DEMO_BOOKS.inStock);
    expect((await service.state(7))?.chosen).toBeUndefined();
  });
});
