// The directory's files for a country, from one Overpass answer for the whole country (or the same
// answer saved to a file). Pure and deterministic: the same answer gives the same bytes, whatever the
// day or the machine (shops sorted by their OpenStreetMap id, cells by name, the date taken from the
// data itself). The rule for what counts as an independent bookshop is the live query's (bookshopOf).
import * as z from 'zod';
import { bookshopOf } from '../networks/overpass';
import { distanceKm } from '../shops/geo';
import type { Shop } from '../shops/shop';
import { ATTRIBUTION, CELL_DEGREES, cellPath, DIRECTORY_VERSION, DirectoryCell, DirectoryIndex, type DirectoryShop, indexPath, LICENSE, MARGIN_KM } from './schema';

/** The Overpass query for every bookshop of a country (ISO 3166-1 alpha-2): one query a week in all. */
export function countryQuery(country: string): string {
  const code = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new Error(`not a country code: ${country}`);
  return `[out:json][timeout:900];area["ISO3166-1"="${code}"][admin_level=2]->.country;(node["shop"="books"](area.country);way["shop"="books"](area.country););out center tags;`;
}

const OverpassAnswer = z.object({
  elements: z.array(z.unknown()),
  osm3s: z.object({ timestamp_osm_base: z.string() }),
  remark: z.string().optional(),
});

/** The directory's shape of a shop the extension lists (it has a place: a shop with none is on no map). */
function toDirectoryShop(shop: Shop): DirectoryShop | null {
  if (!shop.location) return null;
  // (A field the shop lacks stays undefined, which the file leaves out.)
  return {
    osm: shop.id.replace(/^openstreetmap:/, ''),
    name: shop.name,
    lat: shop.location.lat,
    lon: shop.location.lon,
    street: shop.address.street,
    postcode: shop.address.postalCode,
    city: shop.address.city,
    phone: shop.phone,
    website: shop.website,
    hours: shop.openingHours,
  };
}

/** "way/12" before "node/3"? No: by type, then by number, so the order never depends on the answer's. */
const byOsmId = (a: DirectoryShop, b: DirectoryShop) => {
  const [typeA, idA] = a.osm.split('/');
  const [typeB, idB] = b.osm.split('/');
  return typeA === typeB ? Number(idA) - Number(idB) : typeA! < typeB! ? -1 : 1;
};

/** Distance from a point to the nearest point of a cell (zero inside it). */
function distanceToCellKm(point: { lat: number; lon: number }, south: number, west: number): number {
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  return distanceKm(point, { lat: clamp(point.lat, south, south + CELL_DEGREES), lon: clamp(point.lon, west, west + CELL_DEGREES) });
}

/** The cells (by south-west corner) whose file must hold a shop here: every cell within MARGIN_KM of it. */
function cellsNear(point: { lat: number; lon: number }): string[] {
  const latSpan = MARGIN_KM / 110.574;
  const lonSpan = MARGIN_KM / (111.32 * Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01));
  const first = (value: number) => Math.floor(value / CELL_DEGREES) * CELL_DEGREES;
  const cells: string[] = [];
  for (let south = first(point.lat - latSpan); south <= point.lat + latSpan; south += CELL_DEGREES) {
    for (let west = first(point.lon - lonSpan); west <= point.lon + lonSpan; west += CELL_DEGREES) {
      if (distanceToCellKm(point, south, west) <= MARGIN_KM) cells.push(`${south.toFixed(1)}_${west.toFixed(1)}`);
    }
  }
  return cells;
}

/**
 * The files of a country's directory, path → content: one per cell with a shop within MARGIN_KM, and
 * the index. Throws when the answer is not a whole Overpass answer (a remark is a failed query).
 */
export function buildDirectory(country: string, answer: unknown): Map<string, string> {
  const parsed = OverpassAnswer.parse(answer);
  if (parsed.remark && /error/i.test(parsed.remark)) throw new Error(`Overpass failed: ${parsed.remark}`);
  const about = { version: DIRECTORY_VERSION, country: country.toLowerCase(), dataDate: parsed.osm3s.timestamp_osm_base, attribution: ATTRIBUTION, license: LICENSE } as const;

  const shops = new Map<string, DirectoryShop>();
  for (const raw of parsed.elements) {
    const shop = bookshopOf(raw);
    const entry = shop && toDirectoryShop(shop);
    if (entry) shops.set(entry.osm, entry);
  }
  const cells = new Map<string, DirectoryShop[]>();
  for (const shop of [...shops.values()].sort(byOsmId)) {
    for (const cell of cellsNear(shop)) cells.set(cell, [...(cells.get(cell) ?? []), shop]);
  }

  const files = new Map<string, string>();
  const names = [...cells.keys()].sort();
  for (const cell of names) files.set(cellPath(about.country, cell), `${JSON.stringify(DirectoryCell.parse({ ...about, cell, shops: cells.get(cell) }))}\n`);
  const index = DirectoryIndex.parse({ ...about, cellDegrees: CELL_DEGREES, marginKm: MARGIN_KM, cells: names.map((cell) => ({ cell, shops: cells.get(cell)!.length })) });
  files.set(indexPath(about.country), `${JSON.stringify(index, null, 1)}\n`);
  return files;
}
