// OpenStreetMap's bookshops from a hosted directory that a campaign names (`npm run directory --
// --hosted`, on the campaign's own site): static files, one per grid cell of a country. One request per
// cell per week; the file holds every shop within the largest radius of any place in its cell. When it
// cannot be read (unreachable, no file for the country or the cell, or not a directory file), the
// directory inside the package answers, and Overpass where that does not cover the place.
import { cleanText, safeLink, validPoint } from '../shops/clean';
import type { Shop } from '../shops/shop';
import { cellOf, cellPath, DirectoryCell, type DirectoryShop } from '../directory/schema';
import { standingFor, withSlash, type RemoteSource, type ShopSource } from './source';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A directory entry as a shop, its texts cleaned again: a file is read like any answer. */
export function directoryShop(entry: DirectoryShop): Shop | null {
  const name = cleanText(entry.name);
  if (!name) return null;
  return {
    id: `openstreetmap:${entry.osm}`,
    sourceId: 'openstreetmap',
    name,
    address: { street: cleanText(entry.street), postalCode: cleanText(entry.postcode, 12), city: cleanText(entry.city, 80) },
    location: validPoint(entry.lat, entry.lon),
    phone: cleanText(entry.phone, 30),
    website: safeLink(entry.website),
    openingHours: cleanText(entry.hours, 300),
    stock: 'unknown',
    isbn13: null,
    links: {},
  };
}

/** The directory at `baseUrl`, with `fallback` (the packaged directory, or the live query) for when it cannot be read. */
export function bookshopDirectory(baseUrl: string, fallback: ShopSource): RemoteSource {
  const base = withSlash(baseUrl);
  return {
    // The same source as the fallback (OpenStreetMap's bookshops), read another way.
    ...standingFor(fallback),
    request({ place, country }) {
      // (No country known: no such file, and the live query answers.)
      const url = `${base}${cellPath(country ?? 'none', cellOf(place))}`;
      return { url, cacheKey: url };
    },
    shops(data, { country }) {
      const cell = DirectoryCell.safeParse(data);
      if (!cell.success || cell.data.country !== country) return null;
      return cell.data.shops.flatMap((entry) => directoryShop(entry) ?? []);
    },
    expiresAt: (fetchedAt) => fetchedAt + WEEK_MS,
  };
}
