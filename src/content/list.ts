// Content script on Amazon's list pages (search results, wish lists, bestsellers; the manifest's
// include_globs pick their addresses): marks the books that shops near the shopper have, when the
// shopper wants marks there. It reads the page only, never fetches, and does nothing at all until
// the worker says marks are wanted; the product-page script (index.ts) is not loaded twice for it.
import { uiLocale } from '../shared/locale';
import { extension } from './extension-api';
import { createListPage } from './list-page';

const page = createListPage({
  document,
  t: extension.message,
  locale: uiLocale(extension.message),
  send: (message) =>
    extension.send(message).catch((error: unknown) => {
      // After an update or uninstall this script is orphaned: stop quietly.
      if (!extension.alive()) stop();
      throw error;
    }),
  observer: (callback) => new IntersectionObserver(callback),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  onPageChange(changed) {
    // Only that something changed is noted here; the list is read again once the page is quiet.
    const observer = new MutationObserver(changed);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  },
  newView: () => crypto.randomUUID().replaceAll('-', ''),
});

const stopListening = extension.onMessage((message) => page.receive(message));
// Back from the back-forward cache: a new view (the worker may have answered others meanwhile).
const onPageShow = (event: PageTransitionEvent) => {
  if (event.persisted) void page.start().catch(() => {});
};
addEventListener('pageshow', onPageShow);

function stop(): void {
  stopListening();
  removeEventListener('pageshow', onPageShow);
  page.stop();
}

void page.start().catch(() => {});
