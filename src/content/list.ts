// Content script on Amazon's list pages (search results, wish lists, bestsellers; the manifest's
// include_globs pick their addresses): marks the books that shops near the shopper have, when the
// shopper wants marks there. It reads the page only, never fetches, and does nothing at all until
// the worker says marks are wanted; the product-page script (index.ts) is not loaded twice for it.
// It runs at document_start for one reason: to read the address the page was loaded at before any of
// the page's scripts could rewrite it (a search page that calls history.replaceState('/hz/wishlist/…')
// is still a search page); it starts its work once the document is parsed.
import { uiLocale } from '../shared/locale';
import { extension } from './extension-api';
import { createListPage } from './list-page';

const address = location.href;

const page = createListPage({
  address,
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
// (A page restored from that cache is parsed already: it starts at once.)
const onPageShow = (event: PageTransitionEvent) => {
  if (event.persisted) start();
};
addEventListener('pageshow', onPageShow);

function stop(): void {
  stopListening();
  removeEventListener('pageshow', onPageShow);
  page.stop();
}

/** A new view, once the document is parsed (this script runs at document_start). */
function start(): void {
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start, { once: true });
  else void page.start().catch(() => {});
}

start();
