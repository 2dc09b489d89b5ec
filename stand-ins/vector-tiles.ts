// Vector map tiles for the tests, the offline demo and the bench: a made-up town drawn from nothing
// (a street grid, a river, parks, built-up blocks and buildings laid out by arithmetic on the tile's place in
// the world, and made-up place names), in the OpenMapTiles schema OpenFreeMap serves: the layers
// landuse (class residential), landcover (class grass, subclass park), water, waterway, building,
// transportation and place (class, name and name:xx in each language), with the fields
// openmaptiles.org/schema gives them (as in hyperknot/openfreemap's README). It shows no real place
// and holds no data from anywhere. The same world-aligned rules apply at every zoom, so a street stays
// where it was when the map zooms.
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** The MVT grid of a tile's own coordinates (the specification's usual extent). */
const EXTENT = 4096;
/** Drawn a little past the tile's edges, as real tiles are, so strokes join across tiles. */
const BUFFER = 64;

type Ring = [number, number][];
interface TileFeature {
  /** 1 point, 2 line, 3 polygon. */
  type: 1 | 2 | 3;
  geometry: Ring[] | [number, number][];
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
/** One made-up town's name every this many world units, each way. */
const TOWN_EVERY = 2 ** -12;
/** The made-up town's name in the languages the popup speaks, as OpenMapTiles' `name:xx` fields carry them, and its local `name` (in none of them). */
export const STAND_IN_TOWN = { name: 'Kartburg', 'name:en': 'Mapton', 'name:fr': 'Ville-sur-Carte', 'name:de': 'Kartenstadt', 'name:es': 'Villamapa', 'name:it': 'Mappaville', 'name:nl': 'Kaartdorp' };

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

  const rivers = linesAcross(RIVER_EVERY, north - RIVER_EVERY, south);
  const water: TileFeature[] = rivers.map((top) => ({
    type: 3,
    geometry: [box(west, top + RIVER_EVERY * 0.4, east, top + RIVER_EVERY * 0.46)],
    tags: { class: 'river' },
  }));
  // Each river's line, as OpenMapTiles keeps it beside the water polygon.
  const waterway: TileFeature[] = rivers.map((top) => ({
    type: 2,
    geometry: [[[-BUFFER, toTile(top + RIVER_EVERY * 0.43, y)], [EXTENT + BUFFER, toTile(top + RIVER_EVERY * 0.43, y)]]],
    tags: { class: 'river' },
  }));

  const landcover: TileFeature[] = [];
  const landuse: TileFeature[] = [];
  const building: TileFeature[] = [];
  if (z >= 11) {
    for (const cellWest of linesAcross(CELL, west - CELL, east)) {
      for (const cellNorth of linesAcross(CELL, north - CELL, south)) {
        const kind = mix(Math.round(cellWest / CELL), Math.round(cellNorth / CELL)) % 6;
        const inset = CELL * 0.15;
        const cell = box(cellWest + inset, cellNorth + inset, cellWest + CELL - inset, cellNorth + CELL - inset);
        if (kind === 0) landcover.push({ type: 3, geometry: [cell], tags: { class: 'grass', subclass: 'park' } });
        else if (kind < 4) landuse.push({ type: 3, geometry: [cell], tags: { class: 'residential' } });
        if (kind > 0 && kind < 3 && z >= 14) building.push({ type: 3, geometry: [box(cellWest + inset * 2, cellNorth + inset * 2, cellWest + CELL / 2, cellNorth + CELL / 2)], tags: {} });
      }
    }
  }

  // A town's name at the middle of each town square that falls in the tile (its buffer aside).
  const place: TileFeature[] = [];
  for (const townWest of linesAcross(TOWN_EVERY, x / scale - TOWN_EVERY / 2, (x + 1) / scale)) {
    for (const townNorth of linesAcross(TOWN_EVERY, y / scale - TOWN_EVERY / 2, (y + 1) / scale)) {
      const at: [number, number] = [toTile(townWest + TOWN_EVERY / 2, x), toTile(townNorth + TOWN_EVERY / 2, y)];
      if (at.every((c) => c >= 0 && c < EXTENT)) place.push({ type: 1, geometry: [at], tags: { class: 'town', ...STAND_IN_TOWN } });
    }
  }

  const transportation: TileFeature[] = [];
  for (const street of STREETS) {
    if (z < street.minZoom) continue;
    for (const at of linesAcross(street.every, west, east)) transportation.push({ type: 2, geometry: [[[toTile(at, x), -BUFFER], [toTile(at, x), EXTENT + BUFFER]]], tags: { class: street.class } });
    for (const at of linesAcross(street.every, north, south)) transportation.push({ type: 2, geometry: [[[-BUFFER, toTile(at, y)], [EXTENT + BUFFER, toTile(at, y)]]], tags: { class: street.class } });
  }

  const layers = { landuse, landcover, water, waterway, building, transportation, place };
  return fromGeojsonVt(Object.fromEntries(Object.entries(layers).map(([name, features]) => [name, { features }])), { version: 2, extent: EXTENT });
}
