// The common shape every source's shops are mapped to (research/networks.md section 10, trimmed to
// what the extension shows). Below the adapters (networks/) and the lookup alike; the cleaning of
// network text into this shape is in clean.ts beside it.
// zod/mini: the popup's bundle carries this schema, and mini's functions tree-shake (classic zod's methods do not).
import * as z from 'zod/mini';

/**
 * For a bookshop: on the shelf, on pre-order, not in stock, or nobody can say. For a library, 'in-stock'
 * is a copy on the shelf to borrow now and 'on-loan' is copies that are all out on loan (a hold can be
 * placed); 'out-of-stock' is a library that answered it holds no copy.
 */
export type StockState = 'in-stock' | 'preorder' | 'on-loan' | 'out-of-stock' | 'unknown';
export const STOCK_STATES = ['in-stock', 'preorder', 'on-loan', 'out-of-stock', 'unknown'] as const satisfies readonly StockState[];

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Shop {
  /** `${sourceId}:${nativeId}`, stable across lookups. */
  id: string;
  sourceId: string;
  /** 'library': a public library, which lends the book and never sells it; absent: a bookshop. */
  kind?: 'library';
  name: string;
  address: { street?: string; postalCode?: string; city?: string; country?: string };
  /** null: the source gave no usable point; the shop is listed, not mapped, and has no distance. */
  location: LatLon | null;
  phone?: string;
  website?: string;
  /** OpenStreetMap opening_hours syntax, kept for the popup to parse. */
  openingHours?: string;
  closedForHolidays?: boolean;
  stock: StockState;
  /** The edition the stock refers to (another print edition when the exact one is nowhere). */
  isbn13: string | null;
  links: { book?: string; reserve?: string };
}

/**
 * The bookshop has this book (or the other edition it is listed for) on its shelf, or takes pre-orders.
 * Never a library: one that lends it is not a shop that sells it (the badge and the card count these).
 */
export function hasTheBook(shop: Pick<Shop, 'stock' | 'kind'>): boolean {
  return shop.kind !== 'library' && (shop.stock === 'in-stock' || shop.stock === 'preorder');
}

export const isLibrary = (shop: Pick<Shop, 'kind'>) => shop.kind === 'library';

/** The library holds a copy the shopper can borrow: on its shelf now, or out on loan (a hold can be placed). */
export function canBorrow(shop: Pick<Shop, 'stock' | 'kind'>): boolean {
  return shop.kind === 'library' && (shop.stock === 'in-stock' || shop.stock === 'on-loan');
}

/** A shop as the lookup returns it: with its distance from the shopper, computed here. */
export interface ShopNearby extends Shop {
  distanceKm: number;
}

/**
 * What a network says for all its shops at once, naming none (Québec's leslibraires.ca): whether it
 * can sell the book, at what price, and where to order it. Never a shop's stock.
 */
export interface NetworkOffer {
  sourceId: string;
  name: string;
  available: boolean;
  price?: number;
  currency?: 'CAD';
  url?: string;
}

export const NetworkOfferSchema = z.object({
  sourceId: z.string().check(z.maxLength(60)),
  name: z.string().check(z.maxLength(100)),
  available: z.boolean(),
  price: z.optional(z.number().check(z.gt(0), z.lt(100_000))),
  currency: z.optional(z.literal('CAD')),
  url: z.optional(z.string().check(z.maxLength(2000))),
}) satisfies z.ZodMiniType<NetworkOffer>;

/** The schema of a stored shop (cache entries are parsed again when read back). */
export const ShopSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  kind: z.optional(z.literal('library')),
  name: z.string(),
  address: z.object({ street: z.optional(z.string()), postalCode: z.optional(z.string()), city: z.optional(z.string()), country: z.optional(z.string()) }),
  location: z.nullable(z.object({ lat: z.number().check(z.gte(-90), z.lte(90)), lon: z.number().check(z.gte(-180), z.lte(180)) })),
  phone: z.optional(z.string()),
  website: z.optional(z.string()),
  openingHours: z.optional(z.string()),
  closedForHolidays: z.optional(z.boolean()),
  stock: z.enum(STOCK_STATES),
  isbn13: z.nullable(z.string()),
  links: z.object({ book: z.optional(z.string()), reserve: z.optional(z.string()) }),
}) satisfies z.ZodMiniType<Shop>;
