// What a lookup answers, as one zod schema: the worker builds it, storage.session keeps it per tab,
// and the popup parses it back, so the three can never disagree on its shape.
import * as z from 'zod/mini';
import { SOURCE_PROBLEMS } from '../networks/fetch-source';
import { NetworkOfferSchema, ShopSchema } from '../shops/shop';

export const SourceStatusSchema = z.object({
  sourceId: z.string(),
  name: z.string(),
  kind: z.enum(['stock', 'directory', 'library', 'network']),
  state: z.enum(['ok', ...SOURCE_PROBLEMS]),
  /** Shops the source gave that could not be placed on a map (bad or missing coordinates). */
  unplaced: z.optional(z.number()),
  httpStatus: z.optional(z.number()),
  /** rate-limited: when the source may be asked again (ms since epoch). */
  retryAt: z.optional(z.number()),
  fromCache: z.optional(z.boolean()),
  /** What a refusal or a source's own error said (server header, start of the body), as text for a bug report. */
  detail: z.optional(z.object({ server: z.optional(z.string().check(z.maxLength(100))), body: z.optional(z.string().check(z.maxLength(200))) })),
  /** needs-permission: the host permission to ask the shopper for, e.g. https://overpass-api.de/* */
  origin: z.optional(z.string()),
});
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const LookupResultSchema = z.object({
  isbn13: z.string(),
  place: z.object({ lat: z.number(), lon: z.number() }),
  radiusKm: z.number(),
  /** Each with its distance from the shopper, computed here. */
  shops: z.array(z.extend(ShopSchema, { distanceKm: z.number() })),
  sources: z.array(SourceStatusSchema),
  /** Some stock network covers the shopper's country (false: nobody can say who has the book in stock). */
  stockCovered: z._default(z.boolean(), true),
  /** Stock networks that cover the shopper's country but are switched off in the options (their names). */
  networksOff: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)), []),
  /** What networks said for all their shops at once (Québec's leslibraires.ca), naming no shop. */
  offers: z._default(z.array(NetworkOfferSchema).check(z.maxLength(10)), []),
  /** Other print editions asked for, because no shop nearby had the exact one. */
  editionsAsked: z.array(z.string()),
  /** Links to the book on the storefront country's national portals. */
  portals: z.array(z.object({ id: z.string(), name: z.string(), url: z.string() })),
  finishedAt: z.number(),
  /** The sources asked only from the popup (a library catalogue) were asked, or had nothing to answer. */
  onDemandAsked: z._default(z.boolean(), false),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;
