// Content script on Amazon storefronts: finds the book on the page and tells the background.
// It reads the page only and never fetches; the one thing it adds is the card, when the worker says
// there are shops to show.
import { uiLocale } from '../shared/locale';
import type { CardMessage } from '../messages/content-to-worker';
import { readToBookPage } from '../messages/worker-to-content';
import { createCard } from './card';
import { extension } from './extension-api';
import { createPageWatcher, type PageReport } from './page-watcher';

const POLL_MS = 1000;

const card = createCard({
  document,
  t: extension.message,
  locale: uiLocale(extension.message),
  onOpen: () => send({ type: 'OpenResults' }),
  onDismiss: () => send({ type: 'DismissCard' }),
});

const watcher = createPageWatcher({
  document,
  href: () => location.href,
  report: (message) => {
    // Another book, or none: the card spoke of the one before.
    card.remove();
    send(message);
  },
  log: (message, error) => console.debug('[local-bookshops]', message, error),
});

function send(message: PageReport | CardMessage): void {
  extension.send(message).catch((error: unknown) => {
    // After an update or uninstall this script is orphaned: stop quietly.
    if (!extension.alive()) stop();
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

// The background asks before it trusts what it remembers for this tab (the tab may have moved on),
// and says what the card should show.
const stopListening = extension.onMessage((message): PageReport | undefined => {
  const said = readToBookPage(message);
  if (said?.type === 'StillShowing') return watcher.current();
  if (said?.type === 'HideCard') card.remove();
  if (said?.type === 'ShowCard') card.show(said);
  return undefined;
});

function stop(): void {
  stopListening();
  card.remove();
  clearInterval(timer);
  removeEventListener('popstate', onPopState);
  removeEventListener('pageshow', onPageShow);
  document.removeEventListener('visibilitychange', onVisibilityChange);
}

watcher.tick();
