// What the background does for list pages (search results, wish lists, bestsellers): says whether the
// shopper wants marks there, looks up the books the list script saw stay in view, politely (the queue
// in lists/queue.ts), tells the page which to mark, keeps the books that shops nearby have for the
// popup, and counts them on the badge. Pure of browser APIs: stores, badge, lookup and timers are given.
import { listKindOf, storefrontOf } from '../book/storefronts';
import { createTabLine } from './tab-order';
import { createListQueue, type ListQueue } from '../lists/queue';
import { marksOn } from '../lists/policy';
import type { Lookup, LookupRequest } from '../lookup/lookup';
import type { LookupResult } from '../lookup/result';
import { shopsCounted, summarize } from '../lookup/summary';
import type { ListAnswer, ListMark, ListRestart, StillListing } from '../messages/worker-to-content';
import type { ListedBook, TabList } from '../messages/session-records';
import type { ListOpen, ListSeen, ListShown, ListUnseen } from '../messages/content-to-worker';
import type { Settings } from '../shared/settings';
import { hasTheBook } from '../shops/shop';
import type { SettingsStore } from './stores';
import type { TabLists } from './tab-lists';
import { requestNearShopper } from './tab-service';

export interface ListServiceDeps {
  tabLists: TabLists;
  settings: SettingsStore;
  lookupFor: (settings: Settings) => Lookup;
  /** Sends a message to the tab's top frame (the list script). */
  sendToTab: (tabId: number, message: ListMark | ListRestart) => Promise<unknown>;
  /** Asks the tab's top frame and returns its answer (the list script's, if it is still there). */
  askTab: (tabId: number, question: StillListing) => Promise<unknown>;
  badge: { showListCount(tabId: number, counts: { count: number; checked: number }): Promise<void> };
  /** Opens the results (the popup, or a tab where the browser allows no popup). */
  openResults: (tabId: number) => Promise<void>;
  now: () => number;
  later?: (run: () => void, ms: number) => void;
  perMinute?: number;
  /**
   * Where the start times of the last hour's lookups are kept (storage.session), so a worker the
   * browser stopped and started again still counts them: the limit holds across restarts.
   */
  lookupTimes?: { load(): Promise<number[]>; save(times: number[]): Promise<void> };
}

/** The settings a list's marks depend on: when any of them changes, list pages start again. */
const marksKey = (settings: Settings) => JSON.stringify([settings.place, settings.radiusKm, settings.lists, settings.askOnOpen, settings.sources]);

/** Open shops near the shopper that have it, and the nearest one's distance; null when none has it. */
function shopsWithIt(result: LookupResult): { count: number; nearestKm: number } | null {
  const summary = summarize(result);
  if (summary.verdict !== 'has-it') return null;
  const open = result.shops.filter((shop) => hasTheBook(shop) && !shop.closedForHolidays);
  return { count: shopsCounted(summary), nearestKm: Math.min(...open.map((shop) => shop.distanceKm)) };
}

/** Titles kept for the popup, all tabs together: a few long lists' worth. */
export const MAX_TITLES = 1_000;

export function createListService(deps: ListServiceDeps) {
  const { tabLists } = deps;
  /**
   * Titles the list script gave, by tab, view and book: the popup names the books with them. At most
   * MAX_TITLES, the oldest forgotten first (a planted list of thousands is not kept in memory).
   */
  const titles = new Map<string, string | null>();
  const titleKey = (tabId: number, view: string, isbn13: string) => `${tabId} ${view} ${isbn13}`;
  let lastMarksKey: string | null = null;

  /**
   * What touches a tab's stored list runs one at a time, in the order it came: answers arrive
   * together, and a page that starts a new view while the popup asks must not have it overwritten or
   * forgotten by work on the view before.
   */
  const inOrder = createTabLine();
  /** Changes the tab's stored list (null: leaves it as it is). */
  function update(tabId: number, change: (list: TabList) => TabList | null): Promise<TabList | null> {
    return inOrder(tabId, async () => {
      const list = await tabLists.get(tabId);
      const changed = list && change(list);
      if (changed) await tabLists.set(tabId, changed);
      return changed;
    });
  }

  async function request(isbn13: string): Promise<{ lookup: Lookup; request: LookupRequest } | null> {
    const settings = await deps.settings.load();
    const request = requestNearShopper(settings, isbn13);
    return request && { lookup: deps.lookupFor(settings), request };
  }

  const queue: ListQueue<LookupResult | null> = createListQueue<LookupResult | null>({
    now: deps.now,
    cached: async (isbn13) => {
      const asked = await request(isbn13);
      return asked ? asked.lookup.cachedOnly(asked.request) : null;
    },
    lookup: async (isbn13) => {
      const asked = await request(isbn13);
      return asked ? asked.lookup(asked.request) : null;
    },
    answer: (tabId, isbn13, result, view) => void answered(tabId, view, isbn13, result),
    later: deps.later ?? ((run, ms) => void setTimeout(run, ms)),
    onStarted: (times) => void deps.lookupTimes?.save(times).catch(() => {}),
    perMinute: deps.perMinute,
  });
  /** The lookups a worker before this one started, counted before this one asks anything. */
  const restored = (deps.lookupTimes?.load() ?? Promise.resolve([])).then(
    (times) => queue.restore(times),
    () => {},
  );

  async function answered(tabId: number, view: string, isbn13: string, result: LookupResult | null): Promise<void> {
    const found = result && shopsWithIt(result);
    let counted: { count: number; checked: number } | null = null;
    await update(tabId, (list) => {
      // The page moved on while this answer was on its way.
      if (list.view !== view) return null;
      // A book is answered once per view (the queue), so it is new to the list, and one more checked.
      const book: ListedBook | null = found && { isbn13, title: titles.get(titleKey(tabId, view, isbn13)) ?? null, ...found };
      const books = book ? [...list.books, book].sort((a, b) => a.nearestKm - b.nearestKm) : list.books;
      counted = { count: books.length, checked: list.checked + 1 };
      return { ...list, books, checked: counted.checked };
    });
    // Every answer is said, a 0 too: the page then stops waiting for that book.
    await deps.sendToTab(tabId, { type: 'ListMark', view, isbn13, count: found?.count ?? 0 }).catch(() => {});
    if (counted) await deps.badge.showListCount(tabId, counted);
  }

  return {
    /**
     * A list page's new view: remembered for the tab, and whether its books get marks. The kind comes
     * from the address the page was loaded at, not the tab's current one (`url`), which the page's own
     * scripts may have rewritten; the two must share their origin.
     */
    shown(tabId: number, url: string, { view, address }: ListShown): Promise<ListAnswer> {
      const kind = sameOrigin(address, url) ? listKindOf(address) : null;
      if (!kind) return Promise.resolve({ marks: false });
      return inOrder(tabId, async () => {
        const settings = await deps.settings.load();
        lastMarksKey ??= marksKey(settings);
        const marks = marksOn(settings, kind);
        queue.view(tabId, view);
        await tabLists.set(tabId, { kind, storefront: storefrontOf(new URL(address).hostname)!, view, marks, books: [], checked: 0 });
        await deps.badge.showListCount(tabId, { count: 0, checked: 0 });
        return { marks };
      });
    },
    async seen(tabId: number, { view, isbn13, title }: ListSeen): Promise<void> {
      const list = await tabLists.get(tabId);
      if (!list || list.view !== view || !list.marks) return;
      titles.set(titleKey(tabId, view, isbn13), title);
      while (titles.size > MAX_TITLES) titles.delete(titles.keys().next().value!);
      await restored;
      await queue.seen(tabId, view, isbn13);
    },
    unseen(tabId: number, { view, isbn13 }: ListUnseen): void {
      queue.unseen(tabId, view, isbn13);
    },
    /** A book's mark was clicked: the popup opens on that book. */
    async open(tabId: number, { isbn13 }: ListOpen): Promise<void> {
      await update(tabId, (list) => ({ ...list, chosen: isbn13 }));
      await deps.openResults(tabId);
    },
    /**
     * The tab's list, for the popup, if the tab still shows it (without the "tabs" permission the worker
     * is not told when a tab leaves a list for a page that is none: the page is asked); a chosen book is given once.
     */
    async state(tabId: number): Promise<TabList | null> {
      const list = await tabLists.get(tabId);
      if (!list) return null;
      const answer = (await deps.askTab(tabId, { type: 'StillListing' }).catch(() => null)) as { view?: unknown } | null;
      // No list script answers: the tab has left the list. Another view: the page has started a new
      // one, whose ListShown is on its way (the popup is drawn again when it is stored).
      if (typeof answer?.view !== 'string') await inOrder(tabId, () => tabLists.forget(tabId));
      if (answer?.view !== list.view) return null;
      if (list.chosen) await update(tabId, ({ chosen: _chosen, ...rest }) => rest);
      return list;
    },
    closed(tabId: number): Promise<void> {
      queue.closed(tabId);
      for (const key of titles.keys()) if (key.startsWith(`${tabId} `)) titles.delete(key);
      return tabLists.forget(tabId);
    },
    /**
     * The settings changed: when it touches the marks (a place, a radius, the lists setting, the
     * sources), every list page starts again, with or without marks; its cached answers come back free.
     */
    async settingsChanged(): Promise<void> {
      const settings = await deps.settings.load();
      const key = marksKey(settings);
      if (key === lastMarksKey) return;
      lastMarksKey = key;
      await Promise.all(
        (await tabLists.tabs()).map(async (tabId) => {
          const list = await tabLists.get(tabId);
          if (list) await deps.sendToTab(tabId, { type: 'ListRestart', marks: marksOn(settings, list.kind) }).catch(() => {});
        }),
      );
    },
    /** How many books wait their turn (bench, tests). */
    waiting: () => queue.waiting(),
  };
}

export type ListService = ReturnType<typeof createListService>;

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
