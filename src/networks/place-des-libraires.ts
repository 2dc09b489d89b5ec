// Place des Libraires (Tite-Live / ePagine engine): getshoplist.php?ISBN= answers every shop of the
// network with a stock flag: each is kept, as having the book or as not having it. Only the ISBN is sent; distances are
// computed here. Undocumented, so every field is checked and anything odd becomes "no location" or a
// source status, never a crash. Its text fields carry HTML entities ("Saint Honor&eacute;": answers a
// public client recorded, research/networks.md section 11): decoded into characters, never into markup.
import * as z from 'zod/mini';
import { cleanEntityText, cleanText, isTrueFlag, parseCoordinate, safeLink, validPoint } from '../shops/clean';
import type { LatLon, Shop } from '../shops/shop';
import type { PlaceDesLibrairesInstance } from './place-des-libraires-instances';
import { nextLocalMidnight, withSlash, type RemoteSource, type SourceQuery } from './source';

const Field = z.nullish(z.union([z.string(), z.number()]));

const PdlShop = z.object({
  id: z.union([z.string(), z.number()]),
  name: Field,
  address: Field,
  postalCode: Field,
  city: Field,
  phone: Field,
  latitude: Field,
  longitude: Field,
  // Spelled so by the network.
  stockAvailablility: z.nullish(z.union([z.boolean(), z.string(), z.number()])),
  precommande: z.nullish(z.union([z.boolean(), z.string(), z.number()])),
  vacances: z.nullish(z.union([z.boolean(), z.string(), z.number()])),
});

const PdlAnswer = z.object({ shop: z.array(z.unknown()) });

/** Metropolitan France and Corsica, roughly: to catch latitude and longitude given the wrong way round. */
const FRANCE = { south: 41.2, north: 51.2, west: -5.3, east: 9.7 };
const inFrance = (p: LatLon) => p.lat >= FRANCE.south && p.lat <= FRANCE.north && p.lon >= FRANCE.west && p.lon <= FRANCE.east;

function location(lat: number | null, lon: number | null, postalCode: string | undefined): LatLon | null {
  const point = validPoint(lat, lon);
  const swapped = validPoint(lon, lat);
  // A French shop whose point lands inside France only once swapped was swapped. (A point in France
  // never swaps into it: its longitude is under 10°, no latitude of France is.)
  if (postalCode && /^\d{5}$/.test(postalCode) && !/^9[78]/.test(postalCode) && swapped && inFrance(swapped)) {
    return swapped;
  }
  return point;
}

export function placeDesLibraires(instance: Omit<PlaceDesLibrairesInstance, 'coverage'>): RemoteSource {
  const base = withSlash(instance.baseUrl);
  const bookPage = (isbn13: string) => `${base}livre/${isbn13}`;
  return {
    id: instance.id,
    name: instance.name,
    kind: 'stock',
    perBook: true,
    countries: instance.countries ?? ['fr'],
    request({ isbn13 }: SourceQuery) {
      const url = `${base}getshoplist.php?ISBN=${encodeURIComponent(isbn13)}`;
      return { url, cacheKey: url };
    },
    shops(data, { isbn13 }) {
      const answer = PdlAnswer.safeParse(data);
      if (!answer.success) return null;
      const shops: Shop[] = [];
      for (const raw of answer.data.shop) {
        const parsed = PdlShop.safeParse(raw);
        if (!parsed.success) continue; // one odd shop does not spoil the list
        const s = parsed.data;
        const name = cleanEntityText(s.name);
        const nativeId = cleanText(s.id, 40);
        if (!name || !nativeId) continue;
        const postalCode = cleanEntityText(s.postalCode, 12);
        const point = location(parseCoordinate(s.latitude), parseCoordinate(s.longitude), postalCode);
        // A shop that answered it does not have the book is kept as such (never shown as "stock
        // unknown" through its OpenStreetMap entry), with only what names and places it: the whole
        // network answers for every book, and the cache keeps the answer until midnight.
        if (!isTrueFlag(s.stockAvailablility)) {
          shops.push({
            id: `${instance.id}:${nativeId}`,
            sourceId: instance.id,
            name,
            address: { postalCode, city: cleanEntityText(s.city, 80) },
            location: point,
            phone: cleanEntityText(s.phone, 30),
            stock: 'out-of-stock',
            isbn13,
            links: {},
          });
          continue;
        }
        const page = safeLink(bookPage(isbn13));
        shops.push({
          id: `${instance.id}:${nativeId}`,
          sourceId: instance.id,
          name,
          address: { street: cleanEntityText(s.address), postalCode, city: cleanEntityText(s.city, 80), country: 'FR' },
          location: point,
          phone: cleanEntityText(s.phone, 30),
          closedForHolidays: isTrueFlag(s.vacances) || undefined,
          stock: isTrueFlag(s.precommande) ? 'preorder' : 'in-stock',
          isbn13,
          links: { book: page, reserve: page },
        });
      }
      return shops;
    },
    expiresAt: nextLocalMidnight,
  };
}
