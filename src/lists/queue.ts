// Politeness for list pages: which books a scrolled list may ask the stock networks about, and when.
// A search page holds 16 to 60 books and a shopper scrolls past most of them; the networks must not
// pay for each. The rules, in numbers:
// - only books the content script saw stay in view a moment (it says so; this module never looks);
// - an answer the lookup cache already holds is given at once and costs nothing;
// - at most `perMinute` new lookups a minute and `perHour` an hour across all tabs; the rest wait in
//   line (at most MAX_WAITING), in the order seen, while their item stays in view, and leave the line
//   when it scrolls away or its tab closes;
// - a book is asked once per page view (a tab's list as loaded), whatever the scrolling, and a page
//   view asks at most `perView` books: a list a page script planted cannot keep lookups going.
// (A book page asks at most 30 an hour per tab: background/book-throttle.ts.)
// Pure: time, the cache, the lookup and the timer come from the caller.

export interface ListQueueDeps<Answer> {
  now: () => number;
  /** The cached answer for a book, or null: no request is made. */
  cached: (isbn13: string) => Promise<Answer | null>;
  /** A new lookup (it may ask each source once); its answer is cached by the lookup itself. */
  lookup: (isbn13: string) => Promise<Answer>;
  /** An answer for an item still wanted, in the tab's current view: shown by its marks and counted by its badge. */
  answer: (tabId: number, isbn13: string, answer: Answer, view: string) => void;
  /** Calls `run` once after `ms` (setTimeout in the worker). */
  later: (run: () => void, ms: number) => void;
  /** Told when lookups start, with the start times of the last minute's (for the caller to keep across worker restarts). */
  onStarted?: (times: number[]) => void;
  perMinute?: number;
  perHour?: number;
  perView?: number;
}

/** Twenty a minute: a shopper reading a list top to bottom is served, a fast scroll of a long one is not paid for. */
export const LIST_LOOKUPS_PER_MINUTE = 20;
/** 120 an hour: six minutes of reading at full pace, then a list waits (1,200 an hour was possible before). */
export const LIST_LOOKUPS_PER_HOUR = 120;
/** 60 books per page view: Amazon's longest search page, once. */
export const LIST_LOOKUPS_PER_VIEW = 60;
/** Books waiting in line at most, all tabs together (a planted list of thousands is not kept). */
export const MAX_WAITING = 200;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Waiting {
  tabId: number;
  view: string;
  isbn13: string;
}

export function createListQueue<Answer>(deps: ListQueueDeps<Answer>) {
  const perMinute = deps.perMinute ?? LIST_LOOKUPS_PER_MINUTE;
  const perHour = deps.perHour ?? LIST_LOOKUPS_PER_HOUR;
  const perView = deps.perView ?? LIST_LOOKUPS_PER_VIEW;
  /** When each of the last hour's lookups started, oldest first. */
  let started: number[] = [];
  /** In the order seen; one entry per tab, view and book. */
  let line: Waiting[] = [];
  /** Each tab's current page view, the books already answered, asked or waiting in it, and how many it asked. */
  const views = new Map<number, { view: string; books: Set<string>; asked: number }>();
  let timerDue = false;

  const current = (entry: Waiting) => views.get(entry.tabId)?.view === entry.view;
  const inLastMinute = (at: number) => started.filter((time) => at - time < MINUTE);

  /** When the next lookup may start: now, a minute after the minute's first, or an hour after the hour's first. */
  function nextSlot(at: number): number {
    const minute = inLastMinute(at);
    return Math.max(at, minute.length >= perMinute ? minute[minute.length - perMinute]! + MINUTE : at, started.length >= perHour ? started[started.length - perHour]! + HOUR : at);
  }

  function pump(): void {
    const at = deps.now();
    started = started.filter((time) => at - time < HOUR);
    const before = started.length;
    while (line.length > 0 && nextSlot(at) <= at) {
      const entry = line.shift()!;
      const shown = views.get(entry.tabId);
      // This page view has asked all it may: the rest of its list gets no lookups.
      if (!shown || shown.asked >= perView) continue;
      shown.asked += 1;
      started.push(at);
      void deps.lookup(entry.isbn13).then(
        (answer) => {
          if (current(entry)) deps.answer(entry.tabId, entry.isbn13, answer, entry.view);
        },
        () => {}, // a failed lookup shows no mark; the lookup itself records and backs off
      );
    }
    if (started.length > before) deps.onStarted?.([...started]);
    if (line.length > 0 && !timerDue) {
      timerDue = true;
      deps.later(() => {
        timerDue = false;
        pump();
      }, nextSlot(at) - at);
    }
  }

  /** Tab `tabId` shows page view `view` now (a list loaded or navigated to): what it asked before is forgotten. */
  function show(tabId: number, view: string): Set<string> {
    const shown = views.get(tabId);
    if (shown?.view === view) return shown.books;
    const books = new Set<string>();
    views.set(tabId, { view, books, asked: 0 });
    line = line.filter((entry) => entry.tabId !== tabId);
    return books;
  }

  return {
    view: show,
    /**
     * The start times of lookups a worker before this one made (the browser stops an idle worker and
     * starts another): they count against the minute and the hour as this worker's own do.
     */
    restore(times: number[]): void {
      started = [...times, ...started].sort((a, b) => a - b);
    },
    /** An item of the tab's list has stayed in view: its answer now if cached, else a place in line. */
    async seen(tabId: number, view: string, isbn13: string): Promise<void> {
      const books = show(tabId, view);
      if (books.has(isbn13)) return;
      books.add(isbn13);
      const entry = { tabId, view, isbn13 };
      const cached = await deps.cached(isbn13);
      if (!current(entry)) return;
      if (cached !== null) {
        deps.answer(tabId, isbn13, cached, view);
        return;
      }
      // A line already full: this one is not kept (it may be asked when seen again).
      if (line.length >= MAX_WAITING) {
        books.delete(isbn13);
        return;
      }
      line.push(entry);
      pump();
    },
    /** The item scrolled out of view before its turn: it leaves the line, and may be asked when seen again. */
    unseen(tabId: number, view: string, isbn13: string): void {
      const before = line.length;
      line = line.filter((entry) => !(entry.tabId === tabId && entry.view === view && entry.isbn13 === isbn13));
      // Something left the line, so the tab's view is known.
      if (line.length < before) views.get(tabId)!.books.delete(isbn13);
    },
    /** The tab closed: its waiting books leave the line. */
    closed(tabId: number): void {
      views.delete(tabId);
      line = line.filter((entry) => entry.tabId !== tabId);
    },
    /** How many wait, for the tests and the bench. */
    waiting(): number {
      return line.length;
    },
  };
}

export type ListQueue<Answer> = ReturnType<typeof createListQueue<Answer>>;
