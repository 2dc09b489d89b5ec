// From every source's shops to the list a shopper reads: within the radius, each shop once, those
// that have the book first, then the nearest.
import { distanceKm } from '../shops/geo';
import type { LatLon, Shop, ShopNearby, StockState } from '../shops/shop';

/** Which entry of one shop speaks for it: the one that knows most about the stock (a shop's own "not in stock" is known, "unknown" is not). */
const STOCK_KNOWLEDGE: Record<StockState, number> = { 'in-stock': 0, preorder: 1, 'on-loan': 2, 'out-of-stock': 3, unknown: 4 };
/** Where a shop goes in the list: those that may have it before those that said they do not. */
const STOCK_ORDER: Record<StockState, number> = { 'in-stock': 0, preorder: 1, 'on-loan': 2, unknown: 3, 'out-of-stock': 4 };

/** Two sources' entries this close with a similar name are one shop. */
const SAME_SHOP_KM = 0.15;
/** Two sources' entries sharing a phone number are one shop only this close (a head office answers for many). */
const SAME_PHONE_KM = 1;

const normalName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:librairie|libreria|buchhandlung|bookshop|bookstore|books?|la|le|les|l|de|du|des|the)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The digits of a phone number in national form, or '' when it cannot tell one shop: too short, or a placeholder. */
export function shopPhone(phone?: string): string {
  const digits = phone?.replace(/\D/g, '').replace(/^(?:00)?33/, '0') ?? '';
  if (digits.length < 8) return '';
  // "00 00 00 00 00", "05 55 55 55 55", "01 23 45 67 89": filled in by someone who had no number.
  if (new Set(digits.replace(/^0/, '')).size <= 2 || '0123456789'.includes(digits) || '9876543210'.includes(digits)) return '';
  return digits;
}

/** Whether entries from two different sources are one shop. */
function sameShop(a: Shop, b: Shop): boolean {
  // A library and the bookshop next door are two places, however alike their names.
  if (!a.location || !b.location || a.kind !== b.kind) return false;
  const km = distanceKm(a.location, b.location);
  const phone = shopPhone(a.phone);
  if (phone && phone === shopPhone(b.phone) && km <= SAME_PHONE_KM) return true;
  if (km > SAME_SHOP_KM) return false;
  const [x, y] = [normalName(a.name), normalName(b.name)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/**
 * One entry for a shop two sources list: the one that says more about stock is kept (so merging never
 * hides that a shop has the book), and its gaps (hours, website, point) are filled from the other.
 */
function combine(first: Shop, second: Shop): Shop {
  const [kept, other] = STOCK_KNOWLEDGE[second.stock] < STOCK_KNOWLEDGE[first.stock] ? [second, first] : [first, second];
  return {
    ...kept,
    location: kept.location ?? other.location,
    phone: kept.phone ?? other.phone,
    website: kept.website ?? other.website,
    openingHours: kept.openingHours ?? other.openingHours,
    links: { ...other.links, ...kept.links },
    address: { ...other.address, ...Object.fromEntries(Object.entries(kept.address).filter(([, v]) => v)) },
  };
}

/** Merges shops in the order given (stock sources first), each real shop once. */
export function mergeShops(shops: Shop[]): Shop[] {
  const merged: Array<{ shop: Shop; sources: Set<string> }> = [];
  for (const shop of shops) {
    // One source lists each of its shops once: an entry that already holds one of this source's
    // shops cannot take another of them, whatever they share.
    const entry = merged.find((kept) => !kept.sources.has(shop.sourceId) && sameShop(kept.shop, shop));
    if (!entry) {
      merged.push({ shop, sources: new Set([shop.sourceId]) });
    } else {
      entry.shop = combine(entry.shop, shop);
      entry.sources.add(shop.sourceId);
    }
  }
  return merged.map((entry) => entry.shop);
}

/** Where a shop goes in the list: those that have it first, those closed for holidays after every open shop. */
const listRank = (shop: Shop) => (shop.closedForHolidays ? 10 : 0) + STOCK_ORDER[shop.stock];

/**
 * Distances from the place, shops beyond the radius dropped, sorted by stock then distance, shops
 * closed for holidays last. A shop without a usable point cannot be said to be near: it is left out
 * (the lookup counts those per source).
 */
export function nearbyShops(shops: Shop[], place: LatLon, radiusKm: number): ShopNearby[] {
  return shops
    .filter((shop): shop is Shop & { location: LatLon } => shop.location !== null)
    .map((shop) => ({ ...shop, distanceKm: Math.round(distanceKm(place, shop.location) * 10) / 10 }))
    .filter((shop) => shop.distanceKm <= radiusKm)
    .sort((a, b) => listRank(a) - listRank(b) || a.distanceKm - b.distanceKm || a.name.localeCompare(b.name));
}
