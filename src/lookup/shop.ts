// The common shape every source's shops are mapped to (research/networks.md section 10, trimmed to
// what the extension shows). Text from the network stays text; links are kept only when http(s).
import * as z from 'zod';

export type StockState = 'in-stock' | 'preorder' | 'out-of-stock' | 'unknown';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Shop {
  /** `${sourceId}:${nativeId}`, stable across lookups. */
  id: string;
  sourceId: string;
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

/** The shop has this book (or the other edition it is listed for) on its shelf, or takes pre-orders. */
export function hasTheBook(shop: Pick<Shop, 'stock'>): boolean {
  return shop.stock === 'in-stock' || shop.stock === 'preorder';
}

/** A shop as the lookup returns it: with its distance from the shopper, computed here. */
export interface ShopNearby extends Shop {
  distanceKm: number;
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Network text for display: control characters out, spaces folded, length capped. Still text, never HTML. */
export function cleanText(value: unknown, maxLength = 200): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Only http(s) links survive: javascript:, data: and the rest are dropped. */
export function safeLink(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A coordinate from a number or a string ("46.2", " 5,22 "), or null when it is not a finite number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(',', '.');
  if (!/^-?\d{1,3}(?:\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** A point on Earth, or null. */
export function validPoint(lat: number | null, lon: number | null): LatLon | null {
  if (lat === null || lon === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  if (lat === 0 && lon === 0) return null; // "Null Island": an empty field read as zero
  return { lat, lon };
}

/** The schema of a stored shop (cache entries are parsed again when read back). */
export const ShopSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  name: z.string(),
  address: z.object({ street: z.string().optional(), postalCode: z.string().optional(), city: z.string().optional(), country: z.string().optional() }),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).nullable(),
  phone: z.string().optional(),
  website: z.string().optional(),
  openingHours: z.string().optional(),
  closedForHolidays: z.boolean().optional(),
  stock: z.enum(['in-stock', 'preorder', 'out-of-stock', 'unknown']),
  isbn13: z.string().nullable(),
  links: z.object({ book: z.string().optional(), reserve: z.string().optional() }),
}) satisfies z.ZodType<Shop>;
