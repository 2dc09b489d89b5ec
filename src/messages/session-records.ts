// What the worker keeps per tab in storage.session, read back by the worker after a restart and by the
// popup and options pages: the book a tab shows (tab:N), its lookup (lookup:N), and its list page
// (list:N). Every read parses: a record of an older shape (after an update) reads as none.
import * as z from 'zod/mini';
import { LookupResultSchema } from '../lookup/result';
import { BookSeen, Isbn13 } from './content-to-worker';

export const TAB_BOOK_PREFIX = 'tab:';
export const TAB_LOOKUP_PREFIX = 'lookup:';
export const TAB_LIST_PREFIX = 'list:';
export const tabBookKey = (tabId: number) => `${TAB_BOOK_PREFIX}${tabId}`;
export const tabLookupKey = (tabId: number) => `${TAB_LOOKUP_PREFIX}${tabId}`;
export const tabListKey = (tabId: number) => `${TAB_LIST_PREFIX}${tabId}`;

/** A book remembered for a tab. */
export const TabBook = z.extend(z.omit(BookSeen, { type: true }), {
  /** The storefront it was seen on (amazon.fr …), which later picks the national portals; never the page address. */
  storefront: z.string().check(z.maxLength(20)),
  seenAt: z.number(),
});
export type TabBook = z.infer<typeof TabBook>;

/** A tab's lookup. */
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
    /** Sources asked only from the popup, asked now that it is open: the answer above stands meanwhile. */
    alsoAsking: z.optional(z.array(z.object({ sourceId: z.string(), name: z.string() })).check(z.maxLength(20))),
  }),
  /** The shopper asks that nothing be sent while browsing: looked up when the popup opens. */
  z.object({ state: z.literal('waiting'), isbn13: z.nullable(z.string()) }),
  /** The page changed its book too often: asked again at retryAt, for the book it shows then. */
  z.object({ state: z.literal('throttled'), isbn13: z.nullable(z.string()), retryAt: z.number() }),
]);
export type TabLookup = z.infer<typeof TabLookup>;

/** A list page's book that shops near the shopper have, as the popup lists them (nearest first). */
export const ListedBook = z.object({
  isbn13: Isbn13,
  title: z.nullable(z.string().check(z.maxLength(300))),
  /** Open shops near the shopper that have it. */
  count: z.int().check(z.gte(1)),
  /** The nearest of them, in km. */
  nearestKm: z.number().check(z.gte(0)),
});
export type ListedBook = z.infer<typeof ListedBook>;

/** A tab's list page. */
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

interface SessionArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
}

/** A stored record read with its schema: null when absent or of another shape. */
function readAs<T>(schema: z.ZodMiniType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Tab N's records as stored, each null when absent or of another shape. */
export async function readTabRecords(session: SessionArea, tabId: number): Promise<{ book: TabBook | null; lookup: TabLookup | null; list: TabList | null }> {
  const stored = await session.get([tabBookKey(tabId), tabLookupKey(tabId), tabListKey(tabId)]);
  return { book: readAs(TabBook, stored[tabBookKey(tabId)]), lookup: readAs(TabLookup, stored[tabLookupKey(tabId)]), list: readAs(TabList, stored[tabListKey(tabId)]) };
}

/** Every tab's book (the options page counts their storefronts); a record of another shape is left out. */
export async function readAllTabBooks(session: SessionArea): Promise<TabBook[]> {
  const stored = await session.get(null);
  return Object.entries(stored).flatMap(([key, value]) => {
    const book = key.startsWith(TAB_BOOK_PREFIX) ? readAs(TabBook, value) : null;
    return book ? [book] : [];
  });
}
