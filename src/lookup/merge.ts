// From every source's shops to the list a shopper reads: within the radius, each shop once, those
// that have the book first, then the nearest.
import { distanceKm } from './geo';
import type { LatLon, Shop, ShopNearby, StockState } from './shop';

const STOCK_ORDER: Record<StockState, number> = { 'in-stock': 0, preorder: 1, unknown: 2, 'out-of-stock': 3 };

/** Shops this close with a similar name, or with the same phone number, are the same shop. */
const SAME_SHOP_KM = 0.15;

const normalName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(?:librairie|libreria|buchhandlung|bookshop|bookstore|books?|la|le|les|l|de|du|des|the)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
const normalPhone = (phone?: string) => {
  const digits = phone?.replace(/\D/g, '').replace(/^(?:00)?33/, '0') ?? '';
  return digits.length >= 8 ? digits : '';
};

function sameShop(a: Shop, b: Shop): boolean {
  if (normalPhone(a.phone) && normalPhone(a.phone) === normalPhone(b.phone)) return true;
  if (!a.location || !b.location || distanceKm(a.location, b.location) > SAME_SHOP_KM) return false;
  const [x, y] = [normalName(a.name), normalName(b.name)];
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** Keeps the shop with stock information and fills its gaps (hours, website, point) from the other. */
function combine(kept: Shop, other: Shop): Shop {
  return {
    ...kept,
    location: kept.location ?? other.location,
    phone: kept.phone ?? other.phone,
    website: kept.website ?? other.website,
    openingHours: kept.openingHours ?? other.openingHours,
    address: { ...other.address, ...Object.fromEntries(Object.entries(kept.address).filter(([, v]) => v)) },
  };
}

/** Merges shops in the order given (stock sources first), each real shop once. */
export function mergeShops(shops: Shop[]): Shop[] {
  const merged: Shop[] = [];
  for (const shop of shops) {
    const index = merged.findIndex((kept) => sameShop(kept, shop));
    if (index < 0) merged.push(shop);
    else merged[index] = combine(merged[index]!, shop);
  }
  return merged;
}

/**
 * Distances from the place, shops beyond the radius dropped, sorted by stock then distance. A shop
 * without a usable point cannot be said to be near: it is left out (the lookup counts those per source).
 */
export function nearbyShops(shops: Shop[], place: LatLon, radiusKm: number): ShopNearby[] {
  return shops
    .filter((shop): shop is Shop & { location: LatLon } => shop.location !== null)
    .map((shop) => ({ ...shop, distanceKm: Math.round(distanceKm(place, shop.location) * 10) / 10 }))
    .filter((shop) => shop.distanceKm <= radiusKm)
    .sort((a, b) => STOCK_ORDER[a.stock] - STOCK_ORDER[b.stock] || a.distanceKm - b.distanceKm || a.name.localeCompare(b.name));
}
