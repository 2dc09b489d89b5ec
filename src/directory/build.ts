// The directory's files, from one Overpass answer per whole country (or the same answers saved to
// files): the packaged layout for every country at once, the hosted layout one country at a time. Pure and deterministic: the same answer gives the same bytes, whatever the
// day or the machine (shops sorted by their OpenStreetMap id, cells by name, the date taken from the
// data itself). The rule for what counts as an independent bookshop is the live query's (bookshopOf).
import * as z from 'zod/mini';
import { STOREFRONT_DOMAINS, countryOfStorefront } from '../book/storefronts';
import { bookshopOf, libraryOf } from '../networks/overpass';

import type { Shop } from '../shops/shop';
import {
  ATTRIBUTION,
  CELL_DEGREES,
  cellOf,
  cellPath,
  cellsWithin,
  DIRECTORY_VERSION,
  DirectoryCell,
  DirectoryIndex,
  type DirectoryLibrary,
  type DirectoryShop,
  indexPath,
  LICENSE,
  MARGIN_KM,
  PACKAGED_INDEX,
  PACKAGED_VERSION,
  PackagedCell,
  packagedCellPath,
  PackagedIndex,
} from './schema';

/**
 * The countries the packaged directory covers: every storefront's (src/book/storefronts.ts) and the
 * neighbours whose shoppers buy on them (Switzerland, Luxembourg and Austria on .fr and .de, Ireland on
 * .co.uk). A place elsewhere is looked up live.
 */
export const DIRECTORY_COUNTRIES = [...new Set([...STOREFRONT_DOMAINS.map(countryOfStorefront), 'ch', 'lu', 'at', 'ie'])].sort();

/** The Overpass query for every bookshop and public library of a country (ISO 3166-1 alpha-2): one query a week in all. */
export function countryQuery(country: string): string {
  const code = country.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) throw new Error(`not a country code: ${country}`);
  const kinds = ['["shop"="books"]', '["amenity"="library"]'].flatMap((filter) => [`node${filter}(area.country);`, `way${filter}(area.country);`]).join('');
  return `[out:json][timeout:900];area["ISO3166-1"="${code}"][admin_level=2]->.country;(${kinds});out center tags;`;
}

/**
 * A library service as a catalogue names it (the UK's, from Libraries Hacked's `/api/services`:
 * `{ code, name, type, url }` per service, LibrariesHacked/catalogues-library helpers/common.js
 * `getService`): its code, and the name by which a library's `operator` tag says it runs the library.
 */
export interface LibraryService {
  code: string;
  name: string;
}

const words = (text: string) => ` ${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * The service whose name is, word for word, in the library's operator ("London Borough of Camden" is
 * run by "Camden"), the longest such name where several are ("North Yorkshire" over "York"); none when
 * the operator is not given or names none of them.
 */
export function serviceOfOperator(operator: string | undefined, services: readonly LibraryService[]): string | undefined {
  if (!operator) return undefined;
  const said = words(operator);
  const named = services.filter((service) => words(service.name).trim() && said.includes(words(service.name)));
  return named.sort((a, b) => b.name.length - a.name.length)[0]?.code;
}

const OverpassAnswer = z.object({
  elements: z.array(z.unknown()),
  osm3s: z.object({ timestamp_osm_base: z.string() }),
  remark: z.optional(z.string()),
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

/**
 * The bookshops and libraries of one Overpass answer, each once, in a fixed order, with the data's date;
 * each library with the service (of `services`) its operator names. Throws when the answer is not a
 * whole Overpass answer (a remark is a failed query).
 */
function shopsOfAnswer(answer: unknown, services: readonly LibraryService[] = []): { dataDate: string; shops: DirectoryShop[]; libraries: DirectoryLibrary[] } {
  const parsed = OverpassAnswer.parse(answer);
  if (parsed.remark && /error/i.test(parsed.remark)) throw new Error(`Overpass failed: ${parsed.remark}`);
  const shops = new Map<string, DirectoryShop>();
  const libraries = new Map<string, DirectoryLibrary>();
  for (const raw of parsed.elements) {
    const shop = bookshopOf(raw);
    const entry = shop && toDirectoryShop(shop);
    if (entry) shops.set(entry.osm, entry);
    const library = libraryOf(raw);
    const place = library && toDirectoryShop(library.shop);
    if (place) libraries.set(place.osm, { ...place, service: serviceOfOperator(library.operator, services) });
  }
  return { dataDate: parsed.osm3s.timestamp_osm_base, shops: [...shops.values()].sort(byOsmId), libraries: [...libraries.values()].sort(byOsmId) };
}

/** The cell whose file holds a shop in the packaged layout: the one it is in. */
const ownCell = (shop: DirectoryShop) => cellOf(shop);

/**
 * The packaged directory's files, path → content (under `directory/` in the package): every shop and
 * library of every country once, in its own cell's file, and the index. `answers`: country code → its
 * Overpass answer; `libraryServices`: country code → the library services its catalogue source knows.
 * `fictional` marks the made-up directory of the tests and the demo, which no release takes.
 */
export function buildPackagedDirectory(
  answers: ReadonlyMap<string, unknown>,
  { fictional, libraryServices = new Map() }: { fictional: boolean; libraryServices?: ReadonlyMap<string, readonly LibraryService[]> },
): Map<string, string> {
  const shops = new Map<string, DirectoryShop>();
  const libraries = new Map<string, DirectoryLibrary>();
  const dates: string[] = [];
  for (const [country, answer] of answers) {
    if (!/^[a-z]{2}$/i.test(country)) throw new Error(`not a country code: ${country}`);
    const read = shopsOfAnswer(answer, libraryServices.get(country.toLowerCase()));
    dates.push(read.dataDate);
    for (const shop of read.shops) shops.set(shop.osm, shop);
    for (const library of read.libraries) libraries.set(library.osm, library);
  }
  const cells = new Map<string, { shops: DirectoryShop[]; libraries: DirectoryLibrary[] }>();
  const cellFor = (place: DirectoryShop) => cells.get(ownCell(place)) ?? cells.set(ownCell(place), { shops: [], libraries: [] }).get(ownCell(place))!;
  for (const shop of [...shops.values()].sort(byOsmId)) cellFor(shop).shops.push(shop);
  for (const library of [...libraries.values()].sort(byOsmId)) cellFor(library).libraries.push(library);
  const names = [...cells.keys()].sort();
  const files = new Map<string, string>();
  for (const cell of names) {
    const held = cells.get(cell)!;
    // (A cell with no library keeps the file as it was before libraries: no empty list.)
    files.set(packagedCellPath(cell), `${JSON.stringify(PackagedCell.parse({ cell, shops: held.shops, ...(held.libraries.length > 0 ? { libraries: held.libraries } : {}) }))}\n`);
  }
  const index = PackagedIndex.parse({
    version: PACKAGED_VERSION,
    dataDate: dates.sort()[0] ?? '',
    fictional,
    attribution: ATTRIBUTION,
    license: LICENSE,
    cellDegrees: CELL_DEGREES,
    countries: [...answers.keys()].map((code) => code.toLowerCase()).sort(),
    cells: names,
  });
  files.set(PACKAGED_INDEX, `${JSON.stringify(index)}\n`);
  return files;
}

/**
 * The files of a country's hosted directory, path → content: one per cell with a shop within
 * MARGIN_KM, and the index. Throws when the answer is not a whole Overpass answer.
 */
export function buildDirectory(country: string, answer: unknown): Map<string, string> {
  const { dataDate, shops } = shopsOfAnswer(answer);
  const about = { version: DIRECTORY_VERSION, country: country.toLowerCase(), dataDate, attribution: ATTRIBUTION, license: LICENSE } as const;
  const cells = new Map<string, DirectoryShop[]>();
  for (const shop of shops) {
    for (const cell of cellsWithin(shop, MARGIN_KM)) cells.set(cell, [...(cells.get(cell) ?? []), shop]);
  }

  const files = new Map<string, string>();
  const names = [...cells.keys()].sort();
  for (const cell of names) files.set(cellPath(about.country, cell), `${JSON.stringify(DirectoryCell.parse({ ...about, cell, shops: cells.get(cell) }))}\n`);
  const index = DirectoryIndex.parse({ ...about, cellDegrees: CELL_DEGREES, marginKm: MARGIN_KM, cells: names.map((cell) => ({ cell, shops: cells.get(cell)!.length })) });
  files.set(indexPath(about.country), `${JSON.stringify(index, null, 1)}\n`);
  return files;
}
