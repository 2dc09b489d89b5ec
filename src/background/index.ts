// Background entry: wires the tab service and the router to the browser. Listeners are added
// synchronously at the top level, as MV3 requires for a worker that may be stopped at any moment.
import { createLookup, type Lookup } from '../lookup/lookup';
import { createGeocoder } from '../networks/geocoders';
import { browser, type Runtime } from '../shared/browser';
import { PROJECT_IDENTITY } from '../shared/identity';
import { uiLocale } from '../shared/locale';
import { parseSettings, type Settings } from '../shared/settings';
import { changesSettings } from '../shared/settings-storage';
import { createBadge } from './badge';
import { createCards } from './cards';
import { createHostCheck } from './host-permissions';
import { createIdentification, type SessionRules } from './identification';
import { createIcons } from './icons';
import { createForgetting } from './forget';
import { createListService } from './list-service';
import { createRouter } from './router';
import { enabledSources, switchedOffNetworks } from './sources';
import { packagedLibraries } from '../networks/packaged-directory';
import { createKeyValueCache, createLookupCache, createLookupTimes, createSettingsStore, createTabLookups } from './stores';
import { createTabBooks } from './tab-books';
import { createTabLists } from './tab-lists';
import { createTabService } from './tab-service';

const now = () => Date.now();
const settingsStore = createSettingsStore(browser.storage);

// The extension names itself to OpenStreetMap's services as their policies ask (networks/identification.ts):
// every request waits until the rule for the current settings is in place.
const identify = createIdentification(
  browser.declarativeNetRequest as unknown as SessionRules,
  new URL(browser.runtime.getURL('')).host,
  PROJECT_IDENTITY,
  browser.runtime.getManifest().version,
);
/** The rule for the settings as they are now; never rejects (settings that cannot be read: the defaults' rule). */
const identifyNow = () => settingsStore.load().catch(() => parseSettings({})).then(identify);
let identified = identifyNow();
const fetchDeps = {
  fetch: async (...args: Parameters<typeof fetch>) => {
    await identified;
    return fetch(...args);
  },
  isOnline: () => navigator.onLine,
};
const missingPermission = createHostCheck((permissions) => browser.permissions.contains(permissions));
const lookupCache = createLookupCache(browser.storage.local, now, browser.storage.session);
const geocodeCache = createKeyValueCache(browser.storage.local);

/** Rebuilds a settings-dependent helper only when the settings it depends on change. */
function memoBySettings<T>(keyOf: (settings: Settings) => unknown, build: (settings: Settings) => T): (settings: Settings) => T {
  let memo: { key: string; value: T } | null = null;
  return (settings) => {
    const key = JSON.stringify(keyOf(settings));
    if (memo?.key !== key) memo = { key, value: build(settings) };
    return memo.value;
  };
}

/** A file of the bookshop directory the build put into the package: read from the package, never the network. */
const readDirectory = async (path: string): Promise<unknown> => {
  const response = await fetch(browser.runtime.getURL(`directory/${path}`));
  if (!response.ok) throw new Error(`directory/${path}: ${response.status}`);
  return response.json();
};

// One lookup per set of sources, so requests under way are shared by every tab that asks.
const librariesNear = packagedLibraries(readDirectory);
const lookupFor = memoBySettings(
  (settings) => [settings.sources, settings.libraries],
  (settings): Lookup =>
    createLookup({ ...fetchDeps, sources: enabledSources(settings, readDirectory), switchedOff: switchedOffNetworks(settings), cache: lookupCache, now, missingPermission, librariesNear }),
);
const geocoderFor = memoBySettings(
  (settings) => settings.geocoders,
  (settings) => createGeocoder({ ...fetchDeps, geocoders: settings.geocoders, now, cache: geocodeCache, missingPermission }),
);

const tabBooks = createTabBooks(browser.storage.session);
const cards = createCards({
  settings: settingsStore,
  session: browser.storage.session,
  sendToTab: (tabId, card) => browser.tabs.sendMessage(tabId, card, { frameId: 0 }),
  openPopup: () => browser.action.openPopup(),
  openTab: (url) => browser.tabs.create({ url }),
  popupUrl: (tabId) => browser.runtime.getURL(`popup/popup.html?tabId=${tabId}`),
});
const tabLookups = createTabLookups(browser.storage.session);

const badge = createBadge(
  browser.action,
  (key, substitutions) => browser.i18n.getMessage(key, substitutions),
  createIcons((path) => browser.runtime.getURL(path)),
  uiLocale((key) => browser.i18n.getMessage(key)),
);
/** Tabs that have a remembered book in storage.session. */
const tabsWithBooks = () => tabBooks.tabs();

const tabs = createTabService({
  tabBooks,
  tabLookups,
  settings: settingsStore,
  badge,
  lookupFor,
  geocoderFor,
  now,
  askTab: (tabId, question) => browser.tabs.sendMessage(tabId, question, { frameId: 0 }),
  tabsWithBooks,
  showCard: cards.show,
  hideCard: cards.hide,
  isOnline: () => navigator.onLine,
});

const tabLists = createTabLists(browser.storage.session);
const lists = createListService({
  tabLists,
  settings: settingsStore,
  lookupFor,
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
  askTab: (tabId, question) => browser.tabs.sendMessage(tabId, question, { frameId: 0 }),
  badge,
  openResults: cards.openResults,
  now,
  lookupTimes: createLookupTimes(browser.storage.session),
});

const forget = createForgetting({
  local: browser.storage.local,
  session: browser.storage.session,
  sync: browser.storage.sync,
  tabsWithBooks: async () => [...(await tabsWithBooks()), ...(await tabLists.tabs())],
  clearBadge: (tabId) => badge.clear(tabId),
  forgetMemory: () => lookupCache.forgetMemory(),
});
const route = createRouter({ extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL(''), tabs, lists, cards, forget });

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

// Back online: the answers the network cut short are asked again (the popup also asks when it opens).
addEventListener('online', () => void tabs.networkBack());

browser.tabs.onRemoved.addListener((tabId) => void Promise.all([tabBooks.forget(tabId), tabLookups.forget(tabId), lists.closed(tabId)]));

// The settings changed (here, in the popup or the options page): the services to identify to may have, and
// list pages start again (a place, a radius or the lists setting).
browser.storage.onChanged.addListener((changes, areaName) => {
  if (!changesSettings(changes, areaName)) return;
  identified = identifyNow();
  void lists.settingsChanged();
});

// Expired answers and typed places leave the disk within the hour, as the privacy policy says: at each
// worker start, and on an hourly alarm while the browser runs (kept, not reset, by later workers).
const PURGE_ALARM = 'purge-expired';
void lookupCache.purgeExpired();
void browser.alarms.get(PURGE_ALARM).then((alarm) => {
  if (!alarm) void browser.alarms.create(PURGE_ALARM, { periodInMinutes: 60 });
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PURGE_ALARM) void lookupCache.purgeExpired();
});
browser.runtime.onStartup.addListener(() => void lookupCache.purgeExpired());
browser.runtime.onInstalled.addListener(({ reason }) => {
  void lookupCache.purgeExpired();
  // A new shopper starts somewhere: the welcome tab, with the place form first. Not on updates.
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome/welcome.html') });
});
