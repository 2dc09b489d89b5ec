// The bookshop directory's files, as `npm run directory` writes them and the extension reads them:
// one file per grid cell of a country, holding every independent bookshop within MARGIN_KM of the cell
// (so one file answers any search from a place in that cell, up to the largest radius), and an index.
// One schema for both ends: the builder checks what it writes, the extension what it reads.
import * as z from 'zod';

export const DIRECTORY_VERSION = 1;
/** Cells are this many degrees of latitude and of longitude: about 55 km by 40 km in France. */
export const CELL_DEGREES = 0.5;
/** The largest search radius (as Overpass is asked at most: networks/overpass.ts). */
export const MARGIN_KM = 50;
/** OpenStreetMap's licence, and the credit it asks for. */
export const LICENSE = 'ODbL-1.0';
export const ATTRIBUTION = '© OpenStreetMap contributors';

const text = (max: number) => z.string().min(1).max(max);

/** A bookshop as the directory keeps it: what the extension shows, in OpenStreetMap's terms. */
export const DirectoryShop = z.object({
  /** The OpenStreetMap object: "node/123" or "way/456". */
  osm: z.string().regex(/^(node|way|relation)\/\d+$/),
  name: text(200),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  street: text(200).optional(),
  postcode: text(12).optional(),
  city: text(80).optional(),
  phone: text(30).optional(),
  website: text(500).optional(),
  hours: text(300).optional(),
});
export type DirectoryShop = z.infer<typeof DirectoryShop>;

/** The header every file carries: which data, as of when, under which licence. */
const About = {
  version: z.literal(DIRECTORY_VERSION),
  country: z.string().regex(/^[a-z]{2}$/),
  /** When OpenStreetMap's data was taken (Overpass's timestamp_osm_base): the files say how fresh they are. */
  dataDate: z.string().max(40),
  attribution: z.literal(ATTRIBUTION),
  license: z.literal(LICENSE),
};

/** A cell by its south-west corner, in tenths of a degree: "43.5_1.0", "-21.5_55.5". */
const CellName = z.string().regex(/^-?\d{1,2}\.\d_-?\d{1,3}\.\d$/);

export const DirectoryCell = z.object({ ...About, cell: CellName, shops: z.array(DirectoryShop) });
export type DirectoryCell = z.infer<typeof DirectoryCell>;

export const DirectoryIndex = z.object({
  ...About,
  cellDegrees: z.literal(CELL_DEGREES),
  marginKm: z.literal(MARGIN_KM),
  /** The cells that have a file, with how many shops each holds. */
  cells: z.array(z.object({ cell: CellName, shops: z.number().int().min(1) })),
});
export type DirectoryIndex = z.infer<typeof DirectoryIndex>;

/** The cell a point is in, by its south-west corner: "43.5_1.0". */
export function cellOf(point: { lat: number; lon: number }): string {
  const corner = (value: number) => (Math.floor(value / CELL_DEGREES) * CELL_DEGREES).toFixed(1);
  return `${corner(point.lat)}_${corner(point.lon)}`;
}

/** Where a cell's file is, under the directory's base address. */
export const cellPath = (country: string, cell: string) => `${country}/cells/${cell}.json`;
export const indexPath = (country: string) => `${country}/index.json`;
