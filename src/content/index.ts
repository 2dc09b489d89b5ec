// Content script on Amazon storefronts: finds the book on the page and tells the background.
// It reads the page only; it never fetches, and never changes the page.
import { browser } from '../shared/browser';
import type { StillShowing } from '../shared/messages';
import { createPageWatcher, type PageReport } from './page-watcher';

const POLL_MS = 1000;

const watcher = createPageWatcher({
  document,
  href: () => location.href,
  report: send,
  log: (message, error) => console.debug('[local-bookshops]', message, error),
});

function send(message: PageReport): void {
  browser.runtime.sendMessage(message).catch((error: unknown) => {
    // After an update or uninstall this script is orphaned: stop quietly.
    if (!browser.runtime?.id) stop();
    else console.debug('[local-bookshops] message not delivered', error);
  });
}

// Amazon changes the product through the History API, which content scripts cannot hear: poll the
// address and #ASIN (cheap), only while the tab is shown, since only a person switches formats.
const timer = setInterval(() => {
  if (document.visibilityState === 'visible') watcher.tick();
}, POLL_MS);
const onPopState = () => watcher.tick();
const onVisibilityChange = () => {
  if (document.visibilityState === 'visible') watcher.tick();
};
// Back from the back-forward cache: the browser reset the tab's badge when we left, so say it again.
const onPageShow = (event: PageTransitionEvent) => {
  if (event.persisted) watcher.reportAgain();
};
addEventListener('popstate', onPopState);
addEventListener('pageshow', onPageShow);
document.addEventListener('visibilitychange', onVisibilityChange);

// The background asks before it trusts what it remembers for this tab (the tab may have moved on).
const onQuestion = (message: unknown): Promise<PageReport> | undefined =>
  (message as StillShowing | null)?.type === 'StillShowing' ? Promise.resolve(watcher.current()) : undefined;
browser.runtime.onMessage.addListener(onQuestion);

function stop(): void {
  browser.runtime.onMessage.removeListener(onQuestion);
  clearInterval(timer);
  removeEventListener('popstate', onPopState);
  removeEventListener('pageshow', onPageShow);
  document.removeEventListener('visibilitychange', onVisibilityChange);
}

watcher.tick();
