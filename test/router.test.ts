// The background's one message listener: who may say what, and what the tab then shows.
import { beforeEach, describe, expect, it } from 'vitest';
import { createBadge } from '../src/background/badge';
import { createListService } from '../src/background/list-service';
import { createRouter } from '../src/background/router';
import { createSettingsStore, createTabLookups } from '../src/background/stores';
import { createTabBooks } from '../src/background/tab-books';
import { createTabLists } from '../src/background/tab-lists';
import { createTabService } from '../src/background/tab-service';
import type { LookupResult } from '../src/lookup/result';
import type { Runtime } from '../src/shared/browser';
import { fakeAction, fakeStorageArea } from './fake-browser';

const EXTENSION_ID = 'our-extension';
const ORIGIN = 'chrome-extension://our-extension/';
const bookSeen = {
  type: 'BookSeen',
  isbn13: '9782205057331',
  editions: ['9782205057331', '9782205053210'],
  kind: 'print',
  source: 'rpi',
  asin: '2205057332',
};
const fromAmazonTab = (tabId: number, url = 'https://www.amazon.fr/dp/2205057332'): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url,
  frameId: 0,
  tab: { id: tabId, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
});
const fromPopup: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}popup/popup.html?tabId=7` };

describe('the background router', () => {
  let session: ReturnType<typeof fakeStorageArea>;
  let action: ReturnType<typeof fakeAction>;
  let route: ReturnType<typeof createRouter>;
  let pageAnswer: () => Promise<unknown>;
  let opened: number[];
  let forgotten: boolean[];

  beforeEach(() => {
    pageAnswer = async () => bookSeen;
    session = fakeStorageArea();
    action = fakeAction();
    const tabs = createTabService({
      tabBooks: createTabBooks(session),
      tabLookups: createTabLookups(session),
      settings: createSettingsStore({ sync: fakeStorageArea(), local: fakeStorageArea() }),
      badge: createBadge(action, (key, sub) => `${key}${sub ? ` ${sub}` : ''}`),
      lookupFor: () => Object.assign(async () => ({}) as LookupResult, { cachedOnly: async () => null, sourcesFor: () => [] }),
      geocoderFor: () => ({ geocode: async () => ({ ok: false, reason: 'not-found' }), placeAt: async () => ({ lat: 0, lon: 0, label: '0.00, 0.00', country: 'fr' }) }),
      now: () => 1_700_000_000_000,
      askTab: () => pageAnswer(),
      tabsWithBooks: async () => [],
      showCard: async () => {},
      isOnline: () => true,
    });
    opened = [];
    forgotten = [];
    const cards = { openResults: async (tabId: number) => void opened.push(tabId), dismiss: async () => {} };
    const settings = createSettingsStore({ sync: fakeStorageArea(), local: fakeStorageArea() });
    const lists = createListService({
      tabLists: createTabLists(session),
      settings,
      lookupFor: () => Object.assign(async () => ({}) as LookupResult, { cachedOnly: async () => null, sourcesFor: () => [] }),
      sendToTab: async () => {},
      askTab: async () => ({ view: 'abcdef12' }),
      badge: createBadge(action, (key) => key),
      openResults: cards.openResults,
      now: () => 1_700_000_000_000,
    });
    route = createRouter({ extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, tabs, lists, cards, forget: async (settingsToo) => void forgotten.push(settingsToo) });
  });

  it('remembers the book an Amazon tab reports, shows it on the badge, and gives it to the popup', async () => {
    await route(bookSeen, fromAmazonTab(7));
    // No place yet: the tooltip says what to do.
    expect(action.badge(7)).toMatchObject({ text: '•', title: 'badgeTitleNoPlace', icon: 'icon' });
    const state = await route({ type: 'TabState', tabId: 7 }, fromPopup);
    expect(state).toEqual({
      book: { isbn13: '9782205057331', editions: ['9782205057331', '9782205053210'], kind: 'print', source: 'rpi', asin: '2205057332', storefront: 'amazon.fr', seenAt: 1_700_000_000_000 },
      lookup: { state: 'no-place', isbn13: '9782205057331' },
      place: null,
      list: null,
    });
  });

  it('keeps no page address, only the storefront', async () => {
    await route(bookSeen, fromAmazonTab(7, 'https://www.amazon.fr/dp/2205057332?tag=secret&session=abc'));
    expect(JSON.stringify([...session.data.values()])).not.toContain('secret');
  });

  it('forgets the book and clears the badge when the tab moves to a page without one', async () => {
    await route(bookSeen, fromAmazonTab(7));
    await route({ type: 'BookGone' }, fromAmazonTab(7));
    expect(action.badge(7)).toMatchObject({ text: '', icon: 'toolbar-idle' });
    expect(await route({ type: 'TabState', tabId: 7 }, fromPopup)).toEqual({ book: null, lookup: null, place: null, list: null });
  });

  it.each([
    ['another extension', { ...fromAmazonTab(7), id: 'someone-else' }],
    ['a page that is not Amazon', fromAmazonTab(7, 'https://amazon.fr.evil.example/dp/2205057332')],
    ['an Amazon site that is not a shop', fromAmazonTab(7, 'https://console.aws.amazon.com/dp/2205057332')],
    ['a frame inside the Amazon page', { ...fromAmazonTab(7), frameId: 3 }],
    ['a sender with no tab', { id: EXTENSION_ID, url: 'https://www.amazon.fr/dp/2205057332' }],
  ])('ignores a BookSeen from %s', async (_who, sender) => {
    expect(route(bookSeen, sender as Runtime.MessageSender)).toBeUndefined();
    expect(session.data.has('tab:7')).toBe(false);
  });

  it.each([
    ['an invalid check digit', { ...bookSeen, isbn13: '9782205057332' }],
    ['an ISMN', { ...bookSeen, isbn13: '9790553123455' }],
    ['an unknown kind', { ...bookSeen, kind: 'dvd' }],
    ['a missing field', { type: 'BookSeen', isbn13: '9782205057331' }],
    ['an unknown type', { type: 'DeleteEverything' }],
    ['not an object', 'BookSeen'],
  ])('ignores a message with %s', async (_what, message) => {
    expect(route(message, fromAmazonTab(7))).toBeUndefined();
    expect(session.data.size).toBe(0);
  });

  it('answers a list page’s script for its own tab, by the kind of list its address shows', async () => {
    const wishlist = 'https://www.amazon.fr/hz/wishlist/ls/2ABCDEF';
    // No place yet: no marks, but the popup knows the tab shows a list.
    expect(await route({ type: 'ListShown', view: 'abcdef12', address: wishlist }, fromAmazonTab(7, wishlist))).toEqual({ marks: false });
    expect(await route({ type: 'TabState', tabId: 7 }, fromPopup)).toMatchObject({ book: null, list: { kind: 'wishlist', storefront: 'amazon.fr', marks: false, books: [] } });
    // The same message from a product page's address is no list.
    expect(await route({ type: 'ListShown', view: 'abcdef12', address: 'https://www.amazon.fr/dp/2070360024' }, fromAmazonTab(8))).toEqual({ marks: false });
    expect(session.data.has('list:8')).toBe(false);
    await route({ type: 'ListOpen', isbn13: '9782205057331' }, fromAmazonTab(7, wishlist));
    expect(opened).toEqual([7]);
  });

  it.each([
    ['a frame inside the page', { ...fromAmazonTab(7, 'https://www.amazon.fr/s?k=x'), frameId: 2 }, { type: 'ListShown', view: 'abcdef12', address: 'https://www.amazon.fr/s?k=x' }],
    ['a page that is not Amazon', fromAmazonTab(7, 'https://evil.example/s?k=x'), { type: 'ListShown', view: 'abcdef12', address: 'https://www.amazon.fr/s?k=x' }],
    ['a sender naming a view that is not ours', fromAmazonTab(7, 'https://www.amazon.fr/s?k=x'), { type: 'ListShown', view: '<img src=x>', address: 'https://www.amazon.fr/s?k=x' }],
    ['a sender whose ISBN fails its check', fromAmazonTab(7, 'https://www.amazon.fr/s?k=x'), { type: 'ListSeen', view: 'abcdef12', isbn13: '9782205057332', title: null }],
    ['a sender with a title of a megabyte', fromAmazonTab(7, 'https://www.amazon.fr/s?k=x'), { type: 'ListSeen', view: 'abcdef12', isbn13: '9782205057331', title: 'x'.repeat(1_000_000) }],
  ])('ignores a list message from %s', async (_what, sender, message) => {
    expect(route(message, sender as Runtime.MessageSender)).toBeUndefined();
    expect(session.data.size).toBe(0);
  });

  it('forgets what is stored only when an extension page asks, never a content script', async () => {
    expect(route({ type: 'ForgetStored', settingsToo: false }, fromAmazonTab(7))).toBeUndefined();
    await route({ type: 'ForgetStored', settingsToo: true }, fromPopup);
    expect(forgotten).toEqual([true]);
  });

  it('does not let a content script ask for another tab’s book', async () => {
    await route(bookSeen, fromAmazonTab(7));
    expect(route({ type: 'TabState', tabId: 7 }, fromAmazonTab(8))).toBeUndefined();
  });

  it('forgets the book when the tab no longer has our content script (it left Amazon)', async () => {
    await route(bookSeen, fromAmazonTab(7));
    pageAnswer = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await route({ type: 'TabState', tabId: 7 }, fromPopup)).toEqual({ book: null, lookup: null, place: null, list: null });
    expect(session.data.size).toBe(0);
  });

  it('takes the page’s newer answer when the tab moved on to another book', async () => {
    await route(bookSeen, fromAmazonTab(7));
    pageAnswer = async () => ({ ...bookSeen, isbn13: '9782070368228', editions: ['9782070368228'], asin: '207036822X' });
    const state = (await route({ type: 'TabState', tabId: 7 }, fromPopup)) as { book: { isbn13: string; storefront: string } };
    expect(state.book).toMatchObject({ isbn13: '9782070368228', storefront: 'amazon.fr' });
  });

  it('does not trust a page answer that fails the schema', async () => {
    await route(bookSeen, fromAmazonTab(7));
    pageAnswer = async () => ({ type: 'BookSeen', isbn13: '<img src=x onerror=alert(1)>' });
    expect(await route({ type: 'TabState', tabId: 7 }, fromPopup)).toMatchObject({ book: null });
  });

  it('drops a damaged stored entry instead of handing it to the popup', async () => {
    session.data.set('tab:7', { isbn13: 42, kind: 'print' });
    expect(await route({ type: 'TabState', tabId: 7 }, fromPopup)).toMatchObject({ book: null });
    expect(session.data.has('tab:7')).toBe(false);
  });
});
