// Background entry: wires the tab service and the router to the browser. Listeners are added
// synchronously at the top level, as MV3 requires for a worker that may be stopped at any moment.
import { createLookup, type Lookup } from '../lookup/lookup';
import { createGeocoder } from '../networks/geocoders';
import { browser, type Runtime } from '../shared/browser';
import { TAB_BOOK_PREFIX } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { createBadge } from './badge';
import { createRouter } from './router';
import { enabledSources } from './sources';
import { createKeyValueCache, createLookupCache, createSettingsStore, createTabLookups } from './stores';
import { createTabBooks } from './tab-books';
import { createTabService } from './tab-service';

const now = () => Date.now();
const fetchDeps = { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), isOnline: () => navigator.onLine };
const lookupCache = createLookupCache(browser.storage.local, now);
const geocodeCache = createKeyValueCache(browser.storage.local);

// One lookup per set of sources, so requests under way are shared by every tab that asks.
let lookup: { key: string; run: Lookup } | null = null;
function lookupFor(settings: Settings): Lookup {
  const key = JSON.stringify(settings.sources);
  if (lookup?.key !== key) lookup = { key, run: createLookup({ ...fetchDeps, sources: enabledSources(settings), cache: lookupCache, now }) };
  return lookup.run;
}

let geocoder: { key: string; run: ReturnType<typeof createGeocoder> } | null = null;
function geocode(query: string, country: string, settings: Settings) {
  const key = JSON.stringify(settings.geocoders);
  if (geocoder?.key !== key) {
    geocoder = { key, run: createGeocoder({ ...fetchDeps, apiAdresseUrl: settings.geocoders.apiAdresse, nominatimUrl: settings.geocoders.nominatim, now, cache: geocodeCache }) };
  }
  return geocoder.run(query, country);
}

const tabBooks = createTabBooks(browser.storage.session);
const tabLookups = createTabLookups(browser.storage.session);

const tabs = createTabService({
  tabBooks,
  tabLookups,
  settings: createSettingsStore(browser.storage.sync),
  badge: createBadge(browser.action, (key, substitutions) => browser.i18n.getMessage(key, substitutions)),
  lookupFor,
  geocode,
  now,
  askTab: (tabId, question) => browser.tabs.sendMessage(tabId, question, { frameId: 0 }),
  tabsWithBooks: async () =>
    Object.keys(await browser.storage.session.get(null))
      .filter((key) => key.startsWith(TAB_BOOK_PREFIX))
      .map((key) => Number(key.slice(TAB_BOOK_PREFIX.length))),
});

const route = createRouter({ extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL(''), tabs });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.tabs.onRemoved.addListener((tabId) => void Promise.all([tabBooks.forget(tabId), tabLookups.forget(tabId)]));

browser.runtime.onStartup.addListener(() => void lookupCache.purgeExpired());
browser.runtime.onInstalled.addListener(() => void lookupCache.purgeExpired());
