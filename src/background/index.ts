// Background entry: wires the router and the tab bookkeeping to the browser. Listeners are added
// synchronously at the top level, as MV3 requires for a worker that may be stopped at any moment.
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
  askTab: (tabId, question) => browser.tabs.sendMessage(tabId, question, { frameId: 0 }),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

browser.tabs.onRemoved.addListener((tabId) => void tabBooks.forget(tabId));
