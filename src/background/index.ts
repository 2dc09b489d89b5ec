// Background entry: wires the router and the tab bookkeeping to the browser. Listeners are added
// synchronously at the top level, as MV3 requires for a worker that may be stopped at any moment.
import { storefrontOf } from '../book/storefronts';
import { browser, type Runtime } from '../shared/browser';
import { createBadge } from './badge';
import { createRouter } from './router';
import { createTabBooks } from './tab-books';

const tabBooks = createTabBooks(browser.storage.session);
const badge = createBadge(browser.action, (key, substitutions) => browser.i18n.getMessage(key, substitutions));

const route = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  tabBooks,
  badge,
  now: Date.now,
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.tabs.onRemoved.addListener((tabId) => void tabBooks.forget(tabId));

// A tab that leaves Amazon keeps no book. Amazon pages report for themselves once loaded.
browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
  if (changeInfo.status !== 'loading') return;
  const url = changeInfo.url ?? tab.url;
  let onAmazon = false;
  try {
    onAmazon = url !== undefined && storefrontOf(new URL(url).hostname) !== null;
  } catch {
    onAmazon = false;
  }
  if (!onAmazon) void Promise.all([tabBooks.forget(tabId), badge.clear(tabId)]);
});
