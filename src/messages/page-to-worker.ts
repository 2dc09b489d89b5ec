// Extension pages (popup, options, welcome) → worker: requests, each with the schema of its answer.
// The worker parses each request (router.ts); the pages send through ask() (src/ui/ask.ts), which
// parses the answer with the schema named here, so no page casts what comes back.
import * as z from 'zod/mini';
import { LookupResultSchema } from '../lookup/result';
import { Place } from '../shared/settings';
import { Isbn13 } from './content-to-worker';
import { TabBook, TabList, TabLookup } from './session-records';

const TabId = z.int().check(z.nonnegative());
const RadiusKm = z.int().check(z.gte(1), z.lte(100));

/** What is known about tab N. */
export const TabStateRequest = z.object({ type: z.literal('TabState'), tabId: TabId });

/** The shopper's place, as typed (geocoded there) or from the browser's position. */
export const SetPlace = z.object({
  type: z.literal('SetPlace'),
  query: z.optional(z.string().check(z.maxLength(1000))),
  position: z.optional(z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) })),
  country: z.string().check(z.regex(/^[a-z]{2}$/)),
  radiusKm: z.optional(RadiusKm),
});

/** Ask the sources again for tab N (after a failure). */
export const Retry = z.object({ type: z.literal('Retry'), tabId: TabId });

/** A new radius (the "look further" button), then every book tab again. */
export const SetRadius = z.object({ type: z.literal('SetRadius'), radiusKm: RadiusKm });

/** Look a typed ISBN up near the shopper, for no tab in particular. */
export const Search = z.object({ type: z.literal('Search'), isbn13: Isbn13 });

/** Forget what the extension stored (the settings too, when asked). */
export const ForgetStored = z.object({ type: z.literal('ForgetStored'), settingsToo: z.boolean() });

export const PageMessage = z.discriminatedUnion('type', [TabStateRequest, SetPlace, Retry, SetRadius, Search, ForgetStored]);

/** The answer to TabState. */
export const TabState = z.object({
  book: z.nullable(TabBook),
  lookup: z.nullable(TabLookup),
  /** The tab shows a list page (then `book` is null). */
  list: z.optional(z.nullable(TabList)),
  place: z.nullable(
    z.object({
      label: z.string(),
      country: z.string(),
      radiusKm: z.number(),
      foundBy: Place.shape.foundBy,
    }),
  ),
});

/** The answer to SetPlace: the place saved, its label and its point rounded as stored (a campaign's form checks it against its area). */
export const SetPlaceAnswer = z.union([
  z.object({ ok: z.literal(true), label: z.string(), lat: z.number(), lon: z.number() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/** The answer to Search. */
export const SearchAnswer = z.union([z.object({ state: z.literal('no-place') }), z.object({ state: z.literal('done'), result: LookupResultSchema })]);

/** Requests the worker answers with nothing a page reads. */
const Nothing = z.unknown();

/** Each request's answer, by the request's type: what ask() parses the worker's answer with. */
export const PAGE_ANSWERS = {
  TabState,
  SetPlace: SetPlaceAnswer,
  Retry: Nothing,
  SetRadius: Nothing,
  Search: SearchAnswer,
  ForgetStored: Nothing,
} satisfies Record<PageMessage['type'], z.ZodMiniType>;

export type PageMessage = z.infer<typeof PageMessage>;
export type TabStateRequest = z.infer<typeof TabStateRequest>;
export type SetPlace = z.infer<typeof SetPlace>;
export type Retry = z.infer<typeof Retry>;
export type SetRadius = z.infer<typeof SetRadius>;
export type Search = z.infer<typeof Search>;
export type ForgetStored = z.infer<typeof ForgetStored>;
export type TabState = z.infer<typeof TabState>;
export type SetPlaceAnswer = z.infer<typeof SetPlaceAnswer>;
export type SearchAnswer = z.infer<typeof SearchAnswer>;
/** The answer a page gets to `request`. */
export type AnswerTo<R extends PageMessage> = z.infer<(typeof PAGE_ANSWERS)[R['type']]>;
