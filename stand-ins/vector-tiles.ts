// Vector map tiles for the tests, the offline demo and the bench: a made-up town drawn from nothing
// (a street grid, a river, parks and blocks of buildings laid out by arithmetic on the tile's place in
// the world), in the OpenMapTiles schema OpenFreeMap serves (layers water, park, building and
// transportation with its `class` field: openmaptiles.org/schema, as in hyperknot/openfreemap's
// README). It shows no real place and holds no data from anywhere. The same world-aligned rules apply at
// every zoom, so a street stays where it was when the map zooms.
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** The MVT grid of a tile's own coordinates (the specification's usual extent). */
const EXTENT = 4096;
/** Drawn a little past the tile's edges, as real tiles are, so strokes join across tiles. */
const BUFFER = 64;

type Ring = [number, number][];
interface TileFeature {
  type: 2 | 3;
  geometry: Ring[];
  tags: Record<string, string>;
}

/** Street spacing in world units (the world is 1 wide): minor streets, main roads and motorways. */
const STREETS = [
  { every: 2 ** -17, minZoom: 13, class: 'minor' },
  { every: 2 ** -14, minZoom: 9, class: 'primary' },
  { every: 2 ** -11, minZoom: 5, class: 'motorway' },
] as const;
/** A river crosses every this many world units, west to east. */
const RIVER_EVERY = 2 ** -12;
/** Parks and blocks of buildings sit on a grid of cells this wide. */
const CELL = 2 ** -15;

/** A small, fixed mix of two integers, so which cells hold a park looks random and is the same each time. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 12)) >>> 0;
}

/** The stand-in tile at z/x/y, as the bytes of a Mapbox Vector Tile (uncompressed, as served). */
export function standInVectorTile(z: number, x: number, y: number): Uint8Array {
  const scale = 2 ** z;
  // World units to this tile's grid, and the tile's span in world units with its buffer.
  const toTile = (world: number, origin: number) => Math.round((world * scale - origin) * EXTENT);
  const margin = BUFFER / EXTENT / scale;
  const west = x / scale - margin;
  const east = (x + 1) / scale + margin;
  const north = y / scale - margin;
  const south = (y + 1) / scale + margin;
  const box = (w: number, n: number, e: number, s: number): Ring => [
    [toTile(w, x), toTile(n, y)],
    [toTile(w, x), toTile(s, y)],
    [toTile(e, x), toTile(s, y)],
    [toTile(e, x), toTile(n, y)],
    [toTile(w, x), toTile(n, y)],
  ];
  const linesAcross = (every: number, from: number, to: number) => {
    const positions: number[] = [];
    for (let at = Math.ceil(from / every) * every; at <= to; at += every) positions.push(at);
    return positions;
  };

  const water: TileFeature[] = linesAcross(RIVER_EVERY, north - RIVER_EVERY, south).map((top) => ({
    type: 3,
    geometry: [box(west, top + RIVER_EVERY * 0.4, east, top + RIVER_EVERY * 0.46)],
    tags: { class: 'river' },
  }));

  const park: TileFeature[] = [];
  const building: TileFeature[] = [];
  if (z >= 11) {
    for (const cellWest of linesAcross(CELL, west - CELL, east)) {
      for (const cellNorth of linesAcross(CELL, north - CELL, south)) {
        const kind = mix(Math.round(cellWest / CELL), Math.round(cellNorth / CELL)) % 6;
        const inset = CELL * 0.15;
        if (kind === 0) park.push({ type: 3, geometry: [box(cellWest + inset, cellNorth + inset, cellWest + CELL - inset, cellNorth + CELL - inset)], tags: { class: 'park' } });
        else if (kind < 3 && z >= 14) building.push({ type: 3, geometry: [box(cellWest + inset * 2, cellNorth + inset * 2, cellWest + CELL / 2, cellNorth + CELL / 2)], tags: {} });
      }
    }
  }

  const transportation: TileFeature[] = [];
  for (const street of STREETS) {
    if (z < street.minZoom) continue;
    for (const at of linesAcross(street.every, west, east)) transportation.push({ type: 2, geometry: [[[toTile(at, x), -BUFFER], [toTile(at, x), EXTENT + BUFFER]]], tags: { class: street.class } });
    for (const at of linesAcross(street.every, north, south)) transportation.push({ type: 2, geometry: [[[-BUFFER, toTile(at, y)], [EXTENT + BUFFER, toTile(at, y)]]], tags: { class: street.class } });
  }

  return fromGeojsonVt({ water: { features: water }, park: { features: park }, building: { features: building }, transportation: { features: transportation } }, { version: 2, extent: EXTENT });
}
