// What the background does for tabs: remember their book, look it up near the shopper, keep the answer
// per tab, set the badge. Pure of browser APIs: stores, badge, lookup and geocoder are given.
import { countryOfStorefront, storefrontOfCountry } from '../book/storefronts';
import { createBusyTabs, createNewestTasks } from './tab-order';
import type { Lookup, LookupRequest } from '../lookup/lookup';
import { summarize } from '../lookup/summary';
import { headline } from '../shared/answer-words';
import type { LookupResult } from '../lookup/result';
import type { GeocoderFor } from '../networks/geocoders';
import type { BookSeen } from '../messages/content-to-worker';
import type { Search, SearchAnswer, SetPlace, SetPlaceAnswer, SetRadius, TabState } from '../messages/page-to-worker';
import type { ShowCard, StillShowing } from '../messages/worker-to-content';
import type { TabBook } from '../messages/session-records';
import { BookReport } from '../messages/content-to-worker';
import { isQuotaError } from '../shared/quota';
import { type Place, type Settings } from '../shared/settings';
import type { Badge } from './badge';
import { createBookThrottle, type BookThrottle } from './book-throttle';
import type { SettingsStore, TabLookups } from './stores';
import type { TabBooks } from './tab-books';

export interface TabServiceDeps {
  tabBooks: TabBooks;
  tabLookups: TabLookups;
  settings: SettingsStore;
  badge: Badge;
  /** The lookup, built from the current settings' sources. */
  lookupFor: (settings: Settings) => Lookup;
  /** The geocoder, built from the current settings' addresses: a typed place, or the town at a position. */
  geocoderFor: GeocoderFor;
  now: () => number;
  askTab: (tabId: number, question: StillShowing) => Promise<unknown>;
  /** Tabs that currently have a remembered book (to refresh them when the place changes). */
  tabsWithBooks: () => Promise<number[]>;
  isOnline: () => boolean;
  /** Shows (or updates) the card on the tab's page; the caller decides whether cards are wanted. */
  showCard: (tabId: number, card: ShowCard) => Promise<void>;
  /** Takes a card off the page (the answer has nothing to show). */
  hideCard?: (tabId: number) => Promise<void>;
  /** How often a tab may bring a new book (default: BOOK_LIMITS, on `now`). */
  throttle?: BookThrottle;
  /** Runs `run` in `ms` (a timer; tests pass their own). */
  later?: (ms: number, run: () => void) => void;
}

/**
 * A book looked up near the shopper for no tab's page in particular (an ISBN typed in the popup, a list
 * page's book): its own edition only, the portals of the place's country. Null before a place is set.
 */
export function requestNearShopper(settings: Settings, isbn13: string): LookupRequest | null {
  if (!settings.place) return null;
  return { isbn13, editions: [isbn13], storefront: storefrontOfCountry(settings.place.country), place: settings.place, radiusKm: settings.radiusKm };
}

/** How a lookup was asked for: `fromPopup`, the popup is open (its sources asked only then are asked too). */
interface Asked {
  fromPopup?: boolean;
}

/** The sources that cover the country and are asked only once the popup is open. */
function onDemandSources(lookup: Lookup, country: string): Array<{ sourceId: string; name: string }> {
  const always = new Set(lookup.sourcesFor(country).map((source) => source.id));
  return lookup.sourcesFor(country, true).flatMap((source) => (always.has(source.id) ? [] : [{ sourceId: source.id, name: source.name }]));
}

/** The ISBN a tab's book is asked about: its own, or its first print edition's (a Kindle page's). */
const isbnToAsk = (book: Pick<TabBook, 'isbn13' | 'editions'>) => book.isbn13 ?? book.editions[0] ?? null;

const sameBook = (a: Omit<TabBook, 'storefront' | 'seenAt'>, b: Omit<TabBook, 'storefront' | 'seenAt'>) =>
  a.isbn13 === b.isbn13 && a.asin === b.asin && a.kind === b.kind && a.editions.join() === b.editions.join();

export function createTabService(deps: TabServiceDeps) {
  const { tabBooks, tabLookups, badge } = deps;
  const throttle = deps.throttle ?? createBookThrottle(deps.now);
  const later = deps.later ?? ((ms: number, run: () => void) => void setTimeout(run, ms));
  /** Tabs held back by the throttle, asked again (for the book they show then) when it lets them. */
  const retrying = new Set<number>();
  function retryWhenAllowed(tabId: number, retryAt: number): void {
    if (retrying.has(tabId)) return;
    retrying.add(tabId);
    later(Math.max(0, retryAt - deps.now()), () => {
      retrying.delete(tabId);
      const gate = throttle.admit(tabId);
      if (gate.admitted) void refresh(tabId);
      else retryWhenAllowed(tabId, gate.retryAt);
    });
  }

  /** Tabs this worker is reading or asking about right now (tab-order.ts). */
  const busy = createBusyTabs();
  /** Each tab's newest task: a lookup writes its progress and answer only while it is the newest. */
  const tasks = createNewestTasks();

  const refresh = (tabId: number, seen?: TabBook, asked: Asked = {}) => busy.with(tabId, () => lookUp(tabId, seen, asked));

  /**
   * A lookup found the browser offline. A service worker is not told reliably when the network comes
   * back, so the next page the shopper opens, once online, has the tabs cut short asked again too.
   */
  let offlineSeen = false;
  function askAgainIfBackOnline(): void {
    if (!offlineSeen || !deps.isOnline()) return;
    offlineSeen = false;
    void networkBack();
  }

  async function lookUp(tabId: number, seen?: TabBook, { fromPopup = false }: Asked = {}): Promise<void> {
    const stillNewest = tasks.start(tabId);
    const book = seen ?? (await tabBooks.get(tabId));
    if (!book) return;
    const isbn13 = isbnToAsk(book);
    const settings = await deps.settings.load();
    if (!settings.place || !isbn13) {
      await Promise.all([tabLookups.set(tabId, { state: 'no-place', isbn13 }), badge.showNoPlace(tabId, book.isbn13)]);
      // The one start a new shopper is given on the page: a card that opens the place form.
      if (!settings.place && isbn13) {
        await deps.showCard(tabId, { type: 'ShowCard', needsPlace: true, country: countryOfStorefront(book.storefront) }).catch(() => {});
      }
      return;
    }
    const lookup = deps.lookupFor(settings);
    const progress = lookup.sourcesFor(settings.place.country, fromPopup).map((source) => ({ sourceId: source.id, name: source.name, state: 'waiting' }));
    const startedAt = deps.now();
    // The popup opened on an answer: it stays on screen while the sources asked only from the popup
    // answer (the others answer from their cache), instead of going back to "asking".
    const shown = fromPopup ? await tabLookups.get(tabId) : null;
    const keepShown = shown?.state === 'done' && shown.result.isbn13 === isbn13 ? shown : null;
    // "Asking" and the book's badge are written while the sources are asked, not before: from a warm
    // cache the answer comes in a few milliseconds. Progress follows as sources answer: one write at a
    // time, answers that arrive together share one write, none once the lookup is over.
    let writes: Promise<unknown> = keepShown
      ? tabLookups.set(tabId, { ...keepShown, alsoAsking: onDemandSources(lookup, settings.place.country) })
      : Promise.all([tabLookups.set(tabId, { state: 'asking', isbn13, startedAt, progress }), badge.showBookSeen(tabId, book.isbn13)]);
    let queued = false;
    let finished = false;
    const request: LookupRequest = {
      isbn13,
      editions: book.editions,
      storefront: book.storefront,
      place: settings.place,
      radiusKm: settings.radiusKm,
      fromPopup,
      onSourceDone: (status) => {
        const entry = progress.find((p) => p.sourceId === status.sourceId);
        if (entry) entry.state = status.state;
        if (queued || keepShown) return;
        queued = true;
        writes = writes.then(async () => {
          queued = false;
          if (!finished && stillNewest()) await tabLookups.set(tabId, { state: 'asking', isbn13, startedAt, progress: progress.map((p) => ({ ...p })) });
        });
      },
    };
    const result = await lookup(request);
    finished = true;
    if (result.sources.some((source) => source.state === 'offline')) offlineSeen = true;
    // The tab may have moved on to another book while we asked (here, or in a worker before this one).
    const [current] = await Promise.all([tabBooks.get(tabId), writes]);
    if (!stillNewest() || !current || !sameBook(current, book)) return;
    await Promise.all([tabLookups.set(tabId, { state: 'done', result }), showAnswer(tabId, result, book.storefront)]);
  }

  async function showAnswer(tabId: number, result: LookupResult, storefront: string): Promise<void> {
    const summary = summarize(result);
    await badge.showAnswer(tabId, summary);
    // The card speaks only when it has shops to count (the popup says the rest): never "nothing here".
    if (headline(summary)) {
      await deps.showCard(tabId, { type: 'ShowCard', summary, country: countryOfStorefront(storefront) }).catch(() => {});
    } else {
      await deps.hideCard?.(tabId).catch(() => {});
    }
  }

  const bookSeen = (tabId: number, storefront: string, message: BookSeen) => busy.with(tabId, () => rememberBook(tabId, storefront, message));

  async function rememberBook(tabId: number, storefront: string, message: BookSeen): Promise<void> {
    askAgainIfBackOnline();
    tasks.start(tabId);
    const { type: _type, ...book } = message;
    const previous = await tabBooks.get(tabId);
    const stored: TabBook = { ...book, storefront, seenAt: deps.now() };
    await tabBooks.set(tabId, stored);
    const known = previous && sameBook(previous, book) && previous.storefront === storefront ? await tabLookups.get(tabId) : null;
    if (known?.state === 'done') {
      // The same book again (a reload, or back from the page cache): the browser has reset the badge, the answer stands.
      await showAnswer(tabId, known.result, storefront);
      return;
    }
    const settings = await deps.settings.load();
    if (await waitsForPopup(tabId, stored, settings)) return;
    // A new book: a page that changes its book over and over is asked about at a measured pace (only
    // once there is a place: before that nothing is asked of anyone).
    const gate = settings.place ? throttle.admit(tabId) : ({ admitted: true } as const);
    if (!gate.admitted) {
      await Promise.all([tabLookups.set(tabId, { state: 'throttled', isbn13: isbnToAsk(stored), retryAt: gate.retryAt }), badge.showThrottled(tabId)]);
      retryWhenAllowed(tabId, gate.retryAt);
      return;
    }
    await lookUp(tabId, stored);
  }

  /**
   * The shopper chose that nothing be sent while browsing: the book waits, with "…" on the badge,
   * until the popup opens for this tab. True when it waits.
   */
  async function waitsForPopup(tabId: number, book: TabBook, settings: Settings): Promise<boolean> {
    if (!settings.askOnOpen || !settings.place) return false;
    await Promise.all([tabLookups.set(tabId, { state: 'waiting', isbn13: isbnToAsk(book) }), badge.showWaiting(tabId)]);
    return true;
  }

  async function bookGone(tabId: number): Promise<void> {
    tasks.start(tabId);
    await Promise.all([tabBooks.forget(tabId), tabLookups.forget(tabId), badge.clear(tabId)]);
  }

  /**
   * The remembered book, if the tab still shows it. The browser resets a tab's badge when it navigates,
   * but tells us nothing (without the "tabs" permission) when a tab leaves Amazon: so ask the page.
   */
  async function currentBook(tabId: number): Promise<TabBook | null> {
    const remembered = await tabBooks.get(tabId);
    if (!remembered) return null;
    const answer = BookReport.safeParse(await deps.askTab(tabId, { type: 'StillShowing' }).catch(() => null));
    if (answer.success && answer.data.type === 'BookSeen') {
      if (sameBook(answer.data, remembered)) return remembered;
      await bookSeen(tabId, remembered.storefront, answer.data);
      return tabBooks.get(tabId);
    }
    await Promise.all([tabBooks.forget(tabId), tabLookups.forget(tabId)]);
    return null;
  }

  async function tabState(tabId: number): Promise<TabState> {
    const [book, settings] = await Promise.all([currentBook(tabId), deps.settings.load()]);
    const place = settings.place ? { label: settings.place.label, country: settings.place.country, radiusKm: settings.radiusKm, foundBy: settings.place.foundBy } : null;
    const lookup = book ? await tabLookups.get(tabId) : null;
    // Asked again: a lookup a stopped worker left unfinished, or one storage had no room to keep.
    const orphaned =
      book && !busy.has(tabId) && (lookup === null || lookup.state === 'asking' || (lookup.state === 'throttled' && !retrying.has(tabId) && deps.now() >= lookup.retryAt));
    // The worker may have slept through the network's return: the popup opening is the next chance.
    // Only for 'offline', which cannot come back while the browser is online (no retry loop).
    const cutOff = book && deps.isOnline() && cutShort(lookup, ['offline']);
    if (orphaned || cutOff) void refresh(tabId, undefined, { fromPopup: true });
    // Waiting for the popup, which is now open: ask.
    if (book && lookup?.state === 'waiting') {
      void refresh(tabId, undefined, { fromPopup: true });
      return { book, lookup: { state: 'asking', isbn13: lookup.isbn13, startedAt: deps.now(), progress: [] }, place };
    }
    // An answer found while browsing: the sources asked only from the popup are asked now, beside it.
    const onDemand = lookup?.state === 'done' && !lookup.result.onDemandAsked && settings.place && !busy.has(tabId) ? onDemandSources(deps.lookupFor(settings), settings.place.country) : [];
    if (book && lookup?.state === 'done' && onDemand.length > 0) {
      void refresh(tabId, undefined, { fromPopup: true });
      return { book, lookup: { ...lookup, alsoAsking: onDemand }, place };
    }
    return { book, lookup, place };
  }

  async function setPlace(message: SetPlace): Promise<SetPlaceAnswer> {
    const settings = await deps.settings.load();
    let place: Place;
    if (message.position) {
      place = await deps.geocoderFor(settings).placeAt(message.position, message.country);
    } else {
      const outcome = await deps.geocoderFor(settings).geocode(message.query ?? '', message.country);
      if (!outcome.ok) return { ok: false, reason: outcome.reason };
      place = outcome.place;
    }
    try {
      await deps.settings.save({ ...settings, place, radiusKm: message.radiusKm ?? settings.radiusKm });
    } catch (error) {
      if (isQuotaError(error)) return { ok: false, reason: 'storage-full' };
      throw error;
    }
    await refreshAll();
    return { ok: true, label: place.label, lat: place.lat, lon: place.lon };
  }

  /** Failures the network's return can mend; a source that timed out or refused is retried by the shopper. */
  const cutShort = (lookup: Awaited<ReturnType<TabLookups['get']>>, states: string[]) =>
    lookup?.state === 'done' && lookup.result.sources.some((source) => states.includes(source.state));

  /** The browser is online again: ask again for every tab whose answer the lost network cut short. */
  async function networkBack(): Promise<void> {
    if ((await deps.settings.load()).askOnOpen) return;
    const tabIds = await deps.tabsWithBooks();
    await Promise.all(tabIds.map(async (tabId) => (cutShort(await tabLookups.get(tabId), ['offline', 'unreachable']) ? refresh(tabId) : undefined)));
  }

  /** After a change of place or radius: every tab asked again, or, by the shopper's choice, waiting for its popup. */
  async function refreshAll(): Promise<void> {
    const settings = await deps.settings.load();
    await Promise.all(
      (await deps.tabsWithBooks()).map(async (tabId) => {
        const book = await tabBooks.get(tabId);
        if (!book || !(await waitsForPopup(tabId, book, settings))) await refresh(tabId);
      }),
    );
  }

  async function setRadius({ radiusKm }: SetRadius): Promise<void> {
    await deps.settings.save({ ...(await deps.settings.load()), radiusKm });
    await refreshAll();
  }

  /** A book typed in the popup (on a page that is not a book): the same lookup, for no tab. */
  async function search({ isbn13 }: Search): Promise<SearchAnswer> {
    const settings = await deps.settings.load();
    const request = requestNearShopper(settings, isbn13);
    if (!request) return { state: 'no-place' };
    // Typed in the open popup: the sources asked only from it (the library catalogues) are asked too.
    return { state: 'done', result: await deps.lookupFor(settings)({ ...request, fromPopup: true }) };
  }

  return { bookSeen, bookGone, tabState, setPlace, setRadius, search, refresh, networkBack };
}

export type TabService = ReturnType<typeof createTabService>;
