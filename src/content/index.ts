// Content script on Amazon storefronts: finds the book on the page and tells the background.
// It reads the page only; it never fetches, and never changes the page.
import { browser } from '../shared/browser';
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

const timer = setInterval(() => {
  if (document.visibilityState === 'visible') watcher.tick();
}, POLL_MS);
const onPopState = () => watcher.tick();
const onPageShow = (event: PageTransitionEvent) => {
  if (event.persisted) watcher.reportAgain();
};
addEventListener('popstate', onPopState);
addEventListener('pageshow', onPageShow);

function stop(): void {
  clearInterval(timer);
  removeEventListener('popstate', onPopState);
  removeEventListener('pageshow', onPageShow);
}

watcher.tick();
