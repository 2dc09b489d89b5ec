// The map's credits, as each provider's terms ask: OpenStreetMap's data (linked to its copyright page),
// the OpenMapTiles schema under vector tiles, and the tile service (its own text and link, a setting).
// The map shows them as elements (shop-map.ts), never as an HTML string as Leaflet's own control would.
import type { BaseLayerKind } from './base-layer';

export const OSM_COPYRIGHT = 'https://www.openstreetmap.org/copyright';
/** The OpenMapTiles schema's licence asks for a visible credit linked to its site. */
export const OPENMAPTILES = 'https://www.openmaptiles.org/';

export interface TileCredit {
  attribution: string;
  attributionUrl: string;
}

/** The credits for the background in use, in order: the tile service, the schema, the data. */
export function creditsFor(kind: BaseLayerKind, service: TileCredit): Array<{ text: string; url: string }> {
  return [
    ...(service.attribution ? [{ text: service.attribution, url: service.attributionUrl }] : []),
    ...(kind === 'vector' ? [{ text: '© OpenMapTiles', url: OPENMAPTILES }] : []),
    { text: '© OpenStreetMap', url: OSM_COPYRIGHT },
  ];
}
