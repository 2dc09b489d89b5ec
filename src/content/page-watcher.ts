// Re-reads the page when Amazon swaps the product without a reload (format and variant switches,
// history navigation) and reports each new answer once. Cheap on every tick: the address and one
// getElementById; the page itself is read only when that key changes, and a few ticks after.
import { findBookOnPage } from '../book/find-book';
import { asinFromUrl } from '../book/storefronts';
import type { BookGone, BookSeen } from '../messages/content-to-worker';

export type PageReport = BookSeen | BookGone;

export interface PageWatcherDeps {
  document: Document;
  /** The page's current address (location.href in the browser). */
  href: () => string;
  report: (message: PageReport) => void;
  log?: (message: string, error: unknown) => void;
}

/** Ticks after a change during which the page is read again: the details often arrive after the address. */
const SETTLE_TICKS = 3;

export function createPageWatcher({ document, href, report, log }: PageWatcherDeps) {
  let lastKey: string | null = null;
  let lastReport = '';
  let settleTicks = 0;

  function productKey(): string {
    const input = document.getElementById('ASIN') as HTMLInputElement | null;
    return `${asinFromUrl(href()) ?? ''}|${input?.value ?? ''}`;
  }

  function readAndReport(): void {
    let message: PageReport;
    try {
      const { isbn13, editions, kind, source, asin } = findBookOnPage(document, href());
      message = isbn13 || editions.length > 0 ? { type: 'BookSeen', isbn13, editions, kind, source, asin } : { type: 'BookGone' };
    } catch (error) {
      // Never throw into Amazon's page; an odd page is a page without a book.
      log?.('could not read this page', error);
      message = { type: 'BookGone' };
    }
    const signature = JSON.stringify(message);
    if (signature === lastReport) return;
    lastReport = signature;
    report(message);
  }

  return {
    /** Called on start, on a timer and on history events. Never throws into the page. */
    tick(): void {
      try {
        const key = productKey();
        if (key !== lastKey) {
          lastKey = key;
          settleTicks = SETTLE_TICKS;
          readAndReport();
        } else if (settleTicks > 0) {
          settleTicks--;
          readAndReport();
        }
      } catch (error) {
        log?.('could not watch this page', error);
      }
    },
    /** What the page shows now, as last reported. */
    current(): PageReport {
      if (!lastReport) readAndReport();
      return JSON.parse(lastReport) as PageReport;
    },
    /** The page came back from the back-forward cache: say again what it shows. */
    reportAgain(): void {
      lastReport = '';
      readAndReport();
    },
  };
}
