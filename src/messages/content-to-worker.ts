// Content scripts → worker: what the page shows and what the shopper did there. The worker parses each
// message with these schemas (router.ts); the content scripts import only the types (no zod in the page).
// zod/mini, as a namespace: its functions tree-shake, so each page carries only the checks it uses.
import * as z from 'zod/mini';
import { isValidIsbn13 } from '../book/isbn';

export const Isbn13 = z.string().check(z.refine(isValidIsbn13, 'not a valid ISBN-13'));
export const PageKind = z.enum(['print', 'kindle', 'audiobook', 'not-a-book', 'unknown']);
export const Asin = z.string().check(z.regex(/^[A-Z0-9]{10}$/));

/** The tab's page shows this book (or print editions of it). Also the answer to StillShowing. */
export const BookSeen = z.object({
  type: z.literal('BookSeen'),
  isbn13: z.nullable(Isbn13),
  editions: z.array(Isbn13).check(z.maxLength(30)),
  kind: PageKind,
  source: z.string().check(z.maxLength(40)),
  asin: z.nullable(Asin),
});

/** The tab's page (after a soft navigation, or from the start) shows no book. */
export const BookGone = z.object({ type: z.literal('BookGone') });

export const BookReport = z.discriminatedUnion('type', [BookSeen, BookGone]);

/** The shopper clicked the card's link, or closed the card. */
export const OpenResults = z.object({ type: z.literal('OpenResults') });
export const DismissCard = z.object({ type: z.literal('DismissCard') });
export const CardMessage = z.discriminatedUnion('type', [OpenResults, DismissCard]);

/**
 * A list page's view: one load of the list (a new one after a reload or a return from the page cache),
 * named by the list script with a random word, so answers for a view the tab has left are dropped.
 */
const ViewId = z.string().check(z.regex(/^[a-z0-9]{6,32}$/));

/**
 * The tab shows a list page. `address` is the one the page was loaded at, read by the list script before
 * any of the page's scripts ran (a page can rewrite its address with history.replaceState, never its
 * origin): the list's kind is read from it. Answered with ListAnswer (worker-to-content.ts).
 */
export const ListShown = z.object({ type: z.literal('ListShown'), view: ViewId, address: z.string().check(z.maxLength(4096)) });
/** A book of the list has stayed in view a moment. */
export const ListSeen = z.object({ type: z.literal('ListSeen'), view: ViewId, isbn13: Isbn13, title: z.nullable(z.string().check(z.maxLength(300))) });
/** That book left the view before it was answered. */
export const ListUnseen = z.object({ type: z.literal('ListUnseen'), view: ViewId, isbn13: Isbn13 });
/** The shopper clicked a book's mark. */
export const ListOpen = z.object({ type: z.literal('ListOpen'), isbn13: Isbn13 });
export const ListMessage = z.discriminatedUnion('type', [ListShown, ListSeen, ListUnseen, ListOpen]);

export type BookSeen = z.infer<typeof BookSeen>;
export type BookGone = z.infer<typeof BookGone>;
export type BookReport = z.infer<typeof BookReport>;
export type CardMessage = z.infer<typeof CardMessage>;
export type ListMessage = z.infer<typeof ListMessage>;
export type ListShown = z.infer<typeof ListShown>;
export type ListSeen = z.infer<typeof ListSeen>;
export type ListUnseen = z.infer<typeof ListUnseen>;
export type ListOpen = z.infer<typeof ListOpen>;
