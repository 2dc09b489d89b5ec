// Where the vector tiles are. A {z}/{x}/{y} address is used as it is; any other address is a TileJSON
// document that names them (OpenFreeMap's tile address carries its weekly build, e.g.
// …/planet/20261004_080001_pt/{z}/{x}/{y}.pbf, and its TileJSON at …/planet says which is current).
// The answer is parsed like every other, and its tile address must be on the document's own host: the
// shopper's area goes only to the host the settings name.
import * as z from 'zod/mini';
import { isTileTemplate } from '../shared/settings';

export interface VectorSource {
  /** https://…/{z}/{x}/{y}… */
  template: string;
  /** The deepest zoom the service has tiles for; the map draws deeper zooms from those. */
  maxZoom: number;
}

/** OpenMapTiles builds stop at zoom 14 (OpenFreeMap's TileJSON says "maxzoom": 14). */
export const DEFAULT_MAX_ZOOM = 14;

/**
 * The OpenMapTiles layers the map draws (openmaptiles-style.ts: its paint and label rules read these and
 * no others; a test holds the two together). A tile service whose TileJSON does not list them all would
 * draw a blank or half map: it is refused, with a message.
 */
export const MAP_LAYERS = ['landcover', 'landuse', 'water', 'waterway', 'building', 'transportation', 'place'] as const;

/** The fields read of a TileJSON document (TileJSON 3.0.0: `tiles`, `maxzoom`, `vector_layers`); others are ignored. */
const TileJson = z.object({
  tiles: z.array(z.string().check(z.maxLength(500))).check(z.minLength(1)),
  maxzoom: z.optional(z.int().check(z.gte(0), z.lte(22))),
});
const VectorLayers = z.object({ vector_layers: z.array(z.object({ id: z.string() })).check(z.maxLength(200)) });

/** The layers the map draws that a TileJSON answer does not list (TileJSON 3.0.0 requires `vector_layers` of vector tiles: none listed, all missing). */
export function missingLayers(answer: unknown): string[] {
  const parsed = VectorLayers.safeParse(answer);
  const listed = new Set(parsed.success ? parsed.data.vector_layers.map((layer) => layer.id) : []);
  return MAP_LAYERS.filter((layer) => !listed.has(layer));
}

/** The source a TileJSON answer names, or null when it names none the map may use (or lacks a layer the map draws). */
export function sourceFromTileJson(documentUrl: string, answer: unknown): VectorSource | null {
  const parsed = TileJson.safeParse(answer);
  if (!parsed.success || missingLayers(answer).length > 0) return null;
  const template = parsed.data.tiles[0]!;
  const origin = (url: string) => (URL.canParse(url) ? new URL(url).origin : null);
  if (origin(template) === null || origin(template) !== origin(documentUrl) || !isTileTemplate(template)) return null;
  return { template, maxZoom: parsed.data.maxzoom ?? DEFAULT_MAX_ZOOM };
}

/** The address of one tile. */
export const tileUrl = (template: string, tile: { z: number; x: number; y: number }) =>
  template.replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y));

/** How long a TileJSON answer is kept: a day, well inside OpenFreeMap's weekly builds. */
export const SOURCE_LIFETIME_MS = 24 * 3600_000;

/** A kept TileJSON answer, as stored; read back through sourceFromTileJson like a fresh one. */
export const KeptTileJson = z.object({ from: z.string(), answer: z.unknown(), until: z.number() });
export type KeptTileJson = z.infer<typeof KeptTileJson>;
