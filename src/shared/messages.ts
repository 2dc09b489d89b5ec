// Every message between the parts, named by what it means, with the schema its receiver checks.
// Content scripts import only the types (no zod in the page); the background parses each message.
// zod/mini, as a namespace: its functions tree-shake, so the popup carries only the checks it uses.
import * as z from 'zod/mini';
import { isValidIsbn13 } from '../book/isbn';
import { LookupResultSchema, type LookupResult } from '../lookup/result';
import type { Place } from './settings';
import type { AnswerSummary } from '../lookup/summary';

export const Isbn13 = z.string().check(z.refine(isValidIsbn13, 'not a valid ISBN-13'));
export const PageKind = z.enum(['print', 'kindle', 'audiobook', 'not-a-book', 'unknown']);
export const Asin = z.string().check(z.regex(/^[A-Z0-9]{10}$/));

/** Content script → background: the tab's page shows this book (or print editions of it). */
export const BookSeen = z.object({
  type: z.literal('BookSeen'),
  isbn13: z.nullable(Isbn13),
  editions: z.array(Isbn13).check(z.maxLength(30)),
  kind: PageKind,
  source: z.string().check(z.maxLength(40)),
  asin: z.nullable(Asin),
});

/** Content script → background: the tab's page (after a soft navigation, or from the start) shows no book. */
export const BookGone = z.object({ type: z.literal('BookGone') });

/** Content script → background: the shopper clicked the card's link, or closed the card. */
export const OpenResults = z.object({ type: z.literal('OpenResults') });
export const DismissCard = z.object({ type: z.literal('DismissCard') });

export const ContentMessage = z.discriminatedUnion('type', [BookSeen, BookGone]);

/**
 * A list page's view: one load of the list (a new one after a reload or a return from the page cache),
 * named by the list script with a random word, so answers for a view the tab has left are dropped.
 */
const ViewId = z.string().check(z.regex(/^[a-z0-9]{6,32}$/));

/**
 * List script → background: the tab shows a list page. `address` is the one the page was loaded at, read
 * by the list script before any of the page's scripts ran (a page can rewrite its address with
 * history.replaceState, never its origin): the list's kind is read from it. Answered with ListAnswer.
 */
export const ListShown = z.object({ type: z.literal('ListShown'), view: ViewId, address: z.string().check(z.maxLength(4096)) });
/** List script → background: a book of the list has stayed in view a moment. */
export const ListSeen = z.object({ type: z.literal('ListSeen'), view: ViewId, isbn13: Isbn13, title: z.nullable(z.string().check(z.maxLength(300))) });
/** List script → background: that book left the view before it was answered. */
export const ListUnseen = z.object({ type: z.literal('ListUnseen'), view: ViewId, isbn13: Isbn13 });
/** List script → background: the shopper clicked a book's mark. */
export const ListOpen = z.object({ type: z.literal('ListOpen'), isbn13: Isbn13 });

export const ListMessage = z.discriminatedUnion('type', [ListShown, ListSeen, ListUnseen, ListOpen]);
export type ListMessage = z.infer<typeof ListMessage>;
export type ListShown = z.infer<typeof ListShown>;
export type ListSeen = z.infer<typeof ListSeen>;
export type ListUnseen = z.infer<typeof ListUnseen>;
export type ListOpen = z.infer<typeof ListOpen>;

/** The answer to ListShown: whether this shopper wants marks on this kind of list. */
export interface ListAnswer {
  marks: boolean;
}

/** Background → list script: a book of the view is answered: `count` open shops near the shopper have it (0: no mark). */
export interface ListMark {
  type: 'ListMark';
  view: string;
  isbn13: string;
  count: number;
}

/** Background → list script: is the tab still showing the list you spoke of? Answered with { view } by the list script, by nobody once the tab has left the list. */
export interface StillListing {
  type: 'StillListing';
}

/** Background → list script: the settings changed (marks on or off, another place): start again, with marks or without. */
export interface ListRestart {
  type: 'ListRestart';
  marks: boolean;
}
export const CardMessage = z.discriminatedUnion('type', [OpenResults, DismissCard]);

/** Extension page (popup) → background: what is known about tab N. */
const TabId = z.int().check(z.nonnegative());
const RadiusKm = z.int().check(z.gte(1), z.lte(100));

export const TabStateRequest = z.object({ type: z.literal('TabState'), tabId: TabId });

/** Extension page → background: the shopper's place, as typed (geocoded there) or from the browser's position. */
export const SetPlace = z.object({
  type: z.literal('SetPlace'),
  query: z.optional(z.string().check(z.maxLength(1000))),
  position: z.optional(z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) })),
  country: z.string().check(z.regex(/^[a-z]{2}$/)),
  radiusKm: z.optional(RadiusKm),
});

/** Extension page → background: ask the sources again for tab N (after a failure). */
export const Retry = z.object({ type: z.literal('Retry'), tabId: TabId });

/** Extension page → background: a new radius (the "look further" button), then every book tab again. */
export const SetRadius = z.object({ type: z.literal('SetRadius'), radiusKm: RadiusKm });

/** Extension page → background: look a typed ISBN up near the shopper, for no tab in particular. */
export const Search = z.object({ type: z.literal('Search'), isbn13: Isbn13 });

/** Options page → background: forget what the extension stored (the settings too, when asked). */
export const ForgetStored = z.object({ type: z.literal('ForgetStored'), settingsToo: z.boolean() });
export type ForgetStored = z.infer<typeof ForgetStored>;

export const PageMessage = z.discriminatedUnion('type', [TabStateRequest, SetPlace, Retry, SetRadius, Search, ForgetStored]);

/** Background → content script: is the tab still showing the book you reported? Answered with BookSeen or BookGone. */
export interface StillShowing {
  type: 'StillShowing';
}

export type BookSeen = z.infer<typeof BookSeen>;
export type BookGone = z.infer<typeof BookGone>;
export type ContentMessage = z.infer<typeof ContentMessage>;
export type TabStateRequest = z.infer<typeof TabStateRequest>;
export type PageMessage = z.infer<typeof PageMessage>;
export type SetPlace = z.infer<typeof SetPlace>;
export type Retry = z.infer<typeof Retry>;
export type SetRadius = z.infer<typeof SetRadius>;
export type Search = z.infer<typeof Search>;
export type CardMessage = z.infer<typeof CardMessage>;

/** Background → content script: what the card on the page says (nothing is shown without it). */
export interface ShowCard {
  type: 'ShowCard';
  /** The answer, summed up once for the badge, the card and the popup alike (lookup/summary.ts). */
  summary?: AnswerSummary;
  /** The storefront's country, for the French fixed-price reminder. */
  country: string;
  /** No place yet: the card invites the shopper to set their town instead of counting shops. */
  needsPlace?: boolean;
}

/** Background → content script: take the card away (the answer has nothing to show). */
export interface HideCard {
  type: 'HideCard';
}

/** A book remembered for a tab, in storage.session under tabBookKey(tabId). */
export const TAB_BOOK_PREFIX = 'tab:';
export const tabBookKey = (tabId: number) => `${TAB_BOOK_PREFIX}${tabId}`;

export const TabBook = z.extend(z.omit(BookSeen, { type: true }), {
  /** The storefront it was seen on (amazon.fr …), which later picks the national portals; never the page address. */
  storefront: z.string().check(z.maxLength(20)),
  seenAt: z.number(),
});
export type TabBook = z.infer<typeof TabBook>;

/** A tab's lookup, in storage.session under tabLookupKey(tabId). */
export const TAB_LOOKUP_PREFIX = 'lookup:';
export const tabLookupKey = (tabId: number) => `${TAB_LOOKUP_PREFIX}${tabId}`;
export const TabLookup = z.discriminatedUnion('state', [
  z.object({ state: z.literal('no-place'), isbn13: z.nullable(z.string()) }),
  z.object({
    state: z.literal('asking'),
    isbn13: z.nullable(z.string()),
    startedAt: z.number(),
    /** Each source asked, 'waiting' until it answers. */
    progress: z._default(z.array(z.object({ sourceId: z.string(), name: z.string(), state: z.string() })), []),
  }),
  z.object({
    state: z.literal('done'),
    result: LookupResultSchema,
  }),
  /** The shopper asks that nothing be sent while browsing: looked up when the popup opens. */
  z.object({ state: z.literal('waiting'), isbn13: z.nullable(z.string()) }),
  /** The page changed its book too often: asked again at retryAt, for the book it shows then. */
  z.object({ state: z.literal('throttled'), isbn13: z.nullable(z.string()), retryAt: z.number() }),
]);
export type TabLookup = z.infer<typeof TabLookup>;

/** A list page's books that shops near the shopper have, as the popup lists them (nearest first). */
export const TAB_LIST_PREFIX = 'list:';
export const tabListKey = (tabId: number) => `${TAB_LIST_PREFIX}${tabId}`;
export const ListedBook = z.object({
  isbn13: Isbn13,
  title: z.nullable(z.string().check(z.maxLength(300))),
  /** Open shops near the shopper that have it. */
  count: z.int().check(z.gte(1)),
  /** The nearest of them, in km. */
  nearestKm: z.number().check(z.gte(0)),
});
export type ListedBook = z.infer<typeof ListedBook>;
/** A tab's list page, in storage.session under tabListKey(tabId). */
export const TabList = z.object({
  kind: z.enum(['search', 'wishlist', 'bestsellers']),
  storefront: z.string().check(z.maxLength(20)),
  view: z.string().check(z.maxLength(32)),
  marks: z.boolean(),
  books: z.array(ListedBook).check(z.maxLength(200)),
  /** How many of the page's books have been looked up in this view so far (answered, with a shop or not). */
  checked: z._default(z.int().check(z.gte(0)), 0),
  /** The book whose mark the shopper clicked, for the popup to open on. */
  chosen: z.optional(Isbn13),
});
export type TabList = z.infer<typeof TabList>;

/** The answer to TabState. */
export interface TabState {
  book: TabBook | null;
  lookup: TabLookup | null;
  /** The tab shows a list page (then `book` is null). */
  list?: TabList | null;
  place: { label: string; country: string; radiusKm: number; foundBy?: Place['foundBy'] } | null;
}

/** The answer to SetPlace. */
/** The place saved: its label, and its point rounded as stored (a campaign's form checks it against its area). */
export type SetPlaceAnswer = { ok: true; label: string; lat: number; lon: number } | { ok: false; reason: string };

/** The answer to Search. */
export type SearchAnswer = { state: 'no-place' } | { state: 'done'; result: LookupResult };
