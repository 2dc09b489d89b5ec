// The bookshop directory's files, as `npm run directory` writes them and the extension reads them, in
// two layouts of the same data:
// - packaged (inside the extension, the default): every shop once, in the file of the grid cell it is
//   in, and an index of the cells and countries; the worker reads the few cells within the radius from
//   its own package, so no request leaves the browser;
// - hosted (a campaign's own site, a setting): one file per grid cell of a country, holding every shop
//   within MARGIN_KM of the cell, so one request answers any search from a place in that cell.
// One schema for both ends: the builder checks what it writes, the extension what it reads.
import * as z from 'zod/mini';
import { distanceKm } from '../shops/geo';

export const DIRECTORY_VERSION = 1;
/** Cells are this many degrees of latitude and of longitude: about 55 km by 40 km in France. */
export const CELL_DEGREES = 0.5;
/** The largest search radius (as Overpass is asked at most: networks/overpass.ts). */
export const MARGIN_KM = 50;
/** OpenStreetMap's licence, and the credit it asks for. */
export const LICENSE = 'ODbL-1.0';
export const ATTRIBUTION = '© OpenStreetMap contributors';

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** A bookshop as the directory keeps it: what the extension shows, in OpenStreetMap's terms. */
export const DirectoryShop = z.object({
  /** The OpenStreetMap object: "node/123" or "way/456". */
  osm: z.string().check(z.regex(/^(node|way|relation)\/\d+$/)),
  name: text(200),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  street: z.optional(text(200)),
  postcode: z.optional(text(12)),
  city: z.optional(text(80)),
  phone: z.optional(text(30)),
  website: z.optional(text(500)),
  hours: z.optional(text(300)),
});
export type DirectoryShop = z.infer<typeof DirectoryShop>;

/**
 * A public library (OpenStreetMap's amenity=library), with the library service whose catalogue lists
 * its loans, in the catalogue's own terms (the UK's: the ONS/GSS code of its authority), where known.
 */
export const DirectoryLibrary = z.object({ ...DirectoryShop.shape, service: z.optional(text(40)) });
export type DirectoryLibrary = z.infer<typeof DirectoryLibrary>;

/** The header every file carries: which data, as of when, under which licence. */
const About = {
  version: z.literal(DIRECTORY_VERSION),
  country: z.string().check(z.regex(/^[a-z]{2}$/)),
  /** When OpenStreetMap's data was taken (Overpass's timestamp_osm_base): the files say how fresh they are. */
  dataDate: z.string().check(z.maxLength(40)),
  attribution: z.literal(ATTRIBUTION),
  license: z.literal(LICENSE),
};

/** A cell by its south-west corner, in tenths of a degree: "43.5_1.0", "-21.5_55.5". */
const CellName = z.string().check(z.regex(/^-?\d{1,2}\.\d_-?\d{1,3}\.\d$/));

export const DirectoryCell = z.object({ ...About, cell: CellName, shops: z.array(DirectoryShop) });
export type DirectoryCell = z.infer<typeof DirectoryCell>;

export const DirectoryIndex = z.object({
  ...About,
  cellDegrees: z.literal(CELL_DEGREES),
  marginKm: z.literal(MARGIN_KM),
  /** The cells that have a file, with how many shops each holds. */
  cells: z.array(z.object({ cell: CellName, shops: z.int().check(z.gte(1)) })),
});
export type DirectoryIndex = z.infer<typeof DirectoryIndex>;

/** The cell a point is in, by its south-west corner: "43.5_1.0". */
export function cellOf(point: { lat: number; lon: number }): string {
  const corner = (value: number) => (Math.floor(value / CELL_DEGREES) * CELL_DEGREES).toFixed(1);
  return `${corner(point.lat)}_${corner(point.lon)}`;
}

/** Distance from a point to the nearest point of a cell (zero inside it), the cell named by its south-west corner. */
function distanceToCellKm(point: { lat: number; lon: number }, south: number, west: number): number {
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  return distanceKm(point, { lat: clamp(point.lat, south, south + CELL_DEGREES), lon: clamp(point.lon, west, west + CELL_DEGREES) });
}

/** The cells any part of which is within `radiusKm` of a point (its own cell first among them, by name). */
export function cellsWithin(point: { lat: number; lon: number }, radiusKm: number): string[] {
  const latSpan = radiusKm / 110.574;
  const lonSpan = radiusKm / (111.32 * Math.max(Math.cos((point.lat * Math.PI) / 180), 0.01));
  const first = (value: number) => Math.floor(value / CELL_DEGREES) * CELL_DEGREES;
  const cells: string[] = [];
  for (let south = first(point.lat - latSpan); south <= point.lat + latSpan; south += CELL_DEGREES) {
    for (let west = first(point.lon - lonSpan); west <= point.lon + lonSpan; west += CELL_DEGREES) {
      if (distanceToCellKm(point, south, west) <= radiusKm) cells.push(`${south.toFixed(1)}_${west.toFixed(1)}`);
    }
  }
  return cells;
}

export const PACKAGED_VERSION = 2;

/**
 * The packaged directory's index: which countries it covers (a place elsewhere is looked up live), which
 * cells have a file (a cell with none has no shop: nothing to read), and how old its data is (the
 * release refuses a directory older than 45 days, or the fictional one the tests and the demo use).
 */
export const PackagedIndex = z.object({
  version: z.literal(PACKAGED_VERSION),
  /** The oldest of the countries' OpenStreetMap timestamps (ISO 8601). */
  dataDate: z.string().check(z.maxLength(40)),
  /** True for the made-up directory committed for tests and the demo: never in a release. */
  fictional: z.boolean(),
  attribution: z.literal(ATTRIBUTION),
  license: z.literal(LICENSE),
  cellDegrees: z.literal(CELL_DEGREES),
  countries: z.array(z.string().check(z.regex(/^[a-z]{2}$/))),
  cells: z.array(CellName),
});
export type PackagedIndex = z.infer<typeof PackagedIndex>;

/** A packaged cell: the shops inside it, each in exactly one cell, and the libraries (none in older files). */
export const PackagedCell = z.object({ cell: CellName, shops: z.array(DirectoryShop), libraries: z.optional(z.array(DirectoryLibrary)) });
export type PackagedCell = z.infer<typeof PackagedCell>;

/** Where the packaged directory's files are, under its folder (`directory/` in the package). */
export const PACKAGED_INDEX = 'index.json';
export const packagedCellPath = (cell: string) => `cells/${cell}.json`;

/** Where a hosted directory's cell file is, under the directory's base address. */
export const cellPath = (country: string, cell: string) => `${country}/cells/${cell}.json`;
export const indexPath = (country: string) => `${country}/index.json`;
